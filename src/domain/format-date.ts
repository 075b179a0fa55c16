// Indonesian dates for printed text (domain brief §6): "Senin, 3 Juni 2024", "Mei 2024", with
// date-fns and its Indonesian locale (Jumat, Februari, November spelled the official way).
import { format } from "date-fns/format";
import { id as localeId } from "date-fns/locale/id";
import { parseMonth } from "./month.js";

const parseIsoDate = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y, m - 1, d);
};

/** "Senin, 3 Juni 2024" */
export const longDate = (iso: string) => format(parseIsoDate(iso), "EEEE, d MMMM yyyy", { locale: localeId });
/** "3 Juni 2024" */
export const plainDate = (iso: string) => format(parseIsoDate(iso), "d MMMM yyyy", { locale: localeId });
/** "Senin" */
export const dayName = (iso: string) => format(parseIsoDate(iso), "EEEE", { locale: localeId });
/** "Mei 2024" for "2024-05" */
export function monthName(month: string): string {
  const m = parseMonth(month);
  return m ? format(new Date(m.year, m.month - 1, 1), "MMMM yyyy", { locale: localeId }) : month;
}

/** "Mei" for "2024-05" (short month name for chart axes). */
export function shortMonthName(month: string): string {
  const m = parseMonth(month);
  return m ? format(new Date(m.year, m.month - 1, 1), "MMM", { locale: localeId }) : month;
}

/**
 * How documents name the period a month's figures cover (YYYY-MM): "April 2024", the month alone
 * ("April"), the cumulative span "Januari–April 2024" (one month: "Januari 2024") and "s.d. April 2024".
 */
export function periodNames(period: string) {
  const nama = monthName(period);
  const bulan = nama.replace(/ \d{4}$/, "");
  const first = monthName(`${period.slice(0, 4)}-01`).replace(/ \d{4}$/, "");
  return {
    bulan: period,
    nama,
    bulan_saja: bulan,
    rentang: bulan === first ? nama : `${first}–${nama}`,
    sd: `s.d. ${nama}`,
  };
}
