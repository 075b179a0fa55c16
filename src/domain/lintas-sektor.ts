// The quarterly cross-sector Lokmin as data (Permenkes 44/2016; under ILP, KMK
// HK.01.07/MENKES/2015/2023): the sectors of the kecamatan a roster member belongs to, the agenda of
// the meeting with the part of tribulanan.yaml that shows each step was done, and who is who: the
// cross-sector roster of lokmin.yaml beside the Puskesmas' own staff.
import type { Person, Workspace } from "./schema.js";

/** The sectors of the kecamatan, in the order the ILP text lists them (the Camat first). */
export const SECTORS = [
  { id: "camat", nama: "Camat / pemerintah kecamatan" },
  { id: "desa", nama: "Kepala desa / lurah" },
  { id: "dinkes", nama: "Dinas Kesehatan" },
  { id: "pkk", nama: "TP-PKK" },
  { id: "pokjanal", nama: "Pokjanal Posyandu" },
  { id: "kader", nama: "Kader kesehatan" },
  { id: "tni", nama: "TNI (Koramil)" },
  { id: "polri", nama: "Polri (Polsek)" },
  { id: "kua", nama: "Kantor Urusan Agama" },
  { id: "sekolah", nama: "Sekolah / pendidikan" },
  { id: "opd", nama: "OPD / UPT lain" },
  { id: "lain", nama: "Lainnya (tokoh masyarakat, swasta, LSM)" },
] as const;
export type SectorId = (typeof SECTORS)[number]["id"];
export const SECTOR_IDS = SECTORS.map((s) => s.id) as [SectorId, ...SectorId[]];

/**
 * The agenda of the quarterly cross-sector Lokmin (Permenkes 44/2016: coverage per area, each
 * sector's role, the agreed integrated plan, the signed agreement, the proposals for the
 * Musrenbang kecamatan), each with the key of tribulanan.yaml that is its evidence.
 * `pertama`: required at the first quarterly meeting of the year, noted (info) at later ones.
 */
export const QUARTERLY_STEPS = [
  { id: "capaian-wilayah", judul: "Capaian kinerja per desa/kelurahan triwulan lalu", bukti: "capaian_desa" },
  { id: "evaluasi-kesepakatan", judul: "Evaluasi kesepakatan tribulanan lalu", bukti: "evaluasi_kesepakatan" },
  { id: "peran-sektor", judul: "Peran dan dukungan masing-masing sektor", bukti: "peran_sektor" },
  { id: "rencana-terpadu", judul: "Rencana kegiatan terpadu per sektor", bukti: "rencana_terpadu" },
  { id: "kesepakatan", judul: "Penandatanganan kesepakatan lintas sektor", bukti: "kesepakatan" },
  {
    id: "musrenbang",
    judul: "Usulan kesehatan untuk Musrenbang kecamatan",
    bukti: "usulan_musrenbang",
    pertama: true,
  },
] as const;
export type QuarterlyStep = (typeof QUARTERLY_STEPS)[number]["id"];

/** A member of the cross-sector roster, or a member of staff, as a document prints them. */
export interface Participant {
  id: string;
  nama: string;
  jabatan: string;
  instansi: string;
  nip?: string;
  pangkat?: string;
  /** True for members of the Puskesmas' own staff. */
  pegawai: boolean;
  sektor?: SectorId;
}

type RosterEntry = NonNullable<Workspace["lintas_sektor"]>["peserta"][number];

export const crossSectorRoster = (config: Workspace): readonly RosterEntry[] => config.lintas_sektor?.peserta ?? [];

/** Who an id names: a member of the cross-sector roster or of staff; undefined when neither. */
export function participant(config: Workspace, id: string | undefined): Participant | undefined {
  if (!id) return undefined;
  const outside = crossSectorRoster(config).find((p) => p.id === id);
  if (outside) {
    return {
      id,
      nama: outside.nama,
      jabatan: outside.jabatan,
      instansi: outside.instansi,
      nip: outside.nip,
      pangkat: outside.pangkat,
      pegawai: false,
      sektor: outside.sektor,
    };
  }
  const staff: Person | undefined = config.pegawai.find((p) => p.id === id);
  if (!staff) return undefined;
  return {
    id,
    nama: staff.nama,
    jabatan: staff.jabatan,
    instansi: config.puskesmas.nama,
    nip: staff.nip,
    pangkat: staff.pangkat,
    pegawai: true,
  };
}

/** Who chairs the quarterly meeting and who signs its invitation (lokmin.yaml `lintas_sektor`). */
export function quarterlyOfficials(config: Workspace): { pimpinan: string; penandatangan: string } {
  const head = config.pejabat.kepala_puskesmas;
  return {
    pimpinan: config.lintas_sektor?.pimpinan ?? head,
    penandatangan: config.lintas_sektor?.penandatangan_undangan ?? head,
  };
}
