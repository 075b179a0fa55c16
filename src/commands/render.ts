// `lokmin render 2024-05`: write the month's DOCX documents into BULAN/dokumen (or --out).
// Each file is built in memory and written atomically; an existing file is replaced only with
// --force; a file that cannot be written (locked by Word, read-only) is reported and the
// others are still written.
import path from "node:path";
import type { Context } from "../cli/context.js";
import {
  checkInput,
  failOnInputErrors,
  inMonth,
  monthArgument,
  openWorkspace,
  requireLoadedMonth,
  resolveOut,
  whileLocked,
  requireMonth,
} from "../cli/shared.js";
import { checkWorkspace } from "../domain/check/check.js";
import { shortMonthName } from "../domain/format-date.js";
import { rankProblems } from "../domain/rank/month.js";
import { indicatorTrends } from "../domain/trends.js";
import { EXIT, UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { cachedBlob } from "../io/cache.js";
import { relativePath, scopeFor } from "../io/workspace.js";
import { writeFileAtomic } from "../io/write.js";
import { analysisImages } from "../render/analysis-charts.js";
import { trendChart } from "../render/chart.js";
import { buildRenderContext } from "../render/context.js";
import { buildYearContext } from "../render/year-context.js";
import { DOCUMENTS, type DocumentName } from "../render/documents.js";
import { sniffImage } from "../render/docx.js";
import { loadLogo, parseOnly, renderDocument, templatePath } from "../render/render.js";

const pngSize = (png: Uint8Array) => {
  const info = sniffImage(png);
  return { width: info?.width ?? 1, height: info?.height ?? 1 };
};

const M = {
  wrote: msg("ditulis: {file}", "written: {file}"),
  failed: msg("gagal: {file}: {detail}", "failed: {file}: {detail}"),
  summary: msg("{count} dokumen di {dir}", "{count} documents in {dir}"),
  skipped: msg("dilewati (data belum ada): {names}", "skipped (no data yet): {names}"),
};

interface RenderOptions {
  out?: string;
  only?: string;
  force?: boolean;
}

export async function run(ctx: Context, monthArg: string | undefined, options: RenderOptions): Promise<number> {
  const only = parseOnly(options.only);
  return whileLocked(ctx, "render", () => render(ctx, monthArg, options, only));
}

async function render(
  ctx: Context,
  monthArg: string | undefined,
  options: RenderOptions,
  only: DocumentName[] | undefined,
) {
  if (monthArg !== undefined) requireMonth(monthArg);
  const base = monthArg ? scopeFor([monthArg]) : () => "full" as const;
  const workspace = openWorkspace(ctx, (id) =>
    monthArg === undefined || (id.slice(0, 4) === monthArg.slice(0, 4) && id <= monthArg) ? "full" : base(id),
  );
  const month = monthArgument(monthArg, workspace);
  const loaded = requireLoadedMonth(workspace, month);
  failOnInputErrors(workspace, inMonth(month));
  const config = workspace.config.data;
  const meeting = loaded.meeting;
  if (!meeting)
    throw new UserError(t(msg("{file} tidak dapat dibaca", "{file} cannot be read"), { file: `${month}/rapat.yaml` }));
  const programs = loaded.programs.map((p) => p.data);
  const outDir = options.out ? resolveOut(ctx, options.out) : path.join(workspace.root, month, "dokumen");
  const check = checkWorkspace(checkInput(ctx, workspace, [month]));
  const problems = rankProblems(config, meeting.data, meeting.file);
  const trends = indicatorTrends(
    config,
    workspace.months.map((m) => ({ id: m.id, programs: m.programs.map((p) => p.data) })),
    month,
  );
  const context = {
    ...buildRenderContext({
      config,
      month,
      meeting: meeting.data,
      programs,
      problems,
      tilik: check.months.find((m) => m.month === month)?.tilik,
      trends,
    }),
    ...buildYearContext({ config, month, meeting: meeting.data, loaded, programs }),
  };
  const { logo, warning } = loadLogo(workspace.root, config);
  if (warning && !ctx.ui.json) ctx.ui.err(`lokmin: ${warning}`);

  const wanted = DOCUMENTS.filter((d) => (only ? only.includes(d.name) : d.needs(meeting.data, programs, loaded)));
  const images: Record<string, { png: Uint8Array; width: number; height: number }> = {};
  if (trends.length && wanted.some((d) => d.name === "notulen" || d.name === "tren")) {
    const months = [...new Set(trends.flatMap((t) => t.points.map((p) => p.month)))].sort();
    const behind = trends.filter((t) => t.behindStreak > 0);
    const shown = behind.length ? behind : trends;
    const labels = months.map(shortMonthName);
    const title = `Capaian kumulatif ${months[0].slice(0, 4)} terhadap target`;
    // The chart is a pure function of the trends: re-rendering an unchanged month reuses it.
    const key = JSON.stringify({ chart: 1, shown, labels, title });
    const png = await cachedBlob(
      key,
      async () => (await trendChart(shown, labels, title)).png,
      (data) => sniffImage(data)?.type === "png",
      ctx.env,
    );
    images.tren = { png, ...pngSize(png) };
  }
  if (wanted.some((d) => d.name === "notulen" || d.name === "analisis"))
    Object.assign(images, await analysisImages({ config, meeting: meeting.data, problems }, ctx.env));
  const skipped = only ? [] : DOCUMENTS.filter((d) => !wanted.includes(d)).map((d) => d.name);
  const results: Array<{ name: DocumentName; file: string; template: string; ok: boolean; error?: string }> = [];
  for (const doc of wanted) {
    const { file: template, own } = templatePath(workspace.root, doc.name);
    const label = own ? relativePath(workspace.root, template) : `templates/${doc.name}.hbs (bawaan)`;
    const target = path.join(outDir, `${month}-${doc.name}.docx`);
    const relative = relativePath(ctx.cwd, target);
    const shown = relative && !relative.startsWith("..") ? relative : target;
    try {
      const rendered = await renderDocument(doc.name, template, context, config, logo, label, images);
      writeFileAtomic(target, rendered.data, { overwrite: Boolean(options.force), label: shown });
      results.push({ name: doc.name, file: target, template: label, ok: true });
      if (!ctx.ui.json) ctx.ui.out(t(M.wrote, { file: shown }));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      results.push({ name: doc.name, file: target, template: label, ok: false, error: error.message });
      if (!ctx.ui.json) ctx.ui.err(t(M.failed, { file: shown, detail: error.message }));
    }
  }
  const failed = results.filter((r) => !r.ok).length;
  if (ctx.ui.json)
    ctx.ui.printJson({ month, out: outDir, documents: results, skipped, warnings: warning ? [warning] : [] });
  else {
    if (skipped.length) ctx.ui.out(ctx.ui.color.dim(t(M.skipped, { names: skipped.join(", ") })));
    ctx.ui.out(t(M.summary, { count: results.length - failed, dir: outDir }));
  }
  return failed ? EXIT.usage : EXIT.ok;
}
