// Prompts in the user's language. @inquirer's own confirm prints "(Y/n)" and answers "Yes"/"No"
// in English whatever the language; this one asks "(Y/t)" and shows "Ya"/"Tidak" in Indonesian,
// "(Y/n)" and "Yes"/"No" with --lang en, and accepts either language's answers.
import { msg, t } from "../i18n/index.js";

const M = {
  defaultYes: msg("(Y/t)", "(Y/n)"),
  defaultNo: msg("(y/T)", "(y/N)"),
  yes: msg("Ya", "Yes"),
  no: msg("Tidak", "No"),
  answer: msg("jawab y (ya) atau t (tidak)", "answer y (yes) or n (no)"),
};

/** A yes/no answer typed at the prompt; empty is the default, undefined when it is neither. */
export function parseYesNo(text: string, defaultAnswer: boolean): boolean | undefined {
  const answer = text.trim().toLowerCase();
  if (answer === "") return defaultAnswer;
  if (/^(y|ya|yes|iya)$/.test(answer)) return true;
  if (/^(t|tidak|tdk|n|no)$/.test(answer)) return false;
  return undefined;
}

/** Ask a yes/no question on the terminal in the user's language. */
export async function confirm(
  io: { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream },
  message: string,
  defaultAnswer = true,
): Promise<boolean> {
  const { input } = await import("@inquirer/prompts");
  const label = (value: boolean) => t(value ? M.yes : M.no);
  const answer = await input(
    {
      message: `${message} ${t(defaultAnswer ? M.defaultYes : M.defaultNo)}`,
      validate: (text) => parseYesNo(text, defaultAnswer) !== undefined || t(M.answer),
      transformer: (text, { isFinal }) => {
        const value = isFinal ? parseYesNo(text, defaultAnswer) : undefined;
        return value === undefined ? text : label(value);
      },
    },
    io,
  );
  return parseYesNo(answer, defaultAnswer) ?? defaultAnswer;
}
