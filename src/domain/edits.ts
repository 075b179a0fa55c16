// Changes the domain asks for in a YAML file, as data: set a scalar, replace a value, append to a
// list, delete an entry. The edge (src/io) applies them to the file's text so that everything
// else in the file stays as the person wrote it.
import type { PathSegment } from "./findings.js";

export type YamlEdit =
  | { op: "set"; path: PathSegment[]; value: string | number | boolean | null; after?: string[] }
  | { op: "replace"; path: PathSegment[]; value: unknown; after?: string[] }
  | { op: "append"; path: PathSegment[]; items: unknown[] }
  | { op: "delete"; path: PathSegment[] };
