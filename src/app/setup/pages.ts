// The setup of lokmin.yaml as form pages: which fields each page shows, with the words the
// documents use. Choices come from the file itself (staff for the PJ and the officials, villages
// for a roster member) and from lokmin's registries (the program catalogue, the sectors, the
// scoring methods, the check rules).
import { ruleCatalogue } from "../../domain/check/rules/index.js";
import { defaultPrograms } from "../../domain/defaults.js";
import { type Choice, type FieldSpec, isObject, type ListSpec } from "../../domain/fields/model.js";
import { SECTORS } from "../../domain/lintas-sektor.js";
import { METHODS, PROBLEM_METHODS, SOLUTION_METHODS, TIE_RULE_NOTES, TIE_RULES } from "../../domain/rank/methods.js";
import { SUPERVISION_PROFILES } from "../../domain/regulations.js";
import { ACCUMULATIONS, SUPERVISION_TOPICS, type SupervisionTopic, workspaceSchema } from "../../domain/schema.js";
import { SOP_PROFILES } from "../../domain/sop.js";
import { WORKSPACE_FILE } from "../../domain/workspace-data.js";
import { type Message, msg, t } from "../../i18n/index.js";
import type { FormPage } from "../save.js";

const field = (key: string, label: Message, input: FieldSpec["input"] = "text", extra: Partial<FieldSpec> = {}) =>
  ({ kind: "field", key, label, input, ...extra }) as FieldSpec;
const choices = (values: readonly string[]): Choice[] => values.map((value) => ({ value, label: value }));

type Data = Record<string, unknown>;
const asData = (data: unknown): Data => (isObject(data) ? data : {});
const listOf = (data: unknown, key: string): Data[] => {
  const value = asData(data)[key];
  return Array.isArray(value) ? value.filter(isObject) : [];
};

/** The staff as choices: "Nama (Jabatan)". */
export function staffChoices(data: unknown): Choice[] {
  return listOf(data, "pegawai")
    .filter((p) => typeof p.id === "string")
    .map((p) => ({ value: String(p.id), label: `${p.nama ?? p.id}${p.jabatan ? ` — ${p.jabatan}` : ""}` }));
}

const L = {
  nama: msg("Nama", "Name"),
  alamat: msg("Alamat", "Address"),
  telepon: msg("Telepon", "Telephone"),
  email: msg("Email", "Email"),
  laman: msg("Laman (situs web)", "Website"),
  nip: msg("NIP", "NIP"),
  jabatan: msg("Jabatan", "Position"),
};

