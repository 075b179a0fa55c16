// The analysis tools a workspace says it uses (lokmin.yaml `analisis.metode`) get their place from
// `new` and `rank --add-candidates`, and `check` asks for what is still empty.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { copyWorkspace, lokmin, MINI } from "../helpers.js";

describe("the month's analysis tools", () => {
  it("new prepares the stakeholder list and names the tools; check asks for it; candidates get a SWOT", async () => {
    const ws = copyWorkspace(MINI);
    const config = path.join(ws, "lokmin.yaml");
    writeFileSync(config, `${readFileSync(config, "utf8")}analisis:\n  metode: [fishbone, swot, stakeholder]\n`);
    expect((await lokmin(["-C", ws, "new", "2024-03"])).status).toBe(0);
    const text = readFileSync(path.join(ws, "2024-03/rapat.yaml"), "utf8");
    expect(text).toContain("\n# Peta stakeholder: nama, instansi");
    expect(text).toContain("\nstakeholder: []\n");
    expect(text).toContain("# akar_masalah: kategori (Manusia, Metode, Dana, Sarana & Prasarana, Lingkungan), uraian");
    expect(text).toContain("# solusi terpilih: strategi SO|WO|ST|WT");

    const check = JSON.parse((await lokmin(["-C", ws, "check", "2024-03", "--json"])).stdout);
    const empty = check.findings.filter((f: { rule: string }) => f.rule === "stakeholder/kosong");
    expect(empty).toHaveLength(1);
    expect(empty[0]).toMatchObject({
      file: "2024-03/rapat.yaml",
      line: text.split("\n").indexOf("stakeholder: []") + 1,
    });

    // The listed problem no longer names its indicator, so the indicator is a candidate again.
    const january = path.join(ws, "2024-01/rapat.yaml");
    writeFileSync(january, readFileSync(january, "utf8").replace("    indikator: bumil\n", ""));
    expect((await lokmin(["-C", ws, "rank", "2024-01", "--add-candidates"])).status).toBe(0);
    const added = parseDocument(readFileSync(january, "utf8")).toJS().masalah.at(-1);
    expect(added).toMatchObject({ id: "m-kia-bumil", akar_masalah: [] });
    expect(added.swot).toEqual({
      kekuatan: [],
      kelemahan: [],
      peluang: [],
      ancaman: [],
      strategi: { so: [], wo: [], st: [], wt: [] },
    });
  });
});
