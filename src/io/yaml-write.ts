// Applying the domain's edits to a YAML file and writing it back: the edits are spliced into the
// text (yaml-patch.ts), so only the values they name change and every other byte stays as the
// person wrote it; a second run with the same edits writes nothing; the write refuses if the file
// changed on disk since it was read. Where splicing cannot be done safely (an alias on the path),
// the edit goes through the YAML Document instead: the data is right, the layout canonical.
import path from "node:path";
import type { Document, Node, Pair } from "yaml";
import type { YamlEdit } from "../domain/edits.js";
import { serializeYaml, writeFileAtomic } from "./write.js";
import { applyYamlEdits, YamlPatchError } from "./yaml-patch.js";
import { yamlLib } from "./yaml-lib.js";
import type { YamlSource } from "./yaml-source.js";

function mapAt(doc: Document, p: readonly (string | number)[]) {
  const node = p.length === 0 ? doc.contents : doc.getIn(p, true);
  return yamlLib().isMap(node) ? node : null;
}

function ensureMap(doc: Document, p: readonly (string | number)[]): void {
  const y = yamlLib();
  for (let i = 1; i <= p.length; i++) {
    const partial = p.slice(0, i);
    const node = doc.getIn(partial, true) as Node | null | undefined;
    if (!y.isMap(node) && !y.isSeq(node)) doc.setIn(partial, doc.createNode({}));
  }
}

function setScalar(doc: Document, edit: Extract<YamlEdit, { op: "set" }>): boolean {
  const y = yamlLib();
  ensureMap(doc, edit.path.slice(0, -1));
  const parent = mapAt(doc, edit.path.slice(0, -1));
  if (!parent) return false;
  const key = String(edit.path[edit.path.length - 1]);
  const pair = parent.items.find((item) => y.isScalar(item.key) && String(item.key.value) === key) as Pair | undefined;
  if (pair) {
    if (y.isScalar(pair.value)) {
      if (pair.value.value === edit.value) return false;
      pair.value.value = edit.value;
      return true;
    }
    pair.value = new y.Scalar(edit.value);
    return true;
  }
  let index = parent.items.length;
  for (const name of edit.after ?? []) {
    const found = parent.items.findIndex((item) => y.isScalar(item.key) && String(item.key.value) === name);
    if (found >= 0) index = found + 1;
  }
  parent.items.splice(index, 0, new y.Pair(new y.Scalar(key), new y.Scalar(edit.value)));
  return true;
}

/** Apply edits to the source's text; returns the new text, or undefined when nothing changed. */
export function applyEdits(source: YamlSource, edits: readonly YamlEdit[]): string | undefined {
  if (edits.length === 0) return undefined;
  try {
    const patched = applyYamlEdits(source.text, edits);
    if (!patched.changed) return undefined;
    return source.bom ? `\uFEFF${patched.text}` : patched.text;
  } catch (error) {
    if (!(error instanceof YamlPatchError)) throw error;
    return applyThroughDocument(source, edits);
  }
}

function applyThroughDocument(source: YamlSource, edits: readonly YamlEdit[]): string | undefined {
  const y = yamlLib();
  const doc = source.doc.clone();
  let changed = false;
  for (const edit of edits) {
    switch (edit.op) {
      case "set":
        changed = setScalar(doc, edit) || changed;
        break;
      case "replace":
        doc.setIn(edit.path, doc.createNode(edit.value));
        changed = true;
        break;
      case "append": {
        if (edit.items.length === 0) break;
        const node = doc.getIn(edit.path, true);
        if (y.isSeq(node)) {
          node.flow = false;
          for (const item of edit.items) node.items.push(doc.createNode(item));
        } else doc.setIn(edit.path, doc.createNode(edit.items));
        changed = true;
        break;
      }
      case "delete":
        changed = doc.deleteIn(edit.path) || changed;
        break;
    }
  }
  return changed ? serializeYaml(doc, source) : undefined;
}

/** Apply the edits and write the file back atomically, refusing if it changed since it was read. */
export function writeEdits(
  root: string,
  source: YamlSource,
  edits: readonly YamlEdit[],
  options: { force?: boolean } = {},
): boolean {
  const text = applyEdits(source, edits);
  if (text === undefined) return false;
  const original = source.bom ? `\uFEFF${source.text}` : source.text;
  const { force } = options;
  writeFileAtomic(path.join(root, source.rel), text, { overwrite: true, force, label: source.rel, expected: original });
  return true;
}
