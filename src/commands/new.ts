// `lokmin new 2024-05`: scaffold a month folder (src/ops/month.ts), carrying every open commitment
// of earlier months into its evaluation section; `--lengkapi` completes an existing month,
// `--tribulanan` and `--pralokmin` scaffold the meetings held beside the monthly Lokmin.
import type { Context } from "../cli/context.js";
import { parseMonth } from "../domain/month.js";
import { msg, t } from "../i18n/index.js";
import { newMonth } from "../ops/month.js";

const M = {
  created: msg(
    "Bulan {month} dibuat: {count} berkas, {carried} kesepakatan terbuka dibawa.",
    "Month {month} created: {count} files, {carried} open commitments carried.",
  ),
  completed: msg(
    "Bulan {month} dilengkapi: {files} berkas baru, {indicators} indikator ditambahkan; isi yang ada tidak diubah.",
    "Month {month} completed: {files} new files, {indicators} indicators added; existing content unchanged.",
  ),
  nothingMissing: msg(
    "Bulan {month} sudah lengkap; tidak ada yang diubah.",
    "Month {month} is complete; nothing changed.",
  ),
  backup: msg("Isi lama {month} disimpan di {dir}", "The old content of {month} is kept in {dir}"),
  createdOther: msg(
    "{month}: {count} berkas dibuat ({files}); {carried} kesepakatan tribulanan terbuka dibawa.",
    "{month}: {count} files created ({files}); {carried} open quarterly commitments carried.",
  ),
  pralokminComplete: msg(
    "{month}: berkas pralokmin setiap klaster sudah ada; tidak ada yang diubah.",
    "{month}: every klaster already has its pralokmin file; nothing changed.",
  ),
  quarterHint: msg(
    "Bulan akhir triwulan: Lokmin tribulanan lintas sektor dibuat dengan `lokmin new {month} --tribulanan`.",
    "End of a quarter: scaffold the quarterly cross-sector Lokmin with `lokmin new {month} --tribulanan`.",
  ),
};

interface NewOptions {
  mulai: string;
  force?: boolean;
  lengkapi?: boolean;
  tribulanan?: boolean;
  pralokmin?: boolean;
}

export async function run(ctx: Context, monthArg: string | undefined, options: NewOptions): Promise<number> {
  const result = await newMonth(ctx, {
    month: monthArg,
    start: options.mulai,
    complete: options.lengkapi,
    quarterly: options.tribulanan,
    pralokmin: options.pralokmin,
    force: options.force,
  });
  if (ctx.ui.json) {
    ctx.ui.printJson(result);
    return 0;
  }
  const { month } = result;
  if ("indicators_added" in result) {
    const { files, indicators_added: indicators } = result;
    if (files.length === 0 && indicators === 0) ctx.ui.out(t(M.nothingMissing, { month }));
    else ctx.ui.out(t(M.completed, { month, files: files.length, indicators }));
    return 0;
  }
  if (result.backup) ctx.ui.out(t(M.backup, { month, dir: result.backup }));
  if (options.tribulanan || options.pralokmin) {
    const pralokmin = result.files.filter((f) => f.startsWith(`${month}/pralokmin/`));
    if (options.pralokmin && pralokmin.length === 0) ctx.ui.out(t(M.pralokminComplete, { month }));
    if (result.files.length) {
      const names = result.files.join(", ");
      ctx.ui.out(
        t(M.createdOther, { month, count: result.files.length, files: names, carried: result.carried.length }),
      );
    }
    return 0;
  }
  ctx.ui.out(t(M.created, { month, count: result.files.length, carried: result.carried.length }));
  if ((parseMonth(month)?.month ?? 1) % 3 === 0) ctx.ui.out(t(M.quarterHint, { month }));
  return 0;
}
