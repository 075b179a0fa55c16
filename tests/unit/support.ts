// Checking a fixture the way `lokmin check` does, in-process: load, check with a fixed date, and
// place the findings at their lines.
import { checkWorkspace } from "../../src/domain/check/check.js";
import { positionAll } from "../../src/io/positions.js";
import { loadWorkspace, probeFile } from "../../src/io/workspace.js";

export function checked(root: string, months?: string[], today = "2024-12-31") {
  const workspace = loadWorkspace(root);
  const report = checkWorkspace({ workspace, months, today, probe: probeFile(root) });
  const findings = positionAll(report.findings, (file) => workspace.sources.get(file));
  return { ...report, findings, workspace };
}
