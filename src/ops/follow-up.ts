// Operation `follow-up`: carry the month's chosen solutions on as RTL activities, or its RTL
// activities on as kesepakatan (domain/follow-up.ts proposes the rows), appended to rapat.yaml
// under the workspace lock through the edit plan: only the new rows are written, the result is
// validated against the schema, and running it twice adds nothing the second time.
import { actionsFromSolutions, commitmentsFromActions, type Skipped } from "../domain/follow-up.js";
import { meetingSchema } from "../domain/schema.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { commitPlan, planEdits } from "../io/edit-plan.js";
import { type OpContext, whileLocked } from "./context.js";
import { failOnInputErrors, inMonth, openMonth, requireMonth } from "./workspace.js";

export type FollowUpStep = "rtl" | "kesepakatan";

export interface FollowUpResult {
  month: string;
  step: FollowUpStep;
  /** The ids of the rows added. */
  added: string[];
  /** What could not be carried on (its id and its words), and why. */
  skipped: { id: string; label: string; reason: string }[];
}

const M = {
  none: msg("{file} tidak ada: buat bulannya dulu", "{file} does not exist: prepare the month first"),
  invalid: msg(
    "{file} tidak sah setelah baris baru ditambahkan; tidak ada yang ditulis",
    "{file} would not be valid with the new rows; nothing was written",
  ),
};

/** What `followUp` would add, without writing. */
export function proposeFollowUp(ctx: OpContext, month: string, step: FollowUpStep, root?: string) {
  requireMonth(month);
  const { workspace, loaded } = openMonth(ctx, month, "month", root);
  failOnInputErrors(workspace, inMonth(month));
  const meeting = loaded.meeting;
  const source = meeting && workspace.sources.get(meeting.file);
  if (!meeting || !source) throw new UserError(t(M.none, { file: `${month}/rapat.yaml` }));
  const proposal =
    step === "rtl"
      ? actionsFromSolutions(meeting.data, workspace.config.data.program)
      : commitmentsFromActions(meeting.data, month);
  return { workspace, meeting, source, proposal };
}

const skippedJson = (skipped: Skipped[]) => skipped.map((s) => ({ id: s.id, label: s.label, reason: t(s.reason) }));

/**
 * What a page offers to carry on (each row's id and its words, what waits and why); nothing when the
 * month cannot be read, which Periksa says.
 */
export function followUpOffer(ctx: OpContext, month: string, step: FollowUpStep) {
  try {
    const { proposal } = proposeFollowUp(ctx, month, step, ctx.root);
    const rows = proposal.rows.map((row) => ({ id: row.id, text: "kegiatan" in row ? row.kegiatan : row.uraian }));
    return { rows, skipped: skippedJson(proposal.skipped) };
  } catch {
    return { rows: [], skipped: [] };
  }
}

export async function followUp(ctx: OpContext, options: { month: string; step: FollowUpStep }) {
  return whileLocked(ctx, "follow-up", (root): FollowUpResult => {
    const { workspace, meeting, source, proposal } = proposeFollowUp(ctx, options.month, options.step, root);
    const base = { month: options.month, step: options.step, skipped: skippedJson(proposal.skipped) };
    if (!proposal.rows.length) return { ...base, added: [] };
    const key = options.step === "rtl" ? "rtl" : "kesepakatan";
    const plan = planEdits(workspace.root, {
      edit: [{ source, edits: [{ op: "append", path: [key], items: proposal.rows }], schema: meetingSchema }],
    });
    if (plan.findings.length)
      throw new UserError(t(M.invalid, { file: meeting.file }), plan.findings, workspace.root, plan.sources);
    commitPlan(plan, { force: false });
    return { ...base, added: proposal.rows.map((row) => row.id) };
  });
}
