// Ranking applied to one month: which method is in force, the problems and each problem's
// solution alternatives as rank inputs, problem candidates from coverage, and the write-back
// of totals and ranks into the meeting file's YAML document.
import type { Document } from "yaml";
import type { Meeting, Method, ProgramReport, TieRule, Workspace } from "../schema.js";
import { coverageGap, coveragePercent } from "../targets.js";
import { setScalar } from "../../io/yaml-edit.js";
import type { YamlSource } from "../../io/yaml-source.js";
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
  source?: YamlSource,
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
  return rankItems(inputs, method, {
    tieRule: options.tieRule ?? config.penilaian.seri,
    tieOrder: config.penilaian.urutan_kriteria,
    file,
    source,
  });
}

export interface SolutionRanking extends RankResult {
  problem: string;
  problemIndex: number;
}

export function rankSolutions(
  config: Workspace,
  meeting: Meeting,
  file: string,
  source?: YamlSource,
  options: MonthRankOptions = {},
): SolutionRanking[] {
  const method = methodDef(solutionMethod(config, meeting, options.method), config.penilaian, "solusi");
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
    const result = rankItems(inputs, method, {
      tieRule: options.tieRule ?? config.penilaian.seri,
      tieOrder: config.penilaian.urutan_kriteria,
      file,
      source,
    });
    return [{ ...result, problem: problem.id, problemIndex }];
  });
}

/** Write totals and ranks into the document; returns how many values changed. */
export function writeRanks(
  doc: Document,
  result: RankResult,
  basePath: (index: number) => (string | number)[],
): number {
  let changed = 0;
  result.items.forEach((item, index) => {
    if (item.total === null) return;
    const base = basePath(index);
    if (setScalar(doc, [...base, "total"], item.total, ["skor", "skor_penilai"])) changed++;
    if (item.rank !== null && setScalar(doc, [...base, "peringkat"], item.rank, ["total"])) changed++;
  });
  return changed;
}

/** Mark the top-ranked solution `dipilih: true` when none is chosen yet. */
export function markChosen(doc: Document, meeting: Meeting, ranking: SolutionRanking): boolean {
  const problem = meeting.masalah[ranking.problemIndex];
  if (problem.solusi.some((s) => s.dipilih !== undefined)) return false;
  const winners = ranking.items.map((item, index) => ({ item, index })).filter(({ item }) => item.rank === 1);
  if (winners.length !== 1) return false;
  return setScalar(doc, ["masalah", ranking.problemIndex, "solusi", winners[0].index, "dipilih"], true, ["peringkat"]);
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
    for (const indicator of report.indikator) {
      const gap = coverageGap(indicator);
      const capaian = coveragePercent(indicator);
      if (gap === null || capaian === null || gap <= 0) continue;
      const nama = program?.indikator.find((i) => i.id === indicator.id)?.nama ?? indicator.id;
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

/** Problem entries to append for candidates not yet listed. */
export function candidateProblems(candidates: readonly Candidate[], meeting: Meeting) {
  const used = new Set(meeting.masalah.map((p) => p.id));
  return candidates
    .filter((c) => !c.listed)
    .map((c) => {
      let id = `m-${c.program}-${c.indikator}`;
      for (let n = 2; used.has(id); n++) id = `m-${c.program}-${c.indikator}-${n}`;
      used.add(id);
      return {
        id,
        judul: `Capaian ${c.nama} di bawah target`,
        program: c.program,
        indikator: c.indikator,
        kesenjangan: c.gap,
        akar_masalah: [],
      };
    });
}
