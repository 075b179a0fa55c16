// Coverage from a CSV file (a SIMPUS/ASIK export or a sheet saved as CSV): one row per program,
// indicator and optionally village, with bulan_ini and/or kumulatif. The separator is found from
// the header (`;` as Excel with Indonesian settings saves, `,` or tab); decimal commas are read as
// decimals, so "12,5" is refused as a count for what it is rather than misread. Only the rows
// present change; a column left out leaves its values as they are.
import { msg, t } from "../../i18n/index.js";
import { parseCount, parseText, type FormProblem } from "./cells.js";
import { type MonthInput, programInput } from "./forms.js";
import {
  figureProblems,
  formIndicator,
  type IndicatorValues,
  previousFigure,
  type ProgramValues,
  villageSumProblems,
} from "./program.js";
import { matchVillage, villageAdvice } from "../villages.js";

const M = {
  place: msg("baris {row}, kolom {column}", "row {row}, column {column}"),
  row: msg("baris {row}", "row {row}"),
  header: msg(
    "baris pertama harus berisi judul kolom: program, indikator, desa (boleh), bulan_ini dan/atau kumulatif",
    "the first row must hold the column names: program, indikator, desa (optional), bulan_ini and/or kumulatif",
  ),
  unknownColumn: msg(
    "kolom '{column}' tidak dikenal; yang dikenal: {known}",
    "unknown column '{column}'; known: {known}",
  ),
  empty: msg("berkas CSV kosong", "the CSV file is empty"),
  quote: msg("tanda kutip tidak ditutup", "a quote is not closed"),
  program: msg(
    "program '{id}' tidak ada di bulan {month}; tulis id program: {choices}",
    "program '{id}' does not exist in {month}; write a program id: {choices}",
  ),
  indicator: msg(
    "indikator '{id}' tidak ada di program {program}; tulis id indikator: {choices}",
    "indicator '{id}' is not in program {program}; write an indicator id: {choices}",
  ),
  village: msg(
    "desa '{desa}' tidak ada di indikator {id}; tulis nama desa: {choices}",
    "village '{desa}' is not in indicator {id}; write a village name: {choices}",
  ),
  villageNotListed: msg(
    "desa '{desa}' tidak ada di daftar desa lokmin.yaml{advice}; angka baris ini tidak diimpor",
    "village '{desa}' is not in lokmin.yaml's village list{advice}; this row's figures are not imported",
  ),
  twice: msg("baris ini mengulang {what} dari baris {other}", "this row repeats {what} from row {other}"),
  month: msg(
    "bulan {found} bukan {expected}; impor baris ini dengan `lokmin import {found} …` atau hapus baris ini",
    "month {found} is not {expected}; import this row with `lokmin import {found} …` or delete the row",
  ),
};

const villageNames = (indicator: { per_desa?: Array<{ desa: string }> }) =>
  indicator.per_desa?.length ? indicator.per_desa.map((v) => v.desa).join(", ") : "-";

const COLUMNS = ["program", "indikator", "desa", "bulan_ini", "kumulatif", "catatan", "bulan"] as const;
type ColumnName = (typeof COLUMNS)[number];
const ALIASES: Record<string, ColumnName> = { "bulan ini": "bulan_ini", indicator: "indikator", village: "desa" };

/** RFC 4180 rows with the given separator; quotes may hold separators, quotes and newlines. */
export function parseCsv(text: string, sep: string): { rows: string[][]; unclosed: boolean } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return { rows: rows.filter((r) => r.some((c) => c.trim() !== "")), unclosed: quoted };
}

/** The separator the header line uses. */
export function detectSeparator(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? "";
  const counts = [";", ",", "\t"].map((sep) => [sep, first.split(sep).length - 1] as const);
  return [...counts].sort((a, b) => b[1] - a[1])[0][1] > 0 ? [...counts].sort((a, b) => b[1] - a[1])[0][0] : ";";
}

