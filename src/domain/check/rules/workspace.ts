// Rules over lokmin.yaml itself: NIP shape, unique ids, officials and coordinators on the roster,
// a known SOP profile, the logo inside the workspace, and the `aturan` settings naming real rules.
import { msg, t } from "../../../i18n/index.js";
import { checkNip } from "../../format-id.js";
import type { PathSegment } from "../../findings.js";
import { closestAccepted, didYouMean } from "../../hints.js";
import { resolveSop, SOP_PROFILES } from "../../sop.js";
import { logoProblem } from "../../logo.js";
import type { WorkspaceContext } from "../context.js";
import { defineRules } from "../registry.js";
import { matchVillage, villageAdvice } from "../../villages.js";

const M = {
  ownUnnamed: msg(
    "pembinaan.profil: sendiri, tetapi nama peraturannya belum diisi; isi pembinaan.nama (mis. Peraturan Bupati … " +
      "Nomor … Tahun … tentang …) atau pilih profil nasional bila kabupaten/kota tidak punya peraturan sendiri",
    "pembinaan.profil is sendiri but the regulation is not named; fill pembinaan.nama (e.g. Peraturan Bupati … " +
      "Nomor … Tahun … tentang …) or choose the profile nasional if the regency/city has no regulation of its own",
  ),
  villageUnknown: msg(
    "desa '{village}' tidak ada di daftar desa lokmin.yaml",
    "village '{village}' is not in lokmin.yaml's village list",
  ),
  nip: msg(
    "NIP {nip} ({name}) tampak tidak sah: {reason}; periksa kembali (tidak ditolak)",
    "NIP {nip} ({name}) looks malformed: {reason}; check it (not rejected)",
  ),
  duplicateId: msg("id '{id}' dipakai lebih dari sekali di {list}", "id '{id}' is used more than once in {list}"),
  unknownPerson: msg(
    "'{id}' tidak ada di daftar pegawai lokmin.yaml{hint}",
    "'{id}' is not in the lokmin.yaml staff roster{hint}",
  ),
  sopUnknown: msg(
    "profil SOP '{profile}' tidak dikenal (tersedia: {known}); semua langkah diambil dari sop.tambahan",
    "unknown SOP profile '{profile}' (known: {known}); all steps come from sop.tambahan",
  ),
  unknownRule: msg(
    "aturan '{id}' tidak dikenal{hint}; lihat `lokmin check --rules`",
    "unknown rule '{id}'{hint}; see `lokmin check --rules`",
  ),
  fixedRule: msg(
    "aturan '{id}' menentukan apakah berkas dapat dibaca; tingkatnya tidak dapat diubah",
    "rule '{id}' decides whether a file can be read; its severity cannot be changed",
  ),
  didYouMean: msg(" (maksud Anda '{hint}'?)", " (did you mean '{hint}'?)"),
};

const NIP_REASONS = {
  length: msg("bukan 18 digit", "not 18 digits"),
  "birth-date": msg("tanggal lahir tidak sah", "invalid birth date"),
  appointment: msg("TMT pengangkatan tidak sah", "invalid appointment month"),
  gender: msg("digit jenis kelamin bukan 1/2", "gender digit is not 1/2"),
} as const;

/** What the rule settings in `aturan` may name, given by the engine (which knows the whole registry). */
export interface RuleCatalogueView {
  status(id: string): "ok" | "unknown" | "fixed";
  ids: readonly string[];
  /** The keys a setting may name with effect (no fixed rule): what a hint may suggest. */
  settable: readonly string[];
}

export const workspaceRules = defineRules<
  | "pegawai/nip"
  | "referensi/id-ganda"
  | "referensi/pejabat"
  | "referensi/desa-lintas-sektor"
  | "sop/profil"
  | "pembinaan/profil"
  | "puskesmas/logo"
  | "aturan/tidak-sah",
  WorkspaceContext & { rules: RuleCatalogueView }
