// The program workbook a coordinator fills: coverage per indicator (and per village), last month's
// report of activities, this month's plan, the analysis by person, time and place, and next
// month's RPK. Pure: month data → sheet descriptions, read sheets → values, values → YAML edits.
//
// Coverage columns: Bulan ini is the input; Kumulatif is last month's cumulative + this month (a
// formula) where last month is known, an input where it is not; Capaian % is a formula. Where the
// file already holds figures a formula would not reproduce, that cell is an input holding them,
// so a workbook returned unchanged changes nothing.
import { msg, t } from "../../i18n/index.js";
import type { YamlEdit } from "../edits.js";
import { monthName } from "../format-date.js";
import { shiftMonth } from "../month.js";
import type { Accumulation, IndicatorReport, ProgramReport, Workspace } from "../schema.js";
import { accumulationOf, cumulativeIssue, periodMonth, programFigures, reportPeriod, round } from "../targets.js";
import { type CellReader, parseCount, parseText } from "./cells.js";
import {
  cell,
  type Column,
  FIRST,
  indexRows,
  type Identity,
  identityFor,
  M as LM,
  readTable,
  rowHasContent,
  SheetBuilder,
  tableCell,
  validationFor,
  writeTable,
} from "./layout.js";
import { listEdits, normalizeItem, same, scalarEdit } from "./lists.js";
import { lockedProblems } from "./locked.js";
import { staffColumn } from "./choices.js";
import { matchVillage, villageAdvice } from "../villages.js";
import { address, type CellSpec, columnLetter, type ReadSheet, readCell, type SheetSpec } from "./workbook.js";
import { writeRelationBlock } from "./verification.js";

export const PROGRAM_SECTIONS = ["capaian", "kegiatan", "analisis", "rpk"] as const;
export type ProgramSection = (typeof PROGRAM_SECTIONS)[number];

export interface ProgramFormInput {
  config: Workspace;
  month: string;
  report: ProgramReport;
  /** Last month's report in the same year; null in January (the year's cumulative starts at 0). */
  previous: ProgramReport | null | undefined;
  /** The month's program reports, for the figures of related indicators in other programs. */
  others?: readonly ProgramReport[];
}

