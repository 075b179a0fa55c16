// The JSON Schema files editors use, kept in a folder (the workspace's .lokmin/schema): written
// when missing or different, left alone when already current.
import path from "node:path";
import { jsonSchemas } from "../domain/json-schema.js";
import { readRegularFile } from "./fs-safe.js";
import { writeFileAtomic } from "./write.js";

/**
 * Write (or refresh) the schema files in `dir`; returns the names that changed. Inside a workspace
 * (`root`), a schema file is never read through a link out of it.
 */
export function syncSchemas(dir: string, root?: string): string[] {
  const changed: string[] = [];
  for (const [name, content] of Object.entries(jsonSchemas())) {
    const file = path.join(dir, name);
    const current = readRegularFile(file, { maxBytes: 4 * 1024 * 1024, root });
    if (current.ok && current.bytes.toString("utf8") === content) continue;
    writeFileAtomic(file, content, { overwrite: true, label: file });
    changed.push(name);
  }
  return changed;
}
