// `lokmin paket 2024-05`: one zip of the month for the Dinas (src/ops/paket.ts): the month's YAML,
// the documents, the `check` result and a manifest. Prints what was written, or that the package
// was already identical.
import type { Context } from "../cli/context.js";
import { msg, t } from "../i18n/index.js";
import { relativePath } from "../io/workspace.js";
import { paket } from "../ops/paket.js";

const M = {
  wrote: msg(
    "Paket {month} ditulis: {file} ({files} berkas, {documents} dokumen; check: {errors} galat, {warnings} " +
      "peringatan)",
    "Package {month} written: {file} ({files} files, {documents} documents; check: {errors} errors, {warnings} " +
      "warnings)",
  ),
  same: msg(
    "Paket {file} sudah sama persis; tidak ada yang diubah.",
    "Package {file} is already identical; nothing changed.",
  ),
};

export async function run(
  ctx: Context,
  monthArg: string | undefined,
  options: { out?: string; force?: boolean },
): Promise<number> {
  const result = await paket(ctx, { month: monthArg, out: options.out, force: options.force });
  if (ctx.ui.json) {
    ctx.ui.printJson(result);
    return 0;
  }
  const shown = relativePath(ctx.cwd, result.file).startsWith("..") ? result.file : relativePath(ctx.cwd, result.file);
  for (const warning of result.warnings) ctx.ui.err(`lokmin: ${warning}`);
  if (result.unchanged) ctx.ui.out(t(M.same, { file: shown }));
  else {
    const { manifest, month } = result;
    const documents = manifest.berkas.filter((f) => f.path.startsWith(`${month}/dokumen/`)).length;
    const values = { month, file: shown, files: manifest.berkas.length, documents };
    ctx.ui.out(t(M.wrote, { ...values, errors: manifest.check.galat, warnings: manifest.check.peringatan }));
  }
  return 0;
}
