// Rules over the year's settings in lokmin.yaml: the cross-sector roster of the quarterly Lokmin
// (ids unique beside the staff's, the chair and the invitation's signatory known) and the pralokmin
// settings (klaster and members that exist).
import { msg, t } from "../../../i18n/index.js";
import { didYouMean } from "../../hints.js";
import { participant } from "../../lintas-sektor.js";
import type { WorkspaceContext } from "../context.js";
import { defineRules } from "../registry.js";

const M = {
  duplicate: msg(
    "id '{id}' dipakai lebih dari sekali di lintas_sektor.peserta atau juga di pegawai; beri id lain",
    "id '{id}' is used more than once in lintas_sektor.peserta or also in pegawai; give it another id",
  ),
  unknown: msg(
    "'{id}' tidak ada di pegawai maupun lintas_sektor.peserta{hint}",
    "'{id}' is neither in pegawai nor in lintas_sektor.peserta{hint}",
  ),
  unknownUnit: msg(
    "pralokmin menyebut klaster '{id}' yang tidak ada di program{hint}",
    "pralokmin names klaster '{id}', which is not in program{hint}",
  ),
  unknownMember: msg(
    "anggota '{id}' tidak ada di daftar pegawai{hint}",
    "member '{id}' is not in the staff roster{hint}",
  ),
};

export const tahunanRules = defineRules<
  "lintas-sektor/id-ganda" | "lintas-sektor/pejabat" | "pralokmin/pengaturan",
  WorkspaceContext
>({
  rules: {
    "lintas-sektor/id-ganda": {
      severity: "error",
      source: { kind: "lokmin" },
      what: msg(
        "id peserta lintas sektor unik dan berbeda dari id pegawai",
        "cross-sector participant ids are unique and differ from staff ids",
      ),
      fix: msg("beri id lain", "give it another id"),
    },
    "lintas-sektor/pejabat": {
      severity: "error",
      source: { kind: "lokmin" },
      what: msg(
        "pimpinan dan penandatangan undangan Lokmin tribulanan ada di pegawai atau lintas_sektor.peserta",
        "the quarterly Lokmin's chair and invitation signatory are in pegawai or lintas_sektor.peserta",
      ),
      fix: msg("perbaiki id atau tambahkan orangnya", "fix the id or add the person"),
    },
    "pralokmin/pengaturan": {
      severity: "error",
      source: { kind: "lokmin" },
      what: msg(
        "klaster di pralokmin.klaster dan anggota setiap klaster ada di lokmin.yaml",
        "the klaster of pralokmin.klaster and each klaster's members exist in lokmin.yaml",
      ),
      fix: msg("perbaiki id-nya", "fix the id"),
    },
  },
  run(ctx, report) {
    const config = ctx.config;
    const file = ctx.file;
    const staff = new Set(config.pegawai.map((p) => p.id));
    const seen = new Set<string>();
    (config.lintas_sektor?.peserta ?? []).forEach((p, i) => {
      if (seen.has(p.id) || staff.has(p.id)) {
        const path = ["lintas_sektor", "peserta", i, "id"];
        report("lintas-sektor/id-ganda", { file, path, at: "value", message: t(M.duplicate, { id: p.id }) });
      }
      seen.add(p.id);
    });
    for (const key of ["pimpinan", "penandatangan_undangan"] as const) {
      const id = config.lintas_sektor?.[key];
      if (id && !participant(config, id)) {
        const path = ["lintas_sektor", key];
        const people = [...config.pegawai, ...(config.lintas_sektor?.peserta ?? [])].map((x) => x.id);
        const message = t(M.unknown, { id, hint: didYouMean(id, people) });
        report("lintas-sektor/pejabat", { file, path, at: "value", message });
      }
    }
    (config.pralokmin?.klaster ?? []).forEach((id, i) => {
      if (!config.program.some((p) => p.id === id)) {
        const path = ["pralokmin", "klaster", i];
        const units = config.program.map((x) => x.id).filter((x) => !config.pralokmin?.klaster?.includes(x));
        const message = t(M.unknownUnit, { id, hint: didYouMean(id, units) });
        report("pralokmin/pengaturan", { file, path, at: "value", message });
      }
    });
    config.program.forEach((p, i) =>
      (p.anggota ?? []).forEach((id, j) => {
        if (!staff.has(id)) {
          const path = ["program", i, "anggota", j];
          const message = t(M.unknownMember, { id, hint: didYouMean(id, staff) });
          report("pralokmin/pengaturan", { file, path, at: "value", message });
        }
      }),
    );
  },
});
