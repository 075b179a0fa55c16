// Turning findings into positioned diagnostics, once, where they are printed: a finding's YAML
// path becomes line:column in its file's source (the nearest existing key when the path is
// missing); a finding with a known position keeps it; anything else points at line 1. The other
// places a finding names (`related`, e.g. the second indicator of a relation) are placed the same way.
import { type Diagnostic, type Finding, type RelatedPlace, sortDiagnostics } from "../domain/findings.js";
import { locate, type YamlSource } from "./yaml-source.js";

export type SourceLookup = (file: string) => YamlSource | undefined;

function place(
  file: string,
  path: Finding["path"],
  at: Finding["at"],
  lookup: SourceLookup,
): { line: number; column: number } {
  const source = path ? lookup(file) : undefined;
  if (source && path) {
    try {
      return locate(source, path, at ?? "key");
    } catch {
      // a file that no longer parses: fall back to its first line
    }
  }
  return { line: 1, column: 1 };
}

const placeRelated = (related: readonly RelatedPlace[], lookup: SourceLookup) =>
  related.map(({ file, path, label }) => ({
    file,
    ...place(file, path, "value", lookup),
    ...(label ? { label } : {}),
  }));

export function position(finding: Finding, lookup: SourceLookup): Diagnostic {
  const { related, ...rest } = finding;
  const extra = related?.length ? { related: placeRelated(related, lookup) } : {};
  if (finding.line !== undefined && finding.column !== undefined)
    return { ...rest, ...extra, line: finding.line, column: finding.column };
  return { ...rest, ...extra, ...place(finding.file, finding.path, finding.at, lookup) };
}

export const positionAll = (findings: readonly Finding[], lookup: SourceLookup): Diagnostic[] =>
  sortDiagnostics(findings.map((finding) => position(finding, lookup)));
