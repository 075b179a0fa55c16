// The command line: global options (-C, --lang, --json), the command table, exit codes and the
// last line of defence against stack traces. Command modules are imported only when their
// command runs, so `lokmin --help` loads none of docx, handlebars or the prompts.
import { Command, CommanderError, Option } from "commander";
import packageJson from "../../package.json" with { type: "json" };
import { EXIT, UserError } from "../domain/findings.js";
import { msg, resolveLang, setLang, t } from "../i18n/index.js";
import { createUi, formatDiagnostics, sourceLookup, type Ui, type UiStreams } from "./ui.js";

export interface Context {
  /** Folder given with -C, or the current directory. */
  cwd: string;
  ui: Ui;
  streams: UiStreams;
}

const M = {
  internal: msg(
    "kesalahan internal lokmin: {detail}\nIni bukan kesalahan Anda. Laporkan di pelacak isu proyek lokmin beserta perintah yang dijalankan; LOKMIN_DEBUG=1 menampilkan detailnya.",
    "internal lokmin error: {detail}\nThis is not your fault. Report it on the lokmin issue tracker with the command you ran; LOKMIN_DEBUG=1 shows the details.",
  ),
  description: msg(
    "Lokakarya Mini Bulanan Puskesmas dari folder YAML: susun, periksa, prioritaskan, bawa kesepakatan, cetak DOCX",
    "Puskesmas monthly mini-workshop from a folder of YAML files: scaffold, check, rank, carry commitments, render DOCX",
  ),
};

type Action = (ctx: Context, ...args: any[]) => Promise<number>;

