// Data verification across programs (issue 30): relations between indicators on this month's,
// the cumulative and the per-village figures; the record that justifies a mismatch; Daftar Tilik
// items 4–6 read from it; the unusual-figure statistic on generated history; the CLI output.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { tilikChecklist } from "../../src/domain/check/checklists.js";
import type { MonthContext } from "../../src/domain/check/context.js";
import { historyOf } from "../../src/domain/check/rules/verifikasi.js";
import { defaultPrograms } from "../../src/domain/defaults.js";
import { supervisionProfile } from "../../src/domain/regulations.js";
import {
  meetingSchema,
  programReportSchema,
  relationSchema,
  type Workspace,
  workspaceSchema,
} from "../../src/domain/schema.js";
import {
  compareMonth,
  DEFAULT_RELATIONS,
  RELATION_LIBRARY,
  relationsInForce,
  resolveRelation,
  ownRelation,
  UNUSUAL,
  unusualFigure,
} from "../../src/domain/verification.js";
import type { MonthData } from "../../src/domain/workspace-data.js";
import { readZip } from "../../src/render/zip.js";
import type ExcelJS from "exceljs";
import { COL, editBook, openBook, rowOf, sheet } from "../form-support.js";
import { copyWorkspace, EXAMPLE, lokmin, MINI, tempDir } from "../helpers.js";
import { checked } from "./support.js";

const base = parse(readFileSync(path.join(MINI, "lokmin.yaml"), "utf8"));
const VILLAGES = ["Barat", "Timur"];

/** The mini workspace with a KIA program reporting deliveries and newborns per village, and `extra` settings. */
function config(extra: Record<string, unknown> = {}, programs?: unknown[]): Workspace {
  const indicator = (id: string, perDesa = true) => ({ id, nama: id, sasaran: 120, target: 100, per_desa: perDesa });
  return workspaceSchema.parse({
    ...base,
    desa: VILLAGES,
    program: programs ?? [
      { id: "kia", nama: "KIA", penanggung_jawab: "bidan", indikator: [indicator("bulin"), indicator("bbl")] },
      { id: "gizi", nama: "Gizi", penanggung_jawab: "tu", indikator: [indicator("balita", false)] },
    ],
    ...extra,
  });
}

type Figures = Record<
  string,
  { bulan_ini: number | null; kumulatif: number | null; desa?: Array<[string, number, number]> }
>;

/** A month with the given figures (`program/indikator`) and, optionally, the verification record. */
function month(id: string, figures: Figures, selisih?: unknown[]): MonthData {
  const byProgram = new Map<string, unknown[]>();
  for (const [key, f] of Object.entries(figures)) {
    const [program, indikator] = key.split("/");
    const { desa, ...values } = f;
    const rows = desa?.map(([name, bulan_ini, kumulatif]) => ({ desa: name, bulan_ini, kumulatif }));
    const report = { id: indikator, sasaran: 120, target_tahunan: 100, target_kumulatif: 8.33, ...values };
    byProgram.set(program, [...(byProgram.get(program) ?? []), { ...report, ...(rows ? { per_desa: rows } : {}) }]);
  }
  const programs = [...byProgram].map(([program, indikator]) => ({
    file: `${id}/program/${program}.yaml`,
    data: programReportSchema.parse({ program, bulan: id, penanggung_jawab: "bidan", indikator }),
  }));
  const meeting = meetingSchema.parse({
    bulan: id,
    jenis: "rutin",
    tanggal: `${id}-20`,
    waktu: { mulai: "08.00" },
    tempat: "Aula",
    pimpinan: "kapus",
    notulis: "tu",
    verifikasi_data: {
      tanggal: `${id}-18`,
      hasil: "Data dicocokkan",
      dilaporkan: true,
      ...(selisih ? { selisih } : {}),
    },
  });
  return { id, programs, meeting: { file: `${id}/rapat.yaml`, data: meeting } };
}

const own = (relation: Record<string, unknown>) => ({
  verifikasi: { tambahan: [{ id: "uji", alasan: "uji", ...relation }] },
});
const statuses = (cfg: Workspace, m: MonthData) =>
  compareMonth(cfg, m).map((c) => [c.instance.relation.id, c.measure, c.desa ?? "-", c.status]);

