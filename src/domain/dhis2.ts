// The figures as DHIS2 takes them: a `dataValueSet` (JSON) and DHIS2's CSV of data values, built
// from the program files with the mapping in lokmin.yaml's `dhis2` section (org-unit, data-element,
// village and option-combo *codes*, so the Dinas imports with idScheme=code and tries it first with
// dryRun=true). The shapes follow DHIS2's Web API documentation, "Data values → Sending data
// values" (JSON: dataValues[] of dataElement, period, orgUnit, categoryOptionCombo,
// attributeOptionCombo, value; CSV: dataelement, period, orgunit, categoryoptioncombo,
// attributeoptioncombo, value, header row first); a monthly period is written YYYYMM. The mapping
// is checked in one place (`mappingProblems`): the rules dhis2/* of `lokmin check` and the export
// both use it, so an indicator without a code is never a silent gap. Pure.
import { distance } from "fastest-levenshtein";
import { msg, t } from "../i18n/index.js";
import type { PathSegment } from "./findings.js";
import type { Dhis2Mapping, IndicatorReport, ProgramReport, Workspace } from "./schema.js";
import { reportPeriod } from "./targets.js";

export interface DataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  /** Absent: DHIS2's default category option combo. */
  categoryOptionCombo?: string;
  /** Absent: DHIS2's default attribute option combo. */
  attributeOptionCombo?: string;
  value: string;
}

export interface DataValueSet {
  dataSet?: string;
  dataValues: DataValue[];
}

/** DHIS2's CSV columns for data values, in DHIS2's order (later optional columns are left out). */
export const DHIS2_CSV_COLUMNS = [
  "dataelement",
  "period",
  "orgunit",
  "categoryoptioncombo",
  "attributeoptioncombo",
  "value",
] as const;

export type Dhis2Rule = "dhis2/tanpa-kode" | "dhis2/indikator-tidak-dikenal" | "dhis2/kode-ganda" | "dhis2/desa";

export interface MappingProblem {
  rule: Dhis2Rule;
  /** Where in lokmin.yaml. */
  path: PathSegment[];
  message: string;
}

const M = {
  noCode: msg(
    "indikator {ref} ({nama}) belum punya kode elemen data DHIS2; tambahkan ke dhis2.elemen_data " +
      "({ indikator: {ref}, bulan_ini: KODE }) atau, bila Dinas memang tidak memintanya, ke dhis2.tidak_dikirim",
    "indicator {ref} ({nama}) has no DHIS2 data element code; add it to dhis2.elemen_data " +
      "({ indikator: {ref}, bulan_ini: CODE }) or, when the Dinas does not ask for it, to dhis2.tidak_dikirim",
  ),
  emptyEntry: msg(
    "{ref} di dhis2.elemen_data tidak menyebut kode; isi bulan_ini, kumulatif, atau keduanya",
    "{ref} in dhis2.elemen_data names no code; fill bulan_ini, kumulatif, or both",
  ),
  unknown: msg(
    "dhis2 menyebut indikator {ref} yang tidak ada di program lokmin.yaml{hint}; perbaiki atau hapus barisnya",
    "dhis2 names indicator {ref}, which is not in lokmin.yaml's program list{hint}; fix or remove the row",
  ),
  hint: msg(" (maksud Anda {ref}?)", " (did you mean {ref}?)"),
  twiceMapped: msg(
    "indikator {ref} disebut lebih dari sekali di dhis2 (elemen_data atau tidak_dikirim); sisakan satu",
    "indicator {ref} is named more than once in dhis2 (elemen_data or tidak_dikirim); keep one",
  ),
  duplicateElement: msg(
    "kode elemen data {code} sudah dipakai untuk {other}; setiap angka perlu kode elemen datanya sendiri",
    "data element code {code} is already used for {other}; each figure needs its own data element code",
  ),
  duplicateVillage: msg(
    "kode desa {code} sudah dipakai untuk {other}; setiap desa perlu kodenya sendiri",
    "village code {code} is already used for {other}; each village needs its own code",
  ),
  villageIsPuskesmas: msg(
    "kode desa {code} sama dengan dhis2.unit_organisasi (Puskesmas); desa adalah unit organisasi tersendiri",
    "village code {code} equals dhis2.unit_organisasi (the Puskesmas); a village is an org unit of its own",
  ),
  unknownVillage: msg(
    "dhis2.desa menyebut '{desa}' yang tidak ada di daftar desa lokmin.yaml{hint}",
    "dhis2.desa names '{desa}', which is not in lokmin.yaml's village list{hint}",
  ),
  villageHint: msg(" (maksud Anda '{desa}'?)", " (did you mean '{desa}'?)"),
  villageTwice: msg("desa '{desa}' disebut dua kali di dhis2.desa", "village '{desa}' is named twice in dhis2.desa"),
  villageNoCode: msg(
    "desa '{desa}' belum punya kode di dhis2.desa, padahal {ref} dilaporkan per desa; tambahkan { desa: {desa}, " +
      "kode: KODE }",
    "village '{desa}' has no code in dhis2.desa, yet {ref} is reported per village; add { desa: {desa}, code: CODE }",
  ),
  // Notes on values not sent (the export's result lists them).
  notFilled: msg("{ref} {month}: {field} belum diisi; tidak dikirim", "{ref} {month}: {field} not filled; not sent"),
  notConfigured: msg(
    "{ref} {month}: indikator tidak ada di lokmin.yaml; tidak dikirim",
    "{ref} {month}: the indicator is not in lokmin.yaml; not sent",
  ),
  villagesDiffer: msg(
    "{ref} {month}: angka per desa ({villages}) tidak sama dengan jumlah Puskesmas ({total}); DHIS2 menjumlahkan desa",
    "{ref} {month}: the village figures ({villages}) differ from the Puskesmas total ({total}); DHIS2 adds up the " +
      "villages",
  ),
  villageNotSent: msg(
    "{ref} {month}: desa '{desa}' tidak punya kode di dhis2.desa; angkanya tidak dikirim",
    "{ref} {month}: village '{desa}' has no code in dhis2.desa; its figures are not sent",
  ),
};

