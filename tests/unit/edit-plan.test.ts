// The edit plan: a command's edits applied once per file in rounds whose number does not grow with
// the file (so the cost is linear), each result validated against its schema, and all files written
// or none — a file changed meanwhile, a rename refused part-way, a file to create already there.
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { YamlEdit } from "../../src/domain/edits.js";
import { meetingSchema, programReportSchema } from "../../src/domain/schema.js";
import { UserError } from "../../src/errors.js";
import { commitPlan, planEdits } from "../../src/io/edit-plan.js";
import { setWriteOps } from "../../src/io/write.js";
import { applyYamlEdits, applyYamlEditsOneByOne } from "../../src/io/yaml-patch.js";
import { YamlSource } from "../../src/io/yaml-source.js";
import { copyWorkspace, lokmin, MINI } from "../helpers.js";

afterEach(() => setWriteOps(null));

/** A meeting's problem list as people write it: comments, flow and block scores, solutions. */
function problems(count: number): string {
  const lines = ["masalah:", "  # disepakati forum"];
  for (let i = 1; i <= count; i++) {
    lines.push(`  - id: m${i}`, `    judul: Masalah ${i} # catatan`, "    solusi:");
    for (let k = 1; k <= 2; k++) lines.push(`      - id: s${k}`, `        skor: {m: ${k + 1}, i: 3, v: 2, c: ${k}}`);
    lines.push("    skor:", `      u: ${(i % 5) + 1}`, "      s: 3", "      g: 2");
  }
  return `${lines.join("\n")}\n`;
}

/** What `rank --write --solusi` asks of such a list: totals and ranks inserted, a chosen solution marked. */
function rankLikeEdits(count: number): YamlEdit[] {
  const edits: YamlEdit[] = [];
  for (let i = 0; i < count; i++) {
    edits.push({ op: "set", path: ["masalah", i, "total"], value: i, after: ["skor"] });
    edits.push({ op: "set", path: ["masalah", i, "peringkat"], value: count - i, after: ["total"] });
    for (let k = 0; k < 2; k++) {
      edits.push({ op: "set", path: ["masalah", i, "solusi", k, "total"], value: k, after: ["skor"] });
      edits.push({ op: "set", path: ["masalah", i, "solusi", k, "peringkat"], value: 2 - k, after: ["total"] });
    }
    edits.push({ op: "set", path: ["masalah", i, "solusi", 1, "dipilih"], value: true, after: ["peringkat", "total"] });
  }
  return edits;
}

