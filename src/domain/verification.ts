// Data verification across programs (Perbup Musi Rawas 49/2018 Pasal 9, Lampiran II): relations
// between indicators ("K4 ≤ K1", "bayi baru lahir ≈ ibu bersalin") checked on a month's figures —
// this month's, the cumulative and per village — and the verification record of rapat.yaml that
// justifies a mismatch (Pasal 9 ayat (3)). Pure: the month's data in, comparisons out.
import { type Message, msg } from "../i18n/index.js";
import { defaultPrograms } from "./defaults.js";
import type { PathSegment } from "./findings.js";
import type { Indicator, IndicatorReport, MismatchRecord, RelationSettings, Workspace } from "./schema.js";
import type { MonthData } from "./workspace-data.js";

export type Operator = "<=" | ">=" | "=" | "~";
export type Measure = "bulan_ini" | "kumulatif";
export const MEASURES: readonly Measure[] = ["bulan_ini", "kumulatif"];

/** Whether a relation follows from the definitions in a regulation, or is a link used in practice. */
export type Basis = "regulasi" | "praktik";

export interface RelationDef {
  id: string;
  kiri: string;
  operator: Operator;
  kanan: string;
  toleransi?: { persen?: number; jumlah?: number };
  lingkup: readonly Measure[];
  perDesa: boolean;
  alasan: Message;
  sumber: Message;
  /** Where it is declared: shipped with lokmin, or lokmin.yaml `verifikasi.tambahan[index]`. */
  origin: { kind: "bawaan" } | { kind: "tambahan"; index: number };
}

export interface LibraryRelation extends RelationDef {
  basis: Basis;
}

const OPERATOR_ALIASES: Record<string, Operator> = {
  "<=": "<=",
  ">=": ">=",
  "=": "=",
  "~": "~",
  "≤": "<=",
  "≥": ">=",
  "≈": "~",
};

/** The sign as printed: ≤ ≥ = ≈. */
export const SIGN: Record<Operator, string> = { "<=": "≤", ">=": "≥", "=": "=", "~": "≈" };

const lib = (
  id: string,
  kiri: string,
  operator: Operator,
  kanan: string,
  options: {
    toleransi?: RelationDef["toleransi"];
    lingkup?: readonly Measure[];
    perDesa?: boolean;
    alasan: Message;
    sumber: Message;
    basis: Basis;
  },
): LibraryRelation => ({
  id,
  kiri,
  operator,
  kanan,
  toleransi: options.toleransi,
  lingkup: options.lingkup ?? MEASURES,
  perDesa: options.perDesa ?? true,
  alasan: options.alasan,
  sumber: options.sumber,
  basis: options.basis,
  origin: { kind: "bawaan" },
});

/**
 * Relations known to hold between indicators a Puskesmas reports, each with its reason and source.
 * Those whose two indicators are both in lokmin's default catalogue (src/domain/defaults.ts) are the
 * default set, in force wherever a workspace has both; the others need indicators the catalogue does
 * not have and are offered for `verifikasi.tambahan` (the README prints them ready to copy).
 * Indicator ids are bare: a relation applies in each program holding both (kia, klaster-2 …).
 */
