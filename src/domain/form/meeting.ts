// The meeting workbook the Kasubag TU runs: attendance (a status per invitee, guests), the scoring
// matrices of the month's problems and solutions in the month's method (one block per rater where
// scores are per rater, as MCUA is), new and existing kesepakatan, and the evaluation of last
// month's kesepakatan; the analysis sheets of ./analysis.ts (causes, SWOT, stakeholders) sit after
// the scores. Import writes scores, never totals or ranks: `lokmin rank` computes those.
import { humanRange, msg, t } from "../../i18n/index.js";
import type { YamlEdit } from "../edits.js";
import { monthName } from "../format-date.js";
import { type CriterionDef, type MethodDef, methodDef } from "../rank/methods.js";
import { problemMethod, solutionMethod } from "../rank/month.js";
import { excelTotal } from "../rank/total.js";
import {
  ATTENDANCE,
  COMMITMENT_STATUSES,
  type Meeting,
  type Scores,
  type Stakeholder,
  type Workspace,
} from "../schema.js";
import {
  type AnalysisValues,
  analysisEdits,
  analysisSheet,
  analysisSheetName,
  readAnalysisSheet,
  readStakeholderSheet,
  showsStakeholders,
  stakeholderSheet,
} from "./analysis.js";
import { type CellReader, parseChoice, parseScore } from "./cells.js";
import { type Choice, staffChoices, staffColumn } from "./choices.js";
import {
  cell,
  type Column,
  columnCell,
  FIRST,
  type Identity,
  identityFor,
  indexRows,
  M as LM,
  readColumn,
  readTable,
  rowHasContent,
  tableCell,
  SheetBuilder,
  validationFor,
  writeTable,
} from "./layout.js";
import { listEdits, normalizeItem, same, scalarEdit } from "./lists.js";
import { address, type CellSpec, columnLetter, type ReadSheet, readCell, type SheetSpec } from "./workbook.js";

export const MEETING_SECTIONS = [
  "kehadiran",
  "masalah",
  "solusi",
  "analisis",
  "stakeholder",
  "kesepakatan",
  "evaluasi",
] as const;
export type MeetingSection = (typeof MEETING_SECTIONS)[number];

/** The parts a month's meeting workbook has: the stakeholder sheet only where the month maps them. */
export const meetingSections = (input: MeetingFormInput): MeetingSection[] =>
  MEETING_SECTIONS.filter((s) => s !== "stakeholder" || showsStakeholders(input));

export interface MeetingFormInput {
  config: Workspace;
  month: string;
  meeting: Meeting;
  /** The meeting file as it is now, when `meeting` is the base the workbook was made from. */
  current?: Meeting;
}

