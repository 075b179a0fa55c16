// Commitments (kesepakatan) across months, Perbup Pasal 18–20: each agreement of month N is
// evaluated at month N+1 and carried month after month until `selesai` or `batal`.
// Pure functions over loaded months: history, what is open, what to carry, what is inconsistent.
import type { RuleSpec } from "./check/registry.js";
import type { Finding } from "./findings.js";
import { msg, t } from "../i18n/index.js";
import { lastDay, monthsBetween, parseMonth } from "./month.js";
import type { Commitment, CommitmentStatus, Evaluation } from "./schema.js";
import type { MonthMeeting } from "./workspace-data.js";

export type { MonthMeeting };

export interface CommitmentHistory {
  commitment: Commitment;
  month: string;
  evaluations: Array<{ month: string; status: CommitmentStatus | null; catatan?: string | null }>;
  /** Latest recorded status, null when never evaluated. */
  status: CommitmentStatus | null;
  open: boolean;
}

const CLOSED: ReadonlySet<string> = new Set(["selesai", "batal"]);

const M = {
  duplicate: msg(
    "id kesepakatan {id} dipakai dua kali (pertama di {first}); beri id lain",
    "commitment id {id} is used twice (first in {first}); give it another id",
  ),
  unknown: msg(
    "evaluasi untuk {id}, tetapi kesepakatan itu tidak ada di bulan sebelumnya (diganti nama atau dihapus?); " +
      "kembalikan id aslinya",
    "evaluation of {id}, but no earlier month has that commitment (renamed or deleted?); restore its original id",
  ),
  wrongMonth: msg(
    "id {id} tidak diawali bulan folder ini ({month}); id kesepakatan diawali bulan dibuatnya",
    "id {id} does not start with this folder's month ({month}); commitment ids start with the month they were made",
  ),
  duplicateEvaluation: msg(
    "{id} dievaluasi dua kali di bulan ini; hapus salah satunya",
    "{id} is evaluated twice in this month; remove one",
  ),
  future: msg(
    "{id} dievaluasi sebelum dibuat (bulan {month}); periksa id-nya",
    "{id} is evaluated before it was made (month {month}); check its id",
  ),
};

const isOpen = (history: CommitmentHistory) => history.status === null || !CLOSED.has(history.status);

/**
 * Reads months in order into the histories of their commitments; `before` sees the histories as
 * they stand when each month begins.
 */
function readHistories(
  months: readonly MonthMeeting[],
  before?: (month: string, byId: ReadonlyMap<string, CommitmentHistory>) => void,
): Map<string, CommitmentHistory> {
  const sorted = [...months].sort((a, b) => a.id.localeCompare(b.id));
  const byId = new Map<string, CommitmentHistory>();
  for (const { id: month, meeting } of sorted) {
    before?.(month, byId);
    for (const evaluation of meeting.evaluasi_kesepakatan) {
      const history = byId.get(evaluation.id);
      if (!history || history.month >= month) continue;
      history.evaluations.push({ month, status: evaluation.status, catatan: evaluation.catatan });
      if (evaluation.status !== null) history.status = evaluation.status;
    }
    for (const commitment of meeting.kesepakatan) {
      if (!byId.has(commitment.id))
        byId.set(commitment.id, { commitment, month, evaluations: [], status: null, open: true });
    }
  }
  return byId;
}

/** History of every commitment in the workspace, in month order. */
export function commitmentHistories(months: readonly MonthMeeting[]): CommitmentHistory[] {
  const byId = readHistories(months);
  for (const history of byId.values()) history.open = isOpen(history);
  return [...byId.values()];
}

// `check` asks what is open before each of 120 months of the same list of meetings (and the id
// findings of that list) several times a month: each list's answers are worked out in one pass and
// kept with the list (a list of meetings is built per run and never changed after).
const openByList = new WeakMap<readonly MonthMeeting[], Map<string, CommitmentHistory[]>>();
const idFindingsByList = new WeakMap<readonly MonthMeeting[], Array<Finding & { rule: CommitmentIdRule }>>();

/** Commitments still open when `month` begins (made earlier, never closed before it). */
export function openBefore(months: readonly MonthMeeting[], month: string): CommitmentHistory[] {
  let byMonth = openByList.get(months);
  if (!byMonth) {
    const open = new Map<string, CommitmentHistory[]>();
    readHistories(months, (at, byId) => {
      if (open.has(at)) return;
      const now: CommitmentHistory[] = [];
      for (const history of byId.values())
        if (isOpen(history)) now.push({ ...history, evaluations: [...history.evaluations], open: true });
      open.set(at, now);
    });
    openByList.set(months, (byMonth = open));
  }
  return byMonth.get(month) ?? commitmentHistories(months.filter((m) => m.id < month)).filter((h) => h.open);
}

/** Evaluation entries `month` must contain: one per commitment open when it begins. */
export function evaluationsToCarry(
  months: readonly MonthMeeting[],
  month: string,
  existing: readonly Evaluation[] = [],
): Evaluation[] {
  const present = new Set(existing.map((e) => e.id));
  return openBefore(months, month)
    .filter((h) => !present.has(h.commitment.id))
    .map((h) => ({
      id: h.commitment.id,
      uraian: h.commitment.uraian,
      penanggung_jawab: h.commitment.penanggung_jawab,
      tenggat: h.commitment.tenggat,
      status: null,
      catatan: null,
    }));
}

