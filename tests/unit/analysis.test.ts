// The analysis tools as data: the schema of SWOT, stakeholders and fishbone categories, the
// stakeholder groups of Perbup Pasal 36 derived from influence and interest, the fishbone's bones,
// what a SWOT lacks, the scaffold's entries for the month's tools, and the export rows.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { analysisMethods, causeCategories } from "../../src/domain/analysis.js";
import { exportRows } from "../../src/domain/export.js";
import { categoryHint, fishboneOf } from "../../src/domain/fishbone.js";
import { candidateProblems } from "../../src/domain/rank/month.js";
import { buildMeeting, meetingComments } from "../../src/domain/scaffold.js";
import {
  meetingSchema,
  problemSchema,
  stakeholderSchema,
  type Stakeholder,
  workspaceSchema,
} from "../../src/domain/schema.js";
import { duplicateStakeholders, stakeholderKind, stakeholderMap } from "../../src/domain/stakeholders.js";
import { swotIssues } from "../../src/domain/swot.js";
import { MINI } from "../helpers.js";

const miniConfig = (extra = "") =>
  workspaceSchema.parse(parseDocument(readFileSync(path.join(MINI, "lokmin.yaml"), "utf8") + extra).toJS());

const problem = (extra: object) => problemSchema.parse({ id: "m1", judul: "Capaian rendah", ...extra });
const swot = {
  kekuatan: ["Bidan desa di setiap desa"],
  kelemahan: ["Kohort belum diperbarui"],
  peluang: ["Dukungan kepala desa"],
  ancaman: ["Jalan putus saat hujan"],
  strategi: { so: ["Sweeping bersama kader"], wo: [], st: [], wt: [] },
};

describe("schema", () => {
  it("reads a SWOT, a solution's strategy and a stakeholder list, and refuses what Pasal 36 derives", () => {
    const p = problem({ swot, solusi: [{ id: "s1", uraian: "Sweeping", dipilih: true, strategi: "SO" }] });
    expect(p.swot?.strategi.so).toEqual(["Sweeping bersama kader"]);
    expect(p.solusi[0].strategi).toBe("SO");
    expect(problemSchema.safeParse({ id: "m1", judul: "x", swot: { kekuatan: ["a"] } }).data?.swot).toMatchObject({
      kelemahan: [],
      strategi: { so: [], wo: [], st: [], wt: [] },
    });
    expect(
      problemSchema.safeParse({ id: "m1", judul: "x", solusi: [{ id: "s", uraian: "u", strategi: "XY" }] }).success,
    ).toBe(false);
    const ok = { nama: "Camat", instansi: "Kecamatan", pengaruh: "tinggi", kepentingan: "tinggi" };
    expect(stakeholderSchema.safeParse(ok).success).toBe(true);
    // The group is derived, never written; levels are only tinggi | rendah.
    expect(stakeholderSchema.safeParse({ ...ok, jenis: "promotor" }).success).toBe(false);
    expect(stakeholderSchema.safeParse({ ...ok, pengaruh: "sedang" }).success).toBe(false);
    const meeting = meetingSchema.shape.stakeholder.safeParse([ok]);
    expect(meeting.success).toBe(true);
  });

  it("the fishbone's categories and the month's tools come from lokmin.yaml, the month overriding", () => {
    const plain = miniConfig();
    expect(causeCategories(plain)).toEqual(["Manusia", "Metode", "Dana", "Sarana & Prasarana", "Lingkungan"]);
    expect(analysisMethods(plain)).toEqual(["fishbone"]);
    const own = miniConfig("analisis:\n  kategori: [SDM, Alat]\n  metode: [fishbone, swot]\n");
    expect(causeCategories(own)).toEqual(["SDM", "Alat"]);
    expect(analysisMethods(own)).toEqual(["fishbone", "swot"]);
    expect(analysisMethods(own, { metode: { analisis: ["stakeholder"] } })).toEqual(["stakeholder"]);
    expect(workspaceSchema.safeParse({ ...own, analisis: { kategori: [] } }).success).toBe(false);
  });
});