const M = {
  title: msg("{program} — {month} — {puskesmas}", "{program} — {month} — {puskesmas}"),
  period: msg(
    "Angka yang diisi: hasil {period} (dibahas pada Lokmin {month}).",
    "The figures to fill in: the results of {period} (discussed at the Lokmin of {month}).",
  ),
  stateDiffers: msg(
    "Kumulatif {kumulatif} ≠ Bulan ini {bulan}: indikator ini dihitung sebagai keadaan terakhir, jadi Kumulatif " +
      "sama dengan Bulan ini; tulis {bulan}",
    "Kumulatif {kumulatif} ≠ Bulan ini {bulan}: this indicator is a state counted anew, so Kumulatif equals " +
      "Bulan ini; write {bulan}",
  ),
  capaian: msg(
    "Capaian: isi kolom kuning Bulan ini (jumlah dilayani bulan ini, bilangan bulat). " +
      "Kumulatif dan Capaian % dihitung sendiri; Kumulatif diisi bila bulan lalu belum ada. Sel abu-abu terkunci.",
    "Coverage: fill the yellow column Bulan ini (number served this month, a whole number). Kumulatif and Capaian % " +
      "are computed; Kumulatif is an input where last month is missing. Grey cells are locked.",
  ),
  kegiatan: msg("Laporan hasil kegiatan bulan lalu (SOP langkah 4)", "Report of last month's activities (SOP step 4)"),
  kegiatanNote: msg(
    "Satu kegiatan per baris: kegiatan dan hasilnya. Baris boleh disisipkan.",
    "One activity per row: the activity and its result. Rows may be inserted.",
  ),
  rencana: msg("Rencana kegiatan bulan ini (SOP langkah 5)", "This month's plan (SOP step 5)"),
  rencanaNote: msg("Satu rencana per baris.", "One planned activity per row."),
  analisis: msg("Analisis masalah menurut orang, waktu dan tempat", "Problem analysis by person, time and place"),
  analisisNote: msg(
    "Wajib bila ada indikator di bawah target: siapa yang belum terlayani, kapan, di mana.",
    "Required when an indicator is behind target: who is not served, when, where.",
  ),
  analisisBehind: msg(
    "Di bawah target menurut angka saat ini: {names}.",
    "Behind target by the current figures: {names}.",
  ),
  rpk: msg("RPK bulan berikutnya (SOP langkah 13)", "Next month's RPK (SOP step 13)"),
  rpkNote: msg(
    "Satu kegiatan per baris; penanggung jawab dipilih dari daftar pegawai. Baris boleh disisipkan.",
    "One activity per row; the person responsible is chosen from the staff list. Rows may be inserted.",
  ),
  required: msg("kolom {column} wajib diisi pada baris ini", "column {column} is required on this row"),
  allVillages: msg("Semua desa", "All villages"),
  kumEmpty: msg(
    "Bulan ini diisi ({bulan}) tetapi Kumulatif kosong; isi Kumulatif: jumlah sejak Januari, termasuk bulan ini",
    "Bulan ini is filled in ({bulan}) but Kumulatif is empty; fill in Kumulatif: the number since January, this " +
      "month included",
  ),
  kumEmptyExpected: msg(
    "Bulan ini diisi ({bulan}) tetapi Kumulatif kosong; tulis {expected} (kumulatif bulan lalu {before} + bulan ini)",
    "Bulan ini is filled in ({bulan}) but Kumulatif is empty; write {expected} (last month's {before} + this month)",
  ),
  kumBelowMonth: msg(
    "Kumulatif {kumulatif} lebih kecil dari Bulan ini {bulan}; kumulatif sejak Januari termasuk bulan ini: " +
      "perbaiki salah satunya",
    "Kumulatif {kumulatif} is below Bulan ini {bulan}; the cumulative since January includes this month: correct " +
      "one of them",
  ),
  kumDrops: msg(
    "Kumulatif {kumulatif} lebih kecil dari kumulatif bulan lalu {before}; kumulatif tidak boleh turun dalam satu " +
      "tahun: perbaiki Kumulatif atau Bulan ini",
    "Kumulatif {kumulatif} is below last month's cumulative {before}; cumulative figures never drop within a year: " +
      "correct Kumulatif or Bulan ini",
  ),
  kumMismatch: msg(
    "Kumulatif {kumulatif} ≠ kumulatif bulan lalu {before} + Bulan ini {bulan} = {expected}; tulis {expected} atau " +
      "perbaiki Bulan ini",
    "Kumulatif {kumulatif} ≠ last month's cumulative {before} + Bulan ini {bulan} = {expected}; write {expected} or " +
      "correct Bulan ini",
  ),
  lockedTarget: msg(
    "{what} diambil dari {file}; ubah di sana (dan di lokmin.yaml untuk bulan berikutnya) lalu buat isian lagi",
    "{what} comes from {file}; change it there (and in lokmin.yaml for the months after) and make the form again",
  ),
  lockedPrevious: msg(
    "kumulatif bulan lalu diambil dari {file}; ubah di sana lalu buat isian lagi dengan `lokmin form`",
    "last month's cumulative comes from {file}; change it there and make the form again with `lokmin form`",
  ),
  lockedVillageNote: msg(
    "catatan per desa tidak dibaca; tulis catatannya di kolom Catatan baris indikator",
    "notes per village are not read; write the note in the Catatan column of the indicator's row",
  ),
  lockedIdentity: msg(
    "indikator dan desa diatur di lokmin.yaml; kembalikan isi sel ini",
    "indicators and villages are set in lokmin.yaml; restore this cell",
  ),
  villagesMissing: msg(
    "Bulan ini belum diisi untuk desa {villages}; isi Bulan ini setiap desa (tulis 0 bila tidak ada yang dilayani)",
    "Bulan ini is empty for {villages}; fill in Bulan ini for every village (write 0 where nobody was served)",
  ),
  villageSum: msg(
    "{column} {total} ≠ jumlah baris desa {sum}; tulis {sum} atau perbaiki baris desa",
    "{column} {total} ≠ the sum of the village rows {sum}; write {sum} or correct the village rows",
  ),
  indicator: msg("indikator {id}", "indicator {id}"),
  village: msg("desa {desa} indikator {id}", "village {desa} of indicator {id}"),
  villageNotListed: msg(
    "{what}: desa ini tidak ada di daftar desa lokmin.yaml{advice}; angka baris ini tidak diimpor",
    "{what}: this village is not in lokmin.yaml's village list{advice}; this row's figures are not imported",
  ),
};

export const CAPAIAN_HEADERS = [
  "No",
  "Id",
  "Indikator",
  "Desa",
  "Satuan",
  "Sasaran",
  "Target kumulatif (%)",
  "Kumulatif s.d. bulan lalu",
  "Bulan ini",
  "Kumulatif",
  "Capaian (%)",
  "Catatan",
] as const;
/** Column numbers (1-based) of the coverage sheet. */
export const C = {
  no: FIRST,
  id: FIRST + 1,
  nama: FIRST + 2,
  desa: FIRST + 3,
  satuan: FIRST + 4,
  sasaran: FIRST + 5,
  target: FIRST + 6,
  prev: FIRST + 7,
  bulan: FIRST + 8,
  kum: FIRST + 9,
  capaian: FIRST + 10,
  catatan: FIRST + 11,
} as const;
const L = columnLetter;
/** The verification block below the coverage uses the same twelve columns for its own headings. */
const RELATION_COLUMNS = {
  bulan: C.bulan,
  kum: C.kum,
  no: C.no,
  id: C.id,
  relasi: C.nama,
  desa: C.desa,
  angka: C.satuan,
  kiri: C.prev,
  kanan: C.bulan,
  toleransi: C.kum,
  hasil: C.capaian,
  alasan: C.catatan,
};