export const RELATION_LIBRARY: readonly LibraryRelation[] = [
  lib("bbl-bulin", "bbl", "~", "bulin", {
    toleransi: { persen: 10, jumlah: 2 },
    alasan: msg(
      "bayi baru lahir yang dilayani kira-kira sama dengan ibu bersalin yang dilayani; bayi kembar, lahir mati dan " +
        "kunjungan neonatal yang selesai bulan berikutnya menjelaskan selisih kecil",
      "newborns served are close to the mothers whose delivery was attended; twins, stillbirths and neonatal visits " +
        "completed the next month explain small gaps",
    ),
    sumber: msg(
      "indikator: Permenkes 6/2024 (SPM ibu bersalin dan bayi baru lahir, sasaran dari perkiraan lahir hidup); " +
        "pasangan verifikasinya: praktik PWS-KIA Puskesmas",
      "indicators: Permenkes 6/2024 (SPM delivery and newborn care, targets from the estimated live births); " +
        "pairing them for verification: Puskesmas PWS-KIA practice",
    ),
    basis: "praktik",
  }),
  lib("k4-k1", "k4", "<=", "k1", {
    lingkup: ["kumulatif"],
    toleransi: { persen: 5 },
    alasan: msg(
      "ibu hamil dengan kunjungan keempat (K4) sudah tercatat kunjungan pertamanya (K1); kehamilan yang melewati " +
        "pergantian tahun menjelaskan selisih kecil",
      "a pregnant woman with her fourth visit (K4) has had her first (K1); pregnancies spanning the new year explain " +
        "small gaps",
    ),
    sumber: msg(
      "Pedoman PWS-KIA (Kemenkes 2010): definisi K1 dan K4",
      "PWS-KIA guideline (Ministry of Health 2010): definitions of K1 and K4",
    ),
    basis: "praktik",
  }),
  lib("bumil-k4", "bumil", "<=", "k4", {
    lingkup: ["kumulatif"],
    toleransi: { persen: 5 },
    alasan: msg(
      "ibu hamil yang dilayani sesuai standar (minimal 6 kunjungan, K6) sudah melewati kunjungan keempat (K4)",
      "pregnant women served to standard (at least 6 visits, K6) have passed their fourth visit (K4)",
    ),
    sumber: msg(
      "Permenkes 6/2024 (SPM ibu hamil: minimal 6 kali pemeriksaan) dan Pedoman PWS-KIA (K4)",
      "Permenkes 6/2024 (SPM pregnancy care: at least 6 visits) and the PWS-KIA guideline (K4)",
    ),
    basis: "praktik",
  }),
  lib("kn1-bulin", "kn1", "~", "bulin", {
    toleransi: { persen: 10, jumlah: 2 },
    alasan: msg(
      "setiap bayi lahir hidup mendapat kunjungan neonatal pertama (KN1, 6–48 jam); bayi kembar dan lahir mati " +
        "menjelaskan selisih kecil dengan persalinan",
      "every live newborn gets the first neonatal visit (KN1, 6–48 hours); twins and stillbirths explain small gaps " +
        "with deliveries",
    ),
    sumber: msg("Pedoman PWS-KIA (Kemenkes 2010): KN1 dan persalinan", "PWS-KIA guideline (2010): KN1 and deliveries"),
    basis: "praktik",
  }),
  lib("hb0-lahir-hidup", "hb0", "<=", "lahir-hidup", {
    toleransi: { jumlah: 2 },
    alasan: msg(
      "imunisasi HB0 diberikan kepada bayi lahir hidup dalam 24 jam, jadi tidak lebih dari bayi lahir hidup (bayi " +
        "yang lahir di akhir bulan dan divaksin awal bulan berikutnya menjelaskan selisih 1–2)",
      "HB0 is given to live newborns within 24 hours, so never to more babies than were born alive (a baby born at " +
        "the end of a month and vaccinated the next day explains a gap of 1–2)",
    ),
    sumber: msg(
      "Permenkes 12/2017 tentang Penyelenggaraan Imunisasi (HB0 < 24 jam setelah lahir)",
      "Permenkes 12/2017 on immunisation (HB0 within 24 hours of birth)",
    ),
    basis: "regulasi",
  }),
  lib("balita-k-s", "balita-k", "<=", "balita-s", {
    lingkup: ["bulan_ini"],
    alasan: msg(
      "balita yang punya KMS/buku KIA (K) tidak lebih dari balita terdaftar (S)",
      "K ≤ S: toddlers with a growth card are among those registered",
    ),
    sumber: msg(
      "Standar Pemantauan Pertumbuhan Balita (Depkes 2006): SKDN",
      "Growth monitoring standard (Ministry of Health 2006): SKDN",
    ),
    basis: "regulasi",
  }),
  lib("balita-d-k", "balita-d", "<=", "balita-k", {
    lingkup: ["bulan_ini"],
    alasan: msg(
      "balita ditimbang (D) tidak lebih dari balita yang punya KMS/buku KIA (K)",
      "D ≤ K: toddlers weighed are among those with a growth card",
    ),
    sumber: msg(
      "Standar Pemantauan Pertumbuhan Balita (Depkes 2006): SKDN",
      "Growth monitoring standard (Ministry of Health 2006): SKDN",
    ),
    basis: "regulasi",
  }),
  lib("balita-n-d", "balita-n", "<=", "balita-d", {
    lingkup: ["bulan_ini"],
    alasan: msg(
      "balita yang naik berat badannya (N) tidak lebih dari balita ditimbang (D)",
      "N ≤ D: toddlers who gained weight are among those weighed",
    ),
    sumber: msg(
      "Standar Pemantauan Pertumbuhan Balita (Depkes 2006): SKDN",
      "Growth monitoring standard (Ministry of Health 2006): SKDN",
    ),
    basis: "regulasi",
  }),
  lib("tb-ditemukan-terduga", "tb-ditemukan", "<=", "terduga-tb", {
    alasan: msg(
      "kasus TB yang ditemukan tidak lebih dari orang terduga TB yang diperiksa; kasus yang didiagnosis di rumah " +
        "sakit lalu dilaporkan ke Puskesmas menjelaskan selisih",
      "TB cases found are no more than the presumptive cases examined; cases diagnosed in a hospital and notified " +
        "to the Puskesmas explain a gap",
    ),
    sumber: msg(
      "Permenkes 67/2016 tentang Penanggulangan TB dan Permenkes 6/2024 (SPM orang terduga TB)",
      "Permenkes 67/2016 on TB control and Permenkes 6/2024 (SPM presumptive TB)",
    ),
    basis: "praktik",
  }),
];