export const indicatorRef = (program: string, indicator: string) => `${program}/${indicator}`;
/** DHIS2's monthly period: 2024-05 → 202405. */
export const dhis2Period = (month: string) => month.replace("-", "");

const fold = (text: string) => text.normalize("NFKD").replace(/\s+/g, " ").trim().toLowerCase();

/** The nearest of `options` by edit distance (at most 3 edits), for a "did you mean". */
function nearest(wanted: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const option of options) {
    const d = distance(wanted, option);
    if (d < bestDistance) [best, bestDistance] = [option, d];
  }
  return best;
}

/** Every problem of lokmin.yaml's `dhis2` section, with where it is; none when there is no section. */
export function mappingProblems(config: Workspace): MappingProblem[] {
  const mapping = config.dhis2;
  if (!mapping) return [];
  const problems: MappingProblem[] = [];
  const known = new Map<string, { nama: string; perDesa: boolean; path: PathSegment[] }>();
  config.program.forEach((p, pi) =>
    p.indikator.forEach((i, ii) =>
      known.set(indicatorRef(p.id, i.id), {
        nama: i.nama,
        perDesa: Boolean(i.per_desa),
        path: ["program", pi, "indikator", ii, "id"],
      }),
    ),
  );
  const refs = [...known.keys()];
  const named = new Set<string>();
  const elements = new Map<string, string>();
  const nameRef = (ref: string, path: PathSegment[]) => {
    if (!known.has(ref)) {
      const near = nearest(ref, refs);
      const hint = near ? t(M.hint, { ref: near }) : "";
      problems.push({ rule: "dhis2/indikator-tidak-dikenal", path, message: t(M.unknown, { ref, hint }) });
    } else if (named.has(ref)) {
      problems.push({ rule: "dhis2/kode-ganda", path, message: t(M.twiceMapped, { ref }) });
    }
    named.add(ref);
  };
  mapping.elemen_data.forEach((entry, i) => {
    const path = ["dhis2", "elemen_data", i];
    nameRef(entry.indikator, [...path, "indikator"]);
    if (!entry.bulan_ini && !entry.kumulatif)
      problems.push({
        rule: "dhis2/tanpa-kode",
        path: [...path, "indikator"],
        message: t(M.emptyEntry, { ref: entry.indikator }),
      });
    for (const field of ["bulan_ini", "kumulatif"] as const) {
      const code = entry[field];
      if (!code) continue;
      const label = `${entry.indikator} ${field}`;
      const other = elements.get(code);
      if (other)
        problems.push({
          rule: "dhis2/kode-ganda",
          path: [...path, field],
          message: t(M.duplicateElement, { code, other }),
        });
      else elements.set(code, label);
    }
  });
  mapping.tidak_dikirim.forEach((ref, i) => nameRef(ref, ["dhis2", "tidak_dikirim", i]));
  for (const [ref, indicator] of known)
    if (!named.has(ref))
      problems.push({
        rule: "dhis2/tanpa-kode",
        path: indicator.path,
        message: t(M.noCode, { ref, nama: indicator.nama }),
      });
  problems.push(...villageProblems(config, mapping, known));
  return problems;
}