const M = {
  title: msg("Lokakarya Mini {month} — {puskesmas}", "Lokakarya Mini {month} — {puskesmas}"),
  hadir: msg("Daftar hadir pegawai", "Staff attendance"),
  hadirNote: msg(
    "Pilih status tiap undangan: hadir, izin, sakit, dinas_luar atau alpa.",
    "Choose each invitee's status: hadir, izin, sakit, dinas_luar or alpa.",
  ),
  tamu: msg("Tamu dan narasumber dari luar Puskesmas", "Guests and outside speakers"),
  tamuNote: msg("Satu tamu per baris; baris boleh disisipkan.", "One guest per row; rows may be inserted."),
  masalah: msg("Penilaian prioritas masalah — {method}", "Problem priority scores — {method}"),
  solusi: msg("Penilaian alternatif solusi — {method}", "Solution alternative scores — {method}"),
  scoreNote: msg(
    "Isi skor tiap kriteria ({scales}). Total di sini hanya bantuan; `lokmin rank` menghitung total dan peringkat.",
    "Enter each criterion's score ({scales}). The total here is a guide; `lokmin rank` computes totals and ranks.",
  ),
  raterNote: msg(
    "Satu blok per penilai: pilih nama penilai di blok kosong lalu isi skornya.",
    "One block per rater: choose the rater's name in an empty block and enter the scores.",
  ),
  forum: msg("Skor kesepakatan forum", "Scores agreed by the forum"),
  rater: msg("Penilai", "Rater"),
  noProblems: msg(
    "Belum ada masalah di rapat.yaml; tambahkan dengan `lokmin rank {month} --add-candidates` lalu buat isian lagi.",
    "No problems in rapat.yaml yet; add them with `lokmin rank {month} --add-candidates` and make the form again.",
  ),
  kesepakatan: msg("Kesepakatan bersama (nota kesepakatan)", "Commitments (nota kesepakatan)"),
  kesepakatanNote: msg(
    "Baris tanpa Id adalah kesepakatan baru; Id BULAN/Knn diberikan saat impor. Ditandatangani: id pegawai, pisahkan " +
      "dengan koma.",
    "Rows without an Id are new commitments; the Id MONTH/Knn is given on import. Ditandatangani: staff ids, " +
      "separated by commas.",
  ),
  evaluasi: msg("Evaluasi kesepakatan bulan lalu", "Evaluation of last month's commitments"),
  evaluasiNote: msg(
    "Pilih status: selesai, sebagian, berjalan (belum jatuh tempo), belum atau batal; tulis catatan singkat.",
    "Choose the status: selesai, sebagian, berjalan (not due yet), belum or batal; write a short note.",
  ),
  raterMissing: msg(
    "blok ini berisi skor tetapi nama penilai kosong; pilih penilai",
    "this block has scores but no rater; choose the rater",
  ),
  raterTwice: msg("penilai {rater} muncul di dua blok; gabungkan", "rater {rater} appears in two blocks; merge them"),
  required: msg("kolom {column} wajib diisi untuk kesepakatan", "column {column} is required for a commitment"),
  unknownStaff: msg(
    "'{id}' tidak ada di daftar pegawai; tulis id pegawai (mis. {example}) dipisah koma, atau tambahkan ke pegawai " +
      "di lokmin.yaml lalu buat isian lagi",
    "'{id}' is not on the staff list; write staff ids (e.g. {example}) separated by commas, or add the person to " +
      "pegawai in lokmin.yaml and make the form again",
  ),
  importedBefore: msg(
    "baris ini ditambahkan di isian ini dan sudah diimpor sebagai kesepakatan {id}, lalu diubah; isian ini tidak " +
      "tahu Id-nya. Untuk mengubahnya buat isian baru dengan `lokmin form {month} --only rapat --force` " +
      "(atau ubah {id} di rapat.yaml)",
    "this row was added in this workbook and already imported as commitment {id}, then changed; this workbook " +
      "does not know its Id. To change it make a new form with `lokmin form {month} --only rapat --force` " +
      "(or change {id} in rapat.yaml)",
  ),
  guestRequired: msg("kolom {column} wajib diisi untuk tamu", "column {column} is required for a guest"),
  unknownProblem: msg("masalah '{id}' tidak ada bulan ini", "problem '{id}' does not exist this month"),
  unknownIndicator: msg(
    "indikator '{id}' tidak ada di program {program}",
    "indicator '{id}' is not in program {program}",
  ),
  problem: msg("masalah {id}", "problem {id}"),
  solution: msg("solusi {id}", "solution {id}"),
  invitee: msg("pegawai {id}", "staff member {id}"),
  commitment: msg("kesepakatan {id}", "commitment {id}"),
};

const statusChoices = (list: readonly string[]): Choice[] => list.map((s) => ({ id: s, label: s }));
const YES_NO: Choice[] = [
  { id: "ya", label: "ya" },
  { id: "tidak", label: "tidak" },
];

function guestColumns(): Column[] {
  return [
    { key: "nama", header: "Nama", width: 30, kind: "text" },
    { key: "jabatan", header: "Jabatan", width: 26, kind: "text" },
    { key: "instansi", header: "Instansi", width: 26, kind: "text" },
    { key: "status", header: "Status", width: 12, kind: "choice", choices: statusChoices(ATTENDANCE) },
    { key: "narasumber", header: "Narasumber", width: 12, kind: "choice", choices: YES_NO },
  ];
}

function commitmentColumns(input: MeetingFormInput): Column[] {
  const { config } = input;
  return [
    { key: "id", header: "Id", width: 14, kind: "text", locked: true },
    { key: "uraian", header: "Uraian", width: 40, kind: "text" },
    {
      key: "program",
      header: "Program",
      width: 12,
      kind: "choice",
      choices: config.program.map((p) => ({ id: p.id, label: p.id })),
    },
    { key: "indikator", header: "Indikator", width: 12, kind: "text" },
    { key: "masalah", header: "Masalah", width: 10, kind: "text" },
    staffColumn(config, "penanggung_jawab", "Penanggung jawab"),
    { key: "tenggat", header: "Tenggat", width: 12, kind: "date" },
    { key: "target", header: "Target", width: 30, kind: "text" },
    { key: "ditandatangani", header: "Ditandatangani", width: 22, kind: "text" },
  ];
}

function evaluationColumns(config: Workspace): Column[] {
  // Shown as "Nama (id)", like the drop-downs elsewhere; locked, so never read back.
  const everyone = config.pegawai.map((p) => ({ id: p.id, label: `${p.nama} (${p.id})` }));
  return [
    { key: "id", header: "Id", width: 14, kind: "text", locked: true },
    { key: "uraian", header: "Uraian", width: 40, kind: "text", locked: true },
    { key: "penanggung_jawab", header: "Penanggung jawab", width: 26, kind: "choice", choices: everyone, locked: true },
    { key: "tenggat", header: "Tenggat", width: 12, kind: "date", locked: true },
    { key: "status", header: "Status", width: 12, kind: "choice", choices: statusChoices(COMMITMENT_STATUSES) },
    { key: "catatan", header: "Catatan", width: 40, kind: "text" },
  ];
}

