// The base of a workbook: what each target YAML file held when `lokmin form` pre-filled the
// workbook from it, kept in a very hidden sheet so that `lokmin import` can merge three ways (the
// way version control does): a value the person did not change in the workbook leaves the YAML
// as it is now, one the YAML did not change since is written, and one both changed is a conflict.
// The data is JSON, base64 so no spreadsheet program trims or reinterprets it, cut into cells
// below Excel's 32767-character limit, with a hash that tells a damaged copy from a good one.
import { msg, t } from "../../i18n/index.js";
import type { Workspace } from "../schema.js";
import { cell, FIRST, hash, identityFor, indexRows, SheetBuilder } from "./layout.js";
import { readCell, type ReadSheet, type SheetSpec } from "./workbook.js";

export const BASE_SHEET = "Dasar";
/** Characters per cell: well below Excel's 32767. */
const CHUNK = 30000;

const M = {
  title: msg("Data dasar isian (jangan diubah)", "Form base data (do not change)"),
  note: msg(
    "Isi berkas YAML saat isian dibuat; dipakai `lokmin import` agar isian yang lama tidak menimpa " +
      "perubahan di YAML.",
    "What the YAML files held when the form was made; `lokmin import` uses it so an old form does not " +
      "overwrite changes made in the YAML.",
  ),
};

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x8000, bytes.length)));
  return btoa(binary);
}

function fromBase64(text: string): string {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/** The very hidden sheet holding each target's base (program id or "rapat" → its parsed YAML data). */
export function baseSheet(config: Workspace, month: string, bases: ReadonlyArray<[string, unknown]>): SheetSpec {
  const b = new SheetBuilder(
    BASE_SHEET,
    [16, 16, 16, 60],
    identityFor(config, "dasar", "dasar", month, "dasar"),
    t(M.title),
  );
  b.note(t(M.note));
  for (const [target, data] of bases) {
    const json = JSON.stringify(data ?? null);
    const encoded = toBase64(json);
    const parts: string[] = [];
    for (let i = 0; i < encoded.length; i += CHUNK) parts.push(encoded.slice(i, i + CHUNK));
    b.row(`zh:${target}`, [cell("key", target), cell("key", hash(json)), cell("key", parts.length)]);
    parts.forEach((part, i) =>
      b.row(`z:${target}`, [cell("key", target), cell("key", i + 1), undefined, cell("key", part)]),
    );
  }
  return { ...b.build({ protect: {} }), state: "veryHidden" };
}

const text = (sheet: ReadSheet, row: number, column: number) => {
  const c = readCell(sheet, row, column);
  return c.kind === "text" || c.kind === "number" ? String(c.value).trim() : "";
};

/**
 * The bases a workbook carries, target → data, each checked against its hash. A target whose base
 * is damaged is left out, so it is never merged against bad data (the caller reports it).
 */
export function readBases(sheet: ReadSheet): Map<string, unknown> {
  const heads = new Map<string, { hash: string; count: number }>();
  const parts = new Map<string, Map<number, string>>();
  for (const { row, key } of indexRows(sheet)) {
    if (key.startsWith("zh:")) {
      heads.set(key.slice(3), { hash: text(sheet, row, FIRST + 1), count: Number(text(sheet, row, FIRST + 2)) });
    } else if (key.startsWith("z:")) {
      const target = key.slice(2);
      const list = parts.get(target) ?? new Map<number, string>();
      list.set(Number(text(sheet, row, FIRST + 1)), text(sheet, row, FIRST + 3));
      parts.set(target, list);
    }
  }
  const out = new Map<string, unknown>();
  for (const [target, head] of heads) {
    const list = parts.get(target) ?? new Map<number, string>();
    let data: unknown;
    let ok = list.size === head.count;
    if (ok) {
      try {
        const json = fromBase64(Array.from({ length: head.count }, (_, i) => list.get(i + 1) ?? "").join(""));
        ok = hash(json) === head.hash;
        if (ok) data = JSON.parse(json);
      } catch {
        ok = false;
      }
    }
    if (ok) out.set(target, data);
  }
  return out;
}
