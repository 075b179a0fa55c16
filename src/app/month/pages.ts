// The month's form pages over rapat.yaml (and tribulanan.yaml, pralokmin/<klaster>.yaml), in the
// order the SOP takes them: the invitation, then the meeting — attendance, pembahasan, problems
// with their root causes and SWOT, the scoring of problems and of solutions, the RTL, the
// kesepakatan with the evaluation of last month's, and the first Lokmin's task matrix and POA.
// Every field is labelled with the documents' words; every person, program, indicator, problem and
// agenda item is picked by name from what the workspace holds (never an id typed). The choices come
// from lokmin.yaml (`config`), read when the page is built; the specs are the field model's, so a
// key the schema gains is a line here.
import { causeCategories, analysisMethods } from "../../domain/analysis.js";
import type { YamlEdit } from "../../domain/edits.js";
import type { Choice, FieldSpec, ListSpec, Spec, TableSpec } from "../../domain/fields/model.js";
import { isObject } from "../../domain/fields/model.js";
import { slugFor, uniqueId } from "../../domain/fields/state.js";
import { monthName } from "../../domain/format-date.js";
import { shiftMonth } from "../../domain/month.js";
import { methodDef, type MethodDef } from "../../domain/rank/methods.js";
import { problemMethod, rankEdits, rankProblems, rankSolutions, solutionMethod } from "../../domain/rank/month.js";
import {
  ATTENDANCE,
  COMMITMENT_STATUSES,
  type Meeting,
  meetingSchema,
  pralokminSchema,
  quarterlyMeetingSchema,
  type Workspace,
  workspaceSchema,
} from "../../domain/schema.js";
import { STRATEGY_IDS } from "../../domain/swot.js";
import { RELATION_LIBRARY } from "../../domain/verification.js";
import { meetingFile, pralokminFile, quarterlyFile } from "../../domain/workspace-data.js";
import { type Message, msg } from "../../i18n/index.js";
import type { FormPage } from "../save.js";
import { staffChoices } from "../setup/pages.js";

type Data = Record<string, unknown>;
const asData = (data: unknown): Data => (isObject(data) ? data : {});
const listOf = (data: unknown, key: string): Data[] => {
  const value = asData(data)[key];
  return Array.isArray(value) ? value.filter(isObject) : [];
};

const field = (key: string, label: Message, input: FieldSpec["input"] = "text", extra: Partial<FieldSpec> = {}) =>
  ({ kind: "field", key, label, input, ...extra }) as FieldSpec;
const table = (key: string, label: Message, columns: FieldSpec[], extra: Partial<TableSpec> = {}): TableSpec => ({
  kind: "table",
  key,
  label,
  columns,
  ...extra,
});

/** What the month's pages need to offer their choices: lokmin.yaml's data (valid or not). */
export interface MonthSetting {
  month: string;
  config: unknown;
}

export const W = {
  tanggal: msg("Tanggal", "Date"),
  waktu: msg("Waktu", "Time"),
  tempat: msg("Tempat", "Place"),
  uraian: msg("Uraian", "Description"),
  pj: msg("Penanggung jawab (PJ)", "Person in charge (PJ)"),
  program: msg("Program", "Program"),
  indikator: msg("Indikator", "Indicator"),
  masalah: msg("Masalah", "Problem"),
  sasaran: msg("Sasaran", "Target group"),
  biaya: msg("Biaya / sumber dana", "Cost / source of funds"),
  keterangan: msg("Keterangan", "Note"),
};

// --- choices from the workspace and the meeting ------------------------------------------------

export function programChoices(config: unknown): Choice[] {
  return listOf(config, "program").map((p) => ({ value: String(p.id), label: String(p.nama ?? p.id) }));
}

/** Every indicator, labelled with its program: "Pelayanan ibu hamil (Kesehatan Ibu dan Anak)". */
export function indicatorChoices(config: unknown): Choice[] {
  const seen = new Set<string>();
  return listOf(config, "program").flatMap((p) =>
    (Array.isArray(p.indikator) ? p.indikator.filter(isObject) : [])
      .filter((i) => typeof i.id === "string" && !seen.has(i.id) && seen.add(i.id as string))
      .map((i) => ({ value: String(i.id), label: `${i.nama ?? i.id} (${p.nama ?? p.id})` })),
  );
}

const villageChoices = (config: unknown): Choice[] =>
  (Array.isArray(asData(config).desa) ? (asData(config).desa as unknown[]) : []).map((d) => ({
    value: String(d),
    label: String(d),
  }));

/** The data relations lokmin checks (the library's and lokmin.yaml's own), by id with their reason. */
function relationChoices(config: unknown): Choice[] {
  const own = asData(asData(config).verifikasi).tambahan;
  return [
    ...RELATION_LIBRARY.map((r) => ({
      value: r.id,
      label: { id: `${r.id}: ${r.alasan.id}`, en: `${r.id}: ${r.alasan.en}` },
    })),
    ...(Array.isArray(own) ? own.filter(isObject) : []).map((r) => ({
      value: String(r.id),
      label: `${r.id}${r.alasan ? `: ${r.alasan}` : ""}`,
    })),
  ];
}

const problemChoices = (meeting: unknown): Choice[] =>
  listOf(meeting, "masalah").map((m) => ({ value: String(m.id), label: String(m.judul ?? m.id) }));

const agendaChoices = (meeting: unknown): Choice[] =>
  listOf(meeting, "agenda").map((a, i) => ({ value: String(a.id), label: `${i + 1}. ${a.judul ?? a.id}` }));

const ATTENDANCE_LABELS: Record<(typeof ATTENDANCE)[number], Message> = {
  hadir: msg("Hadir", "Present"),
  izin: msg("Izin", "Excused"),
  sakit: msg("Sakit", "Sick"),
  dinas_luar: msg("Dinas luar", "On duty elsewhere"),
  alpa: msg("Tanpa keterangan", "Absent without notice"),
};
const attendanceChoices: Choice[] = ATTENDANCE.map((value) => ({ value, label: ATTENDANCE_LABELS[value] }));

const STATUS_LABELS: Record<(typeof COMMITMENT_STATUSES)[number], Message> = {
  selesai: msg("Selesai (terlaksana)", "Done"),
  sebagian: msg("Sebagian terlaksana", "Partly done"),
  berjalan: msg("Berjalan (belum jatuh tempo)", "Under way (not yet due)"),
  belum: msg("Belum terlaksana", "Not done yet"),
  batal: msg("Batal", "Cancelled"),
};
const statusChoices: Choice[] = COMMITMENT_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));

