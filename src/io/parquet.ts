// `summary --parquet DIR`: the summary's two tables as Parquet files that DuckDB, Spark and BigQuery
// read as they are: figures.parquet (one row per Puskesmas × month × indicator × village) and
// meetings.parquet (one row per Puskesmas × month). Written with hyparquet-writer (pure JavaScript,
// so it bundles into the single executable; loaded only here), Snappy-compressed, every column
// nullable with an explicit type. Existing files are replaced only with --force; both are checked
// before either is written.
import { existsSync } from "node:fs";
import path from "node:path";
import { type FigureTableRow, type MeetingTableRow, type SummaryEntry, summaryColumns } from "../domain/summary.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { writeFileAtomic } from "./write.js";

type ColumnType = "STRING" | "INT32" | "DOUBLE" | "BOOLEAN";

/** Every column of each table with its Parquet type, in order; the types make a missing column a compile error. */
export const FIGURE_COLUMNS: { [K in keyof FigureTableRow]-?: ColumnType } = {
  puskesmas: "STRING",
  kecamatan: "STRING",
  kabupaten_kota: "STRING",
  month: "STRING",
  program: "STRING",
  program_nama: "STRING",
  indicator: "STRING",
  indicator_nama: "STRING",
  periode: "STRING",
  village: "STRING",
  sasaran: "INT32",
  target_tahunan: "DOUBLE",
  target_kumulatif: "DOUBLE",
  bulan_ini: "INT32",
  kumulatif: "INT32",
  capaian_persen: "DOUBLE",
  behind: "BOOLEAN",
};

export const MEETING_COLUMNS: { [K in keyof MeetingTableRow]-?: ColumnType } = {
  puskesmas: "STRING",
  kecamatan: "STRING",
  kabupaten_kota: "STRING",
  month: "STRING",
  held: "BOOLEAN",
  tilik: "STRING",
  tilik_score: "INT32",
  tilik_total: "INT32",
  arsip: "STRING",
  arsip_present: "INT32",
  arsip_total: "INT32",
  errors: "INT32",
  warnings: "INT32",
  open_commitments: "INT32",
  overdue_commitments: "INT32",
  indicators_behind: "INT32",
  indicators: "INT32",
  indicators_not_assessed: "INT32",
};

export const PARQUET_FILES = { figures: "figures.parquet", meetings: "meetings.parquet" } as const;

const M = {
  exists: msg(
    "{file} sudah ada; pakai --force untuk menimpanya atau pilih folder lain",
    "{file} already exists; use --force to replace it or choose another folder",
  ),
};

/** Refuse early (before any package is read) when a table is there already and --force is not given. */
export function checkParquetTarget(dir: string, label: string, force: boolean): void {
  if (force) return;
  for (const name of Object.values(PARQUET_FILES))
    if (existsSync(path.join(dir, name))) throw new UserError(t(M.exists, { file: path.join(label, name) }));
}

export async function writeSummaryParquet(
  dir: string,
  label: string,
  entries: readonly SummaryEntry[],
  force: boolean,
): Promise<{ files: string[]; figures: number; meetings: number }> {
  checkParquetTarget(dir, label, force);
  const { parquetWriteBuffer } = await import("hyparquet-writer");
  const columns = summaryColumns(entries);
  const files: string[] = [];
  const rows = { figures: columns.figures.puskesmas.length, meetings: columns.meetings.puskesmas.length };
  for (const [key, types] of [
    ["figures", FIGURE_COLUMNS],
    ["meetings", MEETING_COLUMNS],
  ] as const) {
    const data = columns[key] as Record<string, unknown[]>;
    const bytes = parquetWriteBuffer({
      columnData: Object.entries(types).map(([name, type]) => ({
        name,
        type,
        nullable: true,
        data: data[name] ?? [],
        // min/max statistics let engines skip pages by number; for text columns they cost more than they save here
        statistics: type !== "STRING",
      })),
      createdBy: "lokmin",
    });
    const file = path.join(dir, PARQUET_FILES[key]);
    writeFileAtomic(file, new Uint8Array(bytes), {
      overwrite: force,
      force,
      label: path.join(label, PARQUET_FILES[key]),
    });
    files.push(file);
  }
  return { files, ...rows };
}
