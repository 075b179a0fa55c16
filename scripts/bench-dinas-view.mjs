// `node scripts/bench-dinas-view.mjs FOLDER`: the Dinas view opening, as a person double-clicking
// would wait for it — `lokmin buka FOLDER` started, the address opened, the overview page (every
// package read and summarised, the first page of the table rendered) answered. Prints the wall time
// from start to the page, the app's own time for the page (Server-Timing), and, as `npm run bench`
// reads them, the app process's CPU time and peak memory (`lokmin-cpu-ms=`, `lokmin-max-rss-kb=`).
// Used by scripts/bench.mjs; run `npm run build` first.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const folder = process.argv[2];
if (!folder) {
  process.stderr.write("usage: node scripts/bench-dinas-view.mjs FOLDER\n");
  process.exit(2);
}
const work = mkdtempSync(path.join(tmpdir(), "lokmin-bench-dinas-"));
const began = performance.now();
const child = spawn(process.execPath, [path.join(repo, "bin", "lokmin.js"), "buka", folder, "--tanpa-browser"], {
  env: { ...process.env, LOKMIN_CONFIG_DIR: path.join(work, "config") },
  stdio: ["ignore", "pipe", "pipe"],
});
let stderr = "";
child.stderr.on("data", (d) => (stderr += d));
const url = await new Promise((resolve, reject) => {
  let out = "";
  child.stdout.on("data", (d) => {
    out += d;
    if (out.includes("\n")) resolve(out.split("\n")[0].trim());
  });
  child.once("exit", (code) => reject(new Error(`buka exited ${code}: ${stderr}`)));
});
/** CPU time (user + system) and peak memory of the app so far, from /proc (Linux). */
const usage = () => {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    return {
      cpu: ((Number(fields[11]) + Number(fields[12])) * 1000) / 100,
      kb: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0),
    };
  } catch {
    return { cpu: NaN, kb: 0 };
  }
};
const first = await fetch(url, { redirect: "manual" });
const cookie = first.headers.get("set-cookie").split(";")[0];
const origin = new URL(url).origin;
const asked = performance.now();
const res = await fetch(`${origin}/dinas`, { headers: { cookie } });
const html = await res.text();
const done = performance.now();
const { cpu, kb } = usage();
const server = /app;dur=([\d.]+)/.exec(res.headers.get("server-timing") ?? "")?.[1];
const rows = (html.match(/data-baris=/g) ?? []).length;
const read = /(?:Dibaca dalam|Read in) ([\d,.]+)/.exec(html)?.[1];
const cells = (html.match(/data-tilik-skor=/g) ?? []).length;
child.kill("SIGINT");
if (res.status !== 200) {
  process.stderr.write(`GET /dinas answered ${res.status}\n`);
  process.exit(1);
}
process.stdout.write(
  `start to the Dinas view: ${Math.round(done - began)} ms (page ${Math.round(done - asked)} ms, app ${server} ms); ` +
    `${rows} Puskesmas rows, ${cells} month cells shown; the summary itself ${read} s\n`,
);
process.stderr.write(`lokmin-cpu-ms=${Math.round(cpu)}\nlokmin-max-rss-kb=${kb}\n`);
