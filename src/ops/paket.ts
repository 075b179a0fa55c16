// The paket operation: one zip to send the Dinas by email or WhatsApp: the month's YAML (and
// lokmin.yaml), the documents in BULAN/dokumen/, the `check` result as JSON, and a manifest with
// each file's SHA-256. The same data on the same day makes the same bytes, so running it twice
// changes nothing; a different package already there is replaced only with `force`.
import path from "node:path";
import packageJson from "../../package.json" with { type: "json" };
import { checkWorkspace } from "../domain/check/check.js";
import { commitmentHistories } from "../domain/commitments.js";
import { countBySeverity } from "../domain/findings.js";
import { dhis2PackageFiles } from "../domain/dhis2.js";
import { openCommitments, PACKAGE_FORMAT, packagedFigures, PACKAGE_VERSION, packageName } from "../domain/paket.js";
import { lokminHeld } from "../domain/pkp.js";
import { monthCheck } from "../domain/summary.js";
import { monthMeetings } from "../domain/workspace-data.js";
import { msg, t } from "../i18n/index.js";
import { readRegularFile } from "../io/fs-safe.js";
import { DOCUMENT_DIR, packageSources, readForPackage, writePackageZip } from "../io/paket.js";
import { relativePath } from "../io/workspace.js";
import { writeFileAtomic } from "../io/write.js";
import { checkJson } from "./check.js";
import { type OpContext, whileLocked } from "./context.js";
import { checkInput, failOnBrokenFolders, inMonth, openMonth, requireMonth } from "./workspace.js";

const M = {
  noDocuments: msg(
    "belum ada dokumen di {dir}; jalankan `lokmin render {month}` lalu buat paket lagi agar Dinas menerima dokumennya",
    "no documents in {dir}; run `lokmin render {month}` and package again so the Dinas receives them",
  ),
  noDhis2: msg(
    "berkas DHIS2 tidak dimasukkan karena bagian dhis2 di lokmin.yaml belum benar ({problem}); lihat `lokmin check`",
    "the DHIS2 files are left out because lokmin.yaml's dhis2 section is not right yet ({problem}); see `lokmin check`",
  ),
  withErrors: msg(
    "check menemukan {errors} galat; paket tetap dibuat dan Dinas akan melihatnya",
    "check found {errors} errors; the package is still made and the Dinas will see them",
  ),
};

export interface PaketOptions {
  /** YYYY-MM; the latest month when not given. */
  month?: string;
  /** The zip to write (relative to cwd); default BULAN/lokmin-<puskesmas>-BULAN.zip. */
  out?: string;
  force?: boolean;
}

export async function paket(ctx: OpContext, options: PaketOptions = {}) {
  if (options.month !== undefined) requireMonth(options.month);
  return whileLocked(ctx, "paket", (root) => build(ctx, root, options));
}

async function build(ctx: OpContext, root: string, options: PaketOptions) {
  const { workspace, month, loaded } = openMonth(ctx, options.month, "check", root);
  // A month whose folders are not folders would be packaged without what they hold, with no word why.
  failOnBrokenFolders(workspace, inMonth(month));
  const config = workspace.config.data;
  const report = checkWorkspace(checkInput(ctx, workspace, [month]));
  const check = checkJson(report, workspace);
  const errors = countBySeverity(report.findings, "error");
  const warnings = countBySeverity(report.findings, "warning");
  const checked = report.months.find((m) => m.month === month);
  const sources = packageSources(workspace.root, month);
  const { files, skipped } = readForPackage(workspace.root, [...sources.yaml, ...sources.documents]);
  const documents = sources.documents.filter((file) => files.has(file));
  // The month's figures for the Dinas' DHIS2, when lokmin.yaml maps them (dhis2/datavalueset-BULAN.json, .csv).
  const dhis2 = dhis2PackageFiles(config, { id: month, programs: loaded.programs.map((p) => p.data) });
  for (const [name, text] of dhis2.files) files.set(name, Buffer.from(text, "utf8"));
  const { zip, manifest } = await writePackageZip(files, check, {
    format: PACKAGE_FORMAT,
    versi: PACKAGE_VERSION,
    lokmin: packageJson.version,
    puskesmas: {
      nama: config.puskesmas.nama,
      kecamatan: config.puskesmas.kecamatan,
      kabupaten_kota: config.puskesmas.kabupaten_kota,
    },
    bulan: month,
    dibuat: ctx.today,
    kesepakatan_terbuka: openCommitments(
      (["bulanan", "tribulanan"] as const).flatMap((series) =>
        commitmentHistories(monthMeetings(workspace, series).filter((m) => m.id <= month)),
      ),
    ),
    check: {
      galat: errors,
      peringatan: warnings,
      tilik: checked ? `${checked.tilik.score}/${checked.tilik.total}` : "–",
      arsip: checked ? `${checked.arsip.present}/${checked.arsip.total}` : "–",
      dilaksanakan: lokminHeld(loaded.meeting?.data),
      ringkasan: monthCheck(check, month),
    },
    capaian: packagedFigures(
      config,
      month,
      loaded.programs.map((p) => p.data),
    ),
  });
  const target = options.out
    ? path.resolve(ctx.cwd, options.out)
    : path.join(workspace.root, month, packageName(config, month));
  const shown = relativePath(ctx.cwd, target).startsWith("..") ? target : relativePath(ctx.cwd, target);
  const existing = readRegularFile(target, {
    maxBytes: zip.length + 1,
    root: options.out ? undefined : workspace.root,
  });
  const unchanged = existing.ok && Buffer.from(existing.bytes).equals(Buffer.from(zip));
  if (!unchanged)
    writeFileAtomic(target, zip, { overwrite: Boolean(options.force), label: shown, force: Boolean(options.force) });
  const warningsOut = [
    ...skipped.map((s) => s.message),
    ...(documents.length === 0 ? [t(M.noDocuments, { dir: `${month}/${DOCUMENT_DIR}/`, month })] : []),
    ...(errors > 0 ? [t(M.withErrors, { errors })] : []),
    ...(dhis2.problems.length ? [t(M.noDhis2, { problem: dhis2.problems[0].message })] : []),
  ];
  return { month, file: target, unchanged, manifest, warnings: warningsOut, skipped };
}

export type PaketResult = Awaited<ReturnType<typeof paket>>;
