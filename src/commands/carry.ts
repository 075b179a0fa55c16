// `lokmin carry 2024-06`: add to an existing month the evaluation entries of commitments still open
// (src/ops/carry.ts), and say which were added to which file.
import type { Context } from "../cli/context.js";
import { msg, t } from "../i18n/index.js";
import { carry } from "../ops/carry.js";

const M = {
  nothing: msg(
    "Tidak ada yang perlu dibawa ke {month}; berkas tidak diubah.",
    "Nothing to carry into {month}; file unchanged.",
  ),
  carried: msg(
    "{count} kesepakatan terbuka ditambahkan ke {file}: {ids}",
    "{count} open commitments added to {file}: {ids}",
  ),
};

export async function run(
  ctx: Context,
  monthArg: string | undefined,
  options: { force?: boolean } = {},
): Promise<number> {
  const result = await carry(ctx, { month: monthArg, force: options.force });
  if (ctx.ui.json) ctx.ui.printJson(result);
  else if (result.added.length === 0) ctx.ui.out(t(M.nothing, { month: result.month }));
  else {
    for (const [file, ids] of Object.entries(result.files))
      ctx.ui.out(t(M.carried, { count: ids.length, file, ids: ids.join(", ") }));
  }
  return 0;
}
