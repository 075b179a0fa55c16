// `lokmin carry 2024-06`: add to an existing month the evaluation entries of commitments still
// open; only those entries are added, everything else in the file stays as written. Idempotent.
// rapat.yaml gets the monthly kesepakatan; a tribulanan.yaml in the month gets the quarterly ones
// (made at earlier quarterly meetings: each series is evaluated at its own next meeting).
import type { Context } from "../cli/context.js";
import {
  failOnInputErrors,
  monthArgument,
  openWorkspace,
  requireLoadedMonth,
  whileLocked,
  requireMonth,
} from "../cli/shared.js";
import { commitmentIdFindings, evaluationsToCarry } from "../domain/commitments.js";
import type { CommitmentSeries } from "../domain/meeting-kinds.js";
import { type Evaluation, meetingSchema, quarterlyMeetingSchema } from "../domain/schema.js";
import { monthMeetings, WORKSPACE_FILE } from "../domain/workspace-data.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { commitPlan, type FileEdits, planEdits } from "../io/edit-plan.js";

const M = {
  nothing: msg(
    "Tidak ada yang perlu dibawa ke {month}; berkas tidak diubah.",
    "Nothing to carry into {month}; file unchanged.",
  ),
  carried: msg(
    "{count} kesepakatan terbuka ditambahkan ke {file}: {ids}",
    "{count} open commitments added to {file}: {ids}",
  ),
  badIds: msg(
    "id kesepakatan tidak konsisten; perbaiki dulu agar tidak ada yang tercatat dua kali",
    "commitment ids are inconsistent; fix them first so nothing is recorded twice",
  ),
  noMeeting: msg("{file} tidak dapat dibaca", "{file} cannot be read"),
};

export async function run(
  ctx: Context,
  monthArg: string | undefined,
  options: { force?: boolean } = {},
): Promise<number> {
  return whileLocked(ctx, "carry", () => carry(ctx, monthArg, Boolean(options.force)));
}

async function carry(ctx: Context, monthArg: string | undefined, force: boolean): Promise<number> {
  if (monthArg !== undefined) requireMonth(monthArg);
  const workspace = openWorkspace(ctx, (id) =>
    monthArg === undefined || id < monthArg ? "kesepakatan" : id === monthArg ? "full" : "skip",
  );
  const month = monthArgument(monthArg, workspace);
  const target = requireLoadedMonth(workspace, month);
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
  commitPlan(planEdits(workspace.root, { edit }), { force });
  const added = Object.values(files).flat();
  if (ctx.ui.json) ctx.ui.printJson({ month, added, files });
  else if (added.length === 0) ctx.ui.out(t(M.nothing, { month }));
  else {
    for (const [file, ids] of Object.entries(files))
      ctx.ui.out(t(M.carried, { count: ids.length, file, ids: ids.join(", ") }));
  }
  return 0;
}
