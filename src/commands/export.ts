// `lokmin export --format csv|json`: every indicator, problem and commitment across months,
// one row per fact, to stdout or --out FILE (written atomically; CSV with a BOM for Excel).
import path from "node:path";
import type { Context } from "../cli/main.js";
import { UserError } from "../domain/findings.js";
import { exportRows, toCsv } from "../domain/export.js";
import { msg, t } from "../i18n/index.js";
import { writeFileAtomic } from "../io/write.js";
import { failOnInputErrors, openWorkspace } from "../cli/shared.js";

const M = {
  badFormat: msg("--format harus csv atau json", "--format must be csv or json"),
  badSep: msg("--sep harus satu karakter, mis. ';'", "--sep must be one character, e.g. ';'"),
  wrote: msg("{count} baris ditulis ke {file}", "{count} rows written to {file}"),
};

export async function run(
  ctx: Context,
  options: { format: string; out?: string; sep: string; force?: boolean },
): Promise<number> {
  if (!["csv", "json"].includes(options.format)) throw new UserError(t(M.badFormat));
  if (options.sep.length !== 1) throw new UserError(t(M.badSep));
  const workspace = openWorkspace(ctx);
  failOnInputErrors(workspace, () => true);
  const rows = exportRows(
    workspace.config.data,
    workspace.months.map((m) => ({ id: m.id, meeting: m.meeting?.data, programs: m.programs.map((p) => p.data) })),
  );
  const text = options.format === "csv" ? toCsv(rows, options.sep) : `${JSON.stringify(rows, null, 2)}\n`;
  if (!options.out) {
    process.stdout.write(text);
    return 0;
  }
  const file = path.resolve(ctx.cwd, options.out);
  writeFileAtomic(file, options.format === "csv" ? `\uFEFF${text}` : text, {
    overwrite: Boolean(options.force),
    label: options.out,
  });
  ctx.ui.err(t(M.wrote, { count: rows.length, file }));
  return 0;
}
