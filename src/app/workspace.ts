// Opening a workspace in the app, and creating one with the same code as `lokmin init` (one
// call, in createWorkspace: when `src/ops/init.ts` lands it becomes a call of that op).
import { readdirSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { isMonthId } from "../domain/month.js";
import { WORKSPACE_FILE } from "../domain/workspace-data.js";
import { UserError } from "../errors.js";
import { getLang, setLang } from "../i18n/index.js";
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
}

/**
 * `lokmin init` with these answers, run in-process as the CLI runs it (`--yes --json`): the same
 * lokmin.yaml, schemas, .gitignore and git repository. Throws UserError (folder not empty of a
 * workspace, not writable) with init's own message.
 */
export async function createWorkspace(answers: CreateAnswers, env: NodeJS.ProcessEnv, today: string): Promise<string> {
  const { run } = await import("../commands/init.js");
  const { createUi } = await import("../cli/ui.js");
  const out = new PassThrough();
  const err = new PassThrough();
  let printed = "";
  out.on("data", (chunk) => (printed += chunk));
  const streams = { stdout: out, stderr: err, stdinIsTTY: false, env };
  const ui = await createUi(true, streams);
  const lang = getLang();
  const { folder, ...options } = answers;
  try {
    await run({ cwd: folder, env, ui, streams, today }, ".", { ...options, yes: true });
  } finally {
    setLang(lang);
  }
  const created = (JSON.parse(printed || "{}") as { created?: string }).created;
  if (!created) throw new UserError(printed || "init");
  return path.dirname(created);
}