describe("relations between indicators", () => {
  const births = (bulin: number, bbl: number, kumulatif: [number, number] = [bulin, bbl]) => ({
    "kia/bulin": { bulan_ini: bulin, kumulatif: kumulatif[0] },
    "kia/bbl": { bulan_ini: bbl, kumulatif: kumulatif[1] },
    "gizi/balita": { bulan_ini: 20, kumulatif: 40 },
  });

  it("the default bbl ≈ bulin holds within 10 % or 2 and fails beyond, this month and cumulatively", () => {
    const cfg = config();
    expect(statuses(cfg, month("2024-02", births(60, 66, [120, 126])))).toEqual([
      ["bbl-bulin", "bulan_ini", "-", "sesuai"],
      ["bbl-bulin", "kumulatif", "-", "sesuai"],
    ]);
    const broken = compareMonth(cfg, month("2024-02", births(60, 67, [120, 140])));
    expect(broken.map((c) => [c.measure, c.holds, c.difference, c.allowed])).toEqual([
      ["bulan_ini", false, 7, 6.7],
      ["kumulatif", false, 20, 14],
    ]);
    // Small figures: the absolute tolerance (2) is larger than 10 %.
    expect(compareMonth(cfg, month("2024-02", births(5, 7))).every((c) => c.holds)).toBe(true);
    expect(compareMonth(cfg, month("2024-02", births(5, 8))).every((c) => c.holds)).toBe(false);
  });

  it.each([
    ["<=", 21, 20, false],
    ["<=", 20, 20, true],
    ["≤", 21, 20, false],
    [">=", 19, 20, false],
    ["≥", 20, 20, true],
    ["=", 19, 20, false],
    ["=", 20, 20, true],
    ["~", 19, 20, false],
    ["≈", 20, 20, true],
  ])("%s: %i against %i holds = %s", (operator, a, b, expected) => {
    const cfg = config(own({ kiri: "kia/bulin", operator, kanan: "gizi/balita", lingkup: ["bulan_ini"] }));
    const m = month("2024-02", { ...births(a, a), "gizi/balita": { bulan_ini: b, kumulatif: b } });
    const c = compareMonth(cfg, m).find((x) => x.instance.relation.id === "uji")!;
    expect(c.holds).toBe(expected);
  });

  it("a tolerance in persen or jumlah, the larger wins", () => {
    const m = month("2024-02", { ...births(100, 100), "gizi/balita": { bulan_ini: 110, kumulatif: 110 } });
    const gap = (toleransi: unknown) =>
      compareMonth(config(own({ kiri: "kia/bulin", operator: "~", kanan: "gizi/balita", toleransi })), m).find(
        (x) => x.instance.relation.id === "uji" && x.measure === "bulan_ini",
      )!;
    expect(gap({ persen: 5 })).toMatchObject({ holds: false, allowed: 5.5 });
    expect(gap({ persen: 10 })).toMatchObject({ holds: true, allowed: 11 });
    expect(gap({ persen: 5, jumlah: 10 })).toMatchObject({ holds: true, allowed: 10 });
  });

  it("lingkup limits the figures compared: a cumulative-only relation ignores this month", () => {
    const cfg = config(own({ kiri: "kia/bulin", operator: "<=", kanan: "gizi/balita", lingkup: ["kumulatif"] }));
    const m = month("2024-02", { ...births(30, 30, [30, 30]), "gizi/balita": { bulan_ini: 20, kumulatif: 40 } });
    expect(
      compareMonth(cfg, m)
        .filter((c) => c.instance.relation.id === "uji")
        .map((c) => [c.measure, c.holds]),
    ).toEqual([["kumulatif", true]]);
  });

  it("per village where both indicators are reported per village, placed at the village row", () => {
    const cfg = config();
    const m = month("2024-02", {
      "kia/bulin": {
        bulan_ini: 20,
        kumulatif: 40,
        desa: [
          ["Barat", 12, 24],
          ["Timur", 8, 16],
        ],
      },
      "kia/bbl": {
        bulan_ini: 20,
        kumulatif: 40,
        desa: [
          ["Timur", 3, 16],
          ["Barat", 17, 24],
        ],
      },
    });
    const failing = compareMonth(cfg, m).filter((c) => !c.holds);
    expect(failing.map((c) => [c.desa, c.measure, c.kiri.value, c.kanan.value])).toEqual([
      ["Timur", "bulan_ini", 3, 8],
      ["Barat", "bulan_ini", 17, 12],
    ]);
    // The villages are matched by name, each side at its own row.
    expect(failing[0].kiri.path).toEqual(["indikator", 1, "per_desa", 0, "bulan_ini"]);
    expect(failing[0].kanan.path).toEqual(["indikator", 0, "per_desa", 1, "bulan_ini"]);
    // per_desa: false in the relation, or an indicator not per village in lokmin.yaml: totals only.
    const off = config({ verifikasi: { tambahan: [{ ...relationOf("bbl-bulin"), per_desa: false }] } });
    expect(compareMonth(off, m).every((c) => c.desa === undefined)).toBe(true);
  });

  it("a figure not filled in is not compared (capaian/belum-diisi reports it)", () => {
    const m = month("2024-02", {
      "kia/bulin": { bulan_ini: null, kumulatif: 40 },
      "kia/bbl": { bulan_ini: 9, kumulatif: 40 },
    });
    expect(compareMonth(config(), m).map((c) => c.measure)).toEqual(["kumulatif"]);
  });
});

