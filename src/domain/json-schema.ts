// JSON Schema (draft-07) for editors, generated from the zod schemas: the `$schema` line at the
// top of every file points at these, so VS Code's YAML extension autocompletes and validates.
import { z } from "zod";
import { FILE_KINDS } from "./schema.js";

let generated: Readonly<Record<string, string>> | undefined;

/** The schema files by name. Generated once (the zod schemas never change while lokmin runs): `new` asks each time. */
export function jsonSchemas(): Record<string, string> {
  if (!generated) {
    const out: Record<string, string> = {};
    for (const kind of Object.values(FILE_KINDS)) {
      const schema = z.toJSONSchema(kind.schema, { target: "draft-7", io: "input", unrepresentable: "any" });
      out[kind.jsonSchemaFile] = `${JSON.stringify(schema, null, 2)}\n`;
    }
    generated = Object.freeze(out);
  }
  return { ...generated };
}
