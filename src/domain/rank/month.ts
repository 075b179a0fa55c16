// Ranking applied to one month: which method is in force, the problems and each problem's
// solution alternatives as rank inputs, problem candidates from coverage, and the write-back
// of totals and ranks as edits of the meeting file.
import type { AnalysisMethod } from "../analysis.js";
import type { Meeting, Method, ProgramReport, TieRule, Workspace } from "../schema.js";
import { programFigures, round } from "../targets.js";
import type { YamlEdit } from "../edits.js";
import type { PathSegment } from "../findings.js";
import { methodDef } from "./methods.js";
import { type RankResult, rankItems } from "./rank.js";

export interface MonthRankOptions {
  method?: Method;
  tieRule?: TieRule;
}

export function problemMethod(config: Workspace, meeting: Meeting, override?: Method): Method {
  return override ?? meeting.metode?.masalah ?? config.penilaian.metode_masalah;
}

export function solutionMethod(config: Workspace, meeting: Meeting, override?: Method): Method {
  return override ?? meeting.metode?.solusi ?? config.penilaian.metode_solusi;
}

export function rankProblems(
  config: Workspace,
  meeting: Meeting,
  file: string,
  options: MonthRankOptions = {},
): RankResult {
  const method = methodDef(problemMethod(config, meeting, options.method), config.penilaian, "masalah");
  const inputs = meeting.masalah.map((p, index) => ({
    id: p.id,
    title: p.judul,
    skor: p.skor,
    skor_penilai: p.skor_penilai,
    total: p.total,
    peringkat: p.peringkat,
    path: ["masalah", index],
  }));
  const tieRule = options.tieRule ?? config.penilaian.seri;
  return rankItems(inputs, method, { tieRule, tieOrder: config.penilaian.urutan_kriteria, file });
}

export interface SolutionRanking extends RankResult {
  problem: string;
  problemIndex: number;
}

export function rankSolutions(
  config: Workspace,
  meeting: Meeting,
  file: string,
  options: MonthRankOptions = {},
): SolutionRanking[] {
  const method = methodDef(solutionMethod(config, meeting, options.method), config.penilaian, "solusi");
  const tieRule = options.tieRule ?? config.penilaian.seri;
  return meeting.masalah.flatMap((problem, problemIndex) => {
    if (problem.solusi.length === 0) return [];
    const inputs = problem.solusi.map((s, index) => ({
      id: s.id,
      title: s.uraian,
      skor: s.skor,
      skor_penilai: s.skor_penilai,
      total: s.total,
      peringkat: s.peringkat,
      path: ["masalah", problemIndex, "solusi", index],
    }));
    const result = rankItems(inputs, method, { tieRule, tieOrder: config.penilaian.urutan_kriteria, file });
    return [{ ...result, problem: problem.id, problemIndex }];
  });
}

/** The totals and ranks to write, only where the file holds another value (so a second run writes nothing). */
export function rankEdits(result: RankResult, basePath: (index: number) => PathSegment[]): YamlEdit[] {
  return result.items.flatMap((item, index) => {
    if (item.total === null) return [];
    const base = basePath(index);
    const edits: YamlEdit[] = [];
    if (item.written.total !== item.total) {
      edits.push({ op: "set", path: [...base, "total"], value: item.total, after: ["skor", "skor_penilai"] });
    }
    if (item.rank !== null && item.written.rank !== item.rank) {
      edits.push({ op: "set", path: [...base, "peringkat"], value: item.rank, after: ["total"] });
    }
    return edits;
  });
}

/** Mark the single top-ranked solution `dipilih: true` when no solution of the problem is marked yet. */
export function chosenEdit(meeting: Meeting, ranking: SolutionRanking): YamlEdit | undefined {
  const problem = meeting.masalah[ranking.problemIndex];
  if (problem.solusi.some((s) => s.dipilih !== undefined)) return undefined;
  const winners = ranking.items.map((item, index) => ({ item, index })).filter(({ item }) => item.rank === 1);
  if (winners.length !== 1) return undefined;
  const path = ["masalah", ranking.problemIndex, "solusi", winners[0].index, "dipilih"];
  return { op: "set", path, value: true, after: ["peringkat", "total"] };
}

export interface Candidate {
  program: string;
  indikator: string;
  nama: string;
  capaian: number;
  target: number;
  gap: number;
  /** Already in the month's problem list. */
  listed: boolean;
}

/** Every indicator whose cumulative capaian is under its cumulative target, largest gap first. */
export function problemCandidates(
  config: Workspace,
  programs: readonly ProgramReport[],
  meeting?: Meeting,
): Candidate[] {
  const listed = new Set((meeting?.masalah ?? []).map((p) => `${p.program}/${p.indikator}`));
  const out: Candidate[] = [];
  for (const report of programs) {
    const program = config.program.find((p) => p.id === report.program);
    const figures = programFigures(config, report.bulan, report);
    for (const indicator of report.indikator) {
      const { gap, capaian, behind } = figures.get(indicator.id)!;
      if (gap === null || capaian === null || !behind) continue;
      const nama = program?.indikator.find((i) => i.id === indicator.id)?.nama ?? program?.nama ?? indicator.id;
      out.push({
        program: report.program,
        indikator: indicator.id,
        nama,
        capaian,
        target: indicator.target_kumulatif,
        gap,
        listed: listed.has(`${report.program}/${indicator.id}`),
      });
    }
  }
  return out.sort((a, b) => b.gap - a.gap || a.program.localeCompare(b.program));
}

/** "Capaian pelayanan kesehatan ibu hamil … di bawah target": the name in mid-sentence, acronyms kept. */
export function candidateTitle(name: string): string {
  const [first, ...rest] = name.trim().split(" ");
  const lowered = /^[A-Z][a-z]/.test(first) ? first[0].toLowerCase() + first.slice(1) : first;
  return `Capaian ${[lowered, ...rest].join(" ")} di bawah target`;
}

/** An empty SWOT table for a new problem when the month uses SWOT (Perbup Pasal 17 ayat (2)). */
export const emptySwot = () => ({
  kekuatan: [],
  kelemahan: [],
  peluang: [],
  ancaman: [],
  strategi: { so: [], wo: [], st: [], wt: [] },
});

/** Problem entries to append for candidates not yet listed (with an empty SWOT when the month uses it). */
export function candidateProblems(
  candidates: readonly Candidate[],
  meeting: Meeting,
  methods: readonly AnalysisMethod[] = [],
) {
  const used = new Set(meeting.masalah.map((p) => p.id));
  return candidates
    .filter((c) => !c.listed)
    .map((c) => {
      let id = `m-${c.program}-${c.indikator}`;
      for (let n = 2; used.has(id); n++) id = `m-${c.program}-${c.indikator}-${n}`;
      used.add(id);
      return {
        id,
        judul: candidateTitle(c.nama),
        program: c.program,
        indikator: c.indikator,
        kesenjangan: round(c.gap, 2),
        akar_masalah: [],
        ...(methods.includes("swot") ? { swot: emptySwot() } : {}),
      };
    });
}
