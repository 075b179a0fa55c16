// The init operation: a new workspace's lokmin.yaml with the built-in program list and SOP profile,
// the editors' JSON Schemas, a .gitignore, and a git repository when git is installed (the history is
// the audit trail). The answers (name, kecamatan, …) come from the caller: the CLI asks them on a
// terminal, the app in a form.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { defaultPrograms } from "../domain/defaults.js";
import { shortCitation } from "../domain/regulations.js";
import type { Workspace } from "../domain/schema.js";
import { DEFAULT_SOP_PROFILE } from "../domain/sop.js";
import { SCHEMA_DIR, WORKSPACE_FILE } from "../domain/workspace-data.js";
import { commentsFor } from "../domain/yaml-file.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { checkRegularFile, describeReadFailure, pathPresent } from "../io/fs-safe.js";
import { newYamlText } from "../io/new-yaml.js";
import { syncSchemas } from "../io/schemas.js";
import { writeFileAtomic } from "../io/write.js";
import type { OpContext } from "./context.js";
import { requireFolder } from "./workspace.js";

const M = {
  exists: msg(
    "{file} sudah ada; tidak ada yang diubah. Pakai --force untuk menimpanya",
    "{file} already exists; nothing changed. Use --force to overwrite it",
  ),
};

/** What a new workspace needs to know; the NIPs may be empty. */
export interface InitAnswers {
  nama: string;
  kecamatan: string;
  kabupaten: string;
  alamat: string;
  kepala: string;
  kepalaNip?: string;
  tu: string;
  tuNip?: string;
  zona: "WIB" | "WITA" | "WIT";
  taksonomi: "program" | "klaster";
  /** The regulation on Lokmin supervision: none (national rules only), Musi Rawas', or the kabupaten's own. */
  peraturan: "nasional" | "musi-rawas-2018" | "sendiri";
  peraturanNama?: string;
  peraturanSingkat?: string;
}

/** The answers a new workspace gets when a question is left unanswered (`lokmin init --yes`). */
export const INIT_DEFAULTS = {
  kecamatan: "-",
  kabupaten: "Kabupaten -",
  alamat: "-",
  kepala: "Kepala Puskesmas",
  tu: "Kasubag TU",
  zona: "WIB",
  taksonomi: "program",
  peraturan: "nasional",
} as const satisfies Partial<InitAnswers>;

/** The answers given, an empty one as not given, the rest from INIT_DEFAULTS. */
export function withDefaults(given: Partial<InitAnswers> & { nama: string }): InitAnswers {
  const answered = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined && v !== ""));
  return { ...INIT_DEFAULTS, ...answered, nama: given.nama };
}

export interface InitOptions extends Partial<InitAnswers> {
  /** The Puskesmas' name: the one answer without a default. */
  nama: string;
  /** The folder of the new workspace (relative to cwd); default cwd. */
  dir?: string;
  /** Do not create a git repository. */
  tanpaGit?: boolean;
  /** Overwrite an existing lokmin.yaml. */
  force?: boolean;
}

export interface InitResult {
  created: string;
  git: boolean;
  logo: false;
}

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
  penilaian: "Metode prioritas dan skala skor (disepakati setempat)",
  aturan: "Tingkat aturan `lokmin check` bila perlu diubah, mis. laporan/dinkes: error",
  desa: [
    "Desa/kelurahan wilayah kerja: satu nama per baris, tanpa id, mis.",
    "desa:",
    "  - Sukamaju",
    "  - Mekarsari",
  ].join("\n "),
  pembinaan: [
    "Peraturan pembinaan Lokmin kabupaten/kota: dikutip di Daftar Tilik, arsip dan `lokmin check`.",
    "nasional = tanpa peraturan bupati (hanya Permenkes 44/2016 dan SPM); musi-rawas-2018; atau sendiri dengan",
    "nama, singkat dan pasal (tilik, arsip, umpan_balik, evaluasi …) peraturan kabupaten sendiri.",
  ].join("\n "),
  periode_data: [
    "Angka capaian yang dibahas: bulan-lalu = Lokmin bulan N membahas hasil bulan N−1 (SOP langkah 4),",
    "Lokmin Januari membahas Desember.",
  ].join("\n "),
};

export function buildWorkspace(o: InitAnswers): Workspace {
  const { programs, groups } = defaultPrograms(o.taksonomi, "kapus");
  const nip = (value: string | undefined) => (value?.trim() ? { nip: value.replace(/\s+/g, "") } : {});
  return {
    versi: 1,
    puskesmas: { nama: o.nama, alamat: o.alamat, kecamatan: o.kecamatan, kabupaten_kota: o.kabupaten },
    dinas_kesehatan: { nama: `Dinas Kesehatan ${o.kabupaten}` },
    zona_waktu: o.zona,
    periode_data: "bulan-lalu",
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
    pembinaan:
      o.peraturan === "sendiri"
        ? {
            profil: "sendiri",
            nama: o.peraturanNama,
            singkat: o.peraturanSingkat ?? (o.peraturanNama ? shortCitation(o.peraturanNama) : undefined),
            pasal: {},
          }
        : { profil: o.peraturan },
    aturan: {},
    taksonomi: o.taksonomi,
  };
}

/**
 * The lokmin.yaml a new workspace gets in `dir`; refused (before anything is asked or written) when
 * one is there without `force`, or when something that is not a file is in its place.
 */
export function initTarget(ctx: Pick<OpContext, "cwd">, options: { dir?: string; force?: boolean }): string {
  const root = path.resolve(ctx.cwd, options.dir ?? ".");
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
  return file;
}

export async function init(ctx: OpContext, options: InitOptions): Promise<InitResult> {
  const file = initTarget(ctx, options);
  const root = path.dirname(file);
  const workspace = buildWorkspace(withDefaults(options));
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
  return { created: file, git, logo: false };
}

/** `git init` when git is installed and the folder is not already in a repository. */
function initGit(root: string, env: NodeJS.ProcessEnv): boolean {
  const inside = spawnSync("git", ["rev-parse", "--is-inside-work-tree"], { cwd: root, env, encoding: "utf8" });
  if (inside.error || inside.stdout.trim() === "true") return false;
  const created = spawnSync("git", ["init", "-q"], { cwd: root, env });
  return !created.error && created.status === 0;
}
