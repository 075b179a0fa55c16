// What a test started and must see finish before the next test begins: in-process commands
// (`lokmin()` in helpers.ts) and spawned processes (`startLokmin()`, `startIoChild()`). The setup
// file (tests/setup.ts) calls `settleRunning()` after every test and after every file: an
// in-process command still running is awaited (a test that timed out, or a call without `await`,
// never leaves a command holding a workspace lock into the next test), a process still alive is
// killed and awaited, and the test that left them fails naming them.
import type { ChildProcess } from "node:child_process";

interface Running {
  what: string;
  started: number;
  /** "file": started for a whole file (a beforeAll's), finished after the file rather than each test. */
  scope: "test" | "file";
  /** Resolves once it has finished; never rejects. */
  settled: Promise<unknown>;
  /** For processes: kill it (the test is over). */
  stop?: () => void;
}

const running = new Set<Running>();

/** Track an in-process command until it settles. */
export function trackCommand<T>(what: string, promise: Promise<T>): Promise<T> {
  const entry: Running = { what, started: Date.now(), scope: "test", settled: promise.then(noop, noop) };
  running.add(entry);
  void entry.settled.then(() => running.delete(entry));
  return promise;
}

/**
 * Track a spawned process until it has exited (its stdio closed). A "file" process (a helper
 * process a whole file shares) is stopped after the file, quietly: it is meant to live that long.
 */
export function trackProcess(what: string, child: ChildProcess, scope: "test" | "file" = "test"): void {
  const settled = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("close", () => resolve());
  });
  const entry: Running = { what, started: Date.now(), scope, settled, stop: () => child.kill("SIGKILL") };
  running.add(entry);
  void settled.then(() => running.delete(entry));
}

/**
 * Wait for everything still running: stop processes, await in-process commands. Throws (failing
 * the test or file it runs after) when anything was left, naming it.
 */
export async function settleRunning(when: string, scope: "test" | "file" = "test"): Promise<void> {
  const shared = [...running].filter((entry) => entry.scope === "file");
  if (scope === "file") {
    for (const entry of shared) entry.stop?.();
    await Promise.all(shared.map((entry) => entry.settled));
  }
  const left = [...running].filter((entry) => entry.scope === "test");
  if (left.length === 0) return;
  for (const entry of left) entry.stop?.();
  await Promise.all(left.map((entry) => entry.settled));
  const names = left.map((e) => `  ${e.stop ? "process" : "in-process"} ${e.what} (started ${seconds(e.started)} ago)`);
  throw new Error(
    `${when}, these were still running (now ${left.some((e) => e.stop) ? "killed and " : ""}finished):\n` +
      `${names.join("\n")}\nAwait every lokmin() call and wait for every process a test starts ` +
      "(see CONTRIBUTING.md, Tests); a test that timed out leaves them too.",
  );
}

const noop = () => undefined;
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
