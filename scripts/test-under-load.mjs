#!/usr/bin/env node
// The whole suite, several times in a row, while other CPU-bound processes compete for the cores:
// a test that depends on timing, or on work left running from an earlier test, fails here.
//
//   npm run test:load                       3 runs beside 2 busy processes
//   npm run test:load -- --runs 5 --load 4  more of either
//   npm run test:load -- --load 0 --runs 1  one quiet run, for the time per file
//   npm run test:load -- tests/hostile      only these files (any vitest filter)
//
// Builds once, then runs `vitest run` (the suite of `npm test`) each time with its output in
// tests/.tmp/load/run-N.log. Prints per run: passed or failed (and the failing tests), the wall
// time and the CPU time the suite used; at the end the files that cost the most CPU, from the
// per-file times tests/setup.ts records (LOKMIN_TEST_TIMES). Exit 0 only when every run passed.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [value] = args.splice(at, 2).slice(1);
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    console.error(`${name} takes a whole number, not ${value}`);
    process.exit(2);
  }
  return number;
};
const runs = option("--runs", 3);
const load = option("--load", 2);
const filters = args;
const outDir = path.join(repo, "tests", ".tmp", "load");
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

/** CPU seconds of this process's waited-for children so far (Linux; undefined elsewhere). */
function childrenCpu() {
  if (!existsSync("/proc/self/stat")) return undefined;
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

const build = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: repo, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 2);

// The competing load: busy loops, one process each, started before the first run.
const hogs = Array.from({ length: load }, () =>
  spawn(process.execPath, ["-e", "for (;;) Math.sqrt(Math.random());"], { stdio: "ignore" }),
);
const stopHogs = () => {
  for (const hog of hogs) hog.kill("SIGKILL");
};
process.on("exit", stopHogs);
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    stopHogs();
    process.exit(130);
  });

const vitest = path.join(repo, "node_modules", "vitest", "vitest.mjs");
console.log(
  `${runs} run(s) of the suite${filters.length ? ` (${filters.join(" ")})` : ""} beside ${load} busy ` +
    `process(es) on ${os.availableParallelism()} core(s); logs in ${path.relative(repo, outDir)}/`,
);

const results = [];
for (let run = 1; run <= runs; run++) {
  const log = path.join(outDir, `run-${run}.log`);
  const times = path.join(outDir, `run-${run}.times.jsonl`);
  const cpuBefore = childrenCpu();
  const started = performance.now();
  const result = await new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, "run", ...filters], {
      cwd: repo,
      env: { ...process.env, LOKMIN_TEST_TIMES: times, FORCE_COLOR: "0", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => resolve({ code, output }));
  });
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = childrenCpu();
  writeFileSync(log, result.output);
  const summary = result.output.match(/^\s*Tests\s+(.*)$/m)?.[1]?.trim() ?? "no summary (see the log)";
  const failed = [...result.output.matchAll(/^\s*(?:FAIL|×)\s+(.+)$/gm)].map((m) => m[1].trim());
  const cpu = cpuBefore === undefined ? "" : `, CPU ${(cpuAfter - cpuBefore).toFixed(1)} s`;
  const verdict = result.code === 0 ? "passed" : `FAILED (exit ${result.code})`;
  const loadAverage = os.loadavg()[1].toFixed(1);
  console.log(`run ${run}: ${verdict} in ${seconds.toFixed(1)} s${cpu}, load average ${loadAverage} — ${summary}`);
  for (const line of [...new Set(failed)].slice(0, 20)) console.log(`    ${line}`);
  results.push({ run, passed: result.code === 0, seconds, times });
}

// Where the time goes, from the last run's per-file record.
const last = results.at(-1);
if (last && existsSync(last.times)) {
  const files = readFileSync(last.times, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  const total = (f) => f.cpu + f.children;
  files.sort((a, b) => total(b) - total(a));
  const sum = files.reduce((s, f) => s + total(f), 0);
  console.log(
    `\nCPU time per file in run ${last.run} (worker + its child processes), ${(sum / 1000).toFixed(1)} s in all:`,
  );
  for (const f of files.slice(0, 12))
    console.log(
      `  ${(total(f) / 1000).toFixed(1).padStart(5)} s  (${(f.children / 1000).toFixed(1)} s children, ` +
        `${(f.wall / 1000).toFixed(1)} s wall)  ${path.relative(repo, f.file)}`,
    );
}

const passed = results.filter((r) => r.passed).length;
console.log(`\n${passed} of ${runs} run(s) passed; wall ${results.map((r) => `${r.seconds.toFixed(0)} s`).join(", ")}`);
stopHogs();
process.exit(passed === runs ? 0 : 1);