function villageProblems(
  config: Workspace,
  mapping: Dhis2Mapping,
  known: ReadonlyMap<string, { perDesa: boolean }>,
): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const villages = config.desa;
  const codes = new Map<string, string>();
  const seen = new Set<string>();
  mapping.desa.forEach((entry, i) => {
    const path = ["dhis2", "desa", i];
    const match = villages.find((v) => fold(v) === fold(entry.desa));
    if (!match) {
      const near = nearest(fold(entry.desa), villages.map(fold));
      const hint = near ? t(M.villageHint, { desa: villages[villages.map(fold).indexOf(near)] }) : "";
      problems.push({
        rule: "dhis2/desa",
        path: [...path, "desa"],
        message: t(M.unknownVillage, { desa: entry.desa, hint }),
      });
    } else if (seen.has(match)) {
      problems.push({ rule: "dhis2/desa", path: [...path, "desa"], message: t(M.villageTwice, { desa: match }) });
    }
    if (match) seen.add(match);
    const other = codes.get(entry.kode);
    if (other)
      problems.push({
        rule: "dhis2/kode-ganda",
        path: [...path, "kode"],
        message: t(M.duplicateVillage, { code: entry.kode, other }),
      });
    else codes.set(entry.kode, entry.desa);
    if (mapping.desa_sebagai === "unit_organisasi" && entry.kode === mapping.unit_organisasi)
      problems.push({
        rule: "dhis2/kode-ganda",
        path: [...path, "kode"],
        message: t(M.villageIsPuskesmas, { code: entry.kode }),
      });
  });
  // Villages are sent one by one only when the section lists them: then every village needs a code.
  const perVillage = [...known].find(([ref, i]) => i.perDesa && !mapping.tidak_dikirim.includes(ref));
  if (mapping.desa.length > 0 && perVillage)
    for (const village of villages)
      if (!seen.has(village))
        problems.push({
          rule: "dhis2/desa",
          path: ["dhis2", "desa"],
          message: t(M.villageNoCode, { desa: village, ref: perVillage[0] }),
        });
  return problems;
}

export interface Dhis2Month {
  id: string;
  programs: readonly ProgramReport[];
}

/**
 * The data values of the months given: per mapped indicator its month's count and/or its cumulative
 * figure, as the mapping says; per village (as org units or category option combos) when the section
 * lists villages and the program file reports them, else the Puskesmas total. Figures not filled in
 * are not sent and named in `notes`. Call only when `mappingProblems` found nothing.
 */
