// `lokmin render 2024-05`: write the month's DOCX documents into BULAN/dokumen (or --out).
// Each file is built in memory and written atomically; an existing file is replaced only with
// --force; a file that cannot be written (locked by Word, read-only) is reported and the
// others are still written.
import path from "node:path";
import { cachedBlob } from "../io/cache.js";
import { checkWorkspace } from "../domain/check/check.js";
import type { Context } from "../cli/main.js";
import { EXIT, UserError } from "../domain/findings.js";
import { shortMonthName } from "../domain/format-date.js";
import { msg, t } from "../i18n/index.js";
import { rankProblems } from "../domain/rank/month.js";
import { trendChart } from "../render/chart.js";
import { buildRenderContext } from "../render/context.js";
import { sniffImage } from "../render/docx.js";
import { DOCUMENTS, type DocumentName, loadLogo, parseOnly, renderDocument, templatePath } from "../render/render.js";
import { indicatorTrends } from "../domain/trends.js";
import { relativePath, scopeFor } from "../io/workspace.js";

const pngSize = (png: Uint8Array) => {
  const info = sniffImage(png);
  return { width: info?.width ?? 1, height: info?.height ?? 1 };
};

import { writeFileAtomic } from "../io/write.js";
import { failOnInputErrors, inMonth, openWorkspace, requireLoadedMonth, requireMonth, resolveOut } from "../cli/shared.js";

const M = {
  wrote: msg("ditulis: {file}", "written: {file}"),
  failed: msg("gagal: {file}: {detail}", "failed: {file}: {detail}"),
  summary: msg("{count} dokumen di {dir}", "{count} documents in {dir}"),
  skipped: msg("dilewati (data belum ada): {names}", "skipped (no data yet): {names}"),
};

export async function run(
  ctx: Context,
  monthArg: string,
  options: { out?: string; only?: string; force?: boolean },
): Promise<number> {
  const month = requireMonth(monthArg);
  const only = parseOnly(options.only);
  const base = scopeFor([month]);
  const workspace = openWorkspace(ctx, (id) =>
    id.slice(0, 4) === month.slice(0, 4) && id <= month ? "full" : base(id),
  );
  const loaded = requireLoadedMonth(workspace, month);
  failOnInputErrors(workspace, inMonth(month));
  const config = workspace.config.data;
  const meeting = loaded.meeting!;
  const programs = loaded.programs.map((p) => p.data);
  const outDir = options.out ? resolveOut(ctx, options.out) : path.join(workspace.root, month, "dokumen");
  const check = checkWorkspace(workspace, [month]);
  const problems = rankProblems(config, meeting.data, meeting.source.rel, meeting.source);
  const trends = indicatorTrends(
    config,
    workspace.months.map((m) => ({ id: m.id, programs: m.programs.map((p) => p.data) })),
    month,
  );
  const context = buildRenderContext({
    config,
    month,
    meeting: meeting.data,
    programs,
    problems,
    tilik: check.months.find((m) => m.month === month)?.tilik,
    trends,
  });
  const { logo, warning } = loadLogo(workspace.root, config);
  if (warning && !ctx.ui.json) ctx.ui.err(`lokmin: ${warning}`);

  const wanted = DOCUMENTS.filter((d) => (only ? only.includes(d.name) : d.needs(meeting.data, programs)));
  const images: Record<string, { png: Uint8Array; width: number; height: number }> = {};
  if (trends.length && wanted.some((d) => d.name === "notulen" || d.name === "tren")) {
    const months = [...new Set(trends.flatMap((t) => t.points.map((p) => p.month)))].sort();
    const behind = trends.filter((t) => t.behindStreak > 0);
    const shown = behind.length ? behind : trends;
    const labels = months.map(shortMonthName);
    const title = `Capaian kumulatif ${months[0].slice(0, 4)} terhadap target`;
    // The chart is a pure function of the trends: re-rendering an unchanged month reuses it.
    const png = await cachedBlob(JSON.stringify({ chart: 1, shown, labels, title }), async () => {
      const chart = await trendChart(shown, labels, title);
      return chart.png;
    });
    images.tren = { png, ...pngSize(png) };
  }
  const skipped = only ? [] : DOCUMENTS.filter((d) => !wanted.includes(d)).map((d) => d.name);
  const results: Array<{ name: DocumentName; file: string; template: string; ok: boolean; error?: string }> = [];
  for (const doc of wanted) {
    const { file: template, own } = templatePath(workspace.root, doc.name);
    const label = own ? relativePath(workspace.root, template) : `templates/${doc.name}.hbs (bawaan)`;
    const target = path.join(outDir, `${month}-${doc.name}.docx`);
    const relative = relativePath(process.cwd(), target);
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
