// The data format of a lokmin workspace, as zod schemas: the single source of truth for the
// TypeScript types, the validation messages and the JSON Schema files editors use.
// Keys are in the Indonesian vocabulary of the Lokmin; every object is strict so a typo'd
// key is an error (with a "did you mean" hint added by the loader).
import { z } from "zod";
import { SECTOR_IDS } from "./lintas-sektor.js";
import { MEETING_KIND_IDS, QUARTERLY_KIND_IDS, SPECIAL_STEP_IDS } from "./meeting-kinds.js";
import { ANALYSIS_METHODS, DEFAULT_ANALYSIS_METHODS, DEFAULT_CAUSE_CATEGORIES } from "./analysis.js";
import { CLOCK_PATTERN, MONTH_PATTERN } from "./month.js";
import {
  type MethodEntry,
  METHODS,
  type MethodSettings,
  type MethodSettingsKey,
  PROBLEM_METHODS,
  settingsDescription,
  settingsKeys,
  SOLUTION_METHODS,
  type Target,
  TIE_RULES,
  totalVariants,
} from "./rank/methods.js";
import { LEVELS } from "./stakeholders.js";
import { STRATEGY_IDS } from "./swot.js";

// zod's JIT compiles a fast parser per object schema with `new Function` on first use; a command
// parses each file once, so compiling costs more than it saves (measured: check of one month
// 254 → 203 ms, ten years uncached 2.24 → 2.12 s).
z.config({ jitless: true });

const text = () => z.string().min(1);
/** A count of people or things: a whole number ≥ 0 (2.100 written for "two thousand one hundred" is refused). */
const count = () => z.number().int().min(0);
/** A page margin in cm: wider than 8 cm leaves no room for text on A4 or F4. */
const margin = () => z.number().min(0).max(8);
const isoDate = () => z.iso.date().describe("Tanggal ISO: YYYY-MM-DD");
const id = () =>
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9_.-]*$/, { message: "id" })
    .describe("Pengenal singkat, huruf kecil tanpa spasi");
const monthId = () => z.string().regex(MONTH_PATTERN, { message: "bulan" });
const letterSerial = () =>
  z
    .number()
    .int()
    .min(1)
    .nullable()
    .optional()
    .describe("Nomor urut surat di buku agenda; nomor disusun dari surat.pola_nomor bila nomor kosong");
const clock = () => z.string().regex(CLOCK_PATTERN, { message: "jam" }).describe("Jam, mis. 08.00");
/** NIP stays a string: an 18-digit number loses precision in JavaScript. Shape is checked as a warning. */
export const nipSchema = z.string().describe("NIP 18 digit, ditulis dalam tanda kutip");

export const personSchema = z
  .strictObject({
    id: id(),
    nama: text().describe("Nama lengkap dengan gelar"),
    nip: nipSchema.optional(),
    jabatan: text().describe("Jabatan / unit"),
    pangkat: z.string().optional().describe("Pangkat, mis. 'Pembina' (dicetak di bawah nama penanda tangan)"),
    golongan: z.string().optional().describe("Golongan ruang, mis. 'IV/a'"),
    aktif: z.boolean().optional(),
  })
  .describe("Pegawai Puskesmas");

export const signatorySchema = z.strictObject({
  nama: text().describe("Nama lengkap dengan gelar"),
  nip: nipSchema.optional(),
  pangkat: z.string().optional().describe("Pangkat/golongan, mis. 'Pembina Utama Muda (IV/c)'"),
});

export const monthlyTargetSchema = z
  .union([
    z.literal("prorata"),
    z.array(z.number().min(0)).length(12).describe("Target kumulatif (%) untuk Januari..Desember"),
  ])
  .describe("Cara menghitung target kumulatif bulanan: 'prorata' (target × bulan/12) atau 12 angka");

export const ACCUMULATIONS = ["jumlah", "terakhir", "rata-rata"] as const;
export type Accumulation = (typeof ACCUMULATIONS)[number];

export const indicatorSchema = z.strictObject({
  id: id(),
  nama: text(),
  satuan: z.string().optional().describe("Satuan sasaran, mis. 'ibu hamil'"),
  sasaran: count().describe("Jumlah sasaran setahun (populasi target)"),
  target: z.number().min(0).max(100).describe("Target tahunan dalam persen"),
  target_bulanan: monthlyTargetSchema.optional(),
  akumulasi: z
    .enum(ACCUMULATIONS)
    .optional()
    .describe(
      "Cara capaian terkumpul: jumlah (dijumlah sejak Januari, target dibagi 12 — bawaan), terakhir (keadaan saat " +
        "dihitung, mis. ketersediaan obat, PHBS, KB aktif: target penuh setiap bulan) atau rata-rata (rata-rata " +
        "capaian bulanan, mis. D/S)",
    ),
  spm: z.boolean().optional().describe("Indikator SPM Kesehatan"),
  per_desa: z.boolean().optional().describe("Capaian dilaporkan per desa/kelurahan"),
});

export const programSchema = z.strictObject({
  id: id(),
  nama: text(),
  kelompok: z.string().optional().describe("Kelompok/klaster, id dari daftar 'kelompok'"),
  penanggung_jawab: id().describe("id pegawai koordinator program (PJ program / PJ klaster)"),
  anggota: z.array(id()).optional().describe("id pegawai anggota klaster/program (peserta pralokmin)"),
  indikator: z.array(indicatorSchema).default([]),
});

export const groupSchema = z.strictObject({ id: id(), nama: text() });

export const EVIDENCE_KINDS = [
  "persiapan_kapus",
  "persiapan_program",
  "persiapan_tu",
  "laporan_bulan_lalu",
  "rencana_bulan_ini",
  "informasi",
  "audit_internal",
  "capaian",
  "masalah",
  "rtl",
  "evaluasi_tengah_tahun",
  "ruk",
  "rpk",
  "kesepakatan",
  "bahan_tribulanan",
  "musrenbang",
  "pembahasan",
] as const;
export const APPLIES_WHEN = ["selalu", "bulan_kedua", "tengah_tahun", "tribulanan", "sesuai_kebutuhan"] as const;

export const sopStepSchema = z.strictObject({
  id: id(),
  judul: text(),
  bukti: z.enum(EVIDENCE_KINDS).describe("Bagian data yang menjadi bukti langkah ini"),
  berlaku: z.enum(APPLIES_WHEN).default("selalu"),
});

