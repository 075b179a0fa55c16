// Reading rendered documents back as their readers see them: the DOCX parts and text, and the
// PDF that LibreOffice makes of them, page by page. Shared by the render test files.
import { execFile, execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { readZip } from "../../src/render/zip.js";
import { tempDir } from "../helpers.js";
import { trackProcess } from "../running.js";

/** The text of word/document.xml, one line per paragraph. */
export const docxText = (file: string) =>
  partOf(file, "word/document.xml")
    .split("</w:p>")
    .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .join("\n")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/\u00a0/g, " ");

export const partOf = (file: string, part: string) => Buffer.from(readZip(readFileSync(file)).get(part)!).toString();

/** Convert DOCX files to PDF in one LibreOffice run; returns the PDF path of each. */
export function toPdf(files: string[]): Map<string, string> {
  const out = tempDir("lokmin-pdf-");
  const profile = `file://${tempDir("lokmin-lo-")}`;
  execFileSync(
    "soffice",
    [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", out, ...files],
    { stdio: "ignore", timeout: 600_000 }, // a hang guard only
  );
  return new Map(files.map((f) => [f, path.join(out, `${path.basename(f, ".docx")}.pdf`)]));
}

/** The same, without waiting: LibreOffice converts while the test prepares other files. */
export function toPdfLater(files: string[]): Promise<Map<string, string>> {
  const out = tempDir("lokmin-pdf-");
  const profile = `file://${tempDir("lokmin-lo-")}`;
  return new Promise((resolve, reject) => {
    const soffice = execFile(
      "soffice",
      [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", out, ...files],
      { timeout: 600_000 }, // a hang guard only
      (error) =>
        error
          ? reject(error)
          : resolve(new Map(files.map((f) => [f, path.join(out, `${path.basename(f, ".docx")}.pdf`)]))),
    );
    // Stopped if the test (or hook) waiting for it ends first.
    trackProcess("soffice --convert-to pdf", soffice);
  });
}

/** The PDF's text page by page (pdftotext -layout). */
export const pdfPages = (pdf: string) =>
  execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" })
    .replace(/\u00a0/g, " ")
    .split("\f")
    .slice(0, -1);
