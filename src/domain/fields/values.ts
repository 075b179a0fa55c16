// One field's value in its three shapes: as typed in the page (what the input shows and sends), as
// canonical text (what forms carry and the merge compares), and as YAML data (what is written).
// Checking what a person typed happens here, with the message shown at the field: a line break in
// a one-line field, a number written with a thousands point, a choice that is not offered.
import { decimal, type Message, msg } from "../../i18n/index.js";
import { checkNip, formatNip } from "../format-id.js";
import type { FieldSpec } from "./model.js";

export const FIELD_MESSAGES = {
  required: msg("wajib diisi", "required"),
  oneLine: msg(
    "isian ini hanya satu baris; hapus ganti barisnya (Enter)",
    "this field is a single line; remove the line break (Enter)",
  ),
  control: msg(
    "isian ini memuat karakter tak terlihat (mis. dari teks yang disalin); hapus isiannya lalu ketik ulang",
    "this field holds an invisible control character (e.g. from copied text); clear it and type it again",
  ),
  notNumber: msg("tulis angka, mis. 12 atau 12,5", "write a number, e.g. 12 or 12.5"),
  notInteger: msg("tulis bilangan bulat tanpa titik atau koma, mis. 1250", "write a whole number, e.g. 1250"),
  thousands: msg(
    "tulis tanpa titik ribuan: 2000, bukan 2.000",
    "write it without a thousands separator: 2000, not 2.000",
  ),
  min: msg("paling kecil {min}", "at least {min}"),
  max: msg("paling besar {max}", "at most {max}"),
  choice: msg("pilih salah satu pilihan yang ada", "pick one of the choices offered"),
  email: msg("alamat email tidak sah, mis. pkm@contoh.go.id", "not a valid email address, e.g. pkm@example.org"),
  date: msg(
    "tulis tanggal yang ada, mis. 21-05-2024 (hari-bulan-tahun)",
    "write a date that exists, e.g. 2024-05-21 (year-month-day)",
  ),
  time: msg(
    "tulis jam seperti 08.00 (jam.menit, 00.00–23.59)",
    "write a time such as 08.00 (hours.minutes, 00.00–23.59)",
  ),
  nipLength: msg(
    "NIP biasanya 18 angka (mis. 19690826 200212 2 003); periksa lagi — tetap disimpan",
    "a NIP usually has 18 digits (e.g. 19690826 200212 2 003); check it — it is saved anyway",
  ),
  nipShape: msg(
    "NIP ini tampak tidak sah ({reason}); periksa lagi — tetap disimpan",
    "this NIP looks malformed ({reason}); check it — it is saved anyway",
  ),
  nipBirth: msg("tanggal lahir pada 8 angka pertama tidak ada", "the birth date in the first 8 digits does not exist"),
  nipAppointment: msg("tahun/bulan pengangkatan tidak masuk akal", "the appointment year/month makes no sense"),
  nipGender: msg("angka ke-15 (jenis kelamin) harus 1 atau 2", "the 15th digit (gender) must be 1 or 2"),
} satisfies Record<string, Message>;

/** A message at a field; a parameter may itself be a message (translated with it). */
export interface Note {
  message: Message;
  params?: Record<string, string | number | Message>;
}

export interface Parsed {
  /** Canonical text; undefined when the field is left empty (the key is removed). */
  value?: string;
  error?: Note;
  warning?: Note;
}

const LINE_BREAK = /[\r\n\u2028\u2029\u0085\v\f]/;
/**
 * Invisible control characters (NUL, ESC, …; a tab and, in a field of several lines, the line break
 * are allowed): pasted from elsewhere, they reach the terminal when the CLI prints the value (ESC
 * starts a terminal command) and Word refuses a document that holds them.
 */
// eslint-disable-next-line no-control-regex -- finding these characters is the point
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/;

