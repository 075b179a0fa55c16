// Language of user-facing messages: Indonesian by default, English with --lang en or
// LOKMIN_LANG=en. A message is a pair of templates with {name} placeholders, declared next to the
// code that raises it; the CLI entry sets the language once per run.
export type Lang = "id" | "en";
export type Message = { id: string; en: string };
export type Params = Record<string, string | number | undefined>;

let current: Lang = "id";

export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  const wanted = (flag || env.LOKMIN_LANG || "id").toLowerCase();
  return wanted.startsWith("en") ? "en" : "id";
}

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = Object.hasOwn(params, key) ? params[key] : undefined;
    return value === undefined ? whole : String(value);
  });
}

/** Translate a message pair into the current language. */
export function t(message: Message, params?: Params): string {
  return fill(message[current], params);
}

/**
 * A number as shown in a message: rounded to `digits` decimals, with a decimal comma in Indonesian
 * ("41,7") and a point in English, never a thousands separator (2000, not 2.000, which YAML misreads).
 */
export function decimal(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return String(value);
  return new Intl.NumberFormat(current === "id" ? "id-ID" : "en-US", {
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(value);
}

/**
 * Any number as a person reads it in a message, in the current language: never in exponent form
 * (5e-324, 1e+21), never with float noise (0.30000000000000004 is 0,3), never "Infinity" or "NaN";
 * a positive number too small to show is "> 0". Integers are written whole, without grouping.
 */
export function human(value: number): string {
  if (Number.isNaN(value)) return current === "id" ? "bukan angka (NaN)" : "not a number (NaN)";
  if (!Number.isFinite(value))
    return value > 0
      ? current === "id"
        ? "tak hingga"
        : "infinity"
      : current === "id"
        ? "minus tak hingga"
        : "minus infinity";
  const rounded = Number(value.toPrecision(12));
  if (rounded !== 0 && Math.abs(rounded) < 1e-9) return rounded > 0 ? "> 0" : "< 0";
  return new Intl.NumberFormat(current === "id" ? "id-ID" : "en-US", {
    maximumFractionDigits: 9,
    useGrouping: false,
  }).format(rounded);
}

/**
 * A range of numbers as a person reads it: "1–5", or "lebih dari 0 sampai 5" when the lower end is
 * just above zero (a scale that excludes 0 itself, such as a cost divided by).
 */
export function humanRange(min: number, max: number): string {
  const above = min > 0 && Number(min.toPrecision(12)) < 1e-9;
  if (above) return current === "id" ? `lebih dari 0 sampai ${human(max)}` : `above 0 up to ${human(max)}`;
  return `${human(min)}–${human(max)}`;
}

/** Shorthand to declare a message pair inline. */
export const msg = (id: string, en: string): Message => ({ id, en });
