// A document of a package as PDF, for a supervisor without Word: LibreOffice converts a copy written
// to a temporary folder (the one place a package's file touches the disk, removed at once), with a
// throw-away profile so an open LibreOffice window does not block it. Kept in memory by the DOCX's
// SHA-256, so the second look costs nothing.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { findSoffice } from "../../commands/render-pdf.js";

/** Whether PDFs can be made on this computer. */
export const canMakePdf = (env: NodeJS.ProcessEnv) => findSoffice(env) !== null;

export async function documentPdf(
  cache: Map<string, Uint8Array>,
  docx: Uint8Array,
  env: NodeJS.ProcessEnv,
): Promise<{ pdf: Uint8Array } | { error: string }> {
  const key = createHash("sha256").update(docx).digest("hex");
  const kept = cache.get(key);
  if (kept) return { pdf: kept };
  const soffice = findSoffice(env);
  if (!soffice) return { error: "LibreOffice" };
  const work = mkdtempSync(path.join(tmpdir(), "lokmin-pdf-"));
  try {
    const file = path.join(work, "dokumen.docx");
    writeFileSync(file, docx);
    const args = [
      `-env:UserInstallation=${pathToFileURL(path.join(work, "profil")).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      work,
      file,
    ];
    const error = await new Promise<Error | null>((resolve) =>
      execFile(soffice, args, { timeout: 180_000, windowsHide: true }, (err) => resolve(err)),
    );
    let pdf: Uint8Array;
    try {
      pdf = new Uint8Array(readFileSync(path.join(work, "dokumen.pdf")));
    } catch {
      return { error: error?.message.split("\n")[0] ?? "LibreOffice" };
    }
    cache.set(key, pdf);
    while (cache.size > 20) cache.delete(cache.keys().next().value!);
    return { pdf };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
