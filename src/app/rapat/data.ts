// Mode rapat's data at the edge: the month loaded as `report`, `rank` and `commitments` load it
// (the year's months in full through the parse cache), then every figure taken from the function
// that defines it — trends from indicatorTrends (what `report --json` prints), villages from
// monthFigures (what `summary --json` lists), the scoring matrix from rankProblems/rankSolutions
// (what `rank --json` prints), the fishbone from fishboneOf (what the notulen draws). Nothing here
// computes a figure of its own: it only selects and orders what the slides show.
import { causeCategories } from "../../domain/analysis.js";
import { type TrendPanel, trendMonths, trendPanel } from "../../domain/chart-series.js";
import type { Diagnostic } from "../../domain/findings.js";
import { type Fishbone, fishboneOf } from "../../domain/fishbone.js";
import { participant } from "../../domain/lintas-sektor.js";
import { rankProblems, rankSolutions, type SolutionRanking } from "../../domain/rank/month.js";
import type { RankResult } from "../../domain/rank/rank.js";
import type { Meeting, Workspace } from "../../domain/schema.js";
import { type FigureRow, figureSources, monthFigures } from "../../domain/summary.js";
import { type IndicatorTrend, indicatorTrends } from "../../domain/trends.js";
import { ParseCache } from "../../io/cache.js";
import { positionAll } from "../../io/positions.js";
import { loadWorkspace } from "../../io/workspace.js";

export interface ProgramSlide {
  kind: "program";
  program: string;
  nama: string;
  /** The program's indicators as `report` gives them up to this month, with their trend panel. */
  indicators: Array<{ trend: IndicatorTrend; panel: TrendPanel; villagesBehind: FigureRow[] }>;
}

export interface ProblemSlide {
  kind: "analisis";
  problem: Meeting["masalah"][number];
  rank: number | null;
  fishbone: Fishbone | null;
  solutions: SolutionRanking | undefined;
}

export type Slide =
  | { kind: "judul" }
  | { kind: "evaluasi" }
  | ProgramSlide
  | { kind: "masalah"; ranking: RankResult }
  | ProblemSlide
  | { kind: "rtl" }
  | { kind: "kesepakatan" };

export interface MeetingView {
  month: string;
  config: Workspace;
  meeting: Meeting;
  slides: Slide[];
  /** A person's name by id (staff or the cross-sector roster), else the id. */
  person: (id: string | undefined) => string;
}

export type MeetingData = { view: MeetingView } | { problems: Diagnostic[] };

export function loadMeeting(root: string, env: NodeJS.ProcessEnv, month: string): MeetingData {
  const year = month.slice(0, 4);
  const cache = new ParseCache(root, env);
  // The year before too: under periode_data: bulan-lalu January's figures are December's.
  const previous = String(Number(year) - 1);
  const workspace = loadWorkspace(root, {
    scope: (id) => (id.startsWith(`${year}-`) || id.startsWith(`${previous}-`) ? "full" : "kesepakatan"),
    cache,
  });
  cache.save();
  const file = `${month}/rapat.yaml`;
  const errors = workspace.findings.filter(
    (f) => f.severity === "error" && (f.file === "lokmin.yaml" || f.file.startsWith(`${month}/`)),
  );
  const config = workspace.config?.data;
  const loaded = workspace.months.find((m) => m.id === month);
  const meeting = loaded?.meeting?.data;
  if (!config || !meeting || errors.length) return { problems: positionAll(errors, (f) => workspace.sources.get(f)) };

  const slides: Slide[] = [{ kind: "judul" }];
  // Last month's kesepakatan are evaluated first (SOP: the report of last month's work), each status set live.
  if (meeting.evaluasi_kesepakatan.length) slides.push({ kind: "evaluasi" });
  const trends = indicatorTrends(
    config,
    workspace.months.map((m) => ({ id: m.id, programs: m.programs.map((p) => p.data) })),
    month,
  );
  const months = trendMonths(trends);
  const programs = loaded.programs.map((p) => p.data);
  const villages = monthFigures(figureSources(config, month, programs), month).filter(
    (f) => f.village !== null && f.behind,
  );
  for (const program of config.program) {
    const mine = trends.filter((t) => t.program === program.id);
    if (!mine.length) continue;
    slides.push({
      kind: "program",
      program: program.id,
      nama: program.nama,
      indicators: mine.map((trend) => ({
        trend,
        panel: trendPanel(trend, months),
        villagesBehind: villages.filter((v) => v.program === program.id && v.indicator === trend.indikator),
      })),
    });
  }
  const ranking = rankProblems(config, meeting, file);
  if (meeting.masalah.length) slides.push({ kind: "masalah", ranking });
  const rankOf = new Map(ranking.items.map((i) => [i.id, i.rank]));
  const solutions = rankSolutions(config, meeting, file);
  const categories = causeCategories(config);
  meeting.masalah
    .map((problem, index) => ({ problem, index, rank: rankOf.get(problem.id) ?? null }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.index - b.index)
    .forEach(({ problem, rank }) =>
      slides.push({
        kind: "analisis",
        problem,
        rank,
        fishbone: problem.akar_masalah.length ? fishboneOf(problem, categories) : null,
        solutions: solutions.find((s) => s.problem === problem.id),
      }),
    );
  // The RTL and the kesepakatan are typed in the meeting: their slides are there even while empty.
  slides.push({ kind: "rtl" });
  slides.push({ kind: "kesepakatan" });
  const person = (id: string | undefined) => (id ? (participant(config, id)?.nama ?? id) : "–");
  return { view: { month, config, meeting, slides, person } };
}
