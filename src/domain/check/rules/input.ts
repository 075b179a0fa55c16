// Input rules: what the loader reports when a file cannot be read as valid data (bytes, YAML,
// schema, folders). They decide whether a file is read at all, so their severity is fixed.
import { msg } from "../../../i18n/index.js";
import { defineRules, type RuleSpec } from "../registry.js";

const input = (what: ReturnType<typeof msg>, fix: ReturnType<typeof msg>, severity: RuleSpec["severity"] = "error") =>
  ({ severity, source: { kind: "lokmin" }, what, fix, fixed: true }) satisfies RuleSpec;

export const inputRules = defineRules({
  rules: {
    "io/read": input(
      msg(
        "berkas dapat dibaca: berkas biasa, bukan folder, FIFO atau perangkat",
        "the file can be read: a regular file, not a folder, FIFO or device",
      ),
      msg(
        "ganti dengan berkas YAML biasa atau perbaiki izinnya",
        "replace it with a regular YAML file or fix its permissions",
      ),
    ),
    "io/folder": input(
      msg(
        "setiap folder workspace adalah folder biasa di dalam workspace (bukan berkas, FIFO, perangkat, tautan yang " +
          "berputar, putus atau ke luar workspace)",
        "every workspace folder is a plain folder inside the workspace (not a file, FIFO, device, or a looping, " +
          "broken or outside link)",
      ),
      msg(
        "pindahkan atau hapus yang menghalangi, atau ganti tautannya dengan folder biasa",
        "move or delete what is in the way, or replace the link with a plain folder",
      ),
    ),
    "yaml/encoding": input(
      msg(
        "berkas berkode UTF-8 (bukan UTF-16/UTF-32 atau ANSI/Latin-1) tanpa karakter kendali seperti NUL",
        "the file is UTF-8 (not UTF-16/UTF-32 or ANSI/Latin-1) without control characters such as NUL",
      ),
      msg("simpan ulang sebagai UTF-8 (Notepad: Simpan Sebagai → Encoding UTF-8)", "save it again as UTF-8"),
    ),
    "yaml/size": input(
      msg("berkas tidak lebih dari 5 MB", "the file is at most 5 MB"),
      msg("periksa apakah ini berkas yang benar", "check it is the right file"),
    ),
    "yaml/empty": input(
      msg("berkas tidak kosong", "the file is not empty"),
      msg("isi berkas atau hapus", "fill the file in or delete it"),
    ),
    "yaml/syntax": input(
      msg("sintaks YAML benar", "the YAML syntax is correct"),
      msg("perbaiki di baris yang ditunjuk", "fix it at the line shown"),
    ),
    "yaml/tab": input(
      msg("indentasi dengan spasi, bukan tab", "indentation uses spaces, not tabs"),
      msg("ganti tab dengan spasi", "replace tabs with spaces"),
    ),
    "yaml/duplicate-key": input(
      msg("tidak ada kunci ganda", "no key appears twice"),
      msg("hapus salah satu kunci", "remove one of the keys"),
    ),
    "yaml/alias": input(
      msg(
        "setiap alias *anchor merujuk anchor &anchor yang ditulis sebelumnya, dan tidak berantai (serangan " +
          "'billion laughs')",
        "every *anchor alias refers to an &anchor written before it, and aliases are not chained ('billion laughs')",
      ),
      msg(
        "tulis nilainya langsung, perbaiki nama anchor, atau hapus alias berantai",
        "write the value itself, fix the anchor's name, or remove the chained aliases",
      ),
    ),
    "yaml/tag": input(
      msg(
        "tidak ada tanda YAML selain tipe dasar (!!binary, !!timestamp, !!set, !!omap atau tanda buatan sendiri)",
        "no YAML tags beyond the basic types (!!binary, !!timestamp, !!set, !!omap or a custom tag)",
      ),
      msg("hapus tandanya dan tulis nilainya biasa", "remove the tag and write the value plainly"),
    ),
    "yaml/key": input(
      msg(
        "setiap kunci berupa teks (bukan daftar, pemetaan, null, angka, true/false, atau kunci gabungan '<<')",
        "every key is text (not a list, mapping, null, number, true/false, or the merge key '<<')",
      ),
      msg(
        "tulis nama kunci sebagai teks, dalam tanda kutip bila perlu",
        "write the key's name as text, quoted if needed",
      ),
    ),
    "yaml/depth": input(
      msg("struktur YAML tidak bersarang terlalu dalam", "the YAML is not nested too deeply"),
      msg(
        "periksa apakah ini berkas yang benar dan perbaiki kurungnya",
        "check it is the right file; fix the brackets",
      ),
    ),
    "yaml/not-a-mapping": input(
      msg("isi berkas berupa kunci: nilai", "the file is a mapping of key: value"),
      msg("mulai berkas dengan kunci: nilai", "start the file with key: value"),
    ),
    "schema/unknown-key": input(
      msg("setiap kunci dikenal", "every key is known"),
      msg("perbaiki ejaan kunci (lihat saran 'maksud Anda')", "fix the key's spelling (see the 'did you mean' hint)"),
    ),
    "schema/missing-key": input(
      msg("kunci wajib ada", "required keys are present"),
      msg("tambahkan kunci yang disebut", "add the key named"),
    ),
    "schema/type": input(
      msg("setiap nilai berjenis benar", "every value has the right type"),
      msg("tulis nilai dengan jenis yang disebut", "write a value of the type named"),
    ),
    "schema/value": input(
      msg("nilai termasuk pilihan yang sah", "values are among the allowed choices"),
      msg("pilih salah satu nilai yang disebut", "pick one of the values named"),
    ),
    "schema/number": input(
      msg(
        "angka dalam rentang dan bilangan bulat bila berupa jumlah orang",
        "numbers are in range, and whole numbers when they count people",
      ),
      msg("tulis angka tanpa titik ribuan, mis. 2100", "write the number without a thousands point, e.g. 2100"),
    ),
    "schema/format": input(
      msg("tanggal, jam, bulan dan id berformat benar", "dates, times, months and ids are well-formed"),
      msg("ikuti format yang disebut", "follow the format named"),
    ),
    "schema/unquoted-number": input(
      msg(
        "NIP dan nomor surat ditulis sebagai teks (dalam tanda kutip)",
        "NIPs and letter numbers are written as text (quoted)",
      ),
      msg('beri tanda kutip: nip: "1980…"', 'quote it: nip: "1980…"'),
    ),
    "workspace/meeting-file": input(
      msg("setiap folder bulan punya rapat.yaml", "every month folder has rapat.yaml"),
      msg(
        "buat berkas yang hilang dengan `lokmin new BULAN --lengkapi`",
        "restore missing files with `lokmin new MONTH --lengkapi`",
      ),
    ),
    "workspace/month-folder": input(
      msg("nama folder bulan berbentuk YYYY-MM", "month folders are named YYYY-MM"),
      msg("ganti nama folder, mis. 2024-05", "rename the folder, e.g. 2024-05"),
      "warning",
    ),
    "workspace/duplicate-file": input(
      msg(
        "satu program satu berkas (tidak ada kia.yaml dan kia.yml sekaligus)",
        "one file per program (not kia.yaml and kia.yml both)",
      ),
      msg("gabungkan isinya lalu hapus salah satu berkas", "merge their content and delete one of the files"),
    ),
  },
});
