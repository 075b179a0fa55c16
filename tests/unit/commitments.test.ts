import { describe, expect, it } from "vitest";
import {
  commitmentHistories,
  commitmentIdFindings,
  evaluationsToCarry,
  isOverdue,
  type MonthMeeting,
  nextCommitmentId,
  openBefore,
  unevaluatedIn,
} from "../../src/domain/commitments.js";
import { type Meeting, meetingSchema } from "../../src/domain/schema.js";

const base = { jenis: "rutin", tanggal: null, waktu: { mulai: "08.00" }, tempat: null, pimpinan: "a", notulis: "b" };
const month = (id: string, extra: Partial<Record<keyof Meeting, unknown>>): MonthMeeting => ({
  id,
  file: `${id}/rapat.yaml`,
  meeting: meetingSchema.parse({ ...base, bulan: id, ...extra }),
});
const k = (id: string) => ({
  id,
  uraian: `kerja ${id}`,
  penanggung_jawab: "a",
  tenggat: "2024-12-01",
  target: "t",
  ditandatangani: [] as string[],
});

describe("commitments across months", () => {
  const months = [
    month("2024-01", { kesepakatan: [k("2024-01/K01"), k("2024-01/K02")] }),
    month("2024-02", {
      evaluasi_kesepakatan: [
        { id: "2024-01/K01", status: "belum" },
        { id: "2024-01/K02", status: "selesai" },
      ],
    }),
    month("2024-03", { evaluasi_kesepakatan: [{ id: "2024-01/K01", status: "selesai" }] }),
  ];

  it("keeps the history of statuses month by month", () => {
    const h = commitmentHistories(months).find((x) => x.commitment.id === "2024-01/K01")!;
    expect(h.evaluations.map((e) => `${e.month}:${e.status}`)).toEqual(["2024-02:belum", "2024-03:selesai"]);
    expect(h.open).toBe(false);
  });

  it("carries what is open: K01 into March, nothing into April", () => {
    expect(openBefore(months, "2024-03").map((h) => h.commitment.id)).toEqual(["2024-01/K01"]);
    expect(evaluationsToCarry(months, "2024-04")).toEqual([]);
    expect(evaluationsToCarry(months.slice(0, 2), "2024-03")).toEqual([
      {
        id: "2024-01/K01",
        uraian: "kerja 2024-01/K01",
        penanggung_jawab: "a",
        tenggat: "2024-12-01",
        status: null,
        catatan: null,
      },
    ]);
  });

  it("adds only what is missing", () => {
    expect(evaluationsToCarry(months.slice(0, 1), "2024-02", [{ id: "2024-01/K01", status: null }])).toHaveLength(1);
  });

  it("finds evaluations missing or blank in a month", () => {
    const feb = [months[0], month("2024-02", { evaluasi_kesepakatan: [{ id: "2024-01/K01", status: null }] })];
    const { missing, blank } = unevaluatedIn(feb, "2024-02");
    expect(missing.map((h) => h.commitment.id)).toEqual(["2024-01/K02"]);
    expect(blank.map((e) => e.id)).toEqual(["2024-01/K01"]);
  });

  it("reports renamed, duplicated and misplaced ids", () => {
    const bad = [
      month("2024-01", { kesepakatan: [k("2024-01/K01"), k("2024-01/K01"), k("2024-05/K09")] }),
      month("2024-02", { evaluasi_kesepakatan: [{ id: "2024-01/K07", status: "belum" }] }),
    ];
    expect(
      commitmentIdFindings(bad)
        .map((d) => d.rule)
        .sort(),
    ).toEqual(["kesepakatan/id-bulan", "kesepakatan/id-ganda", "kesepakatan/id-tidak-dikenal"]);
  });

  it("numbers new ids after the highest", () => {
    expect(nextCommitmentId("2024-05", [k("2024-05/K01"), k("2024-05/K07")])).toBe("2024-05/K08");
  });
});

describe("overdue, one definition", () => {
  const open = (tenggat: string) => ({ open: true, commitment: { ...k("2024-02/K01"), tenggat } });
  it("is judged as of the last day of the month shown, including 29 February", () => {
    expect(isOverdue(open("2024-02-29"), "2024-02")).toBe(false);
    expect(isOverdue(open("2024-02-28"), "2024-02")).toBe(true);
    expect(isOverdue(open("2024-03-01"), "2024-02")).toBe(false);
    expect(isOverdue({ ...open("2024-01-01"), open: false }, "2024-02")).toBe(false);
  });
});
