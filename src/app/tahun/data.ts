// The year page's data at the edge: the workspace loaded the way `pkp`, `report` and `commitments`
// load it (the year's months in full, the other months' kesepakatan only, through the parse cache),
// then handed to the one pure builder (src/domain/year-glance.ts). Files of the year that cannot be
// read are named with their line, as those commands would name them.
import type { Diagnostic } from "../../domain/findings.js";
import { isMonthId } from "../../domain/month.js";
import { WORKSPACE_FILE } from "../../domain/workspace-data.js";
import { monthMeetings } from "../../domain/workspace-data.js";
import { type YearGlance, yearGlance } from "../../domain/year-glance.js";
import { ParseCache } from "../../io/cache.js";
import { positionAll } from "../../io/positions.js";
import { listMonths, loadWorkspace } from "../../io/workspace.js";

export interface YearData {
  /** Years with at least one month folder, newest last. */
  years: number[];
  glance?: YearGlance;
  /** Errors in lokmin.yaml or the year's files: what is shown leaves those files out. */
  problems: Diagnostic[];
}

export const yearsOf = (root: string) =>
  [...new Set(listMonths(root).map((id) => Number(id.slice(0, 4))))].sort((a, b) => a - b);

export function loadYear(root: string, env: NodeJS.ProcessEnv, year: number): YearData {
  const prefix = `${year}-`;
  const cache = new ParseCache(root, env);
  const workspace = loadWorkspace(root, { scope: (id) => (id.startsWith(prefix) ? "full" : "kesepakatan"), cache });
  cache.save();
  const years = yearsOf(root);
  const mine = (file: string) =>
    file === WORKSPACE_FILE ||
    file.startsWith(prefix) ||
    (isMonthId(file.slice(0, 7)) && /rapat|tribulanan/.test(file));
  const problems = positionAll(
    workspace.findings.filter((f) => f.severity === "error" && mine(f.file)),
    (file) => workspace.sources.get(file),
  );
  const config = workspace.config?.data;
  if (!config) return { years, problems };
  const glance = yearGlance({
    config,
    year,
    months: workspace.months.map((m) => ({
      id: m.id,
      meeting: m.meeting?.data,
      quarterly: m.quarterly?.data,
      pralokmin: m.pralokmin?.map((p) => p.data),
      programs: m.programs.map((p) => p.data),
    })),
    meetings: { bulanan: monthMeetings(workspace), tribulanan: monthMeetings(workspace, "tribulanan") },
  });
  return { years, glance, problems };
}
