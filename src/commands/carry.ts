// `lokmin carry 2024-06`: add to an existing month the evaluation entries of commitments still
// open, through the YAML Document API (comments and hand edits kept). Idempotent.
import path from "node:path";
import type { Context } from "../cli/main.js";
import { commitmentIdDiagnostics, evaluationsToCarry, type MonthMeeting } from "../domain/commitments.js";
import { UserError } from "../domain/findings.js";
import { msg, t } from "../i18n/index.js";
import { monthMeetings } from "../io/workspace.js";
import { serializeYaml, writeFileAtomic } from "../io/write.js";
import { appendToSeq } from "../io/yaml-edit.js";
import { failOnInputErrors, inMonth, openWorkspace, requireLoadedMonth, requireMonth } from "../cli/shared.js";

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
};

export async function run(ctx: Context, monthArg: string): Promise<number> {
  const month = requireMonth(monthArg);
  const workspace = openWorkspace(ctx, (id) => (id < month ? "kesepakatan" : id === month ? "full" : "skip"));
  const target = requireLoadedMonth(workspace, month);
  failOnInputErrors(workspace, (file) => file === "lokmin.yaml" || file.endsWith("rapat.yaml"));
  const meetings: MonthMeeting[] = monthMeetings(workspace);
  const idErrors = commitmentIdDiagnostics(meetings).filter((d) => d.severity === "error" && inMonth(month)(d.file));
  if (idErrors.length) throw new UserError(t(M.badIds), idErrors, workspace.root);
  const meeting = target.meeting!;
  const toAdd = evaluationsToCarry(meetings, month, meeting.data.evaluasi_kesepakatan);
  if (toAdd.length === 0) {
    if (ctx.ui.json) ctx.ui.printJson({ month, added: [] });
    else ctx.ui.out(t(M.nothing, { month }));
    return 0;
  }
  appendToSeq(meeting.source.doc, ["evaluasi_kesepakatan"], toAdd);
  writeFileAtomic(path.join(workspace.root, meeting.source.rel), serializeYaml(meeting.source.doc, meeting.source), {
    overwrite: true,
    label: meeting.source.rel,
  });
  if (ctx.ui.json) ctx.ui.printJson({ month, added: toAdd.map((e) => e.id) });
  else
    ctx.ui.out(t(M.carried, { count: toAdd.length, file: meeting.source.rel, ids: toAdd.map((e) => e.id).join(", ") }));
  return 0;
}