/** Indicator ids of the default catalogues (classic programs and ILP klaster). */
const CATALOGUE_IDS = new Set(
  (["program", "klaster"] as const).flatMap((taxonomy) =>
    defaultPrograms(taxonomy, "-").programs.flatMap((p) => p.indikator.map((i) => i.id)),
  ),
);

/** The default set: library relations whose both indicators are in the default catalogue. */
export const DEFAULT_RELATIONS: readonly LibraryRelation[] = RELATION_LIBRARY.filter(
  (r) => CATALOGUE_IDS.has(r.kiri) && CATALOGUE_IDS.has(r.kanan),
);

const plain = (text: string): Message => ({ id: text, en: text });
const OWN_SOURCE = msg("ditetapkan Puskesmas (lokmin.yaml)", "set by the Puskesmas (lokmin.yaml)");

/** A relation of lokmin.yaml `verifikasi.tambahan` in the shape of the library's. */
export function ownRelation(settings: RelationSettings, index: number): RelationDef {
  return {
    id: settings.id,
    kiri: settings.kiri,
    operator: OPERATOR_ALIASES[settings.operator],
    kanan: settings.kanan,
    toleransi: settings.toleransi,
    lingkup: settings.lingkup ?? MEASURES,
    perDesa: settings.per_desa ?? true,
    alasan: plain(settings.alasan),
    sumber: settings.sumber ? plain(settings.sumber) : OWN_SOURCE,
    origin: { kind: "tambahan", index },
  };
}

export interface Side {
  program: string;
  indikator: string;
  def: Indicator;
}

export interface RelationInstance {
  relation: RelationDef;
  kiri: Side;
  kanan: Side;
}

/** Why a relation of lokmin.yaml cannot be checked. */
export type ResolveProblem =
  | { kind: "unknown"; side: "kiri" | "kanan"; ref: string }
  | { kind: "ambiguous"; side: "kiri" | "kanan"; ref: string; programs: string[] }
  | { kind: "same"; ref: string };