export const identityPage: FormPage = {
  id: "identitas",
  url: "/pengaturan/identitas",
  file: WORKSPACE_FILE,
  title: msg("Identitas dan kop surat", "Identity and letterhead"),
  nav: msg("Identitas", "Identity"),
  intro: msg(
    "Nama dan alamat ini dicetak di kop surat setiap dokumen (undangan, notulen, daftar hadir).",
    "These names and addresses are printed in the letterhead of every document (invitation, minutes, attendance).",
  ),
  schema: workspaceSchema,
  specs: (data) => [
    {
      kind: "group",
      key: "puskesmas",
      label: msg("Puskesmas", "Puskesmas"),
      children: [
        field("nama", msg("Nama Puskesmas", "Name of the Puskesmas"), "text", { required: true, width: "l" }),
        field("alamat", L.alamat, "text", { required: true, width: "l" }),
        field("kelurahan", msg("Kelurahan/Desa", "Village")),
        field("kecamatan", msg("Kecamatan", "Sub-district"), "text", { required: true }),
        field("kabupaten_kota", msg("Kabupaten/Kota", "Regency/city"), "text", {
          required: true,
          hint: msg("tulis lengkap, mis. Kabupaten Lembah Hijau", "in full, e.g. Kabupaten Lembah Hijau"),
        }),
        field("provinsi", msg("Provinsi", "Province")),
        field("kode_pos", msg("Kode pos", "Postcode"), "text", { width: "s" }),
        field("telepon", L.telepon),
        field("email", L.email, "email"),
        field("laman", L.laman),
        field("tempat_surat", msg("Tempat di surat", "Place on letters"), "text", {
          hint: msg(
            "mis. Sukamaju, 14 Mei 2024; kosong = kecamatan",
            "e.g. Sukamaju, 14 May 2024; empty = sub-district",
          ),
        }),
      ],
    },
    {
      kind: "group",
      key: "pejabat",
      label: msg("Pejabat penanda tangan", "Signing officials"),
      children: [
        field("kepala_puskesmas", msg("Kepala Puskesmas", "Head of the Puskesmas"), "select", {
          required: true,
          options: staffChoices(data),
        }),
        field("sebutan_kepala", msg("Sebutan Kepala", "Head's title"), "select", {
          options: [
            { value: "Plt.", label: msg("Plt. (pelaksana tugas)", "Plt. (acting)") },
            { value: "Plh.", label: msg("Plh. (pelaksana harian)", "Plh. (daily acting)") },
          ],
        }),
        field("kasubag_tu", msg("Kasubag TU", "Head of administration"), "select", {
          required: true,
          options: staffChoices(data),
        }),
      ],
    },
    {
      kind: "group",
      key: "dinas_kesehatan",
      label: msg("Dinas Kesehatan", "District health office"),
      children: [
        field("nama", msg("Nama Dinas Kesehatan", "Name of the health office"), "text", { required: true, width: "l" }),
        field("alamat", L.alamat, "text", { width: "l" }),
        field("telepon", L.telepon),
        field("email", L.email, "email"),
        field("kop", msg("Baris kop surat Dinas", "Health office letterhead lines"), "lines", {
          hint: msg(
            "satu baris per baris kop, mis. PEMERINTAH KABUPATEN LEMBAH HIJAU; kosong = dari nama",
            "one line per letterhead line; empty = from the name",
          ),
        }),
      ],
    },
    field("zona_waktu", msg("Zona waktu", "Time zone"), "select", {
      required: true,
      options: choices(["WIB", "WITA", "WIT"]),
      default: "WIB",
    }),
  ],
};

export const staffList = (): ListSpec => ({
  kind: "list",
  key: "pegawai",
  label: msg("Pegawai", "Staff"),
  rows: "id",
  idFrom: "nama",
  addLabel: msg("Tambah pegawai", "Add a staff member"),
  columns: [
    field("nama", msg("Nama (dengan gelar)", "Name (with titles)"), "text", { required: true, width: "l" }),
    field("nip", L.nip, "nip", { width: "n" }),
    field("jabatan", L.jabatan, "text", { required: true, width: "l" }),
    field("pangkat", msg("Pangkat", "Rank"), "text", { width: "m" }),
    field("golongan", msg("Golongan", "Grade"), "text", { width: "m" }),
    field("aktif", msg("Aktif", "Active"), "checkbox", { default: "true" }),
  ],
});

export const staffPage: FormPage = {
  id: "pegawai",
  url: "/pengaturan/pegawai",
  file: WORKSPACE_FILE,
  title: msg("Pegawai", "Staff"),
  intro: msg(
    "Semua pegawai yang hadir di Lokmin, menjadi PJ program atau menandatangani dokumen. NIP diperiksa dan " +
      "ditampilkan dalam empat kelompok; pegawai yang pindah cukup ditandai tidak aktif.",
    "Everyone who attends the Lokmin, coordinates a program or signs a document. The NIP is checked and shown in " +
      "four groups; someone who left can simply be marked not active.",
  ),
  schema: workspaceSchema,
  specs: () => [staffList()],
  check: (data) => staffReferences(data),
};

/** A staff member removed while still named elsewhere in lokmin.yaml. */
function staffReferences(data: unknown): { key?: string; message: string }[] {
  const ids = new Set(listOf(data, "pegawai").map((p) => p.id));
  const out: { key?: string; message: string }[] = [];
  const missing = (id: unknown, where: string) => {
    if (typeof id === "string" && !ids.has(id))
      out.push({
        message: t(
          msg(
            "pegawai '{id}' masih disebut sebagai {where}; pilih orang lain di sana dulu, atau tandai pegawai itu " +
              "tidak aktif alih-alih menghapusnya",
            "staff member '{id}' is still named as {where}; pick someone else there first, or mark them not active " +
              "instead of removing them",
          ),
          { id, where },
        ),
      });
  };
  const pejabat = asData(asData(data).pejabat);
  missing(pejabat.kepala_puskesmas, t(msg("Kepala Puskesmas (Identitas)", "head of the Puskesmas (Identity)")));
  missing(pejabat.kasubag_tu, t(msg("Kasubag TU (Identitas)", "head of administration (Identity)")));
  for (const program of listOf(data, "program"))
    missing(
      program.penanggung_jawab,
      t(msg("PJ {program} (Program)", "PJ of {program} (Programs)"), { program: String(program.nama ?? program.id) }),
    );
  return out;
}

