// `npm run schema`: the JSON Schema files the editors use, regenerated from the zod schemas into
// every folder the repository keeps them in: schema/ (shipped in the package), the .lokmin/schema
// of every workspace under examples/, and of every test fixture that carries one. A test fails
// when any of them is stale.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SCHEMA_DIR } from "../src/domain/workspace-data.js";
import { syncSchemas } from "../src/io/schemas.js";

/** Folders below `dir` (itself included) holding a lokmin.yaml, skipping dot folders and node_modules. */
function workspaces(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const here = existsSync(path.join(dir, "lokmin.yaml")) ? [dir] : [];
  const below = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith(".") && e.name !== "node_modules")
    .flatMap((e) => workspaces(path.join(dir, e.name)));
  return [...here, ...below];
}

/** Every folder `npm run schema` keeps current, relative to the repository. */
export function schemaFolders(repo: string): string[] {
  const examples = workspaces(path.join(repo, "examples")).map((ws) => path.join(ws, SCHEMA_DIR));
  const fixtures = workspaces(path.join(repo, "tests", "fixtures"))
    .map((ws) => path.join(ws, SCHEMA_DIR))
    .filter((dir) => existsSync(dir));
  return [path.join(repo, "schema"), ...examples, ...fixtures].map((dir) => path.relative(repo, dir));
}

if (process.argv[1]?.endsWith("schema.js")) {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  for (const folder of schemaFolders(repo)) {
    const changed = syncSchemas(path.join(repo, folder));
    process.stdout.write(`${folder}: ${changed.length ? changed.join(", ") : "current"}\n`);
  }
}
