// Test helpers: temporary copies of fixture workspaces and running the real CLI.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const EXAMPLE = path.join(REPO, "examples", "puskesmas-sukamaju");
export const MINI = path.join(REPO, "tests", "fixtures", "mini");

/** Each test run gets its own parse-cache folder, so runs never see each other's cache. */
const CACHE_DIR = mkdtempSync(path.join(tmpdir(), "lokmin-cache-"));

export function tempDir(prefix = "lokmin-test-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A throw-away copy of a fixture workspace. */
export function copyWorkspace(source: string): string {
  const target = path.join(tempDir(), path.basename(source));
  cpSync(source, target, { recursive: true });
  return target;
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function lokmin(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {},
): CliResult {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: "1",
    LOKMIN_LANG: "",
    CI: "1",
    LOKMIN_CACHE_DIR: CACHE_DIR,
    ...options.env,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const result = spawnSync(process.execPath, [path.join(REPO, "bin", "lokmin.js"), ...args], {
    cwd: options.cwd ?? REPO,
    env: env as NodeJS.ProcessEnv,
    encoding: "utf8",
    input: options.input ?? "",
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under a folder with its bytes, to prove a command changed nothing. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(path.relative(dir, full), readFileSync(full).toString("base64"));
    }
  };
  walk(dir);
  return out;
}