export const programCatalogue = (data: unknown) =>
  defaultPrograms(asData(data).taksonomi === "klaster" ? "klaster" : "program", "").programs;

export const programPage: FormPage = {
  id: "program",
  url: "/pengaturan/program",
  file: WORKSPACE_FILE,
  title: msg("Program dan penanggung jawab", "Programs and coordinators"),
  nav: msg("Program", "Programs"),
  intro: msg(
    "Centang program yang dijalankan Puskesmas ini dan pilih penanggung jawabnya. Program yang dicentang dari daftar " +
      "membawa indikatornya; isi sasaran dan targetnya di halaman indikator program itu.",
    "Tick the programs this Puskesmas runs and pick their coordinators. A program ticked from the list comes with " +
      "its indicators; fill in their target populations on that program's indicator page.",
  ),
  schema: workspaceSchema,
  specs: (data) => {
    const catalogue = programCatalogue(data);
    const groups = listOf(data, "kelompok").map((g) => ({ value: String(g.id), label: String(g.nama ?? g.id) }));
    return [
      {
        kind: "list",
        key: "program",
        label: msg("Program", "Programs"),
        rows: "id",
        fixedRows: true,
        template: (id) => {
          const found = catalogue.find((p) => p.id === id);
          if (!found) return undefined;
          const { penanggung_jawab: _, ...rest } = found;
          return rest;
        },
        candidates: catalogue.map((p) => p.id),
        rowLink: {
          label: msg("Indikator", "Indicators"),
          href: (id) => `/pengaturan/program/${encodeURIComponent(id)}`,
        },
        columns: [
          field("nama", msg("Nama program", "Program name"), "text", { required: true, width: "l" }),
          field("penanggung_jawab", msg("Penanggung jawab (PJ)", "Coordinator (PJ)"), "select", {
            required: true,
            options: staffChoices(data),
            width: "l",
          }),
          ...(groups.length
            ? [field("kelompok", msg("Kelompok", "Group"), "select", { options: groups, width: "l" })]
            : []),
        ],
      },
    ];
  },
};

const ACCUMULATION_LABELS: Record<(typeof ACCUMULATIONS)[number], Message> = {
  jumlah: msg("dijumlah sejak Januari", "summed since January"),
  terakhir: msg("keadaan terakhir (mis. ketersediaan obat)", "latest value (e.g. drug availability)"),
  "rata-rata": msg("rata-rata bulanan (mis. D/S)", "monthly average (e.g. D/S)"),
};

/** A program's indicators: name, unit, target population (sasaran) and target. */
export function indicatorPage(programId: string): FormPage {
  return {
    id: `program-${programId}`,
    url: `/pengaturan/program/${encodeURIComponent(programId)}`,
    file: WORKSPACE_FILE,
    title: msg("Indikator dan sasaran", "Indicators and targets"),
    intro: msg(
      "Sasaran adalah jumlah sasaran setahun (mis. jumlah ibu hamil); target dalam persen. Capaian dihitung dari sini.",
      "Sasaran is the year's target population (e.g. the number of pregnant women); the target is a percentage.",
    ),
    schema: workspaceSchema,
    specs: () => [
      {
        kind: "row",
        key: "program",
        id: programId,
        children: [
          {
            kind: "list",
            key: "indikator",
            label: msg("Indikator", "Indicators"),
            rows: "id",
            idFrom: "nama",
            addLabel: msg("Tambah indikator", "Add an indicator"),
            columns: [
              field("nama", msg("Nama indikator", "Indicator"), "text", { required: true, width: "l" }),
              field("satuan", msg("Satuan sasaran", "Unit"), "text", { width: "m" }),
              field("sasaran", msg("Sasaran setahun", "Target population"), "integer", {
                required: true,
                min: 0,
                width: "s",
              }),
              field("target", msg("Target (%)", "Target (%)"), "number", {
                required: true,
                min: 0,
                max: 100,
                width: "s",
              }),
              field("akumulasi", msg("Cara terkumpul", "How it accumulates"), "select", {
                options: ACCUMULATIONS.map((value) => ({ value, label: ACCUMULATION_LABELS[value] })),
                default: "jumlah",
                width: "m",
              }),
              field("spm", msg("SPM", "SPM"), "checkbox", { default: "false" }),
              field("per_desa", msg("Per desa", "Per village"), "checkbox", { default: "false" }),
            ],
          },
        ],
      },
    ],
  };
}

