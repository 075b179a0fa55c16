// Reading one cell a person filled in: a count, a score, a date, a choice or text, each turned into
// the value the YAML holds or into a problem that names the workbook, sheet and cell and says what
// to write instead (`kia.xlsx, Capaian!J7: "1.450 orang" bukan bilangan bulat`).
import { human, humanRange, msg, t } from "../../i18n/index.js";
import { number } from "../format-id.js";
import { type ReadCell, cellText } from "./workbook.js";

export interface FormProblem {
  /** The workbook or CSV file as the person named it. */
  file: string;
  sheet?: string;
  /** "J7", or for CSV "baris 7, kolom bulan_ini". */
  cell?: string;
  message: string;
}

export function formatProblem(p: FormProblem): string {
  const where = p.sheet !== undefined ? `${p.sheet}${p.cell ? `!${p.cell}` : ""}` : (p.cell ?? "");
  return where ? `${p.file}, ${where}: ${p.message}` : `${p.file}: ${p.message}`;
}

const M = {
  notWhole: msg('"{text}" bukan bilangan bulat', '"{text}" is not a whole number'),
  thousands: msg(
    '"{text}" bukan bilangan bulat yang jelas; tulis {digits} tanpa titik ribuan',
    '"{text}" is not an unambiguous whole number; write {digits} without a thousands separator',
  ),
  fraction: msg(
    "{text} bukan bilangan bulat; jumlah orang ditulis tanpa desimal",
    "{text} is not a whole number; counts are written without decimals",
  ),
  negative: msg("{text} tidak boleh negatif", "{text} must not be negative"),
  notNumber: msg('"{text}" bukan angka', '"{text}" is not a number'),
  range: msg("{text} di luar rentang {range}", "{text} is outside the range {range}"),
  formulaError: msg(
    "sel berisi kesalahan rumus {error}; perbaiki rumus atau ketik angkanya",
    "the cell holds the formula error {error}; fix the formula or type the number",
  ),
  pending: msg(
    "rumus di sel ini belum dihitung; buka berkas di Excel atau LibreOffice lalu simpan lagi",
    "the formula in this cell was never calculated; open the file in Excel or LibreOffice and save it again",
  ),
  notDate: msg(
    '"{text}" bukan tanggal; tulis tanggal seperti 21/05/2024',
    '"{text}" is not a date; write a date such as 21/05/2024',
  ),
  notChoice: msg('"{text}" tidak ada dalam pilihan: {choices}', '"{text}" is not one of the choices: {choices}'),
  dateNotText: msg(
    "sel teks berisi tanggal {text}; ketik sebagai teks (mis. 'Minggu ke-2')",
    "a text cell holds the date {text}; type it as text (e.g. 'Minggu ke-2')",
  ),
};

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** Problems common to every kind of cell: formula errors and formulas never calculated. */
function broken(cell: ReadCell): string | undefined {
  if (cell.kind === "error") return t(M.formulaError, { error: cell.value });
  if (cell.kind === "pending") return t(M.pending);
  return undefined;
}

const isBlank = (cell: ReadCell) => cell.kind === "empty" || (cell.kind === "text" && cell.value.trim() === "");

/**
 * A number written as text (a CSV, a cell formatted as text, Google Sheets): "12", "12,5" and
 * "12.5" are read; "1.450" is ambiguous (thousands or decimals) and is refused by the caller.
 */
function numberFromText(text: string): { value: number; ambiguous?: string } | undefined {
  const s = text.trim().replace(/\s+/g, "");
  if (/^[+-]?\d+$/.test(s)) return { value: Number(s) };
  if (/^[+-]?\d+,\d+$/.test(s)) return { value: Number(s.replace(",", ".")) };
  if (/^[+-]?\d{1,3}(\.\d{3})+$/.test(s)) return { value: Number(s.replace(/\./g, "")), ambiguous: s };
  if (/^[+-]?\d*\.\d+$/.test(s)) return { value: Number(s) };
  if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(s)) return { value: Number(s.replace(/\./g, "").replace(",", ".")) };
  return undefined;
}

/** A count of people or things: a whole number ≥ 0, or null when the cell is empty. */
export function parseCount(cell: ReadCell): Parsed<number | null> {
  const problem = broken(cell);
  if (problem) return fail(problem);
  if (isBlank(cell)) return ok(null);
  let value: number;
  if (cell.kind === "number") value = cell.value;
  else if (cell.kind === "text") {
    const read = numberFromText(cell.value);
    if (!read) return fail(t(M.notWhole, { text: cell.value.trim() }));
    if (read.ambiguous) return fail(t(M.thousands, { text: cell.value.trim(), digits: String(read.value) }));
    value = read.value;
  } else return fail(t(M.notWhole, { text: cellText(cell) }));
  if (!Number.isFinite(value)) return fail(t(M.notWhole, { text: cellText(cell) }));
  if (!Number.isInteger(value)) return fail(t(M.fraction, { text: number(value, 4) }));
  if (value < 0) return fail(t(M.negative, { text: number(value) }));
  return ok(value);
}