export const sopSettingsSchema = z.strictObject({
  profil: z.string().default("rutin-2022").describe("Profil SOP bawaan: rutin-2022 (15 langkah) atau rutin-2019"),
  nonaktif: z.array(z.string()).default([]).describe("id langkah yang dimatikan"),
  tambahan: z.array(sopStepSchema).default([]).describe("Langkah tambahan milik Puskesmas ini"),
});

/** A scoring scale; min above max would leave no score valid, so the scale itself is reported. */
export const SCALE_INVERTED = "skala-terbalik";
export const scaleSchema = z
  .strictObject({ min: z.number(), max: z.number() })
  .refine((scale) => scale.min <= scale.max, { message: SCALE_INVERTED, path: ["min"] });

export const criterionSchema = z.strictObject({
  id: id(),
  nama: text(),
  bobot: z.number().min(0).default(1),
  skala: scaleSchema.optional(),
});

/** `penilaian.<method>`, from the method's entry: a scale, the variant of its total, its own criteria. */
function methodSettings(entry: MethodEntry, target: Target) {
  const variants = Object.keys(totalVariants(entry)).filter(Boolean) as [string, ...string[]];
  return z
    .strictObject({
      skala: scaleSchema.optional(),
      ...(variants.length > 1 ? { rumus: z.enum(variants).default(variants[0]) } : {}),
      ...(entry.kriteriaDiatur ? { kriteria: z.array(criterionSchema).optional() } : {}),
    })
    .optional()
    .describe(settingsDescription(entry, target));
}

const methodSettingsShape = Object.fromEntries(
  METHODS.flatMap((m) => settingsKeys(m).map(({ key, target }) => [key, methodSettings(m, target)])),
) as unknown as Record<MethodSettingsKey, z.ZodOptional<z.ZodType<MethodSettings>>>;

export const scoringSettingsSchema = z.strictObject({
  metode_masalah: z.enum(PROBLEM_METHODS).default("usg"),
  metode_solusi: z.enum(SOLUTION_METHODS).default("reinke"),
  seri: z.enum(TIE_RULES).default("bersama").describe("Aturan nilai sama: bersama | urutan | kriteria"),
  urutan_kriteria: z.array(z.string()).optional().describe("Untuk seri: kriteria, mis. [u, s, g]"),
  ...methodSettingsShape,
});

/** A member of the kecamatan's cross-sector roster (quarterly Lokmin), outside the Puskesmas. */
export const crossSectorPersonSchema = z
  .strictObject({
    id: id(),
    nama: text().describe("Nama lengkap dengan gelar"),
    jabatan: text().describe("Jabatan, mis. Camat Sukamaju, Kepala Desa Sidomulyo"),
    instansi: text().describe("Instansi, mis. Kecamatan Sukamaju, Polsek Sukamaju"),
    sektor: z
      .enum(SECTOR_IDS)
      .describe("camat | desa | dinkes | pkk | pokjanal | kader | tni | polri | kua | sekolah | opd | lain"),
    desa: z.string().optional().describe("Desa/kelurahan yang diwakili (kepala desa, kader)"),
    nip: nipSchema.optional(),
    pangkat: z.string().optional(),
    aktif: z.boolean().optional(),
  })
  .describe("Peserta lintas sektor");

/** How two indicators' figures relate: ≤, ≥, =, or ≈ within a tolerance (ASCII or the mathematical sign). */
export const RELATION_OPERATORS = ["<=", ">=", "=", "~", "≤", "≥", "≈"] as const;
/** Which figures a relation compares: this month's, the cumulative since January, or both. */
export const RELATION_MEASURES = ["bulan_ini", "kumulatif"] as const;

/** One side of a relation: `program/indikator`, or the indicator id alone when one program holds it. */
const indicatorRef = () =>
  z
    .string()
    .regex(/^([a-z0-9][a-z0-9_.-]*\/)?[a-z0-9][a-z0-9_.-]*$/, { message: "indikator" })
    .describe("Indikator: program/indikator, mis. kia/bbl (atau id indikator saja bila hanya satu program memakainya)");

export const toleranceSchema = z
  .strictObject({
    persen: z.number().min(0).max(100).optional().describe("Selisih yang masih wajar, persen dari angka terbesar"),
    jumlah: count().optional().describe("Selisih yang masih wajar, dalam jumlah orang"),
  })
  .describe("Toleransi: selisih sampai persen ATAU jumlah ini (yang lebih besar) masih dianggap sesuai");

export const relationSchema = z
  .strictObject({
    id: id().describe("Pengenal relasi, mis. k4-k1; dipakai di aturan (relasi/k4-k1) dan di rapat.yaml"),
    kiri: indicatorRef(),
    operator: z
      .enum(RELATION_OPERATORS)
      .describe("<= (tidak lebih dari), >= (tidak kurang dari), = (sama), ~ (kira-kira sama, dengan toleransi)"),
    kanan: indicatorRef(),
    toleransi: toleranceSchema.optional(),
    lingkup: z
      .array(z.enum(RELATION_MEASURES))
      .min(1)
      .optional()
      .describe("Angka yang dibandingkan: bulan_ini, kumulatif (bawaan: keduanya)"),
    per_desa: z
      .boolean()
      .optional()
      .describe("Bandingkan juga per desa bila kedua indikator dilaporkan per desa (bawaan: ya)"),
    alasan: text().describe("Alasan yang dibaca orang, mis. 'ibu dengan K4 pasti sudah K1'"),
    sumber: z.string().optional().describe("Sumber: peraturan, pedoman, atau praktik setempat"),
  })
  .describe("Relasi antarindikator untuk verifikasi data");

export const verificationSettingsSchema = z
  .strictObject({
    nonaktif: z.array(z.string()).default([]).describe("id relasi bawaan yang dimatikan, mis. [bbl-bulin]"),
    tambahan: z.array(relationSchema).default([]).describe("Relasi milik Puskesmas ini"),
  })
  .describe("Verifikasi data antarprogram: relasi bawaan yang dimatikan dan relasi tambahan");

export const TAXONOMIES = ["program", "klaster"] as const;

const analysisMethodsSchema = () =>
  z.array(z.enum(ANALYSIS_METHODS)).describe("Alat analisis: fishbone, swot, stakeholder");

export const analysisSettingsSchema = z
  .strictObject({
    kategori: z
      .array(text())
      .min(1)
      .default([...DEFAULT_CAUSE_CATEGORIES])
      .describe("Kategori akar masalah = tulang fishbone, mis. Manusia, Metode, Dana, Sarana & Prasarana, Lingkungan"),
    metode: analysisMethodsSchema()
      .default([...DEFAULT_ANALYSIS_METHODS])
      .describe(
        "Alat analisis yang dipakai setiap bulan (fishbone, swot, stakeholder); `lokmin new` menyiapkan isiannya",
      ),
  })
  .describe("Analisis masalah: kategori fishbone dan alat analisis forum");