/** "a07": the next agenda item, rtl row, problem … number after the largest one of the list. */
const numbered =
  (prefix: string, width = 1) =>
  (_column: (key: string) => string | undefined, used: ReadonlySet<string>) => {
    const numbers = [...used].map((id) => new RegExp(`^${prefix}(\\d+)$`).exec(id)).map((m) => (m ? Number(m[1]) : 0));
    const next = Math.max(0, ...numbers) + 1;
    return `${prefix}${String(next).padStart(width, "0")}`;
  };

// --- the invitation ----------------------------------------------------------------------------

const meetingBasics = (config: unknown): Spec[] => [
  field("tanggal", msg("Tanggal rapat", "Date of the meeting"), "date", { empty: "null" }),
  {
    kind: "group",
    key: "waktu",
    children: [
      field("mulai", msg("Waktu mulai", "Starts at"), "time", { required: true, width: "s" }),
      field("selesai", msg("Waktu selesai", "Ends at"), "time", {
        width: "s",
        empty: "null",
        hint: msg("kosong = sampai selesai", "empty = until finished"),
      }),
    ],
  },
  field("tempat", W.tempat, "text", { empty: "null", width: "l" }),
  field("pimpinan", msg("Pimpinan rapat", "Chair"), "select", { required: true, options: staffChoices(config) }),
  field("notulis", msg("Notulis", "Minute-taker"), "select", { required: true, options: staffChoices(config) }),
];

const LETTER_KINDS = ["Biasa", "Segera", "Terbatas", "Rahasia", "Sangat Rahasia"].map((value) => ({
  value,
  label: value,
}));

const invitationGroup = (recipients: Choice[], extra: FieldSpec[] = []): Spec => ({
  kind: "group",
  key: "undangan",
  label: msg("Surat undangan", "Letter of invitation"),
  children: [
    field("urut", msg("Nomor urut surat", "Serial number of the letter"), "integer", {
      min: 1,
      width: "s",
      hint: msg(
        "nomor di buku agenda surat keluar; Nomor surat disusun dari pola di Pengaturan bila dikosongkan",
        "the number in the outgoing-letter register; the letter number is made from the pattern in Settings when empty",
      ),
    }),
    field("nomor", msg("Nomor surat", "Letter number"), "text", {
      empty: "null",
      width: "l",
      hint: msg(
        "lengkap, mis. 000.1.5/108/436.7.2.3.3/2024; kosong = disusun dari nomor urut",
        "in full, e.g. 000.1.5/108/436.7.2.3.3/2024; empty = made from the serial number",
      ),
    }),
    field("tanggal", msg("Tanggal surat", "Date of the letter"), "date", { empty: "null" }),
    field("sifat", msg("Sifat", "Nature"), "select", { options: LETTER_KINDS, default: "Biasa" }),
    field("lampiran", msg("Lampiran", "Enclosure"), "text", { default: "-" }),
    field("hal", msg("Hal", "Subject"), "text", { required: true, width: "l" }),
    ...extra,
    field("penerima", msg("Penerima (Yth.)", "Addressed to"), "multi", {
      options: recipients,
      hint: msg(
        "kosong = daftar peserta terlampir (semua yang diundang)",
        "none ticked = the list of participants attached (everyone invited)",
      ),
    }),
    field("tembusan", msg("Tembusan", "Copies to"), "lines", {
      hint: msg("satu baris per penerima tembusan", "one line per recipient of a copy"),
    }),
  ],
});

const programme = (): TableSpec =>
  table(
    "susunan_acara",
    msg("Susunan acara", "Programme"),
    [
      field("waktu", W.waktu, "text", {
        required: true,
        width: "s",
        hint: msg("mis. 08.00–08.30", "e.g. 08.00–08.30"),
      }),
      field("acara", msg("Acara", "Item"), "text", { required: true, width: "l" }),
      field("pelaksana", msg("Pelaksana", "By"), "text", { width: "m" }),
    ],
    { addLabel: msg("Tambah acara", "Add an item") },
  );

const agendaList = (): ListSpec => ({
  kind: "list",
  key: "agenda",
  label: msg("Agenda (yang dibahas)", "Agenda (what is discussed)"),
  rows: "id",
  idFrom: "judul",
  newId: numbered("a", 2),
  addLabel: msg("Tambah agenda", "Add an agenda item"),
  columns: [field("judul", msg("Agenda", "Agenda item"), "text", { required: true, width: "l" })],
});

export function invitationPage({ month, config }: MonthSetting): FormPage {
  return {
    id: `${month}/undangan`,
    url: `/bulan/${month}/undangan`,
    file: meetingFile(month),
    title: msg("Undangan dan susunan acara", "Invitation and programme"),
    nav: msg("Undangan", "Invitation"),
    intro: msg(
      "Tanggal, waktu dan tempat rapat, surat undangannya (SOP langkah 3) dan susunan acara. Dicetak di undangan, " +
        "susunan acara dan daftar hadir.",
      "The meeting's date, time and place, its letter of invitation (SOP step 3) and programme. Printed on the " +
        "invitation, the programme and the attendance list.",
    ),
    schema: meetingSchema,
    specs: () => [...meetingBasics(config), invitationGroup(staffChoices(config)), programme(), agendaList()],
  };
}

// --- the meeting -------------------------------------------------------------------------------

/** An attendance row is a cross-sector participant or a member of staff (by id), or a guest (by name). */
const attendanceIdentity = (item: Data) =>
  typeof item.peserta === "string"
    ? item.peserta
    : typeof item.pegawai === "string"
      ? item.pegawai
      : typeof item.nama === "string"
        ? `tamu:${item.nama}`
        : undefined;

/**
 * The attendance: a row per person invited — staff (`pegawai`), and at the quarterly meeting the
 * cross-sector roster (`peserta`) — with their status, and guests by name and institution.
 */
