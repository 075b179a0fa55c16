// Letter numbers (nomor surat) from the workspace's pattern, `surat.pola_nomor` in lokmin.yaml:
// `{klasifikasi}/{urut}/{kode_unit}/{tahun}` gives 000.1.5/108/436.7.2.3.3/2024. A letter gives its
// serial in the agenda book (`urut`) and lokmin writes the number; a number written out by hand is
// used as it is, and its serial is read back through the same pattern, so letters can be checked
// to number upwards with their dates. Pure.
import type { Workspace } from "./schema.js";

type LetterSettings = Pick<Workspace["surat"], "pola_nomor" | "kode_unit" | "klasifikasi_undangan">;

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

/** The settings behind each placeholder whose value is set in lokmin.yaml rather than by the letter. */
const SETTING_OF: Record<string, "kode_unit" | "klasifikasi_undangan"> = {
  kode_unit: "kode_unit",
  klasifikasi: "klasifikasi_undangan",
};

/**
 * The settings the pattern uses but lokmin.yaml leaves empty (`kode_unit: ""`): a number made from
 * it would have an empty part (000.1.5/412//2026).
 */
export function emptyPatternSettings(settings: LetterSettings): Array<"kode_unit" | "klasifikasi_undangan"> {
  const used = [...settings.pola_nomor.matchAll(/\{(\w+)\}/g)].map((m) => SETTING_OF[m[1]]).filter(Boolean);
  return [...new Set(used)].filter((key) => !settings[key]?.trim());
}

/** The number of a letter from the pattern: its serial, its date's month and year, its classification. */
export function composeNumber(
  settings: LetterSettings,
  letter: { urut: number; tanggal: string; klasifikasi?: string },
): string {
  const month = Number(letter.tanggal.slice(5, 7));
  const values: Record<string, string> = {
    klasifikasi: letter.klasifikasi ?? settings.klasifikasi_undangan,
    urut: String(letter.urut).padStart(3, "0"),
    kode_unit: settings.kode_unit,
    tahun: letter.tanggal.slice(0, 4),
    bulan: String(month).padStart(2, "0"),
    bulan_romawi: ROMAN[month - 1] ?? "",
  };
  return settings.pola_nomor.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * The serial of a number written by hand, read through the pattern: the part where `{urut}` stands;
 * undefined when the pattern has no `{urut}` or the number does not follow it.
 */
export function serialOf(settings: LetterSettings, nomor: string): number | undefined {
  if (!settings.pola_nomor.includes("{urut}")) return undefined;
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const parts = settings.pola_nomor.split(/(\{\w+\})/).map((part) => {
    if (part === "{urut}") return "(\\d+)";
    if (part === "{kode_unit}" && settings.kode_unit) return escape(settings.kode_unit);
    return /^\{\w+\}$/.test(part) ? "[^/]*" : escape(part);
  });
  const match = new RegExp(`^${parts.join("")}$`).exec(nomor.trim());
  return match ? Number(match[1]) : undefined;
}

/** A letter's number as printed: the one written, else the one made from its serial, else null. */
export function letterNumber(
  settings: LetterSettings,
  letter: { nomor?: string | null; urut?: number | null; tanggal?: string | null } | undefined,
): string | null {
  if (letter?.nomor) return letter.nomor;
  if (letter?.urut && letter.tanggal) return composeNumber(settings, { urut: letter.urut, tanggal: letter.tanggal });
  return null;
}

/** A letter's serial: the one given, else the one read from its written number. */
export function letterSerial(
  settings: LetterSettings,
  letter: { nomor?: string | null; urut?: number | null } | undefined,
): number | undefined {
  if (letter?.urut) return letter.urut;
  return letter?.nomor ? serialOf(settings, letter.nomor) : undefined;
}
