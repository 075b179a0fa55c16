// The meeting workbook's guide totals as LibreOffice Calc computes them equal what `lokmin rank`
// computes, for every scoring method: the hand-checked tables of tests/method-support.ts are
// written as workbooks without cached results, Calc (headless) recalculates and saves them, and
// each total it saved — a rater's row, the forum's row, the mean of the raters — is compared.
// tests/unit/method-totals.test.ts checks the same with a tiny formula evaluator, fast.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReadCell, ReadWorkbook } from "../../src/domain/form/workbook.js";
import { readXlsx, writeXlsx } from "../../src/io/xlsx.js";
import { tempDir } from "../helpers.js";
import { rankTable, TABLES, tableWorkbook, type TotalCell } from "../method-support.js";

const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" });
const skip = Boolean(soffice.error) && process.env.LOKMIN_SKIP_SOFFICE === "1";

describe.skipIf(skip)("every method's total as LibreOffice Calc computes it", () => {
  const saved: ReadWorkbook[] = [];
  const cells: TotalCell[][] = [];

  beforeAll(async () => {
    expect(
      soffice.error,
      "LibreOffice Calc is needed: apt-get install libreoffice-calc-nogui (or LOKMIN_SKIP_SOFFICE=1)",
    ).toBeUndefined();
    const dir = tempDir("lokmin-methods-");
    const files: string[] = [];
    for (const [i, table] of TABLES.entries()) {
      const workbook = tableWorkbook(table);
      // No cached results: what Calc saves is its own arithmetic.
      for (const sheet of workbook.spec.sheets)
        for (const row of sheet.rows) for (const cell of row ?? []) if (cell?.formula) delete cell.value;
      const file = path.join(dir, `tabel-${i}.xlsx`);
      writeFileSync(file, await writeXlsx(workbook.spec));
      files.push(file);
      cells.push(workbook.cells);
    }
    // A profile that recalculates every formula on load.
    const profile = tempDir("lokmin-lo-");
    mkdirSync(path.join(profile, "user"), { recursive: true });
    writeFileSync(
      path.join(profile, "user", "registrymodifications.xcu"),
      '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" ' +
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">' +
        "<value>0</value></prop></item>\n</oor:items>\n",
    );
    const out = tempDir("lokmin-methods-calc-");
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", out, ...files],
      { stdio: "ignore", timeout: 600_000 }, // a hang guard only
    );
    for (const file of files) saved.push(await readXlsx(readFileSync(path.join(out, path.basename(file)))));
  });

  const valueAt = (book: ReadWorkbook, cell: TotalCell): ReadCell => {
    const sheet = book.sheets.find((s) => s.name === cell.sheet)!;
    const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(cell.address)!;
    return sheet.rows[Number(digits) - 1]?.[letters.charCodeAt(0) - 65] ?? { kind: "empty" };
  };

  TABLES.forEach((table, i) => {
    it(table.name, () => {
      const { method } = rankTable(table);
      for (const cell of cells[i]) {
        const value = valueAt(saved[i], cell);
        const where = `${table.method} ${cell.item.id} ${cell.rater} ${cell.address}: ${cell.formula}`;
        expect(value.kind, where).toBe("number");
        const expected =
          cell.rater === "rata-rata" || cell.rater === "forum" ? cell.item.total : method.combine(cell.scores)!;
        expect((value as { value: number }).value, where).toBeCloseTo(expected, 9);
      }
    });
  });
});
