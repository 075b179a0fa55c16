// The meeting workbook's analysis sheets (Perbup Pasal 15, 17, 36): per problem of the month its
// root causes on the fishbone's bones (kategori from the workspace's list), its SWOT table and
// strategies where the month uses SWOT or the problem already has one, and the strategy each
// solution comes from; and the month's stakeholder map where the month uses it. A list read back
// replaces the YAML list, so a row emptied or deleted is an item removed; equal lists give no edit.
import { msg, t } from "../../i18n/index.js";
import { analysisMethods, causeCategories } from "../analysis.js";
import type { YamlEdit } from "../edits.js";
import { categoryHint, matchCategory } from "../fishbone.js";
import type { Meeting, Problem, Stakeholder, Swot, Workspace } from "../schema.js";
import { LEVELS, STAKEHOLDER_KINDS } from "../stakeholders.js";
import { STRATEGY_IDS, type StrategyId, SWOT_FACTORS, SWOT_STRATEGIES } from "../swot.js";
import type { CellReader } from "./cells.js";
import { categoryRange } from "./choices.js";
import {
  cell,
  type Column,
  columnCell,
  FIRST,
  type Identity,
  indexRows,
  M as LM,
  readTable,
  SheetBuilder,
  type TableRow,
  tableCell,
  writeTable,
} from "./layout.js";
import { listEdits, same } from "./lists.js";
import { address, columnLetter, type ReadSheet, type SheetSpec } from "./workbook.js";

export interface AnalysisFormInput {
  config: Workspace;
  month: string;
  meeting: Meeting;
}

const M = {
  heading: msg("Akar masalah (fishbone){swot}", "Root causes (fishbone){swot}"),
  headingSwot: msg(", SWOT dan strategi", ", SWOT and strategies"),
  note: msg(
    "Per masalah: kategori dan uraian tiap akar masalah{swot}. Baris boleh disisipkan; kosongkan atau hapus " +
      "baris untuk menghapus butirnya.",
    "Per problem: each root cause's category and text{swot}. Rows may be inserted; empty or delete a row to " +
      "remove its item.",
  ),
  noteSwot: msg(", tabel SWOT, strategi asal tiap solusi", ", the SWOT table, each solution's strategy"),
  problem: msg("{id} — {judul}", "{id} — {judul}"),
  causesNote: msg(
    "Akar masalah: kategori dari daftar ({list}), uraian satu akar per baris.",
    "Root causes: category from the list ({list}), one cause per row.",
  ),
  swotNote: msg(
    "SWOT: kekuatan dan kelemahan di dalam Puskesmas, peluang dan ancaman di luar; satu butir per sel, ke bawah.",
    "SWOT: strengths and weaknesses inside the Puskesmas, opportunities and threats outside; one item per cell, " +
      "downwards.",
  ),
  strategyNote: msg(
    "Strategi dari tabel SWOT: satu strategi per sel, di bawah jenisnya.",
    "Strategies drawn from the SWOT table: one strategy per cell, under its kind.",
  ),
  solutionNote: msg(
    "Strategi asal tiap solusi: pilih SO, WO, ST atau WT (wajib untuk solusi terpilih).",
    "The strategy each solution comes from: choose SO, WO, ST or WT (required for the chosen solution).",
  ),
  noProblems: msg(
    "Belum ada masalah di rapat.yaml; tambahkan dengan `lokmin rank {month} --add-candidates` lalu buat isian lagi.",
    "No problems in rapat.yaml yet; add them with `lokmin rank {month} --add-candidates` and make the form again.",
  ),
  stakeholders: msg("Peta stakeholder", "Stakeholder map"),
  stakeholdersNote: msg(
    "Satu stakeholder per baris: nama, instansi, pengaruh dan kepentingan (tinggi atau rendah); kelompoknya " +
      "dihitung sendiri. Baris boleh disisipkan; kosongkan atau hapus baris untuk menghapusnya.",
    "One stakeholder per row: name, institution, influence and interest (tinggi or rendah); the group is " +
      "computed. Rows may be inserted; empty or delete a row to remove it.",
  ),
  unknownCategory: msg(
    'kategori "{value}" tidak ada di daftar kategori akar masalah ({list}); maksud Anda "{hint}"? Pilih dari ' +
      "daftar, atau tambahkan kategori itu ke analisis.kategori di lokmin.yaml",
    'category "{value}" is not in the root-cause category list ({list}); did you mean "{hint}"? Choose from the ' +
      "list, or add the category to analisis.kategori in lokmin.yaml",
  ),
  required: msg("kolom {column} wajib diisi pada baris ini", "column {column} is required on this row"),
  problemRow: msg("masalah {id}", "problem {id}"),
  solutionRow: msg("solusi {id}", "solution {id}"),
  newSolution: msg("solusi tanpa Id (solusi baru ditambahkan di rapat.yaml)", "a solution without an Id"),
  causesTable: msg("akar masalah {id}", "root causes of {id}"),
  swotTable: msg("SWOT {id}", "SWOT of {id}"),
  strategyTable: msg("strategi SWOT {id}", "SWOT strategies of {id}"),
  solutionTable: msg("strategi solusi {id}", "solution strategies of {id}"),
};

