// The command line: global options (-C, --lang, --json), the command table from commands.ts,
// exit codes, and the last line of defence against stack traces. `main(argv, streams)` is the
// whole CLI: bin/lokmin.js calls it with the process's streams, tests call it in-process.
import path from "node:path";
import { Command, CommanderError, Option } from "commander";
import packageJson from "../../package.json" with { type: "json" };
import { EXIT, Interrupted, UserError } from "../errors.js";
import { msg, resolveLang, setLang, t } from "../i18n/index.js";
import { clearWritten, writtenThisRun } from "../io/committed.js";
import { describeErrno } from "../io/errno.js";
import { COMMANDS } from "./commands.js";
import { type Context, isoToday, type Streams } from "./context.js";
import { commanderMessage, helpTexts, localizedHelp } from "./help.js";
import { createUi, type Ui } from "./ui.js";

const M = {
  internal: msg(
    "kesalahan internal lokmin: {detail}\nIni bukan kesalahan Anda. Laporkan di pelacak isu proyek lokmin beserta " +
      "perintah yang dijalankan; LOKMIN_DEBUG=1 menampilkan detailnya.",
    "internal lokmin error: {detail}\nThis is not your fault. Report it on the lokmin issue tracker with the " +
      "command you ran; LOKMIN_DEBUG=1 shows the details.",
  ),
  interrupted: msg("dibatalkan", "cancelled"),
  interruptedAfter: msg(
    "dibatalkan — tetapi {files} sudah selesai ditulis sebelumnya (lengkap, tidak rusak); periksa hasilnya dengan " +
      "`lokmin check`",
    "cancelled — but {files} had already been written completely (whole, not damaged); review the result with " +
      "`lokmin check`",
  ),
  fsError: msg(
    "tidak dapat memakai {file}: {detail}; periksa berkas atau folder itu lalu ulangi",
    "cannot use {file}: {detail}; check that file or folder and try again",
  ),
  description: msg(
    "Lokakarya Mini Bulanan Puskesmas dari folder YAML: susun, periksa, prioritaskan, bawa kesepakatan, cetak dokumen",
    "Puskesmas monthly mini-workshop from a folder of YAML files: scaffold, check, rank, carry commitments, print " +
      "documents",
  ),
  dir: msg("jalankan seolah-olah dari folder ini", "run as if started in this folder"),
  lang: msg("bahasa pesan, bawaan id", "message language, default id"),
  json: msg("keluaran satu objek JSON", "print one JSON object"),
  options: msg("[opsi]", "[options]"),
  command: msg("[perintah]", "[command]"),
};

/** The value of a global option given before or after the command (`--lang en`, `--lang=en`). */
function globalValue(argv: readonly string[], name: string): string | undefined {
  const index = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (index < 0) return undefined;
  return argv[index].includes("=") ? argv[index].split("=").slice(1).join("=") : argv[index + 1];
}

export async function main(argv: string[], streams: Streams = defaultStreams()): Promise<number> {
  setLang(resolveLang(globalValue(argv, "--lang"), streams.env));
  clearWritten();
  const json = argv.includes("--json");
  const ui = await createUi(json, streams);
  const start = streams.cwd ?? process.cwd();
  let exitCode: number = EXIT.ok;

  const program = new Command("lokmin")
    .description(t(M.description))
    .usage(`${t(M.options)} ${t(M.command)}`)
    .version(packageJson.version, "-v, --version", helpTexts.version())
    .helpOption("-h, --help", helpTexts.help())
    .helpCommand("help [perintah]", helpTexts.helpCommand())
    .option("-C <dir>", t(M.dir))
    .addOption(new Option("--lang <lang>", t(M.lang)).choices(["id", "en"]))
    .option("--json", t(M.json))
    .configureHelp({ ...localizedHelp(), showGlobalOptions: true })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void streams.stdout.write(s),
      writeErr: (s) => void streams.stderr.write(s),
      outputError: () => undefined,
    });

  for (const spec of COMMANDS) {
    const command = program
      .command(spec.name)
      .description(t(spec.description))
      .usage([t(M.options), ...(spec.args ?? []).map((arg) => arg.name)].join(" "))
      .helpOption("-h, --help", helpTexts.help())
      .configureHelp({ ...localizedHelp(), showGlobalOptions: true });
    if (spec.after) command.addHelpText("after", spec.after);
    for (const arg of spec.args ?? []) command.argument(arg.name, t(arg.description), arg.default);
    for (const option of spec.options ?? []) {
      const built = new Option(option.flags, t(option.description));
      if (option.choices) built.choices(option.choices);
      if (option.default !== undefined) built.default(option.default);
      command.addOption(built);
    }
    command.action(async (...args: unknown[]) => {
      const self = args[args.length - 1] as Command;
      const globals = self.optsWithGlobals() as { C?: string };
      const cwd = globals.C ? path.resolve(start, globals.C) : start;
      const today = isoToday(streams.now?.() ?? new Date(), streams.env);
      const ctx: Context = { cwd, env: streams.env, ui, streams, today, notice: (line) => ui.err(line) };
      const module = await spec.load();
      const run = module.run as (ctx: Context, ...rest: unknown[]) => Promise<number>;
      exitCode = await run(ctx, ...args.slice(0, -1));
    });
  }

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    return await handleError(error, ui, streams, argv);
  }
}

