// The command table as data: each command's name, arguments, options and descriptions in both
// languages, and the module that runs it (loaded only when the command runs, so `lokmin --help`
// loads none of docx, handlebars or the prompts). `--help`, the README's command list and the
// CLI choices all come from here and from the registries they name.
import { DOCUMENTS } from "../render/documents.js";
import { describeMethod, METHODS, PROBLEM_METHODS, SOLUTION_METHODS, TIE_RULES } from "../domain/rank/methods.js";
import { msg, type Message, t } from "../i18n/index.js";
import type { Context } from "./context.js";

export interface OptionSpec {
  flags: string;
  description: Message;
  choices?: readonly string[];
  default?: string;
}

export interface ArgumentSpec {
  name: string;
  description: Message;
  default?: string;
}

export interface CommandSpec {
  name: string;
  description: Message;
  args?: ArgumentSpec[];
  options?: OptionSpec[];
  /** Whether `--json` prints the command's result as one JSON object. */
  json?: boolean;
  /** Text --help shows after the options. */
  after?: () => string;
  load: () => Promise<{ run: (ctx: Context, ...args: never[]) => Promise<number> }>;
}

const MONTH = msg(
  "YYYY-MM, mis. 2024-05 (bawaan: bulan terakhir)",
  "YYYY-MM, e.g. 2024-05 (default: the latest month)",
);
const month: ArgumentSpec = { name: "[bulan]", description: MONTH };
const force = (what: Message): OptionSpec => ({ flags: "--force", description: what });
/** --force of the commands that write values back into YAML files: only write-protection is overridden. */
const writeProtected = force(
  msg(
    "tulis juga ke berkas YAML yang dilindungi dari penulisan (hanya-baca)",
    "write to YAML files even when they are write-protected (read-only)",
  ),
);

/** `lokmin rank --help`: each scoring method with its total, from the methods' entries. */
function methodsHelp(): string {
  const heading = msg(
    "Metode (lokmin.yaml: penilaian.metode_masalah dan metode_solusi; rapat.yaml: metode):",
    "Methods (lokmin.yaml: penilaian.metode_masalah and metode_solusi; rapat.yaml: metode):",
  );
  const width = Math.max(...METHODS.map((m) => m.id.length)) + 2;
  const lines = METHODS.map(
    (m) => `  ${m.id.padEnd(width)}${m.nama}: ${describeMethod(m).total} (${m.untuk.join(", ")})`,
  );
  return ["", t(heading), ...lines].join("\n");
}