/** Visible column widths of the analysis sheet: kategori | uraian, and the four SWOT columns. */
const WIDTHS = [24, 40, 32, 32];

const choices = (ids: readonly string[]) => ids.map((id) => ({ id, label: id }));

/** Whether a problem's SWOT table is on the sheet: the month uses SWOT, or the problem has one. */
export const showsSwot = (input: AnalysisFormInput, problem: Problem) =>
  problem.swot !== undefined || analysisMethods(input.config, input.meeting).includes("swot");

/** Whether a problem's solutions get a strategy column: its SWOT is shown, or one names a strategy. */
export const showsStrategies = (input: AnalysisFormInput, problem: Problem) =>
  problem.solusi.length > 0 && (showsSwot(input, problem) || problem.solusi.some((s) => s.strategi));

/** Whether the month's stakeholder sheet is written: the month uses the map, or it has stakeholders. */
export const showsStakeholders = (input: AnalysisFormInput) =>
  analysisMethods(input.config, input.meeting).includes("stakeholder") || (input.meeting.stakeholder?.length ?? 0) > 0;

/** The name of the analysis sheet (Indonesian, as every sheet's): it says whether SWOT is on it. */
export const analysisSheetName = (input: AnalysisFormInput) =>
  input.meeting.masalah.some((p) => showsSwot(input, p)) ? "Akar & SWOT" : "Akar masalah";

function causeColumns(config: Workspace): Column[] {
  return [
    {
      key: "kategori",
      header: "Kategori fishbone",
      width: WIDTHS[0],
      kind: "choice",
      choices: choices(causeCategories(config)),
      range: categoryRange(config),
    },
    { key: "uraian", header: "Uraian akar masalah", width: WIDTHS[1], kind: "text" },
  ];
}

const swotColumns = (): Column[] =>
  SWOT_FACTORS.map((f, i) => ({ key: f.key, header: f.nama, width: WIDTHS[i], kind: "text" }));

const strategyColumns = (): Column[] =>
  SWOT_STRATEGIES.map((s, i) => ({ key: s.key, header: `${s.id}: ${s.arti}`, width: WIDTHS[i], kind: "text" }));

function solutionColumns(): Column[] {
  return [
    { key: "id", header: "Id", width: WIDTHS[0], kind: "text", locked: true },
    { key: "uraian", header: "Solusi", width: WIDTHS[1], kind: "text", locked: true },
    { key: "dipilih", header: "Terpilih", width: WIDTHS[2], kind: "text", locked: true },
    { key: "strategi", header: "Strategi SWOT asal", width: WIDTHS[3], kind: "choice", choices: choices(STRATEGY_IDS) },
  ];
}

function stakeholderColumns(): Column[] {
  return [
    { key: "nama", header: "Nama", width: 30, kind: "text" },
    { key: "instansi", header: "Instansi", width: 30, kind: "text" },
    { key: "pengaruh", header: "Pengaruh", width: 12, kind: "choice", choices: choices(LEVELS) },
    { key: "kepentingan", header: "Kepentingan", width: 13, kind: "choice", choices: choices(LEVELS) },
    { key: "keterangan", header: "Keterangan", width: 36, kind: "text" },
  ];
}
const KIND_HEADER = "Kelompok (dihitung)";
const KIND_WIDTH = 14;
export const STAKEHOLDER_KEYS = ["nama", "instansi", "pengaruh", "kepentingan", "keterangan"] as const;