/** Commitments of earlier months that `month` has not evaluated (no entry, or no status). */
export function unevaluatedIn(
  months: readonly MonthMeeting[],
  month: string,
): { missing: CommitmentHistory[]; blank: Evaluation[] } {
  const current = months.find((m) => m.id === month);
  const evaluations = current?.meeting.evaluasi_kesepakatan ?? [];
  const present = new Set(evaluations.map((e) => e.id));
  const open = openBefore(months, month);
  const openIds = new Set(open.map((h) => h.commitment.id));
  return {
    missing: open.filter((h) => !present.has(h.commitment.id)),
    blank: evaluations.filter((e) => e.status === null && openIds.has(e.id)),
  };
}

/** Age in whole months of a commitment at `month`. */
export const ageInMonths = (history: CommitmentHistory, month: string) =>
  monthsBetween(parseMonth(history.month)!, parseMonth(month)!);

export type CommitmentIdRule =
  "kesepakatan/id-ganda" | "kesepakatan/id-bulan" | "kesepakatan/evaluasi-ganda" | "kesepakatan/id-tidak-dikenal";

export const COMMITMENT_ID_RULES: Record<CommitmentIdRule, RuleSpec> = {
  "kesepakatan/id-ganda": {
    severity: "error",
    source: { kind: "pembinaan", pasal: "kesepakatan" },
    what: msg("id kesepakatan unik di seluruh workspace", "commitment ids are unique across the workspace"),
    fix: msg("beri id lain yang belum dipakai", "give it an id not used yet"),
  },
  "kesepakatan/id-bulan": {
    severity: "warning",
    source: { kind: "lokmin" },
    what: msg("id kesepakatan diawali bulan dibuatnya", "a commitment id starts with the month it was made"),
    fix: msg("tulis id BULAN/Knn, mis. 2024-05/K03", "write the id MONTH/Knn, e.g. 2024-05/K03"),
  },
  "kesepakatan/evaluasi-ganda": {
    severity: "error",
    source: { kind: "pembinaan", pasal: "evaluasi" },
    what: msg("satu kesepakatan dievaluasi sekali per bulan", "a commitment is evaluated once a month"),
    fix: msg("hapus salah satu evaluasi", "remove one of the evaluations"),
  },
  "kesepakatan/id-tidak-dikenal": {
    severity: "error",
    source: { kind: "pembinaan", pasal: "evaluasi" },
    what: msg(
      "evaluasi merujuk kesepakatan dari bulan sebelumnya",
      "an evaluation refers to a commitment of an earlier month",
    ),
    fix: msg("kembalikan id aslinya", "restore its original id"),
  },
};

/** Ids renamed, deleted or duplicated by hand, placed at their file and YAML path. */
export function commitmentIdFindings(months: readonly MonthMeeting[]): Array<Finding & { rule: CommitmentIdRule }> {
  let found = idFindingsByList.get(months);
  if (!found) idFindingsByList.set(months, (found = idFindings(months)));
  return found;
}

function idFindings(months: readonly MonthMeeting[]): Array<Finding & { rule: CommitmentIdRule }> {
  const out: Array<Finding & { rule: CommitmentIdRule }> = [];
  const sorted = [...months].sort((a, b) => a.id.localeCompare(b.id));
  const push = (m: MonthMeeting, path: (string | number)[], rule: CommitmentIdRule, message: string) =>
    out.push({ rule, severity: COMMITMENT_ID_RULES[rule].severity, file: m.file, path, at: "value", message });
  const firstSeen = new Map<string, string>();
  for (const m of sorted) {
    m.meeting.kesepakatan.forEach((c, index) => {
      const path = ["kesepakatan", index, "id"];
      const first = firstSeen.get(c.id);
      if (first) push(m, path, "kesepakatan/id-ganda", t(M.duplicate, { id: c.id, first }));
      else firstSeen.set(c.id, m.file);
      if (!c.id.startsWith(`${m.id}/`))
        push(m, path, "kesepakatan/id-bulan", t(M.wrongMonth, { id: c.id, month: m.id }));
    });
  }
  const madeIn = new Map<string, string>();
  for (const m of sorted) for (const c of m.meeting.kesepakatan) if (!madeIn.has(c.id)) madeIn.set(c.id, m.id);
  for (const m of sorted) {
    const seen = new Set<string>();
    m.meeting.evaluasi_kesepakatan.forEach((e, index) => {
      const path = ["evaluasi_kesepakatan", index, "id"];
      if (seen.has(e.id)) push(m, path, "kesepakatan/evaluasi-ganda", t(M.duplicateEvaluation, { id: e.id }));
      seen.add(e.id);
      const made = madeIn.get(e.id);
      if (made === undefined) push(m, path, "kesepakatan/id-tidak-dikenal", t(M.unknown, { id: e.id }));
      else if (made >= m.id) push(m, path, "kesepakatan/id-tidak-dikenal", t(M.future, { id: e.id, month: made }));
    });
  }
  return out;
}

/**
 * Whether a commitment is overdue as of a month: still open and its deadline before the last day
 * of that month. The one definition `commitments`, `summary` and the documents share.
 */
export function isOverdue(history: Pick<CommitmentHistory, "open" | "commitment">, asOf: string): boolean {
  const month = parseMonth(asOf);
  return history.open && month !== null && history.commitment.tenggat < lastDay(month);
}

/** Next free commitment id in a month: 2024-05/K01, K02 … */
export function nextCommitmentId(month: string, existing: readonly Commitment[]): string {
  const used = existing.map((c) => Number(/\/K(\d+)$/.exec(c.id)?.[1] ?? 0));
  const next = Math.max(0, ...used) + 1;
  return `${month}/K${String(next).padStart(2, "0")}`;
}
