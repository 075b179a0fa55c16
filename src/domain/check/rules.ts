// The rule registry of `lokmin check`. Each rule is a small function with a stable id, a
// default severity, its source (SOP step or Perbup article) and how to fix what it finds.
// Month rules see one month (MonthContext); workspace rules see lokmin.yaml.
import { existsSync } from "node:fs";
import path from "node:path";
import { commitmentIdDiagnostics, unevaluatedIn } from "../commitments.js";
import type { Diagnostic, Severity } from "../findings.js";
import { checkNip } from "../format-id.js";
import { type Message, msg, t } from "../../i18n/index.js";
import { parseMonth } from "../month.js";
import { rankProblems, rankSolutions } from "../rank/month.js";
import type { Workspace } from "../schema.js";
import { resolveSop } from "../sop.js";
import { coveragePercent, cumulativeTarget } from "../targets.js";
import type { YamlSource } from "../../io/yaml-source.js";
import {
  ARCHIVE_IDS,
  archiveChecklist,
  EVIDENCE_PATH,
  sopChecklist,
  TILIK,
  tilikChecklist,
  tilikId,
} from "./checklists.js";
import { atMeeting, findingAt, type MonthContext } from "./context.js";

export interface RuleDoc {
  id: string;
  severity: Severity;
  source: string;
  what: Message;
}

export interface MonthRule extends RuleDoc {
  run(ctx: MonthContext): Diagnostic[];
}

export interface WorkspaceRule extends RuleDoc {
  run(config: Workspace, source: YamlSource, root: string): Diagnostic[];
}

