// `lokmin rank 2024-05`: the ranked problem (or solution) table for the projector, problem
// candidates from coverage, interactive scoring on a TTY, and --write of totals and ranks
// through the YAML Document API (comments, key order and line endings kept; idempotent).
import path from "node:path";
import type { Context } from "../cli/main.js";
import { EXIT, UserError } from "../domain/findings.js";
import { number } from "../domain/format-id.js";
import { msg, t } from "../i18n/index.js";
import { methodDef } from "../domain/rank/methods.js";
import {
  type Candidate,
  candidateProblems,
  markChosen,
  problemCandidates,
  problemMethod,
  rankProblems,
  rankSolutions,
  writeRanks,
} from "../domain/rank/month.js";
import type { RankResult } from "../domain/rank/rank.js";
import type { Method, TieRule } from "../domain/schema.js";
import type { Ui } from "../cli/ui.js";
import { serializeYaml, writeFileAtomic } from "../io/write.js";
import { appendToSeq, setScalar } from "../io/yaml-edit.js";
import {
  failOnInputErrors,
  inMonth,
  openWorkspace,
  printDiagnostics,
  requireLoadedMonth,
  requireMonth,
} from "../cli/shared.js";

interface RankOptions {
  metode?: Method;
  seri?: TieRule;
  solusi?: boolean;
  candidates?: boolean;
  addCandidates?: boolean;
  write?: boolean;
  interactive?: boolean;
}

const M = {
  title: msg("Prioritas masalah {month} — {method}: {formula}", "Problem priorities {month} — {method}: {formula}"),
  solutionTitle: msg(
    "Alternatif solusi untuk {problem} — {method}: {formula}",
    "Solution alternatives for {problem} — {method}: {formula}",
  ),
  tie: msg("Aturan nilai sama: {rule} ({note})", "Tie rule: {rule} ({note})"),
  none: msg(
    "Belum ada masalah di {file}; lihat kandidat dengan --candidates",
    "No problems in {file} yet; see candidates with --candidates",
  ),
  wrote: msg("{count} nilai ditulis ke {file}", "{count} values written to {file}"),
  unchanged: msg("{file} sudah mutakhir; tidak ada yang diubah", "{file} is up to date; nothing changed"),
  candidatesTitle: msg(
    "Kandidat masalah {month}: capaian kumulatif di bawah target",
    "Problem candidates {month}: cumulative coverage below target",
  ),
  noCandidates: msg("Semua indikator mencapai target kumulatif.", "Every indicator meets its cumulative target."),
  added: msg("{count} kandidat ditambahkan ke masalah di {file}", "{count} candidates added to the problems in {file}"),
  needTty: msg(
    "--interactive butuh terminal; isi skor di berkas atau jalankan tanpa --interactive",
    "--interactive needs a terminal; fill the scores in the file or run without --interactive",
  ),
  spread: msg("selisih penilai", "rater spread"),
};

export async function run(ctx: Context, monthArg: string, options: RankOptions): Promise<number> {
  const month = requireMonth(monthArg);
  const workspace = openWorkspace(ctx, (id) => (id === month ? "full" : "skip"));
  const loaded = requireLoadedMonth(workspace, month);
  failOnInputErrors(workspace, inMonth(month));
  const meeting = loaded.meeting!;
  const config = workspace.config.data;
  const file = meeting.source.rel;
  let changed = 0;

  if (options.candidates || options.addCandidates) {
    const candidates = problemCandidates(
      config,
      loaded.programs.map((p) => p.data),
      meeting.data,
    );
    if (options.addCandidates) {
      const added = appendToSeq(meeting.source.doc, ["masalah"], candidateProblems(candidates, meeting.data));
      changed += added;
      if (!ctx.ui.json) ctx.ui.out(t(M.added, { count: added, file }));
    }
    if (options.candidates) {
      if (ctx.ui.json) ctx.ui.printJson({ month, candidates });
      else printCandidates(ctx.ui, month, candidates);
    }
    if (!options.write && !options.addCandidates) return EXIT.ok;
  }

  if (options.interactive) {
    if (!ctx.ui.isInteractive) throw new UserError(t(M.needTty));
    changed += await scoreInteractively(meeting.source.doc, config, meeting.data, options.metode);
  }

  // Recompute from what the document now holds (candidates or prompts may have changed it).
  const data = changed ? (meeting.source.doc.toJS() as typeof meeting.data) : meeting.data;
  const current = {
    ...meeting.data,
    masalah: (data.masalah ?? []).map((p: any) => ({ akar_masalah: [], solusi: [], ...p })),
  };
  const rankOptions = { method: options.metode, tieRule: options.seri };
  const problems = rankProblems(config, current, file, meeting.source, rankOptions);
  const solutions = options.solusi
    ? rankSolutions(config, current, file, meeting.source, { tieRule: options.seri })
    : [];
  const scoreErrors = [...problems.diagnostics, ...solutions.flatMap((s) => s.diagnostics)].filter(
    (d) => d.rule !== "rank/total-berbeda" && d.rule !== "rank/peringkat-berbeda" && d.severity === "error",
  );
  const disagreements = [...problems.diagnostics, ...solutions.flatMap((s) => s.diagnostics)].filter(
    (d) => d.rule === "rank/total-berbeda" || d.rule === "rank/peringkat-berbeda",
  );
  if (scoreErrors.length)
    throw new UserError(
      t(msg("skor tidak sah; perbaiki lalu ulangi", "invalid scores; fix them and try again")),
      scoreErrors,
      workspace.root,
    );

  if (options.write) {
    const doc = meeting.source.doc;
    changed += writeRanks(doc, problems, (i) => ["masalah", i]);
    for (const s of solutions) {
      changed += writeRanks(doc, s, (i) => ["masalah", s.problemIndex, "solusi", i]);
      if (markChosen(doc, current, s)) changed++;
    }
  }
  if (changed > 0) {
    writeFileAtomic(path.join(workspace.root, file), serializeYaml(meeting.source.doc, meeting.source), {
      overwrite: true,
      label: file,
    });
  }

  if (ctx.ui.json) {
    ctx.ui.printJson({
      ...toJson(problems),
      ...(options.solusi ? { solutions: solutions.map((s) => ({ problem: s.problem, ...toJson(s) })) } : {}),
      written: options.write || options.addCandidates ? changed : undefined,
      findings: options.write ? [] : disagreements,
    });
    return EXIT.ok;
  }
  if (!options.write) printDiagnostics(ctx, workspace.root, disagreements);
  if (current.masalah.length === 0) ctx.ui.out(t(M.none, { file }));
  else
    printTable(
      ctx.ui,
      t(M.title, { month, method: problems.method.toUpperCase(), formula: problems.formula }),
      problems,
    );
  for (const s of solutions)
    printTable(
      ctx.ui,
      t(M.solutionTitle, { problem: s.problem, method: s.method.toUpperCase(), formula: s.formula }),
      s,
    );
  ctx.ui.out(ctx.ui.color.dim(t(M.tie, { rule: problems.tie_rule, note: problems.tie_note })));
  if (options.write || options.addCandidates)
    ctx.ui.out(changed ? t(M.wrote, { count: changed, file }) : t(M.unchanged, { file }));
  return EXIT.ok;
}

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

