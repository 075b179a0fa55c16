// The regulations lokmin cites, as data. The supervision regulation (whose Daftar Tilik and
// archive minimum `check` applies) is a profile: the default is Perbup Musi Rawas 49/2018, and a
// workspace of another kabupaten names its own in lokmin.yaml (`pembinaan`).
import type { Message } from "../i18n/index.js";
import { msg } from "../i18n/index.js";

export interface SupervisionProfile {
  id: string;
  /** Full name, as printed on the Daftar Tilik and in letters. */
  nama: string;
  /** Short citation: "Perbup Musi Rawas 49/2018". */
  singkat: string;
  /** Who supervises: "Dinkes Kab Musi Rawas" (used in checklist item 1). */
  pembina: string;
  lampiran_tilik: string;
  judul_tilik: string;
  /** Article numbers cited by the checks. */
  pasal: {
    tilik: string;
    arsip: string;
    umpan_balik: string;
    evaluasi: string;
    kesepakatan: string;
    skor: string;
    deskripsi: string;
    fishbone: string;
    swot: string;
    stakeholder: string;
    verifikasi: string;
  };
}

export const SUPERVISION_PROFILES: Record<string, SupervisionProfile> = {
  "musi-rawas-2018": {
    id: "musi-rawas-2018",
    nama:
      "Peraturan Bupati Musi Rawas Nomor 49 Tahun 2018 tentang Pedoman Pembinaan Pelaksanaan Lokakarya Mini " +
      "Bulanan Tingkat Puskesmas di Lingkungan Pemerintah Kabupaten Musi Rawas",
    singkat: "Perbup Musi Rawas 49/2018",
    pembina: "Dinkes Kab Musi Rawas",
    lampiran_tilik: "Lampiran III",
    judul_tilik: "DAFTAR TILIK INDIKATOR PEMBINAAN PELAKSANAAN LOKAKARYA MINI BULANAN PUSKESMAS",
    pasal: {
      tilik: "Pasal 30",
      arsip: "Pasal 31",
      umpan_balik: "Pasal 33 ayat (3)",
      evaluasi: "Pasal 20",
      kesepakatan: "Pasal 18–20",
      skor: "Pasal 15 ayat (2)",
      deskripsi: "Pasal 11",
      fishbone: "Pasal 15 ayat (1)",
      swot: "Pasal 17 ayat (2)",
      stakeholder: "Pasal 36 ayat (3)",
      verifikasi: "Pasal 9, Lampiran II",
    },
  },
};
export const DEFAULT_SUPERVISION_PROFILE = "musi-rawas-2018";

/** Settings a workspace may give in lokmin.yaml `pembinaan` to name its own regulation. */
export interface SupervisionSettings {
  profil: string;
  nama?: string;
  singkat?: string;
  pembina?: string;
  /** The kabupaten's own articles (profil: sendiri), over the profile's. */
  pasal?: Partial<Record<keyof SupervisionProfile["pasal"], string>>;
}

/**
 * The workspace's supervision profile. Who supervises defaults to the workspace's own Dinas
 * Kesehatan (the profile's Dinas only names the kabupaten whose regulation it is).
 */
export function supervisionProfile(settings?: Partial<SupervisionSettings>, dinas?: string): SupervisionProfile {
  const base =
    SUPERVISION_PROFILES[settings?.profil ?? DEFAULT_SUPERVISION_PROFILE] ??
    SUPERVISION_PROFILES[DEFAULT_SUPERVISION_PROFILE];
  return {
    ...base,
    nama: settings?.nama ?? base.nama,
    singkat: settings?.singkat ?? base.singkat,
    pembina: settings?.pembina ?? dinas ?? base.pembina,
    pasal: { ...base.pasal, ...Object.fromEntries(Object.entries(settings?.pasal ?? {}).filter(([, v]) => v)) },
  };
}

/** Where a rule comes from: a regulation people can look up, or lokmin's own file format. */
export type Source =
  | { kind: "pembinaan"; pasal: keyof SupervisionProfile["pasal"]; note?: Message }
  | { kind: "permenkes-44-2016"; note?: Message }
  | { kind: "spm"; note?: Message }
  | { kind: "sop"; step?: string; note?: Message }
  | { kind: "permendagri-1-2023"; note?: Message }
  | { kind: "nip"; note?: Message }
  | { kind: "setempat"; note: Message }
  | { kind: "lokmin"; note?: Message };

const FIXED: Record<Exclude<Source["kind"], "pembinaan" | "sop" | "setempat">, Message> = {
  "permenkes-44-2016": msg(
    "Permenkes 44/2016 tentang Pedoman Manajemen Puskesmas",
    "Permenkes 44/2016 (Puskesmas management guideline)",
  ),
  spm: msg(
    "SPM Kesehatan: PP 2/2018 dan Permenkes 6/2024 (capaian = dilayani ÷ sasaran × 100%)",
    "Health SPM: PP 2/2018 and Permenkes 6/2024 (coverage = served ÷ target population × 100%)",
  ),
  "permendagri-1-2023": msg(
    "Permendagri 1/2023 tentang Tata Naskah Dinas",
    "Permendagri 1/2023 (official correspondence)",
  ),
  nip: msg("Peraturan Kepala BKN 22/2007 (susunan NIP 18 digit)", "BKN Regulation 22/2007 (18-digit NIP layout)"),
  lokmin: msg("format berkas lokmin", "lokmin file format"),
};

const SOP = msg("SOP Lokakarya Mini Bulanan (Permenkes 44/2016)", "Monthly Lokmin SOP (Permenkes 44/2016)");
const STEP = msg("langkah", "step");

/** The citation of a source in the current language, for `check --rules` and the README. */
export function cite(source: Source, profile: SupervisionProfile, translate: (m: Message) => string): string {
  const note = source.note ? ` — ${translate(source.note)}` : "";
  switch (source.kind) {
    case "pembinaan":
      return `${profile.singkat} ${profile.pasal[source.pasal]}${note}`;
    case "sop":
      return `${translate(SOP)}${source.step ? `, ${translate(STEP)} ${source.step}` : ""}${note}`;
    case "setempat":
      return translate(source.note);
    default:
      return `${translate(FIXED[source.kind])}${note}`;
  }
}