const M = {
  sopMissing: msg(
    "langkah SOP {step} belum ada buktinya: {title}; isi bagian '{path}' atau catat di pembahasan dengan langkah: {step}",
    "SOP step {step} has no evidence: {title}; fill in '{path}' or record it in pembahasan with langkah: {step}",
  ),
  sopUnknown: msg(
    "profil SOP '{profile}' tidak dikenal (tersedia: {known}); semua langkah diambil dari sop.tambahan",
    "unknown SOP profile '{profile}' (known: {known}); all steps come from sop.tambahan",
  ),
  tilikNo: msg('Daftar Tilik {no} "{question}": tidak ({reason})', 'Checklist item {no} "{question}": no ({reason})'),
  arsipMissing: msg(
    "arsip minimum (Perbup Pasal 31): {name} belum ada; {hint}",
    "minimum archive (Perbup art. 31): {name} is missing; {hint}",
  ),
  overSasaran: msg(
    "kumulatif {value} melebihi sasaran {sasaran} untuk {indicator}; periksa data atau perbarui sasaran",
    "cumulative {value} exceeds sasaran {sasaran} for {indicator}; check the data or update sasaran",
  ),
  percentWrong: msg(
    "capaian_persen tertulis {written}% tetapi hitungan ulang {computed}% ({kumulatif} ÷ {sasaran}); perbaiki atau hapus angka tertulis",
    "written capaian_persen {written}% but recomputed {computed}% ({kumulatif} ÷ {sasaran}); fix or remove the written value",
  ),
  decreasing: msg(
    "kumulatif {indicator} turun dari {before} ({month}) menjadi {after}; angka kumulatif tidak boleh turun dalam satu tahun",
    "cumulative {indicator} drops from {before} ({month}) to {after}; cumulative figures never decrease within a year",
  ),
  sumMismatch: msg(
    "kumulatif {indicator} = {value}, tetapi kumulatif bulan lalu {before} + bulan ini {month} = {expected}; periksa salah satunya",
    "cumulative {indicator} = {value}, but last month's {before} + this month's {month} = {expected}; check one of them",
  ),
  notFilled: msg(
    "capaian {indicator} belum diisi (bulan_ini / kumulatif)",
    "coverage of {indicator} is not filled in (bulan_ini / kumulatif)",
  ),
  villageSum: msg(
    "jumlah kumulatif per desa {sum} ≠ kumulatif {indicator} {total}",
    "sum of per-village cumulative {sum} ≠ cumulative {indicator} {total}",
  ),
  targetWrong: msg(
    "target_kumulatif {written}% berbeda dengan target lokmin.yaml untuk bulan ini ({computed}%)",
    "target_kumulatif {written}% differs from lokmin.yaml's target for this month ({computed}%)",
  ),
  dateOutside: msg("tanggal rapat {date} di luar bulan {month}", "meeting date {date} is outside month {month}"),
  dateMissing: msg("tanggal rapat belum diisi", "the meeting date is not filled in"),
  inviteLate: msg(
    "undangan bertanggal {sent}, hanya {days} hari sebelum rapat {date}; minimal {min} hari (surat.hari_minimal_undangan)",
    "invitation dated {sent}, only {days} days before the meeting {date}; at least {min} days (surat.hari_minimal_undangan)",
  ),
  notReported: msg(
    "notulen belum dilaporkan ke Dinas Kesehatan; isi laporan_dinkes.tanggal_kirim setelah dikirim",
    "the notulen has not been reported to the Dinas Kesehatan; fill laporan_dinkes.tanggal_kirim once sent",
  ),
  feedbackLate: msg(
    "umpan balik pembinaan {feedback} lebih dari 7 hari setelah supervisi {visit} (Perbup Pasal 33)",
    "supervision feedback {feedback} is more than 7 days after the visit {visit} (Perbup art. 33)",
  ),
  feedbackMissing: msg(
    "supervisi {visit} belum ada umpan balik; sudah lewat 7 hari per {today}",
    "supervision {visit} has no feedback yet; more than 7 days have passed as of {today}",
  ),
  notEvaluated: msg(
    "kesepakatan {id} ({month}) belum dievaluasi bulan ini (Perbup Pasal 20); jalankan `lokmin carry {current}` lalu isi status",
    "commitment {id} ({month}) is not evaluated this month (Perbup art. 20); run `lokmin carry {current}` and fill in its status",
  ),
  blankStatus: msg(
    "status evaluasi {id} belum diisi: selesai | sebagian | belum | batal",
    "evaluation status of {id} is empty: selesai | sebagian | belum | batal",
  ),
  unknownPerson: msg(
    "'{id}' tidak ada di daftar pegawai lokmin.yaml{hint}",
    "'{id}' is not in the lokmin.yaml staff roster{hint}",
  ),
  unknownProgram: msg(
    "program '{id}' tidak ada di lokmin.yaml; tambahkan programnya atau hapus berkas ini",
    "program '{id}' is not in lokmin.yaml; add the program or delete this file",
  ),
  unknownIndicator: msg(
    "indikator '{id}' tidak ada pada program {program} di lokmin.yaml",
    "indicator '{id}' is not in program {program} in lokmin.yaml",
  ),
  missingProgramFile: msg(
    "program {id} tidak punya berkas {file}; buat dengan `lokmin new {month} --force` atau salin dari bulan lain",
    "program {id} has no file {file}; create it with `lokmin new {month} --force` or copy it from another month",
  ),
  noProgramFiles: msg(
    "bulan {month} tidak punya berkas program sama sekali (folder {dir})",
    "month {month} has no program files at all (folder {dir})",
  ),
  wrongMonth: msg(
    "bulan: {written} tidak sama dengan folder {month}",
    "bulan: {written} does not match folder {month}",
  ),
  nip: msg(
    "NIP {nip} ({name}) tampak tidak sah: {reason}; periksa kembali (tidak ditolak)",
    "NIP {nip} ({name}) looks malformed: {reason}; check it (not rejected)",
  ),
  duplicateId: msg("id '{id}' dipakai lebih dari sekali di {list}", "id '{id}' is used more than once in {list}"),
  logoMissing: msg(
    "logo '{logo}' tidak ditemukan; kop surat dicetak tanpa logo",
    "logo '{logo}' not found; the letterhead prints without a logo",
  ),
  logoOutside: msg(
    "logo '{logo}' berada di luar folder workspace; salin ke dalam workspace",
    "logo '{logo}' is outside the workspace folder; copy it inside",
  ),
};