const kumFormula = (r: number) => `IF(${L(C.bulan)}${r}="","",${L(C.prev)}${r}+${L(C.bulan)}${r})`;
const sumFormula = (column: number, from: number, to: number) => {
  const range = `${L(column)}${from}:${L(column)}${to}`;
  return `IF(COUNT(${range})=0,"",SUM(${range}))`;
};
/** A state counted anew each month (akumulasi: terakhir): its cumulative is this month's figure. */
const stateFormula = (r: number) => `IF(${L(C.bulan)}${r}="","",${L(C.bulan)}${r})`;
/** Capaian %: the cumulative over sasaran; an average (akumulasi: rata-rata) divides by the months too. */
const capaianFormula = (r: number, months = 1) => {
  const average = months > 1 ? `${months}/` : "";
  return `IF(OR(${L(C.kum)}${r}="",${L(C.sasaran)}${r}=0),"",${L(C.kum)}${r}/${average}${L(C.sasaran)}${r}*100)`;
};
export const normalizeFormula = (f: string | undefined) =>
  (f ?? "").replace(/^=/, "").replace(/[\s$]/g, "").toUpperCase();

const sumOrNull = (values: ReadonlyArray<number | null | undefined>) =>
  values.every((v) => v === null || v === undefined) ? null : values.reduce<number>((s, v) => s + (v ?? 0), 0);

/** A problem of a row's figures, in the column ("bulan_ini" or "kumulatif") it is reported at. */
export interface FigureProblem {
  column: "bulan_ini" | "kumulatif";
  message: string;
}

/**
 * What is wrong with one row's figures as import would write them (`before`: last month's
 * cumulative, undefined when unknown): Bulan ini without Kumulatif, a cumulative below this month
 * or below last month's, or not last month's + this month's (the rules of capaian.ts).
 */
export function figureProblems(
  before: number | undefined,
  bulan: number | null,
  kumulatif: number | null,
  kind: Accumulation = "jumlah",
) {
  const out: FigureProblem[] = [];
  const problem = (message: string) => out.push({ column: "kumulatif", message });
  if (kind === "terakhir") {
    if (bulan !== null && kumulatif !== null && bulan !== kumulatif) problem(t(M.stateDiffers, { kumulatif, bulan }));
    return out;
  }
  if (kumulatif === null) {
    if (bulan !== null)
      problem(
        before === undefined
          ? t(M.kumEmpty, { bulan })
          : t(M.kumEmptyExpected, { bulan, before, expected: before + bulan }),
      );
    return out;
  }
  if (before === undefined) {
    if (bulan !== null && kumulatif < bulan) problem(t(M.kumBelowMonth, { kumulatif, bulan }));
    return out;
  }
  const issue = cumulativeIssue(before, bulan, kumulatif);
  if (issue?.kind === "turun") problem(t(M.kumDrops, { kumulatif, before }));
  else if (issue) problem(t(M.kumMismatch, { kumulatif, before, bulan: bulan ?? 0, expected: issue.expected }));
  return out;
}

/**
 * The totals' problems against their village rows: a total that is not their sum, and a total
 * over villages of which only some are filled in (its cumulative would drop: every village counts).
 */
export function villageSumProblems(total: Figures, villages: ReadonlyArray<Figures & { desa?: string }>) {
  const out: FigureProblem[] = [];
  if (!villages.length) return out;
  const missing = villages.filter((v) => v.bulan_ini === null).map((v) => v.desa ?? "?");
  if (total.bulan_ini !== null && missing.length && missing.length < villages.length) {
    out.push({ column: "bulan_ini", message: t(M.villagesMissing, { villages: missing.join(", ") }) });
    return out;
  }
  for (const [column, header] of [
    ["bulan_ini", "Bulan ini"],
    ["kumulatif", "Kumulatif"],
  ] as const) {
    const value = total[column];
    if (value === null || villages.some((v) => v[column] === null)) continue;
    const sum = villages.reduce((n, v) => n + (v[column] ?? 0), 0);
    if (sum !== value) out.push({ column, message: t(M.villageSum, { column: header, total: value, sum }) });
  }
  return out;
}

type Figures = { bulan_ini: number | null; kumulatif: number | null };

/** How an indicator of the form accumulates, and the month of the year its figures run to. */
export function formIndicator(input: ProgramFormInput, id: string): { kind: Accumulation; month: number } {
  return {
    kind: accumulationOf(input.config, input.report.program, id),
    month: periodMonth(reportPeriod(input.config, input.month, input.report)),
  };
}

/**
 * The cumulative figure of the period before to add to: 0 when the figures start a year, unknown when
 * that period is missing or empty, and none for a state counted anew each month.
 */
export function previousFigure(input: ProgramFormInput, id: string, desa?: string): number | undefined {
  const { kind, month } = formIndicator(input, id);
  if (kind === "terakhir") return undefined;
  if (input.previous === null || month === 1) return 0;
  const indicator = input.previous?.indikator.find((i) => i.id === id);
  const value =
    desa === undefined ? indicator?.kumulatif : indicator?.per_desa?.find((v) => v.desa === desa)?.kumulatif;
  return value ?? undefined;
}

