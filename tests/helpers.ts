// Test helpers: throw-away copies of fixture workspaces, the CLI run in-process through
// `main(argv, streams)` (fast, the default), and the real bin/lokmin.js in a process for the tests
// where the process matters. The rules that keep the suite reliable on a busy machine
// (CONTRIBUTING.md, "A suite that holds under load"):
// - A test that writes takes its own workspace: `copyWorkspace(MINI)`. Commands that take the
//   workspace lock (every writer, also when it then fails) never run on the repository's fixture
//   folders, which other test files copy at the same moment; `lokmin()`, `lokminBin()` and
//   `lokminRunner()` fail a test that does.
// - Every `lokmin()` is awaited. One still running when its test ends (forgotten `await`, or the
//   test timed out) is awaited by tests/setup.ts before the next test, and the test fails.
// - A process is started with `startLokmin()`, `lokminRunner()` or `startIoChild()`, and the test
//   waits on what it prints (`started.output(/…/)`) or on a file it makes (`waitUntil`), never on
//   a sleep. One still alive when its test ends is killed, and the test fails.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { main } from "../src/cli/main.js";
import { trackCommand, trackProcess } from "./running.js";

export { settleRunning } from "./running.js";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const EXAMPLE = path.join(REPO, "examples", "puskesmas-sukamaju");
export const MINI = path.join(REPO, "tests", "fixtures", "mini");

/** Each test run gets its own parse-cache folder, so runs never see each other's cache. */
const CACHE_DIR = mkdtempSync(path.join(tmpdir(), "lokmin-cache-"));