/** A library relation as lokmin.yaml would write it. */
function relationOf(id: string) {
  const r = RELATION_LIBRARY.find((x) => x.id === id)!;
  return { id: r.id, kiri: r.kiri, operator: r.operator, kanan: r.kanan, toleransi: r.toleransi, alasan: r.alasan.id };
}

describe("which relations are in force", () => {
  it("the default set is exactly the library relations whose indicators are in the default catalogue", () => {
    const catalogue = new Set(
      (["program", "klaster"] as const).flatMap((tx) =>
        defaultPrograms(tx, "x").programs.flatMap((p) => p.indikator.map((i) => i.id)),
      ),
    );
    // The catalogue carries the register figures of every chain the library knows (K1/K4, KN1, HB0, SKDN, TB).
    expect(DEFAULT_RELATIONS.map((r) => r.id)).toEqual(RELATION_LIBRARY.map((r) => r.id));
    for (const r of RELATION_LIBRARY) {
      const inCatalogue = catalogue.has(r.kiri) && catalogue.has(r.kanan);
      expect(DEFAULT_RELATIONS.includes(r), r.id).toBe(inCatalogue);
    }
  });

  it("every library relation is valid lokmin.yaml, so the README's ready-made ones can be pasted", () => {
    for (const r of RELATION_LIBRARY) expect(relationSchema.safeParse(relationOf(r.id)).success, r.id).toBe(true);
  });

  it("a default applies in each program holding both indicators, and not where one is missing", () => {
    const kia = (id: string) => ({
      id,
      nama: id,
      penanggung_jawab: "bidan",
      indikator: ["bulin", "bbl"].map((i) => ({ id: i, nama: i, sasaran: 1, target: 100 })),
    });
    const two = config({}, [kia("kia"), kia("kia-2"), { ...kia("gizi"), indikator: [kia("x").indikator[0]] }]);
    expect(relationsInForce(two).map((i) => `${i.kiri.program}/${i.kiri.indikator}~${i.kanan.program}`)).toEqual([
      "kia/bbl~kia",
      "kia-2/bbl~kia-2",
    ]);
    expect(
      relationsInForce(
        config(
          {},
          [kia("kia")].map((p) => ({ ...p, indikator: [p.indikator[0]] })),
        ),
      ),
    ).toEqual([]);
  });

  it("verifikasi.nonaktif switches a default off; an own relation with a default's id replaces it", () => {
    expect(relationsInForce(config({ verifikasi: { nonaktif: ["bbl-bulin"] } }))).toEqual([]);
    const replaced = relationsInForce(
      config({ verifikasi: { tambahan: [{ ...relationOf("bbl-bulin"), toleransi: { persen: 1 } }] } }),
    );
    expect(replaced.map((i) => [i.relation.id, i.relation.toleransi, i.relation.origin.kind])).toEqual([
      ["bbl-bulin", { persen: 1 }, "tambahan"],
    ]);
  });

  it("an own relation names indicators that exist, unambiguously, and two different ones", () => {
    const cfg = config();
    const resolve = (kiri: string, kanan: string) =>
      resolveRelation(cfg, ownRelation({ id: "x", kiri, operator: "<=", kanan, alasan: "a" }, 0)).problem;
    expect(resolve("kia/bulin", "gizi/balita")).toBeUndefined();
    expect(resolve("bulin", "balita")).toBeUndefined();
    expect(resolve("kia/bulim", "balita")).toEqual({ kind: "unknown", side: "kiri", ref: "kia/bulim" });
    expect(resolve("bulin", "kia/bulin")).toEqual({ kind: "same", ref: "bulin" });
    const twice = config({}, [
      { id: "a", nama: "A", penanggung_jawab: "bidan", indikator: [{ id: "k1", nama: "K1", sasaran: 1, target: 1 }] },
      { id: "b", nama: "B", penanggung_jawab: "bidan", indikator: [{ id: "k1", nama: "K1", sasaran: 1, target: 1 }] },
      { id: "c", nama: "C", penanggung_jawab: "bidan", indikator: [{ id: "k4", nama: "K4", sasaran: 1, target: 1 }] },
    ]);
    const ambiguous = resolveRelation(
      twice,
      ownRelation({ id: "x", kiri: "k4", operator: "<=", kanan: "k1", alasan: "a" }, 0),
    );
    expect(ambiguous.problem).toEqual({ kind: "ambiguous", side: "kanan", ref: "k1", programs: ["a", "b"] });
  });
});

