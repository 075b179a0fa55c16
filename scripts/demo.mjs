// `npm run demo`: the main job on the bundled example, in a temporary copy so the repository
// stays untouched: check every month, rank June's problems, list open commitments, show the
// trends, scaffold July (carrying open commitments), write July's workbooks, fill the KIA one the
// way a coordinator would, import it (and again: nothing changes), and render June's documents.
// Prints where the files are.

import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";

const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const work = mkdtempSync(path.join(tmpdir(), "lokmin-demo-"));
const workspace = path.join(work, "puskesmas-sukamaju");
cpSync(path.join(repo, "examples", "puskesmas-sukamaju"), workspace, { recursive: true });
const out = path.join(work, "dokumen");

function lokmin(...args) {
  process.stdout.write(`\n$ lokmin ${args.join(" ")}\n`);
  const result = spawnSync(process.execPath, [path.join(repo, "bin", "lokmin.js"), "-C", workspace, ...args], {
    stdio: "inherit",
  });
  if (result.status !== 0) {
    process.stderr.write(`demo: 'lokmin ${args.join(" ")}' exited ${result.status}\n`);
    process.exit(1);
  }
}

lokmin("check");
lokmin("rank", "2024-06", "--solusi");
lokmin("commitments");
lokmin("report", "2024-06");
lokmin("new", "2024-07");
lokmin("form", "2024-07");

// The KIA coordinator fills the yellow cells of 2024-07-kia.xlsx (found by lokmin's row keys in the
// hidden column A) and saves it, as Excel would.
const kiaBook = path.join(workspace, "2024-07", "isian", "2024-07-kia.xlsx");
const book = new ExcelJS.Workbook();
await book.xlsx.load(readFileSync(kiaBook));
/** The first row of a sheet whose key (hidden column A) is `key`. */
const rows = (sheet) => {
  const found = new Map();
  sheet.eachRow((row, r) => {
    const key = row.getCell(1).value;
    if (!found.has(key)) found.set(key, r);
  });
  return (key) => found.get(key);
};
const capaian = book.getWorksheet("Capaian");
const at = rows(capaian);
const villages = { Sukamaju: 17, Sidomulyo: 14, "Karang Anyar": 12, "Tanjung Sari": 11, "Mekar Jaya": 9 };
for (const [desa, value] of Object.entries(villages)) capaian.getCell(`J${at(`d:bumil:${desa}`)}`).value = value;
capaian.getCell(`J${at("i:bulin")}`).value = 66;
capaian.getCell(`J${at("i:bbl")}`).value = 71;
const kegiatan = book.getWorksheet("Kegiatan");
const first = rows(kegiatan)("r:kegiatan");
kegiatan.getCell(`B${first}`).value = "Kelas ibu hamil di 5 desa";
kegiatan.getCell(`C${first}`).value = "Diikuti 64 ibu hamil";
writeFileSync(kiaBook, Buffer.from(await book.xlsx.writeBuffer()));
process.stdout.write("\n(KIA coordinator filled 2024-07-kia.xlsx: Bulan ini per village, bulin, bbl, one activity)\n");

lokmin("import", "2024-07", path.join(workspace, "2024-07", "isian"));
const kiaYaml = readFileSync(path.join(workspace, "2024-07", "program", "kia.yaml"), "utf8");
process.stdout.write(`\n2024-07/program/kia.yaml now:\n${kiaYaml.split("\n").slice(6, 40).join("\n")}\n  …\n`);
lokmin("import", "2024-07", path.join(workspace, "2024-07", "isian"));
lokmin("render", "2024-06", "--out", out);
process.stdout.write(
  `\nWorkspace salinan / workspace copy: ${workspace}\nDokumen DOCX / DOCX documents:    ${out}\n` +
    `Isian Excel / workbooks:           ${path.join(workspace, "2024-07", "isian")}\n`,
);