/** A DHIS2 code (data element, org unit, category option combo, data set): DHIS2 allows up to 50 characters. */
const dhis2Code = () =>
  z
    .string()
    .regex(/^\S(?:.{0,48}\S)?$/, { message: "kode" })
    .describe("Kode DHIS2 (bukan id/UID), paling panjang 50 karakter, tanpa spasi di awal atau akhir");
/** `program/indikator`, e.g. `kia/bumil`: an indicator of lokmin.yaml. */
const qualifiedIndicatorRef = () =>
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9_.-]*\/[a-z0-9][a-z0-9_.-]*$/, { message: "indikator" })
    .describe("program/indikator, mis. kia/bumil");

export const DHIS2_VILLAGE_MODES = ["unit_organisasi", "kombinasi_kategori"] as const;

/**
 * How the figures go to the Dinas' DHIS2 (`lokmin export --format dhis2`, and the package): codes,
 * not ids, so the Dinas imports with idScheme=code. Checked by the rules dhis2/* (src/domain/dhis2.ts).
 */
export const dhis2Schema = z
  .strictObject({
    unit_organisasi: dhis2Code().describe("Kode unit organisasi (org unit) Puskesmas ini di DHIS2 Dinas"),
    set_data: dhis2Code().optional().describe("Kode data set DHIS2 yang diisi (opsional)"),
    kombinasi_atribut: dhis2Code()
      .optional()
      .describe("Kode attribute option combo (opsional; kosong = bawaan DHIS2, mis. sumber dana)"),
    desa_sebagai: z
      .enum(DHIS2_VILLAGE_MODES)
      .default("unit_organisasi")
      .describe(
        "Angka per desa dikirim sebagai unit organisasi desa di bawah Puskesmas (unit_organisasi) atau sebagai " +
          "category option combo pada unit Puskesmas (kombinasi_kategori)",
      ),
    desa: z
      .array(z.strictObject({ desa: text().describe("Nama desa persis seperti di daftar desa"), kode: dhis2Code() }))
      .default([])
      .describe("Kode DHIS2 setiap desa; kosong = indikator per desa dikirim sebagai jumlah Puskesmas"),
    elemen_data: z
      .array(
        z.strictObject({
          indikator: qualifiedIndicatorRef(),
          bulan_ini: dhis2Code().optional().describe("Kode elemen data untuk jumlah dilayani bulan ini (agregasi SUM)"),
          kumulatif: dhis2Code()
            .optional()
            .describe("Kode elemen data untuk jumlah kumulatif sejak Januari (agregasi LAST, bukan SUM)"),
        }),
      )
      .default([])
      .describe("Kode elemen data DHIS2 per indikator: bulan_ini, kumulatif, atau keduanya"),
    tidak_dikirim: z
      .array(qualifiedIndicatorRef())
      .default([])
      .describe("Indikator yang sengaja tidak dikirim ke DHIS2 (program/indikator)"),
  })
  .describe("Pemetaan ke DHIS2 Dinas Kesehatan: kode unit organisasi, elemen data dan desa");

