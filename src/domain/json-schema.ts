// JSON Schema (draft-07) for editors, generated from the zod schemas: the `$schema` line at the
// top of every file points at these, so VS Code's YAML extension autocompletes and validates.
import { z } from "zod";
import { FILE_KINDS } from "./schema.js";

export function jsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kind of Object.values(FILE_KINDS)) {
    const schema = z.toJSONSchema(kind.schema, { target: "draft-7", io: "input", unrepresentable: "any" });
    out[kind.jsonSchemaFile] = `${JSON.stringify(schema, null, 2)}\n`;
  }
  return out;
}
