// The Dinas' inbox at province scale, made quickly for `npm run bench`: N Puskesmas × 12 monthly
// packages (`lokmin paket` zips) in one folder. A few template workspaces (a year each, different
// seeds) are generated and packaged by the real `lokmin paket`; each Puskesmas is then one of them
// under its own name: every YAML file carries the name (so no two Puskesmas send the same bytes),
// and the manifest's sizes and SHA-256 are computed again, so every package passes verification.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { main } from "../src/cli/main.js";
import { formatMonth } from "../src/domain/month.js";
import { generateWorkspace } from "./generate.js";

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

class Sink extends Writable {
  text = "";
  override _write(chunk: Buffer, _encoding: string, callback: () => void) {
    this.text += chunk.toString();
    callback();
  }
}

/** Package every month of a generated workspace with `lokmin paket` (in-process), dated the 3rd of the next month. */
async function packageYear(dir: string, year: number): Promise<Uint8Array[]> {
  const zips: Uint8Array[] = [];
  for (let month = 1; month <= 12; month++) {
    const id = formatMonth({ year, month });
    const next = month === 12 ? `${year + 1}-01` : formatMonth({ year, month: month + 1 });
    const out = path.join(dir, `${id}.zip`);
    const stderr = new Sink();
    const env = { ...process.env, LOKMIN_TODAY: `${next}-03`, LOKMIN_NO_CACHE: "1", NO_COLOR: "1" };
    const code = await main(["-C", dir, "paket", id, "--out", out], {
      stdout: new Sink(),
      stderr,
      stdinIsTTY: false,
      env,
    });
    if (code !== 0) throw new Error(`lokmin paket ${id} failed (${code}): ${stderr.text}`);
    zips.push(readFileSync(out));
  }
  return zips;
}

/** One template's package as Puskesmas `name`: the name replaced, a comment line naming it in each YAML file. */
function renamed(zip: Uint8Array, template: string, name: string): Uint8Array {
  const files = unzipSync(zip);
  const manifest = JSON.parse(strFromU8(files["manifest.json"]).split(template).join(name));
  const out: Record<string, Uint8Array> = {};
  for (const [file, bytes] of Object.entries(files)) {
    if (file === "manifest.json") continue;
    let text = strFromU8(bytes).split(template).join(name);
    if (/\.ya?ml$/.test(file)) text = `# ${name}\n${text}`;
    out[file] = strToU8(text);
  }
  manifest.berkas = manifest.berkas.map((entry: { path: string }) => ({
    path: entry.path,
    bytes: out[entry.path].length,
    sha256: sha256(out[entry.path]),
  }));
  const mtime = new Date(`${manifest.dibuat}T00:00:00Z`);
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {
    "manifest.json": [strToU8(`${JSON.stringify(manifest, null, 2)}\n`), { mtime }],
  };
  for (const file of Object.keys(out).sort()) entries[file] = [out[file], { mtime }];
  return zipSync(entries, { level: 6 });
}

/** Write `count` Puskesmas × 12 packages of `year` into `out` (replaced), from `templates` generated workspaces. */
export async function generatePackages(options: { out: string; count: number; seed: number; templates?: number }) {
  const year = 2024;
  const work = mkdtempSync(path.join(tmpdir(), "lokmin-paket-gen-"));
  const templates: Array<{ name: string; zips: Uint8Array[] }> = [];
  try {
    for (let k = 0; k < Math.min(options.count, options.templates ?? 6); k++) {
      const name = `UPTD Puskesmas Templat ${String.fromCharCode(65 + k)}`;
      const dir = path.join(work, `t${k}`);
      generateWorkspace({
        out: dir,
        name,
        startMonth: `${year}-01`,
        months: 12,
        programs: 13,
        seed: options.seed + k * 7919,
      });
      templates.push({ name, zips: await packageYear(dir, year) });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(options.out, { recursive: true });
  for (let i = 0; i < options.count; i++) {
    const template = templates[i % templates.length];
    const number = String(i + 1).padStart(5, "0");
    const name = `UPTD Puskesmas Wilayah ${number}`;
    template.zips.forEach((zip, m) => {
      const month = formatMonth({ year, month: m + 1 });
      writeFileSync(path.join(options.out, `lokmin-wilayah-${number}-${month}.zip`), renamed(zip, template.name, name));
    });
  }
}