const holders = (config: Workspace, indicator: string) =>
  config.program.flatMap((p) => {
    const def = p.indikator.find((i) => i.id === indicator);
    return def ? [{ program: p.id, indikator: indicator, def }] : [];
  });

function explicitSide(config: Workspace, ref: string): Side | undefined {
  const [program, indikator] = ref.split("/");
  const def = config.program.find((p) => p.id === program)?.indikator.find((i) => i.id === indikator);
  return def ? { program, indikator, def } : undefined;
}

/**
 * The instances of a relation in a workspace. `program/indikator` names one indicator; a bare id
 * names the indicator of that id — in the one program holding it, or, when both sides are bare
 * and several programs hold both (kia and kia-2), once per such program.
 */
export function resolveRelation(
  config: Workspace,
  relation: RelationDef,
): { instances: RelationInstance[]; problem?: ResolveProblem } {
  const sides = (["kiri", "kanan"] as const).map((side) => {
    const ref = relation[side];
    if (ref.includes("/")) {
      const found = explicitSide(config, ref);
      return { side, ref, candidates: found ? [found] : [] };
    }
    return { side, ref, candidates: holders(config, ref) };
  });
  for (const s of sides)
    if (s.candidates.length === 0) return { instances: [], problem: { kind: "unknown", ...pick(s) } };
  const [left, right] = sides;
  let pairs: Array<[Side, Side]>;
  if (left.candidates.length === 1 && right.candidates.length === 1)
    pairs = [[left.candidates[0], right.candidates[0]]];
  else {
    // Several programs hold a side: the relation applies within each program holding both sides.
    pairs = left.candidates.flatMap((l) => {
      const r = right.candidates.find((c) => c.program === l.program);
      return r ? [[l, r] as [Side, Side]] : [];
    });
    if (pairs.length === 0) {
      const many = left.candidates.length > 1 ? left : right;
      return {
        instances: [],
        problem: { kind: "ambiguous", side: many.side, ref: many.ref, programs: many.candidates.map((c) => c.program) },
      };
    }
  }
  if (pairs.some(([l, r]) => l.program === r.program && l.indikator === r.indikator))
    return { instances: [], problem: { kind: "same", ref: relation.kiri } };
  return { instances: pairs.map(([kiri, kanan]) => ({ relation, kiri, kanan })) };
}

const pick = (s: { side: "kiri" | "kanan"; ref: string }) => ({ side: s.side, ref: s.ref });

/** Relations declared for a workspace: the default set not switched off, then its own. */
export function declaredRelations(config: Workspace): RelationDef[] {
  const off = new Set(config.verifikasi?.nonaktif ?? []);
  const own = (config.verifikasi?.tambahan ?? []).map(ownRelation);
  const ownIds = new Set(own.map((r) => r.id));
  // An own relation with a default's id replaces it (a Puskesmas may set its own tolerance).
  return [...DEFAULT_RELATIONS.filter((r) => !off.has(r.id) && !ownIds.has(r.id)), ...own];
}

const inForceCache = new WeakMap<Workspace, RelationInstance[]>();

/** The relation instances checked in this workspace: a default missing an indicator is simply not in force. */
export function relationsInForce(config: Workspace): RelationInstance[] {
  const cached = inForceCache.get(config);
  if (cached) return cached;
  const instances = declaredRelations(config).flatMap((r) => resolveRelation(config, r).instances);
  inForceCache.set(config, instances);
  return instances;
}

/** The allowed gap for two figures: the larger of `jumlah` and `persen` % of the larger figure. */
export function allowedGap(toleransi: RelationDef["toleransi"], a: number, b: number): number {
  if (!toleransi) return 0;
  const byPercent = toleransi.persen !== undefined ? (toleransi.persen / 100) * Math.max(a, b) : 0;
  return Math.max(toleransi.jumlah ?? 0, byPercent);
}

/** Whether `a OP b` holds within `allowed`. */
export function holds(operator: Operator, a: number, b: number, allowed: number): boolean {
  switch (operator) {
    case "<=":
      return a <= b + allowed;
    case ">=":
      return a + allowed >= b;
    default:
      return Math.abs(a - b) <= allowed;
  }
}

