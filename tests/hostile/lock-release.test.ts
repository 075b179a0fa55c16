// The workspace lock is released on every way an in-process command can end: success, an input
// error (UserError), an internal error, Ctrl-C in a prompt, and "no" to keeping what was typed
// (Interrupted). Each leaves no lock file, no 'exit' listener and no heartbeat behind, so the next
// command (or the next test, or the browser app's next request in the same process) takes the lock
// at once. A command a test leaves running is awaited and named before the next test starts.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireLock, LOCK_FILE, withLock } from "../../src/io/lock.js";
import { copyWorkspace, lokmin, MINI, settleRunning } from "../helpers.js";

const R = "2024-02/rapat.yaml";

/** Run `fn` on a fresh copy of the mini workspace and prove the lock was taken and is free again. */
async function endsUnlocked(fn: (ws: string) => Promise<void>, { locks = true } = {}): Promise<void> {
  const ws = copyWorkspace(MINI);
  expect(existsSync(path.join(ws, ".lokmin")), "the fixture has no .lokmin folder").toBe(false);
  const exitListeners = process.listenerCount("exit");
  await fn(ws);
  // acquireLock made .lokmin/ for its lock: the command did take it (a prompt answered before
  // anything is written takes none: the scores are written later, under the lock, onto the file as it is then).
  expect(existsSync(path.join(ws, ".lokmin")), "the command took the lock").toBe(locks);
  expect(existsSync(path.join(ws, LOCK_FILE)), "the lock file is gone").toBe(false);
  expect(process.listenerCount("exit"), "no release left waiting for the process to exit").toBe(exitListeners);
  // Free at once: no wait allowed.
  (await acquireLock(ws, { command: "uji", waitMs: 0 })).release();
}

describe("every in-process ending releases the workspace lock", () => {
  it("success: carry writes and exits 0", () =>
    endsUnlocked(async (ws) => {
      const r = await lokmin(["-C", ws, "carry", "2024-02"]);
      expect(r.status, r.stderr).toBe(0);
    }));

  it("an input error found while locked: rank --write on a broken rapat.yaml exits 2", () =>
    endsUnlocked(async (ws) => {
      const file = path.join(ws, R);
      writeFileSync(file, readFileSync(file, "utf8").replace("tempat: Aula", "tempat: [Aula"));
      const r = await lokmin(["-C", ws, "rank", "2024-02", "--write"]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(R);
    }));

  it("Ctrl-C in a prompt (rank --interactive) exits 130", () =>
    endsUnlocked(
      async (ws) => {
        const before = readFileSync(path.join(ws, R), "utf8");
        const r = await lokmin(["-C", ws, "rank", "2024-02", "--interactive"], { keys: ["\x03"] });
        expect(r.status).toBe(130);
        expect(readFileSync(path.join(ws, R), "utf8")).toBe(before);
      },
      { locks: false },
    ));

  it("'no' to keeping the scores typed so far (Interrupted) exits 130", () =>
    endsUnlocked(
      async (ws) => {
        const r = await lokmin(["-C", ws, "rank", "2024-02", "--interactive"], { keys: ["2\r", "\x03", "t\r"] });
        expect(r.status).toBe(130);
        expect(r.stderr).toContain("dibatalkan");
      },
      { locks: false },
    ));

  it("an internal error (a bug) thrown, or rejected, inside withLock", async () => {
    for (const fail of [
      () => {
        throw new TypeError("a bug");
      },
      () => Promise.reject(new TypeError("a bug")),
    ])
      await endsUnlocked(async (ws) => {
        await expect(withLock(ws, { command: "uji" }, fail)).rejects.toThrow("a bug");
      });
  });
});

describe("a command a test leaves running", () => {
  it("is awaited by settleRunning, which names it; its lock is free afterwards", async () => {
    const ws = copyWorkspace(MINI);
    const out = path.join(ws, "out");
    const left = lokmin(["-C", ws, "render", "2024-02", "--only", "notulen", "--out", out]);
    const error = await settleRunning("at this point").catch((e: Error) => e);
    expect(String(error)).toMatch(/^Error: at this point, these were still running \(now finished\):\n  in-process /);
    expect(String(error)).toContain(`lokmin -C ${ws} render 2024-02 --only notulen`);
    // Finished by then: its document written, its lock released.
    expect(existsSync(path.join(out, "2024-02-notulen.docx"))).toBe(true);
    expect(existsSync(path.join(ws, LOCK_FILE))).toBe(false);
    expect((await left).status).toBe(0);
    await expect(settleRunning("now")).resolves.toBeUndefined();
  });
});
