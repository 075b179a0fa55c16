// The edits of a page applied to plain data instead of the file's text: what the file would hold
// after a save, for what a page computes from values not yet saved (the scoring matrix's totals and
// ranks as the person types). Pure; the input is not changed.
import type { YamlEdit } from "../edits.js";
import type { PathSegment } from "../findings.js";
import { isObject } from "./model.js";

type Container = Record<string, unknown> | unknown[];

export function applyToData(data: unknown, edits: readonly YamlEdit[]): unknown {
  const root = structuredClone(isObject(data) ? data : {}) as Record<string, unknown>;
  for (const edit of edits) {
    const path = edit.path;
    if (path.length === 0) continue;
    const parent = walk(root, path.slice(0, -1), edit.op !== "delete");
    const last = path[path.length - 1];
    if (!parent) continue;
    switch (edit.op) {
      case "set":
      case "replace":
        assign(parent, last, structuredClone(edit.value));
        break;
      case "append": {
        const list = get(parent, last);
        if (Array.isArray(list)) list.push(...structuredClone(edit.items));
        else assign(parent, last, structuredClone(edit.items));
        break;
      }
      case "delete":
        if (Array.isArray(parent) && typeof last === "number") parent.splice(last, 1);
        else if (!Array.isArray(parent)) delete parent[String(last)];
        break;
    }
  }
  return root;
}

const get = (at: Container, key: PathSegment) => (Array.isArray(at) ? at[Number(key)] : at[String(key)]);
const assign = (at: Container, key: PathSegment, value: unknown) => {
  if (Array.isArray(at)) at[Number(key)] = value;
  else at[String(key)] = value;
};

function walk(root: Container, path: readonly PathSegment[], create: boolean): Container | undefined {
  let at: Container = root;
  for (const segment of path) {
    let next = get(at, segment);
    if (!isObject(next) && !Array.isArray(next)) {
      if (!create || typeof segment === "number") return undefined;
      next = {};
      assign(at, segment, next);
    }
    at = next as Container;
  }
  return at;
}
