// `lokmin pkp 2024`: the year so far as the Dinas' PKP judges it: per indicator capaian and capped
// score, per program or klaster the average, and the management items (monthly and quarterly Lokmin
// held). `--json` prints exactly the PKP object; `--xlsx FILE` writes the table as a workbook.
import path from "node:path";
import type { Context } from "../cli/context.js";
import { failOnInputErrors, openWorkspace } from "../cli/shared.js";
import { number } from "../domain/format-id.js";
import { monthName } from "../domain/format-date.js";
import { capaianRounded, pkpJson, pkpYear, roundOnce, skorRounded } from "../domain/pkp.js";
import { termsOf } from "../domain/vocabulary.js";
import { WORKSPACE_FILE } from "../domain/workspace-data.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { pkpWorkbookSpec } from "../domain/pkp-workbook.js";
import { writeFileAtomic } from "../io/write.js";

const M = {
  badYear: msg(
    "'{value}' bukan tahun; tulis empat angka, mis. 2024",
    "'{value}' is not a year; write four digits, e.g. 2024",
  ),
  title: msg("PKP {year} — {name} (data sampai {month})", "PKP {year} — {name} (data up to {month})"),
  noData: msg("belum ada bulan tahun ini", "no month of this year yet"),
  average: msg("rata-rata skor", "average score"),
  header: msg(
    "  indikator                                         sasaran  dilayani  capaian    skor",
    "  indicator                                          target    served coverage   score",
  ),
  management: msg("Manajemen", "Management"),
  monthly: msg("Lokmin bulanan dilaksanakan", "monthly Lokmin held"),
  quarterly: msg("Lokmin tribulanan lintas sektor dilaksanakan", "quarterly cross-sector Lokmin held"),
  score: msg("skor", "score"),
  wrote: msg("Tabel PKP ditulis ke {file}", "PKP table written to {file}"),
};

const pad = (text: string, width: number) =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);

export async function run(ctx: Context, yearArg: string, options: { xlsx?: string; force?: boolean }): Promise<number> {
  if (!/^\d{4}$/.test(yearArg)) throw new UserError(t(M.badYear, { value: yearArg }));
  const year = Number(yearArg);
  const workspace = openWorkspace(ctx, (id) => (id.startsWith(`${yearArg}-`) ? "full" : "skip"));
  failOnInputErrors(workspace, (file) => file === WORKSPACE_FILE || file.startsWith(`${yearArg}-`));
  const config = workspace.config.data;
  const result = pkpYear(
    config,
    year,
    workspace.months.map((m) => ({
      id: m.id,
      meeting: m.meeting?.data,
      quarterly: m.quarterly?.data,
      programs: m.programs.map((p) => p.data),
    })),
  );
  const terms = termsOf(config);
  if (options.xlsx) {
    const { writeXlsx } = await import("../io/xlsx.js");
    const file = path.resolve(ctx.cwd, options.xlsx);
    const data = await writeXlsx(pkpWorkbookSpec({ result, config, terms, today: ctx.today }));
    writeFileAtomic(file, data, {
      overwrite: Boolean(options.force),
      label: options.xlsx,
      force: Boolean(options.force),
    });
    if (!ctx.ui.json) ctx.ui.err(t(M.wrote, { file: options.xlsx }));
  }
  if (ctx.ui.json) {
    ctx.ui.printJson(pkpJson(result));
    return 0;
  }
  const c = ctx.ui.color;
  const month = result.sampai ? monthName(result.sampai) : t(M.noData);
  ctx.ui.out(c.bold(t(M.title, { year, name: config.puskesmas.nama, month })));
  for (const program of result.program) {
    ctx.ui.out();
    const average = number(roundOnce(program.skor, 1), 1, 1);
    ctx.ui.out(c.bold(`${terms.Unit}: ${program.nama} — ${t(M.average)} ${average}`));
    ctx.ui.out(c.dim(t(M.header)));
    for (const i of result.indikator.filter((x) => x.program === program.program)) {
      const capaian = capaianRounded(i, 1);
      ctx.ui.out(
        `  ${pad(i.indikator_nama, 48)} ${number(i.sasaran, 0).padStart(8)} ${number(i.kumulatif, 0).padStart(9)} ` +
          `${(capaian === null ? "–" : `${number(capaian, 1, 1)}%`).padStart(8)} ` +
          `${number(skorRounded(i, 1), 1, 1).padStart(7)}`,
      );
    }
  }
  ctx.ui.out();
  ctx.ui.out(c.bold(t(M.management)));
  const { lokmin_bulanan: monthly, lokmin_tribulanan: quarterly } = result.manajemen;
  ctx.ui.out(`  ${pad(t(M.monthly), 46)} ${String(monthly.jumlah).padStart(3)}   ${t(M.score)} ${monthly.skor}`);
  ctx.ui.out(`  ${pad(t(M.quarterly), 46)} ${String(quarterly.jumlah).padStart(3)}   ${t(M.score)} ${quarterly.skor}`);
  return 0;
}
