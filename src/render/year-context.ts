// The parts of the render context (context.ts) for the year's other meetings: the first Lokmin's
// task and wilayah binaan matrix and POA, the quarterly cross-sector Lokmin (invitation addressed
// outside the Puskesmas, attendance with instansi, notulen, the signed agreement) and the pralokmin
// of each klaster, everything formatted the Indonesian way. Pure.
import { longDate, plainDate } from "../domain/format-date.js";
import { percent, timeRange } from "../domain/format-id.js";
import { participant, type Participant } from "../domain/lintas-sektor.js";
import { letterNumber } from "../domain/letters.js";
import { meetingKindName } from "../domain/meeting-kinds.js";
import type { Meeting, Pralokmin, ProgramReport, QuarterlyMeeting, Workspace } from "../domain/schema.js";
import { accumulationOf, periodMonth, reportPeriod, villageFigures } from "../domain/targets.js";
import { QUARTERLY_STAKEHOLDER_PICTURE, stakeholderView } from "./analysis-context.js";
import { headTitle, printNip } from "./people.js";

const STATUS_LABEL: Record<string, string> = {
  hadir: "Hadir",
  izin: "Izin",
  sakit: "Sakit",
  dinas_luar: "Dinas luar",
  alpa: "Tanpa keterangan",
};

const STATUS_EVALUATION: Record<string, string> = {
  selesai: "Selesai",
  sebagian: "Sebagian",
  berjalan: "Berjalan (belum jatuh tempo)",
  belum: "Belum",
  batal: "Batal",
};

/** Column widths (relative, whole numbers) for fixed columns followed by `repeat` narrow ones, then `tail`. */
const widths = (fixed: number[], repeat: number, each: number, tail: number[] = []) =>
  [...fixed, ...Array.from({ length: repeat }, () => Math.max(1, Math.round(each))), ...tail].join(",");

function personOf(config: Workspace, id: string | undefined) {
  const p: Participant | undefined = participant(config, id);
  const nama = p?.nama ?? id ?? "";
  const head = id === config.pejabat.kepala_puskesmas;
  return {
    nama,
    jabatan: p?.jabatan ?? "",
    instansi: p?.instansi ?? "",
    nip: printNip(p?.nip),
    /** The title above a signature: "Kepala UPTD Puskesmas …" for the head, else the jabatan. */
    jabatan_ttd: head ? headTitle(config) : (p?.jabatan ?? ""),
  };
}

const programName = (config: Workspace, id: string) => config.program.find((p) => p.id === id)?.nama ?? id;

export function firstLokmin(config: Workspace, meeting: Meeting) {
  const villages = config.desa;
  const perVillage = villages.length > 0 && villages.length <= 8;
  const rows = (meeting.pembagian_tugas ?? []).map((row, i) => {
    const p = personOf(config, row.pegawai);
    return {
      no: i + 1,
      nama: p.nama,
      nip: p.nip,
      jabatan: p.jabatan,
      program: row.program.map((id) => programName(config, id)).join("; "),
      tugas: row.tugas.join("; "),
      wilayah: row.wilayah_binaan.join(", "),
      desa: perVillage ? villages.map((v) => (row.wilayah_binaan.includes(v) ? "✓" : "")) : [],
    };
  });
  const poa = (meeting.poa ?? []).map((row, i) => ({
    no: i + 1,
    program: programName(config, row.program),
    indikator:
      config.program.find((p) => p.id === row.program)?.indikator.find((x) => x.id === row.indikator)?.nama ?? "",
    kegiatan: row.kegiatan ?? "",
    tujuan: row.tujuan ?? "",
    sasaran: row.sasaran ?? "",
    target: row.target ?? "",
    lokasi: row.lokasi ?? "",
    pj: personOf(config, row.penanggung_jawab).nama,
    jadwal: Array.from({ length: 12 }, (_, m) => (row.jadwal.includes(m + 1) ? "■" : "")),
    biaya: row.biaya ?? "",
    sumber_dana: row.sumber_dana ?? "",
  }));
  const months = Array.from({ length: 12 }, (_, m) => String(m + 1));
  return {
    ada_pembagian: rows.length > 0,
    ada_poa: poa.length > 0,
    matriks: {
      per_desa: perVillage,
      desa: perVillage ? villages : [],
      lebar: perVillage
        ? widths([4, 20, 14, 15, 14], villages.length, Math.max(8, 50 / villages.length))
        : "4,21,17,20,19,19",
      baris: rows,
    },
    poa: { bulan: months, lebar: widths([4, 9, 36, 10, 7, 10], 12, 3, [10, 8]), baris: poa },
  };
}