describe("stakeholder groups (Perbup Pasal 36 ayat (3))", () => {
  const s = (pengaruh: "tinggi" | "rendah", kepentingan: "tinggi" | "rendah", nama = "x"): Stakeholder => ({
    nama,
    pengaruh,
    kepentingan,
  });
  it("derives the group from influence and interest as huruf a–d name them", () => {
    expect(stakeholderKind(s("tinggi", "tinggi")).id).toBe("promotor");
    expect(stakeholderKind(s("tinggi", "rendah")).id).toBe("laten");
    expect(stakeholderKind(s("rendah", "rendah")).id).toBe("apatis");
    expect(stakeholderKind(s("rendah", "tinggi")).id).toBe("defender");
    expect(stakeholderKind(s("rendah", "tinggi")).istilah).toBe("defendends");
  });
  it("maps members to their quadrant in list order and finds a stakeholder listed twice", () => {
    const list = [s("tinggi", "tinggi", "Camat"), s("rendah", "tinggi", "PKK"), s("tinggi", "tinggi", "Lurah")];
    const map = stakeholderMap(list);
    expect(map.map((q) => [q.kind.id, q.members.map((m) => m.nama)])).toEqual([
      ["promotor", ["Camat", "Lurah"]],
      ["laten", []],
      ["apatis", []],
      ["defender", ["PKK"]],
    ]);
    expect(duplicateStakeholders([...list, { ...s("rendah", "rendah"), nama: " camat " }])).toEqual([
      { index: 3, first: 0 },
    ]);
    expect(
      duplicateStakeholders([
        { ...list[0], instansi: "A" },
        { ...list[0], instansi: "B" },
      ]),
    ).toEqual([]);
  });
});

describe("fishbone", () => {
  const categories = ["Manusia", "Metode", "Dana", "Sarana & Prasarana", "Lingkungan"];
  it("has one bone per category in the list's order, empty ones included, and a last bone for the rest", () => {
    const fb = fishboneOf(
      problem({
        akar_masalah: [
          { kategori: "metode", uraian: "Sweeping belum terjadwal" },
          { kategori: "Manusia", uraian: "Kader belum terlatih" },
          { kategori: " Sarana  &  prasarana ", uraian: "Timbangan rusak" },
          { kategori: "Sarana", uraian: "Reagen habis" },
          { uraian: "Tanpa kategori" },
        ],
      }),
      categories,
    );
    expect(fb.bones.map((b) => [b.kategori, b.sebab])).toEqual([
      ["Manusia", ["Kader belum terlatih"]],
      ["Metode", ["Sweeping belum terjadwal"]],
      ["Dana", []],
      ["Sarana & Prasarana", ["Timbangan rusak"]],
      ["Lingkungan", []],
      ["Lainnya", ["Reagen habis", "Tanpa kategori"]],
    ]);
    expect(fb.bones.at(-1)!.listed).toBe(false);
    expect(fishboneOf(problem({ akar_masalah: [] }), categories).bones).toHaveLength(5);
  });
  it("suggests the nearest category", () => {
    expect(categoryHint("Sarana", categories)).toBe("Sarana & Prasarana");
    expect(categoryHint("Manusiaa", categories)).toBe("Manusia");
    expect(categoryHint("Lingkungn", categories)).toBe("Lingkungan");
  });
});

describe("SWOT checks", () => {
  const kinds = (p: ReturnType<typeof problem>) => swotIssues(p, ["masalah", 0]).map((i) => [i.kind, i.path.join(".")]);
  it("a complete SWOT whose chosen solution names an existing strategy has no issue", () => {
    expect(kinds(problem({ swot, solusi: [{ id: "s1", uraian: "u", dipilih: true, strategi: "SO" }] }))).toEqual([]);
  });
  it("finds empty factors, no strategy, a chosen solution without strategy and a strategy not in the table", () => {
    const empty = { ...swot, ancaman: [], strategi: { so: [], wo: [], st: [], wt: [] } };
    expect(kinds(problem({ swot: empty, solusi: [{ id: "s1", uraian: "u", dipilih: true }] }))).toEqual([
      ["factor-empty", "masalah.0.swot.ancaman"],
      ["no-strategy", "masalah.0.swot.strategi"],
      ["chosen-without-strategy", "masalah.0.solusi.0"],
    ]);
    const named = problem({
      swot,
      solusi: [
        { id: "s1", uraian: "u", strategi: "WT" },
        { id: "s2", uraian: "v", dipilih: true, strategi: "SO" },
      ],
    });
    expect(swotIssues(named, ["masalah", 0])).toEqual([
      {
        kind: "strategy-missing",
        path: ["masalah", 0, "solusi", 0, "strategi"],
        solution: "s1",
        strategy: "WT",
        noSwot: false,
      },
    ]);
    // Without a SWOT a chosen solution needs no strategy, but one it names must exist.
    expect(kinds(problem({ solusi: [{ id: "s1", uraian: "u", dipilih: true }] }))).toEqual([]);
    expect(kinds(problem({ solusi: [{ id: "s1", uraian: "u", strategi: "SO" }] }))).toEqual([
      ["strategy-missing", "masalah.0.solusi.0.strategi"],
    ]);
  });
});

