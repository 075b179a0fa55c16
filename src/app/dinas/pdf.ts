// A document of a package as PDF, for a supervisor without Word: LibreOffice converts a copy written
// to a temporary folder (the one place a package's file touches the disk, removed at once), with a
// throw-away profile so an open LibreOffice window does not block it. Kept in memory by the DOCX's
// SHA-256, so the second look costs nothing.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { convertToPdf, findSoffice } from "../../ops/pdf.js";

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
  const work = mkdtempSync(path.join(tmpdir(), "lokmin-pdf-"));
  try {
    const file = path.join(work, "dokumen.docx");
    writeFileSync(file, docx);
    const result = await convertToPdf({ env }, [file], work);
    if (!result.ok) return { error: result.message ?? "LibreOffice" };
    const pdf = new Uint8Array(readFileSync(path.join(work, "dokumen.pdf")));
    cache.set(key, pdf);
    while (cache.size > 20) cache.delete(cache.keys().next().value!);
    return { pdf };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