describe("applying many edits to one file", () => {
  it("takes the same few rounds for 500 problems as for 20, and writes what one edit at a time writes", () => {
    for (const count of [20, 500]) {
      const text = problems(count);
      const edits = rankLikeEdits(count);
      const batched = applyYamlEdits(text, edits);
      expect(batched.rounds).toBeLessThanOrEqual(3);
      expect(batched.text).toContain(`    total: 0\n    peringkat: ${count}`);
      expect(batched.text).toContain("        total: 1\n        dipilih: true\n        peringkat: 1\n");
      expect(batched.text.match(/# catatan/g)).toHaveLength(count);
    }
    // The reference, one edit and one parse of the whole file at a time (quadratic: 84 parses here), on 12
    // problems, so ids and indexes of two digits are among them.
    const [text, edits] = [problems(12), rankLikeEdits(12)];
    expect(applyYamlEdits(text, edits).text).toBe(applyYamlEditsOneByOne(text, edits).text);
  });

  it("keeps the order of edits that depend on each other: a list appended to, then its new item edited", () => {
    const text = "masalah:\n  - id: m1\n";
    const edits: YamlEdit[] = [
      { op: "append", path: ["masalah"], items: [{ id: "m2" }] },
      { op: "set", path: ["masalah", 1, "judul"], value: "Baru" },
      { op: "delete", path: ["masalah", 0] },
      { op: "set", path: ["masalah", 0, "total"], value: 3 },
    ];
    const result = applyYamlEdits(text, edits);
    expect(result.text).toBe(applyYamlEditsOneByOne(text, edits).text);
    expect(result.text).toBe("masalah:\n  - id: m2\n    judul: Baru\n    total: 3\n");
  });

  it("edits of unrelated keys in one mapping share a round; the same key twice keeps the last value", () => {
    const text = "a: 1\nb: 2\nc: {x: 1}\n";
    const edits: YamlEdit[] = [
      { op: "set", path: ["a"], value: 5 },
      { op: "set", path: ["b"], value: 6 },
      { op: "set", path: ["a"], value: 7 },
      { op: "set", path: ["c", "x"], value: 8 },
    ];
    const result = applyYamlEdits(text, edits);
    expect(result.text).toBe("a: 7\nb: 6\nc: {x: 8}\n");
    expect(result.rounds).toBe(2);
  });
});

describe("the edit plan", () => {
  function workspace() {
    const root = copyWorkspace(MINI);
    const read = (rel: string) => readFileSync(path.join(root, rel), "utf8");
    const source = (rel: string) => new YamlSource(rel, read(rel), false);
    return { root, read, source };
  }
  const RAPAT = "2024-02/rapat.yaml";
  const KIA = "2024-02/program/kia.yaml";

  it("refuses a change that would make a file invalid, naming the line in the changed text, and writes nothing", () => {
    const { root, read, source } = workspace();
    const before = read(RAPAT);
    const plan = planEdits(root, {
      edit: [
        { source: source(RAPAT), edits: [{ op: "set", path: ["tanggal"], value: "kemarin" }], schema: meetingSchema },
      ],
    });
    expect(plan.findings.length).toBeGreaterThan(0);
    const finding = plan.findings[0];
    expect(finding.file).toBe(RAPAT);
    expect(plan.sources.get(RAPAT)?.text.split("\n")[(finding.line ?? 1) - 1]).toContain("kemarin");
    expect(() => commitPlan(plan)).toThrow(UserError);
    expect(read(RAPAT)).toBe(before);
  });

  it("gives the edited file's data with the schema's defaults, for the command to work on", () => {
    const { root, source } = workspace();
    const plan = planEdits(root, {
      edit: [
        {
          source: source(RAPAT),
          edits: [{ op: "set", path: ["masalah", 1, "total"], value: 10 }],
          schema: meetingSchema,
        },
      ],
    });
    const data = plan.files[0].data as { masalah: Array<{ total?: number; solusi: unknown[] }> };
    expect(data.masalah[1].total).toBe(10);
    expect(data.masalah[1].solusi).toEqual([]);
  });

  it("writes nothing when one of its files was changed by someone else after it was read", () => {
    const { root, read, source } = workspace();
    const [rapat, kia] = [read(RAPAT), read(KIA)];
    const plan = planEdits(root, {
      edit: [
        {
          source: source(RAPAT),
          edits: [{ op: "set", path: ["musrenbang"], value: "Usulan baru" }],
          schema: meetingSchema,
        },
        {
          source: source(KIA),
          edits: [{ op: "append", path: ["rencana_bulan_ini"], items: ["Posyandu"] }],
          schema: programReportSchema,
        },
      ],
    });
    writeFileSync(path.join(root, KIA), `${kia}# disimpan di editor\n`);
    expect(() => commitPlan(plan)).toThrow(/diubah oleh program lain/);
    expect(read(RAPAT)).toBe(rapat);
    expect(readdirSync(path.join(root, "2024-02")).filter((n) => n.includes(".tmp"))).toEqual([]);
  });

  it("puts back a file it already replaced when a later rename is refused (Word holds the file)", () => {
    const { root, read, source } = workspace();
    const [rapat, kia] = [read(RAPAT), read(KIA)];
    const plan = planEdits(root, {
      edit: [
        {
          source: source(RAPAT),
          edits: [{ op: "set", path: ["musrenbang"], value: "Usulan baru" }],
          schema: meetingSchema,
        },
        {
          source: source(KIA),
          edits: [{ op: "append", path: ["rencana_bulan_ini"], items: ["Posyandu"] }],
          schema: programReportSchema,
        },
      ],
    });
    let renames = 0;
    setWriteOps({
      write: (fd, data) => void writeFileSync(fd, data),
      rename: (from, to) => {
        if (++renames === 2) throw Object.assign(new Error("busy"), { code: "EBUSY" });
        renameSync(from, to);
      },
    });
    expect(() => commitPlan(plan)).toThrow(/dibuka atau dikunci program lain/);
    setWriteOps(null);
    expect(read(RAPAT)).toBe(rapat);
    expect(read(KIA)).toBe(kia);
    for (const dir of ["2024-02", "2024-02/program"])
      expect(readdirSync(path.join(root, dir)).filter((n) => n.includes(".tmp"))).toEqual([]);
  });

  it("never replaces a file it was asked to create, unless forced", () => {
    const { root, read } = workspace();
    const before = read(KIA);
    const plan = planEdits(root, { create: [{ file: KIA, text: "program: kia\nbulan: 2024-02\nindikator: []\n" }] });
    expect(() => commitPlan(plan)).toThrow(/sudah ada/);
    expect(read(KIA)).toBe(before);
  });
});

describe("rank --write on a long meeting", () => {
  it("writes 300 problems' totals and ranks in one change, and a second run changes nothing", async () => {
    const root = copyWorkspace(MINI);
    const file = path.join(root, "2024-02", "rapat.yaml");
    const text = readFileSync(file, "utf8");
    const list = Array.from(
      { length: 300 },
      (_, i) => `  - id: m${i + 1}\n    judul: Masalah ${i + 1}\n    skor: {u: ${(i % 5) + 1}, s: 3, g: 2}\n`,
    ).join("");
    writeFileSync(file, text.replace(/masalah:\n[\s\S]*?(?=rtl:)/, `masalah:\n${list}`));
    const first = await lokmin(["rank", "2024-02", "--write", "--json"], { cwd: root });
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout).written).toBe(600);
    const written = readFileSync(file, "utf8");
    expect(written).toContain("  - id: m300\n    judul: Masalah 300\n    skor: {u: 5, s: 3, g: 2}\n    total: 10\n");
    const second = await lokmin(["rank", "2024-02", "--write", "--json"], { cwd: root });
    expect(JSON.parse(second.stdout).written).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(written);
  });
});