/** A score within a scale (decimals allowed), or null when empty. */
export function parseScore(cell: ReadCell, scale: { min: number; max: number }): Parsed<number | null> {
  const problem = broken(cell);
  if (problem) return fail(problem);
  if (isBlank(cell)) return ok(null);
  let value: number | undefined;
  if (cell.kind === "number") value = cell.value;
  else if (cell.kind === "text") {
    const read = numberFromText(cell.value);
    if (!read || read.ambiguous) return fail(t(M.notNumber, { text: cell.value.trim() }));
    value = read.value;
  }
  if (value === undefined || !Number.isFinite(value)) return fail(t(M.notNumber, { text: cellText(cell) }));
  if (value < scale.min || value > scale.max)
    return fail(t(M.range, { text: human(value), range: humanRange(scale.min, scale.max) }));
  return ok(value);
}

/** Text, trimmed; numbers and dates typed into a text cell become their text; null when empty. */
export function parseText(cell: ReadCell): Parsed<string | null> {
  const problem = broken(cell);
  if (problem) return fail(problem);
  if (isBlank(cell)) return ok(null);
  if (cell.kind === "number") return ok(String(cell.value));
  if (cell.kind === "date") return ok(cell.value);
  return ok(cellText(cell).trim());
}

const pad = (n: number) => String(n).padStart(2, "0");

function validDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A date: a date cell, or text 21/05/2024, 21-05-2024 or 2024-05-21; null when empty. */
export function parseDate(cell: ReadCell): Parsed<string | null> {
  const problem = broken(cell);
  if (problem) return fail(problem);
  if (isBlank(cell)) return ok(null);
  if (cell.kind === "date") return ok(cell.value);
  const text = cellText(cell).trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) {
    const iso = validDate(Number(match[1]), Number(match[2]), Number(match[3]));
    if (iso) return ok(iso);
  }
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) {
    const iso = validDate(Number(match[3]), Number(match[2]), Number(match[1]));
    if (iso) return ok(iso);
  }
  return fail(t(M.notDate, { text }));
}

/**
 * One of a list of choices: the cell holds a choice's label or its id (case and spaces ignored);
 * a label "Nama (id)" also matches by the id in brackets. Null when empty.
 */
export function parseChoice(
  cell: ReadCell,
  choices: ReadonlyArray<{ id: string; label: string }>,
): Parsed<string | null> {
  const problem = broken(cell);
  if (problem) return fail(problem);
  if (isBlank(cell)) return ok(null);
  const text = cellText(cell).trim();
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();
  const wanted = norm(text);
  const bracket = /\(([^()]+)\)\s*$/.exec(text)?.[1];
  const found =
    choices.find((c) => norm(c.label) === wanted || norm(c.id) === wanted) ??
    (bracket ? choices.find((c) => norm(c.id) === norm(bracket)) : undefined) ??
    choices.find((c) => norm(c.label.replace(/\s*\([^()]*\)\s*$/, "")) === wanted);
  if (found) return ok(found.id);
  const list =
    choices.length > 8
      ? `${choices
          .slice(0, 8)
          .map((c) => c.id)
          .join(", ")}, …`
      : choices.map((c) => c.id).join(", ");
  return fail(t(M.notChoice, { text, choices: list }));
}

/** Collects parsed values and their problems for one workbook. */
export class CellReader {
  readonly problems: FormProblem[] = [];
  /** Where the value at a YAML path (JSON of the path, in the base's terms) was read, for conflicts. */
  readonly places = new Map<string, { sheet: string; cell?: string }>();

  constructor(readonly file: string) {}

  take<T>(parsed: Parsed<T>, place: { sheet?: string; cell?: string }): T | undefined {
    if (parsed.ok) return parsed.value;
    this.problems.push({ file: this.file, ...place, message: parsed.message });
    return undefined;
  }

  /** Remember where the value at `path` comes from (the first place named wins). */
  mark(path: ReadonlyArray<string | number>, place: { sheet: string; cell?: string }): void {
    const key = JSON.stringify(path);
    if (!this.places.has(key)) this.places.set(key, place);
  }

  /** The place of `path`, or of the nearest enclosing path that has one. */
  placeOf(path: ReadonlyArray<string | number>): { sheet: string; cell?: string } | undefined {
    for (let n = path.length; n > 0; n--) {
      const found = this.places.get(JSON.stringify(path.slice(0, n)));
      if (found) return found;
    }
    return undefined;
  }

  problem(message: string, place: { sheet?: string; cell?: string } = {}): void {
    this.problems.push({ file: this.file, ...place, message });
  }
}
