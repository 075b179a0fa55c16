// The year's rule groups on the year fixture: the clean fixture raises none of them, each rule
// fires at its file and line after one small mutation, and every rule of those groups has a case.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OTHER_MEETING_GROUPS } from "../../src/domain/check/rules/index.js";
import { pertamaRules } from "../../src/domain/check/rules/pertama.js";
import { tahunanRules } from "../../src/domain/check/rules/tahunan.js";
import { copyWorkspace, REPO } from "../helpers.js";
import { checked } from "./support.js";
import { YEAR_CASES } from "./year-cases.js";

export const YEAR = path.join(REPO, "tests", "fixtures", "year");
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split(/\r?\n/).length;
const YEAR_RULES = [pertamaRules, tahunanRules, ...OTHER_MEETING_GROUPS].flatMap((g) => Object.keys(g.rules));
const ours = (rule: string) => YEAR_RULES.includes(rule);

describe("the year's rules on the year fixture", () => {
  it("the clean fixture reads without input errors and raises none of the year's rules (but an info)", () => {
    const report = checked(YEAR);
    expect(report.findings.filter((f) => /^(schema|yaml|io)\//.test(f.rule))).toEqual([]);
    expect(report.findings.filter((f) => ours(f.rule) && f.severity !== "info")).toEqual([]);
    // Musrenbang proposals are required at the first quarterly meeting only: a later one gets a note.
    expect(report.findings.filter((f) => ours(f.rule)).map((f) => `${f.rule} ${f.file}`)).toEqual([
      "tribulanan/musrenbang 2024-06/tribulanan.yaml",
    ]);
  });

  it.each(YEAR_CASES)("$rule fires at $file", ({ rule, file, edit, at, setup }) => {
    const root = copyWorkspace(YEAR);
    setup?.(root);
    const text = edit(readFileSync(path.join(root, file), "utf8"));
    writeFileSync(path.join(root, file), text);
    const hits = checked(root).findings.filter((f) => f.rule === rule);
    expect(hits.length, rule).toBeGreaterThan(0);
    expect(hits[0].file).toBe(file);
    expect(hits[0].line).toBe(lineOf(text, at));
  });

  it("every rule of the year's groups has a case", () => {
    for (const id of YEAR_RULES)
      expect(
        YEAR_CASES.some((c) => c.rule === id),
        id,
      ).toBe(true);
  });

  it("quarterly kesepakatan are evaluated at the next quarterly meeting, never asked of the monthly one", () => {
    const report = checked(YEAR);
    // 2024-03/T01 and T02 are open when June begins; June's rapat.yaml evaluates neither and is not asked to.
    expect(report.findings.filter((f) => f.rule === "kesepakatan/belum-dievaluasi")).toEqual([]);
    const root = copyWorkspace(YEAR);
    const file = path.join(root, "2024-06/tribulanan.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/evaluasi_kesepakatan:\n(  .*\n)+/, ""));
    const missing = checked(root).findings.filter((f) => f.rule === "tribulanan/kesepakatan-belum-dievaluasi");
    expect(missing.map((f) => f.message)).toEqual([
      expect.stringContaining("2024-03/T01"),
      expect.stringContaining("2024-03/T02"),
    ]);
  });

  it("speaks the klaster vocabulary: a missing klaster file names the klaster, not a program", () => {
    const root = copyWorkspace(YEAR);
    const file = path.join(root, "2024-01/rapat.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("    program: [klaster-3]\n", ""));
    const report = checked(root);
    const hit = report.findings.find((f) => f.rule === "pertama/pembagian-tugas")!;
    expect(hit.message).toBe("Klaster 3 Usia Dewasa dan Lansia belum dipegang siapa pun di pembagian_tugas");
  });
});
