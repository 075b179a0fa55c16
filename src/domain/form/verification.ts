// The coordinator sees the cross-program verification first (issue 30): below a program's coverage,
// a read-only block lists each relation in force that involves one of its indicators, with the
// figures known so far and a result that Excel recomputes while the coordinator types — so "80 for
// 60" is fixed before the workbook is sent. This program's figures are formulas pointing at its own
// Bulan ini / Kumulatif cells; another program's are the values lokmin has for it now, marked as
// reference cells (never read back, never compared when deciding whether a form was filled in).
import { msg, t } from "../../i18n/index.js";
import type { ProgramReport } from "../schema.js";
import {
  allowedGap,
  holds,
  type Measure,
  type RelationInstance,
  relationsInForce,
  SIGN,
  type Side,
} from "../verification.js";
import { cell, type SheetBuilder } from "./layout.js";
import type { ProgramFormInput } from "./program.js";
import { address, type CellSpec } from "./workbook.js";

const M = {
  title: msg(
    "Verifikasi antarprogram (hanya dibaca): relasi yang melibatkan indikator {program}",
    "Cross-program verification (read only): relations involving the indicators of {program}",
  ),
  note: msg(
    "Hasil dihitung ulang saat Anda mengetik. 'periksa' berarti angka ini tidak cocok dengan indikator yang " +
      "berkaitan: cocokkan dengan buku register sebelum mengirim isian; bila angkanya benar, jelaskan di Lokmin. " +
      "Angka program lain: yang sudah tercatat saat isian dibuat.",
    "The result is recomputed as you type. 'periksa' means this figure does not match the related indicator: " +
      "check it against the register before sending the form; if the figure is right, explain it at the Lokmin. " +
      "Other programs' figures: as recorded when the form was made.",
  ),
  measure: { bulan_ini: msg("Bulan ini", "This month"), kumulatif: msg("Kumulatif", "Cumulative") },
  ok: msg("sesuai", "sesuai"),
  check: msg("periksa", "periksa"),
  /** The same in both languages: the text is part of a formula, which must not change with --lang. */
  waiting: msg("–", "–"),
};

export const RESULT = { ok: M.ok, check: M.check };

/** Where this program's own figures sit on its coverage sheet: indicator → its row and its villages' rows. */
export type OwnRows = ReadonlyMap<string, { row: number; villages: ReadonlyMap<string, number> }>;

interface Columns {
  /** Coverage columns the figures are read from. */
  bulan: number;
  kum: number;
  /** Block columns: what, where, the two figures, the result, the reason (12 columns in all). */
  no: number;
  id: number;
  relasi: number;
  desa: number;
  angka: number;
  kiri: number;
  kanan: number;
  toleransi: number;
  hasil: number;
  alasan: number;
}

const label = (side: Side) => `${side.def.satuan?.trim() || side.def.nama} (${side.program}/${side.indikator})`;

/** The relations in force that involve one of this program's indicators. */
export const relationsOf = (input: Pick<ProgramFormInput, "config" | "report">): RelationInstance[] =>
  relationsInForce(input.config).filter(
    (i) => i.kiri.program === input.report.program || i.kanan.program === input.report.program,
  );

/** The tolerance as an Excel expression over the two figure cells: MAX(jumlah, persen % of the larger). */
function toleranceFormula(instance: RelationInstance, a: string, b: string): string {
  const t0 = instance.relation.toleransi;
  const parts = [
    ...(t0?.jumlah ? [String(t0.jumlah)] : []),
    ...(t0?.persen ? [`${t0.persen / 100}*MAX(${a},${b})`] : []),
  ];
  return parts.length === 0 ? "0" : parts.length === 1 ? parts[0] : `MAX(${parts.join(",")})`;
}

function conditionFormula(instance: RelationInstance, a: string, b: string): string {
  const tol = toleranceFormula(instance, a, b);
  switch (instance.relation.operator) {
    case "<=":
      return `${a}<=${b}+${tol}`;
    case ">=":
      return `${a}+${tol}>=${b}`;
    default:
      return `ABS(${a}-${b})<=${tol}`;
  }
}

/**
 * Write the block (nothing when no relation involves the program). `others` are the month's program
 * reports, for the figures of the other side.
 */
