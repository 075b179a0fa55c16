// `render --pdf`: the written DOCX files converted to PDF by LibreOffice when it is installed
// (found on PATH, and on Windows in the usual Program Files folders), each PDF beside its DOCX.
// LibreOffice runs headless with a throw-away profile, so an open LibreOffice window does not
// block it. Without LibreOffice the DOCX files are still written and the message says what to install.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { msg, t } from "../i18n/index.js";

const M = {
  missing: msg(
    "PDF tidak dibuat: LibreOffice tidak ditemukan. Pasang LibreOffice (https://www.libreoffice.org) lalu ulangi " +
      "`lokmin render --pdf`; berkas DOCX sudah ditulis",
    "no PDF written: LibreOffice was not found. Install LibreOffice (https://www.libreoffice.org) and run " +
      "`lokmin render --pdf` again; the DOCX files are written",
  ),
  failed: msg(
    "PDF tidak dibuat untuk {file}: LibreOffice gagal ({detail})",
    "no PDF for {file}: LibreOffice failed ({detail})",
  ),
};

/** Where LibreOffice's `soffice` is: LOKMIN_SOFFICE, PATH, then the usual install folders. */
export function findSoffice(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  exists: (file: string) => boolean = existsSync,
): string | null {
  if (env.LOKMIN_SOFFICE) return exists(env.LOKMIN_SOFFICE) ? env.LOKMIN_SOFFICE : null;
  const windows = platform === "win32";
  const names = windows ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  const dirs = (env.PATH ?? env.Path ?? "").split(windows ? ";" : ":").filter(Boolean);
  if (windows) {
    for (const base of [env.ProgramFiles, env["ProgramFiles(x86)"], env.ProgramW6432, env.LOCALAPPDATA]) {
      if (base) dirs.push(path.win32.join(base, "LibreOffice", "program"));
    }
  } else if (platform === "darwin") dirs.push("/Applications/LibreOffice.app/Contents/MacOS");
  else dirs.push("/usr/bin", "/usr/local/bin", "/opt/libreoffice/program", "/snap/bin");
  for (const dir of dirs)
    for (const name of names) {
      const file = (windows ? path.win32 : path).join(dir, name);
      if (exists(file)) return file;
    }
  return null;
}

export interface PdfResult {
  ok: boolean;
  soffice: string | null;
  files: string[];
  message?: string;
}

export async function convertToPdf(
  ctx: { env: NodeJS.ProcessEnv },
  docx: string[],
  outDir: string,
): Promise<PdfResult> {
  const soffice = findSoffice(ctx.env);
  if (!soffice) {
    const message = t(M.missing);
    return { ok: false, soffice: null, files: [], message };
  }
  if (docx.length === 0) return { ok: true, soffice, files: [] };
  const profile = mkdtempSync(path.join(tmpdir(), "lokmin-lo-"));
  try {
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      outDir,
      ...docx,
    ];
    const error = await new Promise<Error | null>((resolve) =>
      execFile(soffice, args, { timeout: 300_000, windowsHide: true }, (err) => resolve(err)),
    );
    const files = docx.map((f) => path.join(outDir, `${path.basename(f, ".docx")}.pdf`));
    const missing = files.filter((f) => !existsSync(f));
    if (error || missing.length) {
      const message = t(M.failed, {
        file: (missing.length ? missing : files).map((f) => path.basename(f)).join(", "),
        detail: error?.message.split("\n")[0] ?? "tidak ada keluaran",
      });
      return { ok: false, soffice, files: files.filter((f) => existsSync(f)), message };
    }
    return { ok: true, soffice, files };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
