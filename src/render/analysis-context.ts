// The analysis part of the render context (`analisis`): per priority problem, in rank order, its
// fishbone (the picture's name and the causes by category) and its SWOT table with the strategies
// and the chosen solution; and the month's stakeholder map. Plain lists and strings, so both kinds
// of template (Handlebars blocks and Word files) loop over them. Also the list of pictures the
// render command draws under the names used here. Pure.
import { causeCategories } from "../domain/analysis.js";
import { type Fishbone, fishboneOf } from "../domain/fishbone.js";
import type { RankResult } from "../domain/rank/rank.js";
import type { Meeting, Stakeholder, Workspace } from "../domain/schema.js";
import { stakeholderKind, stakeholderMap } from "../domain/stakeholders.js";
import { SWOT_FACTORS, SWOT_STRATEGIES } from "../domain/swot.js";

export interface AnalysisInput {
  config: Workspace;
  meeting: Pick<Meeting, "masalah" | "stakeholder">;
  problems: Pick<RankResult, "items">;
}

export type AnalysisPicture =
  | { name: string; kind: "fishbone"; fishbone: Fishbone; label: string }
  | { name: string; kind: "stakeholder"; stakeholders: Stakeholder[] };

export const STAKEHOLDER_PICTURE = "stakeholder";
/** The quarterly cross-sector meeting's map, where Pasal 36's stakeholders are above all mapped. */
export const QUARTERLY_STAKEHOLDER_PICTURE = "tribulanan_stakeholder";

/** The month's problems that have root causes or a SWOT, in rank order (unranked last, as written). */
function analysed({ config, meeting, problems }: AnalysisInput) {
  const rank = new Map(problems.items.map((item) => [item.id, item.rank]));
  const categories = causeCategories(config);
  return meeting.masalah
    .map((problem, index) => ({ problem, index, rank: rank.get(problem.id) ?? null }))
    .filter(({ problem }) => problem.akar_masalah.length > 0 || problem.swot)
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.index - b.index)
    .map(({ problem, rank }, i) => ({
      problem,
      rank,
      fishbone: problem.akar_masalah.length ? fishboneOf(problem, categories) : null,
      picture: problem.akar_masalah.length ? `fishbone${i + 1}` : null,
    }));
}

const headLabel = (rank: number | null) => (rank === null ? "MASALAH" : `PRIORITAS ${rank}`);

/** The pictures to draw for the analysis, by the names the context gives them. */
export function analysisPictures(input: AnalysisInput): AnalysisPicture[] {
  const pictures: AnalysisPicture[] = analysed(input).flatMap(({ fishbone, picture, rank }) =>
    fishbone && picture ? [{ name: picture, kind: "fishbone" as const, fishbone, label: headLabel(rank) }] : [],
  );
  const stakeholders = input.meeting.stakeholder ?? [];
  if (stakeholders.length) pictures.push({ name: STAKEHOLDER_PICTURE, kind: "stakeholder", stakeholders });
  return pictures;
}

export function buildAnalysisContext(input: AnalysisInput) {
  const problems = analysed(input).map(({ problem, rank, fishbone, picture }, i) => {
    const chosen = problem.solusi.find((s) => s.dipilih);
    const swot = problem.swot;
    return {
      no: i + 1,
      /** Every problem after the first starts a new page of the analysis document. */
      halaman_baru: i > 0,
      id: problem.id,
      judul: problem.judul,
      peringkat: rank ?? "–",
      fishbone: picture,
      jumlah_sebab: problem.akar_masalah.length,
      akar: (fishbone?.bones ?? []).map((bone) => ({ kategori: bone.kategori, sebab: bone.sebab })),
      swot: swot
        ? {
            ...Object.fromEntries(SWOT_FACTORS.map((f) => [f.key, swot[f.key]])),
            strategi: SWOT_STRATEGIES.map((s) => ({ id: s.id, arti: s.arti, butir: swot.strategi[s.key] })),
            so: swot.strategi.so,
            wo: swot.strategi.wo,
            st: swot.strategi.st,
            wt: swot.strategi.wt,
          }
        : null,
      solusi_terpilih: chosen?.uraian ?? "",
      strategi_terpilih: chosen?.strategi ?? "",
    };
  });
  const stakeholders = input.meeting.stakeholder ?? [];
  return {
    masalah: problems,
    ada_fishbone: problems.some((p) => p.fishbone),
    ada_swot: problems.some((p) => p.swot),
    stakeholder: stakeholderView(stakeholders, STAKEHOLDER_PICTURE),
    ada: problems.length > 0 || stakeholders.length > 0,
  };
}

/** A stakeholder map as templates see it (the month's, or the quarterly meeting's), with its picture's name. */
export function stakeholderView(stakeholders: readonly Stakeholder[], picture: string) {
  return {
    ada: stakeholders.length > 0,
    gambar: picture,
    daftar: stakeholders.map((s, i) => ({
      no: i + 1,
      nama: s.nama,
      instansi: s.instansi ?? "",
      pengaruh: s.pengaruh,
      kepentingan: s.kepentingan,
      kelompok: stakeholderKind(s).nama,
      keterangan: s.keterangan ?? "",
    })),
    kelompok: stakeholderMap(stakeholders).map(({ kind, members }) => ({
      nama: kind.nama,
      istilah: kind.istilah,
      arti: kind.arti,
      anggota: members.map((m) => (m.instansi ? `${m.nama} (${m.instansi})` : m.nama)),
    })),
  };
}

export type AnalysisContext = ReturnType<typeof buildAnalysisContext>;