export function tempDir(prefix = "lokmin-test-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Not part of a workspace's content: its lock (and the lock's take-over guard) and lokmin's temp files. */
const transient = (file: string) =>
  (path.basename(path.dirname(file)) === ".lokmin" && /^lock(\.takeover)?$/.test(path.basename(file))) ||
  path.basename(file).includes(".lokmin-tmp-");

/**
 * A throw-away copy of a fixture workspace. A copy is a new workspace: a lock held on the source
 * (say, by a developer's `lokmin render` in examples/) and temp files of a write in progress are
 * not copied.
 */
export function copyWorkspace(source: string): string {
  const target = path.join(tempDir(), path.basename(source));
  cpSync(source, target, { recursive: true, filter: (from) => !transient(from) });
  return target;
}

/**
 * A fixture built once for the whole run and shared read-only by every test file and worker: the
 * first file that asks builds it with `build(dir)` into a folder of its own, then moves it to its
 * place in the run's temporary folder; a file asking later finds it there. Two workers asking at once
 * both build, and the first to finish wins (no lock, no wait). Copy it before writing into it.
 */
export async function runFixture(name: string, build: (dir: string) => Promise<void> | void): Promise<string> {
  const place = path.join(tmpdir(), "run-fixtures", name);
  if (existsSync(place)) return place;
  const dir = path.join(tempDir(`lokmin-fixture-${name}-`), name);
  mkdirSync(dir);
  await build(dir);
  mkdirSync(path.dirname(place), { recursive: true });
  try {
    renameSync(dir, place);
  } catch (error) {
    // Another worker finished first (the place is taken by a folder with content): use theirs.
    if (!existsSync(place)) throw error;
  }
  return place;
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

/**
 * The repository's workspace that `args` run in (`-C`, else `cwd`), if it is one: tests/fixtures/*
 * or examples/*. Those are shared by every test file, so a command may read them but never take
 * their lock.
 */
function sharedWorkspace(args: readonly string[], cwd: string): string | undefined {
  const at = args.findIndex((a) => a === "-C" || a.startsWith("-C="));
  const given = at < 0 ? undefined : args[at].startsWith("-C=") ? args[at].slice(3) : args[at + 1];
  let dir = path.resolve(cwd, given ?? ".");
  if (path.relative(REPO, dir).startsWith("..")) return undefined;
  for (; dir.startsWith(REPO) && dir !== REPO; dir = path.dirname(dir))
    if (existsSync(path.join(dir, "lokmin.yaml"))) return dir;
  return undefined;
}

/** When `<root>/.lokmin` last changed (taking and releasing the lock changes it), or "none". */
function lockFolderState(root: string): string {
  try {
    const stat = lstatSync(path.join(root, ".lokmin"));
    return `${stat.mtimeMs}/${stat.ctimeMs}`;
  } catch {
    return "none";
  }
}

/**
 * Run `fn`, and fail when it took the lock of a shared workspace (its `.lokmin` folder changed):
 * another test file may be copying that folder at that moment, and would copy a held lock.
 */
function guardShared<T>(args: readonly string[], cwd: string, fn: () => T): T {
  const root = sharedWorkspace(args, cwd);
  if (!root) return fn();
  const before = lockFolderState(root);
  const check = () => {
    if (lockFolderState(root) === before) return;
    throw new Error(
      `lokmin ${args.join(" ")} took the workspace lock of ${path.relative(REPO, root)}, a folder shared by all ` +
        "test files (another may be copying it right now): run commands that write, or may write, on " +
        "copyWorkspace(...) instead",
    );
  };
  const result = fn();
  if (result instanceof Promise) return result.then((value) => (check(), value)) as T;
  check();
  return result;
}

/** Run the CLI in-process, as `lokmin ARGS` started in `cwd`. Always await it. */
export function lokmin(args: string[], options: RunOptions = {}): Promise<CliResult> {
  const cwd = options.cwd ?? REPO;
  return trackCommand(
    `lokmin ${args.join(" ")}`,
    guardShared(args, cwd, () => runInProcess(args, cwd, options)),
  );
}

async function runInProcess(args: string[], cwd: string, options: RunOptions): Promise<CliResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const tty = Boolean(options.tty || options.keys);
  if (tty) stdout.isTTY = true;
  const stdin = Object.assign(new PassThrough(), { isTTY: tty, setRawMode: () => stdin });
  let finished = false;
  // Each key is typed once a prompt listens on stdin (it reads keypresses) and the program has
  // answered the previous key: its output changed and then stayed quiet for a moment.
  const typing = (async () => {
    let seen = -1;
    for (const key of options.keys ?? []) {
      for (;;) {
        const before = stdout.text.length;
        await new Promise((resolve) => setTimeout(resolve, 30));
        if (finished) return;
        const listening = stdin.listenerCount("keypress") > 0;
        if (listening && stdout.text.length === before && before !== seen) break;
      }
      seen = stdout.text.length;
      stdin.write(key);
    }
  })();
  try {
    return {
      status: await main(args, {
        stdout,
        stderr,
        stdin,
        stdinIsTTY: tty,
        env: environment({ ...(tty ? { CI: undefined } : {}), ...options.env }),
        cwd,
        now: options.now ? () => options.now as Date : undefined,
      }),
      stdout: stdout.text,
      stderr: stderr.text,
    };
  } finally {
    finished = true;
    await typing;
    stdin.end();
  }
}

/** Spawn the real binary (`node bin/lokmin.js`), built by the global setup. */
export function lokminBin(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {},
): CliResult {
  const cwd = options.cwd ?? REPO;
  return guardShared(args, cwd, () => {
    const result = spawnSync(process.execPath, [path.join(REPO, "bin", "lokmin.js"), ...args], {
      cwd,
      env: { ...process.env, ...environment(options.env) },
      encoding: "utf8",
      input: options.input ?? "",
    });
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  });
}

export interface LokminRunner {
  /** Run `lokmin ARGS` in the runner process; fails (and stops the runner) after `timeoutMs` (a hang). */
  run(
    args: string[],
    options?: { cwd?: string; env?: Record<string, string | undefined>; timeoutMs?: number },
  ): Promise<CliResult>;
}

/**
 * Commands in a separate process that runs them one after another (tests/fixtures/scripts/
 * lokmin-runner.mjs): out of the test's process, so one that hangs (a FIFO opened for reading)
 * is killed instead of hanging the suite, without a node start-up for each command. Start it in
 * `beforeAll` or at the top of a file; it is stopped after the file. A command that hangs stops
 * it, and the next `run` starts another. Module state lives as long as the runner: where a test
 * needs a fresh process (the in-memory chart memo, say), use lokminBin.
 */
export function lokminRunner(): LokminRunner {
  const script = path.join(REPO, "tests", "fixtures", "scripts", "lokmin-runner.mjs");
  let child: ChildProcess | undefined;
  let next = 0;
  const waiting = new Map<number, { runner: ChildProcess; answer: (reply: CliResult | Error) => void }>();
  const start = () => {
    const started = spawn(process.execPath, [script], { cwd: REPO, stdio: ["pipe", "pipe", "pipe"] });
    trackProcess(`lokmin runner (pid ${started.pid})`, started, "file");
    let pending = "";
    let stderr = "";
    started.stdout?.on("data", (chunk: Buffer) => {
      pending += chunk;
      for (let nl = pending.indexOf("\n"); nl >= 0; nl = pending.indexOf("\n")) {
        const reply = JSON.parse(pending.slice(0, nl)) as CliResult & { id: number };
        pending = pending.slice(nl + 1);
        waiting.get(reply.id)?.answer({ status: reply.status, stdout: reply.stdout, stderr: reply.stderr });
        waiting.delete(reply.id);
      }
    });
    started.stderr?.on("data", (chunk: Buffer) => (stderr += chunk));
    started.on("close", (code, signal) => {
      if (child === started) child = undefined;
      for (const [id, { runner, answer }] of waiting) {
        if (runner !== started) continue;
        answer(new Error(`the lokmin runner ended (${signal ?? code}) before answering: ${stderr}`));
        waiting.delete(id);
      }
    });
    return started;
  };
  return {
    run: (args, options = {}) => {
      const cwd = options.cwd ?? REPO;
      const what = `lokmin ${args.join(" ")} (in the runner)`;
      return trackCommand(
        what,
        guardShared(args, cwd, () => {
          child ??= start();
          const runner = child;
          const id = next++;
          const env = { ...process.env, ...environment(options.env) };
          for (const [key, value] of Object.entries(options.env ?? {})) if (value === undefined) delete env[key];
          return new Promise<CliResult>((resolve, reject) => {
            const timeoutMs = options.timeoutMs ?? 60_000;
            const timer = setTimeout(() => {
              waiting.delete(id);
              if (child === runner) child = undefined;
              runner.kill("SIGKILL");
              reject(new Error(`lokmin ${args.join(" ")} did not finish within ${timeoutMs / 1000} s (a hang?)`));
            }, timeoutMs);
            waiting.set(id, {
              runner,
              answer: (reply) => {
                clearTimeout(timer);
                if (reply instanceof Error) reject(reply);
                else resolve(reply);
              },
            });
            runner.stdin?.write(`${JSON.stringify({ id, args, cwd, env })}\n`);
          });
        }),
      );
    },
  };
}

export interface ProcessRun extends CliResult {
  signal: NodeJS.Signals | null;
}

export interface Started {
  child: ChildProcess;
  /** Everything printed so far. */
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves once the process has exited and its output is complete. */
  done: Promise<ProcessRun>;
  /** Resolves once `stream` has printed text matching `pattern`; rejects when the process ends first. */
  output(pattern: RegExp | string, stream?: "stdout" | "stderr"): Promise<void>;
}

/**
 * Start the real binary without waiting, for tests about what happens while it runs (a signal, a
 * second writer). Wait on what it prints with `output()`, and for its end with `done`; a process
 * still alive when the test ends is killed and the test fails (tests/setup.ts).
 */
export function startLokmin(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; nodeArgs?: string[] } = {},
): Started {
  const cwd = options.cwd ?? REPO;
  if (sharedWorkspace(args, cwd)) throw new Error(`startLokmin(${args.join(" ")}): use copyWorkspace(...)`);
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), path.join(REPO, "bin", "lokmin.js"), ...args], {
    cwd,
    env: { ...process.env, ...environment(options.env) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  trackProcess(`lokmin ${args.join(" ")} (pid ${child.pid})`, child);
  const text = { stdout: "", stderr: "" };
  const waiters = new Set<() => void>();
  for (const name of ["stdout", "stderr"] as const)
    child[name].on("data", (chunk: Buffer) => {
      text[name] += chunk;
      for (const check of [...waiters]) check();
    });
  const done = new Promise<ProcessRun>((resolve) =>
    child.on("close", (code, signal) => {
      for (const check of [...waiters]) check();
      resolve({ status: code ?? -1, signal, ...text });
    }),
  );
  let ended = false;
  void done.then(() => (ended = true));
  return {
    child,
    get stdout() {
      return text.stdout;
    },
    get stderr() {
      return text.stderr;
    },
    done,
    output: (pattern, stream = "stdout") =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          const seen = text[stream];
          if (typeof pattern === "string" ? seen.includes(pattern) : pattern.test(seen)) {
            waiters.delete(check);
            resolve();
          } else if (ended || child.exitCode !== null || child.signalCode !== null) {
            waiters.delete(check);
            reject(new Error(`lokmin ${args.join(" ")} ended before printing ${pattern} on ${stream}:\n${seen}`));
          }
        };
        waiters.add(check);
        check();
      }),
  };
}

/**
 * Wait until `condition()` holds (a file exists, a process printed a line), checking every 10 ms;
 * fails after `timeoutMs` naming `what`. For events a test cannot subscribe to; never a fixed sleep.
 */
export async function waitUntil(what: string, condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs / 1000} s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Every file under a folder with its bytes, to prove a command changed nothing. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  // Byte for byte: small files as their bytes (latin1, so a failing comparison shows the lines that
  // changed), big ones (a 50 MB test file) by size and SHA-1.
  const content = (bytes: Buffer) =>
    bytes.length <= 64 * 1024
      ? bytes.toString("latin1")
      : `${bytes.length} bytes, sha1 ${createHash("sha1").update(bytes).digest("hex")}`;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(path.relative(dir, full), content(readFileSync(full)));
    }
  };
  walk(dir);
  return out;
}