const programName = (config: Workspace, id: string) => config.program.find((p) => p.id === id)?.nama ?? id;

/** Every key of an RPK row, in the order the YAML holds them; each one is a column of the RPK sheet. */
export const RPK_KEYS = [
  "kegiatan",
  "sasaran",
  "tujuan",
  "volume",
  "waktu",
  "tempat",
  "penanggung_jawab",
  "biaya",
] as const;

function kegiatanColumns(): Column[] {
  return [
    { key: "kegiatan", header: "Kegiatan", width: 50, kind: "text" },
    { key: "hasil", header: "Hasil", width: 50, kind: "text" },
  ];
}
const rencanaColumns = (): Column[] => [{ key: "rencana", header: "Rencana kegiatan", width: 50, kind: "text" }];
const ANALISIS_ROWS = [
  ["orang", "Orang: siapa yang belum terlayani"],
  ["waktu", "Waktu: kapan (bulan, musim, jadwal)"],
  ["tempat", "Tempat: di mana (desa, posyandu)"],
  ["catatan", "Catatan lain"],
] as const;
function rpkColumns(config: Workspace): Column[] {
  return [
    { key: "kegiatan", header: "Kegiatan", width: 40, kind: "text" },
    { key: "sasaran", header: "Sasaran", width: 24, kind: "text" },
    { key: "waktu", header: "Waktu", width: 16, kind: "text" },
    { key: "tempat", header: "Tempat", width: 18, kind: "text" },
    staffColumn(config, "penanggung_jawab", "Penanggung jawab"),
    { key: "biaya", header: "Biaya", width: 14, kind: "text" },
    // After the first six so a workbook made before they existed is read by the same columns.
    { key: "tujuan", header: "Tujuan", width: 28, kind: "text", added: true },
    { key: "volume", header: "Volume", width: 18, kind: "text", added: true },
  ];
}

/** The sheets of one program's workbook (without the shared Pilihan sheet). */
export function programSheets(input: ProgramFormInput, prefix = ""): SheetSpec[] {
  const { config, month, report } = input;
  const title = t(M.title, {
    program: programName(config, report.program),
    month: monthName(month),
    puskesmas: config.puskesmas.nama,
  });
  const id = (section: ProgramSection): Identity => identityFor(config, "program", report.program, month, section);
  const name = (s: string) => `${prefix}${s}`;

  const capaian = new SheetBuilder(
    name("Capaian"),
    [4, 10, 40, 14, 14, 10, 11, 12, 11, 11, 10, 30],
    id("capaian"),
    title,
  );
  const period = reportPeriod(config, month, report);
  capaian.note(
    period === month
      ? t(M.capaian)
      : `${t(M.period, { period: monthName(period), month: monthName(month) })} ${t(M.capaian)}`,
  );
  const header = capaian.row(
    "h:capaian",
    CAPAIAN_HEADERS.map((h) => cell("header", h)),
  );
  const own = new Map<string, { row: number; villages: Map<string, number> }>();
  report.indikator.forEach((indicator, index) => {
    const row = capaian.next;
    own.set(indicator.id, { row, villages: new Map((indicator.per_desa ?? []).map((v, i) => [v.desa, row + 1 + i])) });
    writeIndicator(capaian, input, indicator, index);
  });
  writeRelationBlock(capaian, input, own, RELATION_COLUMNS, programName(config, report.program));
  const sheets = [capaian.build({ freeze: { row: header, column: C.nama + 1 }, landscape: true })];

  const kegiatan = new SheetBuilder(name("Kegiatan"), [50, 50], id("kegiatan"), title);
  kegiatan.section(t(M.kegiatan), t(M.kegiatanNote));
  writeTable(kegiatan, "kegiatan", kegiatanColumns(), report.laporan_kegiatan, {
    blank: Math.max(5, 12 - report.laporan_kegiatan.length),
  });
  kegiatan.section(t(M.rencana), t(M.rencanaNote));
  writeTable(
    kegiatan,
    "rencana",
    rencanaColumns(),
    report.rencana_bulan_ini.map((r) => ({ rencana: r })),
    { blank: Math.max(5, 10 - report.rencana_bulan_ini.length) },
  );
  sheets.push(kegiatan.build({ protect: { insertRows: true, deleteRows: true } }));

  const analisis = new SheetBuilder(name("Analisis"), [36, 80], id("analisis"), title);
  const program = config.program.find((p) => p.id === report.program);
  const figures = programFigures(config, month, report);
  const behind = report.indikator
    .filter((i) => figures.get(i.id)?.behind)
    .map((i) => program?.indikator.find((x) => x.id === i.id)?.nama ?? i.id);
  const behindNote = behind.length ? ` ${t(M.analisisBehind, { names: behind.join(", ") })}` : "";
  analisis.section(t(M.analisis), t(M.analisisNote) + behindNote);
  const current = analysisOf(report);
  for (const [key, label] of ANALISIS_ROWS) {
    analisis.row(`a:${key}`, [cell("label", label), cell("input", current[key], { format: "text" })]);
  }
  sheets.push(analisis.build());

  const rpk = new SheetBuilder(
    name("RPK"),
    rpkColumns(config).map((c) => c.width),
    id("rpk"),
    title,
  );
  rpk.section(t(M.rpk), t(M.rpkNote));
  writeTable(rpk, "rpk", rpkColumns(config), report.rpk, { blank: Math.max(5, 12 - report.rpk.length) });
  sheets.push(rpk.build({ protect: { insertRows: true, deleteRows: true }, landscape: true }));
  return sheets;
}

