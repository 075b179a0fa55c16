// `lokmin buka [folder]`: lokmin in the browser (src/app). The command only reads its options and
// prints: the address (with its secret) on stdout, one line to copy, or one JSON object with
// --json; the notes on stderr. It runs until stopped; Ctrl-C ends it with exit code 0, since
// stopping is how `buka` is meant to end (nothing is cancelled: every save is complete or not made).
import type { Context } from "../cli/context.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";

interface BukaOptions {
  port?: string;
  tanpaBrowser?: boolean;
}

const M = {
  badPort: msg(
    "--port harus bilangan 0–65535 (mis. --port 8080); 0 atau tanpa --port: lokmin memilih port yang bebas",
    "--port must be a number 0–65535 (e.g. --port 8080); 0 or no --port: lokmin picks a free port",
  ),
};

export async function run(ctx: Context, folder: string | undefined, options: BukaOptions): Promise<number> {
  let port = 0;
  if (options.port !== undefined) {
    port = /^\d{1,5}$/.test(options.port) ? Number(options.port) : -1;
    // 0 is the usual "any free port" (the address printed says which), as with no --port.
    if (port < 0 || port > 65535) throw new UserError(t(M.badPort));
  }
  const path = await import("node:path");
  const { launch } = await import("../app/launch.js");
  return launch({
    cwd: ctx.cwd,
    env: ctx.env,
    folder: folder === undefined ? undefined : path.resolve(ctx.cwd, folder),
    port,
    openBrowser: !options.tanpaBrowser,
    now: ctx.streams.now,
    print: ({ url, port: used, workspace, dinas }) =>
      ctx.ui.json
        ? ctx.ui.printJson({ url, port: used, workspace: workspace ?? null, ...(dinas ? { dinas } : {}) })
        : ctx.ui.out(url),
    note: (line) => ctx.ui.err(line),
  });
}