export function writeRelationBlock(
  b: SheetBuilder,
  input: ProgramFormInput,
  own: OwnRows,
  columns: Columns,
  programName: string,
): void {
  const instances = relationsOf(input);
  if (instances.length === 0) return;
  const reports = new Map<string, ProgramReport>((input.others ?? []).map((p) => [p.program, p]));
  reports.set(input.report.program, input.report);
  b.section(t(M.title, { program: programName }), t(M.note));
  const header: Array<CellSpec | undefined> = [];
  const put = (row: Array<CellSpec | undefined>, column: number, spec: CellSpec) => (row[column - 1] = spec);
  put(header, columns.no, cell("header", "No"));
  put(header, columns.id, cell("header", "Relasi"));
  put(header, columns.relasi, cell("header", "Indikator"));
  put(header, columns.desa, cell("header", "Desa"));
  put(header, columns.angka, cell("header", "Angka"));
  put(header, columns.kiri, cell("header", "Kiri"));
  put(header, columns.kanan, cell("header", "Kanan"));
  put(header, columns.toleransi, cell("header", "Toleransi"));
  put(header, columns.hasil, cell("header", "Hasil"));
  put(header, columns.alasan, cell("header", "Alasan"));
  b.row("lokmin:verifikasi", header.slice(1));
  let no = 0;
  const rowFor = (instance: RelationInstance, measure: Measure, desa?: string) => {
    const r = b.next;
    const figure = (side: Side): { spec: CellSpec; value: number | null } => {
      const indicator = reports.get(side.program)?.indikator.find((i) => i.id === side.indikator);
      const value =
        (desa === undefined ? indicator?.[measure] : indicator?.per_desa?.find((v) => v.desa === desa)?.[measure]) ??
        null;
      if (side.program === input.report.program) {
        const at = own.get(side.indikator);
        const source = desa === undefined ? at?.row : at?.villages.get(desa);
        if (source !== undefined) {
          const ref = address(source, measure === "bulan_ini" ? columns.bulan : columns.kum);
          // IF(x="","",x): an empty Bulan ini stays empty here, not 0.
          return {
            spec: cell("computed", value ?? "", { formula: `IF(${ref}="","",${ref})`, format: "count" }),
            value,
          };
        }
      }
      return { spec: cell("locked", value, { format: "count", reference: true }), value };
    };
    const left = figure(instance.kiri);
    const right = figure(instance.kanan);
    const a = address(r, columns.kiri);
    const c = address(r, columns.kanan);
    const sign = SIGN[instance.relation.operator];
    const known = left.value !== null && right.value !== null;
    const allowed = known ? allowedGap(instance.relation.toleransi, left.value!, right.value!) : 0;
    const ok = known && holds(instance.relation.operator, left.value!, right.value!, allowed);
    const result = t(ok ? M.ok : M.check);
    const row: Array<CellSpec | undefined> = [];
    put(row, columns.no, cell("locked", ++no));
    put(row, columns.id, cell("locked", instance.relation.id));
    put(row, columns.relasi, cell("locked", `${label(instance.kiri)} ${sign} ${label(instance.kanan)}`));
    put(row, columns.desa, cell("locked", desa ?? ""));
    put(row, columns.angka, cell("locked", t(M.measure[measure])));
    put(row, columns.kiri, left.spec);
    put(row, columns.kanan, right.spec);
    put(
      row,
      columns.toleransi,
      cell("computed", known ? allowed : "", {
        formula: `IF(OR(${a}="",${c}=""),"",${toleranceFormula(instance, a, c)})`,
        format: "decimal",
      }),
    );
    put(
      row,
      columns.hasil,
      cell("computed", known ? result : t(M.waiting), {
        formula:
          `IF(OR(${a}="",${c}=""),"${t(M.waiting)}",` +
          `IF(${conditionFormula(instance, a, c)},"${t(M.ok)}","${t(M.check)}"))`,
      }),
    );
    put(row, columns.alasan, cell("locked", t(instance.relation.alasan)));
    b.row("lokmin:verifikasi", row.slice(1));
  };
  for (const instance of instances) {
    for (const measure of instance.relation.lingkup) rowFor(instance, measure);
    const perVillage =
      instance.relation.perDesa && instance.kiri.def.per_desa === true && instance.kanan.def.per_desa === true;
    if (!perVillage) continue;
    const mine = instance.kiri.program === input.report.program ? instance.kiri : instance.kanan;
    const villages = [...(own.get(mine.indikator)?.villages.keys() ?? [])];
    for (const desa of villages) for (const measure of instance.relation.lingkup) rowFor(instance, measure, desa);
  }
}