export const villagePage: FormPage = {
  id: "desa",
  url: "/pengaturan/desa",
  file: WORKSPACE_FILE,
  title: msg("Desa/kelurahan wilayah kerja", "Villages of the working area"),
  nav: msg("Desa", "Villages"),
  intro: msg(
    "Satu desa atau kelurahan per baris, ditulis seperti di dokumen resmi.",
    "One village per row, written as in official documents.",
  ),
  schema: workspaceSchema,
  specs: () => [
    {
      kind: "list",
      key: "desa",
      label: msg("Desa/kelurahan", "Villages"),
      rows: "value",
      addLabel: msg("Tambah desa", "Add a village"),
      columns: [field("", msg("Nama desa/kelurahan", "Village"), "text", { width: "l" })],
    },
  ],
};

export const crossSectorPage: FormPage = {
  id: "lintas-sektor",
  url: "/pengaturan/lintas-sektor",
  file: WORKSPACE_FILE,
  title: msg("Lintas sektor (Lokmin tribulanan)", "Cross-sector roster (quarterly Lokmin)"),
  nav: msg("Lintas sektor", "Cross-sector"),
  intro: msg(
    "Peserta dari luar Puskesmas yang diundang ke Lokmin tribulanan: Camat, kepala desa, PKK, Koramil, Polsek, KUA, " +
      "sekolah …",
    "Participants from outside the Puskesmas invited to the quarterly Lokmin: the Camat, village heads, PKK, army, " +
      "police, KUA, schools …",
  ),
  schema: workspaceSchema,
  specs: (data) => {
    const roster = asData(asData(data).lintas_sektor);
    const people = [
      ...staffChoices(data),
      ...(Array.isArray(roster.peserta) ? roster.peserta.filter(isObject) : []).map((p) => ({
        value: String(p.id),
        label: `${p.nama ?? p.id}${p.jabatan ? ` — ${p.jabatan}` : ""}`,
      })),
    ];
    const villages = (Array.isArray(asData(data).desa) ? (asData(data).desa as unknown[]) : []).map(String);
    return [
      {
        kind: "group",
        key: "lintas_sektor",
        children: [
          field("pimpinan", msg("Pimpinan rapat", "Chair"), "select", {
            options: people,
            hint: msg("kosong = Kepala Puskesmas", "empty = head of the Puskesmas"),
          }),
          field("penandatangan_undangan", msg("Penanda tangan undangan", "Signs the invitation"), "select", {
            options: people,
            hint: msg("kosong = Kepala Puskesmas", "empty = head of the Puskesmas"),
          }),
          field("tempat", msg("Tempat", "Place"), "text", { width: "l" }),
          {
            kind: "list",
            key: "peserta",
            label: msg("Peserta lintas sektor", "Cross-sector participants"),
            rows: "id",
            idFrom: "nama",
            addLabel: msg("Tambah peserta", "Add a participant"),
            columns: [
              field("nama", msg("Nama", "Name"), "text", { required: true, width: "l" }),
              field("jabatan", L.jabatan, "text", { required: true, width: "m" }),
              field("instansi", msg("Instansi", "Institution"), "text", { required: true, width: "m" }),
              field("sektor", msg("Sektor", "Sector"), "select", {
                required: true,
                options: SECTORS.map((s) => ({ value: s.id, label: s.nama })),
              }),
              field("desa", msg("Desa", "Village"), "select", { options: choices(villages) }),
            ],
          },
        ],
      },
    ];
  },
  check: (data) => {
    const roster = asData(asData(data).lintas_sektor);
    const ids = new Set([
      ...listOf(data, "pegawai").map((p) => p.id),
      ...(Array.isArray(roster.peserta) ? roster.peserta.filter(isObject) : []).map((p) => p.id),
    ]);
    return (["pimpinan", "penandatangan_undangan"] as const)
      .filter((k) => typeof roster[k] === "string" && !ids.has(roster[k]))
      .map((k) => ({
        key: `lintas_sektor.${k}`,
        message: t(
          msg("'{id}' tidak ada di daftar lagi; pilih orang lain", "'{id}' is no longer listed; pick someone else"),
          {
            id: String(roster[k]),
          },
        ),
      }));
  },
};

