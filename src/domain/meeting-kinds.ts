// The meetings of a Puskesmas' year and the month-specific SOP steps, as data (Permenkes 44/2016;
// the routine SOP rev. 2022; ILP practice): each series of meetings (the monthly Lokmin, the
// quarterly cross-sector Lokmin, the pralokmin of each klaster) with the file it lives in and how its
// kesepakatan are carried, and each kind of meeting with its printed name and when it applies.
import type { MonthId } from "./month.js";

/**
 * A series of meetings: where each meeting's file lives in the month folder, the letter of its
 * commitment ids (`2024-03/K01` monthly, `2024-03/T01` quarterly; unique across the workspace
 * because the letters differ) and which meeting evaluates them: the next meeting of the same series.
 */
export const MEETING_SERIES = [
  {
    id: "bulanan",
    nama: "Lokakarya Mini Bulanan",
    /** File name inside the month folder; `dir` series have one file per klaster there. */
    file: "rapat.yaml",
    /** The key of the file that names the meeting's kind. */
    kindKey: "jenis",
    commitmentLetter: "K",
    flag: undefined,
  },
  {
    id: "tribulanan",
    nama: "Lokakarya Mini Tribulanan Lintas Sektor",
    file: "tribulanan.yaml",
    kindKey: "jenis",
    commitmentLetter: "T",
    flag: "--tribulanan",
  },
  {
    id: "pralokmin",
    nama: "Pralokmin Klaster",
    file: "pralokmin/<klaster>.yaml",
    kindKey: undefined,
    commitmentLetter: undefined,
    flag: "--pralokmin",
  },
] as const;

export type MeetingSeries = (typeof MEETING_SERIES)[number]["id"];
/** Series whose meetings make kesepakatan that the next meeting of the series evaluates. */
export type CommitmentSeries = "bulanan" | "tribulanan";

export const seriesOf = (id: MeetingSeries) => MEETING_SERIES.find((s) => s.id === id)!;

/** What decides a meeting's kind besides its month: the workspace's settings and the year so far. */
export interface KindSettings {
  /** Month (1–12) of the first Lokmin of the year, `penggalangan_tim.bulan` in lokmin.yaml. */
  firstMonth: number;
  /** Whether a quarterly meeting was already held earlier in the same year. */
  quarterlyEarlier: boolean;
}

export const DEFAULT_KIND_SETTINGS: KindSettings = { firstMonth: 1, quarterlyEarlier: false };

export const MEETING_KINDS = [
  {
    id: "pertama",
    series: "bulanan",
    nama: "Lokakarya Mini Bulanan Pertama (Penggalangan Tim)",
    kapan: "January, or the month `penggalangan_tim.bulan` names",
    /** The first monthly Lokmin of the year: the team is formed, work and villages divided, the POA drawn up. */
    when: (month: MonthId, s: KindSettings) => month.month === s.firstMonth,
  },
  {
    id: "rutin",
    series: "bulanan",
    nama: "Lokakarya Mini Bulanan Rutin",
    kapan: "other months",
    when: (_month: MonthId, _s: KindSettings) => true,
  },
  {
    id: "tribulanan-pertama",
    series: "tribulanan",
    nama: "Lokakarya Mini Tribulanan Lintas Sektor Pertama",
    kapan: "the first quarterly meeting of the year (`lokmin new MONTH --tribulanan`)",
    /** With the kecamatan's sectors: integrated plan, signed agreement, proposals for the Musrenbang. */
    when: (_month: MonthId, s: KindSettings) => !s.quarterlyEarlier,
  },
  {
    id: "tribulanan",
    series: "tribulanan",
    nama: "Lokakarya Mini Tribulanan Lintas Sektor",
    kapan: "each later quarter",
    when: (_month: MonthId, _s: KindSettings) => true,
  },
  {
    id: "pralokmin",
    series: "pralokmin",
    nama: "Pralokmin Klaster",
    kapan: "before the monthly Lokmin, per klaster, where lokmin.yaml has `pralokmin` (`lokmin new MONTH --pralokmin`)",
    when: (_month: MonthId, _s: KindSettings) => true,
  },
] as const;

export type MeetingKindId = (typeof MEETING_KINDS)[number]["id"];
type KindOf<S extends MeetingSeries> = Extract<(typeof MEETING_KINDS)[number], { series: S }>["id"];
/** The kinds of the monthly Lokmin (the `jenis` of rapat.yaml). */
export type MeetingKind = KindOf<"bulanan">;
export type QuarterlyKind = KindOf<"tribulanan">;

const kindIds = <S extends MeetingSeries>(series: S) =>
  MEETING_KINDS.filter((k) => k.series === series).map((k) => k.id) as [KindOf<S>, ...KindOf<S>[]];

export const MEETING_KIND_IDS = kindIds("bulanan");
export const QUARTERLY_KIND_IDS = kindIds("tribulanan");

/** The kind of a meeting of a series in a month: the first kind of that series whose `when` holds. */
export function meetingKind(month: MonthId, settings?: Partial<KindSettings>): MeetingKind;
export function meetingKind<S extends MeetingSeries>(
  month: MonthId,
  settings: Partial<KindSettings> | undefined,
  series: S,
): KindOf<S>;
export function meetingKind(
  month: MonthId,
  settings: Partial<KindSettings> = {},
  series: MeetingSeries = "bulanan",
): MeetingKindId {
  const s = { ...DEFAULT_KIND_SETTINGS, ...settings };
  const kinds = MEETING_KINDS.filter((kind) => kind.series === series);
  return (kinds.find((kind) => kind.when(month, s)) ?? kinds[kinds.length - 1]).id;
}

export const meetingKindName = (kind: MeetingKindId) => MEETING_KINDS.find((k) => k.id === kind)?.nama ?? kind;

export const SPECIAL_STEPS = [
  { id: "bulan_kedua", nama: "Bahan Musrenbang kecamatan (Lokmin bulan kedua)", when: (m: MonthId) => m.month === 2 },
  { id: "tengah_tahun", nama: "Evaluasi tengah tahun", when: (m: MonthId) => m.month === 6 || m.month === 7 },
  { id: "tribulanan", nama: "Bahan Lokmin tribulanan", when: (m: MonthId) => m.month % 3 === 0 },
] as const;

export type SpecialStep = (typeof SPECIAL_STEPS)[number]["id"];
export const SPECIAL_STEP_IDS = SPECIAL_STEPS.map((step) => step.id) as [SpecialStep, ...SpecialStep[]];

/** Which month-specific SOP steps apply in a month. */
export const specialSteps = (month: MonthId): SpecialStep[] =>
  SPECIAL_STEPS.filter((step) => step.when(month)).map((step) => step.id);

/** The quarter (1–4) a month belongs to. */
export const quarterOf = (month: MonthId) => Math.ceil(month.month / 3);