async function handleError(error: unknown, ui: Ui, streams: Streams, argv: readonly string[]): Promise<number> {
  if (error instanceof CommanderError) {
    if (["commander.helpDisplayed", "commander.version", "commander.help"].includes(error.code)) return EXIT.ok;
    // Options of the command named in argv that take a value ("--pj <pegawai>"), for the quoting hint.
    const spec = COMMANDS.find((c) => argv.includes(c.name));
    const valued = (spec?.options ?? []).filter((o) => o.flags.includes("<")).flatMap((o) => o.flags.split(/[ ,]+/));
    const message = commanderMessage(error, argv.slice(spec ? argv.indexOf(spec.name) + 1 : argv.length), (flag) =>
      valued.includes(flag),
    );
    if (ui.json) ui.printJson({ error: { kind: "usage", code: error.code.replace(/^commander\./, ""), message } });
    else ui.err(`lokmin: ${message}`);
    return EXIT.usage;
  }
  if (error instanceof Interrupted || isPromptExit(error)) {
    const message = interruptedMessage();
    if (ui.json) ui.printJson({ error: { kind: "interrupted", message, written: writtenThisRun() } });
    else ui.err(`lokmin: ${message}`);
    return EXIT.interrupted;
  }
  if (error instanceof UserError) {
    // Loaded only here: printing findings needs the YAML layer, which --help never should.
    const { findingsJson, printFindings } = await import("./shared.js");
    const root = error.root ?? "";
    if (ui.json)
      ui.printJson({
        error: { kind: "input", message: error.message, findings: findingsJson(root, error.findings, error.sources) },
      });
    else {
      printFindings({ ui } as Context, root, error.findings, "err", error.sources);
      ui.err(`lokmin: ${error.message}`);
    }
    return EXIT.usage;
  }
  const fs = error as NodeJS.ErrnoException;
  if (typeof fs?.code === "string" && /^E[A-Z]+$/.test(fs.code) && typeof fs.path === "string") {
    // A file-system error no command turned into words: the path and the errno in Indonesian, not "ELOOP: …".
    if (streams.env.LOKMIN_DEBUG) streams.stderr.write(`${fs.stack ?? fs.message}\n`);
    const message = t(M.fsError, { file: fs.path, detail: describeErrno(fs.code) });
    if (ui.json) ui.printJson({ error: { kind: "input", message, findings: [] } });
    else ui.err(`lokmin: ${message}`);
    return EXIT.usage;
  }
  const detail = (error as Error)?.message ?? String(error);
  if (streams.env.LOKMIN_DEBUG) streams.stderr.write(`${(error as Error)?.stack ?? detail}\n`);
  if (ui.json) ui.printJson({ error: { kind: "internal", message: t(M.internal, { detail }) } });
  else ui.err(t(M.internal, { detail }));
  return EXIT.usage;
}

/** "dibatalkan", naming the files this run had already written completely, if any. */
function interruptedMessage(): string {
  const written = writtenThisRun();
  return written.length ? t(M.interruptedAfter, { files: written.join(", ") }) : t(M.interrupted);
}

/**
 * Ctrl-C while a command runs (outside a prompt, which handles it itself): "dibatalkan", exit 130.
 * Every write is synchronous and atomic, so the signal is handled between writes, never inside
 * one: a file is either untouched or completely written. When some were written already, the
 * message names them, so "dibatalkan" never hides a change that was made; a signal that arrives
 * once the command has finished and reported leaves its result and exit code alone. The exit handlers
 * still run, so the workspace lock is released; a temporary file cut short is removed by the next
 * command that writes. Installed by the entries (bin, executable), not by main, so in-process
 * callers keep their own signal handling.
 */
export function exitOnInterrupt(argv: readonly string[], env: NodeJS.ProcessEnv): void {
  process.once("SIGINT", () => {
    // A command that stops on Ctrl-C by design (`buka`, the app) listens itself and ends cleanly.
    if (process.listenerCount("SIGINT") > 0) return;
    // The command has finished and reported (bin set its exit code): nothing is left to cancel.
    if (process.exitCode !== undefined) process.exit();
    setLang(resolveLang(globalValue(argv, "--lang"), env));
    process.stderr.write(`\nlokmin: ${interruptedMessage()}\n`);
    process.exit(EXIT.interrupted);
  });
}

/** @inquirer/prompts ends a prompt on Ctrl-C with an ExitPromptError. */
const isPromptExit = (error: unknown) =>
  (error as Error)?.name === "ExitPromptError" || (error as Error)?.name === "AbortPromptError";

function defaultStreams(): Streams {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    env: process.env,
  };
}