/** What a person typed (or the absence of a checkbox), checked and made canonical. */
export function parseInput(spec: FieldSpec, raw: string | undefined): Parsed {
  if (spec.input === "checkbox") return { value: raw === undefined || raw === "" ? "false" : "true" };
  const typed = (raw ?? "").replace(/\r\n?/g, "\n");
  const multiline = spec.input === "textarea" || spec.input === "lines" || spec.input === "multi";
  if (!multiline && LINE_BREAK.test(typed)) return { value: typed, error: { message: FIELD_MESSAGES.oneLine } };
  if (CONTROL.test(typed)) return { value: typed, error: { message: FIELD_MESSAGES.control } };
  const text = multiline ? typed.replace(/[ \t]+$/gm, "").replace(/^\n+|\n+$/g, "") : typed.trim();
  if (text === "") return spec.required ? { error: { message: FIELD_MESSAGES.required } } : {};
  switch (spec.input) {
    case "lines": {
      const lines = text
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
      return { value: lines.join("\n") };
    }
    case "integer": {
      if (/^\d{1,3}(\.\d{3})+$/.test(text)) return { value: text, error: { message: FIELD_MESSAGES.thousands } };
      if (!/^-?\d+$/.test(text)) return { value: text, error: { message: FIELD_MESSAGES.notInteger } };
      return bounded(spec, Number(text), String(Number(text)));
    }
    case "number": {
      if (/^\d{1,3}(\.\d{3})+$/.test(text)) return { value: text, error: { message: FIELD_MESSAGES.thousands } };
      if (!/^-?\d+([.,]\d+)?$/.test(text)) return { value: text, error: { message: FIELD_MESSAGES.notNumber } };
      const n = Number(text.replace(",", "."));
      return bounded(spec, n, String(n));
    }
    case "select": {
      const allowed = (spec.options ?? []).some((o) => o.value === text);
      return allowed ? { value: text } : { value: text, error: { message: FIELD_MESSAGES.choice } };
    }
    case "multi": {
      // Each ticked value once, in the order the options are offered (values the file held that are
      // not offered, a guest's name among the recipients, stay after them).
      const value = orderedChoices(spec, text.split("\n"));
      return value ? { value } : spec.required ? { error: { message: FIELD_MESSAGES.required } } : {};
    }
    case "date": {
      const iso = isoDate(text);
      return iso ? { value: iso } : { value: text, error: { message: FIELD_MESSAGES.date } };
    }
    case "time": {
      const m = /^(\d{1,2})[.:](\d{2})$/.exec(text) ?? /^(\d{2})(\d{2})$/.exec(text);
      const [h, min] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
      if (!(h >= 0 && h <= 23 && min >= 0 && min <= 59))
        return { value: text, error: { message: FIELD_MESSAGES.time } };
      return { value: `${String(h).padStart(2, "0")}.${String(min).padStart(2, "0")}` };
    }
    case "email":
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)
        ? { value: text }
        : { value: text, error: { message: FIELD_MESSAGES.email } };
    case "nip": {
      const digits = text.replace(/\s+/g, "");
      return { value: digits, warning: nipWarning(digits) };
    }
    default:
      return { value: text };
  }
}

/** Several choices in the options' order, each once, unknown ones after in their own order. */
function orderedChoices(spec: FieldSpec, values: readonly string[]): string {
  const ticked = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  const options = spec.options ?? [];
  const known = options.filter((o) => ticked.includes(o.value)).map((o) => o.value);
  return [...known, ...ticked.filter((v) => !options.some((o) => o.value === v))].join("\n");
}

/** A date typed as 2024-05-21 (the date picker), 21-05-2024 or 21/5/2024, as ISO; undefined when it does not exist. */
export function isoDate(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const local = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const [y, m, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : local
      ? [Number(local[3]), Number(local[2]), Number(local[1])]
      : [0, 0, 0];
  if (!y || m < 1 || m > 12 || d < 1) return undefined;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (d > days[m - 1]) return undefined;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function bounded(spec: FieldSpec, n: number, value: string): Parsed {
  if (spec.min !== undefined && n < spec.min)
    return { value, error: { message: FIELD_MESSAGES.min, params: { min: spec.min } } };
  if (spec.max !== undefined && n > spec.max)
    return { value, error: { message: FIELD_MESSAGES.max, params: { max: spec.max } } };
  return { value };
}

/** The warning a NIP gets (never an error: the person may know better). */
export function nipWarning(nip: string): Note | undefined {
  const check = checkNip(nip);
  if (check.ok) return undefined;
  if (check.reason === "length") return { message: FIELD_MESSAGES.nipLength };
  const reason = {
    "birth-date": FIELD_MESSAGES.nipBirth,
    appointment: FIELD_MESSAGES.nipAppointment,
    gender: FIELD_MESSAGES.nipGender,
  }[check.reason ?? "birth-date"];
  return { message: FIELD_MESSAGES.nipShape, params: { reason } };
}

/** Canonical text as the input shows it: decimal comma in Indonesian, a NIP in its four groups. */
export function displayValue(spec: FieldSpec, value: string | undefined): string {
  if (value === undefined) return "";
  if (spec.input === "number") {
    const n = Number(value);
    return Number.isFinite(n) && value !== "" ? decimal(n, 6) : value;
  }
  if (spec.input === "nip") return formatNip(value);
  return value;
}

/** YAML data as canonical text (undefined for an absent key without a default). */
export function canonicalOf(spec: FieldSpec, data: unknown): string | undefined {
  if (data === undefined || data === null) return spec.default;
  // An empty list is an absent value: a page sent back unchanged leaves `penerima: []` as it is.
  if (Array.isArray(data) && data.length === 0 && (spec.input === "lines" || spec.input === "multi"))
    return spec.default;
  switch (spec.input) {
    case "checkbox":
      return data === true ? "true" : data === false ? "false" : String(data);
    case "lines":
      return Array.isArray(data) ? data.map(String).join("\n") : String(data);
    case "multi":
      return orderedChoices(spec, Array.isArray(data) ? data.map(String) : [String(data)]);
    case "nip":
      return String(data).replace(/\s+/g, "");
    default:
      return typeof data === "object" ? JSON.stringify(data) : String(data);
  }
}

/** Canonical text as YAML data. */
export function dataOf(spec: FieldSpec, value: string): unknown {
  switch (spec.input) {
    case "checkbox":
      return value === "true";
    case "integer":
    case "number":
      return Number(value);
    case "lines":
      return value === "" ? [] : value.split("\n");
    case "multi":
      return value === "" ? [] : value.split("\n").map((v) => (spec.numbers ? Number(v) : v));
    default:
      return value;
  }
}
