// The rank operation: the ranked problems (and solutions) of a month, problem candidates from
// coverage, scores entered by a person (the CLI asks them at prompts, the app in a form: the
// operation receives the answers), and the write-back of totals and ranks (only those values
// change in the file; a second run writes nothing).
import { analysisMethods } from "../domain/analysis.js";
import type { YamlEdit } from "../domain/edits.js";
import type { Finding } from "../domain/findings.js";
import { methodDef, type Method, type TieRule } from "../domain/rank/methods.js";
import {
  type Candidate,
  candidateProblems,
  chosenEdit,
  problemCandidates,
  problemMethod,
  rankEdits,
  rankProblems,
  rankSolutions,
} from "../domain/rank/month.js";
import type { RankResult as Ranking } from "../domain/rank/rank.js";
import { type Meeting, meetingSchema, type Scores } from "../domain/schema.js";
import { round } from "../domain/targets.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { commitPlan, planEdits } from "../io/edit-plan.js";
import type { YamlSource } from "../io/yaml-source.js";
import { type OpContext, whileLocked } from "./context.js";
import { findingsJson } from "./findings.js";
import { failOnInputErrors, inMonth, openMonth, requireMonth } from "./workspace.js";

const M = {
  none: msg(
    "Belum ada masalah di {file}; lihat kandidat dengan --candidates",
    "No problems in {file} yet; see candidates with --candidates",
  ),
  invalidScores: msg("skor tidak sah; perbaiki lalu ulangi", "invalid scores; fix them and try again"),
  invalidResult: msg(
    "skor yang dimasukkan membuat {file} tidak sah; tidak ada yang ditulis",
    "the scores entered would make {file} invalid; nothing was written",
  ),
  moved: msg(
    "masalah '{problem}' tidak ada lagi di {file}; skornya tidak ditulis — ulangi penilaiannya",
    "problem '{problem}' is no longer in {file}; its scores were not written — score it again",
  ),
};

/** One score a person gave: a problem (its id and place in the list), a criterion (and factor), a value. */
export interface ScoreAnswer {
  problem: string;
  index: number;
  criterion: string;
  factor?: string;
  value: number;
}

/** One score to ask for, with its scale and the value the file holds now. */
export interface ScoreQuestion {
  problem: string;
  index: number;
  title: string;
  criterion: string;
  criterionName: string;
  factor?: string;
  min: number;
  max: number;
  current?: number;
}

export interface RankOptions {
  /** YYYY-MM; the latest month when not given. */
  month?: string;
  /** The method for problems (default: the meeting's, else lokmin.yaml's). */
  method?: Method;
  /** The method for solutions. */
  solutionMethod?: Method;
  tieRule?: TieRule;
  /** Rank each problem's solution alternatives too. */
  solutions?: boolean;
  /** Problem candidates from coverage below target. */
  candidates?: boolean;
  /** Add the candidates to the problem list. */
  addCandidates?: boolean;
  /** Write totals, ranks and the chosen solution into rapat.yaml. */
  write?: boolean;
  /** Scores a person entered (saved into rapat.yaml). */
  scores?: readonly ScoreAnswer[];
  /** Write to a read-only rapat.yaml too. */
  force?: boolean;
}

/** A ranking as JSON: the method, its formula, the tie rule, and each item. */
export function rankingJson(result: Ranking) {
  return {
    method: result.method,
    formula: result.formula,
    tie_rule: result.tie_rule,
    problems: result.items.map((item) => ({
      id: item.id,
      title: item.title,
      scores: item.scores,
      raters: item.raters,
      spread: item.spread,
      total: item.total,
      rank: item.rank,
    })),
  };
}

export type RankingJson = ReturnType<typeof rankingJson>;

const candidatesJson = (candidates: readonly Candidate[]) =>
  candidates.map((c) => ({ ...c, capaian: round(c.capaian, 2), gap: round(c.gap, 2) }));

/** What `--json` prints: the candidates alone, or the ranking (with what was written). */
export type RankResult =
  | { month: string; candidates: ReturnType<typeof candidatesJson> }
  | (RankingJson & {
      month: string;
      solutions?: Array<RankingJson & { problem: string }>;
      written?: number;
      added?: number;
      findings: ReturnType<typeof findingsJson>;
    });