const NIP_REASONS: Record<string, string> = {
  length: "bukan 18 digit",
  "birth-date": "tanggal lahir tidak sah",
  appointment: "TMT pengangkatan tidak sah",
  gender: "digit jenis kelamin bukan 1/2",
};

const doc = (id: string, severity: Severity, source: string, what: Message) => ({ id, severity, source, what });

export const MONTH_RULES: MonthRule[] = [
  {
    ...doc(
      "sop/<langkah>",
      "error",
      "SOP Lokmin bulanan rutin (profil di lokmin.yaml)",
      msg(
        "setiap langkah SOP yang berlaku punya bukti di berkas bulan ini",
        "each SOP step in force has evidence in the month's files",
      ),
    ),
    run(ctx) {
      const sop = resolveSop(ctx.config.sop);
      return sopChecklist(ctx).steps.flatMap((step) => {
        if (step.done || step.applies === "not-applicable") return [];
        const def = sop.steps.find((s) => s.id === step.id)!;
        const severity: Severity = step.applies === "required" ? "error" : "info";
        return [
          atMeeting(
            ctx,
            [EVIDENCE_PATH[def.bukti]],
            `sop/${step.id}`,
            severity,
            t(M.sopMissing, { step: step.id, title: step.judul, path: EVIDENCE_PATH[def.bukti] }),
          ),
        ];
      });
    },
  },
  {
    ...doc(
      "tilik/<nn-butir>",
      "warning",
      "Perbup Musi Rawas 49/2018 Pasal 30, Lampiran III",
      msg(
        "butir Daftar Tilik yang dapat diturunkan dari data dijawab 'ya'",
        "checklist items derivable from the data answer 'yes'",
      ),
    ),
    run(ctx) {
      return tilikChecklist(ctx).items.flatMap((item) =>
        item.answer === false && item.severity
          ? [
              atMeeting(
                ctx,
                [item.path],
                `tilik/${item.id}`,
                item.severity,
                t(M.tilikNo, { no: item.no, question: item.question, reason: item.reason }),
              ),
            ]
          : [],
      );
    },
  },
  {
    ...doc(
      "arsip/<dokumen>",
      "error",
      "Perbup Musi Rawas 49/2018 Pasal 31",
      msg("10 dokumen arsip minimum ada", "the 10 minimum archive documents are present"),
    ),
    run(ctx) {
      return archiveChecklist(ctx).flatMap((d) =>
        d.present === false
          ? [atMeeting(ctx, [d.path], `arsip/${d.id}`, d.severity, t(M.arsipMissing, { name: d.name, hint: d.hint }))]
          : [],
      );
    },
  },
  {
    ...doc(
      "capaian/belum-diisi",
      "error",
      "SOP langkah 8",
      msg("setiap indikator punya bulan_ini dan kumulatif", "every indicator has bulan_ini and kumulatif"),
    ),
    run: (ctx) =>
      eachIndicator(ctx, (i, at) =>
        i.bulan_ini === null || i.kumulatif === null
          ? [at([], "capaian/belum-diisi", "error", t(M.notFilled, { indicator: i.id }))]
          : [],
      ),
  },
  {
    ...doc(
      "capaian/melebihi-sasaran",
      "warning",
      "Domain §5",
      msg("kumulatif tidak melebihi sasaran", "cumulative never exceeds sasaran"),
    ),
    run: (ctx) =>
      eachIndicator(ctx, (i, at) =>
        i.kumulatif !== null && i.kumulatif > i.sasaran
          ? [
              at(
                ["kumulatif"],
                "capaian/melebihi-sasaran",
                "warning",
                t(M.overSasaran, { value: i.kumulatif, sasaran: i.sasaran, indicator: i.id }),
              ),
            ]
          : [],
      ),
  },
  {
    ...doc(
      "capaian/persen-berbeda",
      "error",
      "Domain §4–5 (tabel berisi salah hitung)",
      msg("capaian_persen tertulis sama dengan hitungan ulang", "a written capaian_persen matches the recomputation"),
    ),
    run: (ctx) =>
      eachIndicator(ctx, (i, at) => {
        const computed = coveragePercent(i);
        return i.capaian_persen !== undefined && computed !== null && Math.abs(i.capaian_persen - computed) > 0.05
          ? [
              at(
                ["capaian_persen"],
                "capaian/persen-berbeda",
                "error",
                t(M.percentWrong, { written: i.capaian_persen, computed, kumulatif: i.kumulatif!, sasaran: i.sasaran }),
              ),
            ]
          : [];
      }),
  },
  {
    ...doc(
      "capaian/target-kumulatif",
      "warning",
      "Domain §5",
      msg(
        "target_kumulatif sama dengan target lokmin.yaml untuk bulan itu",
        "target_kumulatif matches lokmin.yaml's target for that month",
      ),
    ),
    run(ctx) {
      const month = parseMonth(ctx.month.id)!.month;
      return eachIndicator(ctx, (i, at, programId) => {
        const def = ctx.config.program.find((p) => p.id === programId)?.indikator.find((x) => x.id === i.id);
        if (!def) return [];
        const computed = cumulativeTarget({ ...def, target: i.target_tahunan }, month);
        return Math.abs(computed - i.target_kumulatif) > 0.01
          ? [
              at(
                ["target_kumulatif"],
                "capaian/target-kumulatif",
                "warning",
                t(M.targetWrong, { written: i.target_kumulatif, computed }),
              ),
            ]
          : [];
      });
    },
  },
  {
    ...doc(
      "capaian/kumulatif-turun",
      "error",
      "Domain §5",
      msg(
        "kumulatif tidak turun dari bulan ke bulan dalam satu tahun, dan = kumulatif lalu + bulan ini",
        "cumulative never drops within a year and equals last cumulative + this month",
      ),
    ),
    run(ctx) {
      const prev = ctx.previous;
      if (!prev || parseMonth(prev.id)!.year !== parseMonth(ctx.month.id)!.year) return [];
      return eachIndicator(ctx, (i, at, programId) => {
        const before = prev.programs
          .find((p) => p.data.program === programId)
          ?.data.indikator.find((x) => x.id === i.id)?.kumulatif;
        if (before === undefined || before === null || i.kumulatif === null) return [];
        if (i.kumulatif < before)
          return [
            at(
              ["kumulatif"],
              "capaian/kumulatif-turun",
              "error",
              t(M.decreasing, { indicator: i.id, before, month: prev.id, after: i.kumulatif }),
            ),
          ];
        if (i.bulan_ini !== null && before + i.bulan_ini !== i.kumulatif) {
          return [
            at(
              ["kumulatif"],
              "capaian/kumulatif-tidak-cocok",
              "warning",
              t(M.sumMismatch, {
                indicator: i.id,
                value: i.kumulatif,
                before,
                month: i.bulan_ini,
                expected: before + i.bulan_ini,
              }),
            ),
          ];
        }
        return [];
      });
    },
  },
  {
    ...doc(
      "capaian/per-desa",
      "warning",
      "Perbup Pasal 11 (orang, waktu, tempat)",
      msg("jumlah per desa sama dengan total", "per-village figures add up to the total"),
    ),
    run: (ctx) =>
      eachIndicator(ctx, (i, at) => {
        if (!i.per_desa?.length || i.kumulatif === null || i.per_desa.some((v) => v.kumulatif === null)) return [];
        const sum = i.per_desa.reduce((s, v) => s + (v.kumulatif ?? 0), 0);
        return sum !== i.kumulatif
          ? [
              at(
                ["per_desa"],
                "capaian/per-desa",
                "warning",
                t(M.villageSum, { sum, indicator: i.id, total: i.kumulatif }),
              ),
            ]
          : [];
      }),
  },
  {
    ...doc(
      "rapat/tanggal",
      "error",
      "SOP; Perbup Pasal 30 butir c",
      msg("tanggal rapat terisi dan berada di dalam bulannya", "the meeting date is filled in and inside its month"),
    ),
    run(ctx) {
      const m = ctx.month.meeting?.data;
      if (!m) return [];
      if (!m.tanggal) return [atMeeting(ctx, ["tanggal"], "rapat/tanggal", "error", t(M.dateMissing))];
      return m.tanggal.startsWith(`${ctx.month.id}-`)
        ? []
        : [
            atMeeting(
              ctx,
              ["tanggal"],
              "rapat/tanggal",
              "error",
              t(M.dateOutside, { date: m.tanggal, month: ctx.month.id }),
            ),
          ];
    },
  },
  {
    ...doc(
      "rapat/bulan",
      "error",
      "lokmin",
      msg("kunci bulan di setiap berkas sama dengan nama folder", "the bulan key of every file matches its folder"),
    ),
    run(ctx) {
      const out: Diagnostic[] = [];
      const m = ctx.month.meeting;
      if (m && m.data.bulan !== ctx.month.id)
        out.push(
          findingAt(
            m.source,
            "",
            ["bulan"],
            "rapat/bulan",
            "error",
            t(M.wrongMonth, { written: m.data.bulan, month: ctx.month.id }),
            "value",
          ),
        );
      for (const p of ctx.month.programs)
        if (p.data.bulan !== ctx.month.id)
          out.push(
            findingAt(
              p.source,
              "",
              ["bulan"],
              "rapat/bulan",
              "error",
              t(M.wrongMonth, { written: p.data.bulan, month: ctx.month.id }),
              "value",
            ),
          );
      return out;
    },
  },
  {
    ...doc(
      "undangan/terlambat",
      "warning",
      "Domain §6 (undangan 2–3 hari sebelumnya)",
      msg("undangan dikirim minimal N hari sebelum rapat", "the invitation goes out at least N days before"),
    ),
    run(ctx) {
      const m = ctx.month.meeting?.data;
      const sent = m?.undangan?.tanggal;
      if (!m?.tanggal || !sent) return [];
      const days = Math.round((Date.parse(m.tanggal) - Date.parse(sent)) / 86_400_000);
      const min = ctx.config.surat.hari_minimal_undangan;
      return days < min
        ? [
            atMeeting(
              ctx,
              ["undangan", "tanggal"],
              "undangan/terlambat",
              "warning",
              t(M.inviteLate, { sent, days, date: m.tanggal, min }),
            ),
          ]
        : [];
    },
  },
  {
    ...doc(
      "laporan/dinkes",
      "warning",
      "SOP: notulen dilaporkan ke Dinas Kesehatan setiap bulan",
      msg("notulen dilaporkan ke Dinas Kesehatan", "the notulen is reported to the Dinas Kesehatan"),
    ),
    run: (ctx) =>
      ctx.month.meeting && !ctx.month.meeting.data.laporan_dinkes?.tanggal_kirim
        ? [atMeeting(ctx, ["laporan_dinkes"], "laporan/dinkes", "warning", t(M.notReported))]
        : [],
  },
  {
    ...doc(
      "supervisi/umpan-balik",
      "warning",
      "Perbup Pasal 33 ayat 3",
      msg(
        "umpan balik pembinaan paling lambat 7 hari setelah supervisi",
        "supervision feedback within 7 days of the visit",
      ),
    ),
    run(ctx) {
      const s = ctx.month.meeting?.data.supervisi;
      if (!s) return [];
      const feedback = s.umpan_balik?.tanggal;
      if (feedback) {
        const days = (Date.parse(feedback) - Date.parse(s.tanggal)) / 86_400_000;
        return days > 7
          ? [
              atMeeting(
                ctx,
                ["supervisi", "umpan_balik", "tanggal"],
                "supervisi/umpan-balik",
                "warning",
                t(M.feedbackLate, { feedback, visit: s.tanggal }),
              ),
            ]
          : [];
      }
      const today = new Date().toISOString().slice(0, 10);
      return (Date.parse(today) - Date.parse(s.tanggal)) / 86_400_000 > 7
        ? [
            atMeeting(
              ctx,
              ["supervisi"],
              "supervisi/umpan-balik",
              "warning",
              t(M.feedbackMissing, { visit: s.tanggal, today }),
            ),
          ]
        : [];
    },
  },
  {
    ...doc(
      "kesepakatan/belum-dievaluasi",
      "error",
      "Perbup Pasal 20 (evaluasi di bulan N+1)",
      msg(
        "setiap kesepakatan terbuka dari bulan sebelumnya dievaluasi bulan ini",
        "every open commitment from earlier months is evaluated this month",
      ),
    ),
    run(ctx) {
      if (!ctx.month.meeting) return [];
      const { missing, blank } = unevaluatedIn(ctx.meetings, ctx.month.id);
      const evaluations = ctx.month.meeting.data.evaluasi_kesepakatan;
      return [
        ...missing.map((h) =>
          atMeeting(
            ctx,
            ["evaluasi_kesepakatan"],
            "kesepakatan/belum-dievaluasi",
            "error",
            t(M.notEvaluated, { id: h.commitment.id, month: h.month, current: ctx.month.id }),
          ),
        ),
        ...blank.map((e) =>
          atMeeting(
            ctx,
            ["evaluasi_kesepakatan", evaluations.indexOf(e), "status"],
            "kesepakatan/belum-dievaluasi",
            "error",
            t(M.blankStatus, { id: e.id }),
          ),
        ),
      ];
    },
  },
  {
    ...doc(
      "kesepakatan/id-*",
      "error",
      "Perbup Pasal 18–20",
      msg(
        "id kesepakatan unik, diawali bulannya, dan evaluasi merujuk kesepakatan yang ada",
        "commitment ids are unique, start with their month, and evaluations refer to existing commitments",
      ),
    ),
    run: (ctx) => commitmentIdDiagnostics(ctx.meetings).filter((d) => d.file.startsWith(`${ctx.month.id}/`)),
  },
  {
    ...doc(
      "rank/*",
      "error",
      "Perbup Pasal 15 ayat 2; Domain §4",
      msg(
        "skor prioritas lengkap dan dalam rentang; total dan peringkat tertulis sama dengan hitungan ulang",
        "priority scores are complete and in range; written totals and ranks match the recomputation",
      ),
    ),
    run(ctx) {
      const m = ctx.month.meeting;
      if (!m) return [];
      const file = m.source.rel;
      return [
        ...rankProblems(ctx.config, m.data, file, m.source).diagnostics,
        ...rankSolutions(ctx.config, m.data, file, m.source).flatMap((r) => r.diagnostics),
      ];
    },
  },
  {
    ...doc(
      "referensi/pegawai",
      "error",
      "lokmin",
      msg("setiap orang yang dirujuk ada di daftar pegawai", "every person referenced is in the staff roster"),
    ),
    run(ctx) {
      const roster = new Set(ctx.config.pegawai.map((p) => p.id));
      const out: Diagnostic[] = [];
      const check = (source: YamlSource | undefined, id: string | undefined, path: (string | number)[]) => {
        if (id && !roster.has(id))
          out.push(
            findingAt(source, "", path, "referensi/pegawai", "error", t(M.unknownPerson, { id, hint: "" }), "value"),
          );
      };
      const m = ctx.month.meeting;
      if (m) {
        const d = m.data;
        check(m.source, d.pimpinan, ["pimpinan"]);
        check(m.source, d.notulis, ["notulis"]);
        d.hadir.forEach((h, i) => check(m.source, h.pegawai, ["hadir", i, "pegawai"]));
        d.kesepakatan.forEach((k, i) => {
          check(m.source, k.penanggung_jawab, ["kesepakatan", i, "penanggung_jawab"]);
          k.ditandatangani.forEach((s, j) => check(m.source, s, ["kesepakatan", i, "ditandatangani", j]));
        });
        d.evaluasi_kesepakatan.forEach((e, i) =>
          check(m.source, e.penanggung_jawab, ["evaluasi_kesepakatan", i, "penanggung_jawab"]),
        );
        d.rtl.forEach((r, i) => check(m.source, r.penanggung_jawab, ["rtl", i, "penanggung_jawab"]));
        d.masalah.forEach((p, i) =>
          p.skor_penilai?.forEach((r, j) => check(m.source, r.penilai, ["masalah", i, "skor_penilai", j, "penilai"])),
        );
      }
      for (const p of ctx.month.programs) {
        check(p.source, p.data.penanggung_jawab, ["penanggung_jawab"]);
        p.data.rpk.forEach((r, i) => check(p.source, r.penanggung_jawab, ["rpk", i, "penanggung_jawab"]));
      }
      return out;
    },
  },
  {
    ...doc(
      "referensi/program",
      "error",
      "lokmin",
      msg(
        "berkas program dan indikator cocok dengan lokmin.yaml; setiap program punya berkas",
        "program files and indicators match lokmin.yaml; every program has a file",
      ),
    ),
    run(ctx) {
      const out: Diagnostic[] = [];
      const known = new Map(ctx.config.program.map((p) => [p.id, p]));
      if (
        ctx.month.programs.length === 0 &&
        !ctx.loadFindings.some((f) => f.file.startsWith(`${ctx.month.id}/program/`))
      ) {
        return [
          {
            rule: "referensi/program",
            severity: "error",
            file: `${ctx.month.id}/rapat.yaml`,
            line: 1,
            column: 1,
            message: t(M.noProgramFiles, { month: ctx.month.id, dir: `${ctx.month.id}/program/` }),
          },
        ];
      }
      for (const p of ctx.month.programs) {
        const def = known.get(p.data.program);
        if (!def) {
          out.push(
            findingAt(
              p.source,
              "",
              ["program"],
              "referensi/program",
              "error",
              t(M.unknownProgram, { id: p.data.program }),
              "value",
            ),
          );
          continue;
        }
        p.data.indikator.forEach((i, index) => {
          if (!def.indikator.some((x) => x.id === i.id))
            out.push(
              findingAt(
                p.source,
                "",
                ["indikator", index, "id"],
                "referensi/indikator",
                "error",
                t(M.unknownIndicator, { id: i.id, program: def.id }),
                "value",
              ),
            );
        });
      }
      const present = new Set(ctx.month.programs.map((p) => p.data.program));
      const broken = new Set(ctx.loadFindings.map((f) => f.file));
      for (const def of ctx.config.program) {
        const file = `${ctx.month.id}/program/${def.id}.yaml`;
        if (!present.has(def.id) && !broken.has(file))
          out.push({
            rule: "referensi/program",
            severity: "warning",
            file: `${ctx.month.id}/rapat.yaml`,
            line: 1,
            column: 1,
            message: t(M.missingProgramFile, { id: def.id, file, month: ctx.month.id }),
          });
      }
      return out;
    },
  },
];

