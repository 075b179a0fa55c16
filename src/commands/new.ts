// `lokmin new 2024-05`: scaffold a month folder, carrying every open commitment of earlier
// months into its evaluation section. Refuses an invalid month and never overwrites an
// existing month without --force.

import { existsSync } from "node:fs";
import path from "node:path";
import type { Context } from "../cli/main.js";
import { evaluationsToCarry, type MonthMeeting } from "../domain/commitments.js";
import { UserError } from "../domain/findings.js";
import { msg, t } from "../i18n/index.js";
import { scaffoldMonth } from "../domain/scaffold.js";
import { monthMeetings, SCHEMA_DIR } from "../io/workspace.js";
import { writeFileAtomic } from "../io/write.js";
import { syncSchemas } from "./schema.js";
import { failOnInputErrors, openWorkspace, requireMonth } from "../cli/shared.js";

const M = {
  exists: msg(
    "bulan {month} sudah ada ({dir}); tidak ada yang diubah. Pakai --force untuk membuat ulang (isi lama hilang)",
    "month {month} already exists ({dir}); nothing changed. Use --force to recreate it (old content is lost)",
  ),
  badClock: msg("--mulai '{value}' bukan jam; tulis 08.00", "--mulai '{value}' is not a time; write 08.00"),
  created: msg(
    "Bulan {month} dibuat: {count} berkas, {carried} kesepakatan terbuka dibawa.",
    "Month {month} created: {count} files, {carried} open commitments carried.",
  ),
};

export async function run(
  ctx: Context,
  monthArg: string,
  options: { mulai: string; force?: boolean },
): Promise<number> {
  const month = requireMonth(monthArg);
  if (!/^([01]\d|2[0-3])[.:][0-5]\d$/.test(options.mulai)) throw new UserError(t(M.badClock, { value: options.mulai }));
  const workspace = openWorkspace(ctx, (id) => (id < month ? "kesepakatan" : "skip"));
  const dir = path.join(workspace.root, month);
  if (existsSync(dir) && !options.force) throw new UserError(t(M.exists, { month, dir }));
  failOnInputErrors(workspace, (file) => file === "lokmin.yaml" || file.endsWith("rapat.yaml"));
  const earlier: MonthMeeting[] = monthMeetings(workspace);
  const carried = evaluationsToCarry(earlier, month);
  const files = scaffoldMonth({
    config: workspace.config.data,
    month,
    carried,
    start: options.mulai.replace(":", "."),
  });
  for (const file of files) {
    writeFileAtomic(path.join(workspace.root, file.rel), file.content, {
      overwrite: Boolean(options.force),
      label: file.rel,
    });
  }
  syncSchemas(path.join(workspace.root, SCHEMA_DIR));
  if (ctx.ui.json) ctx.ui.printJson({ month, files: files.map((f) => f.rel), carried: carried.map((c) => c.id) });
  else ctx.ui.out(t(M.created, { month, count: files.length, carried: carried.length }));
  return 0;
}