/** Rows of a list table: one item per cell down each column, with room for `spare` more. */
function listRows(lists: ReadonlyArray<readonly string[]>, keys: readonly string[], spare: number, least: number) {
  const count = Math.max(least, Math.max(0, ...lists.map((l) => l.length)) + spare);
  return Array.from({ length: count }, (_, r) => Object.fromEntries(keys.map((k, i) => [k, lists[i][r] ?? null])));
}

function problemBlock(b: SheetBuilder, input: AnalysisFormInput, problem: Problem): void {
  const { config } = input;
  const id = problem.id;
  b.section(
    t(M.problem, { id, judul: problem.judul }),
    t(M.causesNote, { list: causeCategories(config).join(", ") }),
    `h:masalah:${id}`,
  );
  writeTable(b, `akar:${id}`, causeColumns(config), problem.akar_masalah, {
    blank: Math.max(2, 5 - problem.akar_masalah.length),
  });
  if (showsSwot(input, problem)) {
    const swot = problem.swot;
    b.note(t(M.swotNote));
    const factors = SWOT_FACTORS.map((f) => swot?.[f.key] ?? []);
    const factorKeys = SWOT_FACTORS.map((f) => f.key);
    writeTable(b, `swot:${id}`, swotColumns(), listRows(factors, factorKeys, 1, 3), { blank: 0 });
    b.note(t(M.strategyNote));
    const strategies = SWOT_STRATEGIES.map((s) => swot?.strategi[s.key] ?? []);
    const strategyKeys = SWOT_STRATEGIES.map((s) => s.key);
    writeTable(b, `strategi:${id}`, strategyColumns(), listRows(strategies, strategyKeys, 1, 2), { blank: 0 });
  }
  if (showsStrategies(input, problem)) {
    b.note(t(M.solutionNote));
    writeTable(
      b,
      `solusi:${id}`,
      solutionColumns(),
      problem.solusi.map((s) => ({
        id: s.id,
        uraian: s.uraian,
        dipilih: s.dipilih ? "ya" : null,
        strategi: s.strategi,
      })),
      { blank: 0, rowKey: (i) => `s:${id}:${problem.solusi[i].id}` },
    );
  }
}

/** The analysis sheet: every problem's causes, SWOT and solution strategies. */
export function analysisSheet(input: AnalysisFormInput, name: string, identity: Identity, title: string): SheetSpec {
  const anySwot = input.meeting.masalah.some((p) => showsSwot(input, p));
  const b = new SheetBuilder(name, WIDTHS, identity, title);
  b.section(t(M.heading, { swot: anySwot ? t(M.headingSwot) : "" }), t(M.note, { swot: anySwot ? t(M.noteSwot) : "" }));
  if (input.meeting.masalah.length === 0) b.note(t(M.noProblems, { month: input.month }));
  for (const problem of input.meeting.masalah) problemBlock(b, input, problem);
  return b.build({ protect: { insertRows: true, deleteRows: true }, landscape: true });
}

/** The group of Pasal 36 as a sheet formula over the row's two levels, so a new row shows it too. */
function kindFormula(row: number): string {
  const p = `${columnLetter(FIRST + 2)}${row}`;
  const k = `${columnLetter(FIRST + 3)}${row}`;
  const name = (pengaruh: string, kepentingan: string) =>
    `"${STAKEHOLDER_KINDS.find((x) => x.pengaruh === pengaruh && x.kepentingan === kepentingan)!.nama}"`;
  return (
    `IF(OR(${p}="",${k}=""),"",IF(${p}="tinggi",IF(${k}="tinggi",${name("tinggi", "tinggi")},` +
    `${name("tinggi", "rendah")}),IF(${k}="tinggi",${name("rendah", "tinggi")},${name("rendah", "rendah")})))`
  );
}

const kindOf = (s: Pick<Stakeholder, "pengaruh" | "kepentingan">) =>
  STAKEHOLDER_KINDS.find((x) => x.pengaruh === s.pengaruh && x.kepentingan === s.kepentingan)?.nama ?? "";

