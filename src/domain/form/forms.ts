// A month's workbooks as a whole: which files `lokmin form` writes (one per program and one for
// the meeting, or everything in one workbook), and how `lokmin import` recognises the sheets of
// whatever it is given by their identification rows — refusing sheets of another month, program
// or Puskesmas, sheets it does not know, merged cells and a target given twice — before reading
// any value.
import { periodMonth, reportPeriod } from "../targets.js";
import { msg, t } from "../../i18n/index.js";
import type { YamlEdit } from "../edits.js";
import { shiftMonth } from "../month.js";
import { type Meeting, meetingSchema, type ProgramReport, programReportSchema, type Workspace } from "../schema.js";
import { baseSheet, readBases } from "./base.js";
import { CellReader, type FormProblem } from "./cells.js";
import { choicesSheet } from "./choices.js";
import { fingerprint, IDENTITY_CELLS, type Identity, sheetIdentity, sheetIsEmpty } from "./layout.js";
import { applyToData, threeWay } from "./merge.js";
import {
  type MeetingSection,
  MEETING_SECTIONS,
  type MeetingValues,
  meetingEdits,
  meetingSections,
  meetingSheets,
  readMeetingSheets,
} from "./meeting.js";
import {
  normalizeFormula,
  PROGRAM_SECTIONS,
  type ProgramFormInput,
  type ProgramSection,
  type ProgramValues,
  programEdits,
  programSheets,
  readProgramSheets,
} from "./program.js";
import {
  type CellSpec,
  cellText,
  type ReadCell,
  type ReadSheet,
  type ReadWorkbook,
  readCell,
  safeSheetName,
  type WorkbookSpec,
} from "./workbook.js";

export const MEETING_TARGET = "rapat";

export interface MonthInput {
  config: Workspace;
  month: string;
  meeting?: Meeting;
  programs: readonly ProgramReport[];
  /** Last month's program reports when last month is in the workspace. */
  previousPrograms?: readonly ProgramReport[];
}

export interface FormFile {
  /** File name, e.g. 2024-05-kia.xlsx */
  name: string;
  /** Program ids and/or "rapat". */
  targets: string[];
  spec: WorkbookSpec;
}

const M = {
  foreignSheet: msg(
    "lembar '{sheet}' bukan bagian isian lokmin; hapus lembar itu (salin angkanya ke lembar isian bila perlu)",
    "sheet '{sheet}' is not part of a lokmin form; delete it (copy its figures into the form's sheets if needed)",
  ),
  hiddenSheet: msg(
    " (lembar ini tersembunyi: klik kanan nama lembar → Unhide)",
    " (the sheet is hidden: right-click a sheet name → Unhide)",
  ),
  notAForm: msg(
    "berkas ini bukan isian lokmin (tidak ada baris identitas); buat isian dengan `lokmin form`",
    "this file is not a lokmin form (no identification row); make one with `lokmin form`",
  ),
  merged: msg(
    "sel {range} digabung (merge); pisahkan lagi (Home → Merge & Center → Unmerge Cells)",
    "cells {range} are merged; unmerge them (Home → Merge & Center → Unmerge Cells)",
  ),
  otherPuskesmas: msg("isian ini milik {found}, bukan {expected}", "this form belongs to {found}, not {expected}"),
  otherMonth: msg(
    "isian ini untuk bulan {found}, bukan {expected}; impor dengan `lokmin import {found} …` " +
      "atau pakai isian bulan {expected}",
    "this form is for {found}, not {expected}; import it with `lokmin import {found} …` or use the form of {expected}",
  ),
  unknownProgram: msg(
    "program '{program}' tidak ada di bulan {month}",
    "program '{program}' does not exist in {month}",
  ),
  fingerprint: msg(
    "sidik isian {found} tidak cocok ({expected} diharapkan): isian ini dibuat untuk Puskesmas lain atau baris " +
      "identitas diubah; buat isian baru dengan `lokmin form`",
    "form fingerprint {found} does not match ({expected} expected): the form was made for another Puskesmas or its " +
      "identification row was changed; make a new one with `lokmin form`",
  ),
  unknownSection: msg("bagian '{section}' tidak dikenal", "unknown part '{section}'"),
  twiceSection: msg(
    "lembar untuk {target} bagian {section} ada dua kali (juga '{other}'); hapus salah satunya",
    "the sheet for {target} part {section} appears twice (also '{other}'); delete one",
  ),
  missingSection: msg(
    "lembar bagian {section} untuk {target} tidak ada; jangan hapus lembar — buat isian baru dengan `lokmin form`",
    "the sheet of part {section} for {target} is missing; do not delete sheets — make a new form with `lokmin form`",
  ),
  twiceTarget: msg(
    "{target} juga ada di {other}; impor satu isian per program",
    "{target} is also in {other}; import one form per program",
  ),
  program: msg("program {id}", "program {id}"),
  damagedBase: msg(
    "data dasar isian untuk {target} tidak ada atau rusak (lembar Dasar diubah?); buat isian baru dengan " +
      "`lokmin form {month} --only {target} --force`, atau impor dengan --force agar isian ini menang",
    "the form's base data for {target} is missing or damaged (sheet Dasar changed?); make a new form with " +
      "`lokmin form {month} --only {target} --force`, or import with --force to let this form win",
  ),
  conflict: msg(
    "konflik: isian berisi {workbook}, tetapi {yaml} ({path}) sudah diubah sejak isian dibuat dan berisi " +
      "{current}. Tidak ada yang ditulis. Bila nilai YAML yang benar, ketik nilai itu di sel ini lalu impor lagi; " +
      "bila isian yang benar: `lokmin import {month} {file} --force`",
    "conflict: the form holds {workbook}, but {yaml} ({path}) was changed since the form was made and holds " +
      "{current}. Nothing was written. If the YAML is right, type its value into this cell and import again; " +
      "if the form is right: `lokmin import {month} {file} --force`",
  ),
  empty: msg("(kosong)", "(empty)"),
  meeting: msg("rapat", "the meeting"),
};

