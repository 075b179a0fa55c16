// SOP profiles: the procedure steps a month must show evidence for. Built-in profiles come
// from the routine-monthly SOP (rev. 2022, 15 steps) and its earlier revision; a workspace
// picks one in lokmin.yaml, switches steps off, or adds its own. Profiles are data.
import type { SopStep, Workspace } from "./schema.js";

const step = (id: string, judul: string, bukti: SopStep["bukti"], berlaku: SopStep["berlaku"] = "selalu"): SopStep => ({
  id,
  judul,
  bukti,
  berlaku,
});

export const SOP_PROFILES: Record<string, SopStep[]> = {
  "rutin-2022": [
    step(
      "01-persiapan-kapus",
      "Persiapan Kepala Puskesmas: umpan balik kinerja, kebijakan baru, rencana perbaikan",
      "persiapan_kapus",
    ),
    step(
      "01-musrenbang",
      "Bahan Musrenbang kecamatan (langkah 1, khusus Lokmin bulan kedua)",
      "musrenbang",
      "bulan_kedua",
    ),
    step(
      "02-persiapan-program",
      "Persiapan PJ program: laporan kinerja, analisis masalah, RPK bulanan",
      "persiapan_program",
    ),
    step("03-persiapan-tu", "Persiapan Kasubag TU: surat undangan, tempat, perlengkapan, notulen", "persiapan_tu"),
    step("04-laporan-bulan-lalu", "Laporan hasil kegiatan bulan lalu", "laporan_bulan_lalu"),
    step("05-rencana-bulan-ini", "Rencana awal pelaksanaan kegiatan bulan ini", "rencana_bulan_ini"),
    step("06-informasi", "Informasi hasil rapat Kabupaten/Kota dan Kecamatan, kebijakan dan program baru", "informasi"),
    step(
      "07-audit-internal",
      "Hasil audit internal (akreditasi) sesuai jadwal tim audit",
      "audit_internal",
      "sesuai_kebutuhan",
    ),
    step("08-analisis-capaian", "Analisis capaian kinerja bulanan", "capaian"),
    step("09-masalah", "Memetakan masalah dan penyebabnya, dikaitkan dengan kepatuhan SOP", "masalah"),
    step("10-rtl", "Rencana tindak lanjut (RTL) berupa rencana kerja pemecahan masalah", "rtl"),
    step(
      "11-evaluasi-tengah-tahun",
      "Evaluasi tengah tahun kinerja 6 bulan pertama",
      "evaluasi_tengah_tahun",
      "tengah_tahun",
    ),
    step("12-ruk", "Pembahasan RUK tahun berikutnya, sesuai kebutuhan", "ruk", "sesuai_kebutuhan"),
    step("13-rpk", "RTL berupa RPK bulan berikutnya", "rpk"),
    step("14-komitmen", "Komitmen melaksanakan RPK yang telah disusun", "kesepakatan"),
    step(
      "15-bahan-tribulanan",
      "Bahan Lokmin tribulanan dan/atau rekomendasi tinjauan manajemen",
      "bahan_tribulanan",
      "tribulanan",
    ),
  ],
  "rutin-2019": [
    step("01-laporan-bulan-lalu", "Laporan hasil kegiatan bulan lalu", "laporan_bulan_lalu"),
    step("02-rencana-bulan-ini", "Rencana awal pelaksanaan kegiatan bulan ini", "rencana_bulan_ini"),
    step("03-informasi", "Informasi hasil rapat Kabupaten/Kota dan Kecamatan", "informasi"),
    step("04-analisis-capaian", "Analisis capaian kinerja bulanan", "capaian"),
    step("05-rtl", "Rencana tindak lanjut berupa rencana kerja pemecahan masalah", "rtl"),
    step("06-evaluasi-tengah-tahun", "Evaluasi tengah tahun", "evaluasi_tengah_tahun", "tengah_tahun"),
  ],
};

export const DEFAULT_SOP_PROFILE = "rutin-2022";

export interface ResolvedSop {
  profile: string;
  steps: SopStep[];
  unknownProfile: boolean;
}

/** The steps in force for a workspace: profile, minus switched-off steps, plus its own steps. */
export function resolveSop(settings: Workspace["sop"]): ResolvedSop {
  const base = SOP_PROFILES[settings.profil];
  const off = new Set(settings.nonaktif);
  const steps = [...(base ?? []), ...settings.tambahan].filter((s) => !off.has(s.id));
  return { profile: settings.profil, steps, unknownProfile: base === undefined };
}

/** Whether a step is required in a month with the given special steps. */
export function stepApplies(s: SopStep, special: readonly string[]): "required" | "optional" | "not-applicable" {
  if (s.berlaku === "selalu") return "required";
  if (s.berlaku === "sesuai_kebutuhan") return "optional";
  return special.includes(s.berlaku) ? "required" : "not-applicable";
}
