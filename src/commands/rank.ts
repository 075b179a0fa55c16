// `lokmin rank 2024-05`: the ranked problem (or solution) table for the projector, problem
// candidates from coverage, scoring at prompts on a terminal, and --write of totals and ranks
// (only those values change in the file; a second run writes nothing).
import { confirm } from "../cli/prompts.js";
import type { Context } from "../cli/context.js";
import { analysisMethods } from "../domain/analysis.js";
import {
  failOnInputErrors,
  findingsJson,
  inMonth,
  monthArgument,
  openWorkspace,
  printFindings,
  requireLoadedMonth,
  whileLocked,
  requireMonth,
} from "../cli/shared.js";
import type { Ui } from "../cli/ui.js";
import type { YamlEdit } from "../domain/edits.js";
import { number } from "../domain/format-id.js";
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
import type { RankResult } from "../domain/rank/rank.js";
import { type Meeting, meetingSchema, type Scores, type Workspace } from "../domain/schema.js";
import { round } from "../domain/targets.js";
import { EXIT, Interrupted, UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { commitPlan, planEdits } from "../io/edit-plan.js";
import type { YamlSource } from "../io/yaml-source.js";

interface RankOptions {
  metode?: Method;
  metodeSolusi?: Method;
  seri?: TieRule;
  solusi?: boolean;
  candidates?: boolean;
  addCandidates?: boolean;
  write?: boolean;
  interactive?: boolean;
  force?: boolean;
}

const M = {
  title: msg("Prioritas masalah {month} — {method}: {formula}", "Problem priorities {month} — {method}: {formula}"),
  solutionTitle: msg(
    "Alternatif solusi untuk {problem} — {method}: {formula}",
    "Solution alternatives for {problem} — {method}: {formula}",
  ),
  tie: msg("Aturan nilai sama: {rule} — {note}", "Tie rule: {rule} — {note}"),
  none: msg(
    "Belum ada masalah di {file}; lihat kandidat dengan --candidates",
    "No problems in {file} yet; see candidates with --candidates",
  ),
  wrote: msg(
    "{count} nilai (total, peringkat, solusi terpilih) ditulis ke {file}",
    "{count} values (totals, ranks, chosen solution) written to {file}",
  ),
  unchanged: msg("{file} sudah mutakhir; tidak ada yang diubah", "{file} is up to date; nothing changed"),
  candidatesTitle: msg(
    "Kandidat masalah {month}: capaian kumulatif di bawah target",
    "Problem candidates {month}: cumulative coverage below target",
  ),
  noCandidates: msg("Semua indikator mencapai target kumulatif.", "Every indicator meets its cumulative target."),
  added: msg("{count} masalah ditambahkan ke {file}", "{count} problems added to {file}"),
  scored: msg("{count} skor disimpan ke {file}", "{count} scores saved to {file}"),
  needTty: msg(
    "--interactive butuh terminal; isi skor di berkas atau jalankan tanpa --interactive",
    "--interactive needs a terminal; fill the scores in the file or run without --interactive",
  ),
  invalidScores: msg("skor tidak sah; perbaiki lalu ulangi", "invalid scores; fix them and try again"),
  invalidResult: msg(
    "skor yang dimasukkan membuat {file} tidak sah; tidak ada yang ditulis",
    "the scores entered would make {file} invalid; nothing was written",
  ),
  spread: msg("selisih penilai", "rater spread"),
  scoreRange: msg("tulis angka {min}–{max}, mis. 4 atau 4,5", "write a number {min}–{max}, e.g. 4 or 4.5"),
  keepScores: msg("Simpan {count} skor yang sudah diisi?", "Save the {count} scores entered so far?"),
  problem: msg("masalah", "problem"),
};

export async function run(ctx: Context, monthArg: string | undefined, options: RankOptions): Promise<number> {
  const writes = Boolean(options.write || options.addCandidates || options.interactive);
  if (options.interactive && !ctx.ui.isInteractive) throw new UserError(t(M.needTty));
  return writes ? whileLocked(ctx, "rank", () => rank(ctx, monthArg, options)) : rank(ctx, monthArg, options);
}

async function rank(ctx: Context, monthArg: string | undefined, options: RankOptions): Promise<number> {
  if (monthArg !== undefined) requireMonth(monthArg);
  const workspace = openWorkspace(ctx, (id) => (monthArg === undefined || id === monthArg ? "full" : "skip"));
  const month = monthArgument(monthArg, workspace);
  const loaded = requireLoadedMonth(workspace, month);
  failOnInputErrors(workspace, inMonth(month));
  const meeting = loaded.meeting;
  const source = meeting && workspace.sources.get(meeting.file);
  if (!meeting || !source) throw new UserError(t(M.none, { file: `${month}/rapat.yaml` }));
  const config = workspace.config.data;
  const file = meeting.file;
  const edits: YamlEdit[] = [];
  let added = 0;

  if (options.candidates || options.addCandidates) {
    const candidates = problemCandidates(
      config,
      loaded.programs.map((p) => p.data),
      meeting.data,
    );
    if (options.addCandidates) {
      const problems = candidateProblems(candidates, meeting.data, analysisMethods(config, meeting.data));
      added = problems.length;
      if (problems.length) edits.push({ op: "append", path: ["masalah"], items: problems });
    }
    if (options.candidates && !options.write && !options.addCandidates) {
      if (ctx.ui.json)
        ctx.ui.printJson({
          month,
          candidates: candidates.map((c) => ({ ...c, capaian: round(c.capaian, 2), gap: round(c.gap, 2) })),
        });
      else printCandidates(ctx.ui, month, candidates);
      return EXIT.ok;
    }
    if (options.candidates && !ctx.ui.json) printCandidates(ctx.ui, month, candidates);
  }

  let scored = 0;
  if (options.interactive) {
    const result = await scoreInteractively(ctx, config, meeting.data, options.metode);
    edits.push(...result.edits);
    scored = result.edits.length;
  }

  // Recompute from what the file will hold once the candidates and prompts are in.
  const first = planEdits(workspace.root, { edit: [{ source, edits, schema: meetingSchema }] });
  if (first.findings.length)
    throw new UserError(t(M.invalidResult, { file }), first.findings, workspace.root, first.sources);
  const step = first.files[0];
  const pending = step.changed ? (first.sources.get(file) as YamlSource) : undefined;
  const current = pending ? (step.data as Meeting) : meeting.data;
  const problems = rankProblems(config, current, file, { method: options.metode, tieRule: options.seri });
  const solutions = options.solusi
    ? rankSolutions(config, current, file, { method: options.metodeSolusi, tieRule: options.seri })
    : [];
  const all = [...problems.findings, ...solutions.flatMap((s) => s.findings)];
  const disagree = (rule: string) => rule === "rank/total-berbeda" || rule === "rank/peringkat-berbeda";
  const scoreErrors = all.filter((d) => !disagree(d.rule) && d.severity === "error");
  const disagreements = all.filter((d) => disagree(d.rule));
  const sources = new Map(workspace.sources);
  if (pending) sources.set(file, pending);
  if (scoreErrors.length && (options.write || !options.interactive)) {
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
  const plan = planEdits(workspace.root, {
    edit: [{ source: pending ?? source, edits: rankChanges, schema: meetingSchema, onDisk: step.before }],
  });
  const written = commitPlan(plan, { force: Boolean(options.force) }).length > 0;
  const changed = written ? edits.length + rankChanges.length : 0;

  if (ctx.ui.json) {
    ctx.ui.printJson({
      month,
      ...toJson(problems),
      ...(options.solusi ? { solutions: solutions.map((s) => ({ problem: s.problem, ...toJson(s) })) } : {}),
      ...(writesAnything(options) ? { written: changed, added } : {}),
      findings: options.write ? [] : findingsJson(workspace.root, disagreements, sources),
    });
    return EXIT.ok;
  }
  if (!options.write) printFindings(ctx, workspace.root, disagreements, "err", sources);
  if (current.masalah.length === 0) ctx.ui.out(t(M.none, { file }));
  else
    printTable(
      ctx.ui,
      t(M.title, { month, method: problems.method.toUpperCase(), formula: problems.formula }),
      problems,
    );
  for (const s of solutions) {
    printTable(
      ctx.ui,
      t(M.solutionTitle, { problem: s.problem, method: s.method.toUpperCase(), formula: s.formula }),
      s,
    );
  }
  ctx.ui.out(ctx.ui.color.dim(t(M.tie, { rule: problems.tie_rule, note: problems.tie_note })));
  if (added) ctx.ui.out(t(M.added, { count: added, file }));
  if (scored) ctx.ui.out(t(M.scored, { count: scored, file }));
  if (options.write) {
    const ranks = written ? rankChanges.length : 0;
    ctx.ui.out(ranks > 0 ? t(M.wrote, { count: ranks, file }) : t(M.unchanged, { file }));
  } else if (writesAnything(options) && !written) ctx.ui.out(t(M.unchanged, { file }));
  return EXIT.ok;
}

const writesAnything = (o: RankOptions) => Boolean(o.write || o.addCandidates || o.interactive);

/** A meeting read from edited text, with the defaults the schema would give its problems. */
export function toJson(result: RankResult) {
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

/** A criterion's mean score; nested factors (Hanlon's PEARL) as "p1 e1 a0 r1 l1". */
function formatScore(value: number | Record<string, number> | undefined): string {
  if (value === undefined) return "–";
  if (typeof value === "number") return number(value, 2);
  return Object.entries(value)
    .map(([factor, v]) => `${factor}${number(v, 2)}`)
    .join(" ");
}

function printTable(ui: Ui, title: string, result: RankResult): void {
  const criteria = [...new Set(result.items.flatMap((i) => Object.keys(i.scores)))];
  const header = ["#", "id", ...criteria.map((c) => c.toUpperCase()), "total", t(M.problem)];
  const rows = [...result.items]
    .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9))
    .map((item) => {
      const spreads = Object.entries(item.spread).filter(([, v]) => v > 0);
      const spread = spreads.length
        ? ` (${t(M.spread)} ${spreads.map(([k, v]) => `${k}±${number(v)}`).join(" ")})`
        : "";
      return [
        item.rank === null ? "–" : String(item.rank),
        item.id,
        ...criteria.map((c) => formatScore(item.scores[c])),
        item.total === null ? "–" : number(item.total),
        item.title + spread,
      ];
    });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join("  ");
  ui.out(ui.color.bold(title));
  ui.out(ui.color.dim(line(header)));
  for (const row of rows) ui.out(row[0] === "1" ? ui.color.bold(line(row)) : line(row));
  ui.out();
}

function printCandidates(ui: Ui, month: string, candidates: Candidate[]): void {
  ui.out(ui.color.bold(t(M.candidatesTitle, { month })));
  if (candidates.length === 0) return ui.out(t(M.noCandidates));
  for (const c of candidates) {
    const figures = `${number(c.capaian, 1)}% / ${number(c.target, 1)}%`;
    ui.out(
      `  ${c.listed ? "✓" : "•"} ${`${c.program}/${c.indikator}`.padEnd(24)} ${figures.padEnd(18)} ` +
        `−${number(c.gap, 1)}  ${c.nama}`,
    );
  }
}

/**
 * Ask every score of every problem on the terminal. Ctrl-C keeps what was entered when the person
 * says so (asked once); the totals are shown when done.
 */
async function scoreInteractively(ctx: Context, config: Workspace, meeting: Meeting, override?: Method) {
  const { input } = await import("@inquirer/prompts");
  const method = methodDef(problemMethod(config, meeting, override), config.penilaian);
  const edits: YamlEdit[] = [];
  const io = { input: ctx.streams.stdin, output: ctx.streams.stdout };
  try {
    for (const [index, problem] of meeting.masalah.entries()) {
      for (const criterion of method.criteria) {
        const keys = criterion.factors ? criterion.factors.map((f) => [criterion.id, f]) : [[criterion.id]];
        for (const key of keys) {
          const existing = scoreAt(problem.skor, key);
          const { min, max } = criterion.scale;
          const label = `${problem.id} ${problem.judul} — ${criterion.nama}${key[1] ? ` ${key[1].toUpperCase()}` : ""}`;
          const answer = await input(
            {
              message: `${label} (${number(min)}–${number(max)})`,
              default: existing === undefined ? undefined : number(existing),
              validate: (text) => {
                const value = parseScore(text);
                return value !== undefined && value >= min && value <= max ? true : t(M.scoreRange, { min, max });
              },
            },
            io,
          );
          const value = parseScore(answer);
          if (value === undefined || value === existing) continue;
          edits.push({ op: "set", path: ["masalah", index, "skor", ...key], value });
        }
      }
    }
  } catch (error) {
    if ((error as Error)?.name !== "ExitPromptError" || edits.length === 0) throw error;
    const keep = await confirm(io, t(M.keepScores, { count: edits.length }), true).catch(() => false);
    if (!keep) throw new Interrupted();
  }
  return { edits };
}

/** A score typed at the prompt: "4", "4.5" or the Indonesian "4,5". */
function parseScore(text: string): number | undefined {
  const trimmed = text.trim().replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

function scoreAt(scores: Scores | undefined, key: string[]): number | undefined {
  const value = scores?.[key[0]];
  if (key.length === 2) return typeof value === "object" ? value[key[1]] : undefined;
  return typeof value === "number" ? value : undefined;
}
