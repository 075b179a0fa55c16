// The carry operation: add to an existing month the evaluation entries of commitments still open;
// only those entries are added, everything else in the file stays as written. Idempotent.
// rapat.yaml gets the monthly kesepakatan; a tribulanan.yaml in the month gets the quarterly ones
// (made at earlier quarterly meetings: each series is evaluated at its own next meeting).
import { commitmentIdFindings, evaluationsToCarry } from "../domain/commitments.js";
import type { CommitmentSeries } from "../domain/meeting-kinds.js";
import { type Evaluation, meetingSchema, quarterlyMeetingSchema } from "../domain/schema.js";
import { monthMeetings, WORKSPACE_FILE } from "../domain/workspace-data.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { commitPlan, type FileEdits, planEdits } from "../io/edit-plan.js";
import { type OpContext, whileLocked } from "./context.js";
import { failOnInputErrors, openMonth, requireMonth } from "./workspace.js";

const M = {
  badIds: msg(
    "id kesepakatan tidak konsisten; perbaiki dulu agar tidak ada yang tercatat dua kali",
    "commitment ids are inconsistent; fix them first so nothing is recorded twice",
  ),
  noMeeting: msg("{file} tidak dapat dibaca", "{file} cannot be read"),
};

export interface CarryOptions {
  /** YYYY-MM; the latest month when not given. */
  month?: string;
  /** Write to read-only YAML files too. */
  force?: boolean;
}

export interface CarryResult {
  month: string;
  /** The ids of the commitments carried, every file's together. */
  added: string[];
  /** The ids carried into each file. */
  files: Record<string, string[]>;
}

export async function carry(ctx: OpContext, options: CarryOptions = {}): Promise<CarryResult> {
  if (options.month !== undefined) requireMonth(options.month);
  return whileLocked(ctx, "carry", (root) => carryInto(ctx, root, options));
}

function carryInto(ctx: OpContext, root: string, options: CarryOptions): CarryResult {
  const { workspace, month, loaded: target } = openMonth(ctx, options.month, "commitments-before", root);
  failOnInputErrors(
    workspace,
    (file) => file === WORKSPACE_FILE || file.endsWith("rapat.yaml") || file.endsWith("tribulanan.yaml"),
  );
  const series: CommitmentSeries[] = [
    "bulanan",
    ...(target.quarterly || target.quarterlyCommitments ? ["tribulanan" as const] : []),
  ];
  const plans = series.map((one) => {
    const meetings = monthMeetings(workspace, one);
    const idErrors = commitmentIdFindings(meetings).filter(
      (d) => d.severity === "error" && d.file.startsWith(`${month}/`),
    );
    if (idErrors.length) throw new UserError(t(M.badIds), idErrors, workspace.root);
    const meeting = meetings.find((m) => m.id === month);
    const source = meeting && workspace.sources.get(meeting.file);
    const file = one === "bulanan" ? `${month}/rapat.yaml` : `${month}/tribulanan.yaml`;
    if (!meeting || !source) throw new UserError(t(M.noMeeting, { file }));
    const toAdd: Evaluation[] = evaluationsToCarry(meetings, month, meeting.meeting.evaluasi_kesepakatan);
    const schema = one === "bulanan" ? meetingSchema : quarterlyMeetingSchema;
    return { file: meeting.file, source, toAdd, schema };
  });
  const files: Record<string, string[]> = {};
  const edit: FileEdits[] = [];
  for (const plan of plans) {
    if (plan.toAdd.length === 0) continue;
    edit.push({
      source: plan.source,
      edits: [{ op: "append", path: ["evaluasi_kesepakatan"], items: plan.toAdd }],
      schema: plan.schema,
    });
    files[plan.file] = plan.toAdd.map((e) => e.id);
  }
  commitPlan(planEdits(workspace.root, { edit }), { force: Boolean(options.force) });
  return { month, added: Object.values(files).flat(), files };
}