export const letterPage: FormPage = {
  id: "surat",
  url: "/pengaturan/surat",
  file: WORKSPACE_FILE,
  title: msg("Nomor surat", "Letter numbers"),
  intro: msg(
    "Pola nomor surat undangan. Bagian yang tersedia: {klasifikasi} {urut} {kode_unit} {tahun} {bulan}.",
    "The pattern of the invitation's letter number. Parts available: {klasifikasi} {urut} {kode_unit} {tahun} {bulan}.",
  ),
  schema: workspaceSchema,
  specs: () => [
    {
      kind: "group",
      key: "surat",
      children: [
        field("pola_nomor", msg("Pola nomor surat", "Letter-number pattern"), "text", {
          width: "l",
          default: "{klasifikasi}/{urut}/{kode_unit}/{tahun}",
        }),
        field("kode_unit", msg("Kode unit", "Unit code"), "text", {
          hint: msg("mis. 436.7.2.3.3", "e.g. 436.7.2.3.3"),
        }),
        field("klasifikasi_undangan", msg("Klasifikasi undangan", "Invitation classification"), "text", {
          default: "000.1.5",
        }),
        field(
          "hari_minimal_undangan",
          msg("Undangan paling lambat (hari sebelum rapat)", "Invite at least (days before)"),
          "integer",
          {
            min: 0,
            width: "s",
            default: "3",
          },
        ),
      ],
    },
  ],
};

/** A scoring method by the name the documents print ("USG", "Reinke / MIV-C"). */
const methodChoices = (ids: readonly string[]): Choice[] =>
  ids.map((value) => ({ value, label: METHODS.find((m) => m.id === value)?.nama ?? value }));

const LEVELS: Choice[] = [
  { value: "error", label: msg("kesalahan", "error") },
  { value: "warning", label: msg("peringatan", "warning") },
  { value: "info", label: msg("info", "info") },
  { value: "off", label: msg("mati", "off") },
];

