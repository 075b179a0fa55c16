// The quarterly cross-sector Lokmin (tribulanan.yaml, Permenkes 44/2016): held each quarter with the
// kecamatan's sectors, it records coverage per village, each sector's role, an integrated plan, a
// kesepakatan signed across sectors and the health proposals for the Musrenbang kecamatan; its
// kesepakatan are evaluated at the next quarterly meeting, as the monthly ones are at N+1.
import { msg, t } from "../../../i18n/index.js";
import { numbered } from "../checklists.js";
import { COMMITMENT_ID_RULES, commitmentIdFindings, unevaluatedIn } from "../../commitments.js";
import type { PathSegment } from "../../findings.js";
import { didYouMean } from "../../hints.js";
import { participant, QUARTERLY_STEPS, type QuarterlyStep } from "../../lintas-sektor.js";
import { quarterOf } from "../../meeting-kinds.js";
import { daysBetween, parseMonth } from "../../month.js";
import type { QuarterlyMeeting } from "../../schema.js";
import { duplicateStakeholders } from "../../stakeholders.js";
import { meetingFile } from "../../workspace-data.js";
import type { MonthContext } from "../context.js";
import { defineRules } from "../registry.js";

const M = {
  dateMissing: msg("tanggal Lokmin tribulanan belum diisi", "the quarterly Lokmin's date is not filled in"),
  dateOutside: msg(
    "tanggal {date} di luar bulan {month}; tribulanan.yaml berada di folder bulan rapatnya",
    "date {date} is outside month {month}; tribulanan.yaml lives in the folder of the month it is held",
  ),
  wrongMonth: msg(
    "bulan: {written} tidak sama dengan folder {month}",
    "bulan: {written} does not match folder {month}",
  ),
  unknown: msg(
    "'{id}' tidak ada di daftar pegawai maupun lintas_sektor.peserta lokmin.yaml{hint}",
    "'{id}' is neither in the staff roster nor in lintas_sektor.peserta of lokmin.yaml{hint}",
  ),
  notStaff: msg(
    "'{id}' tidak ada di daftar pegawai lokmin.yaml{hint}",
    "'{id}' is not in the lokmin.yaml staff roster{hint}",
  ),
  notRoster: msg(
    "'{id}' tidak ada di lintas_sektor.peserta lokmin.yaml{hint} (pegawai ditulis dengan pegawai:)",
    "'{id}' is not in lintas_sektor.peserta of lokmin.yaml{hint} (staff are written with pegawai:)",
  ),
  noSectors: msg(
    "tidak ada peserta lintas sektor yang hadir; Lokmin tribulanan dihadiri sektor kecamatan (lintas_sektor.peserta " +
      "di lokmin.yaml, tandai status: hadir)",
    "no cross-sector participant attended; the quarterly Lokmin is held with the kecamatan's sectors " +
      "(lintas_sektor.peserta in lokmin.yaml, mark status: hadir)",
  ),
  blankStatus: msg("{n} status kehadiran belum diisi", "{n} attendance statuses are empty"),
  guestNoInstansi: msg("tamu {name} belum ditulis instansinya", "guest {name} has no instansi"),
  duplicateStakeholder: msg(
    "stakeholder '{name}' sudah tercantum di urutan ke-{first}; hapus salah satunya",
    "stakeholder '{name}' is already listed as entry {first}; remove one of them",
  ),
  noInvitation: msg(
    "undangan lintas sektor belum bernomor dan bertanggal; isi undangan.nomor dan undangan.tanggal",
    "the cross-sector invitation has no number or date; fill undangan.nomor and undangan.tanggal",
  ),
  inviteLate: msg(
    "undangan bertanggal {sent}, hanya {days} hari sebelum rapat {date}; minimal {min} hari " +
      "(surat.hari_minimal_undangan)",
    "invitation dated {sent}, only {days} days before the meeting {date}; at least {min} days " +
      "(surat.hari_minimal_undangan)",
  ),
  step: msg("agenda '{title}' belum ada isinya; isi {key}", "agenda item '{title}' has no content; fill {key}"),
  unsigned: msg(
    "kesepakatan {id} belum ditandatangani dua pihak atau lebih; isi ditandatangani",
    "commitment {id} is not signed by two parties or more; fill ditandatangani",
  ),
  insideOnly: msg(
    "kesepakatan lintas sektor hanya ditandatangani pegawai Puskesmas; sertakan penandatangan dari sektor lain",
    "the cross-sector agreement is signed by Puskesmas staff only; add signatories from the other sectors",
  ),
  notEvaluated: msg(
    "kesepakatan tribulanan {id} ({month}) belum dievaluasi pada Lokmin tribulanan ini; jalankan `lokmin carry " +
      "{current}` lalu isi status",
    "quarterly commitment {id} ({month}) is not evaluated at this quarterly Lokmin; run `lokmin carry {current}` " +
      "and fill in its status",
  ),
  blankEvaluation: msg(
    "status evaluasi {id} belum diisi: selesai | sebagian | belum | batal",
    "evaluation status of {id} is empty: selesai | sebagian | belum | batal",
  ),
  missingQuarter: msg(
    "triwulan {quarter} {year} belum punya Lokmin tribulanan lintas sektor (PKP menilai jumlahnya); buat dengan " +
      "`lokmin new {month} --tribulanan`",
    "quarter {quarter} of {year} has no quarterly cross-sector Lokmin (PKP scores how many were held); create it " +
      "with `lokmin new {month} --tribulanan`",
  ),
};