/** The ranking with what the terminal shows besides the JSON. */
export interface RankRun {
  result: RankResult;
  /** rapat.yaml, workspace-relative. */
  file: string;
  root: string;
  candidates?: Candidate[];
  tieNote: string;
  /** The month has no problems (once the candidates added are in). */
  noProblems: boolean;
  added: number;
  scored: number;
  /** Totals, ranks and chosen solutions written. */
  ranked: number;
  written: boolean;
  /** Totals or ranks in the file that differ from the computed ones (with the files' text, for excerpts). */
  disagreements: Finding[];
  sources: Map<string, YamlSource>;
}

const writes = (o: RankOptions) => Boolean(o.write || o.addCandidates || o.scores);

export async function rank(ctx: OpContext, options: RankOptions = {}): Promise<RankResult> {
  return (await runRank(ctx, options)).result;
}

export async function runRank(ctx: OpContext, options: RankOptions = {}): Promise<RankRun> {
  if (options.month !== undefined) requireMonth(options.month);
  return writes(options) ? whileLocked(ctx, "rank", (root) => ranked(ctx, options, root)) : ranked(ctx, options);
}

function openMeeting(ctx: OpContext, monthArg: string | undefined, root?: string) {
  const { workspace, month, loaded } = openMonth(ctx, monthArg, "month", root);
  failOnInputErrors(workspace, inMonth(month));
  const meeting = loaded.meeting;
  const source = meeting && workspace.sources.get(meeting.file);
  if (!meeting || !source) throw new UserError(t(M.none, { file: `${month}/rapat.yaml` }));
  return { workspace, month, loaded, meeting, source };
}

/** The scores to ask for, every criterion (and factor) of every problem in the month's method. */
export async function scoreQuestions(ctx: OpContext, options: Pick<RankOptions, "month" | "method" | "candidates">) {
  const { workspace, month, loaded, meeting } = openMeeting(ctx, options.month);
  const config = workspace.config.data;
  const method = methodDef(problemMethod(config, meeting.data, options.method), config.penilaian);
  const questions: ScoreQuestion[] = [];
  for (const [index, problem] of meeting.data.masalah.entries()) {
    for (const criterion of method.criteria) {
      for (const factor of criterion.factors ?? [undefined]) {
        questions.push({
          problem: problem.id,
          index,
          title: problem.judul,
          criterion: criterion.id,
          criterionName: criterion.nama,
          ...(factor === undefined ? {} : { factor }),
          min: criterion.scale.min,
          max: criterion.scale.max,
          current: scoreAt(problem.skor, criterion.id, factor),
        });
      }
    }
  }
  const candidates = options.candidates
    ? problemCandidates(
        config,
        loaded.programs.map((p) => p.data),
        meeting.data,
      )
    : undefined;
  return { month, file: meeting.file, questions, candidates };
}

