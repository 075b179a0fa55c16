import { describe, expect, it } from "vitest";
import { actionsFromSolutions, commitmentsFromActions } from "../../src/domain/follow-up.js";
import { meetingSchema, type Meeting, type Program } from "../../src/domain/schema.js";

const programs = [
  { id: "kia", nama: "KIA", penanggung_jawab: "sri", indikator: [] },
  { id: "gizi", nama: "Gizi", penanggung_jawab: "dewi", indikator: [] },
] as Program[];

function meeting(extra: Partial<Record<keyof Meeting, unknown>>): Meeting {
  return meetingSchema.parse({
    bulan: "2024-12",
    jenis: "rutin",
    tanggal: "2024-12-05",
    waktu: { mulai: "08.00" },
    tempat: "Aula",
    pimpinan: "ratna",
    notulis: "budi",
    ...extra,
  });
}

const problem = (id: string, program: string | undefined, solutions: [string, boolean][]) => ({
  id,
  judul: `Masalah ${id}`,
  ...(program ? { program, indikator: `${program}-1` } : {}),
  solusi: solutions.map(([uraian, dipilih], i) => ({ id: `s${i + 1}`, uraian, dipilih })),
});

describe("the chosen solutions carried on as RTL activities", () => {
  it("makes an activity of each chosen solution, run by its problem's coordinator, numbered after the last", () => {
    const m = meeting({
      masalah: [
        problem("m1", "kia", [
          ["Kunjungan rumah ibu hamil", true],
          ["Kelas ibu sore hari", false],
        ]),
        problem("m2", "gizi", [["Sweeping balita", true]]),
      ],
      rtl: [{ id: "r4", kegiatan: "Rapat lintas sektor", penanggung_jawab: "ratna" }],
    });
    expect(actionsFromSolutions(m, programs)).toEqual({
      rows: [
        { id: "r5", masalah: "m1", kegiatan: "Kunjungan rumah ibu hamil", penanggung_jawab: "sri" },
        { id: "r6", masalah: "m2", kegiatan: "Sweeping balita", penanggung_jawab: "dewi" },
      ],
      skipped: [],
    });
  });

  it("leaves out a solution already planned (case and spaces aside), says why one without a program waits", () => {
    const m = meeting({
      masalah: [problem("m1", "kia", [["Kunjungan rumah", true]]), problem("m2", undefined, [["Penyuluhan", true]])],
      rtl: [{ id: "r1", masalah: "m1", kegiatan: " kunjungan RUMAH ", penanggung_jawab: "sri" }],
    });
    const proposal = actionsFromSolutions(m, programs);
    expect(proposal.rows).toEqual([]);
    expect(proposal.skipped.map((s) => [s.id, s.label])).toEqual([["m2/s1", "Penyuluhan"]]);
    expect(proposal.skipped[0].reason.id).toContain("program");
  });
});

describe("the RTL carried on as kesepakatan", () => {
  it("agrees each activity, its measure of success the target, due end of next month, signed by chair and PJ", () => {
    const m = meeting({
      masalah: [problem("m1", "kia", [])],
      rtl: [
        {
          id: "r1",
          masalah: "m1",
          kegiatan: "Kunjungan rumah",
          penanggung_jawab: "sri",
          indikator_keberhasilan: "K4 naik 5 poin",
        },
        { id: "r2", kegiatan: "Rapat desa", penanggung_jawab: "ratna", indikator_keberhasilan: "Notulen rapat desa" },
        { id: "r3", kegiatan: "Tanpa ukuran", penanggung_jawab: "sri" },
      ],
      kesepakatan: [
        {
          id: "2024-12/K02",
          uraian: "Lain",
          penanggung_jawab: "sri",
          tenggat: "2025-01-10",
          target: "x",
        },
      ],
    });
    const proposal = commitmentsFromActions(m, "2024-12");
    expect(proposal.rows).toEqual([
      {
        id: "2024-12/K03",
        uraian: "Kunjungan rumah",
        program: "kia",
        indikator: "kia-1",
        masalah: "m1",
        penanggung_jawab: "sri",
        tenggat: "2025-01-31",
        target: "K4 naik 5 poin",
        ditandatangani: ["ratna", "sri"],
      },
      {
        id: "2024-12/K04",
        uraian: "Rapat desa",
        penanggung_jawab: "ratna",
        tenggat: "2025-01-31",
        target: "Notulen rapat desa",
        ditandatangani: ["ratna"],
      },
    ]);
    expect(proposal.skipped.map((s) => s.id)).toEqual(["r3"]);
    // What it proposes is a valid month: the rows pass the schema they are written under.
    expect(() => meetingSchema.parse({ ...m, kesepakatan: [...m.kesepakatan, ...proposal.rows] })).not.toThrow();
  });

  it("proposes nothing for an activity already agreed", () => {
    const m = meeting({
      rtl: [{ id: "r1", kegiatan: "Rapat desa", penanggung_jawab: "ratna", indikator_keberhasilan: "ada" }],
      kesepakatan: [
        { id: "2024-12/K01", uraian: "Rapat Desa", penanggung_jawab: "ratna", tenggat: "2025-01-10", target: "ada" },
      ],
    });
    expect(commitmentsFromActions(m, "2024-12")).toEqual({ rows: [], skipped: [] });
  });
});