function attendanceList(staff: Choice[], roster?: Choice[]): ListSpec {
  const isPerson = (column: (key: string) => string | undefined) => Boolean(column("pegawai") ?? column("peserta"));
  const people = [...(roster ?? []), ...staff];
  const guest = { width: "m", hiddenWhen: isPerson } as const;
  return {
    kind: "list",
    key: "hadir",
    label: msg("Daftar hadir", "Attendance"),
    rows: "id",
    identity: attendanceIdentity,
    idKey: null,
    newId: (column, used) => {
      const person = column("peserta") ?? column("pegawai");
      if (person && !used.has(person)) return person;
      return uniqueId(`tamu:${slugFor(column("nama") ?? "")}`, used);
    },
    title: (column, id) => {
      const person = column("peserta") ?? column("pegawai");
      const name = person ? people.find((p) => p.value === person)?.label : undefined;
      return String(name ?? column("nama") ?? id);
    },
    addLabel: msg("Tambah peserta atau tamu", "Add a participant or guest"),
    columns: [
      ...(roster
        ? [
            field("peserta", msg("Peserta lintas sektor", "Cross-sector participant"), "select", {
              options: roster,
              fixed: true,
              width: "l",
            }),
          ]
        : []),
      field("pegawai", msg("Pegawai", "Member of staff"), "select", {
        options: staff,
        fixed: true,
        width: "l",
        hint: msg("kosong untuk tamu: isi namanya", "empty for a guest: write the name"),
      }),
      field("nama", msg("Nama tamu", "Guest's name"), "text", guest),
      field("jabatan", msg("Jabatan tamu", "Guest's position"), "text", guest),
      field("instansi", msg("Instansi tamu", "Guest's institution"), "text", guest),
      field("status", msg("Kehadiran", "Attendance"), "select", { options: attendanceChoices, width: "m" }),
      field("narasumber", msg("Narasumber", "Speaker"), "checkbox", { default: "false" }),
    ],
  };
}

export function attendancePage({ month, config }: MonthSetting): FormPage {
  return {
    id: `${month}/kehadiran`,
    url: `/bulan/${month}/kehadiran`,
    file: meetingFile(month),
    title: msg("Daftar hadir", "Attendance"),
    nav: msg("Kehadiran", "Attendance"),
    intro: msg(
      "Kehadiran setiap pegawai yang diundang, dan tamu atau narasumber dari luar Puskesmas (nama dan instansinya). " +
        "Yang tidak hadir tidak mendapat kolom tanda tangan.",
      "The attendance of every member of staff invited, and guests or speakers from outside the Puskesmas (name and " +
        "institution). Those absent get no signature slot.",
    ),
    schema: meetingSchema,
    specs: () => [
      attendanceList(staffChoices(config)),
      field("evaluasi_kehadiran", msg("Evaluasi kehadiran", "Attendance evaluation"), "textarea", {
        empty: "null",
        hint: msg("mis. yang berhalangan sudah memberi kabar", "e.g. those absent sent word"),
      }),
    ],
  };
}

const discussionTable = (speakers: Choice[], agenda: Choice[] | undefined): TableSpec =>
  table(
    "pembahasan",
    msg("Pembahasan per agenda", "Discussion per agenda item"),
    [
      ...(agenda ? [field("agenda", msg("Agenda", "Agenda item"), "select", { options: agenda, width: "l" })] : []),
      field("pembicara", msg("Pembicara", "Speaker"), "select", { options: speakers, required: true }),
      field("isi", msg("Yang disampaikan", "What was said"), "textarea", { required: true }),
      field("keputusan", msg("Keputusan", "Decision"), "textarea", {
        hint: msg("kosong bila tidak ada keputusan", "empty when nothing was decided"),
      }),
    ],
    { layout: "cards", addLabel: msg("Tambah pembahasan", "Add a discussion") },
  );

/** The texts of special SOP steps, shown when the month has them (or the file already holds them). */
const SPECIAL_TEXTS: { key: keyof Meeting; label: Message; when?: string }[] = [
  { key: "audit_internal", label: msg("Hasil audit internal", "Internal audit results") },
  {
    key: "musrenbang",
    label: msg("Bahan Musrenbang kecamatan", "Input for the kecamatan Musrenbang"),
    when: "bulan_kedua",
  },
  {
    key: "evaluasi_tengah_tahun",
    label: msg("Evaluasi tengah tahun", "Mid-year evaluation"),
    when: "tengah_tahun",
  },
  {
    key: "bahan_tribulanan",
    label: msg("Bahan Lokmin tribulanan / tinjauan manajemen", "Input for the quarterly Lokmin / management review"),
    when: "tribulanan",
  },
  { key: "ruk", label: msg("Pembahasan RUK tahun berikutnya", "Next year's RUK (budget plan)") },
];