/** The program input for the form: its report and the period before's (null when its figures start a year). */
export function programInput(input: MonthInput, report: ProgramReport): ProgramFormInput {
  const january = periodMonth(reportPeriod(input.config, input.month, report)) === 1;
  const before = shiftMonth(input.month, -1);
  const previous = january
    ? null
    : input.previousPrograms?.find((p) => p.program === report.program && p.bulan === before);
  return { config: input.config, month: input.month, report, previous, others: input.programs };
}

/** The workbooks of a month: one per program and one for the meeting, or all in one (`single`). */
export function monthWorkbooks(
  input: MonthInput,
  options: { single?: boolean; only?: readonly string[] } = {},
): FormFile[] {
  const { config, month } = input;
  const wanted = (target: string) => !options.only || options.only.includes(target);
  const created = `${month}-01`;
  const programs = input.programs.filter((p) => wanted(p.program));
  const choices = choicesSheet(config, month);
  if (options.single) {
    // Sheet names hold at most 31 characters: a long program id is cut, and numbered if two cuts meet.
    const used = new Set<string>();
    const prefix = (id: string) => {
      let name = safeSheetName(id).slice(0, 20);
      for (let n = 2; used.has(name); n++) name = `${safeSheetName(id).slice(0, 17)}~${n}`;
      used.add(name);
      return `${name} `;
    };
    const bases: Array<[string, unknown]> = [
      ...programs.map((p): [string, unknown] => [p.program, p]),
      ...(input.meeting && wanted(MEETING_TARGET) ? [[MEETING_TARGET, input.meeting] as [string, unknown]] : []),
    ];
    const sheets = [
      ...programs.flatMap((p) => programSheets(programInput(input, p), prefix(p.program))),
      ...(input.meeting && wanted(MEETING_TARGET) ? meetingSheets({ config, month, meeting: input.meeting }) : []),
      choices,
      baseSheet(config, month, bases),
    ];
    const targets = [
      ...programs.map((p) => p.program),
      ...(input.meeting && wanted(MEETING_TARGET) ? [MEETING_TARGET] : []),
    ];
    return [{ name: `${month}-isian.xlsx`, targets, spec: { title: `Isian Lokmin ${month}`, created, sheets } }];
  }
  const files: FormFile[] = programs.map((p) => ({
    name: `${month}-${p.program}.xlsx`,
    targets: [p.program],
    spec: {
      title: `Isian ${p.program} ${month}`,
      created,
      sheets: [...programSheets(programInput(input, p)), choices, baseSheet(config, month, [[p.program, p]])],
    },
  }));
  if (input.meeting && wanted(MEETING_TARGET)) {
    files.push({
      name: `${month}-${MEETING_TARGET}.xlsx`,
      targets: [MEETING_TARGET],
      spec: {
        title: `Isian rapat ${month}`,
        created,
        sheets: [
          ...meetingSheets({ config, month, meeting: input.meeting }),
          choices,
          baseSheet(config, month, [[MEETING_TARGET, input.meeting]]),
        ],
      },
    });
  }
  return files;
}

