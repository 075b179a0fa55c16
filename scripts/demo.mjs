// `npm run demo`: the main job on the bundled example, in a temporary copy so the repository
// stays untouched: check every month, rank June's problems, list open commitments, show the
// trends, scaffold July (carrying open commitments), and render June's documents. Prints where
// the files are.

import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

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
lokmin("render", "2024-06", "--out", out);
process.stdout.write(`\nWorkspace salinan / workspace copy: ${workspace}\nDokumen DOCX / DOCX documents:    ${out}\n`);