export interface Figure {
  program: string;
  indikator: string;
  value: number;
  file: string;
  path: PathSegment[];
}

export type ComparisonStatus = "sesuai" | "diperbaiki" | "dijustifikasi" | "tidak-sesuai" | "belum-diperbaiki";

export interface Comparison {
  instance: RelationInstance;
  measure: Measure;
  desa?: string;
  kiri: Figure;
  kanan: Figure;
  holds: boolean;
  /** kiri − kanan. */
  difference: number;
  allowed: number;
  /** The entry of rapat.yaml verifikasi_data.selisih about this comparison, with its index. */
  record?: { index: number; entry: MismatchRecord };
  status: ComparisonStatus;
}

const filledText = (value: string | null | undefined) => typeof value === "string" && value.trim() !== "";

function statusOf(ok: boolean, record: MismatchRecord | undefined): ComparisonStatus {
  if (ok) return record?.diperbaiki ? "diperbaiki" : "sesuai";
  if (record?.diperbaiki) return "belum-diperbaiki";
  return record && filledText(record.justifikasi) ? "dijustifikasi" : "tidak-sesuai";
}

const indexCache = new WeakMap<MonthData, Map<string, { file: string; index: number; report: IndicatorReport }>>();

/** The month's indicator figures by `program/indikator`, with the file and index each is in. */
export function monthFigures(month: MonthData) {
  let map = indexCache.get(month);
  if (map) return map;
  map = new Map();
  for (const program of month.programs) {
    program.data.indikator.forEach((report, index) => {
      map!.set(`${program.data.program}/${report.id}`, { file: program.file, index, report });
    });
  }
  indexCache.set(month, map);
  return map;
}

/** The record entry about a comparison: same relation, and the village and measure when it names them. */
export function recordFor(
  records: readonly MismatchRecord[],
  relation: string,
  measure: Measure,
  desa: string | undefined,
): { index: number; entry: MismatchRecord } | undefined {
  const index = records.findIndex(
    (r) => r.relasi === relation && (r.desa === undefined || r.desa === desa) && (!r.lingkup || r.lingkup === measure),
  );
  return index < 0 ? undefined : { index, entry: records[index] };
}

const compareCache = new WeakMap<Workspace, WeakMap<MonthData, Comparison[]>>();

/**
 * Every comparison of the relations in force on a month: per measure in the relation's scope for
 * the Puskesmas, and per village present on both sides when both indicators are reported per village.
 * A figure not filled in (null) is not compared: `capaian/belum-diisi` reports it.
 */
export function compareMonth(config: Workspace, month: MonthData): Comparison[] {
  let byMonth = compareCache.get(config);
  if (!byMonth) compareCache.set(config, (byMonth = new WeakMap()));
  const cached = byMonth.get(month);
  if (cached) return cached;
  const figures = monthFigures(month);
  const records = month.meeting?.data.verifikasi_data?.selisih ?? [];
  const out: Comparison[] = [];
  for (const instance of relationsInForce(config)) {
    const left = figures.get(`${instance.kiri.program}/${instance.kiri.indikator}`);
    const right = figures.get(`${instance.kanan.program}/${instance.kanan.indikator}`);
    if (!left || !right) continue;
    const push = (measure: Measure, a: Figure, b: Figure, desa?: string) => {
      const allowed = allowedGap(instance.relation.toleransi, a.value, b.value);
      const ok = holds(instance.relation.operator, a.value, b.value, allowed);
      const record = recordFor(records, instance.relation.id, measure, desa);
      out.push({
        instance,
        measure,
        desa,
        kiri: a,
        kanan: b,
        holds: ok,
        difference: a.value - b.value,
        allowed,
        record,
        status: statusOf(ok, record?.entry),
      });
    };
    const figure = (side: Side, at: { file: string; index: number }, value: number, path: PathSegment[]) => ({
      program: side.program,
      indikator: side.indikator,
      value,
      file: at.file,
      path: ["indikator", at.index, ...path],
    });
    for (const measure of instance.relation.lingkup) {
      const a = left.report[measure];
      const b = right.report[measure];
      if (a === null || b === null) continue;
      push(measure, figure(instance.kiri, left, a, [measure]), figure(instance.kanan, right, b, [measure]));
    }
    if (!instance.relation.perDesa || !instance.kiri.def.per_desa || !instance.kanan.def.per_desa) continue;
    const villages = right.report.per_desa ?? [];
    (left.report.per_desa ?? []).forEach((row, i) => {
      const j = villages.findIndex((v) => v.desa === row.desa);
      if (j < 0) return;
      for (const measure of instance.relation.lingkup) {
        const a = row[measure];
        const b = villages[j][measure];
        if (a === null || b === null) continue;
        push(
          measure,
          figure(instance.kiri, left, a, ["per_desa", i, measure]),
          figure(instance.kanan, right, b, ["per_desa", j, measure]),
          row.desa,
        );
      }
    });
  }
  byMonth.set(month, out);
  return out;
}