const STEP_RULE = {
  "capaian-wilayah": "tribulanan/capaian-wilayah",
  "peran-sektor": "tribulanan/peran-sektor",
  "rencana-terpadu": "tribulanan/rencana-terpadu",
  musrenbang: "tribulanan/musrenbang",
} as const;

/** Whether tribulanan.yaml holds the evidence of an agenda step. */
function stepDone(step: QuarterlyStep, m: QuarterlyMeeting): boolean {
  switch (step) {
    case "capaian-wilayah":
      return m.capaian_desa.some((c) => Boolean(c.uraian?.trim()));
    case "peran-sektor":
      return m.peran_sektor.length > 0 && m.peran_sektor.every((p) => Boolean(p.peran?.trim()));
    case "rencana-terpadu":
      return m.rencana_terpadu.length > 0;
    case "musrenbang":
      return m.usulan_musrenbang.length > 0;
    default:
      return true;
  }
}

const source = (note: ReturnType<typeof msg>) => ({ kind: "permenkes-44-2016" as const, note });
const LOKMIN_T = msg("Lokmin tribulanan lintas sektor", "quarterly cross-sector Lokmin");

export const tribulananRules = defineRules<
  | "tribulanan/tanggal"
  | "tribulanan/peserta"
  | "tribulanan/lintas-sektor"
  | "tribulanan/hadir"
  | "tribulanan/stakeholder"
  | "tribulanan/undangan"
  | "tribulanan/capaian-wilayah"
  | "tribulanan/peran-sektor"
  | "tribulanan/rencana-terpadu"
  | "tribulanan/musrenbang"
  | "tribulanan/kesepakatan"
  | "tribulanan/kesepakatan-belum-dievaluasi"
  | "tribulanan/kesepakatan-id"
  | "tribulanan/tidak-dilaksanakan",
  MonthContext
