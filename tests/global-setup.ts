// Before the suite: build dist/ (end-to-end tests spawn `node bin/lokmin.js`) unless it is already
// built from the sources as they are, and give the run its own temporary folder, removed afterwards.
// Every worker and every process the tests start uses it as TMPDIR (TEMP on Windows): tempDir(),
// copyWorkspace(), LibreOffice's profiles, the parse cache.
// On Linux it is in memory (/dev/shm) when that has room: lokmin writes atomically (write, fsync,
// rename), tests remove what they made, and on a disk mounted with `discard`, as this project's
// machine is, each removal waits for the disk (about 13 ms, thousands of times a run).
// LOKMIN_TEST_TMPDIR=<dir> puts it elsewhere; LOKMIN_TEST_KEEP_TMP=1 keeps it after the run.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// What scripts/build.mjs reads (the sources, the templates it precompiles, the libraries it bundles
// as npm installed them) and what it writes.
const BUILD_INPUTS = [
  "src",
  "dev",
  "templates",
  "scripts/build.mjs",
  "scripts/esbuild-shared.mjs",
  "package.json",
  "package-lock.json",
  "node_modules/.package-lock.json",
];
const BUILD_OUTPUTS = ["dist", "dist-dev"];
const STAMP = path.join(REPO, "node_modules", ".cache", "lokmin", "build-stamp");

/**
 * The state of the build's inputs and outputs: every file's path, size and modification time. Equal
 * to the state recorded after the last build: dist/ is that build's, of the same sources, untouched.
 */
function buildState(): string {
  const hash = createHash("sha1");
  const add = (rel: string) => {
    const full = path.join(REPO, rel);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      hash.update(`${rel} missing\n`);
      return;
    }
    if (!stat.isDirectory()) {
      hash.update(`${rel} ${stat.size} ${stat.mtimeMs}\n`);
      return;
    }
    for (const name of readdirSync(full).sort()) add(path.join(rel, name));
  };
  for (const rel of [...BUILD_INPUTS, ...BUILD_OUTPUTS]) add(rel);
  return hash.digest("hex");
}

/**
 * Build dist/ with scripts/build.mjs, unless nothing it reads or wrote changed since the last build
 * this setup ran (esbuild's bundle and the templates' precompilation cost about 2.5 s of CPU, all
 * before the first test starts). LOKMIN_TEST_BUILD=1 builds anyway.
 */
function build(): void {
  const before = buildState();
  const stamp = existsSync(STAMP) ? readFileSync(STAMP, "utf8") : "";
  if (stamp === before && process.env.LOKMIN_TEST_BUILD !== "1" && existsSync(path.join(REPO, "dist", "cli.js")))
    return;
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: REPO, stdio: "inherit" });
  mkdirSync(path.dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, buildState());
}

/** Free bytes under `dir`, or 0 when it cannot be told. */
function freeBytes(dir: string): number {
  try {
    const stat = statfsSync(dir);
    return stat.bavail * stat.bsize;
  } catch {
    return 0;
  }
}

function runFolderParent(): string {
  if (process.env.LOKMIN_TEST_TMPDIR) return process.env.LOKMIN_TEST_TMPDIR;
  // A run writes about 70 MB (its 50 MB and 1 GB test files are sparse); ask for far more.
  if (process.platform === "linux" && freeBytes("/dev/shm") > 1024 ** 3) return "/dev/shm";
  return tmpdir();
}

export default function setup(): () => void {
  build();
  const run = mkdtempSync(path.join(runFolderParent(), "lokmin-tests-"));
  // os.tmpdir() reads TMPDIR on POSIX and TEMP/TMP on Windows; workers inherit them.
  const names = ["TMPDIR", "TEMP", "TMP"] as const;
  const previous = names.map((name) => process.env[name]);
  for (const name of names) process.env[name] = run;
  return () => {
    names.forEach((name, i) => {
      if (previous[i] === undefined) delete process.env[name];
      else process.env[name] = previous[i];
    });
    if (process.env.LOKMIN_TEST_KEEP_TMP === "1") return;
    try {
      rmSync(run, { recursive: true, force: true, maxRetries: 2 });
    } catch (error) {
      console.warn(`could not remove the test run's temporary folder ${run}: ${String(error)}`);
    }
  };
}
