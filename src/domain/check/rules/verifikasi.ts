// Data verification across programs (Perbup Pasal 9): each relation between two indicators that
// does not hold this month (a warning naming both indicators, files and figures), or holds only
// through a justification recorded in rapat.yaml (info); the record itself; a month's figure far
// outside the indicator's own history ("periksa register"); and the relations of lokmin.yaml.
import { closest } from "fastest-levenshtein";
import { decimal, msg, t } from "../../../i18n/index.js";
import type { PathSegment, RelatedPlace } from "../../findings.js";
import { parseMonth, monthsBetween } from "../../month.js";
import {
  type Comparison,
  compareMonth,
  DEFAULT_RELATIONS,
  type Figure,
  type Measure,
  monthFigures,
  ownRelation,
  relationsInForce,
  resolveRelation,
  SIGN,
  UNUSUAL,
  unusualFigure,
} from "../../verification.js";
import { meetingFile, type MonthData } from "../../workspace-data.js";
import type { MonthContext, WorkspaceContext } from "../context.js";
import { defineRules, type Reporter } from "../registry.js";

const M = {
  measure: { bulan_ini: msg("bulan ini", "this month"), kumulatif: msg("kumulatif", "cumulative") },
  inVillage: msg(" di desa {desa}", " in {desa}"),
  tolerance: msg("; toleransi {allowed}", "; tolerance {allowed}"),
  broken: msg(
    "relasi {id} tidak sesuai{desa}: {kiri} {measure} {a} {sign} {kanan} {b} tidak terpenuhi " +
      "(selisih {gap}{tolerance}) " +
      "— {alasan}. Cocokkan kedua angka ({files}) dengan buku register; bila angkanya benar, catat " +
      "justifikasinya di {meeting}: verifikasi_data.selisih (relasi: {id})",
    "relation {id} does not hold{desa}: {kiri} {measure} {a} {sign} {kanan} {b} fails (gap {gap}{tolerance}) — " +
      "{alasan}. Check both figures ({files}) against the registers; if they are right, record the " +
      "justification in {meeting}: verifikasi_data.selisih (relasi: {id})",
  ),
  justified: msg(
    "relasi {id} tidak sesuai{desa} ({kiri} {measure} {a} {sign} {kanan} {b}, selisih {gap}) — dijustifikasi: " +
      "{justifikasi}",
    "relation {id} does not hold{desa} ({kiri} {measure} {a} {sign} {kanan} {b}, gap {gap}) — justified: " +
      "{justifikasi}",
  ),
  notCorrected: msg(
    "relasi {id}{desa} dicatat sudah diperbaiki, tetapi {kiri} {measure} {a} {sign} {kanan} {b} masih tidak " +
      "sesuai (selisih {gap}); perbaiki angka di berkas program, atau tulis diperbaiki: false dan isi justifikasi",
    "relation {id}{desa} is recorded as corrected, but {kiri} {measure} {a} {sign} {kanan} {b} still fails " +
      "(gap {gap}); correct the figure in the program file, or write diperbaiki: false and fill justifikasi",
  ),
  unknownRecord: msg(
    "verifikasi_data.selisih menyebut relasi '{id}' yang tidak berlaku di workspace ini{hint}; tulis id relasi " +
      "seperti disebut `lokmin check` (relasi/<id>)",
    "verifikasi_data.selisih names relation '{id}', which is not in force in this workspace{hint}; write the " +
      "relation id as `lokmin check` names it (relasi/<id>)",
  ),
  didYouMean: msg(" (maksud Anda '{hint}'?)", " (did you mean '{hint}'?)"),
  explained: msg(
    "{indicator} bulan ini {value}, jauh {direction} dari biasanya (median {median} dari {n} bulan terakhir: " +
      "{history}) — dijelaskan: {justifikasi}",
    "{indicator} this month is {value}, far {direction} than usual (median {median} of the last {n} months: " +
      "{history}) — explained: {justifikasi}",
  ),
  unusual: msg(
    "periksa register: {indicator} bulan ini {value}, jauh {direction} dari biasanya (median {median} dari {n} " +
      "bulan terakhir: {history}); salah ketik seperti 630 untuk 63 atau bulan yang belum direkap sering terjadi — " +
      "cocokkan dengan buku register",
    "check the register: {indicator} this month is {value}, far {direction} than usual (median {median} of the " +
      "last {n} months: {history}); a typo such as 630 for 63, or a month not yet tallied, is common — check it " +
      "against the register",
  ),
  higher: msg("lebih tinggi", "higher"),
  lower: msg("lebih rendah", "lower"),
  unknownSide: msg(
    "relasi {id}: indikator '{ref}' tidak ada di program lokmin.yaml{hint}; tulis program/indikator, mis. kia/bbl",
    "relation {id}: indicator '{ref}' is not in lokmin.yaml's programs{hint}; write program/indicator, e.g. kia/bbl",
  ),
  ambiguous: msg(
    "relasi {id}: indikator '{ref}' ada di beberapa program ({programs}); tulis program/indikator, mis. {example}",
    "relation {id}: indicator '{ref}' is in several programs ({programs}); write program/indicator, e.g. {example}",
  ),
  same: msg(
    "relasi {id} membandingkan '{ref}' dengan dirinya sendiri; pilih dua indikator berbeda",
    "relation {id} compares '{ref}' with itself; choose two different indicators",
  ),
  duplicate: msg(
    "id relasi '{id}' dipakai dua kali di verifikasi.tambahan; beri id lain",
    "relation id '{id}' is used twice in verifikasi.tambahan; give it another id",
  ),
  unknownOff: msg(
    "verifikasi.nonaktif menyebut '{id}', bukan relasi bawaan{hint}; relasi bawaan: {known}",
    "verifikasi.nonaktif names '{id}', which is not a default relation{hint}; the defaults: {known}",
  ),
  noTolerance: msg(
    "relasi {id} memakai ~ (kira-kira sama) tanpa toleransi, sama saja dengan =; isi toleransi (persen atau jumlah)",
    "relation {id} uses ~ (about equal) without a tolerance, which is the same as =; give a toleransi " +
      "(persen or jumlah)",
  ),
  notPerVillage: msg(
    "relasi {id}: per_desa: true tetapi {ref} tidak dilaporkan per desa di lokmin.yaml; yang dibandingkan hanya total",
    "relation {id}: per_desa: true but {ref} is not reported per village in lokmin.yaml; only totals are compared",
  ),
};