describe("the verification record (rapat.yaml verifikasi_data.selisih)", () => {
  const figures: Figures = {
    "kia/bulin": {
      bulan_ini: 20,
      kumulatif: 40,
      desa: [
        ["Barat", 12, 24],
        ["Timur", 8, 16],
      ],
    },
    "kia/bbl": {
      bulan_ini: 30,
      kumulatif: 40,
      desa: [
        ["Barat", 12, 24],
        ["Timur", 18, 16],
      ],
    },
  };
  const cfg = config();

  it("without a record a mismatch is open; a justification justifies it, for the village and measure named", () => {
    expect(statuses(cfg, month("2024-02", figures)).filter((s) => s[3] !== "sesuai")).toEqual([
      ["bbl-bulin", "bulan_ini", "-", "tidak-sesuai"],
      ["bbl-bulin", "bulan_ini", "Timur", "tidak-sesuai"],
    ]);
    const village = month("2024-02", figures, [{ relasi: "bbl-bulin", desa: "Timur", justifikasi: "kembar" }]);
    expect(statuses(cfg, village).filter((s) => s[3] !== "sesuai")).toEqual([
      ["bbl-bulin", "bulan_ini", "-", "tidak-sesuai"],
      ["bbl-bulin", "bulan_ini", "Timur", "dijustifikasi"],
    ]);
    const all = month("2024-02", figures, [{ relasi: "bbl-bulin", lingkup: "bulan_ini", justifikasi: "RSUD" }]);
    expect(
      statuses(cfg, all)
        .filter((s) => s[3] !== "sesuai")
        .map((s) => s[3]),
    ).toEqual(["dijustifikasi", "dijustifikasi"]);
    const otherMeasure = month("2024-02", figures, [{ relasi: "bbl-bulin", lingkup: "kumulatif", justifikasi: "x" }]);
    expect(statuses(cfg, otherMeasure).filter((s) => s[3] === "dijustifikasi")).toEqual([]);
  });

  it("an empty justification does not justify; 'diperbaiki' means the figure now holds", () => {
    const empty = month("2024-02", figures, [{ relasi: "bbl-bulin", justifikasi: null, penyebab: "belum dibahas" }]);
    expect(statuses(cfg, empty).filter((s) => s[3] === "tidak-sesuai")).toHaveLength(2);
    const claimed = month("2024-02", figures, [{ relasi: "bbl-bulin", justifikasi: "salah ketik", diperbaiki: true }]);
    expect(statuses(cfg, claimed).filter((s) => s[3] === "belum-diperbaiki")).toHaveLength(2);
    const fixed = month("2024-02", { ...figures, "kia/bbl": figures["kia/bulin"] }, [
      { relasi: "bbl-bulin", justifikasi: "salah ketik 30 untuk 20", diperbaiki: true },
    ]);
    expect(new Set(statuses(cfg, fixed).map((s) => s[3]))).toEqual(new Set(["diperbaiki"]));
  });

  it("old meeting files without selisih stay valid", () => {
    const old = meetingSchema.safeParse({
      bulan: "2024-02",
      jenis: "rutin",
      tanggal: null,
      waktu: { mulai: "08.00" },
      tempat: null,
      pimpinan: "kapus",
      notulis: "tu",
      verifikasi_data: { tanggal: "2024-02-17", hasil: "Data cocok", dilaporkan: true },
    });
    expect(old.success).toBe(true);
  });

  it("Daftar Tilik 4–6 read the record: an open mismatch makes item 5 'tidak' and names it", () => {
    const tilik = (m: MonthData) => {
      const ctx: MonthContext = {
        config: cfg,
        month: m,
        meetings: [],
        quarterly: [],
        loadFindings: [],
        today: "2024-12-31",
        profile: supervisionProfile(),
      };
      return tilikChecklist(ctx).items.filter((i) => i.no >= 4 && i.no <= 6);
    };
    const open = tilik(month("2024-02", figures));
    expect(open.map((i) => i.answer)).toEqual([true, false, true]);
    expect(open[0].reason).toContain("6 perbandingan antarindikator, 2 tidak sesuai");
    expect(open[1].reason).toContain("2 selisih belum dijustifikasi");
    expect(open[1].reason).toContain("bbl-bulin, bbl-bulin (Timur)");
    const justified = tilik(month("2024-02", figures, [{ relasi: "bbl-bulin", justifikasi: "RSUD; kembar" }]));
    expect(justified.map((i) => i.answer)).toEqual([true, true, true]);
    expect(justified[1].reason).toContain("2 selisih dijustifikasi");
  });
});

