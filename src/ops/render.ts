// The render operation: the month's DOCX documents written into BULAN/dokumen (or `out`). Each file
// is built in memory and written atomically under the placement policy (place.ts): a file someone
// edited in Word is kept unless `force`. A month that fails `check` renders as DRAF. Each document
// builds only the parts of the render context its template reads, so the ranking, the trends and
// the pictures are computed only for the documents that show them. A file that cannot be written
// (locked by Word, read-only) is reported and the others are still written.
import path from "node:path";
import { checkWorkspace, type CheckReport } from "../domain/check/check.js";
import { rankProblems } from "../domain/rank/month.js";
import { indicatorTrends } from "../domain/trends.js";
import type { MonthData } from "../domain/workspace-data.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { analysisImages, cachedStakeholderMap } from "../render/analysis-charts.js";
import { QUARTERLY_STAKEHOLDER_PICTURE } from "../render/analysis-context.js";
import { once, type RenderInput, renderContext } from "../render/context.js";
import { DOCUMENTS, type DocumentName } from "../render/documents.js";
import { buildLetterheads, parseOnly, renderDocument, templateFor } from "../render/render.js";
import { trendImages } from "../render/trend-image.js";
import { relativePath, type WorkspaceWithConfig } from "../io/workspace.js";
import { type OpContext, whileLocked } from "./context.js";
import type { PdfResult } from "./pdf.js";
import { type Outcome, place } from "./place.js";
import { checkInput, failOnInputErrors, inMonth, openMonth, requireFolder, requireMonth } from "./workspace.js";

const M = {
  noMeeting: msg("{file} tidak dapat dibaca", "{file} cannot be read"),
  noData: msg(
    "{month} belum punya data untuk dokumen {name} ({title}); isi dulu bagiannya (README, Dokumen dan templat)",
    "{month} has no data yet for the document {name} ({title}); fill in its part first (README, Documents)",
  ),
  draft: msg(
    "DRAF: bulan {month} belum lolos `lokmin check` ({count} kesalahan); setiap halaman diberi tanda DRAF — " +
      "perbaiki lalu jalankan render lagi sebelum ditandatangani",
    "DRAFT: month {month} does not pass `lokmin check` ({count} errors); every page is marked DRAF — fix them and " +
      "render again before signing",
  ),
};

export type { Outcome };

export interface DocumentOutcome {
  name: DocumentName;
  file: string;
  template: string;
  outcome: Outcome;
  ok: boolean;
  backup?: string;
  error?: string;
}

export interface RenderOptions {
  /** YYYY-MM; the latest month when not given. */
  month?: string;
  /** The folder to write into (relative to cwd); default BULAN/dokumen. */
  out?: string;
  /** Only these documents (names from DOCUMENTS); default every document the month has data for. */
  only?: readonly string[];
  force?: boolean;
  /** Also convert the documents to PDF with LibreOffice. */
  pdf?: boolean;
  /** The warnings, once known and before any document is rendered. */
  onWarnings?: (warnings: readonly string[]) => void;
  /** Each document once it is done; `foreign`: kept because the file there is not lokmin's. */
  onDocument?: (document: DocumentOutcome, detail: { foreign?: boolean }) => void;
}

export interface RenderResult {
  month: string;
  out: string;
  draft: boolean;
  documents: DocumentOutcome[];
  skipped: DocumentName[];
  warnings: string[];
  pdf?: PdfResult;
}

export async function render(ctx: OpContext, options: RenderOptions = {}): Promise<RenderResult> {
  if (options.month !== undefined) requireMonth(options.month);
  const only = options.only?.length ? parseOnly(options.only.join(",")) : undefined;
  return whileLocked(ctx, "render", (root) => renderMonth(ctx, root, options, only));
}

/**
 * What the month's documents are made from: the render input (ranking and trends computed on first
 * use) and the check that decides DRAF and fills the Daftar Tilik.
 */
export function monthRenderInput(
  ctx: Pick<OpContext, "today">,
  workspace: WorkspaceWithConfig,
  month: string,
  loaded: MonthData,
): { input: RenderInput; check: CheckReport; errors: number } {
  const meeting = loaded.meeting;
  if (!meeting) throw new UserError(t(M.noMeeting, { file: `${month}/rapat.yaml` }));
  const config = workspace.config.data;
  const check = checkWorkspace(checkInput(ctx, workspace, [month]));
  const errors = check.findings.filter((f) => f.severity === "error" && inMonth(month)(f.file)).length;
  const input: RenderInput = {
    config,
    month,
    meeting: meeting.data,
    programs: loaded.programs.map((p) => p.data),
    problems: once(() => rankProblems(config, meeting.data, meeting.file)),
    tilik: check.months.find((m) => m.month === month)?.tilik,
    trends: once(() =>
      indicatorTrends(
        config,
        workspace.months.map((m) => ({ id: m.id, programs: m.programs.map((p) => p.data) })),
        month,
      ),
    ),
    draft: errors > 0,
    loaded,
  };
  return { input, check, errors };
}

