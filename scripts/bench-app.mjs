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
// Without --runs, 5 (argv[0] is node's path: indexOf's -1 must not pick it).
const runsAt = process.argv.indexOf("--runs");
const runs = runsAt >= 0 ? Number(process.argv[runsAt + 1]) : 5;
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
  // The month's pages (issue 27): the SOP path, the meeting's forms, and the pages that run an operation.
  "/bulan/2024-05/status",
  "/bulan/2024-05/isian",
  "/bulan/2024-05/undangan",
  "/bulan/2024-05/kehadiran",
  "/bulan/2024-05/pembahasan",
  "/bulan/2024-05/masalah",
  "/bulan/2024-05/prioritas",
  "/bulan/2024-05/solusi",
  "/bulan/2024-05/rtl",
  "/bulan/2024-05/kesepakatan",
  "/bulan/2024-05/penutup",
  "/bulan/2024-01/pertama",
  "/bulan/2024-06/tribulanan",
  "/bulan/2024-05/periksa",
  "/bulan/2024-05/dokumen",
  "/bulan/2024-05/kirim",
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

/** The fields a browser submits for the page's form (inputs, checked boxes, selected options, text areas). */
const decode = (v) =>
  v
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
function formOf(html, action) {
  const start = html.indexOf(`<form method="post" action="${action}"`);
  const body = html.slice(start, html.indexOf("</form>", start));
  const fields = [];
  const attr = (tag, name) => decode(new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? "");
  for (const [tag] of body.matchAll(
    /<input\b[^>]*>|<select\b[^>]*>[\s\S]*?<\/select>|<textarea\b[^>]*>[\s\S]*?<\/textarea>/g,
  )) {
    const open = tag.slice(0, tag.indexOf(">") + 1);
    const name = attr(open, "name");
    if (!name || /\sdisabled/.test(open)) continue;
    if (tag.startsWith("<select")) {
      const options = [...tag.matchAll(/<option\b([^>]*)>/g)].map((o) => o[1]);
      const chosen = options.find((o) => /\sselected/.test(o)) ?? options[0];
      if (chosen !== undefined) fields.push([name, attr(chosen, "value")]);
    } else if (tag.startsWith("<textarea"))
      fields.push([name, decode(tag.replace(/^<textarea\b[^>]*>/, "").replace(/<\/textarea>$/, ""))]);
    else if (/type="(checkbox|radio)"/.test(open)) {
      if (/\schecked/.test(open)) fields.push([name, attr(open, "value") || "on"]);
    } else if (!/type="(file|submit)"/.test(open)) fields.push([name, attr(open, "value")]);
  }
  return fields;
}
/** A save of a month page: the form as shown with one field changed back and forth (a real write each time). */
async function saveMonth(url, field, values) {
  const times = [];
  for (let i = 0; i < runs + 1; i++) {
    const html = await (await fetch(`${origin}${url}`, { headers: { cookie } })).text();
    const fields = formOf(html, url).map(([k, v]) => [k, k === field ? values[i % 2] : v]);
    const res = await fetch(`${origin}${url}`, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { cookie, origin, "content-type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    if (res.status !== 303) throw new Error(`${url} save answered ${res.status}`);
    if (i > 0) times.push(timing(res));
  }
  rows.push([`POST ${url} (save)`, median(times.map((t) => t[0])), median(times.map((t) => t[1]))]);
}
await saveMonth("/bulan/2024-05/undangan", "tempat", ["Aula UPTD Puskesmas Sukamaju", "Aula Puskesmas Sukamaju"]);
await saveMonth("/bulan/2024-05/kehadiran", "evaluasi_kehadiran", ["Hadir semua.", "Semua hadir."]);
/** An operation run from its page (not held to the 150 ms of a page: it does what the command does). */
async function operation(url, fields) {
  const times = [];
  for (let i = 0; i < Math.max(2, Math.ceil(runs / 2)); i++) {
    const res = await fetch(`${origin}${url}`, {
      method: "POST",
      body: new URLSearchParams([
        ["_token", token.exec(await (await fetch(`${origin}/beranda`, { headers: { cookie } })).text())[1]],
        ...fields,
      ]),
      headers: { cookie, origin, "content-type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    await res.text();
    if (res.status >= 400) throw new Error(`${url} answered ${res.status}`);
    times.push(timing(res));
  }
  rows.push([`POST ${url} (op)`, median(times.map((t) => t[0])), median(times.map((t) => t[1]))]);
}
await operation("/bulan/2024-05/isian/buat", []);
await operation("/bulan/2024-05/dokumen/cetak", []);
await operation("/bulan/2024-05/kirim/buat", []);
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
process.stdout.write(`${"".padEnd(44)} ${"wall".padStart(9)} ${"cpu".padStart(9)}\n`);
for (const [what, wall, cpu] of rows)
  process.stdout.write(`${what.padEnd(44)} ${wall.toFixed(1).padStart(6)} ms ${cpu.toFixed(1).padStart(6)} ms\n`);
process.stdout.write(`peak memory of the running app: ${rss.toFixed(0)} MB (target ≤ 200)\n`);
