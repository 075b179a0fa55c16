// The data a document template sees: one plain object built from the workspace and the month,
// with everything already formatted the Indonesian way (dates, times, numbers with one decimal,
// NIPs, signature titles) so templates only arrange text. The same object serves the built-in
// Handlebars templates and a workspace's Word (.docx) templates; it is documented once in
// templates/README.md. Every field is always present (null, "" or [] when the month has no data)
// so strict templates never trip on absent data. Pure.

import type { MonthReport } from "../domain/check/check.js";
import { dayName, longDate, monthName, plainDate, shortMonthName } from "../domain/format-date.js";
import { clock, formatNip, number, percent, signedGap, timeRange } from "../domain/format-id.js";
import { meetingKindName } from "../domain/meeting-kinds.js";
import { shiftMonth } from "../domain/month.js";
import type { RankResult } from "../domain/rank/rank.js";
import { type SupervisionProfile, supervisionProfile } from "../domain/regulations.js";
import type { EVIDENCE_KINDS, Meeting, Person, ProgramReport, Workspace } from "../domain/schema.js";
import { resolveSop } from "../domain/sop.js";
import { coverageGap, coveragePercent, isBehindTarget } from "../domain/targets.js";
import type { IndicatorTrend } from "../domain/trends.js";
import { buildAnalysisContext } from "./analysis-context.js";
import type { VerificationSummary } from "./verification-context.js";

export interface RenderInput {
  config: Workspace;
  month: string;
  meeting: Meeting;
  programs: ProgramReport[];
  problems: RankResult;
  tilik?: MonthReport["tilik"];
  trends?: IndicatorTrend[];
  /** The month fails `lokmin check`: documents carry a DRAF mark. */
  draft?: boolean;
  /** The cross-program verification's counts (verification-context.ts), for the Daftar Tilik's notes. */
  verification?: VerificationSummary;
}

type Evidence = (typeof EVIDENCE_KINDS)[number];

const STATUS_LABEL: Record<string, string> = {
  hadir: "Hadir",
  izin: "Izin",
  sakit: "Sakit",
  dinas_luar: "Dinas luar",
  alpa: "Tanpa keterangan",
};

const str = (value: string | null | undefined) => value ?? "";

/** "Pembina (IV/a)", "Pembina", "IV/a" or "". */
export const rankText = (pangkat?: string, golongan?: string) =>
  pangkat && golongan ? `${pangkat} (${golongan})` : (pangkat ?? golongan ?? "");

/**
 * A NIP as printed, "19780315 200501 2 004", with no-break spaces inside "200501 2 004": a narrow
 * column wraps it only after the birth date, never between the last digits.
 */
export const printNip = (nip: string | undefined) =>
  formatNip(nip).replace(/^(\d{8}) (\d{6}) (\d) (\d{3})$/, "$1 $2\u00a0$3\u00a0$4");

export function personView(config: Workspace, id: string | undefined) {
  const person: Person | undefined = config.pegawai.find((p) => p.id === id);
  const jabatan = person?.jabatan ?? "";
  return {
    id: id ?? "",
    nama: person?.nama ?? id ?? "",
    jabatan,
    /** The title over a signature (with Plt./Plh. for the head when lokmin.yaml says so). */
    jabatan_ttd: jabatan,
    nip: printNip(person?.nip),
    ada_nip: Boolean(person?.nip),
    pangkat: rankText(person?.pangkat, person?.golongan),
  };
}

export type PersonView = ReturnType<typeof personView>;

/** The head's title over a signature: "Kepala UPTD Puskesmas …", with Plt./Plh. when lokmin.yaml says so. */
export const headTitle = (config: Workspace) =>
  `${config.pejabat.sebutan_kepala ? `${config.pejabat.sebutan_kepala} ` : ""}Kepala ${config.puskesmas.nama}`;

/** The pieces of a regulation's full name, for the Lampiran header: "PERATURAN BUPATI …", "NOMOR 49 TAHUN 2018". */
function regulationParts(profile: SupervisionProfile) {
  const m = /^(.*?)\s+Nomor\s+(\S+)\s+Tahun\s+(\d{4})\s+tentang\s+(.*)$/i.exec(profile.nama);
  return m
    ? { jenis: m[1], nomor: m[2], tahun: m[3], tentang: m[4] }
    : { jenis: profile.nama, nomor: "", tahun: "", tentang: "" };
}

