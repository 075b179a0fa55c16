// Commander in the user's language: the help text's headings and notes, and every parse error
// (unknown command or option, missing or extra argument, a value not among the choices) said the
// lokmin way in Indonesian or English, with commander's own suggestion kept.
import type { CommanderError, Help, HelpConfiguration } from "commander";
import { msg, t } from "../i18n/index.js";

const H = {
  usage: msg("Pemakaian:", "Usage:"),
  args: msg("Argumen:", "Arguments:"),
  options: msg("Opsi:", "Options:"),
  globals: msg("Opsi umum:", "Global options:"),
  commands: msg("Perintah:", "Commands:"),
  choices: msg("pilihan", "choices"),
  default: msg("bawaan", "default"),
  help: msg("tampilkan bantuan", "show help"),
  helpCommand: msg("tampilkan bantuan sebuah perintah", "show help for a command"),
  version: msg("tampilkan versi", "show the version"),
  more: msg("Bantuan sebuah perintah: lokmin <perintah> --help", "Help for a command: lokmin <command> --help"),
};

const E = {
  unknownCommand: msg("perintah '{name}' tidak dikenal", "unknown command '{name}'"),
  unknownOption: msg("opsi '{name}' tidak dikenal", "unknown option '{name}'"),
  didYouMean: msg("; maksud Anda {hint}?", "; did you mean {hint}?"),
  missingArgument: msg("argumen '{name}' wajib diisi", "argument '{name}' is required"),
  excess: msg(
    "terlalu banyak argumen untuk '{command}' (paling banyak {expected})",
    "too many arguments for '{command}' (at most {expected})",
  ),
  invalidChoice: msg(
    "nilai '{value}' untuk {option} tidak sah; pilihan: {choices}",
    "'{value}' is not valid for {option}; choices: {choices}",
  ),
  quoteValue: msg(
    "; nilai opsi yang berisi spasi ditulis dalam tanda kutip: {example}",
    "; an option value with spaces goes in quotes: {example}",
  ),
  quoteValues: msg(
    '; nilai yang berisi spasi ditulis dalam tanda kutip, mis. --pj "siti aminah"',
    '; a value with spaces goes in quotes, e.g. --pj "siti aminah"',
  ),
  optionMissing: msg("opsi {option} butuh nilai", "option {option} needs a value"),
  generic: msg("perintah tidak dapat dibaca: {detail}", "cannot read the command: {detail}"),
  seeHelp: msg("Lihat `lokmin --help`.", "See `lokmin --help`."),
};

/** Helpers for `configureHelp`: headings, choices and defaults in the user's language. */
export function localizedHelp(): HelpConfiguration {
  return {
    optionDescription(option) {
      const extra: string[] = [];
      if (option.argChoices) extra.push(`${t(H.choices)}: ${option.argChoices.join(", ")}`);
      if (option.defaultValue !== undefined && (option.required || option.optional))
        extra.push(`${t(H.default)}: ${option.defaultValue}`);
      return extra.length ? `${option.description} (${extra.join("; ")})` : option.description;
    },
    subcommandTerm(cmd) {
      return `${cmd.name()} ${cmd.usage()}`.trim();
    },
    argumentDescription(argument) {
      const extra = argument.defaultValue !== undefined ? ` (${t(H.default)}: ${argument.defaultValue})` : "";
      return `${argument.description}${extra}`;
    },
    formatHelp(cmd, helper: Help) {
      const width = helper.padWidth(cmd, helper);
      const item = (term: string, description: string) => helper.formatItem(term, width, description, helper);
      const section = (heading: string, items: string[]) => (items.length ? [heading, ...items, ""] : []);
      const description = helper.commandDescription(cmd);
      const output = [
        `${t(H.usage)} ${helper.commandUsage(cmd)}`,
        "",
        ...(description ? [description, ""] : []),
        ...section(
          t(H.args),
          helper.visibleArguments(cmd).map((a) => item(helper.argumentTerm(a), helper.argumentDescription(a))),
        ),
        ...section(
          t(H.options),
          helper.visibleOptions(cmd).map((o) => item(helper.optionTerm(o), helper.optionDescription(o))),
        ),
        ...section(
          t(H.globals),
          cmd.parent
            ? helper.visibleGlobalOptions(cmd).map((o) => item(helper.optionTerm(o), helper.optionDescription(o)))
            : [],
        ),
        ...section(
          t(H.commands),
          helper.visibleCommands(cmd).map((c) => item(helper.subcommandTerm(c), helper.subcommandDescription(c))),
        ),
        ...(cmd.parent ? [] : [t(H.more), ""]),
      ];
      return output.join("\n");
    },
  };
}

export const helpTexts = { help: () => t(H.help), helpCommand: () => t(H.helpCommand), version: () => t(H.version) };

/**
 * The option whose value was split at its spaces ("--pj siti aminah": an option that takes a value,
 * then two or more words), written with its value in quotes; undefined when no option was split.
 */
export function quotedExample(argv: readonly string[], takesValue: (flag: string) => boolean): string | undefined {
  for (let i = argv.length - 3; i >= 0; i--) {
    if (!takesValue(argv[i])) continue;
    const words = argv.slice(i + 1);
    const until = words.findIndex((word) => word.startsWith("-"));
    const value = until < 0 ? words : words.slice(0, until);
    if (value.length >= 2) return `${argv[i]} "${value.join(" ")}"`;
  }
  return undefined;
}

/** A commander parse error in the user's language; `argv` gives the hints their examples. */
export function commanderMessage(
  error: CommanderError,
  argv: readonly string[] = [],
  takesValue: (flag: string) => boolean = () => false,
): string {
  const text = error.message.replace(/^error: /, "");
  const hint = /\(Did you mean (.+)\?\)/.exec(text)?.[1];
  const suggestion = hint ? t(E.didYouMean, { hint }) : "";
  const quoted = /'([^']+)'/.exec(text)?.[1] ?? "";
  switch (error.code) {
    case "commander.unknownCommand":
      return `${t(E.unknownCommand, { name: quoted })}${suggestion || "."} ${t(E.seeHelp)}`;
    case "commander.unknownOption":
      return `${t(E.unknownOption, { name: quoted })}${suggestion}`;
    case "commander.missingArgument":
      return t(E.missingArgument, { name: quoted });
    case "commander.excessArguments": {
      const expected = /Expected (\d+) argument/.exec(text)?.[1] ?? "0";
      const example = quotedExample(argv, takesValue);
      return t(E.excess, { command: quoted, expected }) + (example ? t(E.quoteValue, { example }) : t(E.quoteValues));
    }
    case "commander.invalidArgument": {
      const option = /option '([^']+)'/.exec(text)?.[1]?.split(" ")[0] ?? quoted;
      const value = /argument '([^']+)' is invalid/.exec(text)?.[1] ?? "";
      const choices = /Allowed choices are (.+)\./.exec(text)?.[1] ?? "";
      return t(E.invalidChoice, { value, option, choices });
    }
    case "commander.optionMissingArgument":
      return t(E.optionMissing, { option: quoted.split(" ")[0] });
    default:
      return t(E.generic, { detail: text.split("\n")[0] });
  }
}