export function dataValueSet(
  config: Workspace,
  months: readonly Dhis2Month[],
  /** Which periods to send (the months the figures cover); all when absent. */
  wanted?: (period: string) => boolean,
): { set: DataValueSet; notes: string[] } {
  const mapping = config.dhis2;
  if (!mapping) return { set: { dataValues: [] }, notes: [] };
  const notes: string[] = [];
  const dataValues: DataValue[] = [];
  const codeOf = new Map(mapping.elemen_data.map((e) => [e.indikator, e]));
  const villageCode = new Map(mapping.desa.map((d) => [fold(d.desa), d.kode]));
  const skip = new Set(mapping.tidak_dikirim);
  const configured = new Set(config.program.flatMap((p) => p.indikator.map((i) => indicatorRef(p.id, i.id))));
  for (const month of months) {
    for (const report of month.programs) {
      // The month the figures cover: under periode_data: bulan-lalu the Lokmin of May sends April's.
      const covered = reportPeriod(config, month.id, report);
      if (wanted && !wanted(covered)) continue;
      const period = dhis2Period(covered);
      for (const indicator of report.indikator) {
        const ref = indicatorRef(report.program, indicator.id);
        if (skip.has(ref)) continue;
        const entry = codeOf.get(ref);
        if (!configured.has(ref) || !entry) {
          notes.push(t(M.notConfigured, { ref, month: month.id }));
          continue;
        }
        const push = (
          orgUnit: string,
          coc: string | undefined,
          field: "bulan_ini" | "kumulatif",
          value: number | null,
        ) => {
          const dataElement = entry[field];
          if (!dataElement) return;
          if (value === null) {
            notes.push(t(M.notFilled, { ref, month: month.id, field }));
            return;
          }
          dataValues.push({
            dataElement,
            period,
            orgUnit,
            ...(coc ? { categoryOptionCombo: coc } : {}),
            ...(mapping.kombinasi_atribut ? { attributeOptionCombo: mapping.kombinasi_atribut } : {}),
            value: String(value),
          });
        };
        const villages = mapping.desa.length > 0 ? (indicator.per_desa ?? []) : [];
        if (villages.length === 0) {
          push(mapping.unit_organisasi, undefined, "bulan_ini", indicator.bulan_ini);
          push(mapping.unit_organisasi, undefined, "kumulatif", indicator.kumulatif);
          continue;
        }
        differs(indicator, ref, month.id, notes);
        for (const village of villages) {
          const code = villageCode.get(fold(village.desa));
          if (!code) {
            notes.push(t(M.villageNotSent, { ref, month: month.id, desa: village.desa }));
            continue;
          }
          const [orgUnit, coc] =
            mapping.desa_sebagai === "unit_organisasi" ? [code, undefined] : [mapping.unit_organisasi, code];
          push(orgUnit, coc, "bulan_ini", village.bulan_ini);
          push(orgUnit, coc, "kumulatif", village.kumulatif);
        }
      }
    }
  }
  return { set: { ...(mapping.set_data ? { dataSet: mapping.set_data } : {}), dataValues }, notes };
}

/** A note when the villages do not add up to the total the Puskesmas reports (DHIS2 will add up the villages). */
function differs(indicator: IndicatorReport, ref: string, month: string, notes: string[]) {
  for (const field of ["bulan_ini", "kumulatif"] as const) {
    const total = indicator[field];
    const rows = indicator.per_desa ?? [];
    if (total === null || rows.some((v) => v[field] === null)) continue;
    const sum = rows.reduce((n, v) => n + (v[field] ?? 0), 0);
    if (sum !== total) notes.push(t(M.villagesDiffer, { ref, month, villages: sum, total }));
  }
}

const csvCell = (value: string | undefined) =>
  value === undefined ? "" : /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/** DHIS2's CSV of data values: a header row, then one row per value (empty option combos: DHIS2's default). */
export function dhis2Csv(set: DataValueSet): string {
  const rows = set.dataValues.map((v) =>
    [v.dataElement, v.period, v.orgUnit, v.categoryOptionCombo, v.attributeOptionCombo, v.value].map(csvCell).join(","),
  );
  return `${[DHIS2_CSV_COLUMNS.join(","), ...rows].join("\r\n")}\r\n`;
}

export const dhis2Json = (set: DataValueSet) => `${JSON.stringify(set, null, 2)}\n`;

/** The package's DHIS2 files for a month (`dhis2/datavalueset-BULAN.json` and `.csv`), when the mapping is sound. */
export function dhis2PackageFiles(
  config: Workspace,
  month: Dhis2Month,
): { files: Map<string, string>; problems: MappingProblem[] } {
  const files = new Map<string, string>();
  if (!config.dhis2) return { files, problems: [] };
  const problems = mappingProblems(config);
  if (problems.length) return { files, problems };
  const { set } = dataValueSet(config, [month]);
  files.set(`dhis2/datavalueset-${month.id}.json`, dhis2Json(set));
  files.set(`dhis2/datavalueset-${month.id}.csv`, dhis2Csv(set));
  return { files, problems };
}
