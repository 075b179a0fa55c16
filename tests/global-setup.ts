// Before the suite: build dist/ (end-to-end tests spawn `node bin/lokmin.js`) and give the run its
// own temporary folder, removed afterwards. Every worker and every process the tests start uses it
// as TMPDIR (TEMP on Windows): tempDir(), copyWorkspace(), LibreOffice's profiles, the parse cache.
// On Linux it is in memory (/dev/shm) when that has room: lokmin writes atomically (write, fsync,
// rename), tests remove what they made, and on a disk mounted with `discard`, as this project's
// machine is, each removal waits for the disk (about 13 ms, thousands of times a run).
// LOKMIN_TEST_TMPDIR=<dir> puts it elsewhere; LOKMIN_TEST_KEEP_TMP=1 keeps it after the run.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statfsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

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
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
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
