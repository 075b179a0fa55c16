// `lokmin summary DIR...`: a Dinas Kesehatan's view over several Puskesmas, from their workspaces
// (each its own folder or git clone) or from the packages they send (`lokmin paket`): a .zip, or a
// folder of them. Inputs are read one at a time (a package is verified, read in memory and let go;
// only its summary is kept), and packages of one Puskesmas are gathered into one row per month. One
// broken workspace, or a package that fails its checksums, is reported with its error and never
// stops the others; the exit code is 2 when any could not be read. `--parquet DIR` also writes the
// summary's tables as Parquet (src/io/parquet.ts); `--xlsx FILE` the same overview as a workbook (a
// sheet per view, src/domain/summary-workbook.ts). The gathering itself is src/ops/summary.ts, which
// the browser app's Dinas mode calls too.
import { existsSync } from "node:fs";
import path from "node:path";
import type { Context } from "../cli/context.js";
import type { SummaryEntry } from "../domain/summary.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { collectSummary } from "../ops/summary.js";
import { writeFileAtomic } from "../io/write.js";

const M = {
  notAssessed: msg(
    "sementara: {files} tidak dapat dibaca; {n} indikator belum dinilai (termasuk dalam jumlah indikator)",
    "provisional: {files} could not be read; {n} indicators not assessed (included in the total)",
  ),
  header: msg(
    "bulan    tilik  arsip  galat  peringatan  kesepakatan terbuka/lewat  indikator tertinggal",
    "month    check  arch.  errors warnings    commitments open/overdue   indicators behind",
  ),
  broken: msg("tidak dapat dibaca: {error}", "cannot be read: {error}"),
  noMonths: msg("belum ada bulan (buat dengan `lokmin new`)", "no months yet (create one with `lokmin new`)"),
  needDirs: msg("sebutkan minimal satu folder workspace", "name at least one workspace folder"),
  packages: msg("paket: {files}", "packages: {files}"),
  wroteParquet: msg(
    "tabel Parquet ditulis: {files} ({figures} baris capaian, {meetings} baris rapat)",
    "Parquet tables written: {files} ({figures} figure rows, {meetings} meeting rows)",
  ),
  wroteXlsx: msg("buku kerja ringkasan ditulis: {file}", "summary workbook written: {file}"),
  xlsxExists: msg(
    "{file} sudah ada; pakai --force untuk menimpanya atau pilih nama lain",
    "{file} already exists; use --force to replace it or choose another name",
  ),
};

export async function run(
  ctx: Context,
  dirs: string[],
  options: { parquet?: string; xlsx?: string; force?: boolean } = {},
): Promise<number> {
  if (dirs.length === 0) throw new UserError(t(M.needDirs));
  const force = Boolean(options.force);
  const parquet = options.parquet === undefined ? undefined : path.resolve(ctx.cwd, options.parquet);
  if (parquet) (await import("../io/parquet.js")).checkParquetTarget(parquet, options.parquet!, force);
  const xlsx = options.xlsx === undefined ? undefined : path.resolve(ctx.cwd, options.xlsx);
  // Refused before any package is read; writeFileAtomic refuses again if the file appears meanwhile.
  if (xlsx && !force && existsSync(xlsx)) throw new UserError(t(M.xlsxExists, { file: options.xlsx }));
  const results = await collectSummary(ctx, dirs);
  let written: string[] | undefined;
  if (parquet) {
    const { writeSummaryParquet } = await import("../io/parquet.js");
    const result = await writeSummaryParquet(parquet, options.parquet!, results, Boolean(options.force));
    written = result.files;
    const counts = { figures: result.figures, meetings: result.meetings };
    if (!ctx.ui.json) ctx.ui.err(t(M.wroteParquet, { files: written.join(", "), ...counts }));
  }
  if (xlsx) {
    const { writeXlsxStreaming } = await import("../io/xlsx.js");
    const { summaryWorkbookSpec } = await import("../domain/summary-workbook.js");
    const bytes = await writeXlsxStreaming(summaryWorkbookSpec(results, ctx.today));
    writeFileAtomic(xlsx, bytes, { overwrite: force, force, label: options.xlsx });
    if (!ctx.ui.json) ctx.ui.err(t(M.wroteXlsx, { file: options.xlsx }));
  }
  if (ctx.ui.json)
    ctx.ui.printJson({ workspaces: results, ...(written ? { parquet: written } : {}), ...(xlsx ? { xlsx } : {}) });
  else print(ctx, results);
  return results.some((r) => "error" in r) ? 2 : 0;
}

function print(ctx: Context, results: readonly SummaryEntry[]) {
  const c = ctx.ui.color;
  for (const r of results) {
    ctx.ui.out(c.bold(`${"name" in r ? r.name : r.dir}  ${c.dim(r.dir)}`));
    if ("error" in r) {
      ctx.ui.out(c.red(`  ${t(M.broken, { error: r.error })}`));
      ctx.ui.out();
      continue;
    }
    if (r.paket) {
      ctx.ui.out(c.dim(`  ${t(M.packages, { files: r.paket.map((f) => path.basename(f)).join(", ") })}`));
      for (const note of r.notes ?? []) ctx.ui.out(c.yellow(`  ${note}`));
    }
    if (r.months.length === 0) {
      ctx.ui.out(`  ${t(M.noMonths)}`);
      ctx.ui.out();
      continue;
    }
    ctx.ui.out(c.dim(`  ${t(M.header)}`));
    for (const m of r.months) {
      const commitments = `${m.open_commitments}/${m.overdue_commitments}`.padStart(25);
      const behind = `${m.indicators_behind}/${m.indicators}`.padStart(20);
      ctx.ui.out(
        `  ${m.month}  ${m.tilik.padStart(5)}  ${m.arsip.padStart(5)}  ${String(m.errors).padStart(5)}  ` +
          `${String(m.warnings).padStart(10)}  ${commitments}  ${behind}`,
      );
      if (m.not_assessed.length)
        ctx.ui.out(
          c.yellow(
            `           ${t(M.notAssessed, { files: m.not_assessed.join(", "), n: m.indicators_not_assessed })}`,
          ),
        );
    }
    ctx.ui.out();
  }
}
