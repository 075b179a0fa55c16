// Which months an operation reads, decided in one place (monthsToLoad): each need of each operation,
// several needs together, and the workspace without months.
import { describe, expect, it } from "vitest";
import { monthsToLoad, type MonthNeed } from "../../src/io/workspace.js";

const MONTHS = Array.from({ length: 12 }, (_, i) =>
  i < 7 ? `2023-${String(i + 6).padStart(2, "0")}` : `2024-0${i - 6}`,
); // 2023-06 … 2024-05
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
    //                                                                          2023-06 … 2024-05
    ["rank: the month alone", "month", "--------f---"],
    ["form and import: the month and last month's figures", "month-and-previous", "-------ff---"],
    ["carry: the month, and the commitments of every month before", "commitments-before", "kkkkkkkkf---"],
    ["report: the year up to the month", "year-to-month", "-------ff---"],
    ["unusual figures: six months of history", "history", "--fffffff---"],
    ["check, paket: the history in full, the commitments before, nothing after", "check", "kkfffffff---"],
    ["new: last month in full, the commitments before", ["month-and-previous", "commitments-before"], "kkkkkkkff---"],
    ["template: lokmin.yaml only", "none", "------------"],
  ])("%s", (_what, needs, expected) => {
    expect(scopes(needs, "2024-02")).toEqual(row(expected));
  });

  it("render: what check needs and the year up to the month, whichever reaches further back", () => {
    expect(scopes("year-to-month", "2024-04")).toEqual(row("-------ffff-"));
    expect(scopes(["check", "year-to-month"], "2024-04")).toEqual(row("kkkkfffffff-"));
    // January: the year starts there, but check still reads the half year before in full.
    expect(scopes(["check", "year-to-month"], "2024-01")).toEqual(row("kfffffff----"));
  });

  it("several months (check 2024-01 2024-04): the history of each, the commitments before the last", () => {
    expect(scopes("check", ["2024-04", "2024-01"])).toEqual(row("kffffffffff-"));
    expect(scopes("month-and-previous", ["2024-04", "2024-01"])).toEqual(row("------ff-ff-"));
  });

  it("no month given (check of every month, a workspace without months): every month in full", () => {
    expect(scopes("check", [])).toEqual(row("ffffffffffff"));
    expect(scopes("month", undefined)).toEqual(row("ffffffffffff"));
    expect(scopes("none", undefined)).toEqual(row("------------"));
  });
});