/**
 * Whether a workbook read back holds exactly what `spec` would write (an untouched earlier form).
 * `ignoreReference`: leave out the cells showing other files' data (they may have changed since).
 */
export function sameWorkbook(spec: WorkbookSpec, read: ReadWorkbook, ignoreReference = false): boolean {
  if (spec.sheets.length !== read.sheets.length) return false;
  return spec.sheets.every((sheet, index) => {
    const other = read.sheets[index];
    if (other.name !== sheet.name) return false;
    return sheet.rows.every((row, r) =>
      (row ?? []).every(
        (c, col) => !c || (ignoreReference && c.reference) || sameCell(c, readCell(other, r + 1, col + 1)),
      ),
    );
  });
}

/**
 * Whether a workbook read back holds exactly what `lokmin form` wrote into it from its base, i.e.
 * nobody filled anything in (the YAML may have changed since): replacing it loses nothing.
 */
export function untouchedSinceForm(
  input: MonthInput,
  read: ReadWorkbook,
  file: string,
  options: { single?: boolean; only?: readonly string[] } = {},
): boolean {
  const sheet = read.sheets.find((s) => sheetIdentity(s)?.kind === "dasar");
  if (!sheet) return false;
  const bases = readBases(sheet);
  const programs = input.programs.map((p) => validBase<ProgramReport>(p.program, bases.get(p.program)) ?? p);
  const meeting = input.meeting && (validBase<Meeting>(MEETING_TARGET, bases.get(MEETING_TARGET)) ?? input.meeting);
  const spec = monthWorkbooks({ ...input, programs, meeting }, options).find((f) => f.name === file)?.spec;
  return spec !== undefined && sameWorkbook(spec, read, true);
}

function sameCell(spec: CellSpec, read: ReadCell): boolean {
  if (spec.formula) return normalizeFormula(spec.formula) === normalizeFormula(read.formula);
  const value = spec.value ?? null;
  if (value === null || value === "") return read.kind === "empty" || cellText(read) === "";
  if (spec.format === "date" && typeof value === "string") return read.kind === "date" && read.value === value;
  if (typeof value === "number") return read.kind === "number" && Math.abs(read.value - value) < 1e-9;
  return cellText(read) === String(value);
}

// --- import ------------------------------------------------------------------------------------

export interface WorkbookSource {
  file: string;
  workbook: ReadWorkbook;
}

/** What one workbook says about one target, and the base it was pre-filled from (none: an old form). */
interface TargetRead<V, B> {
  values: V;
  file: string;
  base?: B;
  /** Where each value was read, for a conflict's cell. */
  reader: CellReader;
}

export interface ImportRead {
  programs: Map<string, TargetRead<ProgramValues, ProgramReport>>;
  meeting?: TargetRead<MeetingValues, Meeting>;
  problems: FormProblem[];
  /** Workbooks made by a lokmin without base data: imported the old way (the workbook wins). */
  withoutBase: string[];
}

/** A base that is not a valid file of its kind is as good as damaged. */
function validBase<T>(target: string, data: unknown): T | undefined {
  const schema = target === MEETING_TARGET ? meetingSchema : programReportSchema;
  return data !== undefined && schema.safeParse(data).success ? (data as T) : undefined;
}

/**
 * Recognise and read every workbook; all problems are collected, nothing stops at the first. A
 * target is read against its base (the workbook's rows are the base's), so rows added to the YAML
 * since the form are not missing from the workbook. `force`: a damaged base is ignored.
 */
