// Indonesian conventions for printed text (domain brief §6): "08.00 WIB", 1.234,5, and NIPs
// printed "19690826 200212 2 003". Dates ("Senin, 3 Juni 2024") are in format-date.ts.

/** "08.00" from "08:00" or "08.00" */
export const clock = (text: string) => text.replace(":", ".");

/** "08.00 WIB – selesai" / "08.00–12.00 WIB" */
export function timeRange(start: string, end: string | null | undefined, zone: string): string {
  return end ? `${clock(start)}–${clock(end)} ${zone}` : `${clock(start)} ${zone} – selesai`;
}

const FORMATTERS = new Map<string, Intl.NumberFormat>();

/** Indonesian number: thousands with '.', decimal ',' — 1.234,5 */
export function number(value: number | null | undefined, digits = 2, minDigits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  const key = `${digits}:${minDigits}`;
  let formatter = FORMATTERS.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat("id-ID", { maximumFractionDigits: digits, minimumFractionDigits: minDigits });
    FORMATTERS.set(key, formatter);
  }
  return formatter.format(value);
}

/** A percentage with one decimal, rounded once from the exact value: "51,6%". */
export const percent = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? "–" : `${number(value, digits, digits)}%`;

/** NIP 18 digits → "19690826 200212 2 003"; anything else is printed as written. */
export function formatNip(nip: string | undefined): string {
  if (!nip) return "";
  const digits = nip.replace(/\s+/g, "");
  return /^\d{18}$/.test(digits)
    ? `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}`
    : nip;
}

export interface NipCheck {
  ok: boolean;
  reason?: "length" | "birth-date" | "appointment" | "gender";
}

/** Shape check of a NIP: 18 digits, valid birth date, appointment month, gender digit 1 or 2. */
export function checkNip(nip: string): NipCheck {
  const digits = nip.replace(/\s+/g, "");
  if (!/^\d{18}$/.test(digits)) return { ok: false, reason: "length" };
  const year = Number(digits.slice(0, 4));
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1940 || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day)
    return { ok: false, reason: "birth-date" };
  const appointYear = Number(digits.slice(8, 12));
  const appointMonth = Number(digits.slice(12, 14));
  if (appointYear < year + 15 || appointMonth < 1 || appointMonth > 12) return { ok: false, reason: "appointment" };
  if (!["1", "2"].includes(digits[14])) return { ok: false, reason: "gender" };
  return { ok: true };
}

/**
 * A gap in percentage points, target minus capaian, printed from the capaian's side with one
 * decimal: "−4,2" behind, "+1,0" ahead, "0,0" on target (never "±0" or "+-0").
 */
export function signedGap(gap: number | null | undefined): string {
  if (gap === null || gap === undefined || Number.isNaN(gap)) return "–";
  const rounded = Math.round(gap * 10) / 10;
  if (rounded === 0) return number(0, 1, 1);
  return rounded > 0 ? `−${number(rounded, 1, 1)}` : `+${number(-rounded, 1, 1)}`;
}
