// The check engine: runs every rule group over a workspace (all months or the ones asked for),
// applies the rule settings of lokmin.yaml, and returns the findings plus each month's Daftar
// Tilik, SOP and archive status. Pure: data in, data out; the clock and the disk come in `input`.
import type { Finding } from "../findings.js";
import { supervisionProfile } from "../regulations.js";
import { type MonthMeeting, monthMeetings, type WorkspaceData } from "../workspace-data.js";
import {
  type ArchiveItem,
  archiveChecklist,
  type SopItem,
  sopChecklist,
  type TilikItem,
  tilikChecklist,
} from "./checklists.js";
import type { FileKind, MonthContext } from "./context.js";
import { runGroup } from "./registry.js";
import { MONTH_GROUPS, OTHER_MEETING_GROUPS, ruleCatalogue, WORKSPACE_GROUPS } from "./rules/index.js";
import { SOP_PROFILES } from "../sop.js";
import { applyRuleSettings, type MembersOf, settableKeys, settingStatus } from "./settings.js";
import { UNUSUAL } from "../verification.js";

export interface MonthReport {
  month: string;
  /** False when the meeting file could not be read: the checklists then say little. */
  complete: boolean;
  /** Program files that could not be read: the scores leave them out, so they are provisional. */
  unassessed: string[];
  tilik: { score: number; total: number; items: Array<Omit<TilikItem, "severity" | "path">> };
  sop: { profile: string; done: number; required: number; steps: SopItem[] };
  arsip: { present: number; total: number; items: Array<Omit<ArchiveItem, "severity" | "path" | "hint">> };
}

export interface CheckReport {
  findings: Finding[];
  months: MonthReport[];
  /** Findings switched off by lokmin.yaml's `aturan`. */
  off: number;
}

export interface CheckInput {
  workspace: WorkspaceData;
  /** Months to check; all when empty. */
  months?: readonly string[];
  /** Today as an ISO date. */
  today: string;
  /** What a workspace-relative path names on disk (the logo). */
  probe: (rel: string) => FileKind;
}

const isMonthFile = (file: string) => /^\d{4}-\d{2}(\/|$)/.test(file);

export function checkWorkspace({ workspace, months, today, probe }: CheckInput): CheckReport {
  const wanted = (id: string) => !months || months.length === 0 || months.includes(id);
  const findings: Finding[] = workspace.findings.filter((f) => !isMonthFile(f.file) || wanted(f.file.slice(0, 7)));
  const config = workspace.config;
  if (!config) return { findings, months: [], off: 0 };
  const profile = supervisionProfile(config.data.pembinaan, config.data.dinas_kesehatan.nama);
  const catalogue = ruleCatalogue();
  // The SOP steps a setting may name are this workspace's: its profile's and its own (tambahan).
  const sopSteps = SOP_PROFILES[config.data.sop.profil];
  const membersOf: MembersOf = (family, entry) =>
    family === "sop"
      ? sopSteps && [...sopSteps, ...config.data.sop.tambahan].map((step) => step.id)
      : entry.spec.members?.();
  let settable: string[] | undefined;
  const rules = {
    status: (id: string) => settingStatus(id, catalogue, membersOf),
    ids: catalogue.map((entry) => entry.id),
    // Only a setting lokmin.yaml names wrongly asks for the keys to hint from (worked out on demand).
    get settable() {
      return (settable ??= settableKeys(catalogue, membersOf));
    },
  };
  for (const group of WORKSPACE_GROUPS) {
    findings.push(...runGroup(group, { config: config.data, file: config.file, probe, today, profile, rules }));
  }
  const meetings: MonthMeeting[] = monthMeetings(workspace);
  const quarterly: MonthMeeting[] = monthMeetings(workspace, "tribulanan");
  const reports: MonthReport[] = [];
  workspace.months.forEach((month, index) => {
    if (!wanted(month.id)) return;
    const ctx: MonthContext = {
      config: config.data,
      month,
      previous: workspace.months[index - 1],
      earlier: workspace.months.slice(Math.max(0, index - UNUSUAL.window), index),
      meetings,
      quarterly,
      loadFindings: workspace.findings.filter((f) => f.file.startsWith(`${month.id}/`)),
      today,
      profile,
    };
    if (month.meeting) for (const group of MONTH_GROUPS) findings.push(...runGroup(group, ctx));
    // The quarterly meeting and the pralokmin are checked even when rapat.yaml cannot be read.
    for (const group of OTHER_MEETING_GROUPS) findings.push(...runGroup(group, ctx));
    reports.push(monthReport(ctx));
  });
  const fixedIds = new Set(catalogue.filter((entry) => entry.spec.fixed).map((entry) => entry.id));
  const settled = applyRuleSettings(dedupe(findings), config.data.aturan, (rule) => fixedIds.has(rule));
  return { findings: settled.findings, months: reports, off: settled.off };
}

function monthReport(ctx: MonthContext): MonthReport {
  const tilik = tilikChecklist(ctx);
  const sop = sopChecklist(ctx);
  const arsip = archiveChecklist(ctx);
  const required = sop.steps.filter((s) => s.applies === "required");
  return {
    month: ctx.month.id,
    complete: ctx.month.meeting !== undefined,
    unassessed: ctx.month.unreadable ?? [],
    tilik: { score: tilik.score, total: tilik.total, items: tilik.items.map(({ severity, path, ...rest }) => rest) },
    sop: {
      profile: sop.profile,
      done: required.filter((s) => s.done).length,
      required: required.length,
      steps: sop.steps,
    },
    arsip: {
      present: arsip.filter((a) => a.present === true).length,
      total: arsip.filter((a) => a.present !== null).length,
      items: arsip.map(({ severity, path, hint, ...rest }) => rest),
    },
  };
}

function dedupe(list: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const key = `${f.rule}|${f.file}|${JSON.stringify(f.path ?? [])}|${f.line ?? ""}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
