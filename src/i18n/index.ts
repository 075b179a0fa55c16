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

/** Shorthand to declare a message pair inline. */
export const msg = (id: string, en: string): Message => ({ id, en });