export function discussionPage({ month, config }: MonthSetting): FormPage {
  return {
    id: `${month}/pembahasan`,
    url: `/bulan/${month}/pembahasan`,
    file: meetingFile(month),
    title: msg("Persiapan dan pembahasan", "Preparation and discussion"),
    nav: msg("Pembahasan", "Discussion"),
    intro: msg(
      "Apa yang disiapkan, apa yang dilaporkan dan dibahas per agenda: siapa yang berbicara, apa yang disampaikan, " +
        "apa yang diputuskan. Notulen hanya mencetak yang diisi di sini.",
      "What was prepared, reported and discussed per agenda item: who spoke, what was said, what was decided. The " +
        "minutes print only what is filled in here.",
    ),
    schema: meetingSchema,
    specs: (data) => {
      const special = Array.isArray(asData(data).langkah_khusus) ? (asData(data).langkah_khusus as string[]) : [];
      return [
        {
          kind: "group",
          key: "persiapan",
          label: msg("Persiapan (SOP langkah 1–3)", "Preparation (SOP steps 1–3)"),
          children: [
            field("kepala_puskesmas", msg("Kepala Puskesmas", "Head of the Puskesmas"), "textarea", { empty: "null" }),
            field("program", msg("PJ program", "Program coordinators"), "textarea", { empty: "null" }),
            field("tata_usaha", msg("Tata Usaha", "Administration"), "textarea", { empty: "null" }),
          ],
        },
        {
          kind: "group",
          key: "verifikasi_data",
          label: msg("Verifikasi data sebelum Lokmin", "Data verification before the Lokmin"),
          children: [
            field("tanggal", W.tanggal, "date", { empty: "null" }),
            field("hasil", msg("Hasil verifikasi", "Result"), "textarea", { empty: "null" }),
            field("dilaporkan", msg("Hasilnya dilaporkan dalam Lokmin", "Reported at the Lokmin"), "checkbox", {
              default: "false",
            }),
            table(
              "selisih",
              msg("Relasi data yang tidak sesuai", "Data relations that did not hold"),
              [
                field("relasi", msg("Relasi", "Relation"), "select", {
                  options: relationChoices(config),
                  required: true,
                  width: "l",
                }),
                field("desa", msg("Desa", "Village"), "select", {
                  options: villageChoices(config),
                  hint: msg("kosong = semua desa", "empty = every village"),
                }),
                field("lingkup", msg("Angka", "Figures"), "select", {
                  options: [
                    { value: "bulan_ini", label: msg("bulan ini", "this month") },
                    { value: "kumulatif", label: msg("kumulatif", "cumulative") },
                  ],
                  hint: msg("kosong = keduanya", "empty = both"),
                }),
                field("justifikasi", msg("Justifikasi yang disepakati", "Agreed justification"), "textarea", {
                  empty: "null",
                }),
                field("penyebab", msg("Penyebab", "Cause"), "textarea", { empty: "null" }),
                field("diperbaiki", msg("Angka sudah dikoreksi", "Figures corrected"), "checkbox", {
                  default: "false",
                }),
              ],
              {
                layout: "cards",
                addLabel: msg("Tambah relasi yang tidak sesuai", "Add a relation that did not hold"),
                hint: msg(
                  "Relasi yang disebut Periksa (relasi/…): justifikasi dan penyebab yang disepakati.",
                  "The relations Check names (relasi/…): the justification and cause agreed.",
                ),
              },
            ),
          ],
        },
        table(
          "informasi",
          msg("Informasi hasil rapat Kabupaten/Kota dan Kecamatan", "News from district and sub-district meetings"),
          [
            field("sumber", msg("Sumber", "Source"), "text", { required: true, width: "m" }),
            field("isi", msg("Isi informasi", "Content"), "textarea", { required: true }),
          ],
          { addLabel: msg("Tambah informasi", "Add news") },
        ),
        discussionTable(staffChoices(config), agendaChoices(data)),
        ...SPECIAL_TEXTS.filter((s) => !s.when || special.includes(s.when) || asData(data)[s.key] !== undefined).map(
          (s) => field(s.key, s.label, "textarea", { empty: s.when ? "null" : "remove" }),
        ),
        field("kesimpulan", msg("Kesimpulan rapat", "Conclusions"), "textarea", {
          empty: "null",
          hint: msg("kosong = notulen menyusunnya dari data", "empty = the minutes compose it from the data"),
        }),
      ];
    },
  };
}

// --- problems, root causes, SWOT -----------------------------------------------------------------

const linesField = (key: string, label: Message) => field(key, label, "lines", { hint: LINE_HINT });
const LINE_HINT = msg("satu butir per baris", "one item per line");

function swotGroup(): Spec {
  return {
    kind: "group",
    key: "swot",
    label: msg("Analisis SWOT", "SWOT analysis"),
    children: [
      linesField("kekuatan", msg("Kekuatan (S)", "Strengths (S)")),
      linesField("kelemahan", msg("Kelemahan (W)", "Weaknesses (W)")),
      linesField("peluang", msg("Peluang (O)", "Opportunities (O)")),
      linesField("ancaman", msg("Ancaman (T)", "Threats (T)")),
      {
        kind: "group",
        key: "strategi",
        children: [
          linesField("so", msg("Strategi S-O", "S-O strategies")),
          linesField("wo", msg("Strategi W-O", "W-O strategies")),
          linesField("st", msg("Strategi S-T", "S-T strategies")),
          linesField("wt", msg("Strategi W-T", "W-T strategies")),
        ],
      },
    ],
  };
}

const configData = (config: unknown) => asData(config) as Partial<Workspace>;

export function problemsPage({ month, config }: MonthSetting): FormPage {
  return {
    id: `${month}/masalah`,
    url: `/bulan/${month}/masalah`,
    file: meetingFile(month),
    title: msg("Masalah dan akar masalah", "Problems and root causes"),
    nav: msg("Masalah", "Problems"),
    intro: msg(
      "Masalah yang dibahas forum, dengan akar masalahnya menurut kategori (diagram tulang ikan) dan, bila bulan ini " +
        "memakai SWOT, tabel SWOT-nya.",
      "The problems the forum discusses, with their root causes by category (fishbone) and, when this month uses " +
        "SWOT, their SWOT table.",
    ),
    schema: meetingSchema,
    specs: (data) => {
      const methods = analysisMethods(
        { analisis: configData(config).analisis },
        asData(data) as Pick<Meeting, "metode">,
      );
      const categories = causeCategories({ analisis: configData(config).analisis }).map((c) => ({
        value: c,
        label: c,
      }));
      return [
        {
          kind: "list",
          key: "masalah",
          label: msg("Masalah", "Problems"),
          rows: "id",
          idFrom: "judul",
          newId: numbered("m"),
          layout: "cards",
          addLabel: msg("Tambah masalah", "Add a problem"),
          title: (column, id) => column("judul") ?? id,
          columns: [
            field("judul", msg("Masalah", "Problem"), "text", { required: true, width: "l" }),
            field("program", W.program, "select", { options: programChoices(config), width: "l" }),
            field("indikator", W.indikator, "select", { options: indicatorChoices(config), width: "l" }),
            field("kesenjangan", msg("Kesenjangan (poin persen)", "Gap (percentage points)"), "number", {
              width: "s",
              hint: msg("target kumulatif − capaian", "cumulative target − coverage"),
            }),
            field("uraian", W.uraian, "textarea"),
            table(
              "akar_masalah",
              msg("Akar masalah", "Root causes"),
              [
                field("kategori", msg("Kategori", "Category"), "select", { options: categories, width: "m" }),
                field("uraian", msg("Akar masalah", "Root cause"), "text", { required: true, width: "l" }),
              ],
              { addLabel: msg("Tambah akar masalah", "Add a root cause") },
            ),
            ...(methods.includes("swot") ? [swotGroup()] : []),
          ],
        },
      ];
    },
  };
}

// --- scoring ------------------------------------------------------------------------------------

/** The method in force for the month's problems or solutions, from lokmin.yaml and rapat.yaml (as `rank` reads it). */
export function monthMethod(config: unknown, meeting: unknown, target: "masalah" | "solusi"): MethodDef | undefined {
  const parsed = workspaceSchema.safeParse(config);
  if (!parsed.success) return undefined;
  const m = { metode: asData(asData(meeting).metode) } as unknown as Meeting;
  try {
    const id = target === "masalah" ? problemMethod(parsed.data, m) : solutionMethod(parsed.data, m);
    return methodDef(id, parsed.data.penilaian, target);
  } catch {
    return undefined;
  }
}

