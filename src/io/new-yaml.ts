// Writing a new YAML file the way lokmin writes them: the `$schema` line editors follow, a blank
// line and a comment before each commented section, and the canonical serialisation.
import type { Node } from "yaml";
import type { YamlFile } from "../domain/yaml-file.js";
import { FILE_KINDS } from "../domain/schema.js";
import { SCHEMA_DIR } from "../domain/workspace-data.js";
import { serializeYaml } from "./write.js";
import { yamlLib } from "./yaml-lib.js";

export function newYamlText(file: Pick<YamlFile, "file" | "kind" | "value" | "comments">): string {
  const y = yamlLib();
  const doc = new y.Document(file.value);
  const depth = file.file.split("/").length - 1;
  const schema = `${"../".repeat(depth)}${SCHEMA_DIR}/${FILE_KINDS[file.kind].jsonSchemaFile}`;
  doc.commentBefore = ` yaml-language-server: $schema=${schema}`;
  for (const comment of file.comments) {
    const parentPath = comment.path.slice(0, -1);
    const last = comment.path[comment.path.length - 1];
    const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
    let target: Node | undefined;
    if (y.isMap(parent)) {
      const pair = parent.items.find((item) => y.isScalar(item.key) && String(item.key.value) === String(last));
      target = pair?.key as Node | undefined;
    } else if (y.isSeq(parent) && typeof last === "number") {
      target = parent.items[last] as Node | undefined;
    }
    if (!target) continue;
    if (comment.path.length === 1) target.spaceBefore = true;
    target.commentBefore = ` ${comment.text}`;
  }
  return serializeYaml(doc);
}