function writeIndicator(b: SheetBuilder, input: ProgramFormInput, indicator: IndicatorReport, index: number): void {
  const def = input.config.program
    .find((p) => p.id === input.report.program)
    ?.indikator.find((i) => i.id === indicator.id);
  const villages = indicator.per_desa ?? [];
  const r = b.next;
  const first = r + 1;
  const last = r + villages.length;
  const prev = previousFigure(input, indicator.id);
  const count = (value: number | null | undefined): CellSpec => cell("locked", value ?? null, { format: "count" });
  const input_ = (value: number | null): CellSpec =>
    cell("input", value, {
      format: "count",
      validation: validationFor({ key: "", header: "", width: 0, kind: "count" }),
    });
  const computed = (formula: string, value: number | null): CellSpec =>
    cell("computed", value ?? "", { formula, format: "count" });
  const { kind, month } = formIndicator(input, indicator.id);
  const months = kind === "rata-rata" ? month : 1;
  const capaian = (row: number, kumulatif: number | null, sasaran: number | undefined): CellSpec =>
    cell("computed", kumulatif === null || !sasaran ? "" : (kumulatif / months / sasaran) * 100, {
      formula: capaianFormula(row, months),
      format: "percent",
    });
  const ownFigure = (row: number, bulan: number | null, kum: number | null, fallback: CellSpec): CellSpec =>
    kind === "terakhir" && (kum === null || kum === bulan) ? computed(stateFormula(row), bulan) : fallback;

  const bulanSum = sumOrNull(villages.map((v) => v.bulan_ini));
  const kumSum = sumOrNull(villages.map((v) => v.kumulatif));
  const bulan =
    villages.length && bulanSum === indicator.bulan_ini
      ? computed(sumFormula(C.bulan, first, last), indicator.bulan_ini)
      : input_(indicator.bulan_ini);
  const expected = indicator.bulan_ini === null || prev === undefined ? null : prev + indicator.bulan_ini;
  const kumulatif =
    villages.length && kumSum === indicator.kumulatif
      ? computed(sumFormula(C.kum, first, last), indicator.kumulatif)
      : prev !== undefined && expected === indicator.kumulatif
        ? computed(kumFormula(r), indicator.kumulatif)
        : ownFigure(r, indicator.bulan_ini, indicator.kumulatif, input_(indicator.kumulatif));
  b.row(`i:${indicator.id}`, [
    cell("locked", index + 1),
    cell("locked", indicator.id),
    cell("locked", def?.nama ?? indicator.id),
    cell("locked", villages.length ? t(M.allVillages) : ""),
    cell("locked", def?.satuan ?? ""),
    count(indicator.sasaran),
    cell("locked", indicator.target_kumulatif, { format: "percent" }),
    count(prev),
    bulan,
    kumulatif,
    capaian(r, indicator.kumulatif, indicator.sasaran),
    cell("input", indicator.catatan ?? null, { format: "text" }),
  ]);
  villages.forEach((v) => {
    const row = b.next;
    const before = previousFigure(input, indicator.id, v.desa);
    const expect = v.bulan_ini === null || before === undefined ? null : before + v.bulan_ini;
    b.row(`d:${indicator.id}:${v.desa}`, [
      cell("locked", ""),
      cell("locked", indicator.id),
      cell("locked", ""),
      cell("locked", v.desa),
      cell("locked", ""),
      count(v.sasaran),
      cell("locked", ""),
      count(before),
      input_(v.bulan_ini),
      before !== undefined && expect === v.kumulatif
        ? computed(kumFormula(row), v.kumulatif)
        : ownFigure(row, v.bulan_ini, v.kumulatif, input_(v.kumulatif)),
      capaian(row, v.kumulatif, v.sasaran),
      cell("locked", ""),
    ]);
  });
}

type Analysis = Record<(typeof ANALISIS_ROWS)[number][0], string | null>;

function analysisOf(report: ProgramReport): Analysis {
  const a = report.analisis;
  if (typeof a === "string") return { orang: null, waktu: null, tempat: null, catatan: a };
  return { orang: a?.orang ?? null, waktu: a?.waktu ?? null, tempat: a?.tempat ?? null, catatan: a?.catatan ?? null };
}

// ---------------------------------------------------------------------------------------------

