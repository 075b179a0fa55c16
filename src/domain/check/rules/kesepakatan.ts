// Commitments across months (Perbup Pasal 18–20): every open commitment evaluated at the next
// month, ids stable and unique, and each commitment naming programs, indicators and problems
// that exist.
import { msg, t } from "../../../i18n/index.js";
import { COMMITMENT_ID_RULES, commitmentIdFindings, type MonthMeeting, unevaluatedIn } from "../../commitments.js";
import { plainDate } from "../../format-date.js";
import { lastDay, parseMonth, shiftMonth } from "../../month.js";
import { didYouMean } from "../../hints.js";
import type { Commitment } from "../../schema.js";
import type { MonthContext } from "../context.js";
import { defineRules, type Placement } from "../registry.js";

const M = {
  notEvaluated: msg(
    "kesepakatan {id} ({month}) belum dievaluasi bulan ini; jalankan `lokmin carry {current}` lalu isi status",
    "commitment {id} ({month}) is not evaluated this month; run `lokmin carry {current}` and fill in its status",
  ),
  blankStatus: msg(
    "status evaluasi {id} belum diisi: selesai | sebagian | berjalan | belum | batal",
    "evaluation status of {id} is empty: selesai | sebagian | berjalan | belum | batal",
  ),
  unknownProgram: msg(
    "kesepakatan {id} menyebut program '{value}' yang tidak ada di lokmin.yaml{hint}",
    "commitment {id} names program '{value}', which is not in lokmin.yaml{hint}",
  ),
  unknownIndicator: msg(
    "kesepakatan {id} menyebut indikator '{value}' yang tidak ada{where}{hint}",
    "commitment {id} names indicator '{value}', which does not exist{where}{hint}",
  ),
  unknownProblem: msg(
    "kesepakatan {id} menyebut masalah '{value}' yang tidak ada di daftar masalah bulan ini",
    "commitment {id} names problem '{value}', which is not in this month's problem list",
  ),
  inProgram: msg(" pada program {program}", " in program {program}"),
  dueAfterNext: msg(
    "tenggat {id} {deadline} jatuh sesudah Lokmin berikutnya ({next}), tempat kesepakatan ini dievaluasi; " +
      "majukan tenggatnya ke {next} atau sebelumnya",
    "the deadline of {id}, {deadline}, falls after the next Lokmin ({next}), where this commitment is evaluated; " +
      "bring the deadline forward to {next} or earlier",
  ),
  notDueYet: msg(
    "{id} bertenggat {deadline}, sesudah rapat ini ({date}): belum jatuh tempo, jadi bukan 'belum' — tulis status " +
      "berjalan (dan catatan kemajuannya)",
    "{id} is due on {deadline}, after this meeting ({date}): it is not due yet, so not 'belum' — write the status " +
      "berjalan (and a note of its progress)",
  ),
};

export const kesepakatanRules = defineRules<
  | "kesepakatan/belum-dievaluasi"
  | "kesepakatan/id-ganda"
  | "kesepakatan/id-bulan"
  | "kesepakatan/evaluasi-ganda"
  | "kesepakatan/id-tidak-dikenal"
  | "kesepakatan/referensi"
  | "kesepakatan/tenggat"
  | "kesepakatan/evaluasi-dini",
  MonthContext