const measureWord = (m: Measure) => t(M.measure[m]);
const side = (f: Figure) => `${f.program}/${f.indikator}`;
/** A figure as printed: whole numbers as they are (no number formatter needed), others with a decimal comma. */
const number = (value: number) => (Number.isInteger(value) ? String(value) : decimal(value, 1));

/** How far the relation is off: for ≤ the excess of the left side, for ≥ its shortfall, else the distance. */
export function gapOf(c: Pick<Comparison, "instance" | "difference">): number {
  switch (c.instance.relation.operator) {
    case "<=":
      return c.difference;
    case ">=":
      return -c.difference;
    default:
      return Math.abs(c.difference);
  }
}

/** The values every message about a comparison uses. */
function comparisonValues(c: Comparison) {
  return {
    id: c.instance.relation.id,
    desa: c.desa ? t(M.inVillage, { desa: c.desa }) : "",
    kiri: side(c.kiri),
    kanan: side(c.kanan),
    measure: measureWord(c.measure),
    a: c.kiri.value,
    b: c.kanan.value,
    sign: SIGN[c.instance.relation.operator],
    gap: number(gapOf(c)),
  };
}

/** The warning for a relation that does not hold, naming both indicators, the figures, the gap and the files. */
export function mismatchMessage(c: Comparison, meeting: string): string {
  const allowed = c.allowed > 0 ? t(M.tolerance, { allowed: number(c.allowed) }) : "";
  return t(M.broken, {
    ...comparisonValues(c),
    tolerance: allowed,
    alasan: t(c.instance.relation.alasan),
    files: [...new Set([c.kiri.file, c.kanan.file])].join(", "),
    meeting,
  });
}