/** The month's stakeholders, one per row, their Pasal 36 group computed beside them. */
export function stakeholderSheet(input: AnalysisFormInput, name: string, identity: Identity, title: string) {
  const columns = stakeholderColumns();
  const b = new SheetBuilder(name, [...columns.map((c) => c.width), KIND_WIDTH], identity, title);
  b.section(t(M.stakeholders), t(M.stakeholdersNote));
  b.row("h:stakeholder", [...columns.map((c) => cell("header", c.header)), cell("header", KIND_HEADER)]);
  const list = input.meeting.stakeholder ?? [];
  const rows = [...list, ...Array.from({ length: Math.max(5, 10 - list.length) }, () => undefined)];
  for (const s of rows) {
    const row = b.next;
    b.row("r:stakeholder", [
      ...columns.map((c) => columnCell(c, s ? (s[c.key as keyof Stakeholder] ?? null) : null)),
      cell("computed", s ? kindOf(s) : "", { formula: kindFormula(row) }),
    ]);
  }
  return b.build({ protect: { insertRows: true, deleteRows: true }, landscape: true });
}

// --- reading -----------------------------------------------------------------------------------

export interface ProblemAnalysis {
  causes?: Array<{ kategori?: string; uraian: string }>;
  /** Undefined when the sheet has no SWOT table for the problem. */
  swot?: Swot;
  /** Solution id → strategy (null = none). */
  strategies?: Map<string, StrategyId | null>;
}

export interface AnalysisValues {
  problems: Map<string, ProblemAnalysis>;
}

/** The cells of a table that belong to it: rows keyed for it or inserted by a person (no key). */
function rowsOf(
  sheet: ReadSheet,
  reader: CellReader,
  table: string,
  columns: readonly Column[],
  what: string,
  keyed = (key: string) => key === `r:${table}`,
): TableRow[] | undefined {
  if (!indexRows(sheet).some((r) => r.key === `h:${table}`)) {
    reader.problem(t(LM.missingTable, { table: what }), { sheet: sheet.name });
    return undefined;
  }
  return readTable(sheet, reader, table, columns)?.filter((r) => r.key === "" || keyed(r.key));
}

/** A category as written: the list's entry, or one this problem's YAML already holds as it is. */
function readCategory(
  written: string,
  categories: readonly string[],
  existing: readonly string[],
): { ok: true; value: string } | { ok: false; hint: string } {
  if (categories.includes(written) || existing.includes(written)) return { ok: true, value: written };
  const listed = matchCategory(written, categories);
  if (listed) return { ok: true, value: listed };
  return { ok: false, hint: categoryHint(written, categories) ?? categories[0] ?? "" };
}

/** The text the YAML already holds when it says the same but for surrounding spaces. */
const asWritten = (read: string, pool: readonly (string | undefined)[]) =>
  pool.find((s) => s !== undefined && s.trim() === read) ?? read;