/** A criterion's score fields ("u", or Hanlon's PEARL factors "pearl.p" …). */
function scoreFields(method: MethodDef): Spec[] {
  return method.criteria.map((c): Spec =>
    c.factors
      ? {
          kind: "group",
          key: c.id,
          label: { id: c.nama, en: c.nama },
          children: c.factors.map((f) =>
            field(f, { id: `${c.symbol} ${f.toUpperCase()}`, en: `${c.symbol} ${f.toUpperCase()}` }, "number", {
              min: c.scale.min,
              max: c.scale.max,
              width: "s",
              abbr: f.toUpperCase(),
            }),
          ),
        }
      : field(c.id, { id: `${c.symbol} ${c.nama}`, en: `${c.symbol} ${c.nama}` }, "number", {
          min: c.scale.min > 0 && c.scale.min < 1e-6 ? undefined : c.scale.min,
          max: c.scale.max,
          width: "s",
          abbr: c.symbol,
        }),
  );
}

/** The scores of an item: one set agreed by the forum, or one per rater (MCUA). */
export function scoreColumns(method: MethodDef, raters: Choice[]): Spec[] {
  const fields = scoreFields(method);
  if (!method.raters) return [{ kind: "group", key: "skor", children: fields }];
  return [
    {
      kind: "list",
      key: "skor_penilai",
      label: msg("Skor per penilai", "Scores per rater"),
      rows: "id",
      identity: (item) => (typeof item.penilai === "string" ? item.penilai : undefined),
      idKey: "penilai",
      newId: (column, used) => column("penilai") ?? uniqueId("penilai", used),
      layout: "cards",
      addLabel: msg("Tambah penilai", "Add a rater"),
      columns: [
        field("penilai", msg("Penilai", "Rater"), "select", { options: raters, fixed: true, required: true }),
        { kind: "group", key: "skor", children: fields },
      ],
      title: (_c, id) => raters.find((r) => r.value === id)?.label.toString() ?? id,
    },
  ];
}

/**
 * The totals and ranks `rank --write` writes, from the scores as they will be saved (one definition:
 * domain/rank); nothing while lokmin.yaml or the month cannot be read as a whole.
 */
function rankingEdits(config: unknown, data: unknown, month: string, what: "masalah" | "solusi"): YamlEdit[] {
  const workspace = workspaceSchema.safeParse(config);
  const meeting = meetingSchema.safeParse(data);
  if (!workspace.success || !meeting.success) return [];
  const file = meetingFile(month);
  if (what === "masalah") return rankEdits(rankProblems(workspace.data, meeting.data, file), (i) => ["masalah", i]);
  return rankSolutions(workspace.data, meeting.data, file).flatMap((s) =>
    rankEdits(s, (i) => ["masalah", s.problemIndex, "solusi", i]),
  );
}

export function scoringPage({ month, config }: MonthSetting): FormPage {
  return {
    id: `${month}/prioritas`,
    url: `/bulan/${month}/prioritas`,
    file: meetingFile(month),
    title: msg("Prioritas masalah", "Problem priorities"),
    nav: msg("Prioritas", "Priorities"),
    derive: (data) => rankingEdits(config, data, month, "masalah"),
    intro: msg(
      "Skor setiap masalah menurut metode bulan ini. Total dan peringkat dihitung ulang setiap kali skor " +
        "diubah, dan ditulis saat Simpan.",
      "Each problem's scores in this month's method. Totals and ranks are recomputed whenever a score " +
        "changes, and written on Simpan.",
    ),
    schema: meetingSchema,
    specs: (data) => {
      const method = monthMethod(config, data, "masalah");
      if (!method) return [];
      return [
        {
          kind: "list",
          key: "masalah",
          label: msg("Masalah", "Problems"),
          rows: "id",
          locked: true,
          layout: "cards",
          title: (column, id) => column("judul") ?? id,
          columns: [
            field("judul", msg("Masalah", "Problem"), "text", { readOnly: true }),
            ...scoreColumns(method, staffChoices(config)),
          ],
        },
      ];
    },
  };
}

export function solutionsPage({ month, config }: MonthSetting): FormPage {
  return {
    id: `${month}/solusi`,
    url: `/bulan/${month}/solusi`,
    file: meetingFile(month),
    title: msg("Alternatif solusi", "Alternative solutions"),
    nav: msg("Solusi", "Solutions"),
    derive: (data) => rankingEdits(config, data, month, "solusi"),
    intro: msg(
      "Alternatif pemecahan setiap masalah dengan skornya menurut metode solusi bulan ini; total dan peringkat " +
        "dihitung ulang setiap kali skor diubah. Centang solusi terpilih yang menjadi dasar RTL.",
      "Each problem's alternative solutions with their scores in this month's solution method; totals and ranks are " +
        "recomputed whenever a score changes. Tick the chosen solution the RTL builds on.",
    ),
    schema: meetingSchema,
    specs: (data) => {
      const method = monthMethod(config, data, "solusi");
      if (!method) return [];
      const strategies = STRATEGY_IDS.map((s) => ({ value: s, label: s }));
      return [
        {
          kind: "list",
          key: "masalah",
          label: msg("Masalah", "Problems"),
          rows: "id",
          locked: true,
          layout: "cards",
          title: (column, id) => column("judul") ?? id,
          columns: [
            field("judul", msg("Masalah", "Problem"), "text", { hidden: true }),
            {
              kind: "list",
              key: "solusi",
              label: msg("Alternatif solusi", "Alternative solutions"),
              rows: "id",
              idFrom: "uraian",
              newId: numbered("s"),
              layout: method.raters ? "cards" : "table",
              addLabel: msg("Tambah alternatif solusi", "Add an alternative solution"),
              title: (column, id) => column("uraian") ?? id,
              columns: [
                field("uraian", msg("Alternatif solusi", "Solution"), "text", { required: true, width: "l" }),
                field("strategi", msg("Strategi SWOT", "SWOT strategy"), "select", {
                  options: strategies,
                  width: "s",
                  abbr: "SWOT",
                }),
                field("dipilih", msg("Solusi terpilih", "Chosen"), "checkbox", { default: "false", abbr: "✓" }),
                ...scoreColumns(method, staffChoices(config)),
              ],
            },
          ],
        },
      ];
    },
  };
}