export interface VillageValues {
  desa: string;
  bulan_ini?: number | null;
  kumulatif?: number | null;
}
export interface IndicatorValues {
  id: string;
  /** undefined = not in the source (left as it is). */
  bulan_ini?: number | null;
  kumulatif?: number | null;
  catatan?: string | null;
  per_desa?: VillageValues[];
}
export interface ProgramValues {
  program: string;
  indikator?: IndicatorValues[];
  laporan_kegiatan?: Array<{ kegiatan: string; hasil?: string }>;
  rencana_bulan_ini?: string[];
  analisis?: Analysis;
  rpk?: Array<Partial<Record<(typeof RPK_KEYS)[number], string>>>;
  /** The RPK keys the sheet has columns for (an older workbook lacks some): the others are kept. */
  rpkKeys?: string[];
}

/** Read the sheets of one program (section → sheet); problems go to `reader`. */
export function readProgramSheets(
  input: ProgramFormInput,
  sheets: Partial<Record<ProgramSection, ReadSheet>>,
  reader: CellReader,
): ProgramValues {
  const values: ProgramValues = { program: input.report.program };
  if (sheets.capaian) {
    values.indikator = readCoverage(input, sheets.capaian, reader);
    lockedProblems(programSheets(input)[0], sheets.capaian, reader, (column) => lockedFix(input, column));
  }
  if (sheets.kegiatan) {
    const sheet = sheets.kegiatan;
    const rows = readTable(sheet, reader, "kegiatan", kegiatanColumns());
    reader.mark(["laporan_kegiatan"], tableCell(sheet, "kegiatan"));
    reader.mark(["rencana_bulan_ini"], tableCell(sheet, "rencana"));
    if (rows) {
      values.laporan_kegiatan = rows.map((row) => {
        if (row.values.kegiatan === null && !row.failed.has("kegiatan"))
          reader.problem(t(M.required, { column: "Kegiatan" }), { sheet: sheet.name, cell: row.cells.kegiatan });
        const item: { kegiatan: string; hasil?: string } = { kegiatan: String(row.values.kegiatan ?? "") };
        if (row.values.hasil !== null) item.hasil = String(row.values.hasil);
        return item;
      });
    }
    const plan = readTable(sheet, reader, "rencana", rencanaColumns());
    if (plan) values.rencana_bulan_ini = plan.map((row) => String(row.values.rencana));
  }
  if (sheets.analisis) {
    const sheet = sheets.analisis;
    const rows = indexRows(sheet);
    const out: Analysis = { orang: null, waktu: null, tempat: null, catatan: null };
    for (const [key, label] of ANALISIS_ROWS) {
      const found = rows.find((r) => r.key === `a:${key}`);
      if (!found) {
        reader.problem(t(LM.missingRow, { what: label }), { sheet: sheet.name });
        continue;
      }
      const at = address(found.row, FIRST + 1);
      reader.mark(["analisis", key], { sheet: sheet.name, cell: at });
      reader.mark(["analisis"], { sheet: sheet.name, cell: at });
      out[key] = reader.take(parseText(readCell(sheet, found.row, FIRST + 1)), { sheet: sheet.name, cell: at }) ?? null;
    }
    values.analisis = out;
  }
  if (sheets.rpk) {
    const sheet = sheets.rpk;
    const columns = rpkColumns(input.config);
    const rows = readTable(sheet, reader, "rpk", columns);
    reader.mark(["rpk"], tableCell(sheet, "rpk"));
    if (rows) {
      values.rpk = rows.map((row) => {
        if (row.values.kegiatan === null && !row.failed.has("kegiatan"))
          reader.problem(t(M.required, { column: "Kegiatan" }), { sheet: sheet.name, cell: row.cells.kegiatan });
        const item: Partial<Record<(typeof RPK_KEYS)[number], string>> = {};
        for (const key of RPK_KEYS) if (row.values[key] != null) item[key] = String(row.values[key]);
        return item;
      });
      const header = indexRows(sheet).find((r) => r.key === "h:rpk")?.row ?? 0;
      values.rpkKeys = RPK_KEYS.filter((key) => {
        const at = columns.findIndex((c) => c.key === key);
        return !columns[at].added || rowHasContent(sheet, header, [FIRST + at]);
      });
    }
  }
  return values;
}

/** Where the value of a locked coverage column is changed instead. */
function lockedFix(input: ProgramFormInput, column: number): string | undefined {
  const file = (month: string) => `${month}/program/${input.report.program}.yaml`;
  if (column === C.sasaran || column === C.target)
    return t(M.lockedTarget, { what: column === C.sasaran ? "sasaran" : "target", file: file(input.month) });
  if (column === C.prev) return t(M.lockedPrevious, { file: file(shiftMonth(input.month, -1)) });
  if (column === C.catatan) return t(M.lockedVillageNote);
  return t(M.lockedIdentity);
}

