// What the app remembers between starts, in the user's own config folder (never in a workspace):
// the workspaces opened recently. %APPDATA%\lokmin on Windows, $XDG_CONFIG_HOME/lokmin or
// ~/.config/lokmin elsewhere; LOKMIN_CONFIG_DIR overrides (tests, portable use). And where to look
// for workspaces a person has not opened here yet: the folders of their Documents.
import { readdirSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { WORKSPACE_FILE } from "../domain/workspace-data.js";
import { pathPresent, readRegularFile } from "../io/fs-safe.js";
import { writeFileAtomic } from "../io/write.js";

export interface Recent {
  path: string;
  name: string;
  /** ISO date it was last opened. */
  opened: string;
}

const RECENT_FILE = "terakhir.json";
const MAX_RECENT = 10;

export function configDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (env.LOKMIN_CONFIG_DIR) return env.LOKMIN_CONFIG_DIR;
  if (platform === "win32")
    return path.win32.join(
      env.APPDATA ?? path.win32.join(env.USERPROFILE ?? homedir(), "AppData", "Roaming"),
      "lokmin",
    );
  return path.join(env.XDG_CONFIG_HOME || path.join(env.HOME ?? homedir(), ".config"), "lokmin");
}

export function readRecent(dir: string): Recent[] {
  const read = readRegularFile(path.join(dir, RECENT_FILE), { maxBytes: 256 * 1024 });
  if (!read.ok) return [];
  try {
    const value = JSON.parse(read.bytes.toString("utf8"));
    const list = Array.isArray(value?.workspace) ? value.workspace : [];
    return list
      .filter((r: Recent) => typeof r?.path === "string" && typeof r?.name === "string")
      .map((r: Recent) => ({ path: r.path, name: r.name, opened: typeof r.opened === "string" ? r.opened : "" }))
      .slice(0, MAX_RECENT);
  } catch {
    return [];
  }
}

/** Put a workspace first in the recent list (a failure to remember is not worth stopping for). */
export function rememberRecent(dir: string, entry: Recent): void {
  const list = [entry, ...readRecent(dir).filter((r) => path.resolve(r.path) !== path.resolve(entry.path))];
  try {
    writeFileAtomic(
      path.join(dir, RECENT_FILE),
      `${JSON.stringify({ workspace: list.slice(0, MAX_RECENT) }, null, 2)}\n`,
      {
        overwrite: true,
        label: RECENT_FILE,
      },
    );
  } catch {
    // a read-only profile: the list just is not remembered
  }
}

/** The person's Documents folders (OneDrive's too on Windows), those that exist. */
export function documentsFolders(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string[] {
  const join = platform === "win32" ? path.win32.join : path.join;
  const home = platform === "win32" ? (env.USERPROFILE ?? homedir()) : (env.HOME ?? homedir());
  const candidates = [join(home, "Documents"), join(home, "Dokumen")];
  if (platform === "win32" && env.OneDrive) candidates.push(join(env.OneDrive, "Documents"));
  return [...new Set(candidates)].filter((dir) => pathPresent(dir));
}

/** Folders under Documents (two levels deep, a bounded number) that hold a lokmin.yaml. */
export function findWorkspaces(folders: readonly string[], limit = 20): string[] {
  const found: string[] = [];
  let looked = 0;
  const visit = (dir: string, depth: number) => {
    if (found.length >= limit || looked > 2000) return;
    looked++;
    if (pathPresent(path.join(dir, WORKSPACE_FILE))) {
      found.push(dir);
      return;
    }
    if (depth === 0) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith(".") && entry.name !== "node_modules")
        visit(path.join(dir, entry.name), depth - 1);
    }
  };
  for (const folder of folders) visit(folder, 2);
  return found;
}
