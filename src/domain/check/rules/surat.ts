// Letters of the month (the monthly and the quarterly invitation): a number written by hand follows
// the workspace's pattern (surat.pola_nomor), and serials run upwards with the letters' dates
// across the year, as an agenda book numbers them.
import { plainDate } from "../../format-date.js";
import { emptyPatternSettings, letterNumber, letterSerial } from "../../letters.js";
import { WORKSPACE_FILE } from "../../workspace-data.js";
import { msg, t } from "../../../i18n/index.js";
import type { MonthContext } from "../context.js";
import { defineRules } from "../registry.js";

const M = {
  pattern: msg(
    "nomor surat {nomor} tidak mengikuti pola surat.pola_nomor ({pattern}); tulis nomor urutnya saja di urut " +
      "(lokmin menyusun nomornya) atau sesuaikan pola di lokmin.yaml",
    "letter number {nomor} does not follow the pattern surat.pola_nomor ({pattern}); give only its serial in urut " +
      "(lokmin writes the number) or adjust the pattern in lokmin.yaml",
  ),
  emptySetting: msg(
    "nomor undangan {nomor} ({file}) punya bagian kosong: pola surat.pola_nomor ({pattern}) memakai surat.{key}, " +
      "yang belum diisi; isi di lokmin.yaml (Pengaturan › Nomor surat)",
    "invitation number {nomor} ({file}) has an empty part: the pattern surat.pola_nomor ({pattern}) uses " +
      "surat.{key}, which is not filled in; fill it in lokmin.yaml (Settings › Letter numbers)",
  ),
  backwards: msg(
    "nomor urut surat {serial} ({date}) tidak lebih besar dari nomor {other} pada surat {otherFile} yang bertanggal " +
      "lebih awal ({otherDate}); nomor agenda surat naik menurut tanggal — periksa nomor atau tanggalnya",
    "letter serial {serial} ({date}) is not above serial {other} of the earlier letter in {otherFile} ({otherDate}); " +
      "an agenda book numbers letters upwards by date — check the number or the date",
  ),
};

interface Letter {
  file: string;
  serial: number;
  tanggal: string;
}

export const suratRules = defineRules<"surat/nomor-pola" | "surat/nomor-urut", MonthContext>({
  rules: {
    "surat/nomor-pola": {
      severity: "warning",
      source: { kind: "permendagri-1-2023", note: msg("penomoran naskah dinas", "numbering official letters") },
      what: msg(
        "nomor surat yang ditulis mengikuti surat.pola_nomor di lokmin.yaml, dan setiap bagian pola terisi",
        "a letter number written out follows surat.pola_nomor in lokmin.yaml, and every part of the pattern is set",
      ),
      fix: msg(
        "tulis urut saja, sesuaikan pola, atau isi kode_unit",
        "give only urut, adjust the pattern, or fill kode_unit",
      ),
    },
    "surat/nomor-urut": {
      severity: "warning",
      source: { kind: "permendagri-1-2023", note: msg("penomoran naskah dinas", "numbering official letters") },
      what: msg(
        "nomor urut surat naik menurut tanggal suratnya dalam satu tahun",
        "letter serials run upwards with the letters' dates within a year",
      ),
      fix: msg("periksa nomor urut atau tanggal surat", "check the serial or the letter's date"),
    },
  },
  run(ctx, report) {
    const settings = ctx.config.surat;
    const letters: Letter[] = [];
    for (const list of [ctx.meetings, ctx.quarterly]) {
      for (const m of list) {
        const serial = letterSerial(settings, m.meeting.undangan);
        const tanggal = m.meeting.undangan?.tanggal;
        if (serial !== undefined && tanggal) letters.push({ file: m.file, serial, tanggal });
      }
    }
    const own = [ctx.month.meeting, ctx.month.quarterly].flatMap((loaded) =>
      loaded?.data.undangan ? [{ file: loaded.file, undangan: loaded.data.undangan }] : [],
    );
    for (const { file, undangan } of own) {
      const path = ["undangan", undangan.nomor ? "nomor" : "urut"];
      const nomor = letterNumber(settings, undangan);
      const serial = letterSerial(settings, undangan);
      if (undangan.nomor && serial === undefined && settings.pola_nomor.includes("{urut}"))
        report("surat/nomor-pola", {
          file,
          path,
          at: "value",
          message: t(M.pattern, { nomor: undangan.nomor, pattern: settings.pola_nomor }),
        });
      if (!undangan.nomor && nomor)
        for (const key of emptyPatternSettings(settings))
          report("surat/nomor-pola", {
            file: WORKSPACE_FILE,
            path: ["surat", key],
            at: "value",
            message: t(M.emptySetting, { nomor, file, pattern: settings.pola_nomor, key }),
          });
      const date = undangan.tanggal;
      if (!nomor || serial === undefined || !date) continue;
      const earlier = letters
        .filter((l) => l.file !== file && l.tanggal.slice(0, 4) === date.slice(0, 4) && l.tanggal < date)
        .filter((l) => l.serial >= serial)
        .sort((a, b) => b.serial - a.serial)[0];
      if (earlier)
        report("surat/nomor-urut", {
          file,
          path,
          at: "value",
          message: t(M.backwards, {
            serial,
            date: plainDate(date),
            other: earlier.serial,
            otherFile: earlier.file,
            otherDate: plainDate(earlier.tanggal),
          }),
        });
    }
  },
});