export const TIME_ZONES = ["WIB", "WITA", "WIT"] as const;
/** The supervision regulations a workspace can follow (src/domain/regulations.ts has their texts). */
export const SUPERVISION_PROFILE_IDS = ["nasional", "musi-rawas-2018", "sendiri"] as const;
/** The topics a supervision regulation has an article for, cited by `check` and the documents. */
export const SUPERVISION_TOPICS = [
  "tilik",
  "arsip",
  "umpan_balik",
  "evaluasi",
  "kesepakatan",
  "skor",
  "deskripsi",
  "fishbone",
  "swot",
  "stakeholder",
  "verifikasi",
] as const;
export type SupervisionTopic = (typeof SUPERVISION_TOPICS)[number];
export const PERIOD_MODELS = ["bulan-lalu", "bulan-ini"] as const;
export type PeriodModel = (typeof PERIOD_MODELS)[number];
export const workspaceSchema = z
  .strictObject({
    versi: z.literal(1).default(1),
    puskesmas: z.strictObject({
      nama: text(),
      alamat: text(),
      kelurahan: z.string().optional(),
      kecamatan: text(),
      kabupaten_kota: text(),
      provinsi: z.string().optional(),
      kode_pos: z.string().optional(),
      telepon: z.string().optional(),
      email: z.string().optional(),
      laman: z.string().optional(),
      logo: z.string().optional().describe("Path logo relatif terhadap folder workspace"),
      tempat_surat: z.string().optional().describe("Nama tempat di surat, default kecamatan"),
    }),
    dinas_kesehatan: z.strictObject({
      nama: text(),
      alamat: z.string().optional(),
      kode_pos: z.string().optional(),
      telepon: z.string().optional(),
      email: z.string().optional(),
      laman: z.string().optional(),
      logo: z
        .string()
        .optional()
        .describe("Logo pada kop Dinas, relatif terhadap folder workspace; bawaan: logo Puskesmas"),
      kop: z
        .array(z.string())
        .optional()
        .describe("Baris kop surat Dinas, mis. ['PEMERINTAH KABUPATEN …', 'DINAS KESEHATAN']; bawaan dari nama"),
      kepala: signatorySchema.optional().describe("Kepala Dinas Kesehatan"),
      penandatangan: signatorySchema
        .extend({
          sebutan: z
            .enum(["a.n.", "Plt.", "Plh."])
            .optional()
            .describe("a.n. (atas nama Kepala Dinas), Plt. atau Plh.; kosong = Kepala Dinas sendiri"),
          jabatan: z.string().optional().describe("Jabatan penanda tangan, mis. 'Kepala Bidang Kesehatan Masyarakat'"),
        })
        .optional()
        .describe("Yang menandatangani umpan balik pembinaan bila bukan Kepala Dinas sendiri"),
      tembusan: z.array(z.string()).optional().describe("Tembusan surat umpan balik, mis. ['Kepala Dinas', 'Arsip']"),
    }),
    zona_waktu: z.enum(TIME_ZONES).default("WIB"),
    periode_data: z
      .enum(PERIOD_MODELS)
      .optional()
      .describe(
        "Periode angka capaian yang dibahas Lokmin: bulan-lalu (Lokmin bulan N membahas bulan N−1, Januari membahas " +
          "Desember; dipakai workspace baru) atau bulan-ini (angka bulan yang sama; bawaan workspace lama)",
      ),
    kertas: z
      .strictObject({
        ukuran: z.enum(["A4", "F4"]).default("A4"),
        font: z.string().default("Arial"),
        ukuran_font: z.number().min(8).max(16).default(12),
        margin_cm: z
          .strictObject({ atas: margin(), kanan: margin(), bawah: margin(), kiri: margin() })
          .describe("Margin halaman dalam cm (0–8 per sisi, agar selalu ada ruang untuk teks)")
          .default({ atas: 2, kanan: 2, bawah: 2.5, kiri: 3 }),
      })
      .default({ ukuran: "A4", font: "Arial", ukuran_font: 12, margin_cm: { atas: 2, kanan: 2, bawah: 2.5, kiri: 3 } }),
    surat: z
      .strictObject({
        pola_nomor: z
          .string()
          .default("{klasifikasi}/{urut}/{kode_unit}/{tahun}")
          .describe("Pola nomor surat; tersedia {klasifikasi} {urut} {kode_unit} {tahun} {bulan}"),
        kode_unit: z.string().default(""),
        klasifikasi_undangan: z.string().default("000.1.5"),
        hari_minimal_undangan: z.number().int().min(0).default(3),
      })
      .default({
        pola_nomor: "{klasifikasi}/{urut}/{kode_unit}/{tahun}",
        kode_unit: "",
        klasifikasi_undangan: "000.1.5",
        hari_minimal_undangan: 3,
      }),
    pejabat: z.strictObject({
      kepala_puskesmas: id().describe("id pegawai Kepala Puskesmas"),
      kasubag_tu: id().describe("id pegawai Kasubag TU"),
      sebutan_kepala: z
        .enum(["Plt.", "Plh."])
        .optional()
        .describe("Kepala Puskesmas pelaksana tugas (Plt.) atau pelaksana harian (Plh.)"),
    }),
    hari_libur: z
      .array(isoDate())
      .optional()
      .describe("Hari libur nasional dan cuti bersama (SKB) tahun ini; tanggal surat di hari itu diperingatkan"),
    pegawai: z.array(personSchema).min(1),
    desa: z.array(z.string()).default([]).describe("Desa/kelurahan wilayah kerja"),
    kelompok: z.array(groupSchema).default([]).describe("Kelompok program atau klaster ILP"),
    program: z.array(programSchema).min(1),
    sop: sopSettingsSchema.default({ profil: "rutin-2022", nonaktif: [], tambahan: [] }),
    pembinaan: z
      .strictObject({
        profil: z
          .enum(SUPERVISION_PROFILE_IDS)
          .default("nasional")
          .describe(
            "Peraturan pembinaan Lokmin yang dipakai kabupaten/kota: nasional (tanpa peraturan bupati: hanya " +
              "Permenkes 44/2016 dan SPM dikutip), musi-rawas-2018 (Perbup Musi Rawas 49/2018) atau sendiri " +
              "(isi nama, singkat dan pasal peraturan kabupaten sendiri)",
          ),
        nama: z.string().optional().describe("Nama lengkap peraturan, mis. 'Peraturan Bupati … Nomor 12 Tahun 2021 …'"),
        singkat: z.string().optional().describe("Kutipan singkat, mis. 'Perbup Lembah Hijau 12/2021'"),
        nomor: z.string().optional().describe("Nomor peraturan kabupaten sendiri, mis. '12'"),
        tahun: z.number().int().min(1945).max(2100).optional().describe("Tahun peraturan kabupaten sendiri"),
        pembina: z.string().optional().describe("Tim pembina pada Daftar Tilik butir 1; bawaan: Dinas Kesehatan"),
        lampiran_tilik: z.string().optional().describe("Lampiran yang memuat Daftar Tilik, mis. 'Lampiran III'"),
        judul_tilik: z.string().optional().describe("Judul Daftar Tilik sebagaimana dalam peraturan"),
        pasal: z
          .strictObject(
            Object.fromEntries(SUPERVISION_TOPICS.map((topic) => [topic, z.string().optional()])) as Record<
              SupervisionTopic,
              z.ZodOptional<z.ZodString>
            >,
          )
          .optional()
          .describe("Pasal peraturan sendiri per pokok, mis. tilik: Pasal 30, umpan_balik: Pasal 33 ayat (3)"),
      })
      .optional()
      .describe("Peraturan bupati/wali kota tentang pembinaan Lokmin yang berlaku (bawaan: nasional)"),
    aturan: z
      .record(z.string(), z.enum(["error", "warning", "info", "off"]))
      .default({})
      .describe("Tingkat aturan `lokmin check`: id aturan atau 'keluarga/*' → error | warning | info | off"),
    penilaian: scoringSettingsSchema.default({ metode_masalah: "usg", metode_solusi: "reinke", seri: "bersama" }),
    taksonomi: z
      .enum(TAXONOMIES)
      .optional()
      .describe("program (program klasik, PJ program) atau klaster (klaster ILP, PJ klaster)"),
    penggalangan_tim: z
      .strictObject({
        bulan: z.number().int().min(1).max(12).default(1).describe("Bulan Lokmin pertama (penggalangan tim), 1–12"),
      })
      .optional()
      .describe("Lokmin bulanan pertama tahun ini: pembagian tugas, wilayah binaan, POA"),
    lintas_sektor: z
      .strictObject({
        pimpinan: id()
          .optional()
          .describe("id yang memimpin Lokmin tribulanan (sering Camat); bawaan Kepala Puskesmas"),
        penandatangan_undangan: id()
          .optional()
          .describe("id yang menandatangani undangan tribulanan; bawaan Kepala Puskesmas"),
        tempat: z.string().optional().describe("Tempat bawaan Lokmin tribulanan, mis. Aula Kantor Camat"),
        peserta: z.array(crossSectorPersonSchema).default([]).describe("Peserta lintas sektor dengan instansinya"),
      })
      .optional()
      .describe("Lokmin tribulanan lintas sektor (Permenkes 44/2016)"),
    pralokmin: z
      .strictObject({
        klaster: z
          .array(id())
          .optional()
          .describe("id klaster yang mengadakan pralokmin sebelum Lokmin; kosong = semua klaster"),
      })
      .optional()
      .describe("Pralokmin per klaster sebelum Lokmin bulanan (praktik ILP setempat)"),
    analisis: analysisSettingsSchema.optional(),
    verifikasi: verificationSettingsSchema.optional(),
    dhis2: dhis2Schema.optional(),
  })
  .describe("lokmin.yaml: identitas Puskesmas, pegawai, program dan pengaturan");

