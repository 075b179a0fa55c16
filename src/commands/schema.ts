// `lokmin schema`: write the JSON Schema files editors use into the workspace (.lokmin/schema).
import path from "node:path";
import type { Context } from "../cli/context.js";
import { requireFolder } from "../cli/shared.js";
import { SCHEMA_DIR } from "../domain/workspace-data.js";
import { msg, t } from "../i18n/index.js";
import { syncSchemas } from "../io/schemas.js";
import { findWorkspaceRoot } from "../io/workspace.js";

const M = {
  wrote: msg("JSON Schema ditulis ke {dir} ({changed} berubah)", "JSON Schema written to {dir} ({changed} changed)"),
};

export async function run(ctx: Context, options: { out?: string }): Promise<number> {
  const root = options.out ? undefined : findWorkspaceRoot(ctx.cwd);
  const dir = root === undefined ? path.resolve(ctx.cwd, options.out ?? ".") : path.join(root, SCHEMA_DIR);
  requireFolder(dir, { root });
  const changed = syncSchemas(dir, root);
  if (ctx.ui.json) ctx.ui.printJson({ dir, changed });
  else ctx.ui.out(t(M.wrote, { dir, changed: changed.length }));
  return 0;
}