export const rulesPage: FormPage = {
  id: "aturan",
  url: "/pengaturan/aturan",
  file: WORKSPACE_FILE,
  title: msg("Aturan dan penilaian", "Rules and scoring"),
  nav: msg("Aturan", "Rules"),
  intro: msg(
    "Peraturan pembinaan yang berlaku di kabupaten ini, metode prioritas masalah dan solusi, profil SOP, dan tingkat " +
      "aturan pemeriksaan bila perlu diubah.",
    "The kabupaten's supervision regulation, the prioritisation methods, the SOP profile, and check rule levels " +
      "where they need changing.",
  ),
  schema: workspaceSchema,
  specs: () => [
    {
      kind: "group",
      key: "pembinaan",
      label: msg("Peraturan pembinaan Lokmin", "Lokmin supervision regulation"),
      children: [
        field("profil", msg("Peraturan yang berlaku", "Regulation in force"), "select", {
          options: regulationChoices,
          default: "nasional",
        }),
        field("nama", msg("Nama lengkap peraturan", "Full title"), "text", { width: "l" }),
        field("singkat", msg("Kutipan singkat", "Short citation"), "text", {
          hint: msg("mis. Perbup Bulungan 12/2021", "e.g. Perbup Bulungan 12/2021"),
        }),
        field("nomor", msg("Nomor", "Number"), "text", { width: "s" }),
        field("tahun", msg("Tahun", "Year"), "integer", { width: "s", min: 1945, max: 2100 }),
        field("pembina", msg("Tim pembina", "Supervising team"), "text", {
          hint: msg("kosong = Dinas Kesehatan di Identitas", "empty = the health office under Identity"),
        }),
        field("lampiran_tilik", msg("Lampiran Daftar Tilik", "Annex holding the checklist"), "text", {
          hint: msg("mis. Lampiran III", "e.g. Lampiran III"),
        }),
        field("judul_tilik", msg("Judul Daftar Tilik", "Title of the checklist"), "text", { width: "l" }),
        {
          kind: "group",
          key: "pasal",
          label: msg("Pasal peraturan sendiri per pokok", "Articles of the own regulation by topic"),
          children: SUPERVISION_TOPICS.map((topic) =>
            field(topic, { id: TOPIC_LABELS[topic][0], en: TOPIC_LABELS[topic][1] }, "text", {
              hint: msg("mis. Pasal 30 ayat (2)", "e.g. Pasal 30 ayat (2)"),
            }),
          ),
        },
      ],
    },
    field("periode_data", msg("Angka yang dibahas Lokmin", "Figures a Lokmin discusses"), "select", {
      options: [
        {
          value: "bulan-lalu",
          label: msg(
            "bulan lalu: Lokmin bulan N membahas hasil bulan N−1 (Januari membahas Desember)",
            "last month: the Lokmin of month N discusses month N−1 (January discusses December)",
          ),
        },
        {
          value: "bulan-ini",
          label: msg("bulan yang sama dengan rapat", "the same month as the meeting"),
        },
      ],
      default: "bulan-ini",
    }),
    {
      kind: "group",
      key: "penilaian",
      label: msg("Penilaian prioritas", "Prioritisation"),
      children: [
        field("metode_masalah", msg("Metode prioritas masalah", "Method for problems"), "select", {
          options: methodChoices(PROBLEM_METHODS),
          default: "usg",
        }),
        field("metode_solusi", msg("Metode prioritas solusi", "Method for solutions"), "select", {
          options: methodChoices(SOLUTION_METHODS),
          default: "reinke",
        }),
        field("seri", msg("Bila nilai sama", "When totals tie"), "select", {
          options: TIE_RULES.map((value) => ({ value, label: TIE_RULE_NOTES[value] })),
          default: "bersama",
        }),
      ],
    },
    {
      kind: "group",
      key: "sop",
      label: msg("SOP Lokmin", "Lokmin SOP"),
      children: [
        field("profil", msg("Profil SOP", "SOP profile"), "select", {
          options: choices(Object.keys(SOP_PROFILES)),
          default: "rutin-2022",
        }),
      ],
    },
    {
      kind: "map",
      key: "aturan",
      label: msg("Tingkat aturan pemeriksaan", "Check rule levels"),
      entries: ruleCatalogue()
        .filter((entry) => !entry.id.includes("<"))
        .map((entry) => ({ key: entry.id, label: t(entry.spec.what) })),
      value: field("", msg("Tingkat", "Level"), "select", { options: LEVELS }),
    },
  ],
};

/** The topics a regulation has an article for, in the words of the documents. */
const TOPIC_LABELS: Record<SupervisionTopic, [string, string]> = {
  tilik: ["Daftar Tilik", "Checklist"],
  arsip: ["Arsip Lokmin", "Archive"],
  umpan_balik: ["Umpan balik Dinas", "Health office feedback"],
  evaluasi: ["Evaluasi kesepakatan", "Evaluation of agreements"],
  kesepakatan: ["Kesepakatan", "Agreements"],
  skor: ["Penentuan prioritas (skor)", "Prioritisation (scores)"],
  deskripsi: ["Deskripsi masalah", "Problem description"],
  fishbone: ["Diagram tulang ikan", "Fishbone diagram"],
  swot: ["Analisis SWOT", "SWOT analysis"],
  stakeholder: ["Pemetaan stakeholder", "Stakeholder map"],
  verifikasi: ["Verifikasi data", "Data verification"],
};

export const regulationChoices: Choice[] = [
  {
    value: "nasional",
    label: msg(
      "Tidak ada peraturan kabupaten: hanya aturan nasional (Permenkes 44/2016, SPM)",
      "No kabupaten regulation: national rules only (Permenkes 44/2016, SPM)",
    ),
  },
  ...Object.values(SUPERVISION_PROFILES)
    .filter((p) => p.regional)
    .map((p) => ({ value: p.id, label: p.singkat })),
  { value: "sendiri", label: msg("Peraturan kabupaten sendiri", "The kabupaten's own regulation") },
];

export const SETUP_PAGES: FormPage[] = [
  identityPage,
  staffPage,
  programPage,
  villagePage,
  crossSectorPage,
  letterPage,
  rulesPage,
];