export function quarterly(config: Workspace, q: QuarterlyMeeting, programs: readonly ProgramReport[]) {
  const zone = config.zona_waktu;
  const place = config.puskesmas.tempat_surat ?? config.puskesmas.kecamatan;
  const invitationDate = q.undangan?.tanggal ?? q.tanggal;
  const people = q.hadir.map((h, i) => {
    const p = (h.peserta ?? h.pegawai) ? personOf(config, h.peserta ?? h.pegawai) : undefined;
    return {
      no: i + 1,
      nama: p?.nama ?? h.nama ?? "",
      jabatan: p?.jabatan ?? h.jabatan ?? "",
      instansi: p?.instansi || h.instansi || "",
      status: h.status ? STATUS_LABEL[h.status] : "",
      ganjil: i % 2 === 0,
      luar: !h.pegawai,
    };
  });
  const outside = people.filter((p) => p.luar).map((p, i) => ({ ...p, no: i + 1 }));
  const recipients = (q.undangan?.penerima ?? []).map((r) => {
    const p = participant(config, r);
    return p ? `${p.jabatan}${p.instansi && !p.jabatan.includes(p.instansi) ? ` (${p.instansi})` : ""}` : r;
  });
  const signers = [...new Set(q.kesepakatan.flatMap((k) => k.ditandatangani))].map((id) => {
    const p = personOf(config, id);
    // "Camat Sukamaju" needs no "Kecamatan Sukamaju" under it; "Ketua TP-PKK Kecamatan" does.
    const place = p.instansi.split(/\s+/).at(-1) ?? "";
    const withInstansi = p.instansi && !p.jabatan_ttd.includes(place);
    return { ...p, jabatan_instansi: withInstansi ? `${p.jabatan_ttd}\n${p.instansi}` : p.jabatan_ttd };
  });
  const villages = config.desa;
  const perVillage = programs.flatMap((report) =>
    report.indikator
      .filter((i) => i.per_desa?.length)
      .map((i) => ({
        indikator:
          config.program.find((p) => p.id === report.program)?.indikator.find((x) => x.id === i.id)?.nama ?? i.id,
        nilai: villages.map((desa) => {
          const row = i.per_desa?.find((v) => v.desa === desa);
          const figures = row
            ? villageFigures(
                i,
                row,
                accumulationOf(config, report.program, i.id),
                periodMonth(reportPeriod(config, report.bulan, report)),
              )
            : null;
          return figures ? percent(figures.capaian) : "–";
        }),
      })),
  );
  const date = (iso: string | null | undefined) => (iso ? plainDate(iso) : "…");
  return {
    jenis: meetingKindName(q.jenis),
    rapat: {
      hari_tanggal: q.tanggal ? longDate(q.tanggal) : "…",
      waktu: timeRange(q.waktu.mulai, q.waktu.selesai, zone),
      tempat: q.tempat ?? "…",
    },
    tempat_tanggal_rapat: `${place}, ${date(q.tanggal)}`,
    surat: {
      tempat_tanggal: `${place}, ${date(invitationDate)}`,
      nomor: letterNumber(config.surat, q.undangan) ?? "…",
      sifat: q.undangan?.sifat ?? "Biasa",
      lampiran: q.undangan?.lampiran ?? "-",
      hal: q.undangan?.hal ?? `Undangan Lokakarya Mini Tribulanan Lintas Sektor`,
      penerima: recipients,
      daftar_terlampir: recipients.length === 0,
      tembusan: q.undangan?.tembusan ?? [],
    },
    pimpinan: personOf(config, q.pimpinan),
    notulis: personOf(config, q.notulis),
    penandatangan: personOf(config, q.undangan?.penandatangan ?? config.pejabat.kepala_puskesmas),
    peserta: people,
    peserta_luar: outside,
    peserta_kosong: Array.from({ length: 5 }, (_, i) => ({
      no: people.length + i + 1,
      ganjil: (people.length + i) % 2 === 0,
    })),
    jumlah_hadir: people.filter((p) => p.status === "Hadir").length,
    jumlah_undangan: people.length,
    jumlah_sektor: new Set(people.filter((p) => p.luar && p.status === "Hadir").map((p) => p.instansi)).size,
    agenda: q.agenda.map((a, i) => ({ no: i + 1, judul: a.judul })),
    acara: q.susunan_acara.map((a, i) => ({ no: i + 1, waktu: a.waktu, acara: a.acara, pelaksana: a.pelaksana ?? "" })),
    capaian_desa: q.capaian_desa.map((c, i) => ({ no: i + 1, desa: c.desa, uraian: c.uraian ?? "" })),
    capaian_tabel: {
      ada: perVillage.length > 0 && villages.length > 0,
      desa: villages,
      lebar: widths([34], villages.length, 66 / Math.max(1, villages.length)),
      baris: perVillage,
    },
    peran_sektor: q.peran_sektor.map((p, i) => ({ no: i + 1, instansi: p.instansi, peran: p.peran ?? "" })),
    stakeholder: stakeholderView(q.stakeholder ?? [], QUARTERLY_STAKEHOLDER_PICTURE),
    rencana_terpadu: q.rencana_terpadu.map((r, i) => ({
      no: i + 1,
      instansi: r.instansi,
      kegiatan: r.kegiatan,
      sasaran: r.sasaran ?? "",
      waktu: r.waktu ?? "",
      lokasi: r.lokasi ?? "",
      sumber_daya: r.sumber_daya ?? "",
      pj: r.penanggung_jawab ? personOf(config, r.penanggung_jawab).nama : "",
    })),
    kesepakatan: q.kesepakatan.map((k, i) => ({
      no: i + 1,
      id: k.id,
      uraian: k.uraian,
      instansi: k.instansi ?? personOf(config, k.penanggung_jawab).instansi,
      pj: personOf(config, k.penanggung_jawab).nama,
      tenggat: plainDate(k.tenggat),
      target: k.target,
    })),
    penandatangan_kesepakatan: signers,
    evaluasi_kesepakatan: q.evaluasi_kesepakatan.map((e, i) => ({
      no: i + 1,
      id: e.id,
      uraian: e.uraian ?? "",
      pj: e.penanggung_jawab ? personOf(config, e.penanggung_jawab).nama : "",
      status: e.status ? STATUS_EVALUATION[e.status] : "belum dinilai",
      catatan: e.catatan ?? "",
    })),
    usulan_musrenbang: q.usulan_musrenbang.map((u, i) => ({
      no: i + 1,
      usulan: u.usulan,
      lokasi: u.lokasi ?? "",
      sasaran: u.sasaran ?? "",
      alasan: u.alasan ?? "",
      pengusul: u.pengusul ?? "",
    })),
    pembahasan: q.pembahasan.map((p, i) => ({
      no: i + 1,
      agenda: q.agenda.find((a) => a.id === p.agenda)?.judul ?? p.agenda ?? "",
      pembicara: participant(config, p.pembicara)?.nama ?? p.pembicara,
      isi: p.isi,
      keputusan: p.keputusan ?? "",
    })),
  };
}

