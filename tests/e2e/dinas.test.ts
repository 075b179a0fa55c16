// What a Dinas hands on without retyping a figure: `export --format dhis2|dhis2-csv` (DHIS2's shape,
// the JSON equal to the CSV and to the program files' figures; a workspace without a mapping, an
// unknown indicator and duplicate codes are clear errors at their lokmin.yaml line), the package's
// DHIS2 files, and `summary --parquet` read back by DuckDB equal to `summary --json`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { monthCheck } from "../../src/domain/summary.js";
import { documentedDataValueSet } from "../dhis2-shape.js";
import { copyWorkspace, EXAMPLE, lokmin, MINI, REPO, tempDir } from "../helpers.js";

const YEAR = path.join(REPO, "tests", "fixtures", "year");
const env = { LOKMIN_TODAY: "2024-07-02" };

describe("export --format dhis2 and dhis2-csv", () => {
  it("the example's month as DHIS2's data value set, equal to its CSV and to the program files", async () => {
    const json = await lokmin(["-C", EXAMPLE, "export", "--format", "dhis2", "--bulan", "2024-05"]);
    expect(json.status, json.stderr).toBe(0);
    const set = documentedDataValueSet.parse(JSON.parse(json.stdout));
    const csv = await lokmin(["-C", EXAMPLE, "export", "--format", "dhis2-csv", "--bulan", "2024-05"]);
    const [header, ...lines] = csv.stdout.trimEnd().split("\r\n");
    expect(header).toBe("dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value");
    expect(lines.map((line) => line.split(","))).toEqual(
      set.dataValues.map((v) => [v.dataElement, v.period, v.orgUnit, v.categoryOptionCombo ?? "", "", v.value]),
    );
    // Every cumulative figure sent for the Puskesmas is the one in its program file (export's own rows):
    // DHIS2's period is the month the figures cover, May's, which June's Lokmin reports (bulan-lalu).
    const rows = JSON.parse((await lokmin(["-C", EXAMPLE, "export", "--format", "json"])).stdout);
    const capaian = new Map<string, number>(
      rows
        .filter((r: { jenis: string; periode: string }) => r.jenis === "capaian" && r.periode === "2024-05")
        .map((r: { program: string; indikator: string; nilai: number }) => [
          `LKM-${r.program}-${r.indikator}-KUM`.toUpperCase(),
          r.nilai,
        ]),
    );
    const own = set.dataValues.filter((v) => v.orgUnit === "PKM-LHJ-SUKAMAJU" && v.dataElement.endsWith("-KUM"));
    expect(own.length).toBeGreaterThan(5);
    for (const v of own) expect(Number(v.value), v.dataElement).toBe(capaian.get(v.dataElement));
    // Per-village indicators go per village (org units below the Puskesmas), never also as the total.
    expect(set.dataValues.filter((v) => v.dataElement === "LKM-KIA-BUMIL-KUM").map((v) => v.orgUnit)).toEqual([
      "DS-LHJ-SUKAMAJU",
      "DS-LHJ-SIDOMULYO",
      "DS-LHJ-KARANG-ANYAR",
      "DS-LHJ-TANJUNG-SARI",
      "DS-LHJ-MEKAR-JAYA",
    ]);
    expect(new Set(set.dataValues.map((v) => v.period))).toEqual(new Set(["202405"]));
    expect(set.dataValues.some((v) => v.dataElement.startsWith("LKM-UKGS"))).toBe(false);
    // A year holds every month of it whose figures are in: January–May (June's are reported in July;
    // the January folder's figures are December 2023's).
    const year = JSON.parse((await lokmin(["-C", EXAMPLE, "export", "--format", "dhis2", "--tahun", "2024"])).stdout);
    expect(new Set(year.dataValues.map((v: { period: string }) => v.period))).toEqual(
      new Set(["202401", "202402", "202403", "202404", "202405"]),
    );
    expect(year.dataValues.length).toBe(set.dataValues.length * 5);
  });

  it("--out writes the file; --json says how many values; a bad --tahun is a usage error", async () => {
    const out = path.join(tempDir(), "kirim dinas.json");
    const r = await lokmin([
      "-C",
      EXAMPLE,
      "export",
      "--format",
      "dhis2",
      "--bulan",
      "2024-06",
      "--out",
      out,
      "--json",
    ]);
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ file: out, format: "dhis2", notes: [] });
    expect(JSON.parse(readFileSync(out, "utf8")).dataValues).toHaveLength(result.values);
    const bad = await lokmin(["-C", EXAMPLE, "export", "--format", "dhis2", "--tahun", "24"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("'24' bukan tahun");
  });

  it("no mapping, an unknown indicator and duplicate codes are clear errors at their line", async () => {
    const ws = copyWorkspace(MINI);
    const none = await lokmin(["-C", ws, "export", "--format", "dhis2"]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("lokmin.yaml belum punya bagian dhis2");
    const file = path.join(ws, "lokmin.yaml");
    const text = readFileSync(file, "utf8");
    writeFileSync(
      file,
      `${text}dhis2:\n  unit_organisasi: PKM-MINI\n  elemen_data:\n` +
        "    - indikator: kia/bumil\n      bulan_ini: DE-1\n" +
        `    - indikator: kia/bumi\n      bulan_ini: DE-2\n    - indikator: gizi/balita\n      bulan_ini: DE-1\n`,
    );
    const first = text.split("\n").length; // the line of "dhis2:"
    const r = await lokmin(["-C", ws, "export", "--format", "dhis2-csv"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(
      `${first + 5}:18  galat  dhis2 menyebut indikator kia/bumi yang tidak ada di program lokmin.yaml ` +
        "(maksud Anda kia/bumil?)",
    );
    expect(r.stderr).toContain(`${first + 8}:18  galat  kode elemen data DE-1 sudah dipakai untuk kia/bumil bulan_ini`);
    expect(r.stderr).toContain(`  ${first + 5} |     - indikator: kia/bumi`);
    expect(r.stderr).toContain("bagian dhis2 di lokmin.yaml belum lengkap atau salah");
    const check = JSON.parse((await lokmin(["-C", ws, "check", "--json"])).stdout);
    const dhis2 = check.findings.filter((f: { rule: string }) => f.rule.startsWith("dhis2/"));
    expect(dhis2.map((f: { rule: string; severity: string; line: number }) => [f.rule, f.severity, f.line])).toEqual([
      ["dhis2/indikator-tidak-dikenal", "error", first + 5],
      ["dhis2/kode-ganda", "error", first + 8],
    ]);
    // English too.
    const en = await lokmin(["-C", ws, "--lang", "en", "export", "--format", "dhis2"]);
    expect(en.stderr).toContain("data element code DE-1 is already used for kia/bumil bulan_ini");
  });
});

describe("the package carries the DHIS2 files; summary --parquet", () => {
  let ws: string;
  let inbox: string;
  beforeAll(async () => {
    ws = copyWorkspace(EXAMPLE);
    inbox = tempDir("lokmin-kiriman-");
    for (const month of ["2024-05", "2024-06"]) {
      const r = await lokmin(["-C", ws, "paket", month, "--out", path.join(inbox, `sukamaju-${month}.zip`)], { env });
      expect(r.status, r.stderr).toBe(0);
    }
    const year = copyWorkspace(YEAR);
    const r = await lokmin(["-C", year, "paket", "2024-06", "--out", path.join(inbox, "rimba-2024-06.zip")], { env });
    expect(r.status, r.stderr).toBe(0);
  });

  it("paket holds dhis2/datavalueset-BULAN.json and .csv: export of the period the month reports", async () => {
    const files = unzipSync(readFileSync(path.join(inbox, "sukamaju-2024-05.zip")));
    // May's Lokmin reports April's figures (bulan-lalu): DHIS2's period 202404.
    const exported = await lokmin(["-C", ws, "export", "--format", "dhis2", "--bulan", "2024-04"]);
    expect(strFromU8(files["dhis2/datavalueset-2024-05.json"])).toBe(exported.stdout);
    expect(JSON.parse(exported.stdout).dataValues[0].period).toBe("202404");
    const csv = await lokmin(["-C", ws, "export", "--format", "dhis2-csv", "--bulan", "2024-04"]);
    expect(strFromU8(files["dhis2/datavalueset-2024-05.csv"])).toBe(csv.stdout);
    const manifest = JSON.parse(strFromU8(files["manifest.json"]));
    expect(manifest.berkas.map((b: { path: string }) => b.path)).toContain("dhis2/datavalueset-2024-05.csv");
    expect(manifest.check.dilaksanakan).toBe(true);
    // What summary would read from check.json, the manifest says already.
    expect(manifest.check.ringkasan).toEqual(monthCheck(JSON.parse(strFromU8(files["check.json"])), "2024-05"));
    expect(manifest.check.ringkasan.tilik_total).toBe(20);
    // A broken mapping leaves the files out and says why; the package is still made.
    const broken = copyWorkspace(MINI);
    const file = path.join(broken, "lokmin.yaml");
    writeFileSync(file, `${readFileSync(file, "utf8")}dhis2:\n  unit_organisasi: PKM-MINI\n`);
    const out = path.join(tempDir(), "mini.zip");
    const r = await lokmin(["-C", broken, "paket", "2024-02", "--out", out, "--json"], { env });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).warnings.join("\n")).toContain("berkas DHIS2 tidak dimasukkan");
    expect(Object.keys(unzipSync(readFileSync(out))).some((name) => name.startsWith("dhis2/"))).toBe(false);
  });

  it("DuckDB reads the Parquet tables back as exactly summary --json's figures and months", async () => {
    const dir = path.join(tempDir(), "parquet");
    const r = await lokmin(["summary", EXAMPLE, inbox, "--parquet", dir, "--json"], { env });
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.parquet).toEqual([path.join(dir, "figures.parquet"), path.join(dir, "meetings.parquet")]);
    const entries = json.workspaces as Array<{
      name: string;
      kecamatan: string;
      kabupaten_kota: string;
      months: Array<Record<string, unknown> & { month: string; figures: object[] }>;
    }>;
    // The workspace, then one entry per Puskesmas that sent packages.
    expect(entries.map((e) => e.name)).toEqual([
      "UPTD Puskesmas Sukamaju",
      "UPTD Puskesmas Rimba",
      "UPTD Puskesmas Sukamaju",
    ]);
    const who = (e: (typeof entries)[number], month: string) => ({
      puskesmas: e.name,
      kecamatan: e.kecamatan,
      kabupaten_kota: e.kabupaten_kota,
      month,
    });
    const figures = entries.flatMap((e) =>
      e.months.flatMap((m) => m.figures.map((f) => ({ ...who(e, m.month), ...f }))),
    );
    const meetings = entries.flatMap((e) =>
      // The overdue kesepakatan by name are in the JSON; the meetings table keeps their count.
      e.months.map(({ figures: _figures, not_assessed: _notAssessed, overdue: _overdue, ...m }) => ({
        ...who(e, m.month),
        ...m,
      })),
    );
    const connection = await (await DuckDBInstance.create(":memory:")).connect();
    const read = async (file: string) =>
      (await connection.runAndReadAll(`SELECT * FROM read_parquet('${path.join(dir, file)}')`)).getRowObjectsJS();
    expect(await read("figures.parquet")).toEqual(figures);
    expect(await read("meetings.parquet")).toEqual(meetings);
    expect(figures.length).toBeGreaterThan(100);
    // The README's query: the table summary prints, from the Parquet alone.
    const table = await connection.runAndReadAll(
      `SELECT puskesmas, month, tilik, arsip, errors, warnings,
              open_commitments || '/' || overdue_commitments AS kesepakatan,
              indicators_behind || '/' || indicators AS tertinggal
       FROM '${path.join(dir, "meetings.parquet")}' ORDER BY puskesmas, month`,
    );
    // Printed from the same inputs: a month's package says what the Puskesmas' check said when it was sent,
    // which can differ from its workspace now (next month's meeting date tells whether a deadline falls after it).
    const printed = (await lokmin(["summary", EXAMPLE, inbox], { env })).stdout;
    for (const row of table.getRowObjectsJS().filter((x) => x.puskesmas === "UPTD Puskesmas Sukamaju")) {
      const cells = [row.month, row.tilik, row.arsip, row.errors, row.warnings, row.kesepakatan, row.tertinggal];
      expect(printed).toMatch(new RegExp(cells.map(String).join("\\s+")));
    }
    // Behind counted from the figures equals the meetings' count (Sukamaju's May and June come twice here:
    // from its workspace and from its packages, with the same figures).
    const behind = await connection.runAndReadAll(
      `WITH f AS (SELECT puskesmas, month, count(*) FILTER (WHERE behind) AS n, count(*) AS rows
                  FROM '${path.join(dir, "figures.parquet")}' WHERE village IS NULL GROUP BY ALL),
            m AS (SELECT puskesmas, month, count(*) AS sources, any_value(indicators_behind) AS behind
                  FROM '${path.join(dir, "meetings.parquet")}' GROUP BY ALL)
       SELECT puskesmas, month, n / sources AS n, behind FROM f JOIN m USING (puskesmas, month)`,
    );
    const counts = behind.getRowObjectsJS();
    expect(counts).toHaveLength(6 + 1);
    for (const row of counts) expect(Number(row.n), `${row.puskesmas} ${row.month}`).toBe(Number(row.behind));
    // The tables are there: without --force they are not replaced.
    const again = await lokmin(["summary", EXAMPLE, "--parquet", dir]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("figures.parquet sudah ada; pakai --force");
    expect((await lokmin(["summary", EXAMPLE, "--parquet", dir, "--force"])).status).toBe(0);
  });

  it("a package made before the manifest carried its figures gives the same summary, read from its YAML", async () => {
    const files = unzipSync(readFileSync(path.join(inbox, "sukamaju-2024-05.zip")));
    const manifest = JSON.parse(strFromU8(files["manifest.json"]));
    delete manifest.capaian;
    delete manifest.check.dilaksanakan;
    delete manifest.check.ringkasan;
    const old = tempDir("lokmin-lama-");
    writeFileSync(
      path.join(old, "sukamaju-2024-05.zip"),
      zipSync({ ...files, "manifest.json": strToU8(JSON.stringify(manifest)) }),
    );
    mkdirSync(path.join(old, "baru"));
    writeFileSync(
      path.join(old, "baru", "sukamaju-2024-05.zip"),
      readFileSync(path.join(inbox, "sukamaju-2024-05.zip")),
    );
    const fromOld = JSON.parse((await lokmin(["summary", old, "--json"], { env })).stdout).workspaces;
    const fromNew = JSON.parse(
      (await lokmin(["summary", path.join(old, "baru"), "--json"], { env })).stdout,
    ).workspaces;
    expect(fromOld[0].months).toEqual(fromNew[0].months);
    expect(fromOld[0].months[0].figures.length).toBeGreaterThan(10);
    // And the workspace itself says the same about that month.
    const fromWorkspace = JSON.parse((await lokmin(["summary", ws, "--json"], { env })).stdout).workspaces[0];
    expect(fromWorkspace.months.find((m: { month: string }) => m.month === "2024-05").figures).toEqual(
      fromNew[0].months[0].figures,
    );
  });
});
