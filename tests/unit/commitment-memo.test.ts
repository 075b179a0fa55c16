// `check` asks what is open before each month of one list of meetings several times a month; the
// answers of a list are worked out in one pass and kept with it (src/domain/commitments.ts). These
// tests hold that pass to the definition — the histories of the months before, still open — on
// random histories: commitments evaluated, closed, reopened, evaluated twice, evaluated before they
// were made, ids made twice, months out of order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  commitmentHistories,
  commitmentIdFindings,
  type MonthMeeting,
  openBefore,
  unevaluatedIn,
} from "../../src/domain/commitments.js";
import { meetingSchema } from "../../src/domain/schema.js";

const base = { jenis: "rutin", tanggal: null, waktu: { mulai: "08.00" }, tempat: null, pimpinan: "a", notulis: "b" };
const STATUSES = [null, "belum", "berjalan", "sebagian", "selesai", "batal"] as const;

const monthId = (n: number) => `${2024 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;

/** A list of months (shuffled), each making commitments and evaluating ids of any month. */
const history = fc
  .array(
    fc.record({
      made: fc.array(fc.nat(5), { maxLength: 3 }),
      evaluated: fc.array(fc.record({ month: fc.nat(14), k: fc.nat(5), status: fc.nat(5) }), { maxLength: 6 }),
    }),
    { minLength: 1, maxLength: 14 },
  )
  .chain((months) =>
    fc.shuffledSubarray(
      months.map((m, n) => ({ ...m, n })),
      { minLength: months.length },
    ),
  )
  .map((months): MonthMeeting[] =>
    months.map(({ n, made, evaluated }) => {
      const id = monthId(n);
      const meeting = meetingSchema.parse({
        ...base,
        bulan: id,
        kesepakatan: made.map((k) => ({
          id: `${monthId(k % 3 === 0 ? n : Math.max(0, n - 1))}/K0${k}`,
          uraian: "kerja",
          penanggung_jawab: "a",
          tenggat: "2024-12-01",
          target: "t",
        })),
        evaluasi_kesepakatan: evaluated.map((e) => ({
          id: `${monthId(e.month)}/K0${e.k}`,
          status: STATUSES[e.status],
        })),
      });
      return { id, file: `${id}/rapat.yaml`, meeting };
    }),
  );

const direct = (months: readonly MonthMeeting[], month: string) =>
  commitmentHistories(months.filter((m) => m.id < month)).filter((h) => h.open);

describe("what is open before each month, worked out once per list", () => {
  it("equals the histories of the months before, for every month and one that is not in the list", () => {
    fc.assert(
      fc.property(history, (months) => {
        for (const month of [...months.map((m) => m.id), "2023-12", "2030-01"]) {
          expect(openBefore(months, month), month).toEqual(direct(months, month));
          // Asked again (as the rules and the Daftar Tilik do): the same answer.
          expect(openBefore(months, month), month).toEqual(direct(months, month));
          const { missing, blank } = unevaluatedIn(months, month);
          const present = new Set(months.find((m) => m.id === month)?.meeting.evaluasi_kesepakatan.map((e) => e.id));
          expect(missing).toEqual(direct(months, month).filter((h) => !present.has(h.commitment.id)));
          expect(blank.every((e) => e.status === null)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("a new list is worked out anew, and the id findings are those of its own meetings", () => {
    const make = (evaluated: string | null) =>
      meetingSchema.parse({
        ...base,
        bulan: "2024-02",
        evaluasi_kesepakatan: [{ id: "2024-01/K01", status: evaluated }],
      });
    const january = {
      id: "2024-01",
      file: "2024-01/rapat.yaml",
      meeting: meetingSchema.parse({
        ...base,
        bulan: "2024-01",
        kesepakatan: [
          { id: "2024-01/K01", uraian: "kerja", penanggung_jawab: "a", tenggat: "2024-02-01", target: "t" },
        ],
      }),
    };
    const closed = [january, { id: "2024-02", file: "2024-02/rapat.yaml", meeting: make("selesai") }];
    const open = [january, { id: "2024-02", file: "2024-02/rapat.yaml", meeting: make("belum") }];
    expect(openBefore(closed, "2024-03")).toEqual([]);
    expect(openBefore(open, "2024-03").map((h) => h.commitment.id)).toEqual(["2024-01/K01"]);
    expect(commitmentIdFindings(closed)).toEqual([]);
    const renamed = [january, { id: "2024-02", file: "2024-02/rapat.yaml", meeting: make(null) }];
    renamed[1].meeting.evaluasi_kesepakatan[0].id = "2024-01/K09";
    expect(commitmentIdFindings(renamed).map((f) => f.rule)).toEqual(["kesepakatan/id-tidak-dikenal"]);
  });
});