/** Human notes for the Daftar Tilik, by item slug: what the files show, never key names or true/false. */
function tilikNote(
  slug: string,
  meeting: Meeting,
  programs: ProgramReport[],
  present: number,
  invited: number,
  verification?: VerificationSummary,
) {
  const v = meeting.verifikasi_data;
  switch (slug) {
    case "verifikasi":
      return v?.tanggal ? `Verifikasi ${plainDate(v.tanggal)}` : "";
    case "verifikasi-tercatat":
      // Short: the form is one page. The Berita Acara Verifikasi Data has the details.
      if (verification?.open) return `${verification.open} selisih belum dijustifikasi`;
      if (verification?.settled) return `Tercatat; ${verification.settled} selisih dijustifikasi`;
      return v?.hasil ? "Hasil verifikasi tercatat" : "";
    case "verifikasi-dilaporkan":
      return v?.dilaporkan ? "Dilaporkan dalam Lokmin" : "";
    case "agenda":
      return meeting.agenda.length ? `${meeting.agenda.length} butir agenda` : "";
    case "undangan":
      // A zero-width space after each slash lets a narrow column break a letter number there.
      return meeting.undangan?.nomor ? `Nomor ${meeting.undangan.nomor.replace(/\//g, "/\u200b")}` : "";
    case "susunan-acara":
      return meeting.susunan_acara.length ? `${meeting.susunan_acara.length} mata acara` : "";
    case "daftar-hadir":
      return invited ? `${present} hadir dari ${invited} undangan` : "";
    case "notulen":
      return meeting.pembahasan.length ? `${meeting.pembahasan.length} butir pembahasan` : "";
    case "masalah-rencana-aksi":
      return meeting.masalah.length ? `${meeting.masalah.length} masalah, ${meeting.rtl.length} RTL` : "";
    case "target": {
      const n = programs.flatMap((p) => p.indikator).length;
      return n ? `${n} indikator bertarget` : "";
    }
    case "kesepakatan":
      return meeting.kesepakatan.length ? `${meeting.kesepakatan.length} kesepakatan` : "";
    case "narasumber": {
      const names = meeting.hadir.filter((h) => h.narasumber).map((h) => h.nama ?? h.pegawai ?? "");
      return names.join(", ");
    }
    case "evaluasi-kehadiran":
      return meeting.evaluasi_kehadiran ? "Kehadiran dievaluasi dalam rapat" : "";
    case "evaluasi-kesepakatan":
      return meeting.evaluasi_kesepakatan.length
        ? `${meeting.evaluasi_kesepakatan.length} kesepakatan bulan lalu dievaluasi`
        : "";
    case "tindak-lanjut":
      return meeting.tindak_lanjut ? "Laporan tindak lanjut tercatat" : "";
    default:
      return "";
  }
}

/** Which data a SOP step's agenda item presents in the notulen. */
const SHOWN: Evidence[] = [
  "laporan_bulan_lalu",
  "rencana_bulan_ini",
  "informasi",
  "audit_internal",
  "capaian",
  "masalah",
  "rtl",
  "evaluasi_tengah_tahun",
  "ruk",
  "rpk",
  "kesepakatan",
  "bahan_tribulanan",
  "musrenbang",
];

