// The workbook of `summary --xlsx` is a good citizen: LibreOffice Calc opens it and saves it again
// as a spreadsheet program would (`soffice --headless --convert-to xlsx`), and what it saved holds the
// same three sheets with the same figures. Left out of test:quick with the other LibreOffice suites.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/io/xlsx.js";
import { expectSameAsSummary, inbox, summaryAndWorkbook } from "../dinas-support.js";
import { tempDir } from "../helpers.js";

const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" });
const skip = Boolean(soffice.error) && process.env.LOKMIN_SKIP_SOFFICE === "1";

describe.skipIf(skip)("summary --xlsx in LibreOffice Calc", () => {
  it("Calc re-saves the workbook with the same sheets and figures", async () => {
    expect(soffice.error, "LibreOffice Calc is needed: apt-get install libreoffice-calc-nogui").toBeUndefined();
    const { folder } = await inbox();
    const dir = tempDir("lokmin-xlsx-calc-");
    const file = path.join(dir, "ringkasan.xlsx");
    const json = await summaryAndWorkbook(folder, file);
    const out = path.join(dir, "calc");
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, "profil")).href}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx",
        "--outdir",
        out,
        file,
      ],
      { stdio: "ignore", timeout: 120_000 },
    );
    const saved = await readXlsx(readFileSync(path.join(out, "ringkasan.xlsx")));
    expectSameAsSummary(saved.sheets, json.workspaces);
  }, 240_000);
});