// --- scoring -----------------------------------------------------------------------------------

interface ScoreColumn {
  criterion: CriterionDef;
  factor?: string;
  header: string;
}

interface ScoreItem {
  key: string;
  id: string;
  title: string;
  path: (string | number)[];
  skor?: Scores;
  skor_penilai?: Array<{ penilai: string; skor: Scores }>;
}

interface ScoreTarget {
  section: "masalah" | "solusi";
  method: MethodDef;
  items: ScoreItem[];
  raters: boolean;
}

function scoreTargets(input: MeetingFormInput): ScoreTarget[] {
  const { config, meeting } = input;
  const problems: ScoreItem[] = meeting.masalah.map((p, i) => ({
    key: `m:${p.id}`,
    id: p.id,
    title: p.judul,
    path: ["masalah", i],
    skor: p.skor,
    skor_penilai: p.skor_penilai,
  }));
  const solutions: ScoreItem[] = meeting.masalah.flatMap((p, i) =>
    p.solusi.map((s, j) => ({
      key: `s:${p.id}:${s.id}`,
      id: `${p.id}/${s.id}`,
      title: s.uraian,
      path: ["masalah", i, "solusi", j],
      skor: s.skor,
      skor_penilai: s.skor_penilai,
    })),
  );
  const pm = methodDef(problemMethod(config, meeting), config.penilaian, "masalah");
  const sm = methodDef(solutionMethod(config, meeting), config.penilaian, "solusi");
  const perRater = (method: MethodDef, items: ScoreItem[]) =>
    method.raters || items.some((i) => i.skor_penilai?.length);
  return [
    { section: "masalah", method: pm, items: problems, raters: perRater(pm, problems) },
    { section: "solusi", method: sm, items: solutions, raters: perRater(sm, solutions) },
  ];
}

function scoreColumns(method: MethodDef): ScoreColumn[] {
  return method.criteria.flatMap((c) =>
    c.factors
      ? c.factors.map((f) => ({ criterion: c, factor: f, header: `${c.id.toUpperCase()} ${f.toUpperCase()}` }))
      : [{ criterion: c, header: `${c.nama}${c.weight !== undefined ? ` (bobot ${c.weight})` : ""}` }],
  );
}

const scoreAt = (scores: Scores | undefined, col: ScoreColumn): number | null => {
  const v = scores?.[col.criterion.id];
  if (col.factor) return typeof v === "object" ? (v[col.factor] ?? null) : null;
  return typeof v === "number" ? v : null;
};

function scoreSheet(b: SheetBuilder, input: MeetingFormInput, target: ScoreTarget): void {
  const columns = scoreColumns(target.method);
  const scales = [...new Set(target.method.criteria.map((c) => humanRange(c.scale.min, c.scale.max)))].join(", ");
  const heading = target.section === "masalah" ? M.masalah : M.solusi;
  b.section(t(heading, { method: target.method.nama }), t(M.scoreNote, { scales }));
  if (target.items.length === 0) {
    b.note(t(M.noProblems, { month: input.month }));
    return;
  }
  if (target.raters) b.note(t(M.raterNote));
  const staff = staffColumn(input.config, "penilai", t(M.rater));
  const raters = target.raters
    ? [...new Set(target.items.flatMap((i) => (i.skor_penilai ?? []).map((r) => r.penilai)))]
    : [];
  const blocks: Array<string | null | "forum"> = target.raters ? [...raters, null, null, null] : ["forum"];
  for (const rater of blocks) {
    if (rater === "forum") b.row("b:forum", [cell("label", t(M.forum))]);
    else b.row(`b:${rater ?? ""}`, [cell("label", t(M.rater)), columnCell(staff, rater, rater !== null)]);
    b.row(`h:skor`, [
      cell("header", "Id"),
      cell("header", target.section === "masalah" ? "Masalah" : "Solusi"),
      ...columns.map((c) => cell("header", c.header)),
      cell("header", "Total"),
    ]);
    for (const item of target.items) {
      const row = b.next;
      const scores = rater === "forum" ? item.skor : item.skor_penilai?.find((r) => r.penilai === rater)?.skor;
      const letters = new Map(
        columns.map((c, i) => [
          c.factor ? `${c.criterion.id}.${c.factor}` : c.criterion.id,
          columnLetter(FIRST + 2 + i),
        ]),
      );
      const first = columnLetter(FIRST + 2);
      const last = columnLetter(FIRST + 1 + columns.length);
      const formula = `IF(COUNT(${first}${row}:${last}${row})<${columns.length},"",${excelTotal(
        target.method.total,
        target.method.criteria,
        (k) => `${letters.get(k)}${row}`,
      )})`;
      const values = columns.map((c) => scoreAt(scores, c));
      const complete = values.every((v) => v !== null);
      const means: Record<string, number | Record<string, number>> = {};
      columns.forEach((c, i) => {
        if (c.factor) {
          const nested = (means[c.criterion.id] ?? {}) as Record<string, number>;
          nested[c.factor] = values[i] ?? 0;
          means[c.criterion.id] = nested;
        } else means[c.criterion.id] = values[i] ?? 0;
      });
      const total = complete ? (target.method.combine(means) ?? "") : "";
      b.row(item.key, [
        cell("locked", item.id),
        cell("locked", item.title),
        ...columns.map((c, i): CellSpec => {
          const col: Column = { key: "", header: "", width: 0, kind: "score", scale: c.criterion.scale };
          return cell("input", values[i], { format: "decimal", validation: validationFor(col) });
        }),
        cell("computed", Number.isFinite(total as number) ? total : "", { formula, format: "decimal" }),
      ]);
    }
  }
}

