// The regulations lokmin cites, as data. The supervision regulation (whose Daftar Tilik and archive
// minimum `check` applies) is a profile chosen in lokmin.yaml (`pembinaan`): without a choice lokmin
// cites only national rules (Permenkes 44/2016, the SPM) and calls the checklist by a neutral name;
// `musi-rawas-2018` is Perbup Musi Rawas 49/2018 (the regulation the checklist was first taken from);
// `sendiri` is the kabupaten's own regulation, named with its articles in lokmin.yaml.
import type { Message } from "../i18n/index.js";
import { msg } from "../i18n/index.js";
import type { SupervisionTopic } from "./schema.js";

export interface SupervisionProfile {
  id: string;
  /** Whether a kabupaten/kota regulation governs supervision (false: national rules only). */
  regional: boolean;
  /** Full name, as printed on the Daftar Tilik and in letters ("" without a regional regulation). */
  nama: string;
  /** Short citation: "Perbup Musi Rawas 49/2018"; without a regional regulation "Permenkes 44/2016". */
  singkat: string;
  /** Who supervises: "Dinkes Kab Musi Rawas" (used in checklist item 1). */
  pembina: string;
  /** The annex holding the checklist, "Lampiran III"; "" without a regional regulation. */
  lampiran_tilik: string;
  judul_tilik: string;
  /** Article numbers cited by the checks; "" where the regulation names none. */
  pasal: Record<SupervisionTopic, string>;
}

const NO_ARTICLES: Record<SupervisionTopic, string> = {
  tilik: "",
  arsip: "",
  umpan_balik: "",
  evaluasi: "",
  kesepakatan: "",
  skor: "",
  deskripsi: "",
  fishbone: "",
  swot: "",
  stakeholder: "",
  verifikasi: "",
};

const NEUTRAL_TITLE = "DAFTAR TILIK PEMBINAAN PELAKSANAAN LOKAKARYA MINI BULANAN PUSKESMAS";

export const SUPERVISION_PROFILES: Record<"nasional" | "musi-rawas-2018", SupervisionProfile> = {
  nasional: {
    id: "nasional",
    regional: false,
    nama: "",
    singkat: "Permenkes 44/2016",
    pembina: "Dinas Kesehatan",
    lampiran_tilik: "",
    judul_tilik: NEUTRAL_TITLE,
    pasal: NO_ARTICLES,
  },
  "musi-rawas-2018": {
    id: "musi-rawas-2018",
    regional: true,
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
export const DEFAULT_SUPERVISION_PROFILE = "nasional";

/** Settings a workspace gives in lokmin.yaml `pembinaan`. */
export interface SupervisionSettings {
  profil: string;
  nama?: string;
  singkat?: string;
  pembina?: string;
  lampiran_tilik?: string;
  judul_tilik?: string;
  pasal?: Partial<Record<SupervisionTopic, string>>;
}

/** "Perbup Lembah Hijau 12/2021" from "Peraturan Bupati Lembah Hijau Nomor 12 Tahun 2021 tentang …". */
export function shortCitation(nama: string): string {
  const m = /^Peraturan\s+(Bupati|Wali ?kota|Walikota|Gubernur)\s+(.*?)\s+Nomor\s+(\S+)\s+Tahun\s+(\d{4})/i.exec(nama);
  if (!m) return nama;
  const kind = /^bupati$/i.test(m[1]) ? "Perbup" : /^gubernur$/i.test(m[1]) ? "Pergub" : "Perwali";
  return `${kind} ${m[2]} ${m[3]}/${m[4]}`;
}

/** The articles a workspace names, without the empty ones. */
const articles = (pasal: SupervisionSettings["pasal"]) =>
  Object.fromEntries(Object.entries(pasal ?? {}).filter(([, v]) => v)) as Partial<Record<SupervisionTopic, string>>;

/**
 * The workspace's supervision profile. Who supervises defaults to the workspace's own Dinas
 * Kesehatan (a profile's Dinas only names the kabupaten whose regulation it is).
 */
export function supervisionProfile(settings?: Partial<SupervisionSettings>, dinas?: string): SupervisionProfile {
  const chosen = settings?.profil ?? DEFAULT_SUPERVISION_PROFILE;
  if (chosen === "sendiri") {
    const nama = settings?.nama ?? "";
    return {
      id: "sendiri",
      regional: nama !== "",
      nama,
      singkat: settings?.singkat ?? (nama ? shortCitation(nama) : SUPERVISION_PROFILES.nasional.singkat),
      pembina: settings?.pembina ?? dinas ?? SUPERVISION_PROFILES.nasional.pembina,
      lampiran_tilik: settings?.lampiran_tilik ?? "",
      judul_tilik: settings?.judul_tilik ?? NEUTRAL_TITLE,
      pasal: { ...NO_ARTICLES, ...articles(settings?.pasal) },
    };
  }
  const base =
    SUPERVISION_PROFILES[chosen as keyof typeof SUPERVISION_PROFILES] ??
    SUPERVISION_PROFILES[DEFAULT_SUPERVISION_PROFILE];
  return {
    ...base,
    nama: base.regional ? (settings?.nama ?? base.nama) : base.nama,
    singkat: base.regional ? (settings?.singkat ?? base.singkat) : base.singkat,
    pembina: settings?.pembina ?? dinas ?? base.pembina,
    pasal: { ...base.pasal, ...(base.regional ? articles(settings?.pasal) : {}) },
  };
}

/** "Perbup Musi Rawas 49/2018 Pasal 31", or the national guideline where no regional regulation applies. */
export const supervisionCitation = (profile: SupervisionProfile, topic: SupervisionTopic): string =>
  profile.regional ? `${profile.singkat}${profile.pasal[topic] ? ` ${profile.pasal[topic]}` : ""}` : profile.singkat;

/** Where a rule comes from: a regulation people can look up, or lokmin's own file format. */
export type Source =
  | { kind: "pembinaan"; pasal: SupervisionTopic; note?: Message }
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
    case "pembinaan": {
      // Without a regional regulation the national guideline is what stands behind the practice.
      if (!profile.regional) return `${translate(FIXED["permenkes-44-2016"])}${note}`;
      const article = profile.pasal[source.pasal];
      return `${profile.singkat}${article ? ` ${article}` : ""}${note}`;
    }
    case "sop":
      return `${translate(SOP)}${source.step ? `, ${translate(STEP)} ${source.step}` : ""}${note}`;
    case "setempat":
      return translate(source.note);
    default:
      return `${translate(FIXED[source.kind])}${note}`;
  }
}