// --- RTL, kesepakatan, evaluation ------------------------------------------------------------------

export function actionPlanPage({ month, config }: MonthSetting): FormPage {
  return {
    id: `${month}/rtl`,
    url: `/bulan/${month}/rtl`,
    file: meetingFile(month),
    title: msg("Rencana tindak lanjut (RTL)", "Follow-up plan (RTL)"),
    nav: msg("RTL", "RTL"),
    intro: msg(
      "Rencana kerja pemecahan masalah (SOP langkah 10): kegiatan, sasaran, waktu, penanggung jawab dan biaya.",
      "The work plan that solves the problems (SOP step 10): activity, target group, time, person in charge and cost.",
    ),
    schema: meetingSchema,
    specs: (data) => [
      {
        kind: "list",
        key: "rtl",
        label: msg("RTL", "RTL"),
        rows: "id",
        idFrom: "kegiatan",
        newId: numbered("r"),
        layout: "cards",
        addLabel: msg("Tambah kegiatan RTL", "Add an RTL activity"),
        title: (column, id) => column("kegiatan") ?? id,
        columns: [
          field("masalah", W.masalah, "select", { options: problemChoices(data), width: "l" }),
          field("kegiatan", msg("Kegiatan", "Activity"), "text", { required: true, width: "l" }),
          field("sasaran", W.sasaran, "text", { width: "l" }),
          field("waktu", W.waktu, "text", {
            // The plan is for the month after the meeting.
            hint: msg(
              `mis. Minggu ke-1 ${monthName(shiftMonth(month, 1))}`,
              `e.g. first week of ${shiftMonth(month, 1)}`,
            ),
          }),
          field("penanggung_jawab", W.pj, "select", { required: true, options: staffChoices(config) }),
          field("biaya", W.biaya, "text"),
          field("indikator_keberhasilan", msg("Indikator keberhasilan", "Measure of success"), "text", { width: "l" }),
        ],
      },
    ],
  };
}

/** The next kesepakatan id of the month: 2024-05/K04. */
const commitmentId =
  (month: string, letter = "K") =>
  (_column: (key: string) => string | undefined, used: ReadonlySet<string>) => {
    const pattern = new RegExp(`^${month}/${letter}(\\d+)$`);
    const numbers = [...used].map((id) => pattern.exec(id)).map((m) => (m ? Number(m[1]) : 0));
    return `${month}/${letter}${String(Math.max(0, ...numbers) + 1).padStart(2, "0")}`;
  };

function evaluationList(people: Choice[]): ListSpec {
  return {
    kind: "list",
    key: "evaluasi_kesepakatan",
    label: msg("Evaluasi kesepakatan bulan lalu", "Evaluation of last month's agreements"),
    rows: "id",
    locked: true,
    layout: "cards",
    title: (column, id) => `${id} — ${column("uraian") ?? ""}`,
    columns: [
      // What was agreed, to read while its status is decided (the card's title is made from it too).
      field("uraian", msg("Kesepakatan", "Agreement"), "text", { readOnly: true, width: "l" }),
      field("penanggung_jawab", W.pj, "select", { readOnly: true, options: people }),
      field("tenggat", msg("Tenggat", "Deadline"), "date", { readOnly: true }),
      field("status", msg("Status", "Status"), "select", { options: statusChoices }),
      field("catatan", msg("Catatan", "Note"), "text", { width: "l" }),
    ],
  };
}

export function commitmentsPage({ month, config }: MonthSetting): FormPage {
  return {
    id: `${month}/kesepakatan`,
    url: `/bulan/${month}/kesepakatan`,
    file: meetingFile(month),
    title: msg("Kesepakatan dan evaluasi", "Agreements and their evaluation"),
    nav: msg("Kesepakatan", "Agreements"),
    intro: msg(
      "Evaluasi kesepakatan yang masih terbuka, lalu kesepakatan bulan ini: apa yang dikerjakan, untuk masalah dan " +
        "indikator mana, oleh siapa, sampai kapan, targetnya, dan siapa yang menandatangani.",
      "The evaluation of the agreements still open, then this month's: what is done, for which problem and " +
        "indicator, by whom, by when, its target, and who signs.",
    ),
    schema: meetingSchema,
    specs: (data) => [
      evaluationList(staffChoices(config)),
      {
        kind: "list",
        key: "kesepakatan",
        label: msg("Kesepakatan bulan ini", "This month's agreements"),
        rows: "id",
        newId: commitmentId(month),
        layout: "cards",
        addLabel: msg("Tambah kesepakatan", "Add an agreement"),
        title: (column, id) => (id.startsWith("~") ? (column("uraian") ?? "") : `${id} — ${column("uraian") ?? ""}`),
        columns: [
          field("uraian", msg("Kesepakatan (apa yang dilakukan)", "Agreement (what is done)"), "text", {
            required: true,
            width: "l",
          }),
          field("masalah", W.masalah, "select", { options: problemChoices(data), width: "l" }),
          field("program", W.program, "select", { options: programChoices(config), width: "l" }),
          field("indikator", W.indikator, "select", { options: indicatorChoices(config), width: "l" }),
          field("penanggung_jawab", W.pj, "select", { required: true, options: staffChoices(config) }),
          field("tenggat", msg("Tenggat", "Deadline"), "date", { required: true }),
          field("target", msg("Target yang terukur", "Measurable target"), "text", { required: true, width: "l" }),
          field("ditandatangani", msg("Ditandatangani oleh", "Signed by"), "multi", { options: staffChoices(config) }),
        ],
      },
    ],
  };
}

// --- the first Lokmin ------------------------------------------------------------------------------

const MONTHS: Choice[] = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: monthName(`2024-${String(i + 1).padStart(2, "0")}`)
    .split(" ")[0]
    .slice(0, 3),
}));

