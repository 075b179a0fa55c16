// Which months an operation reads, decided in one place (monthsToLoad): each need of each operation,
// several needs together, and the workspace without months.
import { describe, expect, it } from "vitest";
import { monthsToLoad, type MonthNeed } from "../../src/io/workspace.js";

const MONTHS = ["2023-11", "2023-12", "2024-01", "2024-02", "2024-03", "2024-04", "2024-05"];
const scopes = (needs: MonthNeed | MonthNeed[], months: string | string[] | undefined) => {
  const scope = monthsToLoad(needs, months);
  return Object.fromEntries(MONTHS.map((m) => [m, scope(m)]));
};
/** The scope of each month, written in MONTHS order: f full, k commitments only, - skipped. */
const row = (letters: string) =>
  Object.fromEntries(
    MONTHS.map((m, i) => [m, { f: "full", k: "kesepakatan", "-": "skip" }[letters[i] as "f" | "k" | "-"]]),
  );

describe("monthsToLoad: one function decides which months an operation reads", () => {
  it.each<[string, MonthNeed | MonthNeed[], string]>([
    ["rank: the month alone", "month", "---f---"],
    ["form and import: the month and last month's figures", "month-and-previous", "--ff---"],
    ["carry: the month, and the commitments of every month before", "commitments-before", "kkkf---"],
    ["report: the year up to the month", "year-to-month", "--ff---"],
    ["check, paket, new: last month in full, the commitments before, nothing after", "check", "kkff---"],
    ["render: what check needs and the year's trend", ["check", "year-to-month"], "kkff---"],
    ["template: lokmin.yaml only", "none", "-------"],
  ])("%s", (_what, needs, expected) => {
    expect(scopes(needs, "2024-02")).toEqual(row(expected));
  });

  it("the year up to the month reaches back to January, and render loads it beside what check needs", () => {
    expect(scopes("year-to-month", "2024-04")).toEqual(row("--ffff-"));
    expect(scopes(["check", "year-to-month"], "2024-04")).toEqual(row("kkffff-"));
    // January: the year starts there, but check still reads December in full.
    expect(scopes(["check", "year-to-month"], "2024-01")).toEqual(row("kff----"));
  });

  it("several months (check 2024-01 2024-04): each with its previous month, the others before commitments only", () => {
    expect(scopes("check", ["2024-04", "2024-01"])).toEqual(row("kffkff-"));
  });

  it("no month given (check of every month, a workspace without months): every month in full", () => {
    expect(scopes("check", [])).toEqual(row("fffffff"));
    expect(scopes("month", undefined)).toEqual(row("fffffff"));
    expect(scopes("none", undefined)).toEqual(row("-------"));
  });
});