function readProblem(
  input: AnalysisFormInput,
  problem: Problem,
  sheet: ReadSheet,
  reader: CellReader,
  present: Set<string>,
): ProblemAnalysis {
  const { config } = input;
  const id = problem.id;
  const out: ProblemAnalysis = {};
  const place = (cellAt: string) => ({ sheet: sheet.name, cell: cellAt });
  const categories = causeCategories(config);
  const readColumns = causeColumns(config).map((c): Column => ({ ...c, kind: "text" }));
  const causes = rowsOf(sheet, reader, `akar:${id}`, readColumns, t(M.causesTable, { id }));
  if (causes) {
    const existing = problem.akar_masalah.map((c) => c.kategori).filter((k): k is string => k !== undefined);
    out.causes = causes.map((row) => {
      const uraian = row.values.uraian as string | null;
      const written = row.values.kategori as string | null;
      if (uraian === null) reader.problem(t(M.required, { column: "Uraian" }), place(row.cells.uraian));
      const cause: { kategori?: string; uraian: string } = {
        uraian: asWritten(
          uraian ?? "",
          problem.akar_masalah.map((c) => c.uraian),
        ),
      };
      if (written !== null) {
        const found = readCategory(written, categories, existing);
        if (found.ok) cause.kategori = asWritten(found.value, existing);
        else
          reader.problem(
            t(M.unknownCategory, { value: written, list: categories.join(", "), hint: found.hint }),
            place(row.cells.kategori),
          );
      }
      return cause.kategori === undefined
        ? { uraian: cause.uraian }
        : { kategori: cause.kategori, uraian: cause.uraian };
    });
  }
  const swotExpected = showsSwot(input, problem);
  if (swotExpected || present.has(`h:swot:${id}`) || present.has(`h:strategi:${id}`)) {
    const factors = rowsOf(sheet, reader, `swot:${id}`, swotColumns(), t(M.swotTable, { id }));
    const strategies = rowsOf(sheet, reader, `strategi:${id}`, strategyColumns(), t(M.strategyTable, { id }));
    if (factors && strategies) {
      const old = problem.swot;
      const column = (rows: TableRow[], key: string, pool: readonly string[]) =>
        rows.map((r) => r.values[key]).flatMap((v) => (v === null ? [] : [asWritten(String(v), pool)]));
      const swot: Swot = {
        kekuatan: column(factors, "kekuatan", old?.kekuatan ?? []),
        kelemahan: column(factors, "kelemahan", old?.kelemahan ?? []),
        peluang: column(factors, "peluang", old?.peluang ?? []),
        ancaman: column(factors, "ancaman", old?.ancaman ?? []),
        strategi: {
          so: column(strategies, "so", old?.strategi.so ?? []),
          wo: column(strategies, "wo", old?.strategi.wo ?? []),
          st: column(strategies, "st", old?.strategi.st ?? []),
          wt: column(strategies, "wt", old?.strategi.wt ?? []),
        },
      };
      out.swot = swot;
    }
  }
  if (showsStrategies(input, problem) || present.has(`h:solusi:${id}`)) {
    const rows = rowsOf(sheet, reader, `solusi:${id}`, solutionColumns(), t(M.solutionTable, { id }), (key) =>
      key.startsWith(`s:${id}:`),
    );
    if (rows) {
      out.strategies = new Map();
      for (const row of rows) {
        const solution = /^s:[^:]+:(.+)$/.exec(row.key)?.[1];
        if (!solution || !problem.solusi.some((s) => s.id === solution)) {
          const what = solution ? t(M.solutionRow, { id: `${id}/${solution}` }) : t(M.newSolution);
          reader.problem(t(LM.unknownRow, { what }), place(row.cells.strategi));
          continue;
        }
        out.strategies.set(solution, (row.values.strategi as StrategyId | null) ?? null);
      }
      for (const s of problem.solusi)
        if (!rows.some((r) => r.key === `s:${id}:${s.id}`))
          reader.problem(
            t(LM.missingRow, { what: t(M.solutionRow, { id: `${id}/${s.id}` }) }),
            tableCell(sheet, `solusi:${id}`),
          );
    }
  }
  return out;
}

export function readAnalysisSheet(input: AnalysisFormInput, sheet: ReadSheet, reader: CellReader): AnalysisValues {
  const rows = indexRows(sheet);
  const present = new Set(rows.map((r) => r.key));
  const problems = new Map<string, ProblemAnalysis>();
  for (const problem of input.meeting.masalah) {
    if (!present.has(`h:masalah:${problem.id}`)) {
      reader.problem(t(LM.missingRow, { what: t(M.problemRow, { id: problem.id }) }), {
        sheet: sheet.name,
        cell: address(3, FIRST),
      });
      continue;
    }
    const header = rows.find((r) => r.key === `h:masalah:${problem.id}`)?.row ?? 3;
    reader.mark(["masalah", input.meeting.masalah.indexOf(problem)], {
      sheet: sheet.name,
      cell: address(header, FIRST),
    });
    problems.set(problem.id, readProblem(input, problem, sheet, reader, present));
  }
  for (const r of rows) {
    const id = /^h:masalah:(.+)$/.exec(r.key)?.[1];
    if (id && !input.meeting.masalah.some((p) => p.id === id))
      reader.problem(t(LM.unknownRow, { what: t(M.problemRow, { id }) }), {
        sheet: sheet.name,
        cell: address(r.row, FIRST),
      });
  }
  return { problems };
}

