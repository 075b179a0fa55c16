// The test helpers' own promises (tests/helpers.ts): a copy of a workspace never carries a lock or
// a half-written temp file; a command that takes the lock of a folder shared by all test files
// fails its test; a spawned process is waited on through what it prints; and a second build (a
// second suite in the same checkout) leaves the dist/ a running suite uses alone.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  copyWorkspace,
  lokmin,
  lokminBin,
  lokminRunner,
  MINI,
  REPO,
  startLokmin,
  tempDir,
  waitUntil,
} from "../helpers.js";

describe("copyWorkspace", () => {
  it("leaves out a lock held on the source and lokmin's temp files, and copies everything else", () => {
    const source = copyWorkspace(MINI);
    mkdirSync(path.join(source, ".lokmin"));
    const holder = JSON.stringify({ pid: process.pid, host: "x", command: "render", started: "", id: "1" });
    writeFileSync(path.join(source, ".lokmin/lock"), holder);
    writeFileSync(path.join(source, ".lokmin/lock.takeover"), "1");
    writeFileSync(path.join(source, "2024-02/.rapat.yaml.lokmin-tmp-1-abcd"), "half");
    writeFileSync(path.join(source, "2024-02/lock"), "a file a user named lock");
    const copy = copyWorkspace(source);
    expect(readdirSync(path.join(copy, ".lokmin"))).toEqual([]);
    expect(readdirSync(path.join(copy, "2024-02")).sort()).toEqual(
      readdirSync(path.join(source, "2024-02"))
        .filter((name) => !name.includes("lokmin-tmp"))
        .sort(),
    );
  });
});

describe("commands on the repository's shared workspaces", () => {
  // A workspace inside the repository, as tests/fixtures/* and examples/* are (tests/.tmp is ignored by git).
  const shared = path.join(REPO, "tests", ".tmp", `shared-${process.pid}`);
  afterAll(() => rmSync(shared, { recursive: true, force: true }));

  it("may read it; a command that takes its lock fails the test, in-process or spawned", async () => {
    rmSync(shared, { recursive: true, force: true });
    mkdirSync(path.dirname(shared), { recursive: true });
    // Made from a copy, so the repository's own fixture is not touched either.
    cpSync(copyWorkspace(MINI), shared, { recursive: true });
    expect((await lokmin(["-C", shared, "check"])).status).toBe(0);
    expect((await lokmin(["rank", "2024-02"], { cwd: path.join(shared, "2024-02") })).status).toBe(0);
    await expect(lokmin(["-C", shared, "carry", "2024-02"])).rejects.toThrow(
      /took the workspace lock of tests\/\.tmp\/shared-\d+, a folder shared by all test files/,
    );
    // Also a writer that then fails: it held the lock while it ran.
    const failing = ["render", "2024-02", "--only", "umpan-balik", "--out", tempDir()];
    await expect(lokmin(failing, { cwd: shared })).rejects.toThrow(/copyWorkspace/);
    expect(() => lokminBin(["-C", shared, "new", "2024-03"])).toThrow(/took the workspace lock/);
    expect(() => startLokmin(["-C", shared, "check"])).toThrow(/copyWorkspace/);
  });
});

describe("lokminRunner", () => {
  it("runs commands out of process with their own folder and environment; one that hangs is stopped", async () => {
    const runner = lokminRunner();
    const ws = copyWorkspace(MINI);
    // A fresh runner cannot start node and answer within 1 ms: this request stands for a hang.
    await expect(runner.run(["-C", ws, "check"], { timeoutMs: 1 })).rejects.toThrow(
      `lokmin -C ${ws} check did not finish within 0.001 s (a hang?)`,
    );
    const en = await runner.run(["check", "2024-13"], { cwd: ws, env: { LOKMIN_LANG: "en" } });
    expect(en.status).toBe(2);
    expect(en.stderr).toContain("YYYY-MM");
    const id = await runner.run(["check", "2024-13"], { cwd: ws });
    expect(id.stderr).not.toBe(en.stderr);
    const json = await runner.run(["-C", ws, "check", "--json"]);
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).findings).toEqual(expect.any(Array));
  });
});

describe("startLokmin and waitUntil", () => {
  it("output() resolves on what the process prints, and rejects once it ended without printing it", async () => {
    const ws = copyWorkspace(MINI);
    const check = startLokmin(["-C", ws, "check", "2024-02"]);
    await check.output("2024-02");
    await expect(check.output("never printed")).rejects.toThrow(/ended before printing never printed/);
    expect((await check.done).status).toBe(0);
    await waitUntil("the check's output", () => check.stdout.includes("2024-02"));
    await expect(waitUntil("a file nobody makes", () => existsSync(path.join(ws, "x")), 50)).rejects.toThrow(
      "waited 0.05 s for a file nobody makes",
    );
  });
});

describe("the build the suite runs on", () => {
  it("building again (as a second suite's global setup does) rewrites nothing in dist/ a running suite uses", () => {
    const dist = path.join(REPO, "dist");
    const state = () =>
      readdirSync(dist, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => {
          const file = path.join(entry.parentPath, entry.name);
          const stat = statSync(file);
          return `${path.relative(dist, file)} ${stat.ino} ${stat.mtimeMs}`;
        })
        .sort();
    const before = state();
    expect(before.some((line) => line.startsWith("cli.js "))).toBe(true);
    const build = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: REPO, encoding: "utf8" });
    expect(build.status, build.stderr).toBe(0);
    expect(state()).toEqual(before);
  });
});

describe("the run's temporary folder", () => {
  it("is the one the global setup made, for tempDir() and for the processes tests start", () => {
    expect(path.basename(tmpdir())).toMatch(/^lokmin-tests-/);
    expect(path.dirname(tempDir())).toBe(tmpdir());
    const child = spawnSync(process.execPath, ["-p", "require('node:os').tmpdir()"], { encoding: "utf8" });
    expect(child.stdout.trim()).toBe(tmpdir());
  });
});
