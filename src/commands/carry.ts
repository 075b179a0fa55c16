// `lokmin carry 2024-06`: add to an existing month the evaluation entries of commitments still
// open; only those entries are added, everything else in the file stays as written. Idempotent.
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
import { monthMeetings, WORKSPACE_FILE } from "../domain/workspace-data.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { writeEdits } from "../io/yaml-write.js";

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

export async function run(ctx: Context, monthArg: string | undefined): Promise<number> {
  return whileLocked(ctx, "carry", () => carry(ctx, monthArg));
}

async function carry(ctx: Context, monthArg: string | undefined): Promise<number> {
  if (monthArg !== undefined) requireMonth(monthArg);
  const workspace = openWorkspace(ctx, (id) =>
    monthArg === undefined || id < monthArg ? "kesepakatan" : id === monthArg ? "full" : "skip",
  );
  const month = monthArgument(monthArg, workspace);
  const target = requireLoadedMonth(workspace, month);
  failOnInputErrors(workspace, (file) => file === WORKSPACE_FILE || file.endsWith("rapat.yaml"));
  const meetings = monthMeetings(workspace);
  const idErrors = commitmentIdFindings(meetings).filter(
    (d) => d.severity === "error" && d.file.startsWith(`${month}/`),
  );
  if (idErrors.length) throw new UserError(t(M.badIds), idErrors, workspace.root);
  const meeting = target.meeting ?? target.commitments;
  const source = meeting && workspace.sources.get(meeting.file);
  if (!meeting || !source) throw new UserError(t(M.noMeeting, { file: `${month}/rapat.yaml` }));
  const toAdd = evaluationsToCarry(meetings, month, meeting.data.evaluasi_kesepakatan);
  if (toAdd.length === 0) {
    if (ctx.ui.json) ctx.ui.printJson({ month, added: [] });
    else ctx.ui.out(t(M.nothing, { month }));
    return 0;
  }
  writeEdits(workspace.root, source, [{ op: "append", path: ["evaluasi_kesepakatan"], items: toAdd }]);
  if (ctx.ui.json) ctx.ui.printJson({ month, added: toAdd.map((e) => e.id) });
  else ctx.ui.out(t(M.carried, { count: toAdd.length, file: meeting.file, ids: toAdd.map((e) => e.id).join(", ") }));
  return 0;
}