export function firstLokminPage({ month, config }: MonthSetting): FormPage {
  return {
    id: `${month}/pertama`,
    url: `/bulan/${month}/pertama`,
    file: meetingFile(month),
    title: msg("Pembagian tugas dan POA", "Task division and POA"),
    nav: msg("Tugas dan POA", "Tasks and POA"),
    intro: msg(
      "Lokmin pertama (penggalangan tim): program, tugas lain dan desa binaan setiap pegawai, dan POA tahunan yang " +
        "disusun dari RPK.",
      "The first Lokmin (team building): each member of staff's programs, other tasks and villages, and the year's " +
        "POA drawn up from the RPK.",
    ),
    schema: meetingSchema,
    specs: () => [
      {
        kind: "list",
        key: "pembagian_tugas",
        label: msg("Pembagian tugas dan wilayah binaan", "Tasks and villages"),
        rows: "id",
        identity: (item) => (typeof item.pegawai === "string" ? item.pegawai : undefined),
        idKey: "pegawai",
        newId: (column, used) => column("pegawai") ?? uniqueId("pegawai", used),
        layout: "cards",
        addLabel: msg("Tambah pegawai", "Add a member of staff"),
        title: (column, id) =>
          String(staffChoices(config).find((c) => c.value === (column("pegawai") ?? id))?.label ?? id),
        columns: [
          field("pegawai", msg("Pegawai", "Member of staff"), "select", {
            options: staffChoices(config),
            fixed: true,
            required: true,
          }),
          field("program", msg("Program yang dipegang", "Programs held"), "multi", { options: programChoices(config) }),
          field("tugas", msg("Tugas lain", "Other tasks"), "lines", { hint: LINE_HINT }),
          field("wilayah_binaan", msg("Desa binaan", "Villages"), "multi", { options: villageChoices(config) }),
        ],
      },
      table(
        "poa",
        msg("POA tahunan", "Annual plan of action (POA)"),
        [
          field("program", W.program, "select", { options: programChoices(config), required: true }),
          field("indikator", W.indikator, "select", { options: indicatorChoices(config) }),
          field("kegiatan", msg("Kegiatan", "Activity"), "text", { empty: "null", width: "l" }),
          field("tujuan", msg("Tujuan", "Aim"), "text", { width: "l" }),
          field("sasaran", W.sasaran, "text"),
          field("target", msg("Target", "Target"), "text"),
          field("lokasi", msg("Lokasi", "Location"), "text"),
          field("jadwal", msg("Jadwal (bulan)", "Schedule (months)"), "multi", { options: MONTHS, numbers: true }),
          field("penanggung_jawab", W.pj, "select", { options: staffChoices(config), required: true }),
          field("biaya", msg("Biaya", "Cost"), "text"),
          field("sumber_dana", msg("Sumber dana", "Source of funds"), "text", {
            hint: msg("BOK, JKN, APBD …", "BOK, JKN, APBD …"),
          }),
        ],
        { layout: "cards", addLabel: msg("Tambah kegiatan POA", "Add a POA activity") },
      ),
    ],
  };
}

// --- follow-up, archive ------------------------------------------------------------------------------

const LEVEL_CHOICES: Choice[] = [
  { value: "tinggi", label: msg("tinggi", "high") },
  { value: "rendah", label: msg("rendah", "low") },
];

export function closingPage({ month }: MonthSetting): FormPage {
  return {
    id: `${month}/penutup`,
    url: `/bulan/${month}/penutup`,
    file: meetingFile(month),
    title: msg("Stakeholder, tindak lanjut dan arsip", "Stakeholders, follow-up and archive"),
    nav: msg("Tindak lanjut", "Follow-up"),
    intro: msg(
      "Peta stakeholder, laporan tindak lanjut, pengiriman notulen ke Dinas Kesehatan, dan arsip rapat.",
      "The stakeholder map, the follow-up report, the minutes sent to the health office, and the meeting's archive.",
    ),
    schema: meetingSchema,
    specs: (data) => [
      ...(asData(data).stakeholder !== undefined
        ? [
            table(
              "stakeholder",
              msg("Peta stakeholder", "Stakeholder map"),
              [
                field("nama", msg("Nama", "Name"), "text", { required: true, width: "m" }),
                field("instansi", msg("Instansi", "Institution"), "text", { width: "m" }),
                field("pengaruh", msg("Pengaruh", "Influence"), "select", { options: LEVEL_CHOICES, required: true }),
                field("kepentingan", msg("Kepentingan", "Interest"), "select", {
                  options: LEVEL_CHOICES,
                  required: true,
                }),
                field("keterangan", W.keterangan, "text", { width: "m" }),
              ],
              { addLabel: msg("Tambah stakeholder", "Add a stakeholder") },
            ),
          ]
        : []),
      field("tindak_lanjut", msg("Laporan tindak lanjut kesepakatan bulan lalu", "Follow-up report"), "textarea", {
        empty: "null",
      }),
      {
        kind: "group",
        key: "laporan_dinkes",
        label: msg("Notulen dilaporkan ke Dinas Kesehatan", "Minutes reported to the health office"),
        children: [
          field("tanggal_kirim", msg("Tanggal kirim", "Date sent"), "date", { empty: "null" }),
          field("cara", msg("Cara kirim", "How"), "text", { hint: msg("mis. email, diantar", "e.g. email, by hand") }),
        ],
      },
      {
        kind: "group",
        key: "arsip",
        label: msg("Arsip", "Archive"),
        children: [
          field("sk_tim_efektif", msg("SK tim Lokmin", "Decree of the Lokmin team"), "text", {
            empty: "null",
            width: "l",
          }),
          field("materi", msg("Materi rapat", "Meeting materials"), "lines", { hint: LINE_HINT }),
        ],
      },
    ],
  };
}

// --- the quarterly meeting and the pralokmin --------------------------------------------------------

/** The cross-sector roster of lokmin.yaml (the Camat, village heads, PKK …). */
function rosterOnly(config: unknown): Choice[] {
  const roster = asData(asData(config).lintas_sektor);
  const people = Array.isArray(roster.peserta) ? roster.peserta.filter(isObject) : [];
  return people.map((p) => ({
    value: String(p.id),
    label: `${p.nama ?? p.id}${p.jabatan ? ` — ${p.jabatan}` : ""}`,
  }));
}

/** Staff and the cross-sector roster, for the quarterly meeting's chair and signatory. */
const rosterChoices = (config: unknown): Choice[] => [...rosterOnly(config), ...staffChoices(config)];