export const COMMANDS: CommandSpec[] = [
  {
    name: "buka",
    description: msg(
      "buka lokmin di peramban: formulir untuk workspace dan bulannya, tanpa mengetik perintah",
      "open lokmin in the browser: forms for the workspace and its months, no commands to type",
    ),
    args: [
      {
        name: "[folder]",
        description: msg(
          "folder workspace (bawaan: folder ini bila berisi lokmin.yaml, selain itu halaman Mulai); folder berisi " +
            "paket zip dan workspace Puskesmas membuka mode Dinas",
          "workspace folder (default: this folder if it holds lokmin.yaml, else the start page); a folder of " +
            "Puskesmas package zips and workspaces opens the Dinas mode",
        ),
      },
    ],
    options: [
      {
        flags: "--port <n>",
        description: msg("port di 127.0.0.1 (bawaan: port yang bebas)", "port on 127.0.0.1 (default: a free port)"),
      },
      {
        flags: "--tanpa-browser",
        description: msg(
          "jangan buka peramban; hanya cetak alamatnya (untuk skrip dan uji)",
          "do not open a browser; only print the address (for scripts and tests)",
        ),
      },
    ],
    json: true,
    load: () => import("../commands/buka.js"),
  },
  {
    name: "init",
    description: msg("buat workspace baru (lokmin.yaml)", "create a new workspace (lokmin.yaml)"),
    args: [{ name: "[dir]", description: msg("folder tujuan", "target folder"), default: "." }],
    options: [
      { flags: "--nama <nama>", description: msg("nama Puskesmas", "name of the Puskesmas") },
      { flags: "--kecamatan <kecamatan>", description: msg("kecamatan", "sub-district") },
      { flags: "--kabupaten <kabupaten>", description: msg("kabupaten/kota", "regency/city") },
      { flags: "--alamat <alamat>", description: msg("alamat Puskesmas", "address") },
      { flags: "--kepala <nama>", description: msg("nama Kepala Puskesmas", "name of the head") },
      { flags: "--kepala-nip <nip>", description: msg("NIP Kepala Puskesmas", "NIP of the head") },
      { flags: "--tu <nama>", description: msg("nama Kasubag TU", "name of the head of administration") },
      { flags: "--tu-nip <nip>", description: msg("NIP Kasubag TU", "NIP of the head of administration") },
      { flags: "--zona <zona>", description: msg("zona waktu", "time zone"), choices: ["WIB", "WITA", "WIT"] },
      {
        flags: "--taksonomi <jenis>",
        description: msg("program klasik atau klaster ILP", "classic programs or ILP clusters"),
        choices: ["program", "klaster"],
      },
      {
        flags: "--peraturan <profil>",
        description: msg(
          "peraturan pembinaan Lokmin: nasional (tanpa perbup), musi-rawas-2018, atau sendiri",
          "the Lokmin supervision regulation: nasional (none), musi-rawas-2018, or sendiri (your own)",
        ),
        choices: ["nasional", "musi-rawas-2018", "sendiri"],
      },
      {
        flags: "--peraturan-nama <nama>",
        description: msg(
          "nama lengkap peraturan sendiri (Peraturan Bupati … Nomor … Tahun … tentang …)",
          "the full name of your own regulation",
        ),
      },
      {
        flags: "--peraturan-singkat <singkat>",
        description: msg("kutipan singkat, mis. Perbup Lembah Hijau 12/2021", "short citation"),
      },
      { flags: "--tanpa-git", description: msg("jangan buat repositori git", "do not create a git repository") },
      force(msg("timpa lokmin.yaml yang ada", "overwrite an existing lokmin.yaml")),
      { flags: "--yes", description: msg("jangan bertanya, pakai nilai bawaan", "no questions, use defaults") },
    ],
    json: true,
    load: () => import("../commands/init.js"),
  },
  {
    name: "new",
    description: msg("siapkan folder satu bulan", "scaffold a month"),
    args: [
      {
        name: "[bulan]",
        description: msg(
          "YYYY-MM (bawaan: bulan sesudah bulan terakhir)",
          "YYYY-MM (default: the month after the latest)",
        ),
      },
    ],
    options: [
      { flags: "--mulai <jam>", description: msg("jam mulai rapat", "meeting start time"), default: "08.00" },
      {
        flags: "--lengkapi",
        description: msg(
          "bulan yang sudah ada: buat hanya berkas yang hilang dan tambahkan indikator baru; isi yang ada tidak diubah",
          "existing month: create only missing files and add new indicators; nothing filled in is changed",
        ),
      },
      {
        flags: "--tribulanan",
        description: msg(
          "Lokmin tribulanan lintas sektor di folder bulan itu (tribulanan.yaml)",
          "the quarterly cross-sector Lokmin in that month's folder (tribulanan.yaml)",
        ),
      },
      {
        flags: "--pralokmin",
        description: msg(
          "pralokmin setiap klaster (pralokmin/<klaster>.yaml), hanya yang belum ada",
          "the pralokmin of each klaster (pralokmin/<klaster>.yaml), only those missing",
        ),
      },
      force(
        msg(
          "buat ulang bulan yang ada (isi lama disimpan sebagai cadangan)",
          "recreate an existing month (the old content is kept as a backup)",
        ),
      ),
    ],
    json: true,
    load: () => import("../commands/new.js"),
  },
  {
    name: "check",
    description: msg("periksa kelengkapan dan konsistensi", "check completeness and consistency"),
    args: [
      {
        name: "[bulan...]",
        description: msg("bulan yang diperiksa (bawaan: semua)", "months to check (default: all)"),
      },
    ],
    options: [
      { flags: "--max-warnings <n>", description: msg("gagal bila peringatan lebih dari n", "fail above n warnings") },
      { flags: "--rules", description: msg("daftar semua aturan", "list every rule") },
    ],
    json: true,
    load: () => import("../commands/check.js"),
  },
  {
    name: "rank",
    description: msg("prioritaskan masalah dan solusi", "prioritise problems and solutions"),
    args: [month],
    options: [
      {
        flags: "--metode <metode>",
        description: msg("metode untuk masalah", "method for problems"),
        choices: PROBLEM_METHODS,
      },
      {
        flags: "--metode-solusi <metode>",
        description: msg("metode untuk solusi", "method for solutions"),
        choices: SOLUTION_METHODS,
      },
      { flags: "--seri <aturan>", description: msg("aturan nilai sama", "tie rule"), choices: TIE_RULES },
      { flags: "--solusi", description: msg("peringkatkan juga alternatif solusi", "rank solution alternatives too") },
      { flags: "--candidates", description: msg("kandidat masalah dari capaian", "problem candidates from coverage") },
      {
        flags: "--add-candidates",
        description: msg("tambahkan kandidat ke daftar masalah", "add candidates to the problem list"),
      },
      {
        flags: "--write",
        description: msg("tulis total dan peringkat ke berkas", "write totals and ranks to the file"),
      },
      {
        flags: "--interactive",
        description: msg("isi skor lewat pertanyaan (terminal)", "enter scores at prompts (terminal)"),
      },
      writeProtected,
    ],
    json: true,
    after: methodsHelp,
    load: () => import("../commands/rank.js"),
  },
  {
    name: "carry",
    description: msg("bawa kesepakatan terbuka ke bulan ini", "carry open commitments into a month"),
    args: [month],
    options: [writeProtected],
    json: true,
    load: () => import("../commands/carry.js"),
  },
  {
    name: "commitments",
    description: msg("daftar kesepakatan terbuka", "list open commitments"),
    options: [
      {
        flags: "--all",
        description: msg("semua, termasuk yang selesai, dengan riwayat", "all, closed ones too, with history"),
      },
      { flags: "--program <id>", description: msg("hanya program ini", "only this program") },
      { flags: "--pj <nama>", description: msg("penanggung jawab (id atau nama)", "person responsible (id or name)") },
      {
        flags: "--per <bulan>",
        description: msg("umur dan tenggat per akhir bulan ini", "age and overdue as of the end of this month"),
      },
    ],
    json: true,
    load: () => import("../commands/commitments.js"),
  },
  {
    name: "render",
    description: msg("cetak dokumen DOCX bulan ini", "write the month's DOCX documents"),
    args: [month],
    options: [
      {
        flags: "--out <dir>",
        description: msg("folder keluaran (bawaan BULAN/dokumen)", "output folder (default MONTH/dokumen)"),
      },
      {
        flags: "--only <nama>",
        description: msg(
          `hanya dokumen ini: ${DOCUMENTS.map((d) => d.name).join(",")}`,
          `only these documents: ${DOCUMENTS.map((d) => d.name).join(",")}`,
        ),
      },
      force(
        msg("timpa berkas yang diubah orang (cadangan disimpan)", "overwrite files someone edited (a backup is kept)"),
      ),
      {
        flags: "--pdf",
        description: msg(
          "tulis juga PDF lewat LibreOffice (bila terpasang)",
          "also write PDFs through LibreOffice (when installed)",
        ),
      },
    ],
    json: true,
    load: () => import("../commands/render.js"),
  },
  {
    name: "form",
    description: msg(
      "tulis isian Excel bulan ini (per program dan rapat)",
      "write the month's Excel forms (per program and the meeting)",
    ),
    args: [month],
    options: [
      {
        flags: "--out <dir>",
        description: msg("folder keluaran (bawaan BULAN/isian)", "output folder (default MONTH/isian)"),
      },
      {
        flags: "--satu",
        description: msg(
          "semua program dan rapat dalam satu buku kerja",
          "every program and the meeting in one workbook",
        ),
      },
      {
        flags: "--only <id>",
        description: msg(
          "hanya program ini (id, pisahkan koma) atau 'rapat'",
          "only these programs (ids, comma-separated) or 'rapat'",
        ),
      },
      force(msg("timpa isian yang sudah ada dan berbeda", "replace existing forms that differ")),
    ],
    json: true,
    load: () => import("../commands/form.js"),
  },
  {
    name: "import",
    description: msg(
      "baca isian Excel/CSV yang sudah diisi ke berkas YAML bulan ini",
      "read filled-in Excel/CSV forms into the month's YAML files",
    ),
    args: [
      month,
      {
        name: "[berkas...]",
        description: msg(
          "isian .xlsx/.csv atau folder (bawaan BULAN/isian)",
          "forms .xlsx/.csv or folders (default MONTH/isian)",
        ),
      },
    ],
    options: [
      force(
        msg(
          "pada konflik (nilai diubah di isian dan di YAML) isian yang menang; juga menulis ke berkas YAML " +
            "yang hanya-baca",
          "on a conflict (a value changed in the form and in the YAML) the form wins; also writes to read-only " +
            "YAML files",
        ),
      ),
    ],
    json: true,
    load: () => import("../commands/import.js"),
  },
  {
    name: "template",
    description: msg(
      "tulis templat Word awal untuk sebuah dokumen ke templates/, atau --list",
      "write a starting Word template for a document into templates/, or --list",
    ),
    args: [
      {
        name: "[dokumen]",
        description: msg(
          `nama dokumen: ${DOCUMENTS.map((d) => d.name).join(", ")}`,
          `document name: ${DOCUMENTS.map((d) => d.name).join(", ")}`,
        ),
      },
    ],
    options: [
      {
        flags: "--list",
        description: msg(
          "dokumen mana memakai templat workspace dan mana bawaan",
          "which documents use a workspace template and which the built-in one",
        ),
      },
      force(
        msg(
          "tulis ulang templat yang sudah diubah (cadangan disimpan)",
          "rewrite an edited template (a backup is kept)",
        ),
      ),
    ],
    json: true,
    load: () => import("../commands/template.js"),
  },
  {
    name: "report",
    description: msg("tren capaian per indikator", "coverage trends per indicator"),
    args: [month],
    json: true,
    load: () => import("../commands/report.js"),
  },
  {
    name: "export",
    description: msg(
      "ekspor capaian, masalah dan kesepakatan (CSV/JSON), atau capaian untuk DHIS2",
      "export coverage, problems and commitments (CSV/JSON), or the figures for DHIS2",
    ),
    options: [
      {
        flags: "--format <format>",
        description: msg(
          "csv atau json (semua fakta), dhis2 (dataValueSet JSON) atau dhis2-csv (CSV DHIS2) dengan kode dari " +
            "bagian dhis2 di lokmin.yaml",
          "csv or json (every fact), dhis2 (dataValueSet JSON) or dhis2-csv (DHIS2's CSV) with the codes of " +
            "lokmin.yaml's dhis2 section",
        ),
        choices: ["csv", "json", "dhis2", "dhis2-csv"],
        default: "csv",
      },
      { flags: "--bulan <bulan>", description: msg("hanya bulan ini (YYYY-MM)", "only this month (YYYY-MM)") },
      { flags: "--tahun <tahun>", description: msg("hanya tahun ini (YYYY)", "only this year (YYYY)") },
      { flags: "--out <berkas>", description: msg("berkas tujuan (bawaan: layar)", "output file (default: stdout)") },
      {
        flags: "--sep <karakter>",
        description: msg(
          "pemisah CSV; ';' untuk Excel berbahasa Indonesia",
          "CSV separator; ';' for Excel with Indonesian settings",
        ),
        default: ",",
      },
      force(msg("timpa berkas yang ada", "overwrite an existing file")),
    ],
    json: true,
    load: () => import("../commands/export.js"),
  },
  {
    name: "summary",
    description: msg(
      "ringkasan banyak Puskesmas untuk Dinas Kesehatan, dari workspace atau paket zip",
      "the Dinas' view across Puskesmas, from workspaces or package zips",
    ),
    args: [
      {
        name: "<dir...>",
        description: msg(
          "folder workspace, berkas paket .zip, atau folder berisi paket",
          "workspace folders, package .zip files, or folders of packages",
        ),
      },
    ],
    options: [
      {
        flags: "--parquet <folder>",
        description: msg(
          "tulis juga tabel figures.parquet dan meetings.parquet ke folder ini (untuk DuckDB, Spark, BigQuery)",
          "also write the tables figures.parquet and meetings.parquet into this folder (for DuckDB, Spark, BigQuery)",
        ),
      },
      {
        flags: "--xlsx <berkas>",
        description: msg(
          "tulis juga buku kerja Excel: Puskesmas × bulan, indikator tertinggal dan kesepakatan lewat " +
            "tenggat menurut nama (satu lembar per tampilan)",
          "also write an Excel workbook: Puskesmas × months, indicators behind and overdue commitments by name (a " +
            "sheet per view)",
        ),
      },
      force(msg("timpa berkas Parquet atau buku kerja yang ada", "replace existing Parquet files or workbook")),
    ],
    json: true,
    load: () => import("../commands/summary.js"),
  },
  {
    name: "paket",
    description: msg(
      "satu zip bulan ini untuk Dinas: YAML, dokumen, hasil check, manifest",
      "one zip of the month for the Dinas: YAML, documents, check result, manifest",
    ),
    args: [month],
    options: [
      {
        flags: "--out <berkas>",
        description: msg(
          "berkas zip tujuan (bawaan BULAN/lokmin-<puskesmas>-BULAN.zip)",
          "zip file to write (default MONTH/lokmin-<puskesmas>-MONTH.zip)",
        ),
      },
      force(msg("timpa paket lain yang sudah ada", "replace a different package already there")),
    ],
    json: true,
    load: () => import("../commands/paket.js"),
  },
  {
    name: "pkp",
    description: msg(
      "Penilaian Kinerja Puskesmas tahun ini: capaian, skor, Lokmin yang dilaksanakan",
      "the year's PKP: coverage, scores, Lokmin held",
    ),
    args: [{ name: "<tahun>", description: msg("tahun, mis. 2024", "year, e.g. 2024") }],
    options: [
      {
        flags: "--xlsx <berkas>",
        description: msg("tulis juga tabelnya sebagai workbook Excel", "also write the table as an Excel workbook"),
      },
      force(msg("timpa workbook yang ada", "overwrite an existing workbook")),
    ],
    json: true,
    load: () => import("../commands/pkp.js"),
  },
  {
    name: "schema",
    description: msg("tulis JSON Schema untuk editor", "write JSON Schema files for editors"),
    options: [{ flags: "--out <dir>", description: msg("folder tujuan", "target folder") }],
    json: true,
    load: () => import("../commands/schema.js"),
  },
];
