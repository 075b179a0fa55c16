// The scenario of the commitments issue: made in month 1, `belum` in month 2, carried and
// `selesai` in month 3, absent from month 4's carry, history shown by `commitments --all`.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyWorkspace, lokmin, MINI } from "../helpers.js";

describe("commitments carried to N+1", () => {
  it("follows one commitment across four months", async () => {
    const ws = copyWorkspace(MINI);
    // Month 2 evaluates 2024-01/K01 as `belum` already (fixture). Make month 2 carry nothing new of its own.
    const feb = path.join(ws, "2024-02/rapat.yaml");
    writeFileSync(
      feb,
      readFileSync(feb, "utf8").replace(/kesepakatan:\n  - id: 2024-02\/K01\n(    .*\n)+/, "kesepakatan: []\n"),
    );

    const march = await lokmin(["-C", ws, "new", "2024-03", "--json"]);
    expect(march.status, march.stderr).toBe(0);
    expect(JSON.parse(march.stdout).carried).toEqual(["2024-01/K01"]);

    const marFile = path.join(ws, "2024-03/rapat.yaml");
    const marText = readFileSync(marFile, "utf8");
    expect(marText).toMatch(
      new RegExp(
        [
          "- id: 2024-01/K01",
          "uraian: Sweeping ibu hamil di dusun terjauh",
          "penanggung_jawab: bidan",
          "tenggat: 2024-02-20",
          "status: null",
        ].join("\\n\\s+"),
      ),
    );
    writeFileSync(marFile, marText.replace(/(- id: 2024-01\/K01\n(?:\s+\w+: .*\n)*?\s+status: )null/, "$1selesai"));

    const april = await lokmin(["-C", ws, "new", "2024-04", "--json"]);
    expect(JSON.parse(april.stdout).carried).toEqual([]);

    const all = JSON.parse((await lokmin(["-C", ws, "commitments", "--all", "--json"])).stdout);
    const k01 = all.commitments.find((c: { id: string }) => c.id === "2024-01/K01");
    expect(k01).toMatchObject({ status: "selesai", open: false });
    expect(k01.history).toEqual([
      { month: "2024-02", status: "belum", catatan: "Bidan cuti" },
      { month: "2024-03", status: "selesai", catatan: null },
    ]);
    const human = await lokmin(["-C", ws, "commitments", "--all"]);
    expect(human.stdout).toContain("2024-02: belum → 2024-03: selesai");
    expect(JSON.parse((await lokmin(["-C", ws, "commitments", "--json"])).stdout).commitments).toEqual([]);
  });

  it("carry adds only what is missing, twice is byte-identical, and a hand comment survives", async () => {
    const ws = copyWorkspace(MINI);
    await lokmin(["-C", ws, "new", "2024-03"]);
    const file = path.join(ws, "2024-03/rapat.yaml");
    // Someone deletes the carried entry by hand and writes a comment in the section.
    const edited = readFileSync(file, "utf8").replace(
      /evaluasi_kesepakatan:\n(  .*\n|    .*\n)+/,
      "evaluasi_kesepakatan:\n  # dibahas ulang minggu depan\n  []\n",
    );
    writeFileSync(
      file,
      edited.replace(
        "  # dibahas ulang minggu depan\n  []\n",
        "  # dibahas ulang minggu depan\n  - id: 2024-01/K01\n    status: belum\n",
      ),
    );
    const first = await lokmin(["-C", ws, "carry", "2024-03", "--json"]);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout).added).toEqual(["2024-02/K01"]);
    const once = readFileSync(file, "utf8");
    expect(once).toContain("# dibahas ulang minggu depan");
    expect((await lokmin(["-C", ws, "carry", "2024-03"])).status).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(once);
  });

  it("a renamed evaluation id is reported at its line and nothing is written", async () => {
    const ws = copyWorkspace(MINI);
    await lokmin(["-C", ws, "new", "2024-03"]);
    const file = path.join(ws, "2024-03/rapat.yaml");
    const text = readFileSync(file, "utf8").replace("- id: 2024-01/K01", "- id: 2024-01/K11");
    writeFileSync(file, text);
    const r = await lokmin(["-C", ws, "carry", "2024-03"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("kesepakatan/id-tidak-dikenal");
    expect(r.stderr).toContain(`${text.split("\n").findIndex((l) => l.includes("2024-01/K11")) + 1}:`);
    expect(readFileSync(file, "utf8")).toBe(text);
    rmSync(ws, { recursive: true, force: true });
  });
});