export async function main(argv: string[], streams: UiStreams = defaultStreams()): Promise<number> {
  const langFlag = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  setLang(
    resolveLang(
      langFlag < 0 ? undefined : argv[langFlag].includes("=") ? argv[langFlag].split("=")[1] : argv[langFlag + 1],
      streams.env,
    ),
  );
  const json = argv.includes("--json");
  const ui = await createUi(json, streams);
  let exitCode: number = EXIT.ok;

  const program = new Command("lokmin")
    .description(t(M.description))
    .version(packageJson.version, "-v, --version")
    .option("-C <dir>", "jalankan seolah-olah dari folder ini / run as if started in this folder")
    .addOption(new Option("--lang <lang>", "bahasa pesan / message language").choices(["id", "en"]))
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void streams.stdout.write(s),
      writeErr: (s) => void streams.stderr.write(s),
    });

  const run =
    (load: () => Promise<{ run: Action }>) =>
    async (...args: any[]) => {
      const command = args[args.length - 1] as Command;
      const globals = command.optsWithGlobals() as { C?: string };
      const ctx: Context = { cwd: globals.C ?? process.cwd(), ui, streams };
      const module = await load();
      exitCode = await module.run(ctx, ...args.slice(0, -1));
    };

  program
    .command("init")
    .description("buat workspace baru / create a new workspace")
    .argument("[dir]", "folder tujuan / target folder", ".")
    .option("--nama <nama>", "nama Puskesmas")
    .option("--kecamatan <kecamatan>")
    .option("--kabupaten <kabupaten>", "kabupaten/kota")
    .option("--alamat <alamat>")
    .option("--kepala <nama>", "nama Kepala Puskesmas")
    .option("--kepala-nip <nip>")
    .option("--tu <nama>", "nama Kasubag TU")
    .option("--tu-nip <nip>")
    .addOption(new Option("--zona <zona>", "zona waktu").choices(["WIB", "WITA", "WIT"]))
    .addOption(new Option("--taksonomi <jenis>", "program klasik atau klaster ILP").choices(["program", "klaster"]))
    .option("--force", "timpa lokmin.yaml yang ada / overwrite an existing lokmin.yaml")
    .option("--yes", "jangan bertanya, pakai nilai bawaan / no prompts, use defaults")
    .option("--json", "keluaran JSON / JSON output")
    .action(run(() => import("../commands/init.js")));

  program
    .command("new")
    .description("siapkan folder satu bulan / scaffold a month")
    .argument("<bulan>", "YYYY-MM, mis. 2024-05")
    .option("--mulai <jam>", "jam mulai rapat / start time", "08.00")
    .option("--force", "timpa bulan yang ada / overwrite an existing month")
    .option("--json", "keluaran JSON / JSON output")
    .action(run(() => import("../commands/new.js")));

  program
    .command("check")
    .description("periksa kelengkapan dan konsistensi / check completeness and consistency")
    .argument("[bulan...]", "bulan yang diperiksa (default: semua) / months to check (default: all)")
    .option("--max-warnings <n>", "gagal bila peringatan lebih dari n / fail above n warnings")
    .option("--rules", "daftar semua aturan / list every rule")
    .option("--json", "keluaran JSON / JSON output")
    .action(run(() => import("../commands/check.js")));

  program
    .command("rank")
    .description("prioritaskan masalah dan solusi / prioritise problems and solutions")
    .argument("<bulan>", "YYYY-MM")
    .addOption(
      new Option("--metode <metode>", "metode masalah / problem method").choices(["usg", "mcua", "carl", "hanlon"]),
    )
    .addOption(new Option("--seri <aturan>", "aturan nilai sama / tie rule").choices(["bersama", "urutan", "kriteria"]))
    .option("--solusi", "peringkatkan alternatif solusi / rank solution alternatives")
    .option("--candidates", "tampilkan kandidat masalah dari capaian / list problem candidates from coverage")
    .option("--add-candidates", "tambahkan kandidat ke daftar masalah / add candidates to the problem list")
    .option("--write", "tulis total dan peringkat ke berkas / write totals and ranks back")
    .option("--interactive", "isi skor lewat pertanyaan (TTY) / score with prompts (TTY)")
    .option("--json", "keluaran JSON / JSON output")
    .action(run(() => import("../commands/rank.js")));

  program
    .command("carry")
    .description("bawa kesepakatan terbuka ke bulan ini / carry open commitments into a month")
    .argument("<bulan>", "YYYY-MM")
    .option("--json", "keluaran JSON / JSON output")
    .action(run(() => import("../commands/carry.js")));

  program
    .command("commitments")
    .description("daftar kesepakatan terbuka / list open commitments")
    .option("--all", "semua, termasuk yang selesai, dengan riwayat / all, with history")
    .option("--program <id>")
    .option("--pj <id>", "penanggung jawab / person responsible")
    .option("--per <bulan>", "hitung umur dan tenggat per bulan ini / age and overdue as of this month")
    .option("--json", "keluaran JSON / JSON output")
    .action(run(() => import("../commands/commitments.js")));

  program
    .command("render")
    .description("cetak dokumen DOCX bulan ini / write the month's DOCX documents")
    .argument("<bulan>", "YYYY-MM")
    .option("--out <dir>", "folder keluaran / output folder (default BULAN/dokumen)")
    .option(
      "--only <names>",
      "undangan,susunan-acara,daftar-hadir,notulen,kesepakatan,rtl,daftar-tilik,tren,umpan-balik",
    )
    .option("--force", "timpa berkas yang ada / overwrite existing files")
    .option("--json", "keluaran JSON / JSON output")
    .action(run(() => import("../commands/render.js")));

  program
    .command("report")
    .description("tren capaian per indikator / coverage trends per indicator")
    .argument("<bulan>", "YYYY-MM")
    .option("--json", "keluaran JSON / JSON output")
    .action(run(() => import("../commands/report.js")));

  program
    .command("export")
    .description("ekspor capaian, masalah, kesepakatan / export coverage, problems, commitments")
    .addOption(new Option("--format <format>", "csv atau json").choices(["csv", "json"]).default("csv"))
    .option("--out <file>", "berkas tujuan (default: stdout) / output file")
    .option("--sep <char>", "pemisah CSV / CSV separator", ",")
    .option("--force", "timpa berkas yang ada / overwrite an existing file")
    .action(run(() => import("../commands/export.js")));

  program
    .command("summary")
    .description("ringkasan banyak Puskesmas untuk Dinas Kesehatan / supervisor's view across workspaces")
    .argument("<dir...>", "folder workspace")
    .option("--json", "keluaran JSON / JSON output")
    .action(run(() => import("../commands/summary.js")));

  program
    .command("schema")
    .description("tulis JSON Schema untuk editor / write JSON Schema files for editors")
    .option("--out <dir>", "folder tujuan / target folder")
    .option("--json", "keluaran JSON / JSON output")
    .action(run(() => import("../commands/schema.js")));

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    return handleError(error, ui);
  }
}

function handleError(error: unknown, ui: Ui): number {
  if (error instanceof CommanderError) {
    if (
      error.code === "commander.helpDisplayed" ||
      error.code === "commander.version" ||
      error.code === "commander.help"
    )
      return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof UserError) {
    if (ui.json) ui.printJson({ error: error.message, findings: error.diagnostics });
    else {
      if (error.diagnostics.length)
        ui.err(formatDiagnostics(ui, error.diagnostics, error.root ? sourceLookup(error.root) : undefined).join("\n"));
      ui.err(`lokmin: ${error.message}`);
    }
    return EXIT.usage;
  }
  if (process.env.LOKMIN_DEBUG) ui.err((error as Error)?.stack ?? String(error));
  ui.err(t(M.internal, { detail: (error as Error)?.message ?? String(error) }));
  return EXIT.usage;
}

function defaultStreams(): UiStreams {
  return { stdout: process.stdout, stderr: process.stderr, stdinIsTTY: Boolean(process.stdin.isTTY), env: process.env };
}
