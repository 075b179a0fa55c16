// End to end: spawn `node bin/lokmin.js` on fixture folders.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { meetingSchema, programReportSchema } from "../../src/domain/schema.js";
import { copyWorkspace, EXAMPLE, lokmin, MINI, snapshot, tempDir } from "../helpers.js";

describe("lokmin basics", () => {
  it("--help lists every command and exits 0", async () => {
    const r = await lokmin(["--help"]);
    expect(r.status).toBe(0);
    for (const command of ["init", "new", "check", "rank", "carry", "commitments", "render"])
      expect(r.stdout).toContain(command);
  });

  it("an unknown option is a usage error (exit 2)", async () => {
    expect((await lokmin(["check", "--bogus"])).status).toBe(2);
  });

  it("outside a workspace it says how to start, exit 2, no stack trace", async () => {
    const r = await lokmin(["check"], { cwd: tempDir() });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("lokmin init");
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("speaks English with --lang en or LOKMIN_LANG=en", async () => {
    expect((await lokmin(["-C", tempDir(), "check", "--lang", "en"])).stderr).toContain("no lokmin.yaml found");
    expect((await lokmin(["-C", tempDir(), "check"], { env: { LOKMIN_LANG: "en" } })).stderr).toContain(
      "no lokmin.yaml found",
    );
  });
});

describe("lokmin init", () => {
  it("creates a workspace from flags without prompting, then refuses to overwrite it", async () => {
    const dir = tempDir();
    const r = await lokmin([
      "init",
      dir,
      "--nama",
      "UPTD Puskesmas Uji",
      "--kecamatan",
      "Uji",
      "--kabupaten",
      "Kabupaten Uji",
    ]);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(path.join(dir, "lokmin.yaml"), "utf8");
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.lokmin\/schema\/lokmin\.schema\.json/);
    expect(existsSync(path.join(dir, ".lokmin/schema/rapat.schema.json"))).toBe(true);
    expect((await lokmin(["check"], { cwd: dir })).status).not.toBe(2);
    const again = await lokmin(["init", dir, "--nama", "X"]);
    expect(again.status).toBe(2);
    expect(readFileSync(path.join(dir, "lokmin.yaml"), "utf8")).toBe(text);
  });

  it("without a terminal and without --nama it explains which flag to pass", async () => {
    const r = await lokmin(["init", tempDir()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--nama");
  });
});

describe("lokmin new", () => {
  it("scaffolds the next month of the example that the schema accepts, carrying open commitments", async () => {
    const ws = copyWorkspace(EXAMPLE);
    const r = await lokmin(["-C", ws, "new", "2024-07", "--json"]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.files).toContain("2024-07/rapat.yaml");
    expect(out.carried.length).toBeGreaterThan(0);
    const meeting = meetingSchema.parse(
      parseDocument(readFileSync(path.join(ws, "2024-07/rapat.yaml"), "utf8")).toJS(),
    );
    expect(meeting.evaluasi_kesepakatan.map((e) => e.id)).toEqual(out.carried);
    expect(meeting.langkah_khusus).toEqual(["tengah_tahun"]);
    const kia = programReportSchema.parse(
      parseDocument(readFileSync(path.join(ws, "2024-07/program/kia.yaml"), "utf8")).toJS(),
    );
    // July's Lokmin reports June (periode_data: bulan-lalu): 6/12 of the year's target.
    expect(kia.indikator.find((i) => i.id === "bumil")).toMatchObject({ sasaran: 812, target_kumulatif: 50 });
    expect((await lokmin(["-C", ws, "check", "2024-07", "--json"])).status).toBe(1);

    const before = snapshot(ws);
    const again = await lokmin(["-C", ws, "new", "2024-07"]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("--force");
    expect(snapshot(ws)).toEqual(before);
  });

  it("refuses invalid months with a clear message", async () => {
    for (const month of ["2024-13", "24-5", "2024-5"]) {
      const r = await lokmin(["-C", MINI, "new", month]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("YYYY-MM");
    }
  });
});

describe("lokmin check", () => {
  it("passes on the example workspace and reports each month's Daftar Tilik score", async () => {
    const r = await lokmin(["-C", EXAMPLE, "check"]);
    expect(r.status, r.stderr).toBe(0);
    for (const month of ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"])
      expect(r.stdout).toMatch(new RegExp(`${month}: Daftar Tilik \\d+/20`));
  });

  it("--json prints one object with findings, tilik, sop and arsip", async () => {
    const r = await lokmin(["-C", EXAMPLE, "check", "2024-06", "--json"]);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["findings", "tilik", "sop", "arsip", "months", "off"]);
    expect(out.tilik.total).toBe(20);
    expect(out.tilik.items).toHaveLength(20);
    expect(out.arsip.items).toHaveLength(10);
    expect(r.stderr).toBe("");
  });

  it("reports a typo'd key at its line in a CRLF file, exit 1, with a caret excerpt", async () => {
    const ws = copyWorkspace(MINI);
    const file = path.join(ws, "2024-02/rapat.yaml");
    const text = readFileSync(file, "utf8").replace("tempat: Aula", "tempt: Aula").replace(/\n/g, "\r\n");
    writeFileSync(file, text);
    const line = text.split("\r\n").findIndex((l) => l.startsWith("tempt:")) + 1;
    const r = await lokmin(["-C", ws, "check", "--json"]);
    expect(r.status).toBe(1);
    const finding = JSON.parse(r.stdout).findings.find((f: { rule: string }) => f.rule === "schema/unknown-key");
    expect(finding).toMatchObject({ file: "2024-02/rapat.yaml", line, column: 1 });
    expect(finding.message).toContain("tempat");
    const human = await lokmin(["-C", ws, "check"]);
    expect(human.stdout).toContain(`${line}:1`);
    expect(human.stdout).toContain(`${line} | tempt: Aula\n    | ^^^^^\n`);
  });

  it("underlines the whole value in the excerpt, and --json gives where it ends", async () => {
    const ws = copyWorkspace(MINI);
    const kia = path.join(ws, "2024-02/program/kia.yaml");
    writeFileSync(kia, readFileSync(kia, "utf8").replace("bulan_ini: 9", 'bulan_ini: "1.450 orang"'));
    const meeting = path.join(ws, "2024-02/rapat.yaml");
    const place = "tempat:\n  nama: Aula\n  lantai: 2\n";
    writeFileSync(meeting, readFileSync(meeting, "utf8").replace("tempat: Aula\n", place));
    const r = await lokmin(["-C", ws, "check", "2024-02"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      [
        "2024-02/program/kia.yaml",
        "  14:16  galat  indikator[0].bulan_ini: harus angka, tertulis teks '1.450 orang'  schema/type",
        '  14 |     bulan_ini: "1.450 orang"',
        "     |                ^^^^^^^^^^^^^",
      ].join("\n"),
    );
    // A block mapping where text belongs: its first line underlined, and where it ends.
    expect(r.stdout).toContain(
      [
        "  9:3  galat  tempat: harus teks, tertulis pemetaan (kunci: nilai)  schema/type",
        "  9 |   nama: Aula",
        "    |   ^^^^^^^^^^ … berlanjut sampai baris 10",
      ].join("\n"),
    );
    const json = JSON.parse((await lokmin(["-C", ws, "check", "2024-02", "--json"])).stdout);
    expect(json.findings.find((f: { rule: string }) => f.rule === "schema/type")).toMatchObject({
      line: 14,
      column: 16,
      end_line: 14,
      end_column: 29,
    });
  });

  it("--max-warnings turns warnings into failure", async () => {
    const ws = copyWorkspace(MINI);
    const file = path.join(ws, "2024-02/rapat.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("tanggal_kirim: 2024-02-22", "tanggal_kirim: null"));
    expect((await lokmin(["-C", ws, "check"])).status).toBe(0);
    expect((await lokmin(["-C", ws, "check", "--max-warnings", "0"])).status).toBe(1);
  });

  it("colours only on a TTY: piped output has no escape codes even without NO_COLOR", async () => {
    const r = await lokmin(["-C", EXAMPLE, "check"], { env: { NO_COLOR: undefined, FORCE_COLOR: undefined } });
    expect(r.stdout + r.stderr).not.toContain("\u001b[");
  });
});
