// Entry of the single executable (`npm run package`: release/lokmin-win-x64.exe, lokmin-linux-x64),
// whose loader calls seaMain(). It does what bin/lokmin.js does for `node`, plus one thing only
// Windows users meet: the program started by a double-click in Explorer. Then it runs `lokmin buka`:
// the app opens in the default browser and the console window says that closing it stops lokmin.
// If lokmin cannot start, the window waits for Enter so the message can be read.
import path from "node:path";
import { exitOnInterrupt, main } from "./main.js";

export interface StartInfo {
  platform: NodeJS.Platform;
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  /** The executable name of the parent process (`explorer.exe`), undefined when it cannot be found. */
  parentName: () => string | undefined;
}

/**
 * Whether Windows started us for a double-click (or a shortcut, or Win+R) rather than a command
 * typed in cmd or PowerShell. Windows has no portable way to ask this without native code
 * (GetConsoleProcessList would tell whether the console was created for us), so:
 * - only with no arguments and a console on stdin and stdout (a script or a pipe never waits);
 * - cmd.exe defines PROMPT in its environment, which every program it starts inherits, while
 *   Explorer's environment (built from the registry) has none: PROMPT set means a terminal, and
 *   costs nothing to check;
 * - otherwise ask for the parent process's name (tasklist, present on every Windows): Explorer
 *   starts double-clicked programs; PowerShell, Windows Terminal's shells, VS Code's terminal
 *   are other parents. If the parent cannot be named, assume a double-click: waiting once for
 *   Enter in a terminal costs a key press, a window that vanishes costs the user the help.
 */
export function startedByDoubleClick(info: StartInfo): boolean {
  if (info.platform !== "win32" || info.argv.length > 0 || !info.stdinIsTTY || !info.stdoutIsTTY) return false;
  if (info.env.PROMPT) return false;
  const parent = info.parentName();
  return parent === undefined || parent.toLowerCase() === "explorer.exe";
}

/** The parent process's executable name from `tasklist` (its CSV output does not depend on the display language). */
export function windowsParentName(ppid = process.ppid, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const tasklist = path.win32.join(env.SystemRoot ?? env.windir ?? "C:\\Windows", "System32", "tasklist.exe");
  try {
    // Loaded here, not at start-up: only this rare case needs child processes.
    const { spawnSync } = process.getBuiltinModule("node:child_process");
    const result = spawnSync(tasklist, ["/FI", `PID eq ${ppid}`, "/FO", "CSV", "/NH"], {
      encoding: "utf8",
      windowsHide: true,
      timeout: 5000,
    });
    for (const line of (result.stdout ?? "").split(/\r?\n/)) {
      const row = /^"([^"]+)","(\d+)"/.exec(line);
      if (row && Number(row[2]) === ppid) return row[1];
    }
  } catch {
    // no tasklist: unknown parent
  }
  return undefined;
}

function doubleClickIntro(): string {
  return ["", "  lokmin: Lokakarya Mini Bulanan Puskesmas", "  =========================================", ""].join(
    "\n",
  );
}

async function waitForEnter(): Promise<void> {
  process.stdout.write("\nTekan Enter untuk menutup jendela ini.");
  await new Promise<void>((resolve) => {
    process.stdin.once("data", () => resolve());
    process.stdin.once("end", () => resolve());
    process.stdin.resume();
  });
  process.stdin.pause();
}

export async function seaMain(argv: string[] = process.argv.slice(2)): Promise<void> {
  // As bin/lokmin.js: a closed pipe (`lokmin … | more`) is not worth a stack trace, and
  // `npm run bench` reads the peak memory from the last line when asked to.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  if (process.env.LOKMIN_REPORT_RSS)
    process.on("exit", () => process.stderr.write(`lokmin-max-rss-kb=${process.resourceUsage().maxRSS}\n`));

  const doubleClick = startedByDoubleClick({
    platform: process.platform,
    argv,
    env: process.env,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    parentName: () => windowsParentName(),
  });
  if (!doubleClick) {
    exitOnInterrupt(argv, process.env);
    process.exitCode = await main(argv);
    return;
  }
  process.stdout.write(`${doubleClickIntro()}\n`);
  exitOnInterrupt(["buka"], process.env);
  process.exitCode = await main(["buka"]);
  if (process.exitCode !== 0) await waitForEnter();
}
