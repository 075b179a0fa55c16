// The JSON Schema files editors use, kept in a folder (the workspace's .lokmin/schema): written
// when missing or different, left alone when already current.
import path from "node:path";
import { jsonSchemas } from "../domain/json-schema.js";
import { FILE_KINDS } from "../domain/schema.js";
import { checkRegularFile, describeReadFailure, folderLabel, pathPresent, readRegularFile } from "./fs-safe.js";
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

/**
 * Why schema files in `dir` could not be refreshed, checked before a command writes anything: each
 * one present must be a regular file inside the workspace (`root`).
 */
export function unwritableSchemas(dir: string, root: string): string[] {
  const problems: string[] = [];
  for (const name of Object.values(FILE_KINDS).map((kind) => kind.jsonSchemaFile)) {
    const file = path.join(dir, name);
    if (!pathPresent(file)) continue;
    const checked = checkRegularFile(file, { root });
    if (!checked.ok) problems.push(describeReadFailure(checked, folderLabel(root, file)));
  }
  return problems;
}
