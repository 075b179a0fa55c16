// Stakeholders (Perbup Pasal 36 ayat (3)): four groups by influence (pengaruh) and interest
// (kepentingan), each high or low. The group is derived from the two, never written by hand, so
// it cannot disagree with them. Used by the monthly meeting and the quarterly cross-sector Lokmin
// alike: everything here takes a plain list. Pure.
import type { Stakeholder } from "./schema.js";

export const LEVELS = ["tinggi", "rendah"] as const;

/** In the order of Pasal 36 ayat (3) huruf a–d; `istilah` is the regulation's own word. */
export const STAKEHOLDER_KINDS = [
  {
    id: "promotor",
    nama: "Promotor",
    istilah: "promoters",
    pengaruh: "tinggi",
    kepentingan: "tinggi",
    arti: "pengaruh dan kepentingan tinggi; penggerak dan inovator",
  },
  {
    id: "laten",
    nama: "Laten",
    istilah: "latens",
    pengaruh: "tinggi",
    kepentingan: "rendah",
    arti: "pengaruh tinggi, kepentingan rendah; dukungannya perlu digalang",
  },
  {
    id: "apatis",
    nama: "Apatis",
    istilah: "apathics",
    pengaruh: "rendah",
    kepentingan: "rendah",
    arti: "pengaruh dan kepentingan rendah; berpotensi melunturkan motivasi kerja",
  },
  {
    id: "defender",
    nama: "Defender",
    istilah: "defendends",
    pengaruh: "rendah",
    kepentingan: "tinggi",
    arti: "pengaruh rendah, kepedulian tinggi; pendukung yang perlu diberi informasi",
  },
] as const;
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];

export function stakeholderKind(s: Pick<Stakeholder, "pengaruh" | "kepentingan">): StakeholderKind {
  return STAKEHOLDER_KINDS.find((k) => k.pengaruh === s.pengaruh && k.kepentingan === s.kepentingan)!;
}

/** The 2×2 map: every group in the regulation's order with its members in the list's order. */
export function stakeholderMap(list: readonly Stakeholder[]) {
  return STAKEHOLDER_KINDS.map((kind) => ({
    kind,
    members: list.filter((s) => stakeholderKind(s).id === kind.id),
  }));
}

const fold = (text: string | undefined) => (text ?? "").trim().replace(/\s+/g, " ").toLocaleLowerCase("id");
const key = (s: Pick<Stakeholder, "nama" | "instansi">) => `${fold(s.nama)}\0${fold(s.instansi)}`;

/** Entries naming a stakeholder (name and instansi) listed earlier: index and the earlier index. */
export function duplicateStakeholders(list: readonly Stakeholder[]): Array<{ index: number; first: number }> {
  const seen = new Map<string, number>();
  const out: Array<{ index: number; first: number }> = [];
  list.forEach((s, index) => {
    const first = seen.get(key(s));
    if (first === undefined) seen.set(key(s), index);
    else out.push({ index, first });
  });
  return out;
}
