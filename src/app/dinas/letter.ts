// The feedback letter (umpan balik) a supervisor prepares from the Dinas view: lokmin's own
// `umpan-balik` document, rendered from the month's data as the Puskesmas sent it, with what the
// supervisor chose — the letter's number and date, who supervised, the recommendations ticked or
// typed, the indicators behind to name. A package is read-only evidence: the letter is written into a
// folder the Dinas chooses (by default `umpan-balik` inside the folder opened), never into a package,
// and an existing letter is kept unless the supervisor asks to replace it.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { msg, t } from "../../i18n/index.js";
import { writeFileAtomic } from "../../io/write.js";
import type { MonthSource } from "../../ops/summary.js";
import { type DinasState, monthData } from "./data.js";

export interface LetterChoice {
  nomor: string;
  /** ISO date of the letter. */
  tanggal: string;
  pembina: string;
  rekomendasi: string[];
  tertinggal: Array<{ indikator: string; program: string; bulan: number }>;
  /** Absolute folder to write into. */
  folder: string;
  replace: boolean;
}

const M = {
  noMeeting: msg(
    "{file} tidak ada atau tidak dapat dibaca; surat umpan balik memerlukan rapat bulan ini",
    "{file} is missing or cannot be read; the feedback letter needs this month's meeting",
  ),
  exists: msg(
    "{file} sudah ada; centang \u201cGanti surat yang ada\u201d untuk menggantinya, atau pilih folder lain",
    "{file} already exists; tick \u201cReplace the existing letter\u201d to replace it, or choose another folder",
  ),
};

export const letterName = (puskesmas: string, month: string) => {
  const slug = puskesmas
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
  return `umpan-balik-${slug || "puskesmas"}-${month}.docx`;
};

export async function writeLetter(
  dinas: DinasState,
  source: MonthSource,
  month: string,
  choice: LetterChoice,
  ctx: { env: NodeJS.ProcessEnv; today: string },
): Promise<{ file: string } | { error: string }> {
  const data = await monthData(dinas, source, month, ctx);
  if ("error" in data) return data;
  if (!data.meeting) return { error: t(M.noMeeting, { file: data.meetingFile }) };
  const [{ renderContext }, { rankProblems }, render] = await Promise.all([
    import("../../render/context.js"),
    import("../../domain/rank/month.js"),
    import("../../render/render.js"),
  ]);
  const previous = data.meeting.supervisi;
  const meeting = {
    ...data.meeting,
    supervisi: {
      tanggal: choice.tanggal,
      pembina: choice.pembina || previous?.pembina,
      jawaban: previous?.jawaban ?? {},
      catatan: previous?.catatan,
      umpan_balik: { tanggal: choice.tanggal, nomor: choice.nomor || undefined, rekomendasi: choice.rekomendasi },
    },
  };
  const tilik = data.check.month?.tilik;
  const parts = renderContext({
    config: data.config,
    month,
    meeting,
    programs: data.programs,
    problems: () => rankProblems(data.config, meeting, data.meetingFile),
    tilik: tilik && {
      ...tilik,
      items: tilik.items.map((i) => ({
        no: i.no,
        id: i.id,
        question: i.question,
        answer: i.answer,
        source: i.source === "pembina" || i.source === "data" ? i.source : null,
        reason: i.reason ?? "",
      })),
    },
    trends: () => [],
    loaded: data.loaded,
  }).of(["checklist", "supervision", "trends"]);
  // The indicators the supervisor chose to name, from the Dinas' own view of the months sent.
  const context = { ...parts, tren_tertinggal: choice.tertinggal };
  // The Dinas' folder is where its logo (dinas_kesehatan.logo) is looked for; nothing outside it is read.
  const { letterheads } = render.buildLetterheads(dinas.folder, data.config);
  const rendered = await render.renderDocument(
    "umpan-balik",
    render.templateFor(dinas.folder, "umpan-balik"),
    context,
    {
      config: data.config,
      letterheads,
      images: {},
      draft: false,
    },
  );
  mkdirSync(choice.folder, { recursive: true });
  const file = path.join(choice.folder, letterName(data.config.puskesmas.nama, month));
  if (!choice.replace && existsSync(file)) return { error: t(M.exists, { file }) };
  try {
    writeFileAtomic(file, rendered.data, { overwrite: choice.replace, label: file });
  } catch (error) {
    return { error: (error as Error).message };
  }
  return { file };
}
