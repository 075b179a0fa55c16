// What the Berita Acara Verifikasi Data sees (Perbup Pasal 9–10): every relation between indicators
// compared this month with its figures, sesuai or tidak sesuai, and for a mismatch the justification
// and cause agreed and whether the figure was corrected; signed by the coordinators of the programs
// involved and known by the Kepala Puskesmas. Built from the same comparisons as `lokmin check`. Pure.
import { longDate, plainDate } from "../domain/format-date.js";
import { number } from "../domain/format-id.js";
import type { SupervisionProfile } from "../domain/regulations.js";
import type { Workspace } from "../domain/schema.js";
import { type Comparison, type ComparisonStatus, compareMonth, SIGN, type Side } from "../domain/verification.js";
import type { MonthData } from "../domain/workspace-data.js";
import { headTitle, personView } from "./people.js";

const STATUS: Record<ComparisonStatus, string> = {
  sesuai: "Sesuai",
  diperbaiki: "Sesuai setelah diperbaiki",
  dijustifikasi: "Tidak sesuai",
  "tidak-sesuai": "Tidak sesuai",
  "belum-diperbaiki": "Tidak sesuai",
};

const MEASURE = { bulan_ini: "Bulan ini", kumulatif: "Kumulatif" } as const;

/** How a reader names an indicator: its unit ("Bayi baru lahir") when lokmin.yaml gives one, else its name. */
function sideName(side: Side): string {
  const text = side.def.satuan?.trim() || side.def.nama;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The verification's counts, for the Daftar Tilik's notes. */
export interface VerificationSummary {
  compared: number;
  open: number;
  settled: number;
}

export function verificationSummary(comparisons: readonly Comparison[]): VerificationSummary {
  return {
    compared: comparisons.length,
    open: comparisons.filter((c) => c.status === "tidak-sesuai" || c.status === "belum-diperbaiki").length,
    settled: comparisons.filter((c) => c.status === "dijustifikasi" || c.status === "diperbaiki").length,
  };
}

/**
 * The rows of the Berita Acara: each relation's totals, and a village only where it does not match or
 * was corrected; the record's justification only where it explains something (a mismatch or a correction).
 */
function rows(comparisons: readonly Comparison[]) {
  const explained = (c: Comparison) => !c.holds || c.status === "diperbaiki";
  const shown = comparisons.filter((c) => c.desa === undefined || explained(c));
  return shown.map((c, i) => {
    const relation = c.instance.relation;
    const sign = SIGN[relation.operator];
    const record = explained(c) ? c.record?.entry : undefined;
    const difference = Math.abs(c.difference);
    return {
      no: i + 1,
      id: relation.id,
      relasi: `${sideName(c.instance.kiri)} ${sign} ${sideName(c.instance.kanan)}`,
      kode: `${c.kiri.program}/${c.kiri.indikator} ${sign} ${c.kanan.program}/${c.kanan.indikator}`,
      alasan: relation.alasan.id,
      angka: `${MEASURE[c.measure]}${c.desa ? `, desa ${c.desa}` : ""}`,
      nilai: `${number(c.kiri.value)} ${sign} ${number(c.kanan.value)}`,
      selisih: difference === 0 ? "–" : number(difference),
      sesuai: c.holds,
      hasil: STATUS[c.status],
      justifikasi: record?.justifikasi ?? "",
      penyebab: record?.penyebab ?? "",
      diperbaiki: record ? (record.diperbaiki ? "Ya" : "Tidak") : "",
    };
  });
}

export function buildVerificationContext(input: {
  config: Workspace;
  loaded: MonthData;
  profile: SupervisionProfile;
  /** The month's comparisons when already made (compareMonth). */
  comparisons?: readonly Comparison[];
}) {
  const { config, loaded, profile } = input;
  const meeting = loaded.meeting?.data;
  const record = meeting?.verifikasi_data;
  const comparisons = input.comparisons ?? compareMonth(config, loaded);
  const table = rows(comparisons);
  const place = config.puskesmas.tempat_surat ?? config.puskesmas.kecamatan;
  const date = record?.tanggal ?? meeting?.tanggal ?? null;
  const programs = new Set(comparisons.flatMap((c) => [c.kiri.program, c.kanan.program]));
  const coordinators = [
    ...new Set(config.program.filter((p) => programs.has(p.id)).map((p) => p.penanggung_jawab)),
  ].filter((id) => id !== config.pejabat.kepala_puskesmas);
  const kepala = personView(config, config.pejabat.kepala_puskesmas);
  kepala.jabatan_ttd = headTitle(config);
  const summary = verificationSummary(comparisons);
  return {
    berita_acara: {
      ada: Boolean(record) || comparisons.length > 0,
      hari_tanggal: date ? longDate(date) : "…",
      tanggal: date ? plainDate(date) : "…",
      tempat_tanggal: `${place}, ${date ? plainDate(date) : "…"}`,
      hasil: record?.hasil ?? "",
      dilaporkan: Boolean(record?.dilaporkan),
      dasar: `${profile.singkat} ${profile.pasal.verifikasi}`,
      baris: table,
      ada_baris: table.length > 0,
      jumlah: summary.compared,
      jumlah_sesuai: comparisons.filter((c) => c.holds).length,
      jumlah_tidak_sesuai: comparisons.filter((c) => !c.holds).length,
      jumlah_dijustifikasi: comparisons.filter((c) => c.status === "dijustifikasi").length,
      jumlah_belum: summary.open,
      /** The coordinators, then the head under "Mengetahui," (one signature block, two signers a row). */
      penandatangan: [
        ...coordinators.map((id) => personView(config, id)),
        { ...kepala, jabatan_ttd: `Mengetahui,\n${kepala.jabatan_ttd}` },
      ],
      kepala,
    },
  };
}

export type VerificationContext = ReturnType<typeof buildVerificationContext>;