export function readWorkbooks(
  input: MonthInput,
  sources: readonly WorkbookSource[],
  options: { force?: boolean } = {},
): ImportRead {
  const out: ImportRead = { programs: new Map(), problems: [], withoutBase: [] };
  const claimed = new Map<string, string>();
  for (const source of sources) {
    const reader = new CellReader(source.file);
    const targets = recognise(input, source, reader);
    const baseSheets = source.workbook.sheets.filter((s) => sheetIdentity(s)?.kind === "dasar");
    const bases = new Map<string, unknown>();
    for (const sheet of baseSheets) for (const [k, v] of readBases(sheet)) bases.set(k, v);
    if (!baseSheets.length && targets.size) out.withoutBase.push(source.file);
    const baseOf = <T>(target: string): T | undefined => {
      const found = validBase<T>(target, bases.get(target));
      if (found === undefined && baseSheets.length && !options.force)
        reader.problem(t(M.damagedBase, { target, month: input.month }), { sheet: baseSheets[0].name });
      return found;
    };
    for (const [target, sections] of targets) {
      const label = target === MEETING_TARGET ? t(M.meeting) : t(M.program, { id: target });
      const other = claimed.get(target);
      if (other !== undefined) {
        reader.problem(t(M.twiceTarget, { target: label, other }));
        continue;
      }
      claimed.set(target, source.file);
      const expected: readonly string[] =
        target !== MEETING_TARGET
          ? PROGRAM_SECTIONS
          : input.meeting
            ? meetingSections({ config: input.config, month: input.month, meeting: input.meeting })
            : MEETING_SECTIONS;
      for (const section of expected) {
        if (!sections.has(section)) reader.problem(t(M.missingSection, { section, target: label }));
      }
      const bySection = Object.fromEntries(sections);
      if (target === MEETING_TARGET && input.meeting) {
        const base = baseOf<Meeting>(target);
        const values = readMeetingSheets(
          { config: input.config, month: input.month, meeting: base ?? input.meeting, current: input.meeting },
          bySection as Partial<Record<MeetingSection, ReadSheet>>,
          reader,
        );
        out.meeting = { values, file: source.file, base, reader };
      } else {
        const report = input.programs.find((p) => p.program === target);
        if (!report) continue;
        const base = baseOf<ProgramReport>(target);
        const values = readProgramSheets(
          programInput(input, base ?? report),
          bySection as Partial<Record<ProgramSection, ReadSheet>>,
          reader,
        );
        out.programs.set(target, { values, file: source.file, base, reader });
      }
    }
    out.problems.push(...reader.problems);
  }
  return out;
}

/**
 * Why a workbook is not a lokmin form at all (no sheet carries lokmin's identification row), or
 * undefined when it is one; an import may set such a file aside instead of stopping.
 */
export function notAForm(workbook: ReadWorkbook): string | undefined {
  return workbook.sheets.some((sheet) => sheetIdentity(sheet) !== undefined) ? undefined : t(M.notAForm);
}

/** The lokmin sheets of one workbook by target and part, after checking their identification. */
function recognise(input: MonthInput, source: WorkbookSource, reader: CellReader): Map<string, Map<string, ReadSheet>> {
  const targets = new Map<string, Map<string, ReadSheet>>();
  let ours = 0;
  // One workbook of another month or Puskesmas says so once, not once per sheet.
  const reported = new Set<string>();
  const once = new CellReader(source.file);
  for (const sheet of source.workbook.sheets) {
    const identity = sheetIdentity(sheet);
    if (!identity) {
      if (!sheetIsEmpty(sheet)) {
        const message = t(M.foreignSheet, { sheet: sheet.name }) + (sheet.hidden ? t(M.hiddenSheet) : "");
        reader.problem(message, { sheet: sheet.name });
      }
      continue;
    }
    ours++;
    for (const range of sheet.merges) reader.problem(t(M.merged, { range }), { sheet: sheet.name, cell: range });
    const valid = identityValid(input, identity, sheet, once);
    for (const p of once.problems.splice(0)) {
      if (reported.has(p.message)) continue;
      reported.add(p.message);
      reader.problems.push(p);
    }
    if (!valid || identity.kind === "pilihan" || identity.kind === "dasar") continue;
    const target = identity.kind === "rapat" ? MEETING_TARGET : identity.target;
    const sections = targets.get(target) ?? new Map<string, ReadSheet>();
    const other = sections.get(identity.section);
    if (other) {
      reader.problem(t(M.twiceSection, { target, section: identity.section, other: other.name }), {
        sheet: sheet.name,
        cell: IDENTITY_CELLS.section,
      });
      continue;
    }
    sections.set(identity.section, sheet);
    targets.set(target, sections);
  }
  if (ours === 0) reader.problem(t(M.notAForm));
  return targets;
}

