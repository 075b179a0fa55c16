// `node scripts/bench-app.mjs [--runs N]`: the browser app (`lokmin buka`) on a copy of the example
// workspace — the time from starting the process to the first page answered, the app's own time
// for each page and for a save (its Server-Timing header: no network, no browser), and the peak
// memory of the running app. Targets from issue 27: first page ≤ 1.5 s, each page and save
// ≤ 150 ms, memory ≤ 200 MB. Run `npm run build` first.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const runs = Number(process.argv[process.argv.indexOf("--runs") + 1] || 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function start() {
  const work = mkdtempSync(path.join(tmpdir(), "lokmin-bench-app-"));
  cpSync(path.join(repo, "examples", "puskesmas-sukamaju"), path.join(work, "ws"), { recursive: true });
  const began = performance.now();
  const child = spawn(process.execPath, [path.join(repo, "bin", "lokmin.js"), "buka", "ws", "--tanpa-browser"], {
    cwd: work,
    env: { ...process.env, LOKMIN_CONFIG_DIR: path.join(work, "config"), LOKMIN_REPORT_RSS: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const url = new Promise((resolve) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      if (out.includes("\n")) resolve(out.split("\n")[0].trim());
    });
  });
  return { child, began, url, stderr: () => stderr, work };
}

async function signIn(address) {
  const first = await fetch(address, { redirect: "manual" });
  const cookie = first.headers.get("set-cookie").split(";")[0];
  const origin = new URL(address).origin;
  return { origin, cookie };
}

const stop = (child) =>
  new Promise((resolve) => {
    child.once("exit", resolve);
    child.kill("SIGINT");
  });

// 1. Start to the first page (the address the browser opens, through its redirect to Beranda).
const firstPage = [];
const firstCpu = [];
/** CPU time (user + system) the process used so far, from /proc on Linux. */
const cpuOf = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
  } catch {
    return NaN;
  }
};
for (let i = 0; i < runs; i++) {
  const app = start();
  const { origin, cookie } = await signIn(await app.url);
  const res = await fetch(`${origin}/beranda`, { headers: { cookie } });
  await res.text();
  firstPage.push(performance.now() - app.began);
  firstCpu.push(cpuOf(app.child.pid));
  await stop(app.child);
}

// 2. Each page and a save, in one running app; 3. its peak memory.
const app = start();
const { origin, cookie } = await signIn(await app.url);
const pages = [
  "/beranda",
  "/mulai",
  "/pengaturan",
  "/pengaturan/identitas",
  "/pengaturan/pegawai",
  "/pengaturan/program",
  "/pengaturan/program/kia",
  "/pengaturan/desa",
  "/pengaturan/lintas-sektor",
  "/pengaturan/surat",
  "/pengaturan/aturan",
  "/bulan/2024-05",
];
/** The app's own wall time and CPU time for a response (its Server-Timing header). */
const timing = (res) => {
  const header = res.headers.get("server-timing") ?? "";
  return [Number(/app;dur=([\d.]+)/.exec(header)?.[1]), Number(/cpu;dur=([\d.]+)/.exec(header)?.[1])];
};
const rows = [];
for (const page of pages) {
  const times = [];
  for (let i = 0; i < runs + 1; i++) {
    const res = await fetch(`${origin}${page}`, { headers: { cookie } });
    await res.text();
    if (i > 0) times.push(timing(res)); // the first view of each page compiles its code
  }
  rows.push([`GET ${page}`, median(times.map((t) => t[0])), median(times.map((t) => t[1]))]);
}
// A save of the staff page: the form as shown, one NIP changed back and forth (a real write each time).
const token = /name="_token" value="([^"]+)"/;
const saves = [];
for (let i = 0; i < runs + 1; i++) {
  const html = await (await fetch(`${origin}/pengaturan/pegawai`, { headers: { cookie } })).text();
  const fields = [...html.matchAll(/<input\b[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)]
    .filter((m) => !/type="checkbox"/.test(m[0]) || /checked/.test(m[0]))
    .map((m) => [
      m[1],
      m[2]
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">"),
    ]);
  const body = new URLSearchParams(
    fields.map(([k, v]) => [
      k,
      k === "pegawai[lina].jabatan" ? `Staf Tata Usaha ${i % 2 ? "(honorer)" : ""}`.trim() : v,
    ]),
  );
  if (!token.test(html)) throw new Error("no token");
  const res = await fetch(`${origin}/pengaturan/pegawai`, {
    method: "POST",
    body,
    headers: { cookie, origin, "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  if (res.status !== 303) throw new Error(`save answered ${res.status}`);
  if (i > 0) saves.push(timing(res));
}
rows.push(["POST /pengaturan/pegawai (save)", median(saves.map((t) => t[0])), median(saves.map((t) => t[1]))]);
await stop(app.child);
const rss = Number(/lokmin-max-rss-kb=(\d+)/.exec(app.stderr())?.[1] ?? NaN) / 1024;

// The floor: a bare Node start on this machine now (the machine may be busy: compare ratios).
const floor = [];
for (let i = 0; i < runs; i++) {
  const began = performance.now();
  await new Promise((resolve) => spawn(process.execPath, ["-e", "0"]).once("exit", resolve));
  floor.push(performance.now() - began);
}
const first = median(firstPage);
process.stdout.write(
  `start to first page: ${first.toFixed(0)} ms (median of ${runs}; target ≤ 1500), ` +
    `${(first / median(floor)).toFixed(1)} × a bare node start (${median(floor).toFixed(0)} ms); ` +
    `CPU time of the app until then ${median(firstCpu).toFixed(0)} ms\n`,
);
process.stdout.write(`${"".padEnd(36)} ${"wall".padStart(9)} ${"cpu".padStart(9)}\n`);
for (const [what, wall, cpu] of rows)
  process.stdout.write(`${what.padEnd(36)} ${wall.toFixed(1).padStart(6)} ms ${cpu.toFixed(1).padStart(6)} ms\n`);
process.stdout.write(`peak memory of the running app: ${rss.toFixed(0)} MB (target ≤ 200)\n`);