export function readStakeholderSheet(
  input: AnalysisFormInput,
  sheet: ReadSheet,
  reader: CellReader,
): Stakeholder[] | undefined {
  const problems = reader.problems.length;
  const rows = rowsOf(sheet, reader, "stakeholder", stakeholderColumns(), "stakeholder");
  reader.mark(["stakeholder"], tableCell(sheet, "stakeholder"));
  if (!rows) return undefined;
  const current = input.meeting.stakeholder ?? [];
  const pool = (key: "nama" | "instansi" | "keterangan") => current.map((s) => s[key]);
  // A level that could not be read is reported once, as what it is, not also as missing.
  const unreadable = new Set(reader.problems.filter((p) => p.sheet === sheet.name).map((p) => p.cell));
  const list = rows.map((row) => {
    const v = row.values;
    for (const [key, header] of [
      ["nama", "Nama"],
      ["pengaruh", "Pengaruh"],
      ["kepentingan", "Kepentingan"],
    ] as const) {
      if (v[key] === null && !unreadable.has(row.cells[key]))
        reader.problem(t(M.required, { column: header }), { sheet: sheet.name, cell: row.cells[key] });
    }
    const s: Record<string, string> = {};
    for (const key of STAKEHOLDER_KEYS) {
      const value = v[key];
      if (value === null || value === undefined) continue;
      s[key] = key === "pengaruh" || key === "kepentingan" ? String(value) : asWritten(String(value), pool(key));
    }
    return s as unknown as Stakeholder;
  });
  // A list with a problem is not a list to write (a level missing would fail the schema too).
  return reader.problems.length > problems ? undefined : list;
}

// --- edits -------------------------------------------------------------------------------------

/** Keys a new entry goes after, in the schema's order, so it lands where a person would write it. */
const PROBLEM_BEFORE_CAUSES = ["id", "judul", "program", "indikator", "uraian", "kesenjangan"];
const SOLUTION_BEFORE_STRATEGY = ["id", "uraian", "skor", "skor_penilai", "total", "peringkat", "dipilih"];

const withAfter = (edits: YamlEdit[], after: string[]): YamlEdit[] =>
  edits.map((e) => (e.op === "replace" ? { ...e, after } : e));

const swotEmpty = (swot: Swot) =>
  SWOT_FACTORS.every((f) => swot[f.key].length === 0) &&
  SWOT_STRATEGIES.every((s) => swot.strategi[s.key].length === 0);

function swotEdits(base: (string | number)[], current: Swot | undefined, next: Swot): YamlEdit[] {
  if (swotEmpty(next)) return current && !swotEmpty(current) ? [{ op: "delete", path: [...base, "swot"] }] : [];
  if (!current) return [{ op: "replace", path: [...base, "swot"], value: next }];
  const edits: YamlEdit[] = [];
  for (const f of SWOT_FACTORS)
    if (!same(current[f.key], next[f.key]))
      edits.push({ op: "replace", path: [...base, "swot", f.key], value: next[f.key] });
  for (const s of SWOT_STRATEGIES)
    if (!same(current.strategi[s.key], next.strategi[s.key]))
      edits.push({ op: "replace", path: [...base, "swot", "strategi", s.key], value: next.strategi[s.key] });
  return edits;
}

/** The edits that make rapat.yaml hold the causes, SWOT tables, strategies and stakeholders read. */
export function analysisEdits(
  input: AnalysisFormInput,
  values: { analysis?: AnalysisValues; stakeholders?: Stakeholder[] },
): YamlEdit[] {
  const { meeting } = input;
  const edits: YamlEdit[] = [];
  meeting.masalah.forEach((problem, i) => {
    const read = values.analysis?.problems.get(problem.id);
    if (!read) return;
    const base = ["masalah", i];
    if (read.causes)
      edits.push(
        ...withAfter(
          listEdits([...base, "akar_masalah"], problem.akar_masalah, read.causes, ["kategori", "uraian"]),
          PROBLEM_BEFORE_CAUSES,
        ),
      );
    if (read.swot) edits.push(...swotEdits(base, problem.swot, read.swot));
    problem.solusi.forEach((solution, j) => {
      if (!read.strategies?.has(solution.id)) return;
      const next = read.strategies.get(solution.id) ?? null;
      const path = [...base, "solusi", j, "strategi"];
      if (next === (solution.strategi ?? null)) return;
      edits.push(
        next === null ? { op: "delete", path } : { op: "set", path, value: next, after: SOLUTION_BEFORE_STRATEGY },
      );
    });
  });
  if (values.stakeholders)
    edits.push(
      ...withAfter(listEdits(["stakeholder"], meeting.stakeholder ?? [], values.stakeholders, STAKEHOLDER_KEYS), [
        "masalah",
        "metode",
      ]),
    );
  return edits;
}
