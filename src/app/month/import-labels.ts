// The import preview in the words of the person who filled the workbook: the program and indicator by
// their names (from lokmin.yaml), a field by its label (Bulan ini, Kumulatif, Kegiatan…), a list as one
// line per item, the cell as "Lembar Capaian, sel J7". Pure functions of the config and the month's file.
import type { PathSegment } from "../../domain/findings.js";
import { getLang, type Message, msg, t } from "../../i18n/index.js";

const FIELDS: Record<string, Message> = {
  bulan_ini: msg("Bulan ini", "This month"),
  kumulatif: msg("Kumulatif", "Cumulative"),
  capaian_persen: msg("Capaian (%)", "Coverage (%)"),
  catatan: msg("Catatan", "Note"),
  laporan_kegiatan: msg("Kegiatan", "Activities"),
  kegiatan: msg("Kegiatan", "Activity"),
  hasil: msg("Hasil", "Result"),
  rencana_bulan_ini: msg("Rencana bulan ini", "This month's plan"),
  rpk: msg("RPK (rencana pelaksanaan kegiatan)", "RPK (activity plan)"),
  analisis: msg("Analisis", "Analysis"),
  orang: msg("Orang", "People"),
  waktu: msg("Waktu", "Time"),
  tempat: msg("Tempat", "Place"),
  masalah: msg("Masalah", "Problem"),
  solusi: msg("Solusi", "Solution"),
  skor: msg("Skor", "Score"),
  hadir: msg("Daftar hadir", "Attendance"),
  kesepakatan: msg("Kesepakatan", "Agreements"),
};

const EMPTY = msg("(kosong)", "(empty)");

/** A key no label is known for, as words: "target_kumulatif" → "Target kumulatif". */
const words = (key: string) => {
  const s = key.replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
};
const fieldLabel = (key: string) => (FIELDS[key] ? t(FIELDS[key]) : words(key));

type Data = Record<string, unknown>;
const list = (v: unknown): Data[] => (Array.isArray(v) ? (v as Data[]) : []);
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

export interface ImportLabels {
  /** The YAML file as a person knows it: "Program Kesehatan Ibu dan Anak", "Rapat bulan ini". */
  file: (file: string) => string;
  /** A changed value's place: "Pelayanan ibu hamil › Bulan ini". */
  field: (file: string, path: readonly PathSegment[]) => string;
}

/** Labels from lokmin.yaml (`config`) and the month's files as they are now (`read(file)`, before the import). */
export function importLabels(config: Data, read: (file: string) => Data | undefined): ImportLabels {
  const programs = list(config.program);
  const indicatorName = new Map<string, string>();
  for (const p of programs)
    for (const i of list(p.indikator)) if (str(i.id) && str(i.nama)) indicatorName.set(str(i.id)!, str(i.nama)!);
  const programOf = (file: string) => /\/program\/([^/]+)\.yaml$/.exec(file)?.[1];
  const cache = new Map<string, Data | undefined>();
  const data = (file: string) => {
    if (!cache.has(file)) cache.set(file, read(file));
    return cache.get(file);
  };
  return {
    file(file) {
      const id = programOf(file);
      if (id) {
        const name = str(programs.find((p) => p.id === id)?.nama) ?? id;
        return t(msg("Program {name}", "Program {name}"), { name });
      }
      if (/(^|\/)rapat\.yaml$/.test(file)) return t(msg("Rapat bulan ini", "This month's meeting"));
      if (/(^|\/)tribulanan\.yaml$/.test(file)) return t(msg("Lokmin tribulanan", "Quarterly Lokmin"));
      return file;
    },
    field(file, path) {
      const parts: string[] = [];
      const doc = data(file);
      let node: unknown = doc;
      for (let k = 0; k < path.length; k++) {
        const seg = path[k];
        node = node && typeof node === "object" ? (node as Record<string | number, unknown>)[seg] : undefined;
        if (typeof seg === "number") {
          const item = (node ?? {}) as Data;
          const key = path[k - 1];
          const name =
            key === "indikator"
              ? (indicatorName.get(String(item.id)) ?? str(item.id))
              : key === "per_desa"
                ? str(item.desa)
                : (str(item.judul) ?? str(item.nama) ?? str(item.kegiatan));
          // The list's own label says what it is; the indicator's and village's names say which one.
          if (key === "indikator" || key === "per_desa") parts.pop();
          parts.push(name ?? t(msg("baris {n}", "row {n}"), { n: seg + 1 }));
        } else parts.push(fieldLabel(seg));
      }
      return parts.join(" › ");
    },
  };
}

/** A cell as a person finds it in Excel: "Lembar Capaian, sel J7". */
export function cellText(sheet?: string, cell?: string): string {
  if (!sheet) return "—";
  return cell
    ? t(msg("Lembar {sheet}, sel {cell}", "Sheet {sheet}, cell {cell}"), { sheet, cell })
    : t(msg("Lembar {sheet}", "Sheet {sheet}"), { sheet });
}

const scalar = (value: unknown): string => {
  if (typeof value === "number") return getLang() === "id" ? String(value).replace(".", ",") : String(value);
  if (typeof value === "boolean") return t(value ? msg("ya", "yes") : msg("tidak", "no"));
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(scalar).filter(Boolean).join(", ");
  return Object.entries(value as Data)
    .map(([k, v]) => [k, scalar(v)] as const)
    .filter(([, v]) => v !== "")
    .map(([k, v]) => `${fieldLabel(k)}: ${v}`)
    .join("; ");
};

/** A value as lines to read: a list one line per item, an item's fields "Kegiatan: …; Hasil: …". */
export function valueLines(value: unknown): string[] {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0))
    return [t(EMPTY)];
  if (Array.isArray(value)) return value.map((item) => `• ${scalar(item)}`);
  return [scalar(value)];
}