export function quarterlyPage({ month, config }: MonthSetting): FormPage {
  const everyone = rosterChoices(config);
  return {
    id: `${month}/tribulanan`,
    url: `/bulan/${month}/tribulanan`,
    file: quarterlyFile(month),
    title: msg("Lokmin tribulanan lintas sektor", "Quarterly cross-sector Lokmin"),
    nav: msg("Tribulanan", "Quarterly"),
    intro: msg(
      "Rapat tribulanan dengan sektor-sektor kecamatan: undangan, kehadiran, capaian per desa, " +
        "peran sektor, rencana terpadu, pembahasan, kesepakatan dan usulan Musrenbang.",
      "The quarterly meeting with the kecamatan's sectors: invitation, attendance, coverage per " +
        "village, the sectors' roles, the joint plan, discussion, agreements and Musrenbang proposals.",
    ),
    schema: quarterlyMeetingSchema,
    specs: (data) => [
      ...meetingBasics(config).map((s) =>
        s.kind === "field" && s.key === "pimpinan" ? { ...s, options: everyone } : s,
      ),
      invitationGroup(everyone, [
        field("penandatangan", msg("Penanda tangan undangan", "Signs the invitation"), "select", {
          options: everyone,
          required: true,
        }),
      ]),
      programme(),
      attendanceList(staffChoices(config), rosterOnly(config)),
      table(
        "capaian_desa",
        msg("Capaian per desa triwulan lalu", "Coverage per village last quarter"),
        [
          field("desa", msg("Desa", "Village"), "select", { options: villageChoices(config), required: true }),
          field("uraian", W.uraian, "textarea", { empty: "null" }),
        ],
        { addLabel: msg("Tambah desa", "Add a village") },
      ),
      table(
        "peran_sektor",
        msg("Peran dan dukungan sektor", "The sectors' roles and support"),
        [
          field("instansi", msg("Instansi", "Institution"), "text", { required: true, width: "m" }),
          field("peran", msg("Peran", "Role"), "textarea", { empty: "null" }),
        ],
        { addLabel: msg("Tambah sektor", "Add a sector") },
      ),
      table(
        "rencana_terpadu",
        msg("Rencana kegiatan terpadu", "Joint activity plan"),
        [
          field("instansi", msg("Instansi", "Institution"), "text", { required: true }),
          field("kegiatan", msg("Kegiatan", "Activity"), "text", { required: true, width: "l" }),
          field("sasaran", W.sasaran, "text"),
          field("waktu", W.waktu, "text"),
          field("lokasi", msg("Lokasi", "Location"), "text"),
          field("sumber_daya", msg("Sumber daya", "Resources"), "text"),
          field("penanggung_jawab", W.pj, "select", { options: everyone }),
        ],
        { layout: "cards", addLabel: msg("Tambah kegiatan", "Add an activity") },
      ),
      discussionTable(everyone, agendaChoices(data)),
      evaluationList(everyone),
      {
        kind: "list",
        key: "kesepakatan",
        label: msg("Kesepakatan", "Agreements"),
        rows: "id",
        newId: commitmentId(month, "T"),
        layout: "cards",
        addLabel: msg("Tambah kesepakatan", "Add an agreement"),
        title: (column, id) => (id.startsWith("~") ? (column("uraian") ?? "") : `${id} — ${column("uraian") ?? ""}`),
        columns: [
          field("uraian", msg("Kesepakatan", "Agreement"), "text", { required: true, width: "l" }),
          field("instansi", msg("Instansi pelaksana", "Institution"), "text"),
          field("penanggung_jawab", W.pj, "select", { required: true, options: everyone }),
          field("tenggat", msg("Tenggat", "Deadline"), "date", { required: true }),
          field("target", msg("Target yang terukur", "Measurable target"), "text", { required: true, width: "l" }),
          field("ditandatangani", msg("Ditandatangani oleh", "Signed by"), "multi", { options: everyone }),
        ],
      },
      table(
        "usulan_musrenbang",
        msg("Usulan Musrenbang kecamatan", "Proposals for the kecamatan Musrenbang"),
        [
          field("usulan", msg("Usulan", "Proposal"), "text", { required: true, width: "l" }),
          field("lokasi", msg("Lokasi", "Location"), "text"),
          field("sasaran", W.sasaran, "text"),
          field("alasan", msg("Alasan", "Reason"), "text", { width: "l" }),
          field("pengusul", msg("Pengusul", "Proposed by"), "text"),
        ],
        { layout: "cards", addLabel: msg("Tambah usulan", "Add a proposal") },
      ),
    ],
  };
}

export function pralokminPage({ month, config }: MonthSetting, klaster: string): FormPage {
  const name =
    programChoices(config)
      .find((p) => p.value === klaster)
      ?.label.toString() ?? klaster;
  return {
    id: `${month}/pralokmin/${klaster}`,
    url: `/bulan/${month}/pralokmin/${encodeURIComponent(klaster)}`,
    file: pralokminFile(month, klaster),
    title: { id: `Pralokmin ${name}`, en: `Pralokmin: ${name}` },
    nav: { id: name, en: name },
    intro: msg(
      "Pralokmin klaster sebelum Lokmin bulanan: kehadiran anggota, pembahasan, dan yang dibawa ke Lokmin.",
      "The klaster's pralokmin before the monthly Lokmin: its members' attendance, the discussion, and what it " +
        "brings to the Lokmin.",
    ),
    schema: pralokminSchema,
    specs: () => [
      ...meetingBasics(config).map((s) =>
        s.kind === "field" && s.key === "pimpinan" ? { ...s, label: msg("Pimpinan (PJ klaster)", "Chair (PJ)") } : s,
      ),
      attendanceList(staffChoices(config)),
      discussionTable(staffChoices(config), undefined),
      field("bahan_lokmin", msg("Bahan yang dibawa ke Lokmin", "What it brings to the Lokmin"), "textarea", {
        empty: "null",
        hint: msg("capaian, masalah, usulan", "coverage, problems, proposals"),
      }),
    ],
  };
}

/** The meeting's pages in the order of the SOP; the first Lokmin's own page only in its month. */
export function meetingPages(setting: MonthSetting, meeting: unknown): FormPage[] {
  const first = asData(meeting).jenis === "pertama" || asData(meeting).pembagian_tugas !== undefined;
  return [
    invitationPage(setting),
    attendancePage(setting),
    discussionPage(setting),
    problemsPage(setting),
    scoringPage(setting),
    solutionsPage(setting),
    actionPlanPage(setting),
    commitmentsPage(setting),
    ...(first ? [firstLokminPage(setting)] : []),
    closingPage(setting),
  ];
}