/** Comparisons that did not hold and are not justified or corrected: the verification's open points. */
export const openMismatches = (comparisons: readonly Comparison[]) =>
  comparisons.filter((c) => c.status === "tidak-sesuai" || c.status === "belum-diperbaiki");

// ---------------------------------------------------------------------------------------------
// Unusual figures ("periksa register"): a month far outside the indicator's own history.

/**
 * The statistic, documented in the README. The reference is the median of the indicator's monthly
 * figures (bulan_ini) of the `window` calendar months before (crossing the new year: monthly counts
 * are comparable across years; a month not filled in is left out). A figure is unusual when all hold:
 * - at least `minHistory` earlier figures, and their median is at least `minMedian` (an indicator
 *   that counts a handful a month has no "usual");
 * - it is at least `ratio` times the median, or at most the median ÷ `ratio`;
 * - it lies more than `robustZ` spreads from the median, the spread being the larger of 1,4826 × MAD
 *   (a standard deviation one outlier cannot inflate) and √median (the least a count of people varies
 *   by chance): a series that swings widely by nature (campaign months) is not flagged for swinging,
 *   nor a small count for a quiet month;
 * - or, whatever the spread, it is zero after months that all had activity (a month not tallied).
 */
export const UNUSUAL = { window: 6, minHistory: 4, minMedian: 5, ratio: 3, robustZ: 3 } as const;

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export interface Unusual {
  value: number;
  median: number;
  /** max(1.4826 × the median absolute deviation, √median): a standard deviation one outlier cannot inflate. */
  spread: number;
  history: number[];
  direction: "tinggi" | "rendah";
}

/** Whether `value` is unusual against `history` (oldest first), by the rule of `UNUSUAL`. */
export function unusualFigure(value: number, history: readonly number[]): Unusual | undefined {
  if (history.length < UNUSUAL.minHistory) return undefined;
  // Most figures sit between a third of the smallest and three times the largest of their history's
  // neighbours, hence between a third and three times the median: no need to sort anything.
  let least = Infinity;
  let most = -Infinity;
  for (const v of history) {
    if (v < least) least = v;
    if (v > most) most = v;
  }
  if (value > most / UNUSUAL.ratio && value < least * UNUSUAL.ratio) return undefined;
  const m = median(history);
  if (m < UNUSUAL.minMedian) return undefined;
  const high = value >= UNUSUAL.ratio * m;
  const low = value <= m / UNUSUAL.ratio;
  if (!high && !low) return undefined;
  const spread = Math.max(1.4826 * median(history.map((v) => Math.abs(v - m))), Math.sqrt(m));
  const silent = value === 0 && history.every((v) => v > 0);
  if (!silent && Math.abs(value - m) <= UNUSUAL.robustZ * spread) return undefined;
  return { value, median: m, spread, history: [...history], direction: high ? "tinggi" : "rendah" };
}
