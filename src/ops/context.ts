// What an operation receives from its caller (the CLI, or the browser app per request): the folder
// it runs in, the environment, today's date, optionally the workspace already open (`root`), and a
// channel for progress lines. Operations never print, prompt or read process.*; they return typed
// results and throw UserError for input problems. Operations that write take the workspace lock
// themselves (whileLocked), so a save from the app and a CLI command never interleave.
import { readdirSync } from "node:fs";
import path from "node:path";
import { isMonthId } from "../domain/month.js";
import { checkFolder, cleanStaleTemps } from "../io/fs-safe.js";
import { LOCK_FILE, type LockHolder, waitingNotice, withLock } from "../io/lock.js";
import { findWorkspaceRoot } from "../io/workspace.js";

export interface OpContext {
  /** The folder the operation starts in (the workspace or a folder below it). */
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Today as an ISO date (YYYY-MM-DD). */
  today: string;
  /** The workspace's root when the caller already knows it (the app); else found from `cwd`. */
  root?: string;
  /** Progress for a person watching, one line at a time. */
  notice?: (line: string) => void;
}

/** The workspace an operation works in: the one given, else the folder holding lokmin.yaml at or above cwd. */
export const workspaceRoot = (ctx: OpContext): string => ctx.root ?? findWorkspaceRoot(ctx.cwd);

/**
 * Run a writing operation under the workspace lock, so two lokmin writers never interleave their
 * read-modify-write; lokmin's own temp files left by a killed run are cleaned up first.
 */
export async function whileLocked<T>(
  ctx: OpContext,
  command: string,
  fn: (root: string) => Promise<T> | T,
): Promise<T> {
  const root = workspaceRoot(ctx);
  // Waiting for another lokmin says so, so a person (or a test) knows what it waits for.
  const onWait = (holder: LockHolder | undefined) => ctx.notice?.(waitingNotice(path.join(root, LOCK_FILE), holder));
  return withLock(root, { command, env: ctx.env, onWait }, () => {
    cleanWorkspaceTemps(root);
    return fn(root);
  });
}

function cleanWorkspaceTemps(root: string): void {
  const dirs = [root];
  try {
    for (const entry of readdirSync(root, { withFileTypes: true })) {
      if (!entry.isDirectory() || !isMonthId(entry.name)) continue;
      const month = path.join(root, entry.name);
      dirs.push(month, path.join(month, "program"), path.join(month, "dokumen"), path.join(month, "isian"));
      dirs.push(path.join(month, "pralokmin"));
    }
  } catch {
    return;
  }
  for (const dir of dirs) {
    // Never through a link out of the workspace (nor into a FIFO or a file named like a folder).
    const checked = checkFolder(dir, { root });
    if (!checked.ok || !checked.exists) continue;
    try {
      cleanStaleTemps(dir);
    } catch {
      // a folder that is not there has nothing to clean
    }
  }
}
