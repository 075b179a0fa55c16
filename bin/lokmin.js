#!/usr/bin/env node
// Entry point installed as `lokmin`: runs the bundled CLI from dist/ (built by `npm ci`).
import { existsSync } from "node:fs";
import module from "node:module";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write("lokmin: dist/cli.js tidak ada. Jalankan `npm ci` atau `npm run build` dulu.\n");
  process.exit(2);
}
// A closed pipe (`lokmin ... | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
// `npm run bench` reads the peak memory and the CPU time (user + system) of each run from these lines.
if (process.env.LOKMIN_REPORT_RSS)
  process.on("exit", () => {
    const usage = process.resourceUsage();
    const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
    process.stderr.write(`lokmin-cpu-ms=${cpuMs}\nlokmin-max-rss-kb=${usage.maxRSS}\n`);
  });
// Node 22.1+ keeps the compiled bundle on disk between runs (about 20 ms of each start); Node 20 has no such cache.
if (process.env.LOKMIN_NO_CACHE !== "1") module.enableCompileCache?.();
const { exitOnInterrupt, main } = await import(cli.href);
exitOnInterrupt(process.argv.slice(2), process.env);
process.exitCode = await main(process.argv.slice(2));
