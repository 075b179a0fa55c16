// `lokmin init [dir]`: create a workspace (src/ops/init.ts). Asks on a terminal (unless --yes);
// every question has a flag.
import type { Context } from "../cli/context.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { init, type InitAnswers, initTarget, withDefaults } from "../ops/init.js";

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
  peraturan?: "nasional" | "musi-rawas-2018" | "sendiri";
  peraturanNama?: string;
  peraturanSingkat?: string;
  tanpaGit?: boolean;
  force?: boolean;
  yes?: boolean;
}

const M = {
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
  askRegulation: msg(
    "Peraturan pembinaan Lokmin di kabupaten/kota ini",
    "The regulation on Lokmin supervision in this regency/city",
  ),
  national: msg(
    "Tidak ada peraturan bupati/wali kota: hanya Permenkes 44/2016 dan SPM",
    "No regency/city regulation: Permenkes 44/2016 and the SPM only",
  ),
  musiRawas: msg("Perbup Musi Rawas 49/2018", "Perbup Musi Rawas 49/2018"),
  own: msg("Peraturan kabupaten/kota sendiri (nomor, tahun, pasal)", "Our own regency/city regulation"),
  askRegulationName: msg(
    "Nama lengkap peraturan, mis. Peraturan Bupati Lembah Hijau Nomor 12 Tahun 2021 tentang Pembinaan Lokakarya Mini",
    "Full name of the regulation, e.g. Peraturan Bupati Lembah Hijau Nomor 12 Tahun 2021 tentang …",
  ),
  needRegulationName: msg(
    '--peraturan sendiri butuh nama peraturannya: --peraturan-nama "Peraturan Bupati … Nomor … Tahun …"',
    '--peraturan sendiri needs the regulation\'s name: --peraturan-nama "Peraturan Bupati … Nomor … Tahun …"',
  ),
};

async function ask(ctx: Context, options: InitOptions): Promise<InitAnswers> {
  if (!ctx.ui.isInteractive || options.yes) {
    if (!options.nama) throw new UserError(t(M.needName));
    if (options.peraturan === "sendiri" && !options.peraturanNama?.trim()) throw new UserError(t(M.needRegulationName));
    return withDefaults({ ...options, nama: options.nama });
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
    ...(await askRegulation(options, select, text, io)),
  };
}

async function askRegulation(
  options: InitOptions,
  select: typeof import("@inquirer/prompts").select,
  text: (message: ReturnType<typeof msg>, required?: boolean) => Promise<string>,
  io: Parameters<typeof import("@inquirer/prompts").select>[1],
): Promise<Pick<InitAnswers, "peraturan" | "peraturanNama" | "peraturanSingkat">> {
  const peraturan =
    options.peraturan ??
    (await select(
      {
        message: t(M.askRegulation),
        choices: [
          { value: "nasional" as const, name: t(M.national) },
          { value: "musi-rawas-2018" as const, name: t(M.musiRawas) },
          { value: "sendiri" as const, name: t(M.own) },
        ],
      },
      io,
    ));
  if (peraturan !== "sendiri") return { peraturan };
  const peraturanNama = options.peraturanNama?.trim() || (await text(M.askRegulationName));
  return { peraturan, peraturanNama, peraturanSingkat: options.peraturanSingkat };
}

export async function run(ctx: Context, dir: string, options: InitOptions): Promise<number> {
  // Refused before any question is asked: lokmin.yaml is there already.
  initTarget(ctx, { dir, force: options.force });
  const answers = await ask(ctx, options);
  const result = await init(ctx, { ...answers, dir, tanpaGit: options.tanpaGit, force: options.force });
  const month = ctx.today.slice(0, 7);
  if (ctx.ui.json) ctx.ui.printJson(result);
  else {
    ctx.ui.out(t(M.created, { file: result.created, month }));
    ctx.ui.out(t(M.logo));
    if (result.git) ctx.ui.out(t(M.git));
  }
  return 0;
}
