// Beyond the meeting: trends, export, the supervisor's summary across workspaces, the trend chart
// in the rendered documents and the Dinas' feedback letter.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { generateWorkspace } from "../../dev/generate.js";
import { exportRows, toCsv } from "../../src/domain/export.js";
import { indicatorTrends, sparkline } from "../../src/domain/trends.js";
import { readZip } from "../../src/render/zip.js";
import { copyWorkspace, EXAMPLE, lokmin, MINI, tempDir } from "../helpers.js";

describe("trends", () => {
  it("flags indicators behind target for two or more consecutive months", async () => {
    const report = (id: string, kumulatif: number, target: number) => ({
      program: "kia",
      bulan: id,
      penanggung_jawab: "x",
      laporan_kegiatan: [],
      rencana_bulan_ini: [],
      rpk: [],
      indikator: [
        { id: "bumil", sasaran: 100, target_tahunan: 100, target_kumulatif: target, bulan_ini: 1, kumulatif },
      ],
    });
    const config = {
      program: [
        {
          id: "kia",
          nama: "KIA",
          penanggung_jawab: "x",
          indikator: [{ id: "bumil", nama: "Ibu hamil", sasaran: 100, target: 100 }],
        },
      ],
    } as never;
    const months = [
      { id: "2023-12", programs: [report("2023-12", 99, 100)] },
      { id: "2024-01", programs: [report("2024-01", 9, 8.33)] },
      { id: "2024-02", programs: [report("2024-02", 15, 16.67)] },
      { id: "2024-03", programs: [report("2024-03", 20, 25)] },
    ];
    const [trend] = indicatorTrends(config, months, "2024-03");
    expect(trend.points.map((p) => p.month)).toEqual(["2024-01", "2024-02", "2024-03"]);
    expect(trend).toMatchObject({ behindStreak: 2, flagged: true });
    expect(indicatorTrends(config, months, "2024-02")[0]).toMatchObject({ behindStreak: 1, flagged: false });
    expect(sparkline([0, 50, 100, null])).toBe("▁▅█ ");
  });

  it("lokmin report prints sparklines and highlights indicators behind two months or more", async () => {
    const r = await lokmin(["-C", EXAMPLE, "report", "2024-06"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ptm\/ht\s+[▁▂▃▄▅▆▇█]{6}/);
    expect(r.stdout).toMatch(/ptm\/ht.*tertinggal 6 bln/);
    expect(r.stdout).not.toMatch(/kia\/bbl.*tertinggal/);
    const json = JSON.parse((await lokmin(["-C", EXAMPLE, "report", "2024-06", "--json"])).stdout);
    expect(json.indicators.find((i: { indikator: string }) => i.indikator === "ht")).toMatchObject({
      flagged: true,
      behindStreak: 6,
    });
  });
});

describe("export", () => {
  it("writes one row per fact across months as CSV (quoted where needed) and JSON", async () => {
    const csv = (await lokmin(["-C", EXAMPLE, "export"])).stdout;
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe(
      "jenis,bulan,program,indikator,id,judul,sasaran,nilai,target,capaian_persen,total,peringkat,status," +
        "penanggung_jawab,tenggat,kategori,strategi,instansi,pengaruh,kepentingan,periode",
    );
    expect(lines.filter((l) => l.startsWith("capaian,")).length).toBe(6 * 18);
    expect(lines.some((l) => l.startsWith("kesepakatan,2024-01,") && l.includes("2024-01/K01"))).toBe(true);
    expect(lines.some((l) => l.startsWith("evaluasi_kesepakatan,2024-02,"))).toBe(true);
    expect(toCsv([{ jenis: "masalah", judul: 'Kata "kutip", koma' }])).toContain('"Kata ""kutip"", koma"');
    const json = JSON.parse((await lokmin(["-C", EXAMPLE, "export", "--format", "json"])).stdout);
    expect(json.length).toBe(lines.length - 1);
    const out = path.join(tempDir(), "lokmin.csv");
    expect((await lokmin(["-C", EXAMPLE, "export", "--out", out, "--sep", ";"])).status).toBe(0);
    expect(readFileSync(out, "utf8").startsWith("\uFEFFjenis;bulan;")).toBe(true);
    expect((await lokmin(["-C", EXAMPLE, "export", "--out", out])).status).toBe(2);
  });

  it("exportRows keeps capaian numbers as numbers", async () => {
    const rows = exportRows({ program: [] } as never, [
      {
        id: "2024-01",
        programs: [
          {
            program: "p",
            bulan: "2024-01",
            penanggung_jawab: "x",
            laporan_kegiatan: [],
            rencana_bulan_ini: [],
            rpk: [],
            indikator: [
              { id: "i", sasaran: 200, target_tahunan: 100, target_kumulatif: 8.33, bulan_ini: 10, kumulatif: 10 },
            ],
          },
        ],
      },
    ]);
    expect(rows[0]).toMatchObject({ jenis: "capaian", nilai: 10, capaian_persen: 5 });
  });
});

describe("lokmin summary", () => {
  it("prints the example and two generated workspaces, the broken one with its error, exit 2", async () => {
    const dir = tempDir();
    for (const [name, seed, nama] of [
      ["pkm-b", 7, "UPTD Puskesmas Karang Anyar"],
      ["pkm-c", 9, "UPTD Puskesmas Tanjung Sari"],
    ] as const) {
      // In-process, as `node dist-dev/generate.js --out … --months 3 --programs 4 --seed … --nama …` does.
      generateWorkspace({ out: path.join(dir, name), startMonth: "2024-01", months: 3, programs: 4, seed, name: nama });
    }
    const broken = path.join(dir, "pkm-c/lokmin.yaml");
    writeFileSync(broken, readFileSync(broken, "utf8").replace("pegawai:", "pegawai: 5\nxx:"));
    const r = await lokmin(["summary", EXAMPLE, path.join(dir, "pkm-b"), path.join(dir, "pkm-c")]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("UPTD Puskesmas Sukamaju");
    expect(r.stdout).toContain("UPTD Puskesmas Karang Anyar");
    expect(r.stdout).toMatch(/2024-06\s+20\/20\s+10\/10/);
    expect(r.stdout).toMatch(/pkm-c[\s\S]*lokmin\.yaml:\d+:\d+/);
    const json = JSON.parse(
      (await lokmin(["summary", EXAMPLE, path.join(dir, "pkm-b"), path.join(dir, "pkm-c"), "--json"])).stdout,
    );
    expect(json.workspaces).toHaveLength(3);
    expect(json.workspaces[1].months).toHaveLength(3);
    expect(json.workspaces[2].error).toContain("lokmin.yaml");
  });
});

describe("chart and feedback letter in DOCX", () => {
  const out = tempDir("lokmin-beyond-");
  let r: Awaited<ReturnType<typeof lokmin>>;
  beforeAll(async () => {
    r = await lokmin([
      "-C",
      copyWorkspace(EXAMPLE),
      "render",
      "2024-06",
      "--out",
      out,
      "--only",
      "notulen,tren,umpan-balik",
    ]);
  });

  it("the notulen and the trend document carry the chart as a PNG", async () => {
    expect(r.status, r.stderr).toBe(0);
    for (const doc of ["notulen", "tren"]) {
      const parts = readZip(readFileSync(path.join(out, `2024-06-${doc}.docx`)));
      const media = [...parts.keys()].filter((f) => f.startsWith("word/media/"));
      // The logo and the chart; the notulen also has the fishbone of each of the month's three problems.
      expect(media.length, doc).toBe(doc === "notulen" ? 2 + 3 : 2);
      expect(Math.max(...media.map((m) => parts.get(m)!.length))).toBeGreaterThan(20_000);
    }
    const text = (await mammoth.extractRawText({ path: path.join(out, "2024-06-tren.docx") })).value;
    expect(text).toContain("tertinggal 6 bulan berturut-turut");
  });

  it("the feedback letter comes from the Dinas with the checklist score and recommendations", async () => {
    const text = (await mammoth.extractRawText({ path: path.join(out, "2024-06-umpan-balik.docx") })).value;
    expect(text).toContain("DINAS KESEHATAN KABUPATEN LEMBAH HIJAU");
    expect(text).toContain("20 dari 20");
    expect(text).toContain("Pertajam analisis per desa untuk indikator hipertensi");
    expect(text).toContain("Yth. Kepala UPTD Puskesmas Sukamaju");
  });

  it("check warns when the feedback came later than 7 days after the visit", async () => {
    const ws = copyWorkspace(MINI);
    const file = path.join(ws, "2024-02/rapat.yaml");
    writeFileSync(
      file,
      `${readFileSync(file, "utf8")}supervisi:\n  tanggal: 2024-02-20\n  umpan_balik:\n    tanggal: 2024-03-01\n`,
    );
    const findings = JSON.parse((await lokmin(["-C", ws, "check", "--json"])).stdout).findings;
    expect(findings.some((f: { rule: string }) => f.rule === "supervisi/umpan-balik")).toBe(true);
  });
});