const relatedOf = (c: Comparison, which: ("kiri" | "kanan")[]): RelatedPlace[] =>
  which.map((w) => ({ file: c[w].file, path: c[w].path, label: `${side(c[w])} ${measureWord(c.measure)}` }));

type MonthRule =
  | "relasi/<relasi>"
  | "justifikasi/<relasi>"
  | "verifikasi/belum-diperbaiki"
  | "verifikasi/catatan"
  | "verifikasi/angka-tidak-biasa"
  | "verifikasi/angka-dijelaskan";

const PASAL_9 = { kind: "pembinaan", pasal: "verifikasi" } as const;

export const verifikasiRules = defineRules<MonthRule, MonthContext>({
  rules: {
    "relasi/<relasi>": {
      severity: "warning",
      source: {
        ...PASAL_9,
        note: msg("kecocokan data antarprogram", "figures of related programs agree"),
      },
      what: msg(
        "relasi antarindikator terpenuhi bulan ini, kumulatif dan per desa (relasi bawaan dan verifikasi.tambahan " +
          "di lokmin.yaml)",
        "relations between indicators hold this month, cumulatively and per village (the defaults and " +
          "verifikasi.tambahan in lokmin.yaml)",
      ),
      fix: msg(
        "cocokkan dengan register; bila benar, catat justifikasi di rapat.yaml verifikasi_data.selisih",
        "check the registers; if the figures are right, record the justification in rapat.yaml " +
          "verifikasi_data.selisih",
      ),
      members: () => DEFAULT_RELATIONS.map((r) => r.id),
    },
    "justifikasi/<relasi>": {
      severity: "info",
      source: { ...PASAL_9, note: msg("ayat (3): justifikasi dan analisis", "paragraph (3): justified and analysed") },
      what: msg(
        "relasi yang tidak sesuai tetapi dijustifikasi di rapat.yaml verifikasi_data.selisih (dilaporkan sebagai info)",
        "relations that do not hold but are justified in rapat.yaml verifikasi_data.selisih (reported as info)",
      ),
      fix: msg("tidak perlu tindakan; dibacakan di Lokmin", "nothing to do; read out at the Lokmin"),
      members: () => DEFAULT_RELATIONS.map((r) => r.id),
    },
    "verifikasi/belum-diperbaiki": {
      severity: "warning",
      source: PASAL_9,
      what: msg(
        "selisih yang dicatat sudah diperbaiki memang sudah sesuai",
        "a mismatch recorded as corrected does hold now",
      ),
      fix: msg(
        "perbaiki angkanya, atau tulis diperbaiki: false dengan justifikasi",
        "correct the figure, or write diperbaiki: false with a justification",
      ),
    },
    "verifikasi/catatan": {
      severity: "warning",
      source: PASAL_9,
      what: msg(
        "verifikasi_data.selisih menyebut relasi yang berlaku di workspace",
        "verifikasi_data.selisih names relations in force in the workspace",
      ),
      fix: msg("tulis id relasi seperti disebut `lokmin check`", "write the relation id as `lokmin check` names it"),
    },
    "verifikasi/angka-tidak-biasa": {
      severity: "warning",
      source: {
        ...PASAL_9,
        note: msg("ayat (1): mencari kevalidan data", "paragraph (1): finding invalid data"),
      },
      what: msg(
        `angka bulan ini tidak jauh dari riwayat indikator itu sendiri (≥ ${UNUSUAL.ratio}× atau ` +
          `≤ 1/${UNUSUAL.ratio} ` +
          `median ${UNUSUAL.window} bulan terakhir, termasuk nol)`,
        `this month's figure is not far outside the indicator's own history (≥ ${UNUSUAL.ratio}× or ≤ 1/` +
          `${UNUSUAL.ratio} of the median of the last ${UNUSUAL.window} months, zero included)`,
      ),
      fix: msg(
        "cocokkan dengan buku register; bila angkanya benar, catat penjelasannya di verifikasi_data.selisih " +
          "(relasi: angka-tidak-biasa, indikator)",
        "check it against the register; if the figure is right, record why in verifikasi_data.selisih " +
          "(relasi: angka-tidak-biasa, indikator)",
      ),
    },
    "verifikasi/angka-dijelaskan": {
      severity: "info",
      source: {
        ...PASAL_9,
        note: msg("ayat (3): selisih dijustifikasi dan dianalisis", "paragraph (3): mismatches justified and analysed"),
      },
      what: msg(
        "angka yang jauh dari riwayatnya tetapi dijelaskan di verifikasi_data.selisih (dilaporkan sebagai info)",
        "figures far outside their history that are explained in verifikasi_data.selisih (reported as info)",
      ),
      fix: msg("tidak ada yang perlu diperbaiki", "nothing to fix"),
    },
  },
  run(ctx, report) {
    const meeting = ctx.month.meeting;
    const meetingName = meetingFile(ctx.month.id);
    const comparisons = compareMonth(ctx.config, ctx.month);
    for (const c of comparisons) {
      if (c.status === "sesuai" || c.status === "diperbaiki") continue;
      const values = comparisonValues(c);
      if (c.status === "tidak-sesuai") {
        const message = mismatchMessage(c, meetingName);
        report(`relasi/${c.instance.relation.id}`, {
          file: c.kiri.file,
          path: c.kiri.path,
          at: "value",
          message,
          related: relatedOf(c, ["kanan"]),
        });
      } else if (c.record && meeting && (c.status === "dijustifikasi" || c.status === "belum-diperbaiki")) {
        const path: PathSegment[] = ["verifikasi_data", "selisih", c.record.index];
        const related = relatedOf(c, ["kiri", "kanan"]);
        if (c.status === "dijustifikasi") {
          const message = t(M.justified, { ...values, justifikasi: c.record.entry.justifikasi ?? "" });
          report(`justifikasi/${c.instance.relation.id}`, { file: meeting.file, path, message, related });
        } else {
          report("verifikasi/belum-diperbaiki", {
            file: meeting.file,
            path,
            message: t(M.notCorrected, values),
            related,
          });
        }
      }
    }
    if (meeting) {
      const inForce = new Set(relationsInForce(ctx.config).map((i) => i.relation.id));
      (meeting.data.verifikasi_data?.selisih ?? []).forEach((entry, index) => {
        if (inForce.has(entry.relasi) || entry.relasi === UNUSUAL_RECORD) return;
        const hint = inForce.size ? closest(entry.relasi, [...inForce]) : undefined;
        report("verifikasi/catatan", {
          file: meeting.file,
          path: ["verifikasi_data", "selisih", index, "relasi"],
          at: "value",
          message: t(M.unknownRecord, { id: entry.relasi, hint: hint ? t(M.didYouMean, { hint }) : "" }),
        });
      });
    }
    unusualFigures(ctx, report);
  },
});

