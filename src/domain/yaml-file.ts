// A YAML file lokmin creates, as data: its workspace-relative name, its kind (which JSON Schema
// editors get), its value and the comments that guide whoever fills it in. src/io/new-yaml.ts
// writes it.
import type { PathSegment } from "./findings.js";

export type FileKindName = "workspace" | "meeting" | "program" | "tribulanan" | "pralokmin";

export interface YamlComment {
  path: PathSegment[];
  text: string;
}

export interface YamlFile {
  file: string;
  kind: FileKindName;
  value: unknown;
  comments: YamlComment[];
}

/** A comment before each top-level key that has one. */
export function commentsFor(value: object, comments: Record<string, string>): YamlComment[] {
  return Object.keys(value)
    .filter((key) => comments[key] !== undefined)
    .map((key) => ({ path: [key], text: comments[key] }));
}