>({
  rules: {
    "kesepakatan/belum-dievaluasi": {
      severity: "error",
      source: { kind: "pembinaan", pasal: "evaluasi", note: msg("evaluasi di bulan N+1", "evaluated at month N+1") },
      what: msg(
        "setiap kesepakatan terbuka dari bulan sebelumnya dievaluasi bulan ini",
        "every open commitment from earlier months is evaluated this month",
      ),
      fix: msg("`lokmin carry BULAN`, lalu isi status", "`lokmin carry MONTH`, then fill in the status"),
    },
    ...COMMITMENT_ID_RULES,
    "kesepakatan/referensi": {
      severity: "error",
      source: { kind: "pembinaan", pasal: "kesepakatan" },
      what: msg(
        "program, indikator dan masalah yang disebut kesepakatan ada",
        "the program, indicator and problem a commitment names exist",
      ),
      fix: msg("perbaiki id-nya atau hapus kuncinya", "fix the id or remove the key"),
    },
    "kesepakatan/tenggat": {
      severity: "warning",
      source: { kind: "pembinaan", pasal: "evaluasi", note: msg("evaluasi di bulan N+1", "evaluated at month N+1") },
      what: msg(
        "tenggat kesepakatan tidak sesudah Lokmin bulan berikutnya, tempat ia dievaluasi",
        "a commitment's deadline is not after next month's Lokmin, where it is evaluated",
      ),
      fix: msg("majukan tenggatnya", "bring the deadline forward"),
    },
    "kesepakatan/evaluasi-dini": {
      severity: "warning",
      source: { kind: "pembinaan", pasal: "evaluasi" },
      what: msg(
        "kesepakatan yang belum jatuh tempo tidak dievaluasi 'belum'",
        "a commitment not yet due is not evaluated as 'belum'",
      ),
      fix: msg("tulis status berjalan", "write the status berjalan"),
    },
  },
  run(ctx, report) {
    const meeting = ctx.month.meeting;
    if (!meeting) return;
    const file = meeting.file;
    const { missing, blank } = unevaluatedIn(ctx.meetings, ctx.month.id);
    for (const h of missing) {
      const message = t(M.notEvaluated, { id: h.commitment.id, month: h.month, current: ctx.month.id });
      report("kesepakatan/belum-dievaluasi", { file, path: ["evaluasi_kesepakatan"], message });
    }
    const evaluations = meeting.data.evaluasi_kesepakatan;
    for (const e of blank) {
      const path = ["evaluasi_kesepakatan", evaluations.indexOf(e), "status"];
      report("kesepakatan/belum-dievaluasi", { file, path, message: t(M.blankStatus, { id: e.id }) });
    }
    for (const finding of commitmentIdFindings(ctx.meetings)) {
      if (finding.file === file) report(finding.rule, finding);
    }
    const problems = new Set(meeting.data.masalah.map((p) => p.id));
    meeting.data.kesepakatan.forEach((k, index) => {
      const at = (key: string, message: string) =>
        report("kesepakatan/referensi", { file, path: ["kesepakatan", index, key], at: "value", message });
      const program = k.program ? ctx.config.program.find((p) => p.id === k.program) : undefined;
      if (k.program && !program) {
        const hint = didYouMean(
          k.program,
          ctx.config.program.map((p) => p.id),
        );
        at("program", t(M.unknownProgram, { id: k.id, value: k.program, hint }));
      }
      if (k.indikator) {
        const pool = program ? [program] : ctx.config.program;
        const ids = pool.flatMap((p) => p.indikator.map((i) => i.id));
        if (!ids.includes(k.indikator)) {
          const where = program ? t(M.inProgram, { program: program.id }) : "";
          at(
            "indikator",
            t(M.unknownIndicator, { id: k.id, value: k.indikator, where, hint: didYouMean(k.indikator, ids) }),
          );
        }
      }
      if (k.masalah && !problems.has(k.masalah)) at("masalah", t(M.unknownProblem, { id: k.id, value: k.masalah }));
    });
    deadlines(ctx, report);
  },
});

/** Deadlines against the meetings that evaluate them: not after the next Lokmin, not judged before they fall. */
function deadlines(
  ctx: MonthContext,
  report: (rule: "kesepakatan/tenggat" | "kesepakatan/evaluasi-dini", placement: Placement) => void,
) {
  const meeting = ctx.month.meeting;
  if (!meeting) return;
  const file = meeting.file;
  const nextMonth = shiftMonth(ctx.month.id, 1);
  const next = ctx.meetings.find((m) => m.id === nextMonth)?.meeting.tanggal;
  const limit = next ?? lastDay(parseMonth(nextMonth)!);
  meeting.data.kesepakatan.forEach((k, index) => {
    if (k.tenggat > limit)
      report("kesepakatan/tenggat", {
        file,
        path: ["kesepakatan", index, "tenggat"],
        at: "value",
        message: t(M.dueAfterNext, { id: k.id, deadline: plainDate(k.tenggat), next: plainDate(limit) }),
      });
  });
  const date = meeting.data.tanggal;
  if (!date) return;
  meeting.data.evaluasi_kesepakatan.forEach((e, index) => {
    const deadline = madeBefore(ctx.meetings, ctx.month.id, e.id)?.tenggat;
    if (e.status === "belum" && deadline && deadline > date)
      report("kesepakatan/evaluasi-dini", {
        file,
        path: ["evaluasi_kesepakatan", index, "status"],
        at: "value",
        message: t(M.notDueYet, { id: e.id, deadline: plainDate(deadline), date: plainDate(date) }),
      });
  });
}

/** Each commitment id's entries in the list's order, with their month; one index per list of meetings. */
const madeByList = new WeakMap<
  readonly MonthMeeting[],
  Map<string, Array<{ month: string; commitment: Commitment }>>
>();

/** The commitment with this id made in a month before `month` (the last one in the list's order). */
function madeBefore(meetings: readonly MonthMeeting[], month: string, id: string): Commitment | undefined {
  let index = madeByList.get(meetings);
  if (!index) {
    index = new Map();
    for (const m of meetings)
      for (const commitment of m.meeting.kesepakatan) {
        const list = index.get(commitment.id) ?? [];
        list.push({ month: m.id, commitment });
        index.set(commitment.id, list);
      }
    madeByList.set(meetings, index);
  }
  const list = index.get(id) ?? [];
  for (let i = list.length - 1; i >= 0; i--) if (list[i].month < month) return list[i].commitment;
  return undefined;
}