/** The sheets of the meeting workbook (without the shared Pilihan sheet). */
export function meetingSheets(input: MeetingFormInput, prefix = ""): SheetSpec[] {
  const { config, month, meeting } = input;
  const title = t(M.title, { month: monthName(month), puskesmas: config.puskesmas.nama });
  const id = (section: MeetingSection): Identity => identityFor(config, "rapat", "rapat", month, section);
  const name = (s: string) => `${prefix}${s}`;
  const staff = new Map(config.pegawai.map((p) => [p.id, p]));
  const sheets: SheetSpec[] = [];

  const hadir = new SheetBuilder(name("Kehadiran"), [30, 26, 26, 12, 12], id("kehadiran"), title);
  hadir.section(t(M.hadir), t(M.hadirNote));
  hadir.row(
    "h:hadir",
    ["Nama", "Jabatan", "Instansi", "Status"].map((h) => cell("header", h)),
  );
  const status = guestColumns()[3];
  for (const entry of meeting.hadir.filter((h) => h.pegawai)) {
    const person = staff.get(entry.pegawai ?? "");
    hadir.row(`p:${entry.pegawai}`, [
      cell("locked", person?.nama ?? entry.pegawai ?? ""),
      cell("locked", person?.jabatan ?? ""),
      cell("locked", config.puskesmas.nama),
      columnCell(status, entry.status),
    ]);
  }
  hadir.section(t(M.tamu), t(M.tamuNote));
  const guests = meeting.hadir.filter((h) => !h.pegawai);
  writeTable(
    hadir,
    "tamu",
    guestColumns(),
    guests.map((g) => ({ ...g, narasumber: g.narasumber ? "ya" : null })),
    { blank: 6 },
  );
  sheets.push(hadir.build({ protect: { insertRows: true, deleteRows: true } }));

  for (const target of scoreTargets(input)) {
    const columns = scoreColumns(target.method);
    const b = new SheetBuilder(
      name(target.section === "masalah" ? "Masalah" : "Solusi"),
      [10, 44, ...columns.map(() => 12), 10],
      id(target.section),
      title,
    );
    scoreSheet(b, input, target);
    sheets.push(b.build({ landscape: true }));
  }
  sheets.push(analysisSheet(input, name(analysisSheetName(input)), id("analisis"), title));
  if (showsStakeholders(input)) sheets.push(stakeholderSheet(input, name("Stakeholder"), id("stakeholder"), title));

  const kesepakatan = new SheetBuilder(
    name("Kesepakatan"),
    commitmentColumns(input).map((c) => c.width),
    id("kesepakatan"),
    title,
  );
  kesepakatan.section(t(M.kesepakatan), t(M.kesepakatanNote));
  writeTable(
    kesepakatan,
    "kesepakatan",
    commitmentColumns(input),
    meeting.kesepakatan.map((k) => ({ ...k, ditandatangani: k.ditandatangani.join(", ") })),
    { blank: 8, rowKey: (i) => (i < meeting.kesepakatan.length ? `k:${meeting.kesepakatan[i].id}` : "k:") },
  );
  sheets.push(kesepakatan.build({ protect: { insertRows: true, deleteRows: true }, landscape: true }));

  const evaluasi = new SheetBuilder(
    name("Evaluasi"),
    evaluationColumns(config).map((c) => c.width),
    id("evaluasi"),
    title,
  );
  evaluasi.section(t(M.evaluasi), t(M.evaluasiNote));
  writeTable(
    evaluasi,
    "evaluasi",
    evaluationColumns(config),
    meeting.evaluasi_kesepakatan.map((e) => ({ ...e, catatan: e.catatan ?? null })),
    { blank: 0, rowKey: (i) => `e:${meeting.evaluasi_kesepakatan[i].id}` },
  );
  sheets.push(evaluasi.build({ landscape: true }));
  return sheets;
}