/** Scores of one problem or solution: criterion id → number; Hanlon's PEARL is a nested map. */
export const scoresSchema = z.record(z.string(), z.union([z.number(), z.record(z.string(), z.number())]));
export const raterScoresSchema = z.strictObject({ penilai: text(), skor: scoresSchema });

const scoredItem = {
  skor: scoresSchema.optional().describe("Skor kesepakatan forum, mis. {u: 5, s: 4, g: 3}"),
  skor_penilai: z.array(raterScoresSchema).optional().describe("Skor per peserta; total memakai rata-rata"),
  total: z.number().optional().describe("Ditulis oleh `lokmin rank --write`"),
  peringkat: z.number().int().optional().describe("Ditulis oleh `lokmin rank --write`"),
};

export const solutionSchema = z.strictObject({
  id: id(),
  uraian: text(),
  ...scoredItem,
  dipilih: z.boolean().optional().describe("Alternatif terpilih sebagai dasar RTL"),
  strategi: z
    .enum(STRATEGY_IDS)
    .optional()
    .describe("Strategi SWOT asal solusi ini: SO | WO | ST | WT (wajib untuk solusi terpilih bila masalah punya swot)"),
});

export const rootCauseSchema = z.strictObject({
  kategori: z
    .string()
    .optional()
    .describe("Kategori fishbone dari analisis.kategori di lokmin.yaml (bawaan: Manusia, Metode, Dana, …)"),
  uraian: text(),
});

const swotList = (what: string) => z.array(text()).default([]).describe(what);
export const swotSchema = z
  .strictObject({
    kekuatan: swotList("Kekuatan (S): faktor internal yang mendukung"),
    kelemahan: swotList("Kelemahan (W): faktor internal yang menghambat"),
    peluang: swotList("Peluang (O): faktor eksternal yang dapat dimanfaatkan"),
    ancaman: swotList("Ancaman (T): faktor eksternal yang mengancam"),
    strategi: z
      .strictObject({
        so: swotList("Strategi S-O: memakai kekuatan untuk meraih peluang"),
        wo: swotList("Strategi W-O: mengatasi kelemahan dengan memanfaatkan peluang"),
        st: swotList("Strategi S-T: memakai kekuatan untuk menghadapi ancaman"),
        wt: swotList("Strategi W-T: mengurangi kelemahan dan menghindari ancaman"),
      })
      .default({ so: [], wo: [], st: [], wt: [] }),
  })
  .describe("Tabel SWOT untuk mencari strategi pemecahan masalah");

/**
 * One stakeholder. Its group (promotor, laten, apatis, defender) is derived from
 * pengaruh and kepentingan and is never written. A reusable piece: every meeting kind that maps
 * stakeholders includes `stakeholdersSchema`.
 */
export const stakeholderSchema = z
  .strictObject({
    nama: text().describe("Nama orang atau lembaga"),
    instansi: z.string().optional().describe("Instansi / sektor, mis. Kecamatan Sukamaju, TP-PKK"),
    pengaruh: z.enum(LEVELS).describe("Tingkat pengaruh: tinggi | rendah"),
    kepentingan: z.enum(LEVELS).describe("Tingkat kepentingan (kepedulian) pada program: tinggi | rendah"),
    keterangan: z.string().optional().describe("Peran atau dukungan yang diharapkan (teknis, operasional, hukum)"),
  })
  .describe("Stakeholder; jenisnya (promotor, laten, apatis, defender) dihitung lokmin dari pengaruh dan kepentingan");
export const stakeholdersSchema = z
  .array(stakeholderSchema)
  .describe("Peta stakeholder: nama, instansi, pengaruh dan kepentingan tinggi | rendah");

export const problemSchema = z.strictObject({
  id: id(),
  judul: text(),
  program: id().optional(),
  indikator: id().optional(),
  uraian: z.string().optional(),
  kesenjangan: z.number().optional().describe("Selisih target kumulatif − capaian (poin persen)"),
  akar_masalah: z.array(rootCauseSchema).default([]),
  ...scoredItem,
  solusi: z.array(solutionSchema).default([]),
  swot: swotSchema.optional(),
});

/** How a commitment stands when evaluated; `berjalan`: under way and not yet due. */
export const COMMITMENT_STATUSES = ["selesai", "sebagian", "berjalan", "belum", "batal"] as const;
export const COMMITMENT_ID_PATTERN = /^(\d{4}-(0[1-9]|1[0-2]))\/K\d{2,}$/;
export const commitmentSchema = z.strictObject({
  id: z
    .string()
    .regex(COMMITMENT_ID_PATTERN, { message: "kesepakatan" })
    .describe("Pengenal tetap, unik di workspace: 2024-05/K03"),
  uraian: text().describe("Apa yang akan dilakukan"),
  program: id().optional(),
  indikator: id().optional(),
  masalah: id().optional(),
  penanggung_jawab: id(),
  tenggat: isoDate(),
  target: text().describe("Target yang terukur"),
  ditandatangani: z.array(id()).default([]).describe("id pegawai yang menandatangani"),
});

export const evaluationSchema = z.strictObject({
  id: z.string().regex(COMMITMENT_ID_PATTERN, { message: "kesepakatan" }),
  uraian: z.string().optional().describe("Salinan uraian, untuk dibaca"),
  penanggung_jawab: z.string().optional(),
  tenggat: z.string().optional(),
  status: z
    .enum(COMMITMENT_STATUSES)
    .nullable()
    .default(null)
    .describe("selesai | sebagian | berjalan (belum jatuh tempo) | belum | batal"),
  catatan: z.string().nullable().optional(),
});

/** What the verification agreed about one relation that did not hold this month. */
export const mismatchRecordSchema = z
  .strictObject({
    relasi: id().describe(
      "id relasi yang tidak sesuai, seperti disebut `lokmin check` (relasi/<id>), atau angka-tidak-biasa untuk " +
        "angka yang jauh dari riwayatnya (dengan indikator)",
    ),
    indikator: z
      .string()
      .optional()
      .describe("Untuk relasi: angka-tidak-biasa — indikator yang angkanya dijelaskan, mis. kia/bumil"),
    desa: z.string().optional().describe("Desa/kelurahan, bila selisihnya di satu desa; kosong = semua"),
    lingkup: z.enum(RELATION_MEASURES).optional().describe("bulan_ini atau kumulatif; kosong = keduanya"),
    justifikasi: z.string().nullable().describe("Justifikasi selisih yang disepakati, mis. '2 pasang bayi kembar'"),
    penyebab: z.string().nullable().optional().describe("Penyebab masalah hasil analisis"),
    diperbaiki: z.boolean().default(false).describe("true bila angka di register/laporan sudah dikoreksi"),
  })
  .describe("Hasil verifikasi satu relasi yang tidak sesuai");

