// `lokmin export --format csv|json`: every indicator, problem and commitment across months, one
// row per fact, to stdout or --out FILE (written atomically; CSV with a BOM for Excel). Cells that
// Excel would run as formulas are neutralised (OWASP CSV injection).
import path from "node:path";
import type { Context } from "../cli/context.js";
import { failOnInputErrors, openWorkspace } from "../cli/shared.js";
import { exportColumns, exportRows, toCsv } from "../domain/export.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { writeFileAtomic } from "../io/write.js";

const M = {
  badSep: msg(
    "--sep harus satu karakter selain tanda kutip, baris baru, angka atau huruf, mis. ';'",
    "--sep must be one character other than a quote, a line break, a digit or a letter, e.g. ';'",
  ),
  wrote: msg("{count} baris ditulis ke {file}", "{count} rows written to {file}"),
};

export async function run(
  ctx: Context,
  options: { format: "csv" | "json"; out?: string; sep: string; force?: boolean },
): Promise<number> {
  const format = options.format;
  if (!/^[^"\r\n\p{L}\p{N}]$/u.test(options.sep)) throw new UserError(t(M.badSep));
  const workspace = openWorkspace(ctx);
  failOnInputErrors(workspace, () => true);
  const months = workspace.months.map((m) => ({
    id: m.id,
    meeting: m.meeting?.data,
    quarterly: m.quarterly?.data,
    programs: m.programs.map((p) => p.data),
  }));
  const rows = exportRows(workspace.config.data, months);
  const decimalComma = options.sep === ";";
  const columns = exportColumns(workspace.config.data);
  if (!options.out) {
    if (ctx.ui.json) ctx.ui.printJson({ rows });
    else
      ctx.ui.write(
        format === "csv" ? toCsv(rows, options.sep, decimalComma, columns) : `${JSON.stringify(rows, null, 2)}\n`,
      );
    return 0;
  }
  const text =
    format === "csv"
      ? `\uFEFF${toCsv(rows, options.sep, decimalComma, columns)}`
      : `${JSON.stringify(rows, null, 2)}\n`;
  const file = path.resolve(ctx.cwd, options.out);
  writeFileAtomic(file, text, { overwrite: Boolean(options.force), label: options.out, force: Boolean(options.force) });
  if (ctx.ui.json) ctx.ui.printJson({ file, format, rows: rows.length });
  else ctx.ui.err(t(M.wrote, { count: rows.length, file }));
  return 0;
}