const COMMITMENT_KEYS = [
  "id",
  "uraian",
  "program",
  "indikator",
  "masalah",
  "penanggung_jawab",
  "tenggat",
  "target",
  "ditandatangani",
] as const;

/** A commitment's content without its id, to recognise a row imported before by what it says. */
const commitmentContent = (item: Record<string, unknown>) => normalizeItem({ ...item, id: undefined }, COMMITMENT_KEYS);

// --- reading -----------------------------------------------------------------------------------

type Guest = { nama?: string; jabatan?: string; instansi?: string; status: string | null; narasumber?: boolean };

export interface MeetingValues {
  /** Staff id → status. */
  status?: Map<string, string | null>;
  guests?: Guest[];
  /** Item key (m:… / s:…:…) → agreed scores, or rater → scores. */
  scores?: Array<{ section: "masalah" | "solusi"; raters: boolean; items: Map<string, Map<string, Scores>> }>;
  commitments?: Array<{ id: string | null; values: Record<string, unknown>; cell: string; sheet: string }>;
  evaluations?: Map<string, { status: string | null; catatan: string | null }>;
  analysis?: AnalysisValues;
  stakeholders?: Stakeholder[];
}

export function readMeetingSheets(
  input: MeetingFormInput,
  sheets: Partial<Record<MeetingSection, ReadSheet>>,
  reader: CellReader,
): MeetingValues {
  const values: MeetingValues = {};
  const { meeting, config } = input;
  if (sheets.kehadiran) {
    const sheet = sheets.kehadiran;
    const rows = indexRows(sheet);
    const statuses = new Map<string, string | null>();
    const status = guestColumns()[3];
    for (const entry of meeting.hadir.filter((h) => h.pegawai)) {
      const found = rows.find((r) => r.key === `p:${entry.pegawai}`);
      if (!found) {
        reader.problem(
          t(LM.missingRow, { what: t(M.invitee, { id: entry.pegawai ?? "" }) }),
          tableCell(sheet, "hadir"),
        );
        continue;
      }
      const at = address(found.row, FIRST + 3);
      reader.mark(["hadir", meeting.hadir.indexOf(entry), "status"], { sheet: sheet.name, cell: at });
      const v = readColumn(status, readCell(sheet, found.row, FIRST + 3), reader, { sheet: sheet.name, cell: at });
      statuses.set(entry.pegawai ?? "", (v as string | null | undefined) ?? null);
    }
    for (const r of rows) {
      const id = /^p:(.+)$/.exec(r.key)?.[1];
      if (id && !meeting.hadir.some((h) => h.pegawai === id))
        reader.problem(t(LM.unknownRow, { what: t(M.invitee, { id }) }), {
          sheet: sheet.name,
          cell: address(r.row, FIRST),
        });
    }
    values.status = statuses;
    const guests = readTable(sheet, reader, "tamu", guestColumns());
    reader.mark(["hadir"], tableCell(sheet, "tamu"));
    if (guests) {
      values.guests = guests.map((g) => {
        if (g.values.nama === null && !g.failed.has("nama"))
          reader.problem(t(M.guestRequired, { column: "Nama" }), { sheet: sheet.name, cell: g.cells.nama });
        const out: Guest = { nama: String(g.values.nama ?? ""), status: (g.values.status as string | null) ?? null };
        if (g.values.jabatan !== null) out.jabatan = String(g.values.jabatan);
        if (g.values.instansi !== null) out.instansi = String(g.values.instansi);
        if (g.values.narasumber === "ya") out.narasumber = true;
        return out;
      });
    }
  }
  values.scores = [];
  for (const target of scoreTargets(input)) {
    const sheet = sheets[target.section];
    if (!sheet || target.items.length === 0) continue;
    values.scores.push({
      section: target.section,
      raters: target.raters,
      items: readScores(input, target, sheet, reader),
    });
  }
  if (sheets.analisis) values.analysis = readAnalysisSheet(input, sheets.analisis, reader);
  if (sheets.stakeholder) values.stakeholders = readStakeholderSheet(input, sheets.stakeholder, reader);
  if (sheets.kesepakatan) {
    const sheet = sheets.kesepakatan;
    const rows = readTable(sheet, reader, "kesepakatan", commitmentColumns(input)) ?? [];
    reader.mark(["kesepakatan"], tableCell(sheet, "kesepakatan"));
    const problems = new Set(meeting.masalah.map((m) => m.id));
    const staff = new Set(config.pegawai.map((p) => p.id));
    values.commitments = [];
    for (const row of rows) {
      const id = /^k:(.+)$/.exec(row.key)?.[1] ?? null;
      const v = row.values;
      const index = meeting.kesepakatan.findIndex((k) => k.id === id);
      if (index >= 0) {
        for (const [key, at] of Object.entries(row.cells))
          reader.mark(["kesepakatan", index, key], { sheet: sheet.name, cell: at });
        reader.mark(["kesepakatan", index], { sheet: sheet.name, cell: row.cells.uraian });
      }
      const place = (key: string) => ({ sheet: sheet.name, cell: row.cells[key] });
      for (const [key, header] of [
        ["uraian", "Uraian"],
        ["penanggung_jawab", "Penanggung jawab"],
        ["tenggat", "Tenggat"],
        ["target", "Target"],
      ] as const) {
        if (v[key] === null && !row.failed.has(key)) reader.problem(t(M.required, { column: header }), place(key));
      }
      if (v.masalah !== null && !problems.has(String(v.masalah)))
        reader.problem(t(M.unknownProblem, { id: String(v.masalah) }), place("masalah"));
      if (v.indikator !== null && v.program !== null) {
        const program = config.program.find((p) => p.id === v.program);
        if (program && !program.indikator.some((i) => i.id === v.indikator))
          reader.problem(t(M.unknownIndicator, { id: String(v.indikator), program: program.id }), place("indikator"));
      }
      const signed: string[] = [];
      for (const part of String(v.ditandatangani ?? "").split(/[,;]/)) {
        const text = part.trim();
        if (!text) continue;
        const found = parseChoice({ kind: "text", value: text }, staffChoices(config));
        if (found.ok && found.value && staff.has(found.value)) signed.push(found.value);
        else
          reader.problem(
            t(M.unknownStaff, {
              id: text,
              example: config.pegawai
                .slice(0, 2)
                .map((p) => p.id)
                .join(", "),
            }),
            place("ditandatangani"),
          );
      }
      values.commitments.push({
        id,
        values: { ...v, ditandatangani: signed },
        cell: row.cells.uraian,
        sheet: sheet.name,
      });
    }
    const freshRows = values.commitments.filter((c) => c.id === null);
    const fresh = freshRows.map((c) => commitmentContent(c.values));
    // A row without an Id that matches no kesepakatan, while one has no row: most likely a row added in this
    // workbook, imported before (it got that Id) and edited since.
    // Kesepakatan added to the meeting file since the workbook was made (by an earlier import of it) have no
    // row with their Id either.
    const added = (input.current?.kesepakatan ?? []).filter((k) => !meeting.kesepakatan.some((b) => b.id === k.id));
    const unmatched = freshRows.filter(
      (c, i) => ![...meeting.kesepakatan, ...added].some((k) => same(fresh[i], commitmentContent(k))),
    );
    for (const k of [...meeting.kesepakatan, ...added]) {
      if (!rows.some((r) => r.key === `k:${k.id}`) && !fresh.some((c) => same(c, commitmentContent(k)))) {
        if (added.includes(k)) {
          const row = unmatched.shift();
          if (row)
            reader.problem(t(M.importedBefore, { id: k.id, month: input.month }), { sheet: row.sheet, cell: row.cell });
          continue;
        }
        const row = unmatched.shift();
        if (row)
          reader.problem(t(M.importedBefore, { id: k.id, month: input.month }), { sheet: row.sheet, cell: row.cell });
        else reader.problem(t(LM.missingRow, { what: t(M.commitment, { id: k.id }) }), tableCell(sheet, "kesepakatan"));
      }
    }
  }
  if (sheets.evaluasi) {
    const sheet = sheets.evaluasi;
    const rows = readTable(sheet, reader, "evaluasi", evaluationColumns(config)) ?? [];
    values.evaluations = new Map();
    for (const row of rows) {
      const id = /^e:(.+)$/.exec(row.key)?.[1];
      if (!id || !meeting.evaluasi_kesepakatan.some((e) => e.id === id)) {
        reader.problem(t(LM.unknownRow, { what: t(M.commitment, { id: id ?? "?" }) }), {
          sheet: sheet.name,
          cell: row.cells.status,
        });
        continue;
      }
      const index = meeting.evaluasi_kesepakatan.findIndex((e) => e.id === id);
      for (const key of ["status", "catatan"])
        reader.mark(["evaluasi_kesepakatan", index, key], { sheet: sheet.name, cell: row.cells[key] });
      values.evaluations.set(id, {
        status: (row.values.status as string | null) ?? null,
        catatan: (row.values.catatan as string | null) ?? null,
      });
    }
    for (const e of meeting.evaluasi_kesepakatan) {
      if (!rows.some((r) => r.key === `e:${e.id}`) && !values.evaluations.has(e.id)) {
        // an evaluation row left entirely empty is skipped by readTable: it keeps status null
        const present = indexRows(sheet).some((r) => r.key === `e:${e.id}`);
        if (!present)
          reader.problem(t(LM.missingRow, { what: t(M.commitment, { id: e.id }) }), tableCell(sheet, "evaluasi"));
        else values.evaluations.set(e.id, { status: null, catatan: null });
      }
    }
  }
  return values;
}

