// `lokmin rank 2024-05`: the ranked problem (or solution) table for the projector, problem
// candidates from coverage, scoring at prompts on a terminal, and --write of totals and ranks,
// through the rank operation (src/ops/rank.ts). The prompts are asked here; the operation
// receives the answers.
import type { Context } from "../cli/context.js";
import { confirm } from "../cli/prompts.js";
import { printFindings } from "../cli/shared.js";
import type { Ui } from "../cli/ui.js";
import { number } from "../domain/format-id.js";
import type { Method, TieRule } from "../domain/rank/methods.js";
import type { Candidate } from "../domain/rank/month.js";
import { EXIT, Interrupted, UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { type RankingJson, runRank, type ScoreAnswer, scoreQuestions } from "../ops/rank.js";

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
  spread: msg("selisih penilai", "rater spread"),
  scoreRange: msg("tulis angka {min}–{max}, mis. 4 atau 4,5", "write a number {min}–{max}, e.g. 4 or 4.5"),
  keepScores: msg("Simpan {count} skor yang sudah diisi?", "Save the {count} scores entered so far?"),
  problem: msg("masalah", "problem"),
};

export async function run(ctx: Context, monthArg: string | undefined, options: RankOptions): Promise<number> {
  if (options.interactive && !ctx.ui.isInteractive) throw new UserError(t(M.needTty));
  const listOnly = options.candidates && !options.write && !options.addCandidates;
  let scores: ScoreAnswer[] | undefined;
  let shownCandidates = false;
  if (options.interactive && !listOnly) {
    const asked = await scoreQuestions(ctx, {
      month: monthArg,
      method: options.metode,
      candidates: options.candidates,
    });
    if (asked.candidates && !ctx.ui.json) {
      printCandidates(ctx.ui, asked.month, asked.candidates);
      shownCandidates = true;
    }
    scores = await askScores(ctx, asked.questions);
  }
  const run = await runRank(ctx, {
    month: monthArg,
    method: options.metode,
    solutionMethod: options.metodeSolusi,
    tieRule: options.seri,
    solutions: options.solusi,
    candidates: options.candidates,
    addCandidates: options.addCandidates,
    write: options.write,
    scores,
    force: options.force,
  });
  const { result, file } = run;
  if (ctx.ui.json) {
    ctx.ui.printJson(result);
    return EXIT.ok;
  }
  if (!("method" in result)) {
    printCandidates(ctx.ui, result.month, run.candidates ?? []);
    return EXIT.ok;
  }
  if (options.candidates && run.candidates && !shownCandidates) printCandidates(ctx.ui, result.month, run.candidates);
  if (!options.write) printFindings(ctx, run.root, run.disagreements, "err", run.sources);
  if (run.noProblems) ctx.ui.out(t(M.none, { file }));
  else
    printTable(
      ctx.ui,
      t(M.title, { month: result.month, method: result.method.toUpperCase(), formula: result.formula }),
      result,
    );
  for (const s of result.solutions ?? []) {
    printTable(
      ctx.ui,
      t(M.solutionTitle, { problem: s.problem, method: s.method.toUpperCase(), formula: s.formula }),
      s,
    );
  }
  ctx.ui.out(ctx.ui.color.dim(t(M.tie, { rule: result.tie_rule, note: run.tieNote })));
  if (run.added) ctx.ui.out(t(M.added, { count: run.added, file }));
  if (run.scored) ctx.ui.out(t(M.scored, { count: run.scored, file }));
  if (options.write) ctx.ui.out(run.ranked > 0 ? t(M.wrote, { count: run.ranked, file }) : t(M.unchanged, { file }));
  else if ((options.addCandidates || scores) && !run.written) ctx.ui.out(t(M.unchanged, { file }));
  return EXIT.ok;
}

/** A criterion's mean score; nested factors (Hanlon's PEARL) as "p1 e1 a0 r1 l1". */
function formatScore(value: number | Record<string, number> | undefined): string {
  if (value === undefined) return "–";
  if (typeof value === "number") return number(value, 2);
  return Object.entries(value)
    .map(([factor, v]) => `${factor}${number(v, 2)}`)
    .join(" ");
}

function printTable(ui: Ui, title: string, result: Pick<RankingJson, "problems">): void {
  const criteria = [...new Set(result.problems.flatMap((i) => Object.keys(i.scores)))];
  const header = ["#", "id", ...criteria.map((c) => c.toUpperCase()), "total", t(M.problem)];
  const rows = [...result.problems]
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

function printCandidates(ui: Ui, month: string, candidates: readonly Candidate[]): void {
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
async function askScores(
  ctx: Context,
  questions: Awaited<ReturnType<typeof scoreQuestions>>["questions"],
): Promise<ScoreAnswer[]> {
  const { input } = await import("@inquirer/prompts");
  const answers: ScoreAnswer[] = [];
  const io = { input: ctx.streams.stdin, output: ctx.streams.stdout };
  try {
    for (const q of questions) {
      const label = `${q.problem} ${q.title} — ${q.criterionName}${q.factor ? ` ${q.factor.toUpperCase()}` : ""}`;
      const answer = await input(
        {
          message: `${label} (${number(q.min)}–${number(q.max)})`,
          default: q.current === undefined ? undefined : number(q.current),
          validate: (text) => {
            const value = parseScore(text);
            return value !== undefined && value >= q.min && value <= q.max
              ? true
              : t(M.scoreRange, { min: q.min, max: q.max });
          },
        },
        io,
      );
      const value = parseScore(answer);
      if (value === undefined || value === q.current) continue;
      const factor = q.factor === undefined ? {} : { factor: q.factor };
      answers.push({ problem: q.problem, index: q.index, criterion: q.criterion, ...factor, value });
    }
  } catch (error) {
    if ((error as Error)?.name !== "ExitPromptError" || answers.length === 0) throw error;
    const keep = await confirm(io, t(M.keepScores, { count: answers.length }), true).catch(() => false);
    if (!keep) throw new Interrupted();
  }
  return answers;
}

/** A score typed at the prompt: "4", "4.5" or the Indonesian "4,5". */
function parseScore(text: string): number | undefined {
  const trimmed = text.trim().replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed);
}
