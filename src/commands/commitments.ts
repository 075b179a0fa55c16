import type { Context } from "../cli.js";
export async function run(ctx: Context): Promise<number> { ctx.ui.err("TODO"); return 2; }
