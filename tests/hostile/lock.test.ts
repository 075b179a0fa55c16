// The workspace lock with real processes: two writers doing read-increment-write never lose an
// update; a lock left by a killed run is taken over; a live holder makes the next command wait and
// then fail with a message naming it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { acquireLock, DEFAULT_LOCK_WAIT_MS, LOCK_FILE, type LockHolder } from "../../src/io/lock.js";
import { buildIoChild, startIoChild } from "../fixtures/scripts/build-io-child.js";
import { tempDir } from "../helpers.js";

let bundle: string;

beforeAll(async () => {
  bundle = await buildIoChild();
});

const lockPath = (root: string) => path.join(root, ...LOCK_FILE.split("/"));
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid as number;

function writeLock(root: string, holder: object, ageMs = 0): void {
  mkdirSync(path.dirname(lockPath(root)), { recursive: true });
  writeFileSync(lockPath(root), JSON.stringify(holder));
  if (ageMs) {
    const then = new Date(Date.now() - ageMs);
    utimesSync(lockPath(root), then, then);
  }
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

describe("workspace lock", () => {
  it("two processes doing 50 locked read-increment-write cycles each on one file end at exactly 100", async () => {
    const root = tempDir();
    writeFileSync(path.join(root, "hitung.txt"), "0");
    // Both start against a lock left by a dead process, so they also race to take it over.
    writeLock(root, { pid: deadPid(), host: hostname(), command: "rank --write", started: new Date().toISOString() });
    const runs = await Promise.all([1, 2].map(() => startIoChild(bundle, ["count", root, "hitung.txt", "50"]).done));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(root, "hitung.txt"), "utf8")).toBe("100");
    expect(readdirSync(root).sort()).toEqual([".lokmin", "hitung.txt"]);
    expect(readdirSync(path.join(root, ".lokmin"))).toEqual([]);
  });

  it("a live holder makes the next acquirer wait and fail naming it; once killed, its lock is taken over", async () => {
    const root = tempDir();
    let ready!: () => void;
    const held = new Promise<void>((resolve) => {
      ready = resolve;
    });
    const { child, done } = startIoChild(bundle, ["hold", root, "render --force"], {
      onLine: (line) => line === "held" && ready(),
    });
    await held;
    const started = Date.now();
    const error = await rejection(acquireLock(root, { command: "rank --write", waitMs: 300 }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(
      new RegExp(
        `^workspace sedang dipakai oleh \`lokmin render --force\` \\(pid ${child.pid}, sejak \\d{4}-\\d\\d-\\d\\d ` +
          `\\d\\d:\\d\\d:\\d\\d\\); tunggu sampai selesai lalu ulangi`,
      ),
    );
    expect(error.message).toContain(lockPath(root));

    child.kill("SIGKILL");
    await done;
    const lock = await acquireLock(root, { command: "rank --write", waitMs: 300 });
    expect(JSON.parse(readFileSync(lockPath(root), "utf8"))).toMatchObject({
      pid: process.pid,
      command: "rank --write",
    });
    lock.release();
    expect(existsSync(lockPath(root))).toBe(false);
  });

  it("a stale lock from a dead pid on this machine is taken over at once", async () => {
    const root = tempDir();
    writeLock(root, { pid: deadPid(), host: hostname(), command: "carry", started: new Date().toISOString() });
    // No wait allowed: only a lock recognised as stale on the first look can be taken.
    const lock = await acquireLock(root, { command: "carry", waitMs: 0 });
    expect(JSON.parse(readFileSync(lockPath(root), "utf8"))).toMatchObject({ pid: process.pid, host: hostname() });
    lock.release();
    expect(readdirSync(path.join(root, ".lokmin"))).toEqual([]);
  });

  it("another computer's lock is respected while fresh and stale after 10 minutes untouched", async () => {
    const root = tempDir();
    const other = { pid: 1, host: "PC-TU-02", command: "new 2024-02", started: new Date().toISOString() };
    writeLock(root, other);
    const error = await rejection(acquireLock(root, { command: "carry", waitMs: 100 }));
    expect(error.message).toContain("`lokmin new 2024-02` (pid 1 di komputer PC-TU-02, sejak");
    writeLock(root, other, 11 * 60_000);
    const lock = await acquireLock(root, { command: "carry", waitMs: 100 });
    lock.release();
  });

  it("in one process: a second acquirer waits for the first; LOKMIN_LOCK_WAIT_MS sets the wait", async () => {
    const root = tempDir();
    const first = await acquireLock(root, { command: "rank --write" });
    const started = Date.now();
    const error = await rejection(acquireLock(root, { command: "carry", env: { LOKMIN_LOCK_WAIT_MS: "120" } }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    // Well short of the default wait (a loaded machine may stretch 120 ms, never to 10 s).
    expect(Date.now() - started).toBeLessThan(DEFAULT_LOCK_WAIT_MS / 2);
    expect(error.message).toContain(`\`lokmin rank --write\` (pid ${process.pid},`);
    // acquireLock's first try runs before it returns: the second acquirer has found the lock held
    // and is waiting when the first releases it.
    let waited: LockHolder | undefined;
    const second = acquireLock(root, { command: "carry", waitMs: 60_000, onWait: (holder) => (waited = holder) });
    expect(waited).toMatchObject({ pid: process.pid, command: "rank --write" });
    expect(existsSync(lockPath(root))).toBe(true);
    first.release();
    const lock = await second;
    expect(JSON.parse(readFileSync(lockPath(root), "utf8"))).toMatchObject({ command: "carry" });
    lock.release();
  });

  it("release removes only our own lock; an unreadable lock is stale only after a grace period", async () => {
    const root = tempDir();
    const lock = await acquireLock(root, { command: "carry" });
    writeFileSync(lockPath(root), JSON.stringify({ pid: 99, host: "lain", command: "x", started: "" }));
    lock.release();
    lock.release();
    expect(existsSync(lockPath(root))).toBe(true);

    writeLock(root, {});
    writeFileSync(lockPath(root), "");
    // Written a moment ago, whatever the time between these lines on a loaded machine.
    const justNow = new Date(Date.now() + 60_000);
    utimesSync(lockPath(root), justNow, justNow);
    const error = await rejection(acquireLock(root, { command: "carry", waitMs: 100 }));
    expect(error.message).toMatch(/^workspace sedang dipakai oleh lokmin lain \(berkas kunci .*lock\)/);
    utimesSync(lockPath(root), new Date(Date.now() - 5_000), new Date(Date.now() - 5_000));
    (await acquireLock(root, { command: "carry", waitMs: 100 })).release();
  });
});