// ---------------------------------------------------------------------------------------------
// Unusual figures on generated history.

/** mulberry32: a seeded generator, so the rates below are the same on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
/** Poisson by inversion (small means) or a rounded normal (large): a count with no season. */
function poisson(next: () => number, mean: number): number {
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(next)));
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  const u = next();
  while (u > cdf) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}
const normal = (next: () => number) => Math.sqrt(-2 * Math.log(next() || 1e-12)) * Math.cos(2 * Math.PI * next());
/** A noisy count: Poisson around a mean that itself varies month to month (log-normal, variation `cv`). */
const noisy = (next: () => number, mean: number, cv: number) =>
  poisson(next, Math.max(0, mean * Math.exp(cv * normal(next) - (cv * cv) / 2)));

/** The share of months flagged, each judged against the six before it, over `series` series of `length` months. */
function flaggedRate(draw: (next: () => number) => number, series: number, length: number, seed: number) {
  const next = rng(seed);
  let flagged = 0;
  let judged = 0;
  for (let s = 0; s < series; s++) {
    const values = Array.from({ length }, () => draw(next));
    for (let i = UNUSUAL.window; i < length; i++) {
      judged++;
      if (unusualFigure(values[i], values.slice(i - UNUSUAL.window, i))) flagged++;
    }
  }
  return flagged / judged;
}