export function readCoverageCsv(
  input: MonthInput,
  file: string,
  text: string,
): { programs: Map<string, ProgramValues>; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const programs = new Map<string, ProgramValues>();
  const body = text.replace(/^\uFEFF/, "");
  const { rows, unclosed } = parseCsv(body, detectSeparator(body));
  if (unclosed) problems.push({ file, message: t(M.quote) });
  if (rows.length === 0) return { programs, problems: [...problems, { file, message: t(M.empty) }] };
  const names = rows[0].map((h) => {
    const key = h.trim().toLowerCase().replace(/\s+/g, " ");
    return ALIASES[key] ?? key.replace(/ /g, "_");
  });
  names.forEach((name, i) => {
    if (name && !(COLUMNS as readonly string[]).includes(name))
      problems.push({
        file,
        cell: t(M.place, { row: 1, column: rows[0][i] }),
        message: t(M.unknownColumn, { column: rows[0][i], known: COLUMNS.join(", ") }),
      });
  });
  const col = (name: ColumnName) => names.indexOf(name);
  if (col("program") < 0 || col("indikator") < 0 || (col("bulan_ini") < 0 && col("kumulatif") < 0)) {
    return { programs, problems: [...problems, { file, cell: t(M.row, { row: 1 }), message: t(M.header) }] };
  }
  const seen = new Map<string, number>();
  rows.slice(1).forEach((cells, i) => {
    const rowNumber = i + 2;
    const get = (name: ColumnName) => (col(name) < 0 ? undefined : (cells[col(name)] ?? "").trim());
    const place = (name: string) => t(M.place, { row: rowNumber, column: name });
    const problem = (name: string, message: string) => problems.push({ file, cell: place(name), message });
    const month = get("bulan");
    if (month && month !== input.month) return problem("bulan", t(M.month, { found: month, expected: input.month }));
    const programId = get("program") ?? "";
    const report = input.programs.find((p) => p.program === programId);
    if (!report) {
      const choices = input.programs.map((p) => p.program).join(", ");
      return problem("program", t(M.program, { id: programId, month: input.month, choices }));
    }
    const indicatorId = get("indikator") ?? "";
    const indicator = report.indikator.find((x) => x.id === indicatorId);
    if (!indicator) {
      const choices = report.indikator.map((x) => x.id).join(", ");
      return problem("indikator", t(M.indicator, { id: indicatorId, program: programId, choices }));
    }
    const desa = get("desa") || undefined;
    if (desa !== undefined && !indicator.per_desa?.some((v) => v.desa === desa))
      return problem("desa", t(M.village, { desa, id: indicatorId, choices: villageNames(indicator) }));
    if (desa !== undefined && matchVillage(desa, input.config.desa) === undefined)
      return problem("desa", t(M.villageNotListed, { desa, advice: villageAdvice(desa, input.config.desa) }));
    const key = `${programId}/${indicatorId}/${desa ?? ""}`;
    const other = seen.get(key);
    if (other !== undefined)
      return problems.push({ file, cell: t(M.row, { row: rowNumber }), message: t(M.twice, { what: key, other }) });
    seen.set(key, rowNumber);
    const count = (name: ColumnName) => {
      const raw = get(name);
      if (raw === undefined) return undefined;
      const parsed = parseCount({ kind: "text", value: raw });
      if (!parsed.ok) {
        problem(name, parsed.message);
        return undefined;
      }
      return parsed.value;
    };
    const bulan = count("bulan_ini");
    let kumulatif = count("kumulatif");
    if (col("kumulatif") < 0 && bulan !== undefined) {
      const form = programInput(input, report);
      const { kind, month } = formIndicator(form, indicatorId);
      const january = month === 1;
      const previous = form.previous?.indikator.find((x) => x.id === indicatorId);
      const before = january
        ? 0
        : desa === undefined
          ? previous?.kumulatif
          : previous?.per_desa?.find((v) => v.desa === desa)?.kumulatif;
      if (kind === "terakhir") kumulatif = bulan;
      else if (before !== undefined && before !== null) kumulatif = bulan === null ? null : before + bulan;
    }
    // Figures are checked as they will be written: a column left out keeps the file's value.
    const current = desa === undefined ? indicator : indicator.per_desa?.find((v) => v.desa === desa);
    const before = previousFigure(programInput(input, report), indicatorId, desa);
    const now = {
      bulan: bulan === undefined ? (current?.bulan_ini ?? null) : bulan,
      kumulatif: kumulatif === undefined ? (current?.kumulatif ?? null) : kumulatif,
    };
    if (bulan !== undefined || kumulatif !== undefined)
      for (const p of figureProblems(
        before,
        now.bulan,
        now.kumulatif,
        formIndicator(programInput(input, report), indicatorId).kind,
      ))
        problem(col(p.column) < 0 ? (p.column === "kumulatif" ? "bulan_ini" : "kumulatif") : p.column, p.message);
    const values = programs.get(programId) ?? { program: programId, indikator: [] };
    programs.set(programId, values);
    let entry = values.indikator?.find((x) => x.id === indicatorId);
    if (!entry) {
      entry = { id: indicatorId } as IndicatorValues;
      values.indikator?.push(entry);
    }
    if (desa === undefined) {
      entry.bulan_ini = bulan;
      entry.kumulatif = kumulatif;
      const note = get("catatan");
      if (note !== undefined) entry.catatan = parseText({ kind: "text", value: note }).ok ? note || null : null;
    } else {
      entry.per_desa = [...(entry.per_desa ?? []), { desa, bulan_ini: bulan, kumulatif }];
    }
  });
  // A total given in the file that will disagree with its villages once written: reported at its row.
  for (const [programId, values] of programs) {
    const report = input.programs.find((p) => p.program === programId);
    for (const entry of values.indikator ?? []) {
      const indicator = report?.indikator.find((x) => x.id === entry.id);
      if (!indicator?.per_desa?.length) continue;
      const pick = (read: number | null | undefined, current: number | null | undefined) =>
        read === undefined ? (current ?? null) : read;
      const total = {
        bulan_ini: pick(entry.bulan_ini, indicator.bulan_ini),
        kumulatif: pick(entry.kumulatif, indicator.kumulatif),
      };
      const villages = indicator.per_desa.map((v) => {
        const read = entry.per_desa?.find((x) => x.desa === v.desa);
        const figures = {
          bulan_ini: pick(read?.bulan_ini, v.bulan_ini),
          kumulatif: pick(read?.kumulatif, v.kumulatif),
        };
        return { desa: v.desa, ...figures };
      });
      const row = seen.get(`${programId}/${entry.id}/`);
      for (const p of villageSumProblems(total, villages))
        if (entry[p.column] !== undefined && col(p.column) >= 0)
          problems.push({ file, cell: t(M.place, { row, column: p.column }), message: p.message });
    }
  }
  return { programs, problems };
}