function readScores(
  input: MeetingFormInput,
  target: ScoreTarget,
  sheet: ReadSheet,
  reader: CellReader,
): Map<string, Map<string, Scores>> {
  const columns = scoreColumns(target.method);
  const staff = staffChoices(input.config);
  const out = new Map<string, Map<string, Scores>>(target.items.map((i) => [i.key, new Map()]));
  let block: { rater: string | null; row: number; items: Set<string> } | undefined;
  const blocks: Array<NonNullable<typeof block>> = [];
  const place = (row: number, column: number) => ({ sheet: sheet.name, cell: address(row, column) });
  for (const { row, key } of indexRows(sheet)) {
    if (key.startsWith("b:")) {
      let rater: string | null = "forum";
      if (key !== "b:forum") {
        const at = FIRST + 1;
        const parsed = reader.take(parseChoice(readCell(sheet, row, at), staff), place(row, at));
        rater = parsed ?? null;
      }
      block = { rater, row, items: new Set() };
      blocks.push(block);
      continue;
    }
    const item = target.items.find((i) => i.key === key);
    if (!item || !block) {
      if (/^[ms]:/.test(key)) reader.problem(t(LM.unknownRow, { what: key.slice(2) }), place(row, FIRST));
      continue;
    }
    block.items.add(item.key);
    const place0 = { sheet: sheet.name, cell: address(row, FIRST + 2) };
    reader.mark([...item.path, "skor"], place0);
    reader.mark([...item.path, "skor_penilai"], place0);
    const scores: Scores = {};
    columns.forEach((c, i) => {
      const value = reader.take(
        parseScore(readCell(sheet, row, FIRST + 2 + i), c.criterion.scale),
        place(row, FIRST + 2 + i),
      );
      if (value === null || value === undefined) return;
      if (c.factor) {
        const nested = (scores[c.criterion.id] ?? {}) as Record<string, number>;
        nested[c.factor] = value;
        scores[c.criterion.id] = nested;
      } else scores[c.criterion.id] = value;
    });
    if (Object.keys(scores).length === 0) continue;
    if (block.rater === null) {
      reader.problem(t(M.raterMissing), place(block.row, FIRST + 1));
      continue;
    }
    out.get(item.key)?.set(block.rater, scores);
  }
  const named = blocks.filter((b) => b.rater !== null && b.rater !== "forum");
  for (const b of named) {
    if (named.filter((x) => x.rater === b.rater).length > 1 && named.find((x) => x.rater === b.rater) !== b)
      reader.problem(t(M.raterTwice, { rater: b.rater ?? "" }), place(b.row, FIRST + 1));
  }
  for (const b of blocks.filter((x) => x.rater !== null || rowHasContent(sheet, x.row, [FIRST + 1]))) {
    for (const item of target.items) {
      if (!b.items.has(item.key))
        reader.problem(
          t(LM.missingRow, { what: t(target.section === "masalah" ? M.problem : M.solution, { id: item.id }) }),
          place(b.row, FIRST),
        );
    }
  }
  return out;
}

