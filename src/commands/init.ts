// `lokmin init [dir]`: create lokmin.yaml with the built-in program list and SOP profile, the
// editors' JSON Schemas, a .gitignore, and a git repository when git is installed (the history is
// the audit trail). Asks on a terminal (unless --yes); every question has a flag.
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Context } from "../cli/context.js";
import { requireFolder } from "../cli/shared.js";
import { defaultPrograms } from "../domain/defaults.js";
import type { Workspace } from "../domain/schema.js";
import { DEFAULT_SOP_PROFILE } from "../domain/sop.js";
import { DEFAULT_SUPERVISION_PROFILE, SUPERVISION_PROFILES } from "../domain/regulations.js";
import { commentsFor } from "../domain/yaml-file.js";
import { SCHEMA_DIR, WORKSPACE_FILE } from "../domain/workspace-data.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { checkRegularFile, describeReadFailure, pathPresent } from "../io/fs-safe.js";
import { newYamlText } from "../io/new-yaml.js";
import { syncSchemas } from "../io/schemas.js";
import { writeFileAtomic } from "../io/write.js";

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
  tanpaGit?: boolean;
  force?: boolean;
  yes?: boolean;
}

type Answers = Required<
  Pick<InitOptions, "nama" | "kecamatan" | "kabupaten" | "alamat" | "kepala" | "tu" | "zona" | "taksonomi">
> &
  InitOptions;

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
    "Workspace dibuat: {file}\nLangkah berikut: lengkapi pegawai, program dan sasaran di lokmin.yaml, lalu `lokmin " +
      "new {month}`.",
    "Workspace created: {file}\nNext: complete staff, programs and targets in lokmin.yaml, then `lokmin new {month}`.",
  ),
  logo: msg(
    "Catatan: kop surat dicetak tanpa logo sampai berkas logo disalin ke folder ini dan puskesmas.logo diisi (mis. " +
      "logo: logo.png).",
    "Note: letterheads print without a logo until a logo file is copied into this folder and puskesmas.logo is set " +
      "(e.g. logo: logo.png).",
  ),
  git: msg(
    "Repositori git dibuat: setiap perubahan tercatat riwayatnya.",
    "Git repository created: every change keeps its history.",
  ),
  askName: msg("Nama Puskesmas", "Name of the Puskesmas"),
  askDistrict: msg("Kecamatan", "Sub-district"),
  askRegency: msg("Kabupaten/Kota", "Regency/city"),
  askAddress: msg("Alamat", "Address"),
  askHead: msg("Nama Kepala Puskesmas (dengan gelar)", "Name of the head (with titles)"),
  askHeadNip: msg("NIP Kepala Puskesmas (18 digit, boleh kosong)", "NIP of the head (18 digits, may be empty)"),
  askTu: msg("Nama Kasubag TU (dengan gelar)", "Name of the head of administration (with titles)"),
  askTuNip: msg(
    "NIP Kasubag TU (18 digit, boleh kosong)",
    "NIP of the head of administration (18 digits, may be empty)",
  ),
  askZone: msg("Zona waktu", "Time zone"),
  askTaxonomy: msg("Pengelompokan program", "How programs are grouped"),
  classic: msg("Program (UKM esensial, UKM pengembangan, UKP)", "Programs (essential, developmental, clinical)"),
  clusters: msg("Klaster ILP", "ILP clusters"),
};

const GITIGNORE = [
  "# Yang tidak perlu disimpan di riwayat git",
  ".lokmin/lock",
  ".lokmin/cadangan/",
  "*.lokmin-tmp-*",
  "~$*",
  "",
].join("\n");

const COMMENTS = {
  puskesmas: "Identitas dan kop surat Puskesmas; logo: nama berkas gambar di folder ini",
  pejabat: "id pegawai pejabat penandatangan",
  pegawai: "Daftar pegawai; NIP selalu dalam tanda kutip",
  program: "Program (atau klaster) dengan koordinator dan indikatornya; isi sasaran setahun",
  taksonomi: "program (PJ program) atau klaster (klaster ILP, PJ klaster): kosakata dokumen, pesan dan ekspor",
  sop: "Profil SOP Lokmin: rutin-2022 (15 langkah) atau rutin-2019; nonaktif/tambahan untuk menyesuaikan",
  penilaian: "Metode prioritas dan skala skor (Perbup Pasal 15 ayat 2: disepakati setempat)",
  aturan: "Tingkat aturan `lokmin check` bila perlu diubah, mis. laporan/dinkes: error",
  desa: [
    "Desa/kelurahan wilayah kerja: satu nama per baris, tanpa id, mis.",
    "desa:",
    "  - Sukamaju",
    "  - Mekarsari",
  ].join("\n "),
  pembinaan: [
    "Peraturan bupati/wali kota tentang pembinaan Lokmin: dikutip di Daftar Tilik, arsip dan `lokmin check`.",
    "Contoh bawaan: Perbup Musi Rawas 49/2018. Puskesmas di kabupaten lain: ganti nama dan singkat dengan",
    "Perbup kabupaten sendiri, mis. singkat: Perbup Bulungan 12/2021. Tambahkan pembina: bila tim pembina",
    "bukan Dinas Kesehatan di atas.",
  ].join("\n "),
};

