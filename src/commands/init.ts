// `lokmin init [dir]`: create lokmin.yaml with the built-in program list and SOP profile.
// Asks on a TTY (unless --yes); every question has a flag so scripts never block.

import { existsSync } from "node:fs";
import path from "node:path";
import type { Context } from "../cli/main.js";
import { defaultPrograms } from "../domain/defaults.js";
import { UserError } from "../domain/findings.js";
import { msg, t } from "../i18n/index.js";
import { newYamlText } from "../domain/scaffold.js";
import type { Workspace } from "../domain/schema.js";
import { DEFAULT_SOP_PROFILE } from "../domain/sop.js";
import { SCHEMA_DIR, WORKSPACE_FILE } from "../io/workspace.js";
import { writeFileAtomic } from "../io/write.js";
import { syncSchemas } from "./schema.js";

interface InitOptions {
  nama?: string;
  kecamatan?: string;
  kabupaten?: string;
  alamat?: string;
  kepala?: string;
  kepalaNip?: string;
  tu?: string;
  tuNip?: string;
  zona?: "WIB" | "WITA" | "WIT";
  taksonomi?: "program" | "klaster";
  force?: boolean;
  yes?: boolean;
}

const M = {
  exists: msg(
    "{file} sudah ada; tidak ada yang diubah. Pakai --force untuk menimpanya",
    "{file} already exists; nothing changed. Use --force to overwrite it",
  ),
  needName: msg(
    'nama Puskesmas wajib: pakai --nama "UPTD Puskesmas …" (tidak ada terminal untuk bertanya)',
    'the Puskesmas name is required: use --nama "UPTD Puskesmas …" (no terminal to ask on)',
  ),
  created: msg(
    "Workspace dibuat: {file}\nLangkah berikut: lengkapi pegawai, program dan sasaran di lokmin.yaml, lalu `lokmin new {month}`.",
    "Workspace created: {file}\nNext: complete staff, programs and targets in lokmin.yaml, then `lokmin new {month}`.",
  ),
};

export function buildWorkspace(
  o: Required<
    Pick<InitOptions, "nama" | "kecamatan" | "kabupaten" | "alamat" | "kepala" | "tu" | "zona" | "taksonomi">
  > &
    InitOptions,
): Workspace {
  const { programs, groups } = defaultPrograms(o.taksonomi, "kapus");
  return {
    versi: 1,
    puskesmas: {
      nama: o.nama,
      alamat: o.alamat,
      kecamatan: o.kecamatan,
      kabupaten_kota: o.kabupaten,
      logo: "logo.png",
    },
    dinas_kesehatan: { nama: `Dinas Kesehatan ${o.kabupaten}` },
    zona_waktu: o.zona,
    kertas: { ukuran: "A4", font: "Arial", ukuran_font: 12, margin_cm: { atas: 2, kanan: 2, bawah: 2.5, kiri: 3 } },
    surat: {
      pola_nomor: "{klasifikasi}/{urut}/{kode_unit}/{tahun}",
      kode_unit: "",
      klasifikasi_undangan: "000.1.5",
      hari_minimal_undangan: 3,
    },
    pejabat: { kepala_puskesmas: "kapus", kasubag_tu: "tu" },
    pegawai: [
      { id: "kapus", nama: o.kepala, ...(o.kepalaNip ? { nip: o.kepalaNip } : {}), jabatan: "Kepala Puskesmas" },
      { id: "tu", nama: o.tu, ...(o.tuNip ? { nip: o.tuNip } : {}), jabatan: "Kepala Subbagian Tata Usaha" },
    ],
    desa: [],
    kelompok: groups,
    program: programs,
    sop: { profil: DEFAULT_SOP_PROFILE, nonaktif: [], tambahan: [] },
    penilaian: {
      metode_masalah: "usg",
      metode_solusi: "reinke",
      seri: "bersama",
      usg: { skala: { min: 1, max: 5 }, rumus: "jumlah" },
    },
  };
}

async function ask(options: InitOptions, interactive: boolean): Promise<Parameters<typeof buildWorkspace>[0]> {
  const defaults = {
    kecamatan: "-",
    kabupaten: "Kabupaten -",
    alamat: "-",
    kepala: "Kepala Puskesmas",
    tu: "Kasubag TU",
    zona: "WIB" as const,
    taksonomi: "program" as const,
  };
  if (!interactive || options.yes) {
    if (!options.nama) throw new UserError(t(M.needName));
    return { ...defaults, ...stripUndefined(options), nama: options.nama };
  }
  const { input, select } = await import("@inquirer/prompts");
  return {
    ...options,
    nama: options.nama ?? (await input({ message: "Nama Puskesmas", required: true })),
    kecamatan: options.kecamatan ?? (await input({ message: "Kecamatan", required: true })),
    kabupaten: options.kabupaten ?? (await input({ message: "Kabupaten/Kota", required: true })),
    alamat: options.alamat ?? (await input({ message: "Alamat", required: true })),
    kepala: options.kepala ?? (await input({ message: "Nama Kepala Puskesmas", required: true })),
    kepalaNip: options.kepalaNip ?? (await input({ message: "NIP Kepala Puskesmas (boleh kosong)" })),
    tu: options.tu ?? (await input({ message: "Nama Kasubag TU", required: true })),
    zona:
      options.zona ??
      (await select({ message: "Zona waktu", choices: ["WIB", "WITA", "WIT"].map((v) => ({ value: v as "WIB" })) })),
    taksonomi:
      options.taksonomi ??
      (await select({
        message: "Pengelompokan",
        choices: [
          { value: "program" as const, name: "Program (UKM esensial, …)" },
          { value: "klaster" as const, name: "Klaster ILP" },
        ],
      })),
  };
}

const stripUndefined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== "")) as Partial<T>;

export async function run(ctx: Context, dir: string, options: InitOptions): Promise<number> {
  const root = path.resolve(ctx.cwd, dir);
  const file = path.join(root, WORKSPACE_FILE);
  if (existsSync(file) && !options.force) throw new UserError(t(M.exists, { file }));
  const answers = await ask(options, ctx.ui.isInteractive);
  const text = newYamlText(buildWorkspace(answers), 0, "lokmin.schema.json", {
    puskesmas: "Identitas dan kop surat Puskesmas",
    pejabat: "id pegawai pejabat penandatangan",
    pegawai: "Daftar pegawai; NIP selalu dalam tanda kutip",
    program: "Program (atau klaster) dengan koordinator dan indikatornya; isi sasaran setahun",
    sop: "Profil SOP Lokmin: rutin-2022 (15 langkah) atau rutin-2019; nonaktif/tambahan untuk menyesuaikan",
    penilaian: "Metode prioritas dan skala skor (Perbup Pasal 15 ayat 2: disepakati setempat)",
  });
  writeFileAtomic(file, text, { overwrite: Boolean(options.force), label: WORKSPACE_FILE });
  syncSchemas(path.join(root, SCHEMA_DIR));
  const now = new Date();
  const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
  if (ctx.ui.json) ctx.ui.printJson({ created: file });
  else ctx.ui.out(t(M.created, { file, month }));
  return 0;
}
