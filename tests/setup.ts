// Runs before every test file (vitest `setupFiles`). After each test, and after each file (for what
// a beforeAll started), whatever the test left running is finished first and the test fails
// naming it (tests/running.ts): a timed-out test never leaves a command holding a workspace lock
// into the next one.
//
// With LOKMIN_TEST_TIMES=<file>, each file appends one JSON line with its wall time and the CPU
// time (ms) its worker spent on it, in the worker and in waited-for child processes (Linux
// /proc); scripts/test-under-load.mjs reads it to report where the time goes.
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { afterAll, afterEach, expect } from "vitest";
import { settleRunning } from "./running.js";

afterEach(() => settleRunning("when the test ended"));
afterAll(() => settleRunning("when the file's tests ended", "file"));

const timesFile = process.env.LOKMIN_TEST_TIMES;
if (timesFile && existsSync("/proc/self/stat")) {
  const cpu = () => {
    // utime, stime, cutime, cstime in clock ticks (100 per second), after the command name.
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    const tick = (i: number) => Number(fields[i]) * 10;
    return { self: tick(11) + tick(12), children: tick(13) + tick(14) };
  };
  const started = performance.now();
  const at = Date.now();
  const before = cpu();
  afterAll(() => {
    const after = cpu();
    const line = {
      file: expect.getState().testPath,
      start: at,
      wall: Math.round(performance.now() - started),
      cpu: after.self - before.self,
      children: after.children - before.children,
      worker: process.pid,
    };
    appendFileSync(timesFile, `${JSON.stringify(line)}\n`);
  });
}