function eachIndicator(
  ctx: MonthContext,
  fn: (
    indicator: MonthContext["month"]["programs"][number]["data"]["indikator"][number],
    at: (path: (string | number)[], rule: string, severity: Severity, message: string) => Diagnostic,
    programId: string,
  ) => Diagnostic[],
): Diagnostic[] {
  return ctx.month.programs.flatMap((p) =>
    p.data.indikator.flatMap((indicator, index) =>
      fn(
        indicator,
        (path, rule, severity, message) =>
          findingAt(p.source, "", ["indikator", index, ...path], rule, severity, message, "key"),
        p.data.program,
      ),
    ),
  );
}

export const WORKSPACE_RULES: WorkspaceRule[] = [
  {
    ...doc(
      "pegawai/nip",
      "warning",
      "Domain §6 (NIP 18 digit)",
      msg(
        "NIP berbentuk 18 digit yang sah (diperingatkan, tidak ditolak)",
        "NIPs are well-formed 18 digits (warned, not rejected)",
      ),
    ),
    run: (config, source) =>
      config.pegawai.flatMap((p, i) => {
        if (!p.nip) return [];
        const result = checkNip(p.nip);
        return result.ok
          ? []
          : [
              findingAt(
                source,
                "",
                ["pegawai", i, "nip"],
                "pegawai/nip",
                "warning",
                t(M.nip, { nip: p.nip, name: p.nama, reason: NIP_REASONS[result.reason!] }),
                "value",
              ),
            ];
      }),
  },
  {
    ...doc(
      "referensi/id-ganda",
      "error",
      "lokmin",
      msg(
        "id pegawai/program unik; pejabat dan koordinator program ada di daftar pegawai",
        "staff/program ids are unique; officials and program coordinators are in the roster",
      ),
    ),
    run(config, source) {
      const out: Diagnostic[] = [];
      const roster = new Set(config.pegawai.map((p) => p.id));
      const person = (id: string, path: (string | number)[]) => {
        if (!roster.has(id))
          out.push(
            findingAt(source, "", path, "referensi/pegawai", "error", t(M.unknownPerson, { id, hint: "" }), "value"),
          );
      };
      person(config.pejabat.kepala_puskesmas, ["pejabat", "kepala_puskesmas"]);
      person(config.pejabat.kasubag_tu, ["pejabat", "kasubag_tu"]);
      config.program.forEach((p, i) => person(p.penanggung_jawab, ["program", i, "penanggung_jawab"]));
      const dupes = (list: { id: string }[], key: string) => {
        const seen = new Set<string>();
        list.forEach((item, i) => {
          if (seen.has(item.id))
            out.push(
              findingAt(
                source,
                "",
                [key, i, "id"],
                "referensi/id-ganda",
                "error",
                t(M.duplicateId, { id: item.id, list: key }),
                "value",
              ),
            );
          seen.add(item.id);
        });
      };
      dupes(config.pegawai, "pegawai");
      dupes(config.program, "program");
      const sop = resolveSop(config.sop);
      if (sop.unknownProfile)
        out.push(
          findingAt(
            source,
            "",
            ["sop", "profil"],
            "sop/profil",
            "error",
            t(M.sopUnknown, { profile: config.sop.profil, known: "rutin-2022, rutin-2019" }),
            "value",
          ),
        );
      return out;
    },
  },
  {
    ...doc(
      "puskesmas/logo",
      "warning",
      "Domain §6 (kop surat dengan logo)",
      msg("logo ada di dalam folder workspace", "the logo exists inside the workspace folder"),
    ),
    run(config, source, root) {
      const logo = config.puskesmas.logo;
      if (!logo) return [];
      const abs = path.resolve(root, logo);
      if (path.relative(root, abs).startsWith("..") || path.isAbsolute(path.relative(root, abs)))
        return [
          findingAt(
            source,
            "",
            ["puskesmas", "logo"],
            "puskesmas/logo",
            "warning",
            t(M.logoOutside, { logo }),
            "value",
          ),
        ];
      return existsSync(abs)
        ? []
        : [
            findingAt(
              source,
              "",
              ["puskesmas", "logo"],
              "puskesmas/logo",
              "warning",
              t(M.logoMissing, { logo }),
              "value",
            ),
          ];
    },
  },
];

/** Every rule id with its members (Daftar Tilik items, archive documents, SOP steps), for docs and `check --rules`. */
export function ruleCatalogue(): Array<RuleDoc & { members?: string[] }> {
  return [...MONTH_RULES, ...WORKSPACE_RULES].map(({ id, severity, source, what }) => {
    if (id.startsWith("tilik/"))
      return { id, severity, source, what, members: TILIK.map((item) => `tilik/${tilikId(item)}`) };
    if (id.startsWith("arsip/")) return { id, severity, source, what, members: ARCHIVE_IDS.map((a) => `arsip/${a}`) };
    if (id.startsWith("sop/"))
      return {
        id,
        severity,
        source,
        what,
        members: resolveSop({ profil: "rutin-2022", nonaktif: [], tambahan: [] }).steps.map((s) => `sop/${s.id}`),
      };
    return { id, severity, source, what };
  });
}