>({
  rules: {
    "tribulanan/tanggal": {
      severity: "error",
      source: source(LOKMIN_T),
      what: msg(
        "tanggal Lokmin tribulanan terisi dan berada di bulan foldernya",
        "the quarterly Lokmin's date is filled in and inside its folder's month",
      ),
      fix: msg("perbaiki tanggal atau bulan", "fix tanggal or bulan"),
    },
    "tribulanan/peserta": {
      severity: "error",
      source: { kind: "lokmin" },
      what: msg(
        "setiap orang yang dirujuk tribulanan.yaml ada di pegawai atau lintas_sektor.peserta",
        "every person tribulanan.yaml names is on the staff or the cross-sector roster",
      ),
      fix: msg("tambahkan orangnya ke lokmin.yaml atau perbaiki id", "add the person to lokmin.yaml or fix the id"),
    },
    "tribulanan/lintas-sektor": {
      severity: "error",
      source: source(msg("peserta dari sektor kecamatan", "participants from the kecamatan's sectors")),
      what: msg("sektor di luar Puskesmas hadir", "sectors outside the Puskesmas attend"),
      fix: msg(
        "isi lintas_sektor.peserta di lokmin.yaml dan statusnya di hadir",
        "fill lintas_sektor.peserta in lokmin.yaml and their status in hadir",
      ),
    },
    "tribulanan/hadir": {
      severity: "warning",
      source: source(LOKMIN_T),
      what: msg(
        "status kehadiran terisi dan setiap tamu punya instansi",
        "attendance statuses are filled in and every guest has an instansi",
      ),
      fix: msg("isi status dan instansi", "fill in status and instansi"),
    },
    "tribulanan/stakeholder": {
      severity: "warning",
      source: { kind: "pembinaan", pasal: "stakeholder" },
      what: msg(
        "peta stakeholder lintas sektor menyebut setiap stakeholder sekali",
        "the cross-sector stakeholder map lists each stakeholder once",
      ),
      fix: msg("hapus salah satunya", "remove one of them"),
    },
    "tribulanan/undangan": {
      severity: "warning",
      source: {
        kind: "setempat",
        note: msg(
          "undangan bernomor, tepat waktu (surat.hari_minimal_undangan)",
          "invitation numbered and on time (surat.hari_minimal_undangan)",
        ),
      },
      what: msg(
        "undangan lintas sektor bernomor, bertanggal dan dikirim minimal N hari sebelumnya",
        "the cross-sector invitation is numbered, dated and sent at least N days before",
      ),
      fix: msg("isi undangan.nomor dan undangan.tanggal", "fill undangan.nomor and undangan.tanggal"),
    },
    "tribulanan/capaian-wilayah": {
      severity: "error",
      source: source(msg("capaian per wilayah", "coverage per area")),
      what: msg("capaian per desa/kelurahan dibahas", "coverage per village is discussed"),
      fix: msg("isi capaian_desa", "fill capaian_desa"),
    },
    "tribulanan/peran-sektor": {
      severity: "error",
      source: source(msg("peran masing-masing sektor", "each sector's role")),
      what: msg("peran setiap sektor tercatat", "each sector's role is recorded"),
      fix: msg("isi peran_sektor", "fill peran_sektor"),
    },
    "tribulanan/rencana-terpadu": {
      severity: "error",
      source: source(msg("rencana kegiatan terpadu per sektor", "integrated plan per sector")),
      what: msg("rencana kegiatan terpadu per sektor tersusun", "an integrated plan per sector is drawn up"),
      fix: msg("isi rencana_terpadu", "fill rencana_terpadu"),
    },
    "tribulanan/musrenbang": {
      severity: "error",
      source: source(msg("usulan untuk Musrenbang kecamatan", "proposals for the Musrenbang kecamatan")),
      what: msg(
        "Lokmin tribulanan pertama menghasilkan usulan kesehatan untuk Musrenbang kecamatan (berikutnya: info)",
        "the first quarterly Lokmin produces health proposals for the Musrenbang kecamatan (later ones: info)",
      ),
      fix: msg("isi usulan_musrenbang", "fill usulan_musrenbang"),
    },
    "tribulanan/kesepakatan": {
      severity: "error",
      source: source(msg("penandatanganan kesepakatan", "signed agreement")),
      what: msg(
        "kesepakatan lintas sektor ada dan ditandatangani lintas sektor",
        "a cross-sector agreement exists and is signed across sectors",
      ),
      fix: msg("isi kesepakatan dengan ditandatangani", "fill kesepakatan with ditandatangani"),
    },
    "tribulanan/kesepakatan-belum-dievaluasi": {
      severity: "error",
      source: source(msg("dievaluasi pada Lokmin tribulanan berikutnya", "evaluated at the next quarterly Lokmin")),
      what: msg(
        "setiap kesepakatan tribulanan yang masih terbuka dievaluasi pada Lokmin tribulanan berikutnya",
        "every open quarterly commitment is evaluated at the next quarterly Lokmin",
      ),
      fix: msg("`lokmin carry BULAN`, lalu isi status", "`lokmin carry MONTH`, then fill in the status"),
    },
    "tribulanan/kesepakatan-id": {
      severity: "error",
      source: COMMITMENT_ID_RULES["kesepakatan/id-ganda"].source,
      what: msg(
        "id kesepakatan tribulanan unik, diawali bulannya, dan evaluasi merujuk kesepakatan tribulanan sebelumnya",
        "quarterly commitment ids are unique, start with their month, and evaluations name an earlier quarterly one",
      ),
      fix: msg("kembalikan id aslinya atau beri id baru BULAN/Tnn", "restore the original id or give a new MONTH/Tnn"),
    },
    "tribulanan/tidak-dilaksanakan": {
      severity: "warning",
      source: source(msg("Lokmin tribulanan setiap triwulan", "a quarterly Lokmin each quarter")),
      what: msg(
        "setiap triwulan punya Lokmin tribulanan lintas sektor (diperiksa di bulan akhir triwulan)",
        "every quarter has a quarterly cross-sector Lokmin (checked at the quarter's last month)",
      ),
      fix: msg("`lokmin new BULAN --tribulanan`", "`lokmin new MONTH --tribulanan`"),
    },
  },
  run(ctx, report) {
    const month = parseMonth(ctx.month.id);
    if (month && month.month % 3 === 0 && ctx.month.meeting) {
      const held = ctx.quarterly.some((q) => {
        const id = parseMonth(q.id);
        return id?.year === month.year && quarterOf(id) === quarterOf(month);
      });
      if (!held) {
        const message = t(M.missingQuarter, { quarter: quarterOf(month), year: month.year, month: ctx.month.id });
        report("tribulanan/tidak-dilaksanakan", { file: meetingFile(ctx.month.id), path: [], message });
      }
    }
    const loaded = ctx.month.quarterly;
    if (!loaded) return;
    const m = loaded.data;
    const file = loaded.file;
    const config = ctx.config;

    if (m.bulan !== ctx.month.id) {
      const message = t(M.wrongMonth, { written: m.bulan, month: ctx.month.id });
      report("tribulanan/tanggal", { file, path: ["bulan"], at: "value", message });
    }
    if (!m.tanggal) report("tribulanan/tanggal", { file, path: ["tanggal"], message: t(M.dateMissing) });
    else if (!m.tanggal.startsWith(`${ctx.month.id}-`)) {
      const message = t(M.dateOutside, { date: m.tanggal, month: ctx.month.id });
      report("tribulanan/tanggal", { file, path: ["tanggal"], at: "value", message });
    }

    const staff = new Set(config.pegawai.map((p) => p.id));
    const roster = new Set((config.lintas_sektor?.peserta ?? []).map((p) => p.id));
    const person = (id: string | undefined, path: PathSegment[], only?: "staff" | "roster") => {
      if (!id) return;
      const ok =
        only === "staff" ? staff.has(id) : only === "roster" ? roster.has(id) : Boolean(participant(config, id));
      if (ok) return;
      const accepted = only === "staff" ? staff : only === "roster" ? roster : [...staff, ...roster];
      const hint = didYouMean(id, accepted);
      const message = t(only === "staff" ? M.notStaff : only === "roster" ? M.notRoster : M.unknown, { id, hint });
      report("tribulanan/peserta", { file, path, at: "value", message });
    };
    person(m.pimpinan, ["pimpinan"]);
    person(m.notulis, ["notulis"], "staff");
    person(m.undangan?.penandatangan, ["undangan", "penandatangan"]);
    m.hadir.forEach((h, i) => {
      person(h.peserta, ["hadir", i, "peserta"], "roster");
      person(h.pegawai, ["hadir", i, "pegawai"], "staff");
    });
    m.kesepakatan.forEach((k, i) => {
      person(k.penanggung_jawab, ["kesepakatan", i, "penanggung_jawab"]);
      k.ditandatangani.forEach((s, j) => person(s, ["kesepakatan", i, "ditandatangani", j]));
    });
    m.rencana_terpadu.forEach((r, i) => person(r.penanggung_jawab, ["rencana_terpadu", i, "penanggung_jawab"]));

    const outside = m.hadir.filter((h) => h.peserta || (!h.pegawai && h.instansi));
    if (!outside.some((h) => h.status === "hadir"))
      report("tribulanan/lintas-sektor", { file, path: ["hadir"], message: t(M.noSectors) });
    const blank = m.hadir.filter((h) => h.status === null).length;
    if (blank) report("tribulanan/hadir", { file, path: ["hadir"], message: t(M.blankStatus, { n: blank }) });
    m.hadir.forEach((h, i) => {
      if (!h.pegawai && !h.peserta && !h.instansi?.trim()) {
        const message = t(M.guestNoInstansi, { name: h.nama ?? `#${i + 1}` });
        report("tribulanan/hadir", { file, path: ["hadir", i], message });
      }
    });

    const stakeholders = m.stakeholder ?? [];
    for (const { index, first } of duplicateStakeholders(stakeholders)) {
      const message = t(M.duplicateStakeholder, { name: stakeholders[index].nama, first: first + 1 });
      report("tribulanan/stakeholder", { file, path: ["stakeholder", index, "nama"], at: "value", message });
    }

    const sent = m.undangan?.tanggal;
    if (!numbered(m.undangan) || !sent)
      report("tribulanan/undangan", { file, path: ["undangan"], message: t(M.noInvitation) });
    else if (m.tanggal) {
      const days = daysBetween(sent, m.tanggal);
      const min = config.surat.hari_minimal_undangan;
      if (days < min) {
        const message = t(M.inviteLate, { sent, days, date: m.tanggal, min });
        report("tribulanan/undangan", { file, path: ["undangan", "tanggal"], message });
      }
    }

    for (const step of QUARTERLY_STEPS) {
      if (!(step.id in STEP_RULE) || stepDone(step.id, m)) continue;
      const rule = STEP_RULE[step.id as keyof typeof STEP_RULE];
      const optional = "pertama" in step && step.pertama && m.jenis !== "tribulanan-pertama";
      report(rule, {
        file,
        path: [step.bukti],
        severity: optional ? "info" : undefined,
        message: t(M.step, { title: step.judul, key: step.bukti }),
      });
    }

    if (m.kesepakatan.length === 0) {
      const title = QUARTERLY_STEPS.find((s) => s.id === "kesepakatan")!.judul;
      report("tribulanan/kesepakatan", {
        file,
        path: ["kesepakatan"],
        message: t(M.step, { title, key: "kesepakatan" }),
      });
    } else {
      m.kesepakatan.forEach((k, i) => {
        if (k.ditandatangani.length < 2) {
          const path = ["kesepakatan", i, "ditandatangani"];
          report("tribulanan/kesepakatan", { file, path, message: t(M.unsigned, { id: k.id }) });
        }
      });
      const signers = m.kesepakatan.flatMap((k) => k.ditandatangani);
      if (signers.length && signers.every((id) => participant(config, id)?.pegawai !== false))
        report("tribulanan/kesepakatan", { file, path: ["kesepakatan"], message: t(M.insideOnly) });
    }

    const { missing, blank: blankEvaluations } = unevaluatedIn(ctx.quarterly, ctx.month.id);
    for (const h of missing) {
      const message = t(M.notEvaluated, { id: h.commitment.id, month: h.month, current: ctx.month.id });
      report("tribulanan/kesepakatan-belum-dievaluasi", { file, path: ["evaluasi_kesepakatan"], message });
    }
    for (const e of blankEvaluations) {
      const path = ["evaluasi_kesepakatan", m.evaluasi_kesepakatan.indexOf(e), "status"];
      const message = t(M.blankEvaluation, { id: e.id });
      report("tribulanan/kesepakatan-belum-dievaluasi", { file, path, message });
    }
    for (const finding of commitmentIdFindings(ctx.quarterly)) {
      if (finding.file !== file) continue;
      report("tribulanan/kesepakatan-id", { file, path: finding.path, at: finding.at, message: finding.message });
    }
  },
});