export function buildRenderContext({
  config,
  month,
  meeting,
  programs: unordered,
  problems,
  tilik,
  trends = [],
  draft = false,
  verification,
}: RenderInput) {
  const person = (id: string | undefined) => personView(config, id);
  const zone = config.zona_waktu;
  const profile = supervisionProfile(config.pembinaan, config.dinas_kesehatan.nama);
  const place = config.puskesmas.tempat_surat ?? config.puskesmas.kecamatan;
  const programOrder = new Map(config.program.map((p, i) => [p.id, i]));
  const programs = [...unordered].sort(
    (a, b) => (programOrder.get(a.program) ?? 1e9) - (programOrder.get(b.program) ?? 1e9),
  );
  const programName = (id: string) => config.program.find((p) => p.id === id)?.nama ?? id;
  const invitationDate = meeting.undangan?.tanggal ?? meeting.tanggal;
  const recipients = (meeting.undangan?.penerima ?? []).map((r) =>
    config.pegawai.some((p) => p.id === r) ? person(r).nama : r,
  );
  const statusOf = new Map(meeting.hadir.filter((h) => h.pegawai).map((h) => [h.pegawai as string, h.status]));

  const attendees = meeting.hadir.map((h, index) => {
    const p = h.pegawai
      ? person(h.pegawai)
      : { nama: h.nama ?? "", jabatan: [h.jabatan, h.instansi].filter(Boolean).join(", "), nip: "" };
    const hadir = h.status === "hadir";
    return {
      no: index + 1,
      nama: p.nama,
      nip: p.nip,
      jabatan: p.jabatan,
      status: h.status ? STATUS_LABEL[h.status] : "",
      hadir,
      /** "Dinas luar", "Izin" …: printed where the signature would go. */
      keterangan: h.status && !hadir ? STATUS_LABEL[h.status] : "",
      ganjil: index % 2 === 0,
      narasumber: Boolean(h.narasumber),
    };
  });
  const count = (status: string) => meeting.hadir.filter((h) => h.status === status).length;
  const present = count("hadir");
  const absentParts = (["izin", "sakit", "dinas_luar", "alpa"] as const)
    .filter((s) => count(s) > 0)
    .map((s) => `${count(s)} ${STATUS_LABEL[s].toLowerCase()}`);
  const unfilled = meeting.hadir.filter((h) => h.status === null).length;
  if (unfilled) absentParts.push(`${unfilled} belum diisi`);
  const blankRows = Array.from({ length: 5 }, (_, i) => ({
    no: attendees.length + i + 1,
    ganjil: (attendees.length + i) % 2 === 0,
  }));

  const rankById = new Map(problems.items.map((item) => [item.id, item]));
  const indicators = programs.flatMap((report) => {
    const program = config.program.find((p) => p.id === report.program);
    return report.indikator.map((i) => {
      const gap = coverageGap(i);
      return {
        program: program?.nama ?? report.program,
        indikator: program?.indikator.find((x) => x.id === i.id)?.nama ?? i.id,
        sasaran: number(i.sasaran, 0),
        target: percent(i.target_kumulatif),
        target_tahunan: percent(i.target_tahunan),
        bulan_ini: number(i.bulan_ini, 0),
        kumulatif: number(i.kumulatif, 0),
        capaian: percent(coveragePercent(i)),
        kesenjangan: signedGap(gap),
        tertinggal: isBehindTarget(i),
        catatan: str(i.catatan),
      };
    });
  });
  const villages = programs.flatMap((report) =>
    report.indikator
      .filter((i) => (i.per_desa ?? []).length > 0)
      .map((i) => ({
        program: programName(report.program),
        indikator:
          config.program.find((p) => p.id === report.program)?.indikator.find((x) => x.id === i.id)?.nama ?? i.id,
        desa: (i.per_desa ?? []).map((d) => ({
          desa: d.desa,
          sasaran: number(d.sasaran, 0),
          bulan_ini: number(d.bulan_ini, 0),
          kumulatif: number(d.kumulatif, 0),
          capaian: d.sasaran && d.kumulatif !== null ? percent((d.kumulatif / d.sasaran) * 100) : percent(null),
        })),
      })),
  );
  const analysesAll = programs
    .filter((p) => p.analisis)
    .map((p) => {
      const a = p.analisis;
      const parts = typeof a === "string" ? { orang: "", waktu: "", tempat: "", catatan: a } : a;
      return {
        program: programName(p.program),
        pj: person(p.penanggung_jawab).nama,
        orang: str(parts?.orang),
        waktu: str(parts?.waktu),
        tempat: str(parts?.tempat),
        catatan: str(parts?.catatan),
      };
    });
  // By person, time and place where it was written so; free-text notes are listed apart.
  const analyses = analysesAll.filter((a) => a.orang || a.waktu || a.tempat);
  const analysisNotes = analysesAll.filter((a) => a.catatan).map((a) => ({ program: a.program, catatan: a.catatan }));
  const reports = programs
    .filter((p) => p.laporan_kegiatan.length > 0)
    .map((p) => ({
      program: programName(p.program),
      pj: person(p.penanggung_jawab).nama,
      kegiatan: p.laporan_kegiatan.map((k) => ({ kegiatan: k.kegiatan, hasil: str(k.hasil) })),
    }));
  const firstOfGroup = <T extends { program: string }>(rows: T[]) =>
    rows.map((row, i) => ({ ...row, program_tampil: i > 0 && rows[i - 1].program === row.program ? "" : row.program }));
  const plans = programs
    .filter((p) => p.rencana_bulan_ini.length > 0)
    .map((p) => ({ program: programName(p.program), kegiatan: p.rencana_bulan_ini }));

  const ranked = [...meeting.masalah]
    .map((p) => ({ p, r: rankById.get(p.id) }))
    .sort((a, b) => (a.r?.rank ?? 1e9) - (b.r?.rank ?? 1e9));
  const nextMonth = shiftMonth(month, 1);
  const evaluations = meeting.evaluasi_kesepakatan.map((e, i) => ({
    no: i + 1,
    id: e.id,
    uraian: str(e.uraian),
    pj: e.penanggung_jawab ? person(e.penanggung_jawab).nama : "",
    status: e.status ?? "belum dinilai",
    catatan: str(e.catatan),
  }));
  const commitments = meeting.kesepakatan.map((k, i) => ({
    no: i + 1,
    id: k.id,
    uraian: k.uraian,
    pj: person(k.penanggung_jawab).nama,
    tenggat: plainDate(k.tenggat),
    target: k.target,
  }));
  const kepala = person(config.pejabat.kepala_puskesmas);
  kepala.jabatan_ttd = headTitle(config);
  const signerIds = [...new Set(meeting.kesepakatan.flatMap((k) => k.ditandatangani))];
  const absentNote = (id: string) => {
    const status = statusOf.get(id);
    if (status === "hadir") return "";
    return status ? `tidak hadir: ${STATUS_LABEL[status].toLowerCase()}` : "tidak tercatat di daftar hadir";
  };
  const coordinators = signerIds
    .filter((id) => id !== config.pejabat.kepala_puskesmas)
    .map((id) => ({ ...person(id), catatan: absentNote(id) }));

  // The notulen follows the agenda: each item presents the data of its SOP step; data no item
  // claims is presented after the agenda under the step's own title, so nothing is left out.
  const sop = resolveSop(config.sop);
  const stepKind = new Map(sop.steps.map((s) => [s.id, s.bukti]));
  const hasData: Record<Evidence, boolean> = {
    persiapan_kapus: false,
    persiapan_program: false,
    persiapan_tu: false,
    pembahasan: false,
    laporan_bulan_lalu: reports.length > 0 || evaluations.length > 0 || Boolean(meeting.tindak_lanjut),
    rencana_bulan_ini: plans.length > 0,
    informasi: meeting.informasi.length > 0,
    audit_internal: Boolean(meeting.audit_internal),
    capaian: indicators.length > 0 || Boolean(meeting.verifikasi_data),
    masalah: meeting.masalah.length > 0,
    rtl: meeting.rtl.length > 0,
    evaluasi_tengah_tahun: Boolean(meeting.evaluasi_tengah_tahun),
    ruk: Boolean(meeting.ruk),
    rpk: programs.some((p) => p.rpk.length > 0),
    kesepakatan: commitments.length > 0,
    bahan_tribulanan: Boolean(meeting.bahan_tribulanan),
    musrenbang: Boolean(meeting.musrenbang),
  };
  const sections = (kinds: Evidence[]) =>
    Object.fromEntries(SHOWN.map((k) => [k, kinds.includes(k) && hasData[k]])) as Record<
      (typeof SHOWN)[number],
      boolean
    >;
  const claimed = new Set<Evidence>();
  const agenda = meeting.agenda.map((a, i) => {
    const kind = a.langkah ? stepKind.get(a.langkah) : undefined;
    const kinds = kind && !claimed.has(kind) ? [kind] : [];
    for (const k of kinds) claimed.add(k);
    return {
      no: i + 1,
      id: a.id,
      judul: a.judul,
      langkah: str(a.langkah),
      pembahasan: meeting.pembahasan
        .filter((p) => p.agenda === a.id || (!p.agenda && p.langkah && p.langkah === a.langkah))
        .map((p) => ({
          pembicara: config.pegawai.some((x) => x.id === p.pembicara) ? person(p.pembicara).nama : p.pembicara,
          isi: p.isi,
          keputusan: str(p.keputusan),
        })),
      bagian: sections(kinds),
    };
  });
  const unclaimed = SHOWN.filter((k) => hasData[k] && !claimed.has(k));
  const extra = unclaimed.map((kind, i) => ({
    no: agenda.length + i + 1,
    id: "",
    judul: sop.steps.find((s) => s.bukti === kind)?.judul ?? kind,
    langkah: sop.steps.find((s) => s.bukti === kind)?.id ?? "",
    pembahasan: [] as Array<{ pembicara: string; isi: string; keputusan: string }>,
    bagian: sections([kind]),
  }));
  const unlinked = meeting.pembahasan
    .filter((p) => !meeting.agenda.some((a) => a.id === p.agenda || (!p.agenda && p.langkah === a.langkah)))
    .map((p) => ({
      pembicara: config.pegawai.some((x) => x.id === p.pembicara) ? person(p.pembicara).nama : p.pembicara,
      isi: p.isi,
      keputusan: str(p.keputusan),
    }));

  const behind = indicators.filter((i) => i.tertinggal).length;
  const statusCount = (s: string) => meeting.evaluasi_kesepakatan.filter((e) => e.status === s).length;
  const writtenConclusion = meeting.kesimpulan
    ? Array.isArray(meeting.kesimpulan)
      ? meeting.kesimpulan
      : [meeting.kesimpulan]
    : [];
  const conclusion = writtenConclusion.length
    ? writtenConclusion
    : [
        indicators.length
          ? `${behind} dari ${indicators.length} indikator masih di bawah target kumulatif bulan ${monthName(month)}.`
          : "",
        meeting.masalah.length
          ? `${meeting.masalah.length} masalah diprioritaskan dengan metode ${problems.method.toUpperCase()}; ` +
            `prioritas pertama: ${ranked[0]?.p.judul ?? "–"}.`
          : "",
        meeting.evaluasi_kesepakatan.length
          ? `Kesepakatan bulan lalu: ${statusCount("selesai")} selesai, ${statusCount("sebagian")} sebagian, ` +
            `${statusCount("belum")} belum terlaksana.`
          : "",
        commitments.length
          ? `${commitments.length} kesepakatan baru disepakati dan dievaluasi pada Lokakarya Mini bulan ` +
            `${monthName(nextMonth)}.`
          : "",
      ].filter(Boolean);

  const regulation = regulationParts(profile);
  const dinas = config.dinas_kesehatan;
  const dinasSigner = (() => {
    const on = dinas.penandatangan;
    const base = `Kepala ${dinas.nama}`;
    if (on) {
      const title =
        on.sebutan === "a.n."
          ? `a.n. ${base}\n${on.jabatan ?? ""}`.trim()
          : on.sebutan
            ? `${on.sebutan} ${base}`
            : (on.jabatan ?? base);
      return { jabatan_ttd: title, nama: on.nama, pangkat: str(on.pangkat), nip: printNip(on.nip), ada: true };
    }
    if (dinas.kepala)
      return {
        jabatan_ttd: base,
        nama: dinas.kepala.nama,
        pangkat: str(dinas.kepala.pangkat),
        nip: printNip(dinas.kepala.nip),
        ada: true,
      };
    return { jabatan_ttd: base, nama: "", pangkat: "", nip: "", ada: false };
  })();
  const feedback = meeting.supervisi?.umpan_balik;
  const unanswered = (tilik?.items ?? []).filter((i) => i.answer === null).length;
  const supervisorNotes = meeting.supervisi?.catatan ?? {};
  type Item = { no: number; id: string };
  const noteFor = (item: Item): string | undefined =>
    supervisorNotes[String(item.no).padStart(2, "0")] ?? supervisorNotes[String(item.no)] ?? supervisorNotes[item.id];
  const derivedNote = (item: Item) =>
    tilikNote(item.id.replace(/^\d+-/, ""), meeting, programs, present, attendees.length, verification);

  return {
    puskesmas: {
      nama: config.puskesmas.nama,
      alamat: config.puskesmas.alamat,
      kelurahan: str(config.puskesmas.kelurahan),
      kecamatan: config.puskesmas.kecamatan,
      kabupaten_kota: config.puskesmas.kabupaten_kota,
      provinsi: str(config.puskesmas.provinsi),
      kode_pos: str(config.puskesmas.kode_pos),
      telepon: str(config.puskesmas.telepon),
      email: str(config.puskesmas.email),
      laman: str(config.puskesmas.laman),
      tempat_surat: place,
    },
    dinas: {
      nama: dinas.nama,
      alamat: str(dinas.alamat),
      kode_pos: str(dinas.kode_pos),
      telepon: str(dinas.telepon),
      email: str(dinas.email),
      laman: str(dinas.laman),
      tembusan: dinas.tembusan ?? ["Arsip"],
    },
    kabupaten_huruf_besar: config.puskesmas.kabupaten_kota.toUpperCase(),
    puskesmas_huruf_besar: config.puskesmas.nama.toUpperCase(),
    kepala,
    tu: person(config.pejabat.kasubag_tu),
    pimpinan: person(meeting.pimpinan),
    notulis: person(meeting.notulis),
    penandatangan_dinas: dinasSigner,
    draf: draft,
    bulan: month,
    bulan_nama: monthName(month),
    bulan_depan_nama: monthName(nextMonth),
    tahun: month.slice(0, 4),
    jenis: meetingKindName(meeting.jenis),
    regulasi: {
      nama: profile.nama,
      singkat: profile.singkat,
      jenis: regulation.jenis,
      nomor: regulation.nomor,
      tahun: regulation.tahun,
      tentang: regulation.tentang,
      lampiran_tilik: profile.lampiran_tilik,
      /** "LAMPIRAN III PERATURAN BUPATI MUSI RAWAS" */
      lampiran_besar: `${profile.lampiran_tilik} ${regulation.jenis}`.toUpperCase(),
      tentang_besar: regulation.tentang.toUpperCase(),
      judul_tilik: profile.judul_tilik,
      pasal_umpan_balik: profile.pasal.umpan_balik,
      pasal_tilik: profile.pasal.tilik,
      pembina: profile.pembina,
    },
    rapat: {
      hari_tanggal: meeting.tanggal ? longDate(meeting.tanggal) : "…",
      hari: meeting.tanggal ? dayName(meeting.tanggal) : "…",
      tanggal: meeting.tanggal ? plainDate(meeting.tanggal) : "…",
      waktu: timeRange(meeting.waktu.mulai, meeting.waktu.selesai, zone),
      mulai: `${clock(meeting.waktu.mulai)} ${zone}`,
      selesai: meeting.waktu.selesai ? `${clock(meeting.waktu.selesai)} ${zone}` : "",
      tempat: meeting.tempat ?? "…",
    },
    surat: {
      tempat_tanggal: `${place}, ${invitationDate ? plainDate(invitationDate) : "…"}`,
      nomor: meeting.undangan?.nomor ?? "…",
      sifat: meeting.undangan?.sifat ?? "Biasa",
      lampiran: meeting.undangan?.lampiran ?? "-",
      hal: meeting.undangan?.hal ?? `Undangan Lokakarya Mini Bulanan ${monthName(month)}`,
      penerima: recipients,
      daftar_terlampir: recipients.length === 0,
      tembusan: meeting.undangan?.tembusan ?? [],
    },
    tempat_tanggal_rapat: `${place}, ${meeting.tanggal ? plainDate(meeting.tanggal) : "…"}`,
    persiapan: {
      kepala_puskesmas: str(meeting.persiapan?.kepala_puskesmas),
      program: str(meeting.persiapan?.program),
      tata_usaha: str(meeting.persiapan?.tata_usaha),
    },
    acara: meeting.susunan_acara.map((a, i) => ({
      no: i + 1,
      waktu: a.waktu,
      acara: a.acara,
      pelaksana: a.pelaksana ?? "",
    })),
    agenda,
    /** The agenda items and, after them, the steps no item covers: the body of the notulen. */
    jalannya_rapat: [...agenda, ...extra],
    pembahasan_lain: unlinked,
    peserta: attendees,
    peserta_kosong: blankRows,
    jumlah_hadir: present,
    jumlah_undangan: attendees.length,
    kehadiran: {
      hadir: present,
      undangan: attendees.length,
      tidak_hadir: absentParts.join(", "),
      ringkas: `${present} hadir dari ${attendees.length} undangan${
        absentParts.length ? ` (${absentParts.join(", ")})` : ""
      }`,
    },
    evaluasi_kehadiran: str(meeting.evaluasi_kehadiran),
    informasi: meeting.informasi,
    verifikasi: meeting.verifikasi_data
      ? {
          tanggal: meeting.verifikasi_data.tanggal ? plainDate(meeting.verifikasi_data.tanggal) : "",
          hasil: str(meeting.verifikasi_data.hasil),
          dilaporkan: meeting.verifikasi_data.dilaporkan,
        }
      : null,
    audit_internal: str(meeting.audit_internal),
    evaluasi_tengah_tahun: str(meeting.evaluasi_tengah_tahun),
    ruk: str(meeting.ruk),
    musrenbang: str(meeting.musrenbang),
    bahan_tribulanan: str(meeting.bahan_tribulanan),
    tindak_lanjut: str(meeting.tindak_lanjut),
    laporan: reports,
    laporan_kegiatan: firstOfGroup(
      reports.flatMap((r) => r.kegiatan.map((k) => ({ program: r.program, pj: r.pj, ...k }))),
    ),
    rencana: plans,
    rencana_kegiatan: firstOfGroup(
      plans.flatMap((p) => p.kegiatan.map((kegiatan) => ({ program: p.program, kegiatan }))),
    ),
    analisis_program: analyses,
    analisis_program_catatan: analysisNotes,
    analisis: buildAnalysisContext({ config, meeting, problems }),
    pembahasan: meeting.pembahasan.map((p, i) => ({
      no: i + 1,
      agenda: meeting.agenda.find((a) => a.id === p.agenda)?.judul ?? p.agenda ?? "",
      pembicara: config.pegawai.some((x) => x.id === p.pembicara) ? person(p.pembicara).nama : p.pembicara,
      isi: p.isi,
      keputusan: p.keputusan ?? "",
    })),
    capaian: firstOfGroup(indicators),
    capaian_desa: villages,
    metode: problems.method.toUpperCase(),
    rumus: problems.formula,
    masalah: ranked.map(({ p, r }) => ({
      peringkat: r?.rank ?? "–",
      id: p.id,
      judul: p.judul,
      program: p.program ? programName(p.program) : "",
      uraian: str(p.uraian),
      total: r?.total === null || r?.total === undefined ? "–" : number(r.total),
      akar_masalah: p.akar_masalah.map((a) => (a.kategori ? `${a.kategori}: ${a.uraian}` : a.uraian)).join("; "),
      akar_masalah_baris: p.akar_masalah.map((a) => (a.kategori ? `${a.kategori}: ${a.uraian}` : a.uraian)).join("\n"),
      solusi_baris: [...p.solusi]
        .sort((a, b) => (a.peringkat ?? 1e9) - (b.peringkat ?? 1e9))
        .map((s) => `${s.peringkat ?? "–"}. ${s.uraian}${s.total === undefined ? "" : ` (${number(s.total)})`}`)
        .join("\n"),
      penyebab: p.akar_masalah.map((a) => ({ kategori: a.kategori ?? "Lainnya", uraian: a.uraian })),
      solusi: [...p.solusi]
        .sort((a, b) => (a.peringkat ?? 1e9) - (b.peringkat ?? 1e9))
        .map((s) => ({
          peringkat: s.peringkat ?? "–",
          uraian: s.uraian,
          total: s.total === undefined ? "–" : number(s.total),
          dipilih: Boolean(s.dipilih),
        })),
      solusi_terpilih: p.solusi.find((s) => s.dipilih)?.uraian ?? "",
    })),
    evaluasi_kesepakatan: evaluations,
    kesepakatan: commitments,
    /** Program coordinators who sign the nota kesepakatan (the head signs under "Mengetahui"). */
    penandatangan: coordinators,
    kesimpulan: conclusion,
    rtl: meeting.rtl.map((r, i) => ({
      no: i + 1,
      id: r.id,
      kegiatan: r.kegiatan,
      sasaran: r.sasaran ?? "",
      waktu: r.waktu ?? "",
      biaya: r.biaya ?? "",
      indikator_keberhasilan: r.indikator_keberhasilan ?? "",
      pj: person(r.penanggung_jawab).nama,
      masalah: meeting.masalah.find((m) => m.id === r.masalah)?.judul ?? r.masalah ?? "",
    })),
    rpk: programs
      .flatMap((report) =>
        report.rpk.map((r) => ({
          program: programName(report.program),
          kegiatan: r.kegiatan,
          tujuan: r.tujuan ?? "",
          sasaran: r.sasaran ?? "",
          volume: r.volume ?? "",
          waktu: r.waktu ?? "",
          tempat: r.tempat ?? "",
          biaya: r.biaya ?? "",
          pj: person(r.penanggung_jawab ?? report.penanggung_jawab).nama,
        })),
      )
      .map((r, i) => ({ no: i + 1, ...r })),
    jumlah_rpk: programs.reduce((sum, p) => sum + p.rpk.length, 0),
    tilik: {
      skor: tilik?.score ?? 0,
      total: tilik?.total ?? 0,
      belum_dijawab: unanswered,
      butir: (tilik?.items ?? []).map((item) => ({
        no: item.no,
        pertanyaan: item.question,
        ya: item.answer === true ? "✓" : "",
        tidak: item.answer === false ? "✓" : "",
        keterangan: noteFor(item) ?? (item.answer === null ? "" : derivedNote(item)),
      })),
    },
    supervisi: {
      ada: Boolean(meeting.supervisi),
      tanggal: meeting.supervisi ? plainDate(meeting.supervisi.tanggal) : "",
      pembina: meeting.supervisi?.pembina ?? "",
    },
    tren_bulan: [...new Set(trends.flatMap((t) => t.points.map((p) => p.month)))].sort().map(shortMonthName),
    tren: firstOfGroup(
      trends.map((trend) => {
        const last = trend.points[trend.points.length - 1];
        return {
          program: trend.programName,
          indikator: trend.nama,
          nilai: trend.points.map((p) => (p.capaian === null ? "–" : number(p.capaian, 1, 1))),
          per_bulan: trend.points.map((p) => (p.capaian === null ? "–" : number(p.capaian, 1, 1))).join(" · "),
          capaian: percent(last.capaian),
          target: percent(last.target),
          tertinggal: trend.flagged,
          keterangan: trend.flagged
            ? `tertinggal ${trend.behindStreak} bulan berturut-turut`
            : trend.behindStreak === 1
              ? "di bawah target bulan ini"
              : "sesuai target",
        };
      }),
    ),
    tren_tertinggal: trends
      .filter((t) => t.flagged)
      .map((t) => ({ indikator: t.nama, program: t.programName, bulan: t.behindStreak })),
    ada_tren: trends.length > 0,
    umpan_balik: feedback
      ? {
          nomor: feedback.nomor ?? "…",
          tanggal: feedback.tanggal ? plainDate(feedback.tanggal) : "…",
          tempat_tanggal: `${config.puskesmas.kabupaten_kota.replace(/^(Kabupaten|Kota) /, "")}, ${
            feedback.tanggal ? plainDate(feedback.tanggal) : "…"
          }`,
          rekomendasi: feedback.rekomendasi,
          tidak: (tilik?.items ?? [])
            .filter((i) => i.answer === false)
            .map((i) => ({
              no: i.no,
              pertanyaan: i.question,
              alasan: noteFor(i) ?? derivedNote(i),
            })),
        }
      : null,
  };
}

