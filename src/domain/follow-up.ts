// The chain a Lokmin writes three times: a problem's chosen solution becomes an RTL activity, an RTL
// activity becomes a signed kesepakatan (SOP steps 9–11). Each link is offered from what the month
// already holds, so nobody types the same sentence again: the rows are proposed with what is known
// (the problem, its program's coordinator, the activity's measure of success) and those that
// cannot be proposed say what is missing. Pure: data in, rows out.
import { type Message, msg } from "../i18n/index.js";
import { lastDay, parseMonth, shiftMonth } from "./month.js";
import type { Commitment, Meeting, Program } from "./schema.js";

export type ActionRow = Meeting["rtl"][number];

export interface Skipped {
  /** The solution (`m1/s2`) or RTL row (`r3`) that was not carried on. */
  id: string;
  /** What people call it: the solution's or the activity's own words. */
  label: string;
  reason: Message;
}

export interface Proposal<Row> {
  rows: Row[];
  skipped: Skipped[];
}

const S = {
  noCoordinator: msg(
    "masalahnya belum menyebut program yang punya penanggung jawab: isi program masalahnya dulu",
    "its problem names no program with a coordinator: fill in the problem's program first",
  ),
  noMeasure: msg(
    "belum punya indikator keberhasilan, yang menjadi target kesepakatan: isi dulu di RTL",
    "has no measure of success yet, which becomes the agreement's target: fill it in in the RTL first",
  ),
};

const same = (a: string | undefined, b: string | undefined) =>
  (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();

/** The next `r<n>` after the largest one used. */
function nextNumbered(prefix: string, used: Iterable<string>, pad = 0) {
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}(\\d+)$`);
  let largest = 0;
  for (const id of used) largest = Math.max(largest, Number(pattern.exec(id)?.[1] ?? 0));
  return () => `${prefix}${String(++largest).padStart(pad, "0")}`;
}

/** RTL activities for the chosen solutions that have none yet, run by their problem's program coordinator. */
export function actionsFromSolutions(meeting: Meeting, programs: readonly Program[]): Proposal<ActionRow> {
  const next = nextNumbered(
    "r",
    meeting.rtl.map((row) => row.id),
  );
  const rows: ActionRow[] = [];
  const skipped: Skipped[] = [];
  for (const problem of meeting.masalah) {
    for (const solution of problem.solusi.filter((s) => s.dipilih)) {
      const planned = meeting.rtl.some((row) => row.masalah === problem.id && same(row.kegiatan, solution.uraian));
      if (planned) continue;
      const coordinator = programs.find((p) => p.id === problem.program)?.penanggung_jawab;
      if (!coordinator) {
        skipped.push({ id: `${problem.id}/${solution.id}`, label: solution.uraian, reason: S.noCoordinator });
        continue;
      }
      rows.push({ id: next(), masalah: problem.id, kegiatan: solution.uraian, penanggung_jawab: coordinator });
    }
  }
  return { rows, skipped };
}

/**
 * Kesepakatan for the RTL activities that have none yet: the activity as what is agreed, its
 * measure of success as the target, due by the end of the next month (when the next Lokmin
 * evaluates it), to be signed by the chair and the person in charge.
 */
export function commitmentsFromActions(meeting: Meeting, month: string): Proposal<Commitment> {
  const next = nextNumbered(
    `${month}/K`,
    meeting.kesepakatan.map((k) => k.id),
    2,
  );
  const due = lastDay(parseMonth(shiftMonth(month, 1))!);
  const rows: Commitment[] = [];
  const skipped: Skipped[] = [];
  for (const action of meeting.rtl) {
    const agreed = meeting.kesepakatan.some(
      (k) => same(k.uraian, action.kegiatan) && (!action.masalah || !k.masalah || k.masalah === action.masalah),
    );
    if (agreed) continue;
    const target = action.indikator_keberhasilan?.trim();
    if (!target) {
      skipped.push({ id: action.id, label: action.kegiatan, reason: S.noMeasure });
      continue;
    }
    const problem = meeting.masalah.find((p) => p.id === action.masalah);
    rows.push({
      id: next(),
      uraian: action.kegiatan,
      ...(problem?.program ? { program: problem.program } : {}),
      ...(problem?.indikator ? { indikator: problem.indikator } : {}),
      ...(action.masalah ? { masalah: action.masalah } : {}),
      penanggung_jawab: action.penanggung_jawab,
      tenggat: due,
      target,
      ditandatangani: [...new Set([meeting.pimpinan, action.penanggung_jawab])],
    });
  }
  return { rows, skipped };
}