export function buildWorkspace(o: Answers): Workspace {
  const { programs, groups } = defaultPrograms(o.taksonomi, "kapus");
  const nip = (value: string | undefined) => (value?.trim() ? { nip: value.replace(/\s+/g, "") } : {});
  return {
    versi: 1,
    puskesmas: { nama: o.nama, alamat: o.alamat, kecamatan: o.kecamatan, kabupaten_kota: o.kabupaten },
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
      { id: "kapus", nama: o.kepala, ...nip(o.kepalaNip), jabatan: "Kepala Puskesmas" },
      { id: "tu", nama: o.tu, ...nip(o.tuNip), jabatan: "Kepala Subbagian Tata Usaha" },
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
    pembinaan: {
      profil: DEFAULT_SUPERVISION_PROFILE,
      nama: SUPERVISION_PROFILES[DEFAULT_SUPERVISION_PROFILE].nama,
      singkat: SUPERVISION_PROFILES[DEFAULT_SUPERVISION_PROFILE].singkat,
    },
    aturan: {},
    taksonomi: o.taksonomi,
  };
}

async function ask(ctx: Context, options: InitOptions): Promise<Answers> {
  const defaults = {
    kecamatan: "-",
    kabupaten: "Kabupaten -",
    alamat: "-",
    kepala: "Kepala Puskesmas",
    tu: "Kasubag TU",
    zona: "WIB" as const,
    taksonomi: "program" as const,
  };
  if (!ctx.ui.isInteractive || options.yes) {
    if (!options.nama) throw new UserError(t(M.needName));
    return { ...defaults, ...stripUndefined(options), nama: options.nama };
  }
  const { input, select } = await import("@inquirer/prompts");
  const io = { input: ctx.streams.stdin, output: ctx.streams.stdout };
  const text = async (message: ReturnType<typeof msg>, required = true) => input({ message: t(message), required }, io);
  return {
    ...options,
    nama: options.nama ?? (await text(M.askName)),
    kecamatan: options.kecamatan ?? (await text(M.askDistrict)),
    kabupaten: options.kabupaten ?? (await text(M.askRegency)),
    alamat: options.alamat ?? (await text(M.askAddress)),
    kepala: options.kepala ?? (await text(M.askHead)),
    kepalaNip: options.kepalaNip ?? (await text(M.askHeadNip, false)),
    tu: options.tu ?? (await text(M.askTu)),
    tuNip: options.tuNip ?? (await text(M.askTuNip, false)),
    zona:
      options.zona ??
      (await select(
        { message: t(M.askZone), choices: (["WIB", "WITA", "WIT"] as const).map((value) => ({ value })) },
        io,
      )),
    taksonomi:
      options.taksonomi ??
      (await select(
        {
          message: t(M.askTaxonomy),
          choices: [
            { value: "program" as const, name: t(M.classic) },
            { value: "klaster" as const, name: t(M.clusters) },
          ],
        },
        io,
      )),
  };
}

const stripUndefined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== "")) as Partial<T>;

export async function run(ctx: Context, dir: string, options: InitOptions): Promise<number> {
  const root = path.resolve(ctx.cwd, dir);
  // The folder and .lokmin/schema in it must be (or become) folders, checked before anything is written.
  requireFolder(root);
  requireFolder(path.join(root, SCHEMA_DIR), { root });
  const file = path.join(root, WORKSPACE_FILE);
  if (pathPresent(file)) {
    // A looping link, a FIFO or a folder named lokmin.yaml is no workspace to overwrite: say what it is.
    const checked = checkRegularFile(file);
    if (!checked.ok && checked.reason !== "missing") throw new UserError(describeReadFailure(checked, file));
    if (!options.force) throw new UserError(t(M.exists, { file }));
  }
  const answers = await ask(ctx, options);
  const workspace = buildWorkspace(answers);
  const text = newYamlText({
    file: WORKSPACE_FILE,
    kind: "workspace",
    value: workspace,
    comments: commentsFor(workspace, COMMENTS),
  });
  writeFileAtomic(file, text, { overwrite: Boolean(options.force), force: Boolean(options.force), label: file });
  syncSchemas(path.join(root, SCHEMA_DIR), root);
  const gitignore = path.join(root, ".gitignore");
  if (!pathPresent(gitignore)) writeFileAtomic(gitignore, GITIGNORE, { overwrite: false, label: gitignore });
  const git = options.tanpaGit ? false : initGit(root, ctx.env);
  const month = ctx.today.slice(0, 7);
  if (ctx.ui.json) ctx.ui.printJson({ created: file, git, logo: false });
  else {
    ctx.ui.out(t(M.created, { file, month }));
    ctx.ui.out(t(M.logo));
    if (git) ctx.ui.out(t(M.git));
  }
  return 0;
}

/** `git init` when git is installed and the folder is not already in a repository. */
function initGit(root: string, env: NodeJS.ProcessEnv): boolean {
  const inside = spawnSync("git", ["rev-parse", "--is-inside-work-tree"], { cwd: root, env, encoding: "utf8" });
  if (inside.error || inside.stdout.trim() === "true") return false;
  const created = spawnSync("git", ["init", "-q"], { cwd: root, env });
  return !created.error && created.status === 0;
}
