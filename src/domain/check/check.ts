// The check engine: runs every registered rule over the loaded workspace (all months or the
// ones asked for) and returns findings plus each month's Daftar Tilik, SOP and archive status.
// Pure: takes a loaded workspace, returns data.
import type { MonthMeeting } from "../commitments.js";
import { type Diagnostic, sortDiagnostics } from "../findings.js";
import { type LoadedWorkspace, monthMeetings } from "../../io/workspace.js";
import {
  type ArchiveItem,
  archiveChecklist,
  type SopItem,
  sopChecklist,
  type TilikItem,
  tilikChecklist,
} from "./checklists.js";
import type { MonthContext } from "./context.js";
import { MONTH_RULES, WORKSPACE_RULES } from "./rules.js";

export interface MonthReport {
  month: string;
  tilik: { score: number; total: number; items: Array<Omit<TilikItem, "severity" | "path">> };
  sop: { profile: string; done: number; required: number; steps: SopItem[] };
  arsip: { present: number; total: number; items: Array<Omit<ArchiveItem, "severity" | "path" | "hint">> };
}

export interface CheckReport {
  findings: Diagnostic[];
  months: MonthReport[];
}

export function checkWorkspace(workspace: LoadedWorkspace, months?: readonly string[]): CheckReport {
  const findings: Diagnostic[] = [];
  const wanted = (id: string) => !months || months.length === 0 || months.includes(id);
  const config = workspace.config;
  findings.push(...workspace.diagnostics.filter((d) => !/^\d{4}-\d{2}\//.test(d.file) || wanted(d.file.slice(0, 7))));
  if (!config) return { findings: sortDiagnostics(findings), months: [] };
  for (const rule of WORKSPACE_RULES) findings.push(...rule.run(config.data, config.source, workspace.root));
  const meetings: MonthMeeting[] = monthMeetings(workspace);
  const reports: MonthReport[] = [];
  workspace.months.forEach((month, index) => {
    if (!wanted(month.id)) return;
    const loadFindings = workspace.diagnostics.filter((d) => d.file.startsWith(`${month.id}/`));
    const ctx: MonthContext = {
      config: config.data,
      configSource: config.source,
      month,
      previous: workspace.months[index - 1],
      meetings,
      meetingValid: month.meeting !== undefined,
      loadFindings,
    };
    if (month.meeting) for (const rule of MONTH_RULES) findings.push(...rule.run(ctx));
    const tilik = tilikChecklist(ctx);
    const sop = sopChecklist(ctx);
    const arsip = archiveChecklist(ctx);
    reports.push({
      month: month.id,
      tilik: { score: tilik.score, total: tilik.total, items: tilik.items.map(({ severity, path, ...rest }) => rest) },
      sop: {
        profile: sop.profile,
        done: sop.steps.filter((s) => s.applies === "required" && s.done).length,
        required: sop.steps.filter((s) => s.applies === "required").length,
        steps: sop.steps,
      },
      arsip: {
        present: arsip.filter((a) => a.present === true).length,
        total: arsip.filter((a) => a.present !== null).length,
        items: arsip.map(({ severity, path, hint, ...rest }) => rest),
      },
    });
  });
  return { findings: sortDiagnostics(dedupe(findings)), months: reports };
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.rule}|${d.file}|${d.line}|${d.column}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
