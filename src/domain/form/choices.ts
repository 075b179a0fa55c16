// The Pilihan sheet: the lists a workbook's drop-downs offer (staff as "Nama (id)", the fishbone's
// categories), kept on a locked sheet of their own because a list of names is too long to write
// into a validation rule.
import { msg, t } from "../../i18n/index.js";
import { causeCategories } from "../analysis.js";
import type { Workspace } from "../schema.js";
import { cell, type Column, FIRST, identityFor, SheetBuilder } from "./layout.js";
import { columnLetter, type SheetSpec } from "./workbook.js";

export const CHOICES_SHEET = "Pilihan";
/** Row of the first staff entry on the Pilihan sheet (after title, identity, note and header). */
const FIRST_ENTRY = 5;
/** The column of the fishbone categories on the Pilihan sheet (after staff id and jabatan). */
const CATEGORY_COLUMN = FIRST + 3;

const M = {
  title: msg("Daftar pilihan — {puskesmas}", "Choice lists — {puskesmas}"),
  note: msg(
    "Daftar untuk pilihan di lembar lain; tidak perlu diisi. Pegawai baru dan kategori akar masalah " +
      "(analisis.kategori) ditambahkan di lokmin.yaml.",
    "Lists for the drop-downs on the other sheets; nothing to fill. New staff and root-cause categories " +
      "(analisis.kategori) are added in lokmin.yaml.",
  ),
};

export interface Choice {
  id: string;
  label: string;
}

/** Active staff as choices labelled "Nama (id)". */
export function staffChoices(config: Workspace): Choice[] {
  return config.pegawai.filter((p) => p.aktif !== false).map((p) => ({ id: p.id, label: `${p.nama} (${p.id})` }));
}

/** A column whose cells pick a staff member from the Pilihan sheet. */
export function staffColumn(config: Workspace, key: string, header: string, width = 26): Column {
  const staff = staffChoices(config);
  const col = columnLetter(FIRST);
  return {
    key,
    header,
    width,
    kind: "choice",
    choices: staff,
    range: `${CHOICES_SHEET}!$${col}$${FIRST_ENTRY}:$${col}$${FIRST_ENTRY + Math.max(staff.length, 1) - 1}`,
  };
}

/** The range of the workspace's fishbone categories on the Pilihan sheet, for a list validation. */
export function categoryRange(config: Workspace): string {
  const col = columnLetter(CATEGORY_COLUMN);
  const count = Math.max(causeCategories(config).length, 1);
  return `${CHOICES_SHEET}!$${col}$${FIRST_ENTRY}:$${col}$${FIRST_ENTRY + count - 1}`;
}

export function choicesSheet(config: Workspace, month: string): SheetSpec {
  const b = new SheetBuilder(
    CHOICES_SHEET,
    [44, 14, 40, 26],
    identityFor(config, "pilihan", "pilihan", month, "pilihan"),
    t(M.title, { puskesmas: config.puskesmas.nama }),
  );
  b.note(t(M.note));
  b.row("h:pegawai", [
    cell("header", "Pegawai"),
    cell("header", "Id"),
    cell("header", "Jabatan"),
    cell("header", "Kategori akar masalah"),
  ]);
  const staff = config.pegawai.filter((x) => x.aktif !== false);
  const categories = causeCategories(config);
  for (let i = 0; i < Math.max(staff.length, categories.length); i++) {
    const p = staff[i];
    const person = p
      ? [cell("locked", `${p.nama} (${p.id})`), cell("locked", p.id), cell("locked", p.jabatan)]
      : [undefined, undefined, undefined];
    b.row(p ? "r:pegawai" : "r:kategori", [
      ...person,
      i < categories.length ? cell("locked", categories[i]) : undefined,
    ]);
  }
  return b.build();
}
