// Month identifiers (`2024-05`) and ISO dates: parsing and arithmetic, in UTC so no time zone shifts a day.
/** YYYY-MM with month 01–12. */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** A clock time: 08.00 or 08:00. */
export const CLOCK_PATTERN = /^([01]\d|2[0-3])[.:][0-5]\d$/;

export interface MonthId {
  year: number;
  /** 1..12 */
  month: number;
}

export function parseMonth(text: string): MonthId | null {
  const match = MONTH_PATTERN.exec(text.trim());
  return match ? { year: Number(match[1]), month: Number(match[2]) } : null;
}

export const formatMonth = ({ year, month }: MonthId): string => `${year}-${String(month).padStart(2, "0")}`;

export function addMonths(id: MonthId, delta: number): MonthId {
  const index = id.year * 12 + (id.month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export const shiftMonth = (text: string, delta: number): string => formatMonth(addMonths(parseMonth(text)!, delta));

/** True when `text` is a month folder name: 4-digit year, 2-digit month 01..12. */
export const isMonthId = (text: string) => parseMonth(text) !== null && text.trim() === text;

/** Looks like an attempt at a month (`2024-13`, `2024-5`) but is not a valid one. */
export const looksLikeMonth = (text: string) => /^\d{2,4}-\d{1,2}$/.test(text) && !isMonthId(text);

/** Last day of the month as an ISO date. */
export function lastDay({ year, month }: MonthId): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${formatMonth({ year, month })}-${String(day).padStart(2, "0")}`;
}

/** Whole months from `from` to `to` (positive when `to` is later). */
export const monthsBetween = (from: MonthId, to: MonthId) => (to.year - from.year) * 12 + (to.month - from.month);

/** Whole days from one ISO date to another (positive when `to` is later). */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