export const ATTENDANCE = ["hadir", "izin", "sakit", "dinas_luar", "alpa"] as const;
export const attendanceSchema = z.strictObject({
  pegawai: id().optional().describe("id pegawai; atau isi nama untuk tamu"),
  nama: z.string().optional(),
  jabatan: z.string().optional(),
  instansi: z.string().optional(),
  status: z.enum(ATTENDANCE).nullable().default(null).describe("hadir | izin | sakit | dinas_luar | alpa"),
  narasumber: z.boolean().optional().describe("Narasumber dari luar Puskesmas"),
});

/** One row of the task and wilayah binaan matrix of the first Lokmin. */
export const taskDivisionSchema = z.strictObject({
  pegawai: id(),
  program: z.array(id()).default([]).describe("id program/klaster yang dipegang"),
  tugas: z.array(z.string()).default([]).describe("Tugas lain, mis. Pustu, posyandu, UKS, pelaporan"),
  wilayah_binaan: z.array(z.string()).default([]).describe("Desa/kelurahan binaan (dari daftar desa)"),
});

/** One activity of the annual plan of action (POA) drawn up at the first Lokmin from the RPK. */
export const poaRowSchema = z.strictObject({
  program: id(),
  indikator: id().optional(),
  kegiatan: z.string().nullable().describe("Kegiatan dari RPK tahunan"),
  tujuan: z.string().nullable().optional(),
  sasaran: z.string().nullable().optional(),
  target: z.string().nullable().optional(),
  lokasi: z.string().nullable().optional(),
  jadwal: z.array(z.number().int().min(1).max(12)).default([]).describe("Bulan pelaksanaan, 1–12"),
  penanggung_jawab: id(),
  biaya: z.string().nullable().optional(),
  sumber_dana: z.string().nullable().optional().describe("BOK, JKN, APBD …"),
});

export const meetingSchema = z
  .strictObject({
    bulan: monthId(),
    jenis: z.enum(MEETING_KIND_IDS).describe("pertama = penggalangan tim (Januari); rutin = bulan lain"),
    langkah_khusus: z.array(z.enum(SPECIAL_STEP_IDS)).default([]).describe("Langkah SOP khusus bulan ini"),
    tanggal: isoDate().nullable().describe("Tanggal rapat"),
    waktu: z.strictObject({ mulai: clock(), selesai: clock().nullable().optional() }),
    tempat: z.string().nullable(),
    pimpinan: id().describe("id pegawai pimpinan rapat"),
    notulis: id().describe("id pegawai notulis"),
    undangan: z
      .strictObject({
        nomor: z
          .string()
          .nullable()
          .describe("Nomor surat lengkap, mis. 000.1.5/112/436.7.2.3.3/2024; kosong = disusun dari urut"),
        urut: letterSerial(),
        tanggal: isoDate().nullable().describe("Tanggal surat"),
        sifat: z.enum(["Biasa", "Segera", "Terbatas", "Rahasia", "Sangat Rahasia"]).default("Biasa"),
        lampiran: z.string().default("-"),
        hal: text(),
        penerima: z.array(z.string()).default([]).describe("id pegawai atau nama penerima; kosong = daftar terlampir"),
        tembusan: z.array(z.string()).default([]),
      })
      .optional(),
    susunan_acara: z
      .array(z.strictObject({ waktu: text(), acara: text(), pelaksana: z.string().optional() }))
      .default([]),
    agenda: z.array(z.strictObject({ id: id(), judul: text(), langkah: z.string().optional() })).default([]),
    verifikasi_data: z
      .strictObject({
        tanggal: isoDate().nullable(),
        hasil: z.string().nullable(),
        dilaporkan: z.boolean().default(false).describe("Hasil verifikasi dilaporkan dalam Lokmin"),
        selisih: z
          .array(mismatchRecordSchema)
          .optional()
          .describe("Per relasi yang tidak sesuai: justifikasi dan penyebab yang disepakati"),
      })
      .optional(),
    persiapan: z
      .strictObject({
        kepala_puskesmas: z
          .string()
          .nullable()
          .optional()
          .describe("Bahan umpan balik, kebijakan baru, rencana perbaikan"),
        program: z.string().nullable().optional(),
        tata_usaha: z.string().nullable().optional(),
      })
      .optional(),
    informasi: z.array(z.strictObject({ sumber: text(), isi: text() })).default([]),
    audit_internal: z.string().nullable().optional(),
    evaluasi_tengah_tahun: z.string().nullable().optional(),
    ruk: z.string().nullable().optional().describe("Pembahasan RUK tahun berikutnya"),
    bahan_tribulanan: z.string().nullable().optional().describe("Bahan Lokmin tribulanan / tinjauan manajemen"),
    musrenbang: z.string().nullable().optional().describe("Bahan Musrenbang kecamatan (bulan kedua)"),
    hadir: z.array(attendanceSchema).default([]),
    evaluasi_kehadiran: z.string().nullable().optional().describe("Evaluasi kehadiran peserta"),
    kesimpulan: z
      .union([z.string(), z.array(z.string())])
      .nullable()
      .optional()
      .describe("Kesimpulan rapat yang dibacakan pimpinan; bila kosong notulen menyusunnya dari data"),
    pembahasan: z
      .array(
        z.strictObject({
          agenda: z.string().optional(),
          langkah: z.string().optional().describe("id langkah SOP yang dibahas"),
          pembicara: z.string(),
          isi: text(),
          keputusan: z.string().optional(),
        }),
      )
      .default([]),
    masalah: z.array(problemSchema).default([]),
    metode: z
      .strictObject({
        masalah: z.enum(PROBLEM_METHODS).optional(),
        solusi: z.enum(SOLUTION_METHODS).optional(),
        analisis: analysisMethodsSchema().optional(),
      })
      .optional()
      .describe("Metode penilaian dan alat analisis bulan ini; default dari lokmin.yaml"),
    stakeholder: stakeholdersSchema.optional(),
    rtl: z
      .array(
        z.strictObject({
          id: id(),
          masalah: z.string().optional(),
          kegiatan: text(),
          sasaran: z.string().optional(),
          waktu: z.string().optional(),
          penanggung_jawab: id(),
          biaya: z.string().optional(),
          indikator_keberhasilan: z.string().optional(),
        }),
      )
      .default([]),
    kesepakatan: z.array(commitmentSchema).default([]),
    evaluasi_kesepakatan: z.array(evaluationSchema).default([]),
    pembagian_tugas: z
      .array(taskDivisionSchema)
      .optional()
      .describe("Lokmin pertama: pembagian tugas dan wilayah binaan setiap pegawai"),
    poa: z.array(poaRowSchema).optional().describe("Lokmin pertama: POA tahunan disusun dari RPK"),
    laporan_dinkes: z
      .strictObject({ tanggal_kirim: isoDate().nullable(), cara: z.string().optional() })
      .optional()
      .describe("Notulen dilaporkan ke Dinas Kesehatan"),
    tindak_lanjut: z.string().nullable().optional().describe("Laporan tindak lanjut kesepakatan bulan lalu"),
    arsip: z
      .strictObject({
        sk_tim_efektif: z.string().nullable().optional(),
        materi: z.array(z.string()).default([]),
      })
      .optional(),
    supervisi: z
      .strictObject({
        tanggal: isoDate(),
        pembina: z.string().optional(),
        jawaban: z
          .record(z.string(), z.boolean())
          .default({})
          .describe("Jawaban pembina untuk butir Daftar Tilik, mis. {'01': true}"),
        catatan: z
          .record(z.string(), z.string())
          .optional()
          .describe("Catatan pembina per butir Daftar Tilik, mis. {'02': 'buku tamu belum ada'}"),
        umpan_balik: z
          .strictObject({
            tanggal: isoDate().nullable(),
            nomor: z.string().optional(),
            rekomendasi: z.array(z.string()).default([]),
          })
          .optional(),
      })
      .optional(),
  })
  .describe("rapat.yaml: satu Lokmin bulanan");

