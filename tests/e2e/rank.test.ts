import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyWorkspace, EXAMPLE, lokmin, MINI } from "../helpers.js";

describe("lokmin rank", () => {
  it("prints the ranked table of a month of the example", async () => {
    const r = await lokmin(["-C", EXAMPLE, "rank", "2024-04"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("MCUA");
    expect(r.stdout).toMatch(/^1 +m\d/m);
  });

  it("--json prints method, tie rule and problems only", async () => {
    const out = JSON.parse((await lokmin(["-C", EXAMPLE, "rank", "2024-05", "--json"])).stdout);
    expect(out).toMatchObject({ method: "usg", tie_rule: "kriteria" });
    expect(out.problems[0]).toHaveProperty("rank");
    expect(out.findings).toEqual([]);
  });

  it("--write changes only totals and ranks, keeps comments and CRLF, and is idempotent", async () => {
    const ws = copyWorkspace(MINI);
    const file = path.join(ws, "2024-01/rapat.yaml");
    const original = readFileSync(file, "utf8")
      .replace("    total: 12\n    peringkat: 1\n", "")
      .replace("      u: 3\n", "      u: 5\n")
      .replace(/\n/g, "\r\n");
    writeFileSync(file, original);
    const r = await lokmin(["-C", ws, "rank", "2024-01", "--write"]);
    expect(r.status, r.stderr).toBe(0);
    const written = readFileSync(file, "utf8");
    expect(written).toContain("# The forum agreed these scores.\r\n");
    expect(written).not.toMatch(/[^\r]\n/);
    const before = original.split("\r\n");
    const after = written.split("\r\n");
    const added = after.filter((l) => !before.includes(l));
    expect(added.sort()).toEqual(["    peringkat: 1", "    total: 11", "    total: 12"]);
    expect(written).toContain("ditandatangani: [kapus, bidan]");
    expect(after.length - before.length).toBe(2);
    expect((await lokmin(["-C", ws, "rank", "2024-01", "--write"])).status).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(written);
  });

  it("a wrong written total is flagged, an out-of-range score is an input error naming file and line", async () => {
    const ws = copyWorkspace(MINI);
    const file = path.join(ws, "2024-01/rapat.yaml");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace("total: 12", "total: 13"));
    const flagged = await lokmin(["-C", ws, "rank", "2024-01"]);
    expect(flagged.stderr).toContain("rank/total-berbeda");
    writeFileSync(file, text.replace("u: 5", "u: 9"));
    const bad = await lokmin(["-C", ws, "rank", "2024-01"]);
    expect(bad.status).toBe(2);
    const line = text.split("\n").findIndex((l) => l.includes("u: 5")) + 1;
    expect(bad.stderr).toContain(`${line}:10`);
    expect(bad.stderr).toContain("2024-01/rapat.yaml");
  });

  it("lists problem candidates and adds them once", async () => {
    const ws = copyWorkspace(EXAMPLE);
    const list = JSON.parse((await lokmin(["-C", ws, "rank", "2024-05", "--candidates", "--json"])).stdout);
    const fresh = list.candidates.filter((c: { listed: boolean }) => !c.listed).length;
    expect(fresh).toBeGreaterThan(0);
    expect((await lokmin(["-C", ws, "rank", "2024-05", "--add-candidates"])).status).toBe(0);
    const text = readFileSync(path.join(ws, "2024-05/rapat.yaml"), "utf8");
    expect((await lokmin(["-C", ws, "rank", "2024-05", "--add-candidates"])).status).toBe(0);
    expect(readFileSync(path.join(ws, "2024-05/rapat.yaml"), "utf8")).toBe(text);
    const after = JSON.parse((await lokmin(["-C", ws, "rank", "2024-05", "--candidates", "--json"])).stdout);
    expect(after.candidates.every((c: { listed: boolean }) => c.listed)).toBe(true);
  });

  it("--interactive without a terminal refuses instead of blocking", async () => {
    const r = await lokmin(["-C", MINI, "rank", "2024-01", "--interactive"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--interactive");
  });
});