describe("unusual figures (periksa register)", () => {
  it("630 for 63 is caught with the figures it was compared to; so are a dropped digit and a silent month", () => {
    const history = [60, 65, 63, 58, 66, 61];
    expect(unusualFigure(630, history)).toMatchObject({ median: 62, direction: "tinggi", history });
    expect(unusualFigure(6, history)).toMatchObject({ direction: "rendah" });
    expect(unusualFigure(0, history)).toMatchObject({ direction: "rendah" });
    expect(unusualFigure(75, history)).toBeUndefined();
    expect(unusualFigure(40, history)).toBeUndefined();
  });

  it("needs four months of history and a usual count of at least five", () => {
    expect(unusualFigure(630, [60, 65, 63])).toBeUndefined();
    expect(unusualFigure(0, [4, 3, 5, 4, 2])).toBeUndefined();
    expect(unusualFigure(40, [4, 3, 5, 4, 2])).toBeUndefined();
    expect(unusualFigure(0, [5, 6, 5, 7])).toBeDefined();
  });

  it("a series that swings by nature is not flagged for swinging (robust spread), but a silent month is", () => {
    const campaigns = [20, 70, 15, 80, 25, 90];
    expect(unusualFigure(150, campaigns)).toBeUndefined();
    expect(unusualFigure(0, campaigns)).toBeDefined();
  });

  it("false positives on generated history stay rare: none on seasonality-free series, few on noisy ones", () => {
    const rates = {
      poisson8: flaggedRate((n) => poisson(n, 8), 2000, 18, 1),
      poisson20: flaggedRate((n) => poisson(n, 20), 2000, 18, 2),
      poisson63: flaggedRate((n) => poisson(n, 63), 2000, 18, 3),
      poisson400: flaggedRate((n) => poisson(n, 400), 2000, 18, 4),
      noisy20: flaggedRate((n) => noisy(n, 20, 0.3), 2000, 18, 5),
      noisy63: flaggedRate((n) => noisy(n, 63, 0.3), 2000, 18, 7),
      veryNoisy63: flaggedRate((n) => noisy(n, 63, 0.5), 2000, 18, 6),
    };
    if (process.env.LOKMIN_SHOW_RATES) console.log(rates);
    // 24 000 months judged per kind. Seasonality-free counts: under 1 in 1000 (a Poisson(8) month of
    // zero, e^-8; a Poisson(20) month of 6 or less), none from 63 up. Noisy, the month's own mean
    // varying by 30 % (outreach that depends on the posyandu schedule): under 1 in 100. Very noisy
    // (50 %: a month three times another is then itself a 1-in-50 event): about 3 in 100, the price
    // of catching several times the usual count; such an indicator can be set to info in `aturan`.
    expect(rates.poisson8).toBeLessThan(0.001);
    expect(rates.poisson20).toBeLessThan(0.001);
    expect(rates.poisson63).toBe(0);
    expect(rates.poisson400).toBe(0);
    expect(rates.noisy20).toBeLessThan(0.01);
    expect(rates.noisy63).toBeLessThan(0.005);
    expect(rates.veryNoisy63).toBeLessThan(0.04);
  });

  it("typos in generated history are caught: ten times the figure, or a month of zero", () => {
    const next = rng(7);
    let caught = 0;
    let silentCaught = 0;
    const trials = 1000;
    for (let s = 0; s < trials; s++) {
      const mean = 10 + Math.floor(next() * 200);
      const history = Array.from({ length: UNUSUAL.window }, () => noisy(next, mean, 0.2));
      const figure = noisy(next, mean, 0.2);
      if (unusualFigure(Math.max(1, figure) * 10, history)) caught++;
      if (unusualFigure(0, history)) silentCaught++;
    }
    // A true figure itself far below the usual (4 where 25 is usual) times ten is not far off: 999 of 1000.
    expect(caught).toBeGreaterThanOrEqual(trials * 0.995);
    expect(silentCaught).toBe(trials);
  });

  it("the history is the indicator's figures of the six calendar months before, across the new year", () => {
    const months = ["2023-08", "2023-09", "2023-10", "2023-11", "2023-12", "2024-01"].map((id, i) =>
      month(id, { "kia/bulin": { bulan_ini: i === 2 ? null : 10 + i, kumulatif: 10 } }),
    );
    const ctx = { month: month("2024-02", {}), earlier: months };
    expect(historyOf(ctx, "kia/bulin")).toEqual([10, 11, 13, 14, 15]);
    // A gap of more than six months leaves the older figures out.
    expect(historyOf({ month: month("2024-03", {}), earlier: months }, "kia/bulin")).toEqual([11, 13, 14, 15]);
    expect(historyOf({ month: month("2024-09", {}), earlier: months }, "kia/bulin")).toEqual([]);
  });

  it("the example's six months raise no unusual-figure warning (false-positive rate zero)", () => {
    const report = checked(EXAMPLE);
    expect(report.findings.filter((f) => f.rule === "verifikasi/angka-tidak-biasa")).toEqual([]);
  });
});

