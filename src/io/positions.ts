// Turning findings into positioned diagnostics, once, where they are printed: a finding's YAML
// path becomes a range of its file's text — the value or key it names, from start to end (the
// nearest existing key when the path is missing); a finding with a known position keeps it;
// anything else points at line 1. The other places a finding names (`related`, e.g. the second
// indicator of a relation) are placed the same way, at their start.
import { type Diagnostic, type Finding, placed, type RelatedPlace, sortDiagnostics } from "../domain/findings.js";
import { locate, type YamlSource } from "./yaml-source.js";

export type SourceLookup = (file: string) => YamlSource | undefined;

function placeRelated(related: readonly RelatedPlace[], lookup: SourceLookup) {
  return related.map(({ file, path, label }) => {
    let at = { line: 1, column: 1 };
    const source = path ? lookup(file) : undefined;
    if (source && path) {
      try {
        const { line, column } = locate(source, path, "value");
        at = { line, column };
      } catch {
        // a file that no longer parses: its first line
      }
    }
    return { file, ...at, ...(label ? { label } : {}) };
  });
}

export function position(finding: Finding, lookup: SourceLookup): Diagnostic {
  const { related, ...rest } = finding;
  const diagnostic = placeFinding(rest, lookup);
  return related?.length ? { ...diagnostic, related: placeRelated(related, lookup) } : diagnostic;
}

function placeFinding(finding: Omit<Finding, "related">, lookup: SourceLookup): Diagnostic {
  if (finding.line !== undefined && finding.column !== undefined)
    return placed(finding, { line: finding.line, column: finding.column }, finding.end);
  const source = finding.path ? lookup(finding.file) : undefined;
  if (source && finding.path) {
    try {
      const { end, ...start } = locate(source, finding.path, finding.at ?? "key");
      return placed(finding, start, end);
    } catch {
      // a file that no longer parses: fall back to its first line
    }
  }
  return placed(finding, { line: 1, column: 1 });
}

export const positionAll = (findings: readonly Finding[], lookup: SourceLookup): Diagnostic[] =>
  sortDiagnostics(findings.map((finding) => position(finding, lookup)));
