// Findings as an operation returns them: positioned (line:column from the files' text) and in the
// JSON shape `--json` prints. The files already read are used for positions; others are read (and
// parsed) on demand.
import path from "node:path";
import type { Diagnostic, Finding } from "../domain/findings.js";
import { readRegularFile } from "../io/fs-safe.js";
import { positionAll, type SourceLookup } from "../io/positions.js";
import { decodeUtf8, MAX_FILE_BYTES, YamlSource } from "../io/yaml-source.js";

/** Source lookup for positions: the files already read, else read (and parsed) on demand. */
export function sourcesOf(root: string, known?: Map<string, YamlSource>): SourceLookup {
  const cache = new Map<string, YamlSource | undefined>(known);
  return (file) => {
    if (cache.has(file)) return cache.get(file);
    // Only YAML files have excerpts: a finding about a folder (or whatever stands in its place) has none.
    if (!/\.ya?ml$/i.test(file)) return undefined;
    const read = readRegularFile(path.join(root, file), { maxBytes: MAX_FILE_BYTES, root });
    const decoded = read.ok ? decodeUtf8(read.bytes, file) : undefined;
    const source = decoded?.text === undefined ? undefined : new YamlSource(file, decoded.text, decoded.bom);
    cache.set(file, source);
    return source;
  };
}

/**
 * The JSON view of a diagnostic: `line`/`column` its start, `end_line`/`end_column` its end (exclusive),
 * `related` the other places it names.
 */
export const diagnosticJson = ({
  rule,
  severity,
  file,
  start,
  end,
  message,
  defaultSeverity,
  related,
}: Diagnostic) => ({
  rule,
  severity,
  file,
  line: start.line,
  column: start.column,
  end_line: end.line,
  end_column: end.column,
  message,
  ...(defaultSeverity ? { severity_default: defaultSeverity } : {}),
  ...(related?.length ? { related } : {}),
});

export type FindingJson = ReturnType<typeof diagnosticJson>;

export function findingsJson(
  root: string,
  findings: readonly Finding[],
  known?: Map<string, YamlSource>,
): FindingJson[] {
  return positionAll(findings, sourcesOf(root, known)).map(diagnosticJson);
}
