// Surgical edits of a parsed YAML document through eemeli/yaml's Document API: values are
// changed in place and new keys inserted next to related ones, so comments, key order and
// quoting of everything else survive a write-back.
import type { Document, Pair, YAMLMap } from "yaml";
import { yamlLib } from "./yaml-lib.js";
import type { PathSegment } from "./yaml-source.js";

function mapAt(doc: Document, path: readonly PathSegment[]): YAMLMap | null {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  return yamlLib().isMap(node) ? node : null;
}

/** Append items to the sequence at `path`, creating it when missing. Returns how many were added. */
export function appendToSeq(doc: Document, path: readonly PathSegment[], items: readonly unknown[]): number {
  if (items.length === 0) return 0;
  const node = doc.getIn(path, true);
  if (yamlLib().isSeq(node)) {
    node.flow = false;
    for (const item of items) node.items.push(doc.createNode(item));
  } else {
    doc.setIn(path, doc.createNode(items));
  }
  return items.length;
}

/**
 * Set a scalar value at `path` (the parent must be a map). An existing scalar keeps its
 * comments; a new key is inserted after the last of `after` that exists, else at the end.
 * Returns true when the document changed.
 */
export function setScalar(
  doc: Document,
  path: readonly PathSegment[],
  value: string | number | boolean | null,
  after: readonly string[] = [],
): boolean {
  const parent = mapAt(doc, path.slice(0, -1));
  if (!parent) return false;
  const key = String(path[path.length - 1]);
  const pair = parent.items.find(
    (item) => yamlLib().isPair(item) && yamlLib().isScalar(item.key) && String(item.key.value) === key,
  ) as Pair | undefined;
  if (pair) {
    if (yamlLib().isScalar(pair.value)) {
      if (pair.value.value === value) return false;
      pair.value.value = value;
      return true;
    }
    pair.value = new (yamlLib().Scalar)(value);
    return true;
  }
  let index = parent.items.length;
  for (const name of after) {
    const found = parent.items.findIndex((item) => yamlLib().isScalar(item.key) && String(item.key.value) === name);
    if (found >= 0) index = found + 1;
  }
  parent.items.splice(index, 0, new (yamlLib().Pair)(new (yamlLib().Scalar)(key), new (yamlLib().Scalar)(value)));
  return true;
}