async function ranked(ctx: OpContext, options: RankOptions, root?: string): Promise<RankRun> {
  const { workspace, month, loaded, meeting, source } = openMeeting(ctx, options.month, root);
  const config = workspace.config.data;
  const file = meeting.file;
  const edits: YamlEdit[] = [];
  let added = 0;
  let candidates: Candidate[] | undefined;
  if (options.candidates || options.addCandidates) {
    candidates = problemCandidates(
      config,
      loaded.programs.map((p) => p.data),
      meeting.data,
    );
    if (options.addCandidates) {
      const problems = candidateProblems(candidates, meeting.data, analysisMethods(config, meeting.data));
      added = problems.length;
      if (problems.length) edits.push({ op: "append", path: ["masalah"], items: problems });
    }
    // Candidates alone are a list to look at; with scores to save they are shown beside the ranking.
    if (options.candidates && !options.write && !options.addCandidates && !options.scores) {
      return {
        result: { month, candidates: candidatesJson(candidates) },
        file,
        root: workspace.root,
        candidates,
        tieNote: "",
        noProblems: meeting.data.masalah.length === 0,
        added: 0,
        scored: 0,
        ranked: 0,
        written: false,
        disagreements: [],
        sources: workspace.sources,
      };
    }
  }

  const scoreEdits = (options.scores ?? []).flatMap((answer) => scoreEdit(meeting.data, file, answer));
  edits.push(...scoreEdits);
  const scored = scoreEdits.length;

  // Recompute from what the file will hold once the candidates and the scores are in.
  const first = planEdits(workspace.root, { edit: [{ source, edits, schema: meetingSchema }] });
  if (first.findings.length)
    throw new UserError(t(M.invalidResult, { file }), first.findings, workspace.root, first.sources);
  const step = first.files[0];
  const pending = step.changed ? (first.sources.get(file) as YamlSource) : undefined;
  const current = pending ? (step.data as Meeting) : meeting.data;
  const problems = rankProblems(config, current, file, { method: options.method, tieRule: options.tieRule });
  const solutions = options.solutions
    ? rankSolutions(config, current, file, { method: options.solutionMethod, tieRule: options.tieRule })
    : [];
  const all = [...problems.findings, ...solutions.flatMap((s) => s.findings)];
  const disagree = (rule: string) => rule === "rank/total-berbeda" || rule === "rank/peringkat-berbeda";
  const scoreErrors = all.filter((d) => !disagree(d.rule) && d.severity === "error");
  const disagreements = all.filter((d) => disagree(d.rule));
  const sources = new Map(workspace.sources);
  if (pending) sources.set(file, pending);
  // Scores being entered may be incomplete; only writing the ranking needs them all valid.
  if (scoreErrors.length && (options.write || !options.scores)) {
    throw new UserError(t(M.invalidScores), scoreErrors, workspace.root, sources);
  }
  const rankChanges: YamlEdit[] = [];
  if (options.write) {
    rankChanges.push(...rankEdits(problems, (i) => ["masalah", i]));
    for (const s of solutions) {
      rankChanges.push(...rankEdits(s, (i) => ["masalah", s.problemIndex, "solusi", i]));
      const chosen = chosenEdit(current, s);
      if (chosen) rankChanges.push(chosen);
    }
  }
  // The candidates, the scores and the ranking written together, or nothing.
  const plan = planEdits(workspace.root, {
    edit: [{ source: pending ?? source, edits: rankChanges, schema: meetingSchema, onDisk: step.before }],
  });
  const written = commitPlan(plan, { force: Boolean(options.force) }).length > 0;
  const changed = written ? edits.length + rankChanges.length : 0;
  const result: RankResult = {
    month,
    ...rankingJson(problems),
    ...(options.solutions ? { solutions: solutions.map((s) => ({ problem: s.problem, ...rankingJson(s) })) } : {}),
    ...(writes(options) ? { written: changed, added } : {}),
    findings: options.write ? [] : findingsJson(workspace.root, disagreements, sources),
  };
  return {
    result,
    file,
    root: workspace.root,
    candidates,
    tieNote: problems.tie_note,
    noProblems: current.masalah.length === 0,
    added,
    scored,
    ranked: written ? rankChanges.length : 0,
    written,
    disagreements,
    sources,
  };
}

/** The edit of one score, where it differs from the file's; the problem found by its place, else by its id. */
function scoreEdit(meeting: Meeting, file: string, answer: ScoreAnswer): YamlEdit[] {
  const index =
    meeting.masalah[answer.index]?.id === answer.problem
      ? answer.index
      : meeting.masalah.findIndex((p) => p.id === answer.problem);
  if (index < 0) throw new UserError(t(M.moved, { problem: answer.problem, file }));
  if (scoreAt(meeting.masalah[index].skor, answer.criterion, answer.factor) === answer.value) return [];
  const key = answer.factor === undefined ? [answer.criterion] : [answer.criterion, answer.factor];
  return [{ op: "set", path: ["masalah", index, "skor", ...key], value: answer.value }];
}

function scoreAt(scores: Scores | undefined, criterion: string, factor?: string): number | undefined {
  const value = scores?.[criterion];
  if (factor !== undefined) return typeof value === "object" ? value[factor] : undefined;
  return typeof value === "number" ? value : undefined;
}