export function pralokmin(config: Workspace, list: readonly Pralokmin[]) {
  const zone = config.zona_waktu;
  const place = config.puskesmas.tempat_surat ?? config.puskesmas.kecamatan;
  const order = new Map(config.program.map((p, i) => [p.id, i]));
  return [...list]
    .sort((a, b) => (order.get(a.klaster) ?? 99) - (order.get(b.klaster) ?? 99))
    .map((p, index) => ({
      pertama: index === 0,
      klaster: programName(config, p.klaster),
      hari_tanggal: p.tanggal ? longDate(p.tanggal) : "…",
      waktu: timeRange(p.waktu.mulai, p.waktu.selesai, zone),
      tempat: p.tempat ?? "…",
      pimpinan: personOf(config, p.pimpinan),
      notulis: personOf(config, p.notulis),
      peserta: p.hadir.map((h, i) => {
        const person = h.pegawai ? personOf(config, h.pegawai) : undefined;
        return {
          no: i + 1,
          nama: person?.nama ?? h.nama ?? "",
          jabatan: person?.jabatan ?? [h.jabatan, h.instansi].filter(Boolean).join(", "),
          status: h.status ? STATUS_LABEL[h.status] : "",
          ganjil: i % 2 === 0,
        };
      }),
      jumlah_hadir: p.hadir.filter((h) => h.status === "hadir").length,
      pembahasan: p.pembahasan.map((x, i) => ({
        no: i + 1,
        pembicara: participant(config, x.pembicara)?.nama ?? x.pembicara,
        isi: x.isi,
        keputusan: x.keputusan ?? "",
      })),
      bahan_lokmin: p.bahan_lokmin ?? "",
      tempat_tanggal: `${place}, ${p.tanggal ? plainDate(p.tanggal) : "…"}`,
    }));
}
