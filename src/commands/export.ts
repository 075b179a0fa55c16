// `lokmin export --format csv|json|dhis2|dhis2-csv`: every indicator, problem and commitment across
// months, one row per fact (csv, json), or the figures as a DHIS2 data value set (dhis2: JSON,
// dhis2-csv: DHIS2's CSV) with the codes of lokmin.yaml's `dhis2` section; to stdout or --out FILE
// (written atomically; CSV with a BOM for Excel, DHIS2's CSV without). `--bulan`/`--tahun` select
// months. Cells that Excel would run as formulas are neutralised (OWASP CSV injection).
import { reportPeriod } from "../domain/targets.js";
import path from "node:path";
import type { Context } from "../cli/context.js";
import { failOnInputErrors, openWorkspace, requireMonth } from "../cli/shared.js";
import { dataValueSet, dhis2Csv, dhis2Json, mappingProblems } from "../domain/dhis2.js";
import { exportColumns, exportRows, toCsv } from "../domain/export.js";
import { WORKSPACE_FILE } from "../domain/workspace-data.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { writeFileAtomic } from "../io/write.js";

const M = {
  badSep: msg(
    "--sep harus satu karakter selain tanda kutip, baris baru, angka atau huruf, mis. ';'",
    "--sep must be one character other than a quote, a line break, a digit or a letter, e.g. ';'",
  ),
  wrote: msg("{count} baris ditulis ke {file}", "{count} rows written to {file}"),
  wroteValues: msg("{count} nilai DHIS2 ditulis ke {file}", "{count} DHIS2 values written to {file}"),
  badYear: msg("'{value}' bukan tahun; tulis 4 angka, mis. 2024", "'{value}' is not a year; write 4 digits, e.g. 2024"),
  both: msg("pakai --bulan atau --tahun, tidak keduanya", "use --bulan or --tahun, not both"),
  noMonths: msg("tidak ada bulan {period} di workspace ini", "no month {period} in this workspace"),
  noMapping: msg(
    "lokmin.yaml belum punya bagian dhis2 (kode unit organisasi Puskesmas dan kode elemen data setiap indikator " +
      "dari Dinas); tambahkan dulu, lihat README bagian DHIS2",
    "lokmin.yaml has no dhis2 section (the Puskesmas' org-unit code and each indicator's data element code from the " +
      "Dinas); add it first, see the README's DHIS2 section",
  ),
  badMapping: msg(
    "bagian dhis2 di lokmin.yaml belum lengkap atau salah; perbaiki yang disebut di atas lalu ulangi",
    "the dhis2 section of lokmin.yaml is incomplete or wrong; fix what is named above and try again",
  ),
};

type Format = "csv" | "json" | "dhis2" | "dhis2-csv";

interface ExportOptions {
  format: Format;
  out?: string;
  sep: string;
  force?: boolean;
  bulan?: string;
  tahun?: string;
}

/** Which months the options select (all when neither is given). */
function monthFilter(options: ExportOptions): ((month: string) => boolean) | undefined {
  if (options.bulan !== undefined && options.tahun !== undefined) throw new UserError(t(M.both));
  if (options.bulan !== undefined) {
    const month = requireMonth(options.bulan);
    return (m) => m === month;
  }
  if (options.tahun !== undefined) {
    if (!/^\d{4}$/.test(options.tahun)) throw new UserError(t(M.badYear, { value: options.tahun }));
    return (m) => m.startsWith(`${options.tahun}-`);
  }
  return undefined;
}

export async function run(ctx: Context, options: ExportOptions): Promise<number> {
  const format = options.format;
  if (!/^[^"\r\n\p{L}\p{N}]$/u.test(options.sep)) throw new UserError(t(M.badSep));
  const wanted = monthFilter(options);
  const workspace = openWorkspace(ctx);
  const dhis2 = format === "dhis2" || format === "dhis2-csv";
  // DHIS2 takes figures by the month they cover, which is the folder before under periode_data: bulan-lalu.
  const covering = (m: (typeof workspace.months)[number]) =>
    m.programs.some((p) => wanted?.(reportPeriod(workspace.config.data, m.id, p.data)));
  const selected = workspace.months.filter((m) => !wanted || (dhis2 ? covering(m) || wanted(m.id) : wanted(m.id)));
  if (wanted && selected.length === 0)
    throw new UserError(t(M.noMonths, { period: options.bulan ?? options.tahun ?? "" }));
  const folders = new Set(selected.map((m) => m.id));
  const inSelection = (file: string) => file === WORKSPACE_FILE || !wanted || folders.has(file.slice(0, 7));
  failOnInputErrors(workspace, inSelection);
  const config = workspace.config.data;
  if (format === "dhis2" || format === "dhis2-csv") {
    if (!config.dhis2) throw new UserError(t(M.noMapping));
    const problems = mappingProblems(config);
    if (problems.length) {
      const findings = problems.map((p) => ({
        ...p,
        severity: "error" as const,
        file: WORKSPACE_FILE,
        at: "value" as const,
      }));
      throw new UserError(t(M.badMapping), findings, workspace.root);
    }
    const { set, notes } = dataValueSet(
      config,
      selected.map((m) => ({ id: m.id, programs: m.programs.map((p) => p.data) })),
      wanted,
    );
    const text = format === "dhis2" ? dhis2Json(set) : dhis2Csv(set);
    for (const note of notes) ctx.ui.err(`lokmin: ${note}`);
    if (!options.out) {
      if (ctx.ui.json) ctx.ui.printJson({ dataValueSet: set, notes });
      else ctx.ui.write(text);
      return 0;
    }
    const file = write(ctx, options, text);
    if (ctx.ui.json) ctx.ui.printJson({ file, format, values: set.dataValues.length, notes });
    else ctx.ui.err(t(M.wroteValues, { count: set.dataValues.length, file }));
    return 0;
  }
  const months = selected.map((m) => ({
    id: m.id,
    meeting: m.meeting?.data,
    quarterly: m.quarterly?.data,
    programs: m.programs.map((p) => p.data),
  }));
  const rows = exportRows(config, months).filter((row) => !wanted || wanted(String(row.bulan ?? "")));
  const decimalComma = options.sep === ";";
  const columns = exportColumns(config);
  if (!options.out) {
    if (ctx.ui.json) ctx.ui.printJson({ rows });
    else
      ctx.ui.write(
        format === "csv" ? toCsv(rows, options.sep, decimalComma, columns) : `${JSON.stringify(rows, null, 2)}\n`,
      );
    return 0;
  }
  const text =
    format === "csv"
      ? `\uFEFF${toCsv(rows, options.sep, decimalComma, columns)}`
      : `${JSON.stringify(rows, null, 2)}\n`;
  const file = write(ctx, options, text);
  if (ctx.ui.json) ctx.ui.printJson({ file, format, rows: rows.length });
  else ctx.ui.err(t(M.wrote, { count: rows.length, file }));
  return 0;
}

function write(ctx: Context, options: ExportOptions, text: string): string {
  const file = path.resolve(ctx.cwd, options.out!);
  writeFileAtomic(file, text, { overwrite: Boolean(options.force), label: options.out, force: Boolean(options.force) });
  return file;
}
