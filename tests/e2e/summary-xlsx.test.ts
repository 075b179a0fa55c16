// `lokmin summary --xlsx FILE` (issue 29 point 3): the Dinas' overview as a workbook, a sheet per view —
// Puskesmas × months, indicators behind by name, overdue kesepakatan by name — each figure the one
// `summary --json` prints; an existing file is never replaced without --force. Read back with
// lokmin's own reader here; tests/e2e/summary-xlsx-calc.test.ts has LibreOffice re-save it.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/io/xlsx.js";
import { expectSameAsSummary, inbox, summaryAndWorkbook } from "../dinas-support.js";
import { lokmin, tempDir } from "../helpers.js";

describe("summary --xlsx", () => {
  it("writes the overview as three sheets with the summary's own figures, by name", async () => {
    const { folder } = await inbox();
    const file = path.join(tempDir(), "ringkasan.xlsx");
    const json = await summaryAndWorkbook(folder, file);
    const book = await readXlsx(readFileSync(file));
    expectSameAsSummary(book.sheets, json.workspaces);
  }, 120_000);

  it("never replaces a file without --force, and says so before reading anything", async () => {
    const { folder } = await inbox();
    const file = path.join(tempDir(), "ringkasan.xlsx");
    writeFileSync(file, "punya orang");
    const refused = await lokmin(["summary", folder, "--xlsx", file]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("sudah ada; pakai --force");
    expect(readFileSync(file, "utf8")).toBe("punya orang");
    const forced = await lokmin(["summary", folder, "--xlsx", file, "--force"]);
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stderr).toContain("buku kerja ringkasan ditulis");
    expect((await readXlsx(readFileSync(file))).sheets).toHaveLength(3);
  }, 120_000);
});
