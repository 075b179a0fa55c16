// Test helpers: throw-away copies of fixture workspaces, the CLI run in-process through
// `main(argv, streams)` (fast, the default), and a real spawn of bin/lokmin.js for the few tests
// that prove the installed binary works.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { main } from "../src/cli/main.js";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const EXAMPLE = path.join(REPO, "examples", "puskesmas-sukamaju");
export const MINI = path.join(REPO, "tests", "fixtures", "mini");

/** Each test run gets its own parse-cache folder, so runs never see each other's cache. */
const CACHE_DIR = mkdtempSync(path.join(tmpdir(), "lokmin-cache-"));

export function tempDir(prefix = "lokmin-test-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A throw-away copy of a fixture workspace. */
export function copyWorkspace(source: string): string {
  const target = path.join(tempDir(), path.basename(source));
  cpSync(source, target, { recursive: true });
  return target;
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Pretend stdout and stdin are a terminal. */
  tty?: boolean;
  /** Typed on the pretend terminal one entry at a time (implies tty): "4\r" is 4 and Enter, "\x03" Ctrl-C. */
  keys?: string[];
  now?: Date;
}

class Capture extends Writable {
  text = "";
  isTTY?: boolean;
  override _write(chunk: Buffer | string, _encoding: string, callback: () => void) {
    this.text += chunk.toString();
    callback();
  }
  // Prompts pipe into the output and end the pipe when they finish; a terminal stays open.
  override end(): this {
    return this;
  }
}

function environment(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NO_COLOR: "1",
    CI: "1",
    LOKMIN_CACHE_DIR: CACHE_DIR,
    ...extra,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return env as NodeJS.ProcessEnv;
}

/** Run the CLI in-process, as `lokmin ARGS` started in `cwd`. */
export async function lokmin(args: string[], options: RunOptions = {}): Promise<CliResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const tty = Boolean(options.tty || options.keys);
  if (tty) stdout.isTTY = true;
  const stdin = Object.assign(new PassThrough(), { isTTY: tty, setRawMode: () => stdin });
  // Each key is typed once the program has answered the previous one: its output changed and
  // then stayed quiet for a moment (a prompt waiting for input).
  const typing = (async () => {
    let seen = -1;
    for (const key of options.keys ?? []) {
      for (;;) {
        const before = stdout.text.length;
        await new Promise((resolve) => setTimeout(resolve, 30));
        if (stdout.text.length === before && before !== seen) break;
      }
      seen = stdout.text.length;
      stdin.write(key);
    }
  })();
  const status = await main(args, {
    stdout,
    stderr,
    stdin,
    stdinIsTTY: tty,
    env: environment({ ...(tty ? { CI: undefined } : {}), ...options.env }),
    cwd: options.cwd ?? REPO,
    now: options.now ? () => options.now as Date : undefined,
  });
  await typing;
  stdin.end();
  return { status, stdout: stdout.text, stderr: stderr.text };
}

/** Spawn the real binary (`node bin/lokmin.js`), built by the global setup. */
export function lokminBin(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {},
): CliResult {
  const result = spawnSync(process.execPath, [path.join(REPO, "bin", "lokmin.js"), ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, ...environment(options.env) },
    encoding: "utf8",
    input: options.input ?? "",
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under a folder with its bytes, to prove a command changed nothing. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(path.relative(dir, full), readFileSync(full).toString("base64"));
    }
  };
  walk(dir);
  return out;
}
