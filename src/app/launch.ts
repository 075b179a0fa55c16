// `lokmin buka` at the edge: start the app on 127.0.0.1, open the default browser on its address
// (with the secret), say in the console where it is and how it stops, and run until a signal: Ctrl-C,
// the console window closed (SIGHUP on Windows), or SIGTERM. Everything the app writes is written
// synchronously inside one request, so stopping between requests never leaves half a file.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { isoToday } from "../cli/context.js";
import { UserError } from "../errors.js";
import { getLang, msg, t } from "../i18n/index.js";
import { dinasInputs } from "../ops/summary.js";
import { startServer } from "./server.js";
import { describeWorkspace } from "./workspace.js";

export interface LaunchOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /**
   * The folder named on the command line, if any: a workspace (or a folder inside one), or a folder of
   * Puskesmas packages and workspaces, which opens the Dinas mode.
   */
  folder?: string;
  port: number;
  openBrowser: boolean;
  now?: () => Date;
  /** Where the address and the notes go. */
  print: (started: { url: string; port: number; workspace?: string; dinas?: string }) => void;
  note: (line: string) => void;
  /** Resolves when the app should stop; default: SIGINT, SIGTERM or SIGHUP. */
  until?: Promise<unknown>;
}

const M = {
  portTaken: msg(
    "port {port} sudah dipakai program lain (mungkin lokmin yang sudah berjalan); tutup program itu, pilih port lain " +
      "dengan --port, atau jalankan tanpa --port agar lokmin memilih sendiri",
    "port {port} is already used by another program (perhaps a lokmin already running); close it, choose another " +
      "port with --port, or run without --port so lokmin picks one",
  ),
  portDenied: msg(
    "port {port} tidak boleh dipakai di komputer ini; pilih port di atas 1024 dengan --port, atau jalankan tanpa " +
      "--port",
    "port {port} may not be used on this computer; choose a port above 1024 with --port, or run without --port",
  ),
  running: msg(
    "lokmin berjalan di peramban pada alamat di atas. Jendela ini menjalankan lokmin: menutupnya (atau menekan " +
      "Ctrl+C) menghentikan lokmin.",
    "lokmin is running in the browser at the address above. This window runs lokmin: closing it (or pressing " +
      "Ctrl+C) stops lokmin.",
  ),
  workspace: msg("Workspace: {dir}", "Workspace: {dir}"),
  dinas: msg(
    "Mode Dinas: {count} paket dan workspace Puskesmas di {dir}",
    "Dinas mode: {count} Puskesmas packages and workspaces in {dir}",
  ),
  noBrowser: msg(
    "Peramban tidak dapat dibuka otomatis; salin alamat di atas ke peramban (Edge atau Chrome).",
    "The browser could not be opened automatically; copy the address above into a browser (Edge or Chrome).",
  ),
  stopped: msg("lokmin berhenti.", "lokmin stopped."),
};

export async function launch(options: LaunchOptions): Promise<number> {
  let folder: string | undefined;
  let dinas: string | undefined;
  if (options.folder !== undefined) {
    try {
      folder = describeWorkspace(options.folder).root;
    } catch (error) {
      // Not a workspace: a folder of packages (and workspaces) a Dinas received opens its own mode.
      if (!(error instanceof UserError) || dinasInputs(options.folder).length === 0) throw error;
      dinas = options.folder;
    }
  } else {
    try {
      folder = describeWorkspace(options.cwd).root;
    } catch {
      folder = undefined; // not in a workspace: the start page
    }
  }
  const today = () => isoToday(options.now?.() ?? new Date(), options.env);
  let running;
  try {
    running = await startServer({ port: options.port, env: options.env, today, lang: getLang(), folder, dinas });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new UserError(t(M.portTaken, { port: options.port }));
    if (code === "EACCES") throw new UserError(t(M.portDenied, { port: options.port }));
    throw error;
  }
  options.print({ url: running.url, port: running.port, workspace: folder, dinas });
  options.note(t(M.running));
  if (folder) options.note(t(M.workspace, { dir: folder }));
  if (dinas) options.note(t(M.dinas, { dir: dinas, count: dinasInputs(dinas).length }));
  // LOKMIN_NO_BROWSER=1: never a browser (tests of the executable started as by a double-click).
  const open = options.openBrowser && !options.env.LOKMIN_NO_BROWSER;
  const launcher = open ? browserTarget(running.url) : undefined;
  if (launcher && !(await openBrowser(launcher.target, options.env))) options.note(t(M.noBrowser));

  await (options.until ?? stopSignal());
  await running.close();
  launcher?.remove();
  options.note(t(M.stopped));
  return 0;
}

/** The first of Ctrl-C, SIGTERM and the console window closing (SIGHUP on Windows). */
function stopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
    const stop = (signal: string) => {
      for (const s of signals) process.off(s, stop);
      resolve(signal);
    };
    for (const s of signals) process.on(s, stop);
  });
}

/**
 * What the browser is started with, for the address (with its key) `url`. On Windows the address
 * itself: another account cannot read the command lines of this person's programs there. Elsewhere
 * every account on the computer can (`ps`, /proc/<pid>/cmdline), and a browser started with an
 * address keeps it in its command line as long as it runs — the key would let any other account in.
 * So the browser opens a small page, in a folder only this account can read, that forwards to the
 * address (as Jupyter does); `remove` deletes it when lokmin stops.
 */
export function browserTarget(
  url: string,
  platform = process.platform,
  parent = tmpdir(),
): { target: string; remove: () => void } {
  if (platform === "win32") return { target: url, remove: () => undefined };
  const dir = mkdtempSync(path.join(parent, "lokmin-buka-"));
  const file = path.join(dir, "buka.html");
  const href = url.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  writeFileSync(
    file,
    `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">` +
      `<meta http-equiv="refresh" content="0;url=${href}"><title>lokmin</title></head>` +
      `<body><p><a href="${href}">lokmin</a></p></body></html>\n`,
    { mode: 0o600, flag: "wx" },
  );
  return { target: file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A file opened with this computer's default program for it (a .docx in Word or LibreOffice), the
 * way the browser is: explorer.exe, open, xdg-open. LOKMIN_OPEN_WITH names another program (tests).
 */
export function openWithDefault(file: string, env: NodeJS.ProcessEnv, platform = process.platform): Promise<boolean> {
  if (env.LOKMIN_OPEN_WITH) return spawned(env.LOKMIN_OPEN_WITH, [file], env);
  return openBrowser(file, env, platform);
}

function spawned(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { detached: true, stdio: "ignore", windowsHide: true, env });
      child.once("error", () => resolve(false));
      child.once("spawn", () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}

/**
 * The default browser on `url` (an address or a file): explorer.exe on Windows (it hands a URL to
 * the default browser and needs no quoting, unlike `cmd /c start`), `open` on macOS, xdg-open
 * elsewhere. False when it could not be started.
 */
export function openBrowser(url: string, env: NodeJS.ProcessEnv, platform = process.platform): Promise<boolean> {
  const [command, args] =
    platform === "win32"
      ? [`${env.SystemRoot ?? env.windir ?? "C:\\Windows"}\\explorer.exe`, [url]]
      : platform === "darwin"
        ? ["open", [url]]
        : ["xdg-open", [url]];
  return spawned(command, args, env);
}