/** The part of rapat.yaml that commitments need; the rest is read but not validated. */
/**
 * What other months' meetings are read for: their commitments, and the date and invitation number
 * (to check deadlines against the next meeting and letters against their order). Read leniently: a
 * mistake there is reported when that month itself is checked.
 */
const meetingReferences = {
  tanggal: z.string().nullable().optional().catch(undefined),
  undangan: z
    .looseObject({
      nomor: z.string().nullable().optional(),
      urut: z.number().nullable().optional(),
      tanggal: z.string().nullable().optional(),
    })
    .optional()
    .catch(undefined),
};

export const meetingCommitmentsSchema = z.looseObject({
  bulan: monthId(),
  ...meetingReferences,
  kesepakatan: z.array(commitmentSchema).default([]),
  evaluasi_kesepakatan: z.array(evaluationSchema).default([]),
});

export const QUARTERLY_COMMITMENT_ID_PATTERN = /^(\d{4}-(0[1-9]|1[0-2]))\/T\d{2,}$/;
const quarterlyId = () =>
  z
    .string()
    .regex(QUARTERLY_COMMITMENT_ID_PATTERN, { message: "kesepakatan-tribulanan" })
    .describe("Pengenal tetap, unik di workspace: 2024-03/T01");

export const quarterlyCommitmentSchema = commitmentSchema.extend({
  id: quarterlyId(),
  instansi: z.string().optional().describe("Instansi/sektor pelaksana"),
  penanggung_jawab: id().describe("id peserta lintas sektor atau pegawai"),
  ditandatangani: z.array(id()).default([]).describe("id peserta lintas sektor dan pegawai yang menandatangani"),
});
export const quarterlyEvaluationSchema = evaluationSchema.extend({ id: quarterlyId() });

export const quarterlyMeetingSchema = z
  .strictObject({
    bulan: monthId(),
    jenis: z.enum(QUARTERLY_KIND_IDS).describe("tribulanan-pertama (pertama tahun ini) atau tribulanan"),
    tanggal: isoDate().nullable().describe("Tanggal rapat"),
    waktu: z.strictObject({ mulai: clock(), selesai: clock().nullable().optional() }),
    tempat: z.string().nullable(),
    pimpinan: id().describe("id yang memimpin: peserta lintas sektor (mis. camat) atau pegawai"),
    notulis: id().describe("id pegawai notulis"),
    undangan: z
      .strictObject({
        nomor: z.string().nullable(),
        urut: letterSerial(),
        tanggal: isoDate().nullable(),
        sifat: z.enum(["Biasa", "Segera", "Terbatas", "Rahasia", "Sangat Rahasia"]).default("Biasa"),
        lampiran: z.string().default("-"),
        hal: text(),
        penandatangan: id().describe("id yang menandatangani undangan"),
        penerima: z.array(z.string()).default([]).describe("id peserta atau nama penerima; kosong = daftar terlampir"),
        tembusan: z.array(z.string()).default([]),
      })
      .optional(),
    susunan_acara: z
      .array(z.strictObject({ waktu: text(), acara: text(), pelaksana: z.string().optional() }))
      .default([]),
    agenda: z.array(z.strictObject({ id: id(), judul: text(), langkah: z.string().optional() })).default([]),
    hadir: z
      .array(attendanceSchema.extend({ peserta: id().optional().describe("id peserta lintas sektor") }))
      .default([]),
    capaian_desa: z
      .array(z.strictObject({ desa: text(), uraian: z.string().nullable() }))
      .default([])
      .describe("Capaian kinerja per desa/kelurahan triwulan lalu"),
    peran_sektor: z
      .array(z.strictObject({ instansi: text(), peran: z.string().nullable() }))
      .default([])
      .describe("Peran dan dukungan setiap sektor"),
    stakeholder: stakeholdersSchema.optional(),
    rencana_terpadu: z
      .array(
        z.strictObject({
          instansi: text(),
          kegiatan: text(),
          sasaran: z.string().optional(),
          waktu: z.string().optional(),
          lokasi: z.string().optional(),
          sumber_daya: z.string().optional(),
          penanggung_jawab: id().optional(),
        }),
      )
      .default([])
      .describe("Rencana kegiatan terpadu per sektor"),
    pembahasan: z
      .array(
        z.strictObject({
          agenda: z.string().optional(),
          langkah: z.string().optional(),
          pembicara: z.string(),
          isi: text(),
          keputusan: z.string().optional(),
        }),
      )
      .default([]),
    kesepakatan: z.array(quarterlyCommitmentSchema).default([]),
    evaluasi_kesepakatan: z.array(quarterlyEvaluationSchema).default([]),
    usulan_musrenbang: z
      .array(
        z.strictObject({
          usulan: text(),
          lokasi: z.string().optional(),
          sasaran: z.string().optional(),
          alasan: z.string().optional(),
          pengusul: z.string().optional(),
        }),
      )
      .default([])
      .describe("Usulan kesehatan untuk Musrenbang kecamatan"),
    laporan_dinkes: z.strictObject({ tanggal_kirim: isoDate().nullable(), cara: z.string().optional() }).optional(),
  })
  .describe("tribulanan.yaml: Lokmin tribulanan lintas sektor");