function readCoverage(input: ProgramFormInput, sheet: ReadSheet, reader: CellReader): IndicatorValues[] {
  const rows = indexRows(sheet);
  const place = (row: number, column: number) => ({ sheet: sheet.name, cell: address(row, column) });
  const count = (row: number, column: number) =>
    reader.take(parseCount(readCell(sheet, row, column)), place(row, column)) ?? null;
  const formulaOf = (row: number, column: number) => normalizeFormula(readCell(sheet, row, column).formula);
  const seen = new Set<string>();
  for (const { row, key } of rows) {
    const match = /^i:(.+)$/.exec(key);
    if (!match) continue;
    if (seen.has(match[1]))
      reader.problem(t(LM.duplicateRow, { what: t(M.indicator, { id: match[1] }) }), place(row, C.id));
    seen.add(match[1]);
    if (!input.report.indikator.some((i) => i.id === match[1]))
      reader.problem(t(LM.unknownRow, { what: t(M.indicator, { id: match[1] }) }), place(row, C.id));
  }
  const out: IndicatorValues[] = [];
  for (const [index, indicator] of input.report.indikator.entries()) {
    const at = rows.findIndex((r) => r.key === `i:${indicator.id}`);
    if (at < 0) {
      const header = rows.find((x) => x.key === "h:capaian")?.row ?? 1;
      reader.problem(t(LM.missingRow, { what: t(M.indicator, { id: indicator.id }) }), place(header, C.id));
      continue;
    }
    const r = rows[at].row;
    const path = ["indikator", index];
    reader.mark([...path, "bulan_ini"], place(r, C.bulan));
    reader.mark([...path, "kumulatif"], place(r, C.kum));
    reader.mark([...path, "catatan"], place(r, C.catatan));
    reader.mark(path, place(r, C.id));
    const villageRows: Array<{ row: number; desa: string }> = [];
    for (const next of rows.slice(at + 1)) {
      const v = new RegExp(`^d:${escape(indicator.id)}:(.+)$`).exec(next.key);
      if (!v) break;
      villageRows.push({ row: next.row, desa: v[1] });
    }
    const villages: VillageValues[] = [];
    const villageAt: number[] = [];
    for (const v of villageRows) {
      if (!indicator.per_desa?.some((x) => x.desa === v.desa)) {
        reader.problem(
          t(LM.unknownRow, { what: t(M.village, { desa: v.desa, id: indicator.id }) }),
          place(v.row, C.desa),
        );
        continue;
      }
      // A village lokmin.yaml does not list (misspelt, or renamed there since) is not imported: its
      // figures would sit on a row no total or chart knows.
      if (matchVillage(v.desa, input.config.desa) === undefined) {
        const what = t(M.village, { desa: v.desa, id: indicator.id });
        reader.problem(
          t(M.villageNotListed, { what, advice: villageAdvice(v.desa, input.config.desa) }),
          place(v.row, C.desa),
        );
        continue;
      }
      const vi = indicator.per_desa?.findIndex((x) => x.desa === v.desa) ?? -1;
      reader.mark([...path, "per_desa", vi, "bulan_ini"], place(v.row, C.bulan));
      reader.mark([...path, "per_desa", vi, "kumulatif"], place(v.row, C.kum));
      const bulan = count(v.row, C.bulan);
      const before = previousFigure(input, indicator.id, v.desa) ?? count(v.row, C.prev) ?? 0;
      const kumulatif =
        formulaOf(v.row, C.kum) === normalizeFormula(kumFormula(v.row))
          ? bulan === null
            ? null
            : before + bulan
          : formulaOf(v.row, C.kum) === normalizeFormula(stateFormula(v.row))
            ? bulan
            : count(v.row, C.kum);
      villages.push({ desa: v.desa, bulan_ini: bulan, kumulatif });
      villageAt.push(v.row);
    }
    for (const v of indicator.per_desa ?? []) {
      if (!villageRows.some((x) => x.desa === v.desa))
        reader.problem(t(LM.missingRow, { what: t(M.village, { desa: v.desa, id: indicator.id }) }), place(r, C.desa));
    }
    const first = villageRows[0]?.row ?? r + 1;
    const last = villageRows.at(-1)?.row ?? r;
    const bulan =
      villageRows.length && formulaOf(r, C.bulan) === normalizeFormula(sumFormula(C.bulan, first, last))
        ? sumOrNull(villages.map((v) => v.bulan_ini))
        : count(r, C.bulan);
    const kumFormulaText = formulaOf(r, C.kum);
    let kumulatif: number | null;
    if (villageRows.length && kumFormulaText === normalizeFormula(sumFormula(C.kum, first, last)))
      kumulatif = sumOrNull(villages.map((v) => v.kumulatif));
    else if (kumFormulaText === normalizeFormula(kumFormula(r))) {
      const before = previousFigure(input, indicator.id) ?? count(r, C.prev) ?? 0;
      kumulatif = bulan === null ? null : before + bulan;
    } else if (kumFormulaText === normalizeFormula(stateFormula(r))) kumulatif = bulan;
    else kumulatif = count(r, C.kum);
    const { kind } = formIndicator(input, indicator.id);
    const catatan = reader.take(parseText(readCell(sheet, r, C.catatan)), place(r, C.catatan)) ?? null;
    // Figures that change are checked before they are written (the formulas can be typed over).
    const cellOf = (row: number, column: FigureProblem["column"]) =>
      place(row, column === "bulan_ini" ? C.bulan : C.kum);
    const changed = (was: Partial<Figures> | undefined, now: Figures) =>
      (was?.bulan_ini ?? null) !== now.bulan_ini || (was?.kumulatif ?? null) !== now.kumulatif;
    // One mistake is reported once: at the village row, else at the total against its villages,
    // else at the total against last month.
    const totals = { bulan_ini: bulan, kumulatif };
    const found: FigureProblem[] = [];
    let anyChanged = changed(indicator, totals);
    const report = (p: FigureProblem, row: number) => {
      found.push(p);
      reader.problem(p.message, cellOf(row, p.column));
    };
    villages.forEach((v, i) => {
      const figures = { bulan_ini: v.bulan_ini ?? null, kumulatif: v.kumulatif ?? null };
      const was = indicator.per_desa?.find((x) => x.desa === v.desa);
      if (!changed(was, figures)) return;
      anyChanged = true;
      const before = previousFigure(input, indicator.id, v.desa);
      for (const p of figureProblems(before, figures.bulan_ini, figures.kumulatif, kind)) report(p, villageAt[i]);
    });
    if (anyChanged && !found.length) {
      const list = villages.map((v) => ({
        desa: v.desa,
        bulan_ini: v.bulan_ini ?? null,
        kumulatif: v.kumulatif ?? null,
      }));
      for (const p of villageSumProblems(totals, list)) report(p, r);
    }
    if (changed(indicator, totals) && !found.length)
      for (const p of figureProblems(previousFigure(input, indicator.id), bulan, kumulatif, kind)) report(p, r);
    out.push({
      id: indicator.id,
      bulan_ini: bulan,
      kumulatif,
      catatan,
      ...(indicator.per_desa ? { per_desa: villages } : {}),
    });
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// ---------------------------------------------------------------------------------------------

/** The edits that make `report` hold `values`; none when they already agree. */
export function programEdits(report: ProgramReport, values: ProgramValues): YamlEdit[] {
  const edits: YamlEdit[] = [];
  for (const v of values.indikator ?? []) {
    const index = report.indikator.findIndex((i) => i.id === v.id);
    if (index < 0) continue;
    const current = report.indikator[index];
    const base = ["indikator", index];
    edits.push(...scalarEdit(base, "bulan_ini", current.bulan_ini, v.bulan_ini, { nullable: true }));
    edits.push(...scalarEdit(base, "kumulatif", current.kumulatif, v.kumulatif, { nullable: true }));
    if (v.kumulatif !== undefined && current.capaian_persen !== undefined && v.kumulatif !== current.kumulatif) {
      const percent =
        v.kumulatif === null || current.sasaran <= 0 ? null : round((v.kumulatif / current.sasaran) * 100, 2);
      edits.push(...scalarEdit(base, "capaian_persen", current.capaian_persen, percent));
    }
    edits.push(
      ...scalarEdit(base, "catatan", current.catatan, v.catatan, {
        after: ["kumulatif", "capaian_persen", "per_desa"],
      }),
    );
    for (const village of v.per_desa ?? []) {
      const vi = current.per_desa?.findIndex((x) => x.desa === village.desa) ?? -1;
      if (vi < 0 || !current.per_desa) continue;
      const was = current.per_desa[vi];
      edits.push(
        ...scalarEdit([...base, "per_desa", vi], "bulan_ini", was.bulan_ini, village.bulan_ini, { nullable: true }),
      );
      edits.push(
        ...scalarEdit([...base, "per_desa", vi], "kumulatif", was.kumulatif, village.kumulatif, { nullable: true }),
      );
    }
  }
  if (values.laporan_kegiatan)
    edits.push(
      ...listEdits(["laporan_kegiatan"], report.laporan_kegiatan, values.laporan_kegiatan, ["kegiatan", "hasil"]),
    );
  if (values.rencana_bulan_ini)
    edits.push(...listEdits(["rencana_bulan_ini"], report.rencana_bulan_ini, values.rencana_bulan_ini, []));
  if (values.rpk) edits.push(...listEdits(["rpk"], report.rpk, values.rpk, values.rpkKeys ?? RPK_KEYS, RPK_KEYS));
  if (values.analisis) edits.push(...analysisEdits(report, values.analisis));
  return edits;
}

function analysisEdits(report: ProgramReport, next: Analysis): YamlEdit[] {
  const current = analysisOf(report);
  if (same(normalizeItem(current, Object.keys(next)), normalizeItem(next, Object.keys(next)))) return [];
  const a = report.analisis;
  if (a && typeof a === "object") {
    return [
      ...scalarEdit(["analisis"], "orang", a.orang, next.orang, { nullable: true }),
      ...scalarEdit(["analisis"], "waktu", a.waktu, next.waktu, { nullable: true }),
      ...scalarEdit(["analisis"], "tempat", a.tempat, next.tempat, { nullable: true }),
      ...scalarEdit(["analisis"], "catatan", a.catatan, next.catatan),
    ];
  }
  const value: Record<string, string | null> = { orang: next.orang, waktu: next.waktu, tempat: next.tempat };
  if (next.catatan !== null) value.catatan = next.catatan;
  return [{ op: "replace", path: ["analisis"], value }];
}
