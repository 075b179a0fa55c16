// The Dinas' overview across its Puskesmas, built from the summary (src/domain/summary.ts, what
// `summary --json` prints) for every way it is shown: the browser app's Dinas mode and the workbook
// of `summary --xlsx`. Puskesmas × months with the summary's own figures; which indicators are
// behind, by name, with how many months in a row; which kesepakatan are overdue, by name. Nothing is
// recomputed here: a figure is the summary's, a "behind" is its `behind`. Pure.
import { shiftMonth } from "./month.js";
import type {
  FigureRow,
  MonthSummary,
  OverdueCommitment,
  PuskesmasSummary,
  SummaryEntry,
  SummaryError,
} from "./summary.js";

export interface BehindIndicator {
  month: string;
  program: string;
  program_nama: string;
  indicator: string;
  indicator_nama: string;
  capaian_persen: number | null;
  target_kumulatif: number;
  /** Months in a row, ending with this one, in which the indicator was behind (as the summary says). */
  months_behind: number;
}

export interface PuskesmasOverview {
  /** Its place in the overview, for links: "0", "1" … (stable for the same inputs). */
  key: string;
  entry: PuskesmasSummary;
  byMonth: ReadonlyMap<string, MonthSummary>;
  /** The latest month it sent. */
  latest?: MonthSummary;
  /** Indicators behind in its latest month, longest behind first. */
  behind: BehindIndicator[];
  /** Kesepakatan overdue at the end of its latest month. */
  overdue: OverdueCommitment[];
}

export interface DinasOverview {
  /** Every month any Puskesmas sent, in order. */
  months: string[];
  puskesmas: PuskesmasOverview[];
  /** Inputs that could not be read, with why. */
  errors: SummaryError[];
}

const ownRows = (month: MonthSummary) => month.figures.filter((f) => f.village === null);
const keyOf = (f: Pick<FigureRow, "program" | "indicator">) => `${f.program}/${f.indicator}`;

/** The indicators behind in `month` of a Puskesmas, by name, with how long each has been behind. */
export function behindIndicators(entry: Pick<PuskesmasSummary, "months">, month: string): BehindIndicator[] {
  const byMonth = new Map(entry.months.map((m) => [m.month, m]));
  const here = byMonth.get(month);
  if (!here) return [];
  const behindIn = (m: MonthSummary | undefined) =>
    new Set(
      m
        ? ownRows(m)
            .filter((f) => f.behind === true)
            .map(keyOf)
        : [],
    );
  const sets = new Map<string, Set<string>>();
  const setOf = (id: string) => {
    let set = sets.get(id);
    if (!set) sets.set(id, (set = behindIn(byMonth.get(id))));
    return set;
  };
  return ownRows(here)
    .filter((f) => f.behind === true)
    .map((f) => {
      let run = 0;
      // Consecutive calendar months: a month not sent ends the run (nothing is known about it).
      for (let id = month; byMonth.has(id) && setOf(id).has(keyOf(f)); id = shiftMonth(id, -1)) run++;
      return {
        month,
        program: f.program,
        program_nama: f.program_nama ?? f.program,
        indicator: f.indicator,
        indicator_nama: f.indicator_nama ?? f.indicator,
        capaian_persen: f.capaian_persen,
        target_kumulatif: f.target_kumulatif,
        months_behind: run,
      };
    })
    .sort((a, b) => b.months_behind - a.months_behind);
}

export function dinasOverview(entries: readonly SummaryEntry[]): DinasOverview {
  const errors: SummaryError[] = [];
  const puskesmas: PuskesmasOverview[] = [];
  const months = new Set<string>();
  for (const entry of entries) {
    if ("error" in entry) {
      errors.push(entry);
      continue;
    }
    for (const m of entry.months) months.add(m.month);
    const latest = entry.months.at(-1);
    puskesmas.push({
      key: String(puskesmas.length),
      entry,
      byMonth: new Map(entry.months.map((m) => [m.month, m])),
      latest,
      behind: latest ? behindIndicators(entry, latest.month) : [],
      overdue: latest?.overdue ?? [],
    });
  }
  return { months: [...months].sort(), puskesmas, errors };
}