export const quarterlyCommitmentsSchema = z.looseObject({
  bulan: monthId(),
  ...meetingReferences,
  kesepakatan: z.array(quarterlyCommitmentSchema).default([]),
  evaluasi_kesepakatan: z.array(quarterlyEvaluationSchema).default([]),
});

export const pralokminSchema = z
  .strictObject({
    bulan: monthId(),
    klaster: id().describe("id klaster di lokmin.yaml"),
    tanggal: isoDate().nullable().describe("Tanggal pralokmin, sebelum Lokmin bulanan"),
    waktu: z.strictObject({ mulai: clock(), selesai: clock().nullable().optional() }),
    tempat: z.string().nullable(),
    pimpinan: id().describe("id PJ klaster"),
    notulis: id(),
    hadir: z.array(attendanceSchema).default([]),
    pembahasan: z
      .array(z.strictObject({ pembicara: z.string(), isi: text(), keputusan: z.string().optional() }))
      .default([]),
    bahan_lokmin: z.string().nullable().optional().describe("Yang dibawa klaster ke Lokmin: capaian, masalah, usulan"),
  })
  .describe("pralokmin/<klaster>.yaml: pralokmin satu klaster");

export const villageCoverageSchema = z.strictObject({
  desa: text(),
  sasaran: count().optional(),
  bulan_ini: count().nullable().default(null),
  kumulatif: count().nullable().default(null),
});

export const indicatorReportSchema = z.strictObject({
  id: id(),
  sasaran: count(),
  target_tahunan: z.number().min(0).max(100),
  target_kumulatif: z.number().min(0).describe("Target kumulatif sampai bulan ini (%), diisi otomatis"),
  bulan_ini: count().nullable().describe("Jumlah dilayani bulan ini"),
  kumulatif: count().nullable().describe("Jumlah dilayani sejak Januari"),
  capaian_persen: z.number().optional().describe("Opsional; dihitung ulang dan dicocokkan"),
  per_desa: z.array(villageCoverageSchema).optional(),
  catatan: z.string().optional(),
});

export const programReportSchema = z
  .strictObject({
    program: id(),
    bulan: monthId(),
    periode: monthId()
      .optional()
      .describe("Bulan yang angkanya dilaporkan (YYYY-MM); bawaan dari periode_data di lokmin.yaml"),
    penanggung_jawab: id(),
    laporan_kegiatan: z
      .array(z.strictObject({ kegiatan: text(), hasil: z.string().optional() }))
      .default([])
      .describe("Laporan hasil kegiatan bulan lalu"),
    rencana_bulan_ini: z.array(z.string()).default([]),
    indikator: z.array(indicatorReportSchema).default([]),
    analisis: z
      .union([
        z.string(),
        z.strictObject({
          orang: z.string().nullable().optional().describe("Siapa yang belum terlayani (kelompok sasaran)"),
          waktu: z.string().nullable().optional().describe("Kapan (bulan, musim, jadwal)"),
          tempat: z.string().nullable().optional().describe("Di mana (desa, posyandu)"),
          catatan: z.string().nullable().optional(),
        }),
      ])
      .nullable()
      .optional()
      .describe("Analisis masalah menurut orang, waktu dan tempat"),
    rpk: z
      .array(
        z.strictObject({
          kegiatan: text(),
          sasaran: z.string().optional(),
          waktu: z.string().optional(),
          tempat: z.string().optional(),
          penanggung_jawab: id().optional(),
          biaya: z.string().optional().describe("Sumber dana, mis. BOK"),
          tujuan: z.string().optional().describe("Tujuan kegiatan"),
          volume: z.string().optional().describe("Volume, mis. '5 desa × 1 kali'"),
        }),
      )
      .default([])
      .describe("RPK bulan berikutnya"),
  })
  .describe("program/<id>.yaml: laporan satu program untuk satu bulan");

export type Workspace = z.infer<typeof workspaceSchema>;
export type Person = z.infer<typeof personSchema>;
export type Program = z.infer<typeof programSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type SopStep = z.infer<typeof sopStepSchema>;
export type ScoringSettings = z.infer<typeof scoringSettingsSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
/** What any month's meeting is read for: its commitments, its date and its invitation's number. */
export type MeetingCommitments = Pick<Meeting, "kesepakatan" | "evaluasi_kesepakatan"> & {
  tanggal?: string | null;
  undangan?: { nomor?: string | null; urut?: number | null; tanggal?: string | null };
};
export type Problem = z.infer<typeof problemSchema>;
export type Solution = z.infer<typeof solutionSchema>;
export type Swot = z.infer<typeof swotSchema>;
export type Stakeholder = z.infer<typeof stakeholderSchema>;
export type Scores = z.infer<typeof scoresSchema>;
export type Commitment = z.infer<typeof commitmentSchema>;
export type Evaluation = z.infer<typeof evaluationSchema>;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
export type ProgramReport = z.infer<typeof programReportSchema>;
export type IndicatorReport = z.infer<typeof indicatorReportSchema>;
export type QuarterlyMeeting = z.infer<typeof quarterlyMeetingSchema>;
export type Pralokmin = z.infer<typeof pralokminSchema>;
export type RelationSettings = z.infer<typeof relationSchema>;
export type VerificationSettings = z.infer<typeof verificationSettingsSchema>;
export type MismatchRecord = z.infer<typeof mismatchRecordSchema>;
export type Dhis2Mapping = z.infer<typeof dhis2Schema>;
export type { Method, TieRule } from "./rank/methods.js";

/** The three file kinds of a workspace, each with its schema and its JSON Schema file name. */
export const FILE_KINDS = {
  workspace: { schema: workspaceSchema, jsonSchemaFile: "lokmin.schema.json" },
  meeting: { schema: meetingSchema, jsonSchemaFile: "rapat.schema.json" },
  program: { schema: programReportSchema, jsonSchemaFile: "program.schema.json" },
  tribulanan: { schema: quarterlyMeetingSchema, jsonSchemaFile: "tribulanan.schema.json" },
  pralokmin: { schema: pralokminSchema, jsonSchemaFile: "pralokmin.schema.json" },
} as const;
export type FileKind = keyof typeof FILE_KINDS;