// --- edits -------------------------------------------------------------------------------------

/** The edits that make rapat.yaml hold `values`; none when they already agree. */
export function meetingEdits(input: MeetingFormInput, values: MeetingValues): YamlEdit[] {
  const { meeting, month } = input;
  const edits: YamlEdit[] = [];
  if (values.status) {
    meeting.hadir.forEach((entry, index) => {
      if (!entry.pegawai || !values.status?.has(entry.pegawai)) return;
      edits.push(
        ...scalarEdit(["hadir", index], "status", entry.status, values.status.get(entry.pegawai) ?? null, {
          nullable: true,
        }),
      );
    });
  }
  if (values.guests) {
    const keys = ["nama", "jabatan", "instansi", "status", "narasumber"];
    const current = meeting.hadir.filter((h) => !h.pegawai).map((g) => normalizeItem(g, keys, ["status"]));
    const next = values.guests.map((g) => normalizeItem(g, keys, ["status"]));
    if (!same(current, next)) {
      const staffRows = meeting.hadir
        .filter((h) => h.pegawai)
        .map((h) => ({
          ...normalizeItem(h, ["pegawai", "nama", "jabatan", "instansi", "narasumber"]),
          status: values.status?.get(h.pegawai ?? "") ?? h.status,
        }));
      // The list is replaced whole, statuses included: drop the per-status edits made above.
      edits.splice(0, edits.length, ...edits.filter((e) => e.path[0] !== "hadir"));
      edits.push({ op: "replace", path: ["hadir"], value: [...staffRows, ...next] });
    }
  }
  for (const block of values.scores ?? []) {
    const target = scoreTargets(input).find((x) => x.section === block.section);
    if (!target) continue;
    for (const item of target.items) {
      const read = block.items.get(item.key) ?? new Map<string, Scores>();
      // Scores under criteria the method does not use (the month's method changed) are kept as written.
      const known = new Set(target.method.criteria.map((c) => c.id));
      const extra = (scores: Scores | undefined): Scores =>
        Object.fromEntries(Object.entries(scores ?? {}).filter(([k]) => !known.has(k)));
      if (!block.raters) {
        const next = { ...extra(item.skor), ...(read.get("forum") ?? {}) };
        const current = item.skor ?? {};
        if (same(sortScores(current), sortScores(next))) continue;
        edits.push(
          Object.keys(next).length
            ? { op: "replace", path: [...item.path, "skor"], value: next }
            : { op: "delete", path: [...item.path, "skor"] },
        );
      } else {
        const current = item.skor_penilai ?? [];
        const raters = [...new Set([...current.map((r) => r.penilai), ...read.keys()])];
        const next = raters
          .map((penilai) => ({
            penilai,
            skor: { ...extra(current.find((r) => r.penilai === penilai)?.skor), ...(read.get(penilai) ?? {}) },
          }))
          .filter((r) => Object.keys(r.skor).length > 0);
        const norm = (list: typeof next) =>
          [...list]
            .map((r) => ({ penilai: r.penilai, skor: sortScores(r.skor) }))
            .sort((a, b) => a.penilai.localeCompare(b.penilai));
        if (same(norm(current), norm(next))) continue;
        edits.push(
          next.length
            ? { op: "replace", path: [...item.path, "skor_penilai"], value: next }
            : { op: "delete", path: [...item.path, "skor_penilai"] },
        );
      }
    }
  }
  if (values.commitments) {
    const matchedIds = new Set(values.commitments.map((c) => c.id).filter((id): id is string => id !== null));
    const numbers = meeting.kesepakatan.map((k) => Number(/\/K(\d+)$/.exec(k.id)?.[1] ?? 0));
    let nextNumber = Math.max(0, ...numbers) + 1;
    const toAppend: Record<string, unknown>[] = [];
    for (const c of values.commitments) {
      const item = normalizeItem({ ...c.values, id: c.id }, COMMITMENT_KEYS);
      if (c.id !== null) {
        const index = meeting.kesepakatan.findIndex((k) => k.id === c.id);
        if (index < 0) continue;
        const current = normalizeItem(meeting.kesepakatan[index], COMMITMENT_KEYS);
        edits.push(...listEdits(["kesepakatan"], [current], [item], COMMITMENT_KEYS).map((e) => reindex(e, index)));
        continue;
      }
      // A row imported before has its id in the file already: find it by content, not twice.
      const content = commitmentContent(item);
      const already = meeting.kesepakatan.find((k) => !matchedIds.has(k.id) && same(commitmentContent(k), content));
      if (already) {
        matchedIds.add(already.id);
        continue;
      }
      toAppend.push({ id: `${month}/K${String(nextNumber++).padStart(2, "0")}`, ...content });
    }
    if (toAppend.length) edits.push({ op: "append", path: ["kesepakatan"], items: toAppend });
  }
  edits.push(...analysisEdits(input, values));
  if (values.evaluations) {
    meeting.evaluasi_kesepakatan.forEach((e, index) => {
      const v = values.evaluations?.get(e.id);
      if (!v) return;
      edits.push(...scalarEdit(["evaluasi_kesepakatan", index], "status", e.status, v.status, { nullable: true }));
      edits.push(
        ...scalarEdit(["evaluasi_kesepakatan", index], "catatan", e.catatan ?? null, v.catatan, { nullable: true }),
      );
    });
  }
  return edits;
}

/** An edit made against a one-item list, moved to the item's real index. */
function reindex(edit: YamlEdit, index: number): YamlEdit {
  if (edit.op === "replace" && edit.path.length === 1) return { ...edit, path: ["kesepakatan", index] };
  const path = [...edit.path];
  path[1] = index;
  return { ...edit, path } as YamlEdit;
}

function sortScores(scores: Scores): Scores {
  return Object.fromEntries(
    Object.entries(scores)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [
        k,
        typeof v === "object" ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
      ]),
  );
}