function identityValid(input: MonthInput, id: Identity, sheet: ReadSheet, reader: CellReader): boolean {
  const { config, month } = input;
  const at = (cell: string) => ({ sheet: sheet.name, cell });
  if (id.puskesmas !== config.puskesmas.nama) {
    reader.problem(
      t(M.otherPuskesmas, { found: id.puskesmas, expected: config.puskesmas.nama }),
      at(IDENTITY_CELLS.puskesmas),
    );
    return false;
  }
  if (id.month !== month) {
    reader.problem(t(M.otherMonth, { found: id.month, expected: month }), at(IDENTITY_CELLS.month));
    return false;
  }
  const sections: readonly string[] =
    id.kind === "program"
      ? PROGRAM_SECTIONS
      : id.kind === "rapat"
        ? MEETING_SECTIONS
        : id.kind === "pilihan" || id.kind === "dasar"
          ? [id.kind]
          : [];
  if (!sections.includes(id.section)) {
    reader.problem(t(M.unknownSection, { section: id.section }), at(IDENTITY_CELLS.section));
    return false;
  }
  if (id.kind === "program" && !input.programs.some((p) => p.program === id.target)) {
    reader.problem(t(M.unknownProgram, { program: id.target, month }), at(IDENTITY_CELLS.target));
    return false;
  }
  const expected = fingerprint(config, id.kind, id.target, month, id.section);
  if (id.fingerprint !== expected) {
    reader.problem(t(M.fingerprint, { found: id.fingerprint || "–", expected }), at(IDENTITY_CELLS.fingerprint));
    return false;
  }
  return true;
}

/** A value for a conflict message: short, `(kosong)` when empty. */
function shown(value: unknown): string {
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length))
    return t(M.empty);
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

const pathText = (path: readonly (string | number)[]) =>
  path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${p}`)).join("");

/**
 * The YAML edits of everything read: program file → edits, and the meeting's. Where the workbook
 * carries its base, only what the workbook changed is written, and a value changed in both the
 * workbook and the YAML since the form is a conflict (a problem naming both; `force`: the
 * workbook wins). `yamlFile` names a target's YAML file for those messages.
 */
export function importEdits(
  input: MonthInput,
  read: ImportRead,
  options: { force?: boolean; yamlFile?: (target: string) => string } = {},
) {
  const conflicts: FormProblem[] = [];
  const merge = (
    target: string,
    current: unknown,
    entry: { base?: unknown; file: string; reader: CellReader },
    edits: YamlEdit[],
    theirs: (base: never) => YamlEdit[],
  ): YamlEdit[] => {
    if (entry.base === undefined) return edits;
    const result = threeWay(
      entry.base,
      current,
      applyToData(entry.base, theirs(entry.base as never)),
      edits,
      options.force,
    );
    for (const c of result.conflicts) {
      const place = entry.reader.placeOf(c.basePath) ?? entry.reader.placeOf(c.path);
      conflicts.push({
        file: entry.file,
        ...place,
        message: t(M.conflict, {
          workbook: shown(c.workbook),
          yaml: options.yamlFile?.(target) ?? target,
          path: pathText(c.path),
          current: shown(c.yaml),
          month: input.month,
          file: entry.file,
        }),
      });
    }
    return result.edits;
  };
  const programs = new Map<string, YamlEdit[]>();
  for (const [program, entry] of read.programs) {
    const report = input.programs.find((p) => p.program === program);
    if (report)
      programs.set(
        program,
        merge(program, report, entry, programEdits(report, entry.values), (base: ProgramReport) =>
          programEdits(base, entry.values),
        ),
      );
  }
  const meetingInput = (meeting: Meeting) => ({ config: input.config, month: input.month, meeting });
  const meeting =
    read.meeting && input.meeting
      ? merge(
          MEETING_TARGET,
          input.meeting,
          read.meeting,
          meetingEdits(meetingInput(input.meeting), read.meeting.values),
          (base: Meeting) => meetingEdits(meetingInput(base), read.meeting?.values ?? {}),
        )
      : [];
  return { programs, meeting, conflicts };
}
