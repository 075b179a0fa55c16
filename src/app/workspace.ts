// Opening a workspace in the app, and creating one with the same operation as `lokmin init`
// (src/ops/init.ts).
import { readdirSync } from "node:fs";
import path from "node:path";
import { isMonthId } from "../domain/month.js";
import { WORKSPACE_FILE } from "../domain/workspace-data.js";
import { findWorkspaceRoot } from "../io/workspace.js";
import { readYaml } from "./files.js";

export interface OpenWorkspace {
  root: string;
  name: string;
  months: string[];
}

/** The workspace holding `folder` (it or a folder above it has lokmin.yaml), with its name and months. */
export function describeWorkspace(folder: string): OpenWorkspace {
  const root = findWorkspaceRoot(folder);
  return { root, name: workspaceName(root), months: monthsOf(root) };
}

export function workspaceName(root: string): string {
  const read = readYaml(root, WORKSPACE_FILE);
  if (read.ok) {
    const data = read.file.data as { puskesmas?: { nama?: unknown } };
    if (typeof data?.puskesmas?.nama === "string" && data.puskesmas.nama) return data.puskesmas.nama;
  }
  return path.basename(root);
}

export function monthsOf(root: string): string[] {
  try {
    return readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && isMonthId(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

export interface CreateAnswers {
  folder: string;
  nama: string;
  kecamatan: string;
  kabupaten: string;
  alamat?: string;
  kepala?: string;
  kepalaNip?: string;
  tu?: string;
  tuNip?: string;
  zona?: "WIB" | "WITA" | "WIT";
  taksonomi: "program" | "klaster";
  peraturan?: "nasional" | "musi-rawas-2018" | "sendiri";
  peraturanNama?: string;
  peraturanSingkat?: string;
}

/**
 * `lokmin init --yes` with these answers, through the same operation: the same lokmin.yaml, schemas,
 * .gitignore and git repository. Throws UserError (folder not empty of a workspace, not writable)
 * with init's own message.
 */
export async function createWorkspace(answers: CreateAnswers, env: NodeJS.ProcessEnv, today: string): Promise<string> {
  const { init } = await import("../ops/init.js");
  const { folder, ...options } = answers;
  const result = await init({ cwd: folder, env, today }, options);
  return path.dirname(result.created);
}