export type RenderContext = ReturnType<typeof buildRenderContext>;

/** What a list or a section of the data prints as, so that a template printing one can be told what it did. */
export const NOT_TEXT = /\uE000(list|section):([^\uE001]*)\uE001/;

/**
 * Make every string of the data inert in the block language: each character that means something
 * there (line breaks, cell bars, inline markup, and the characters that start a block, a list item
 * or a cell marker) is escaped with a backslash, which the parser turns back into the character.
 * Data can never become layout. A list or section printed as text (`{{rapat}}`) prints a marker
 * naming it (NOT_TEXT) instead of "[object Object]", and the template is refused.
 */
export function escapeForBlocks<T>(value: T, field = ""): T {
  if (typeof value === "string")
    return value
      .replace(/[\uE000\uE001]/g, "")
      .replace(/[\\|*_:#>^-]/g, "\\$&")
      .replace(/\r?\n|\r/g, "\\n") as T;
  if (value && typeof value === "object") {
    const list = Array.isArray(value);
    const copy = list
      ? value.map((v, i) => escapeForBlocks(v, `${field}.${i}`))
      : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeForBlocks(v, field ? `${field}.${k}` : k)]));
    const marker = `\uE000${list ? "list" : "section"}:${field}\uE001`;
    Object.defineProperty(copy, "toString", { value: () => marker, enumerable: false });
    return copy as T;
  }
  return value;
}
