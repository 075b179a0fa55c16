// `lokmin schema`: write the JSON Schema files editors use into the workspace (.lokmin/schema).

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Context } from "../cli/main.js";
import { msg, t } from "../i18n/index.js";
import { jsonSchemas } from "../domain/json-schema.js";
import { findWorkspaceRoot, SCHEMA_DIR } from "../io/workspace.js";
import { writeFileAtomic } from "../io/write.js";

const M = {
  wrote: msg("JSON Schema ditulis ke {dir} ({changed} berubah)", "JSON Schema written to {dir} ({changed} changed)"),
};

/** Write (or refresh) the schema files in `dir`; returns the names that changed. */
export function syncSchemas(dir: string): string[] {
  const changed: string[] = [];
  for (const [name, content] of Object.entries(jsonSchemas())) {
    const file = path.join(dir, name);
    if (existsSync(file) && readFileSync(file, "utf8") === content) continue;
    writeFileAtomic(file, content, { overwrite: true });
    changed.push(name);
  }
  return changed;
}

export async function run(ctx: Context, options: { out?: string }): Promise<number> {
  const dir = options.out ? path.resolve(ctx.cwd, options.out) : path.join(findWorkspaceRoot(ctx.cwd), SCHEMA_DIR);
  const changed = syncSchemas(dir);
  if (ctx.ui.json) ctx.ui.printJson({ dir, changed });
  else ctx.ui.out(t(M.wrote, { dir, changed: changed.length }));
  return 0;
}
