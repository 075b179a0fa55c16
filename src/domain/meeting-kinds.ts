// The kinds of meeting and the month-specific SOP steps, as data (Permenkes 44/2016; the routine
// SOP rev. 2022): which kind a month's Lokmin is, its printed name, and which special steps apply.
import type { MonthId } from "./month.js";

export const MEETING_KINDS = [
  {
    id: "pertama",
    nama: "Lokakarya Mini Bulanan Pertama (Penggalangan Tim)",
    /** The first monthly Lokmin of the year: the team is formed and work divided. */
    when: (month: MonthId) => month.month === 1,
  },
  { id: "rutin", nama: "Lokakarya Mini Bulanan Rutin", when: (_month: MonthId) => true },
] as const;

export type MeetingKind = (typeof MEETING_KINDS)[number]["id"];
export const MEETING_KIND_IDS = MEETING_KINDS.map((kind) => kind.id) as [MeetingKind, ...MeetingKind[]];

export const SPECIAL_STEPS = [
  { id: "bulan_kedua", nama: "Bahan Musrenbang kecamatan (Lokmin bulan kedua)", when: (m: MonthId) => m.month === 2 },
  { id: "tengah_tahun", nama: "Evaluasi tengah tahun", when: (m: MonthId) => m.month === 6 || m.month === 7 },
  { id: "tribulanan", nama: "Bahan Lokmin tribulanan", when: (m: MonthId) => m.month % 3 === 0 },
] as const;

export type SpecialStep = (typeof SPECIAL_STEPS)[number]["id"];
export const SPECIAL_STEP_IDS = SPECIAL_STEPS.map((step) => step.id) as [SpecialStep, ...SpecialStep[]];

/** The kind of a month's Lokmin: the first kind whose `when` holds. */
export const meetingKind = (month: MonthId): MeetingKind =>
  MEETING_KINDS.find((kind) => kind.when(month))?.id ?? "rutin";

export const meetingKindName = (kind: MeetingKind) => MEETING_KINDS.find((k) => k.id === kind)?.nama ?? kind;

/** Which month-specific SOP steps apply in a month. */
export const specialSteps = (month: MonthId): SpecialStep[] =>
  SPECIAL_STEPS.filter((step) => step.when(month)).map((step) => step.id);