describe("scaffold and export", () => {
  it("a new month gets a stakeholder list and its comments name the tools only when the month uses them", () => {
    const plain = miniConfig();
    expect("stakeholder" in buildMeeting({ config: plain, month: "2024-03", carried: [] })).toBe(false);
    expect(meetingComments(plain, { masalah: [] })[0].text).toContain(
      "Manusia, Metode, Dana, Sarana & Prasarana, Lingkungan",
    );
    expect(meetingComments(plain, { masalah: [] })[0].text).not.toContain("swot");
    const all = miniConfig("analisis:\n  metode: [fishbone, swot, stakeholder]\n");
    expect(buildMeeting({ config: all, month: "2024-03", carried: [] }).stakeholder).toEqual([]);
    expect(meetingComments(all, { masalah: [] })[0].text).toContain("strategi SO|WO|ST|WT");
    const meeting = meetingSchema.parse({ ...buildMeeting({ config: all, month: "2024-03", carried: [] }) });
    const candidate = { program: "kia", indikator: "bumil", nama: "Ibu hamil", capaian: 1, target: 2, gap: 1 };
    const [withSwot] = candidateProblems([{ ...candidate, listed: false }], meeting, analysisMethods(all));
    expect(withSwot.swot).toEqual({
      kekuatan: [],
      kelemahan: [],
      peluang: [],
      ancaman: [],
      strategi: { so: [], wo: [], st: [], wt: [] },
    });
    expect("swot" in candidateProblems([{ ...candidate, listed: false }], meeting)[0]).toBe(false);
  });

  it("exports root causes with their category, SWOT items, the chosen strategy, stakeholders with their group", () => {
    const meeting = meetingSchema.parse({
      ...buildMeeting({ config: miniConfig(), month: "2024-03", carried: [] }),
      masalah: [
        {
          id: "m1",
          judul: "Capaian rendah",
          program: "kia",
          akar_masalah: [{ kategori: "manusia", uraian: "Kader belum terlatih" }],
          swot,
          solusi: [{ id: "s1", uraian: "Sweeping", dipilih: true, strategi: "SO" }],
        },
      ],
      stakeholder: [{ nama: "Ketua PKK", instansi: "TP-PKK", pengaruh: "rendah", kepentingan: "tinggi" }],
    });
    const rows = exportRows(miniConfig(), [{ id: "2024-03", meeting, programs: [] }]);
    expect(rows.find((r) => r.jenis === "masalah")).toMatchObject({ id: "m1", strategi: "SO" });
    expect(rows.find((r) => r.jenis === "akar_masalah")).toMatchObject({
      id: "m1",
      program: "kia",
      kategori: "Manusia",
      judul: "Kader belum terlatih",
    });
    expect(rows.filter((r) => r.jenis === "swot").map((r) => [r.kategori, r.strategi ?? null, r.judul])).toEqual([
      ["kekuatan", null, "Bidan desa di setiap desa"],
      ["kelemahan", null, "Kohort belum diperbarui"],
      ["peluang", null, "Dukungan kepala desa"],
      ["ancaman", null, "Jalan putus saat hujan"],
      ["strategi", "SO", "Sweeping bersama kader"],
    ]);
    expect(rows.find((r) => r.jenis === "stakeholder")).toMatchObject({
      judul: "Ketua PKK",
      instansi: "TP-PKK",
      kategori: "defender",
      pengaruh: "rendah",
      kepentingan: "tinggi",
    });
  });
});