>({
  rules: {
    "pegawai/nip": {
      severity: "warning",
      source: { kind: "nip" },
      what: msg(
        "NIP 18 digit dengan tanggal lahir, TMT dan digit jenis kelamin yang sah (diperingatkan, tidak ditolak)",
        "NIPs are 18 digits with a valid birth date, appointment month and gender digit (warned, never rejected)",
      ),
      fix: msg("periksa NIP pada SK", "check the NIP against the decree"),
    },
    "referensi/id-ganda": {
      severity: "error",
      source: { kind: "lokmin" },
      what: msg("id pegawai dan program unik", "staff and program ids are unique"),
      fix: msg("beri id lain", "give it another id"),
    },
    "referensi/pejabat": {
      severity: "error",
      source: { kind: "lokmin" },
      what: msg(
        "pejabat dan koordinator program ada di daftar pegawai",
        "officials and program coordinators are on the staff roster",
      ),
      fix: msg("tambahkan orangnya ke pegawai atau perbaiki id", "add the person to pegawai or fix the id"),
    },
    "referensi/desa-lintas-sektor": {
      severity: "error",
      source: { kind: "lokmin" },
      what: msg(
        "desa peserta lintas sektor ada di daftar desa lokmin.yaml",
        "a cross-sector member's village is in lokmin.yaml's village list",
      ),
      fix: msg(
        "perbaiki nama desa (lihat saran 'maksud Anda') atau tambahkan desanya ke daftar desa",
        "fix the village name (see the 'did you mean' hint) or add the village to the list",
      ),
    },
    "sop/profil": {
      severity: "error",
      source: { kind: "sop" },
      what: msg("profil SOP di lokmin.yaml dikenal", "the SOP profile in lokmin.yaml exists"),
      fix: msg(
        "tulis rutin-2022 atau rutin-2019, atau definisikan langkah di sop.tambahan",
        "write rutin-2022 or rutin-2019, or define steps in sop.tambahan",
      ),
    },
    "pembinaan/profil": {
      severity: "error",
      source: { kind: "lokmin" },
      what: msg(
        "peraturan pembinaan sendiri disebut namanya (profil sendiri)",
        "an own supervision regulation is named (profile sendiri)",
      ),
      fix: msg(
        "isi pembinaan.nama, mis. Peraturan Bupati … Nomor … Tahun … tentang …; atau pilih profil nasional",
        "fill pembinaan.nama, e.g. Peraturan Bupati … Nomor … Tahun … tentang …; or choose the profile nasional",
      ),
    },
    "puskesmas/logo": {
      severity: "warning",
      source: { kind: "permendagri-1-2023", note: msg("kop naskah dinas dengan logo", "letterhead with logo") },
      what: msg("logo ada di dalam folder workspace", "the logo exists inside the workspace folder"),
      fix: msg("perbaiki puskesmas.logo atau salin logonya", "fix puskesmas.logo or copy the logo in"),
    },
    "aturan/tidak-sah": {
      severity: "warning",
      source: { kind: "lokmin" },
      what: msg(
        "pengaturan aturan di lokmin.yaml menyebut aturan yang ada",
        "rule settings in lokmin.yaml name existing rules",
      ),
      fix: msg("perbaiki id aturan (lihat `lokmin check --rules`)", "fix the rule id (see `lokmin check --rules`)"),
    },
  },
  run(ctx, report) {
    const file = ctx.file;
    const config = ctx.config;
    config.pegawai.forEach((p, i) => {
      if (!p.nip) return;
      const result = checkNip(p.nip);
      if (result.ok || !result.reason) return;
      const message = t(M.nip, { nip: p.nip, name: p.nama, reason: t(NIP_REASONS[result.reason]) });
      report("pegawai/nip", { file, path: ["pegawai", i, "nip"], at: "value", message });
    });
    const roster = new Set(config.pegawai.map((p) => p.id));
    const official = (id: string, path: PathSegment[]) => {
      if (!roster.has(id))
        report("referensi/pejabat", {
          file,
          path,
          at: "value",
          message: t(M.unknownPerson, { id, hint: didYouMean(id, roster) }),
        });
    };
    official(config.pejabat.kepala_puskesmas, ["pejabat", "kepala_puskesmas"]);
    official(config.pejabat.kasubag_tu, ["pejabat", "kasubag_tu"]);
    config.program.forEach((p, i) => official(p.penanggung_jawab, ["program", i, "penanggung_jawab"]));
    for (const [key, list] of [
      ["pegawai", config.pegawai],
      ["program", config.program],
    ] as const) {
      const seen = new Set<string>();
      list.forEach((item, i) => {
        if (seen.has(item.id)) {
          report("referensi/id-ganda", {
            file,
            path: [key, i, "id"],
            at: "value",
            message: t(M.duplicateId, { id: item.id, list: key }),
          });
        }
        seen.add(item.id);
      });
    }
    config.lintas_sektor?.peserta.forEach((member, i) => {
      if (member.desa === undefined || matchVillage(member.desa, config.desa) !== undefined) return;
      const message = t(M.villageUnknown, { village: member.desa }) + villageAdvice(member.desa, config.desa);
      const path = ["lintas_sektor", "peserta", i, "desa"];
      report("referensi/desa-lintas-sektor", { file, path, at: "value", message });
    });
    if (resolveSop(config.sop).unknownProfile) {
      const message = t(M.sopUnknown, { profile: config.sop.profil, known: Object.keys(SOP_PROFILES).join(", ") });
      report("sop/profil", { file, path: ["sop", "profil"], at: "value", message });
    }
    if (config.pembinaan?.profil === "sendiri" && !config.pembinaan.nama?.trim())
      report("pembinaan/profil", { file, path: ["pembinaan", "profil"], at: "value", message: t(M.ownUnnamed) });
    const logo = config.puskesmas.logo;
    const problem = logo ? logoProblem(ctx.probe(logo), logo) : undefined;
    if (problem) report("puskesmas/logo", { file, path: ["puskesmas", "logo"], at: "value", message: problem });
    for (const id of Object.keys(config.aturan)) {
      const status = ctx.rules.status(id);
      if (status === "ok") continue;
      const hint = status === "unknown" ? closestAccepted(id, ctx.rules.settable) : undefined;
      const message =
        status === "fixed"
          ? t(M.fixedRule, { id })
          : t(M.unknownRule, { id, hint: hint ? t(M.didYouMean, { hint }) : "" });
      report("aturan/tidak-sah", { file, path: ["aturan", id], message });
    }
  },
});