async function renderMonth(
  ctx: OpContext,
  root: string,
  options: RenderOptions,
  only: DocumentName[] | undefined,
): Promise<RenderResult> {
  const { workspace, month, loaded } = openMonth(ctx, options.month, ["check", "year-to-month"], root);
  // The month's folders and templates/ must be folders: no final document is made without what they hold.
  failOnInputErrors(workspace, (file) => inMonth(month)(file) || file === "templates");
  const config = workspace.config.data;
  if (!loaded.meeting) throw new UserError(t(M.noMeeting, { file: `${month}/rapat.yaml` }));
  const outDir = options.out ? path.resolve(ctx.cwd, options.out) : path.join(workspace.root, month, "dokumen");
  requireFolder(outDir, options.out ? {} : { root: workspace.root });
  const { input, errors } = monthRenderInput(ctx, workspace, month, loaded);
  const meeting = input.meeting;
  const draft = errors > 0;
  const programs = input.programs;
  const context = renderContext(input);
  const { letterheads, warnings } = buildLetterheads(workspace.root, config);
  if (draft) warnings.unshift(t(M.draft, { month, count: errors }));
  options.onWarnings?.(warnings);

  const wanted = DOCUMENTS.filter((d) => (only ? only.includes(d.name) : d.needs(meeting, programs, loaded)));
  const uses = (...names: string[]) => wanted.some((d) => names.includes(d.name));
  const images = {
    ...(uses("notulen", "tren") ? await trendImages(input.trends?.() ?? [], ctx.env) : {}),
    ...(uses("notulen", "analisis")
      ? await analysisImages({ config, meeting, problems: input.problems() }, ctx.env)
      : {}),
    ...(uses("tribulanan-notulen") && loaded.quarterly?.data.stakeholder?.length
      ? {
          [QUARTERLY_STAKEHOLDER_PICTURE]: await cachedStakeholderMap(loaded.quarterly.data.stakeholder, ctx.env),
        }
      : {}),
  };
  const skipped = only ? [] : DOCUMENTS.filter((d) => !wanted.includes(d)).map((d) => d.name);
  const results: DocumentOutcome[] = [];
  const shownPath = (target: string) => {
    const relative = relativePath(ctx.cwd, target);
    return relative && !relative.startsWith("..") ? relative : target;
  };
  // Inside the workspace what a document replaces is never read through a link out of it.
  const inside = options.out ? undefined : workspace.root;
  for (const doc of wanted) {
    const ref = templateFor(workspace.root, doc.name);
    const target = path.join(outDir, `${month}-${doc.name}.docx`);
    // The built-in template reads its document's parts; a workspace's own may read any field.
    const fields = ref.file ? context.all() : context.of(doc.parts);
    let done: DocumentOutcome;
    let foreign: boolean | undefined;
    try {
      const rendered = await renderDocument(doc.name, ref, fields, { config, letterheads, images, draft }).catch(
        (error: unknown) => {
          // Asked for by `only` although the month has nothing for it: say that, not which field was empty.
          if (error instanceof UserError && !doc.needs(meeting, programs, loaded))
            throw new UserError(t(M.noData, { month, name: doc.name, title: doc.title }));
          throw error;
        },
      );
      const placed = place(target, shownPath(target), rendered, Boolean(options.force), inside);
      foreign = placed.foreign;
      const { outcome, backup } = placed;
      done = { name: doc.name, file: target, template: ref.label, outcome, ok: outcome !== "kept", backup };
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      done = { name: doc.name, file: target, template: ref.label, outcome: "failed", ok: false, error: error.message };
    }
    results.push(done);
    options.onDocument?.(done, { foreign });
  }
  let pdf: PdfResult | undefined;
  if (options.pdf) {
    const { convertToPdf } = await import("./pdf.js");
    const files = results.filter((r) => r.outcome !== "failed").map((r) => r.file);
    pdf = await convertToPdf(ctx, files, outDir);
  }
  return { month, out: outDir, draft, documents: results, skipped, warnings, ...(pdf ? { pdf } : {}) };
}
