// `lokmin render 2024-05`: write the month's DOCX documents into BULAN/dokumen (or --out).
// Each file is built in memory and written atomically. A file lokmin wrote and nobody changed
// since (its fingerprint matches) is replaced freely, or left alone when the new one is the same;
// a file someone edited (in Word) or did not come from lokmin is kept, unless --force, which
// first keeps a backup copy. A month that fails `lokmin check` renders as DRAF. A file that
// cannot be written (locked by Word, read-only) is reported and the others are still written.
import path from "node:path";
import type { Context } from "../cli/context.js";
import {
  checkInput,
  failOnInputErrors,
  inMonth,
  monthArgument,
  openWorkspace,
  requireLoadedMonth,
  requireFolder,
  requireMonth,
  resolveOut,
  whileLocked,
} from "../cli/shared.js";
import { checkWorkspace } from "../domain/check/check.js";
import { indicatorTrends } from "../domain/trends.js";
import { rankProblems } from "../domain/rank/month.js";
import { EXIT, UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { readRegularFile } from "../io/fs-safe.js";
import { relativePath, scopeFor } from "../io/workspace.js";
import { writeFileAtomic } from "../io/write.js";
import { analysisImages, cachedStakeholderMap } from "../render/analysis-charts.js";
import { QUARTERLY_STAKEHOLDER_PICTURE } from "../render/analysis-context.js";
import { buildRenderContext } from "../render/context.js";
import { DOCUMENTS, type DocumentName } from "../render/documents.js";
import { provenance } from "../render/package.js";
import { buildLetterheads, parseOnly, type RenderedDocument, renderDocument, templateFor } from "../render/render.js";
import { trendImages } from "../render/trend-image.js";
import { buildYearContext } from "../render/year-context.js";
import { buildVerificationContext, verificationSummary } from "../render/verification-context.js";
import { compareMonth } from "../domain/verification.js";
import { supervisionProfile } from "../domain/regulations.js";

const M = {
  wrote: msg("ditulis: {file}", "written: {file}"),
  replaced: msg("diperbarui: {file}", "updated: {file}"),
  same: msg("tidak berubah: {file}", "unchanged: {file}"),
  failed: msg("gagal: {file}: {detail}", "failed: {file}: {detail}"),
  kept: msg(
    "dibiarkan: {file} sudah diubah sejak lokmin menulisnya (mis. di Word); pakai --force untuk menggantinya " +
      "(salinan cadangan disimpan)",
    "kept: {file} was changed since lokmin wrote it (e.g. in Word); use --force to replace it (a backup copy is kept)",
  ),
  foreign: msg(
    "dibiarkan: {file} sudah ada dan bukan tulisan lokmin; pakai --force untuk menggantinya (salinan cadangan " +
      "disimpan)",
    "kept: {file} already exists and was not written by lokmin; use --force to replace it (a backup copy is kept)",
  ),
  backup: msg("cadangan: {file}", "backup: {file}"),
  summary: msg("{count} dokumen di {dir}", "{count} documents in {dir}"),
  skipped: msg("dilewati (data belum ada): {names}", "skipped (no data yet): {names}"),
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

interface RenderOptions {
  out?: string;
  only?: string;
  force?: boolean;
  pdf?: boolean;
}

export async function run(ctx: Context, monthArg: string | undefined, options: RenderOptions): Promise<number> {
  const only = parseOnly(options.only);
  return whileLocked(ctx, "render", () => render(ctx, monthArg, options, only));
}

export type Outcome = "written" | "replaced" | "unchanged" | "kept" | "failed";

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
  // The month's folders and templates/ must be folders: no final document is made without what they hold.
  failOnInputErrors(workspace, (file) => inMonth(month)(file) || file === "templates");
  const config = workspace.config.data;
  const meeting = loaded.meeting;
  if (!meeting)
    throw new UserError(t(msg("{file} tidak dapat dibaca", "{file} cannot be read"), { file: `${month}/rapat.yaml` }));
  const programs = loaded.programs.map((p) => p.data);
  const outDir = options.out ? resolveOut(ctx, options.out) : path.join(workspace.root, month, "dokumen");
  requireFolder(outDir, options.out ? {} : { root: workspace.root });
  const check = checkWorkspace(checkInput(ctx, workspace, [month]));
  const errors = check.findings.filter((f) => f.severity === "error" && inMonth(month)(f.file)).length;
  const draft = errors > 0;
  const problems = rankProblems(config, meeting.data, meeting.file);
  const trends = indicatorTrends(
    config,
    workspace.months.map((m) => ({ id: m.id, programs: m.programs.map((p) => p.data) })),
    month,
  );
  const profile = supervisionProfile(config.pembinaan, config.dinas_kesehatan.nama);
  const context = {
    ...buildRenderContext({
      config,
      month,
      meeting: meeting.data,
      programs,
      problems,
      tilik: check.months.find((m) => m.month === month)?.tilik,
      trends,
      draft,
      verification: verificationSummary(compareMonth(config, loaded)),
    }),
    ...buildYearContext({ config, month, meeting: meeting.data, loaded, programs }),
    ...buildVerificationContext({ config, loaded, profile }),
  };
  const { letterheads, warnings } = buildLetterheads(workspace.root, config);
  if (draft) warnings.unshift(t(M.draft, { month, count: errors }));
  if (!ctx.ui.json) for (const warning of warnings) ctx.ui.err(`lokmin: ${warning}`);

  const wanted = DOCUMENTS.filter((d) => (only ? only.includes(d.name) : d.needs(meeting.data, programs, loaded)));
  const uses = (...names: string[]) => wanted.some((d) => names.includes(d.name));
  const images = {
    ...(uses("notulen", "tren") ? await trendImages(trends, ctx.env) : {}),
    ...(uses("notulen", "analisis") ? await analysisImages({ config, meeting: meeting.data, problems }, ctx.env) : {}),
    ...(uses("tribulanan-notulen") && loaded.quarterly?.data.stakeholder?.length
      ? {
          [QUARTERLY_STAKEHOLDER_PICTURE]: await cachedStakeholderMap(loaded.quarterly.data.stakeholder, ctx.env),
        }
      : {}),
  };
  const skipped = only ? [] : DOCUMENTS.filter((d) => !wanted.includes(d)).map((d) => d.name);
  const results: Array<{
    name: DocumentName;
    file: string;
    template: string;
    outcome: Outcome;
    ok: boolean;
    backup?: string;
    error?: string;
  }> = [];
  const shownPath = (target: string) => {
    const relative = relativePath(ctx.cwd, target);
    return relative && !relative.startsWith("..") ? relative : target;
  };
  const say = (line: string, err = false) => {
    if (!ctx.ui.json) (err ? ctx.ui.err : ctx.ui.out)(line);
  };
  for (const doc of wanted) {
    const ref = templateFor(workspace.root, doc.name);
    const target = path.join(outDir, `${month}-${doc.name}.docx`);
    const shown = shownPath(target);
    try {
      const rendered = await renderDocument(doc.name, ref, context, { config, letterheads, images, draft }).catch(
        (error: unknown) => {
          // Asked for by --only although the month has nothing for it: say that, not which field was empty.
          if (error instanceof UserError && !doc.needs(meeting.data, programs, loaded))
            throw new UserError(t(M.noData, { month, name: doc.name, title: doc.title }));
          throw error;
        },
      );
      const inside = options.out ? undefined : workspace.root;
      const { outcome, backup } = place(target, shown, rendered, Boolean(options.force), inside);
      if (backup) say(t(M.backup, { file: shownPath(backup) }));
      const line = {
        written: M.wrote,
        replaced: M.replaced,
        unchanged: M.same,
        kept: M.kept,
        failed: M.failed,
      }[outcome];
      if (outcome === "kept") {
        const existing = readRegularFile(target, { maxBytes: 64 << 20, root: inside });
        const foreign = existing.ok && provenance(existing.bytes).kind === "foreign";
        say(t(foreign ? M.foreign : M.kept, { file: shown }), true);
      } else say(t(line, { file: shown }));
      results.push({ name: doc.name, file: target, template: ref.label, outcome, ok: outcome !== "kept", backup });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      results.push({
        name: doc.name,
        file: target,
        template: ref.label,
        outcome: "failed",
        ok: false,
        error: error.message,
      });
      say(t(M.failed, { file: shown, detail: error.message }), true);
    }
  }
  let pdf: Awaited<ReturnType<typeof import("./render-pdf.js").convertToPdf>> | undefined;
  if (options.pdf) {
    const { convertToPdf } = await import("./render-pdf.js");
    const files = results.filter((r) => r.outcome !== "failed").map((r) => r.file);
    pdf = await convertToPdf(ctx, files, outDir);
  }
  const failed = results.filter((r) => r.outcome === "failed").length;
  const kept = results.filter((r) => r.outcome === "kept").length;
  if (ctx.ui.json)
    ctx.ui.printJson({
      month,
      out: outDir,
      draft,
      documents: results,
      skipped,
      warnings,
      ...(pdf ? { pdf } : {}),
    });
  else {
    if (skipped.length) ctx.ui.out(ctx.ui.color.dim(t(M.skipped, { names: skipped.join(", ") })));
    ctx.ui.out(t(M.summary, { count: results.length - failed - kept, dir: outDir }));
  }
  if (failed || (pdf && !pdf.ok)) return EXIT.usage;
  return kept ? EXIT.findings : EXIT.ok;
}

/** Write one document where it belongs, deciding by the fingerprint of what is there now. */
export function place(
  target: string,
  shown: string,
  rendered: Pick<RenderedDocument, "data" | "sidik">,
  force: boolean,
  root?: string,
): { outcome: Outcome; backup?: string } {
  // Inside the workspace (`root`) what is there now is never read through a link out of it.
  const existing = readRegularFile(target, { maxBytes: 64 << 20, root });
  if (!existing.ok) {
    if (existing.reason !== "missing") {
      // A folder, a device, a file too big to be ours: writing reports the reason in words.
      writeFileAtomic(target, rendered.data, { overwrite: force, force, label: shown });
      return { outcome: "written" };
    }
    writeFileAtomic(target, rendered.data, { overwrite: false, force, label: shown });
    return { outcome: "written" };
  }
  const origin = provenance(existing.bytes);
  if (origin.kind === "lokmin") {
    if (origin.sidik === rendered.sidik) return { outcome: "unchanged" };
    writeFileAtomic(target, rendered.data, { overwrite: true, force, label: shown, expected: existing.bytes });
    return { outcome: "replaced" };
  }
  if (!force) return { outcome: "kept" };
  const backup = freeBackupName(target);
  writeFileAtomic(backup, existing.bytes, { overwrite: false, label: path.basename(backup) });
  writeFileAtomic(target, rendered.data, { overwrite: true, force: true, label: shown, expected: existing.bytes });
  return { outcome: "replaced", backup };
}

/** "2024-05-notulen.cadangan-1.docx", the first number not taken. */
function freeBackupName(target: string): string {
  const stem = target.replace(/\.docx$/i, "");
  for (let n = 1; ; n++) {
    const candidate = `${stem}.cadangan-${n}.docx`;
    const probe = readRegularFile(candidate, { maxBytes: 1 });
    if (!probe.ok && probe.reason === "missing") return candidate;
  }
}
