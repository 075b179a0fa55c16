// What a command receives from the edge: the folder it runs in, the environment, the terminal,
// and today's date. Commands never reach for process.cwd(), process.env, process.stdout or the
// clock themselves, so the whole CLI runs in-process in tests with its own streams.
import type { Ui } from "./ui.js";

export interface Streams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  stdinIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** The folder the command starts in (default: the process's). */
  cwd?: string;
  /** The clock (default: the machine's). */
  now?: () => Date;
}

export interface Context {
  /** Folder given with -C, or the starting folder. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  ui: Ui;
  streams: Streams;
  /** Today as an ISO date in the machine's local time; LOKMIN_TODAY=YYYY-MM-DD sets it. */
  today: string;
  /** Progress a person should see while waiting (another lokmin holding the workspace), on stderr. */
  notice?: (line: string) => void;
}

export function isoToday(now: Date, env: NodeJS.ProcessEnv): string {
  if (env.LOKMIN_TODAY && /^\d{4}-\d{2}-\d{2}$/.test(env.LOKMIN_TODAY)) return env.LOKMIN_TODAY;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
