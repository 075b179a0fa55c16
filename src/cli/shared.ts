// What commands share at the edge: printing findings with their positions and excerpts. Opening
// the workspace, the month argument and the lock belong to the operations (src/ops), re-exported
// here for the commands that do not have an operation of their own yet.
import type { Finding } from "../domain/findings.js";
import { positionAll } from "../io/positions.js";
import type { YamlSource } from "../io/yaml-source.js";
import { sourcesOf } from "../ops/findings.js";
import type { Context } from "./context.js";
import { formatDiagnostics } from "./ui.js";

export { findingsJson, sourcesOf } from "../ops/findings.js";
export {
  checkInput,
  failOnBrokenFolders,
  failOnInputErrors,
  inMonth,
  monthArgument,
  openWorkspace,
  requireFolder,
  requireLoadedMonth,
  requireMonth,
} from "../ops/workspace.js";

/** Print findings with positions and excerpts, on stdout (check's report) or stderr (why a command stopped). */
export function printFindings(
  ctx: Pick<Context, "ui">,
  root: string,
  findings: readonly Finding[],
  where: "out" | "err",
  known?: Map<string, YamlSource>,
) {
  if (findings.length === 0) return;
  const lookup = sourcesOf(root, known);
  const lines = formatDiagnostics(ctx.ui, positionAll(findings, lookup), (file) => lookup(file)?.text);
  for (const line of lines) ctx.ui[where](line);
}