function fmtScore(value: number | Record<string, number> | undefined): string {
  if (value === undefined) return "–";
  if (typeof value === "number") return number(value, 2);
  return Object.values(value)
    .map((v) => number(v, 2))
    .join("");
}

function printTable(ui: Ui, title: string, result: RankResult): void {
  const criteria = [...new Set(result.items.flatMap((i) => Object.keys(i.scores)))];
  const header = ["#", "id", ...criteria.map((c) => c.toUpperCase()), "total", "judul"];
  const rows = [...result.items]
    .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9))
    .map((item) => {
      const spread = Object.values(item.spread).some((v) => v > 0)
        ? ` (${t(M.spread)} ${Object.entries(item.spread)
            .filter(([, v]) => v > 0)
            .map(([k, v]) => `${k}±${number(v)}`)
            .join(" ")})`
        : "";
      return [
        item.rank === null ? "–" : String(item.rank),
        item.id,
        ...criteria.map((c) => fmtScore(item.scores[c])),
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
    ui.out(
      `  ${c.listed ? "✓" : "•"} ${`${c.program}/${c.indikator}`.padEnd(24)} ${`${number(c.capaian, 1)}% / ${number(c.target, 1)}%`.padEnd(18)} −${number(c.gap, 1)}  ${c.nama}`,
    );
  }
}

async function scoreInteractively(
  doc: import("yaml").Document,
  config: import("../domain/schema.js").Workspace,
  meeting: import("../domain/schema.js").Meeting,
  override?: Method,
): Promise<number> {
  const { number: askNumber } = await import("@inquirer/prompts");
  const method = methodDef(problemMethod(config, meeting, override), config.penilaian);
  let changed = 0;
  for (const [index, problem] of meeting.masalah.entries()) {
    for (const criterion of method.criteria) {
      const keys = criterion.factors ? criterion.factors.map((f) => [criterion.id, f]) : [[criterion.id]];
      for (const key of keys) {
        const existing =
          key.length === 2
            ? (problem.skor?.[key[0]] as Record<string, number> | undefined)?.[key[1]]
            : (problem.skor?.[key[0]] as number | undefined);
        const value = await askNumber({
          message: `${problem.id} ${problem.judul} — ${criterion.nama}${key[1] ? ` ${key[1].toUpperCase()}` : ""} (${criterion.scale.min}–${criterion.scale.max})`,
          default: existing,
          min: criterion.scale.min,
          max: criterion.scale.max,
          step: "any",
          required: true,
        });
        if (value === undefined) continue;
        if (!doc.hasIn(["masalah", index, "skor"])) doc.setIn(["masalah", index, "skor"], doc.createNode({}));
        if (key.length === 2 && !doc.hasIn(["masalah", index, "skor", key[0]]))
          doc.setIn(["masalah", index, "skor", key[0]], doc.createNode({}));
        if (setScalar(doc, ["masalah", index, "skor", ...key], value)) changed++;
      }
    }
  }
  return changed;
}