/** The month folders of the `window` calendar months before this month, oldest first. */
function recentMonths(ctx: Pick<MonthContext, "month" | "earlier">): readonly MonthData[] {
  const current = parseMonth(ctx.month.id);
  if (!current) return [];
  return (ctx.earlier ?? []).filter((m) => {
    const then = parseMonth(m.id);
    return then !== null && monthsBetween(then, current) <= UNUSUAL.window;
  });
}

function figuresOf(months: readonly MonthData[], key: string): number[] {
  const values: number[] = [];
  for (const m of months) {
    const value = monthFigures(m).get(key)?.report.bulan_ini;
    if (value !== null && value !== undefined) values.push(value);
  }
  return values;
}

/** The history of one indicator's monthly figure: its figures of the `window` calendar months before, oldest first. */
export const historyOf = (ctx: Pick<MonthContext, "month" | "earlier">, key: string): number[] =>
  figuresOf(recentMonths(ctx), key);

/** The relation id under which verifikasi_data.selisih explains an unusual figure (with `indikator`). */
export const UNUSUAL_RECORD = "angka-tidak-biasa";

function unusualFigures(ctx: MonthContext, report: Reporter<MonthRule>) {
  const recent = recentMonths(ctx);
  if (recent.length < UNUSUAL.minHistory) return;
  const records = ctx.month.meeting?.data.verifikasi_data?.selisih ?? [];
  const explanation = (key: string) =>
    records.findIndex((r) => r.relasi === UNUSUAL_RECORD && r.indikator === key && r.justifikasi);
  for (const [key, { file, index, report: figure }] of monthFigures(ctx.month)) {
    if (figure.bulan_ini === null) continue;
    const history = figuresOf(recent, key);
    const found = unusualFigure(figure.bulan_ini, history);
    if (!found) continue;
    const values = {
      indicator: key,
      value: found.value,
      direction: t(found.direction === "tinggi" ? M.higher : M.lower),
      median: number(found.median),
      n: found.history.length,
      history: found.history.join(", "),
    };
    const message = t(M.unusual, values);
    const explained = explanation(key);
    const meeting = ctx.month.meeting;
    if (explained >= 0 && meeting) {
      const justifikasi = records[explained].justifikasi ?? "";
      report("verifikasi/angka-dijelaskan", {
        file: meeting.file,
        path: ["verifikasi_data", "selisih", explained],
        message: t(M.explained, { ...values, justifikasi }),
        related: [{ file, path: ["indikator", index, "bulan_ini"], label: key }],
      });
    } else
      report("verifikasi/angka-tidak-biasa", { file, path: ["indikator", index, "bulan_ini"], at: "value", message });
  }
}

