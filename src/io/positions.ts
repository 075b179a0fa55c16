// Turning findings into positioned diagnostics, once, where they are printed: a finding's YAML
// path becomes line:column in its file's source (the nearest existing key when the path is
// missing); a finding with a known position keeps it; anything else points at line 1.
import { type Diagnostic, type Finding, sortDiagnostics } from "../domain/findings.js";
import { locate, type YamlSource } from "./yaml-source.js";

export type SourceLookup = (file: string) => YamlSource | undefined;

export function position(finding: Finding, lookup: SourceLookup): Diagnostic {
  if (finding.line !== undefined && finding.column !== undefined)
    return { ...finding, line: finding.line, column: finding.column };
  const source = finding.path ? lookup(finding.file) : undefined;
  if (source && finding.path) {
    try {
      return { ...finding, ...locate(source, finding.path, finding.at ?? "key") };
    } catch {
      // a file that no longer parses: fall back to its first line
    }
  }
  return { ...finding, line: 1, column: 1 };
}

export const positionAll = (findings: readonly Finding[], lookup: SourceLookup): Diagnostic[] =>
  sortDiagnostics(findings.map((finding) => position(finding, lookup)));