describe("lokmin check on the example: the two justified mismatches", () => {
  it("are reported as info with both indicators and their lines, and nothing else of verification", async () => {
    const result = await lokmin(["-C", EXAMPLE, "check", "--json"]);
    const json = JSON.parse(result.stdout);
    const ours = json.findings.filter((f: { rule: string }) => /^(relasi|justifikasi|verifikasi)\//.test(f.rule));
    expect(ours.map((f: { rule: string; severity: string; file: string }) => [f.rule, f.severity, f.file])).toEqual([
      ["justifikasi/bbl-bulin", "info", "2024-04/rapat.yaml"],
      ["justifikasi/bbl-bulin", "info", "2024-06/rapat.yaml"],
    ]);
    const june = ours[1];
    expect(june.message).toContain(
      "kia/bbl bulan ini 61 ≈ kia/bulin 69, selisih 8) — dijustifikasi: 2 bayi lahir mati",
    );
    expect(june.related.map((r: { file: string; label: string }) => [r.file, r.label])).toEqual([
      ["2024-06/program/kia.yaml", "kia/bbl bulan ini"],
      ["2024-06/program/kia.yaml", "kia/bulin bulan ini"],
    ]);
    const kia = readFileSync(path.join(EXAMPLE, "2024-06/program/kia.yaml"), "utf8").split("\n");
    for (const r of june.related) expect(kia[r.line - 1]).toMatch(/^\s+bulan_ini: \d+$/);
  });

  it("an unjustified mismatch is a warning naming both files, figures, gap and the other line", async () => {
    const root = copyWorkspace(EXAMPLE);
    const file = path.join(root, "2024-06/rapat.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/ {2}selisih:\n( {4}.*\n| {6}.*\n)+/, ""));
    const result = await lokmin(["-C", root, "check", "2024-06"]);
    expect(result.stdout).toContain(
      "relasi bbl-bulin tidak sesuai: kia/bbl bulan ini 61 ≈ kia/bulin 69 tidak terpenuhi",
    );
    expect(result.stdout).toContain("(selisih 8; toleransi 6,9)");
    expect(result.stdout).toContain("Cocokkan kedua angka (2024-06/program/kia.yaml) dengan buku register");
    expect(result.stdout).toMatch(/↳ lihat juga 2024-06\/program\/kia\.yaml:\d+:\d+ \(kia\/bulin bulan ini\)/);
    expect(result.stdout).toContain("relasi/bbl-bulin");
    expect(result.stdout).toMatch(/Daftar Tilik 5 .*tidak \(1 selisih belum dijustifikasi/);
  });

  it("the Berita Acara is rendered with the month's documents and travels in the package", async () => {
    const root = copyWorkspace(EXAMPLE);
    const render = await lokmin(["-C", root, "render", "2024-06", "--only", "berita-acara-verifikasi"]);
    expect(render.status, render.stderr).toBe(0);
    const paket = await lokmin(["-C", root, "paket", "2024-06", "--json"]);
    expect(paket.status, paket.stderr).toBe(0);
    const zip = readZip(readFileSync(JSON.parse(paket.stdout).file));
    expect([...zip.keys()]).toContain("2024-06/dokumen/2024-06-berita-acara-verifikasi.docx");
  });
});

describe("the coordinator sees it first: the workbook's verification block and import's report", () => {
  /** The block's rows of a coverage sheet: header first, then one row per relation, measure and village. */
  const blockRows = (s: ExcelJS.Worksheet) => {
    const rows: number[] = [];
    s.eachRow({ includeEmpty: false }, (row, r) => {
      if (row.getCell(1).value === "lokmin:verifikasi") rows.push(r);
    });
    return rows;
  };
  type Formula = { formula: string; result: string | number };

  it("shows each relation of the program with the figures so far; its own figures follow what is typed", async () => {
    const root = copyWorkspace(EXAMPLE);
    const out = tempDir("lokmin-forms-");
    expect((await lokmin(["-C", root, "form", "2024-06", "--out", out, "--only", "kia"])).status).toBe(0);
    const s = sheet(await openBook(path.join(out, "2024-06-kia.xlsx")), "Capaian");
    const [header, month, cumulative, ...more] = blockRows(s);
    expect(more).toEqual([]);
    expect(s.getCell(`${COL.capaian}${header}`).value).toBe("Hasil");
    const bbl = rowOf(s, "i:bbl");
    const bulin = rowOf(s, "i:bulin");
    // Left: bbl this month, a formula on its own Bulan ini cell; right: bulin's. 61 ≈ 69 is off by 8 > 6,9.
    expect(s.getCell(`${COL.prev}${month}`).value).toEqual({ formula: `IF(J${bbl}="","",J${bbl})`, result: 61 });
    expect(s.getCell(`${COL.bulan}${month}`).value).toEqual({ formula: `IF(J${bulin}="","",J${bulin})`, result: 69 });
    const result = s.getCell(`${COL.capaian}${month}`).value as Formula;
    expect(result.result).toBe("periksa");
    expect(result.formula).toBe(
      `IF(OR(I${month}="",J${month}=""),"–",IF(ABS(I${month}-J${month})<=MAX(2,0.1*MAX(I${month},J${month})),` +
        `"sesuai","periksa"))`,
    );
    expect((s.getCell(`${COL.capaian}${cumulative}`).value as Formula).result).toBe("sesuai");
    expect(s.getCell(`${COL.prev}${cumulative}`).value).toMatchObject({ formula: `IF(K${bbl}="","",K${bbl})` });
    // The block is read only: import leaves it alone, and a workbook returned unchanged changes nothing.
    const again = await lokmin(["-C", root, "import", "2024-06", path.join(out, "2024-06-kia.xlsx")]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain("tidak ada perubahan");
  });

  it("shows other programs' figures as reference, per village too; an untouched form is replaced", async () => {
    const root = copyWorkspace(EXAMPLE);
    const yaml = path.join(root, "lokmin.yaml");
    writeFileSync(
      yaml,
      readFileSync(yaml, "utf8").replace(
        "aturan: {}",
        'verifikasi:\n  tambahan:\n    - id: idl-balita\n      kiri: imunisasi/idl\n      operator: "<="\n' +
          "      kanan: gizi/balita\n      alasan: bayi yang diimunisasi lengkap juga balita\naturan: {}",
      ),
    );
    const out = tempDir("lokmin-forms-");
    expect((await lokmin(["-C", root, "form", "2024-06", "--out", out, "--only", "imunisasi"])).status).toBe(0);
    const file = path.join(out, "2024-06-imunisasi.xlsx");
    const s = sheet(await openBook(file), "Capaian");
    const rows = blockRows(s).slice(1);
    // Totals this month and cumulative, then the five villages, each this month and cumulative.
    expect(rows).toHaveLength(2 + 5 * 2);
    const gizi = readFileSync(path.join(root, "2024-06/program/gizi.yaml"), "utf8");
    const balita = Number(/id: balita\n(?:.*\n)*? {4}bulan_ini: (\d+)/.exec(gizi)![1]);
    expect(s.getCell(`${COL.bulan}${rows[0]}`).value).toBe(balita);
    expect(s.getCell(`E${rows[2]}`).value).toBe("Sukamaju");
    // gizi changes its figure after the form was made: imunisasi's untouched form is still replaced.
    writeFileSync(
      path.join(root, "2024-06/program/gizi.yaml"),
      gizi.replace(`bulan_ini: ${balita}`, `bulan_ini: ${balita + 1}`),
    );
    const replaced = await lokmin(["-C", root, "form", "2024-06", "--out", out, "--only", "imunisasi"]);
    expect(replaced.status, replaced.stderr).toBe(0);
    expect(s.getCell(`${COL.bulan}${rows[0]}`).value).toBe(balita);
    expect(sheet(await openBook(file), "Capaian").getCell(`${COL.bulan}${rows[0]}`).value).toBe(balita + 1);
  });

  it("import reports a relation its figures break, and still writes them", async () => {
    const root = copyWorkspace(EXAMPLE);
    const out = tempDir("lokmin-forms-");
    expect((await lokmin(["-C", root, "form", "2024-05", "--out", out, "--only", "kia"])).status).toBe(0);
    const file = path.join(out, "2024-05-kia.xlsx");
    await editBook(file, (book) => {
      const s = sheet(book, "Capaian");
      s.getCell(`${COL.bulan}${rowOf(s, "i:bbl")}`).value = 90;
    });
    const result = await lokmin(["-C", root, "import", "2024-05", file]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain("peringatan: relasi bbl-bulin tidak sesuai: kia/bbl bulan ini 90 ≈ kia/bulin 76");
    expect(readFileSync(path.join(root, "2024-05/program/kia.yaml"), "utf8")).toContain("bulan_ini: 90");
    // JSON: the same, as data; a justification recorded in rapat.yaml silences it.
    const rapat = path.join(root, "2024-05/rapat.yaml");
    writeFileSync(
      rapat,
      readFileSync(rapat, "utf8").replace(
        "  dilaporkan: true\n",
        "  dilaporkan: true\n  selisih:\n    - relasi: bbl-bulin\n      lingkup: bulan_ini\n" +
          "      justifikasi: 14 bayi RSUD\n",
      ),
    );
    await editBook(file, (book) => {
      const s = sheet(book, "Capaian");
      s.getCell(`${COL.bulan}${rowOf(s, "i:bbl")}`).value = 120;
    });
    const json = JSON.parse((await lokmin(["-C", root, "import", "2024-05", file, "--json", "--force"])).stdout);
    expect(json.ok).toBe(true);
    expect(json.relasi.map((r: { relasi: string; lingkup: string }) => [r.relasi, r.lingkup])).toEqual([
      ["bbl-bulin", "kumulatif"],
    ]);
    expect(json.relasi[0].kiri).toMatchObject({ indikator: "kia/bbl", file: "2024-05/program/kia.yaml" });
  });
});