/** The relations of lokmin.yaml: each names indicators that exist, once, and can be checked as written. */
export const verifikasiSettingsRules = defineRules<"verifikasi/pengaturan", WorkspaceContext>({
  rules: {
    "verifikasi/pengaturan": {
      severity: "warning",
      source: PASAL_9,
      what: msg(
        "relasi di lokmin.yaml (verifikasi) menyebut indikator yang ada dan dapat diperiksa",
        "the relations in lokmin.yaml (verifikasi) name existing indicators and can be checked",
      ),
      fix: msg("perbaiki id indikator atau relasi yang disebut", "fix the indicator or relation id named"),
    },
  },
  run(ctx, report) {
    const settings = ctx.config.verifikasi;
    if (!settings) return;
    const file = ctx.file;
    const refs = ctx.config.program.flatMap((p) => p.indikator.map((i) => `${p.id}/${i.id}`));
    const seen = new Set<string>();
    settings.tambahan.forEach((own, index) => {
      const at = (key: string, message: string) =>
        report("verifikasi/pengaturan", { file, path: ["verifikasi", "tambahan", index, key], at: "value", message });
      if (seen.has(own.id)) at("id", t(M.duplicate, { id: own.id }));
      seen.add(own.id);
      const relation = ownRelation(own, index);
      const { problem, instances } = resolveRelation(ctx.config, relation);
      if (problem?.kind === "unknown") {
        const hint = refs.length ? closest(problem.ref, refs) : undefined;
        at(
          problem.side,
          t(M.unknownSide, { id: own.id, ref: problem.ref, hint: hint ? t(M.didYouMean, { hint }) : "" }),
        );
      } else if (problem?.kind === "ambiguous") {
        const programs = problem.programs.join(", ");
        at(
          problem.side,
          t(M.ambiguous, { id: own.id, ref: problem.ref, programs, example: `${problem.programs[0]}/${problem.ref}` }),
        );
      } else if (problem?.kind === "same") at("kanan", t(M.same, { id: own.id, ref: problem.ref }));
      if (relation.operator === "~" && !own.toleransi) at("operator", t(M.noTolerance, { id: own.id }));
      if (own.per_desa === true) {
        for (const instance of instances) {
          const flat = [instance.kiri, instance.kanan].find((s) => !s.def.per_desa);
          if (flat) at("per_desa", t(M.notPerVillage, { id: own.id, ref: `${flat.program}/${flat.indikator}` }));
        }
      }
    });
    const known = DEFAULT_RELATIONS.map((r) => r.id);
    settings.nonaktif.forEach((id, index) => {
      if (known.includes(id)) return;
      const hint = closest(id, known);
      report("verifikasi/pengaturan", {
        file,
        path: ["verifikasi", "nonaktif", index],
        at: "value",
        message: t(M.unknownOff, { id, hint: hint ? t(M.didYouMean, { hint }) : "", known: known.join(", ") }),
      });
    });
  },
});
