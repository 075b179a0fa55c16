// `npm run bench`: start-up and scaling of lokmin, measured in one run as ratios to a bare
// `node -e 0` start measured alongside (the floor no Node CLI can beat). Each scenario runs
// several times, interleaved with the others; the median wall time, the median CPU time (user +
// system, which other processes on a shared machine do not inflate) and the peak memory are
// reported as a table and written to bench/out/results.json. Targets come from the issues.
// When `npm run package` has built release/lokmin-linux-x64, the single executable is measured
// too, against a bare start of the very Node binary it embeds. The province scale (issue 31):
// `summary` of 1,000 Puskesmas × 12 monthly packages (and of 100, for the growth), with and without
// --parquet; `--province-only` runs just that part, `--no-province` skips it. The Dinas scale
// (issue 29): the Dinas view of 400 Puskesmas × 12 packages opened by `lokmin buka` (≤ 2 s to the
// first page, scripts/bench-dinas-view.mjs) and `summary --xlsx` of the same (≤ 10 s), each the
// first time (no cache) and again; `--dinas-only` (`npm run bench:dinas`) runs just that part.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg("runs", "7"));
const provinceRuns = Number(arg("province-runs", "3"));
const provinceOnly = process.argv.includes("--province-only");
const dinasOnly = process.argv.includes("--dinas-only");
const withProvince = !process.argv.includes("--no-province") && !dinasOnly;
const outDir = path.join(repo, "bench", "out");
const example = path.join(repo, "examples", "puskesmas-sukamaju");
const cli = path.join(repo, "bin", "lokmin.js");
mkdirSync(outDir, { recursive: true });

function generate(dir, years, programs) {
  if (existsSync(path.join(dir, "lokmin.yaml"))) return;
  process.stdout.write(`generating ${dir} (${years} years × ${programs} programs)…\n`);
  const r = spawnSync(
    process.execPath,
    [
      path.join(repo, "dist-dev", "generate.js"),
      "--out",
      dir,
      "--years",
      String(years),
      "--programs",
      String(programs),
    ],
    { stdio: "inherit" },
  );
  if (r.status !== 0) process.exit(1);
}
const big = path.join(outDir, "workspace");
const half = path.join(outDir, "workspace-5y");
if (!provinceOnly) {
  generate(big, 10, 30);
  generate(half, 5, 30);
}
const renderOut = mkdtempSync(path.join(tmpdir(), "lokmin-bench-"));
// The workbooks of one 13-program month: written by `form`, then read back by `import` (which finds
// nothing to change, so every run measures the same work).
const formsOut = mkdtempSync(path.join(tmpdir(), "lokmin-bench-forms-"));
// A cache folder of the bench's own: the first run of each scenario fills it (that run counts
// too), "no cache" scenarios measure the cold path every time.
const cacheDir = mkdtempSync(path.join(tmpdir(), "lokmin-bench-cache-"));

// Meetings with many problems, each with three root causes and three scored solutions, for the
// write-back: `rank --write --solusi` adds every total and rank (the file is put back before each run).
function longMeeting(count) {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "lokmin-bench-rank-")), "ws");
  cpSync(path.join(repo, "tests", "fixtures", "mini"), dir, { recursive: true });
  const file = path.join(dir, "2024-02", "rapat.yaml");
  const lines = ["masalah:", "  # disepakati forum"];
  for (let i = 1; i <= count; i++) {
    lines.push(`  - id: m${i}`, `    judul: Masalah nomor ${i} # catatan`, "    program: kia", "    indikator: bumil");
    lines.push("    akar_masalah:");
    for (let k = 0; k < 3; k++) lines.push("      - kategori: Metode", `        uraian: Sebab ${k} dari masalah ${i}`);
    lines.push("    solusi:");
    for (let k = 1; k <= 3; k++) {
      lines.push(`      - id: s${k}`, `        uraian: Solusi ${k}`);
      lines.push(`        skor: {m: ${((i + k) % 5) + 1}, i: ${((i * k) % 5) + 1}, v: 3, c: ${k}}`);
    }
    lines.push(
      "    skor:",
      `      u: ${(i % 5) + 1}`,
      `      s: ${((i * 3) % 5) + 1}`,
      `      g: ${((i * 7) % 5) + 1}`,
    );
  }
  const text = readFileSync(file, "utf8").replace(/masalah:\n[\s\S]*?(?=rtl:)/, `${lines.join("\n")}\n`);
  writeFileSync(file, text);
  return { dir, restore: () => writeFileSync(file, text) };
}
const rank50 = longMeeting(50);
const rank500 = longMeeting(500);

const scenarios = [
  {
    id: "node",
    label: "node -e 0 (floor)",
    args: [
      "-e",
      "process.on('exit',()=>process.stderr.write('lokmin-max-rss-kb='+process.resourceUsage().maxRSS+'\\n'))",
    ],
    raw: true,
  },
  { id: "help", label: "lokmin --help", args: ["--help"], target: { ratio: 1.5 } },
  {
    id: "check-month-cold",
    label: "check one month, no cache",
    args: ["-C", example, "check", "2024-05"],
    env: { LOKMIN_NO_CACHE: "1" },
  },
  {
    id: "check-month",
    label: "check one month (example)",
    args: ["-C", example, "check", "2024-05"],
    target: { ratio: 2.5 },
  },
  { id: "rank-month", label: "rank one month (example)", args: ["-C", example, "rank", "2024-05"] },
  {
    id: "render-month",
    label: "render one month, all documents",
    args: ["-C", example, "render", "2024-05", "--out", renderOut, "--force"],
    target: { ratio: 6 },
  },
  {
    id: "form-month",
    label: "form one month, 13 programs + meeting",
    args: ["-C", example, "form", "2024-05", "--out", formsOut, "--force"],
  },
  {
    id: "import-month",
    label: "import one month, 14 workbooks",
    args: ["-C", example, "import", "2024-05", formsOut],
  },
  {
    id: "check-5y-cold",
    label: "check 5 years × 30 programs, no cache",
    args: ["-C", half, "check"],
    env: { LOKMIN_NO_CACHE: "1" },
  },
  { id: "check-5y", label: "check 5 years × 30 programs", args: ["-C", half, "check"] },
  {
    id: "check-10y-cold",
    label: "check 10 years × 30 programs, no cache",
    args: ["-C", big, "check"],
    env: { LOKMIN_NO_CACHE: "1" },
    target: { ms: 2000, mb: 250 },
  },
  { id: "check-10y", label: "check 10 years × 30 programs", args: ["-C", big, "check"], target: { ms: 2000, mb: 250 } },
  {
    id: "rank-write-50",
    label: "rank --write --solusi, 50 problems × 3 solutions",
    args: ["-C", rank50.dir, "rank", "2024-02", "--write", "--solusi"],
    before: rank50.restore,
  },
  {
    id: "rank-write-500",
    label: "rank --write --solusi, 500 problems × 3 solutions",
    args: ["-C", rank500.dir, "rank", "2024-02", "--write", "--solusi"],
    before: rank500.restore,
  },
];

// The single executable, if built: its floor is `<the Node it embeds> -e 0`, not this node.
const sea = path.join(repo, "release", "lokmin-linux-x64");
const seaBuild = path.join(repo, "node_modules", ".cache", "lokmin-package", "build.json");
const seaNode = existsSync(seaBuild) ? JSON.parse(readFileSync(seaBuild, "utf8")).binaries?.["linux-x64"] : undefined;
if (process.platform !== "linux" || !existsSync(sea) || !seaNode || !existsSync(seaNode)) {
  process.stdout.write(
    "single executable: skipped (no release/lokmin-linux-x64 with its Node binary; `npm run package` builds it)\n",
  );
} else {
  scenarios.push(
    { id: "sea-node", label: "embedded node -e 0 (executable floor)", exec: seaNode, args: scenarios[0].args },
    {
      id: "sea-help",
      label: "lokmin-linux-x64 --help",
      exec: sea,
      args: ["--help"],
      floor: "sea-node",
      target: { ratio: 1.5 },
    },
    {
      id: "sea-check-month",
      label: "lokmin-linux-x64 check one month",
      exec: sea,
      args: ["-C", example, "check", "2024-05"],
      floor: "sea-node",
    },
    {
      id: "sea-render-month",
      label: "lokmin-linux-x64 render one month",
      exec: sea,
      args: ["-C", example, "render", "2024-05", "--out", renderOut, "--force"],
      floor: "sea-node",
    },
  );
}

// Province scale: N Puskesmas × 12 packages, generated once (dev/generate.ts --paket); the 100 are
// the first 100 of the 1,000 (hard links), so the growth compares like with like.
const province = [];
if (withProvince) {
  const inbox = (count) => path.join(outDir, `paket-${count}`);
  const done = path.join(inbox(1000), ".lengkap");
  if (!existsSync(done)) {
    process.stdout.write(`generating ${inbox(1000)} (1,000 Puskesmas × 12 packages)…\n`);
    const r = spawnSync(
      process.execPath,
      [path.join(repo, "dist-dev", "generate.js"), "--paket", "1000", "--out", inbox(1000)],
      { stdio: "inherit" },
    );
    if (r.status !== 0) process.exit(1);
    rmSync(inbox(100), { recursive: true, force: true });
    mkdirSync(inbox(100), { recursive: true });
    for (const name of readdirSync(inbox(1000)).filter((n) => /-00(0[0-9]{2}|100)-\d{4}-\d{2}\.zip$/.test(n)))
      linkSync(path.join(inbox(1000), name), path.join(inbox(100), name));
    writeFileSync(done, "");
  }
  const parquetOut = mkdtempSync(path.join(tmpdir(), "lokmin-bench-parquet-"));
  const cold = { LOKMIN_NO_CACHE: "1" };
  province.push(
    {
      id: "summary-100-cold",
      label: "summary 100 Puskesmas × 12 packages, no cache",
      args: ["summary", inbox(100)],
      env: cold,
    },
    {
      id: "summary-1000-cold",
      label: "summary 1,000 Puskesmas × 12 packages, no cache",
      args: ["summary", inbox(1000)],
      env: cold,
      target: { ms: 10000, mb: 1024 },
    },
    {
      id: "summary-1000-parquet-cold",
      label: "summary 1,000 × 12 --parquet, no cache",
      args: ["summary", inbox(1000), "--parquet", parquetOut, "--force"],
      env: cold,
      target: { ms: 10000, mb: 1024 },
    },
    { id: "summary-100", label: "summary 100 Puskesmas × 12 packages", args: ["summary", inbox(100)] },
    {
      id: "summary-1000",
      label: "summary 1,000 Puskesmas × 12 packages",
      args: ["summary", inbox(1000)],
      target: { ms: 10000, mb: 1024 },
    },
    {
      id: "summary-1000-parquet",
      label: "summary 1,000 × 12 --parquet",
      args: ["summary", inbox(1000), "--parquet", parquetOut, "--force"],
      target: { ms: 10000, mb: 1024 },
    },
  );
  for (const s of province) s.runs = provinceRuns;
}

// Dinas scale: 400 Puskesmas × 12 packages, generated once.
const dinas = [];
{
  const folder = path.join(outDir, "paket-400");
  const done = path.join(folder, ".lengkap");
  if (!existsSync(done)) {
    process.stdout.write(`generating ${folder} (400 Puskesmas × 12 packages)…\n`);
    rmSync(folder, { recursive: true, force: true });
    const r = spawnSync(
      process.execPath,
      [path.join(repo, "dist-dev", "generate.js"), "--paket", "400", "--out", folder],
      {
        stdio: "inherit",
      },
    );
    if (r.status !== 0) process.exit(1);
    writeFileSync(done, "");
  }
  const view = path.join(repo, "scripts", "bench-dinas-view.mjs");
  const xlsxOut = path.join(mkdtempSync(path.join(tmpdir(), "lokmin-bench-xlsx-")), "ringkasan.xlsx");
  const cold = { LOKMIN_NO_CACHE: "1" };
  dinas.push(
    {
      id: "dinas-view-400-cold",
      label: "Dinas view 400 × 12, first open (no cache)",
      raw: true,
      args: [view, folder],
      env: cold,
    },
    {
      id: "dinas-view-400",
      label: "Dinas view 400 × 12",
      raw: true,
      args: [view, folder],
      target: { ms: 2000, mb: 1024 },
    },
    {
      id: "summary-400-xlsx-cold",
      label: "summary 400 × 12 --xlsx, no cache",
      args: ["summary", folder, "--xlsx", xlsxOut, "--force"],
      env: cold,
      target: { ms: 10000, mb: 1024 },
    },
    {
      id: "summary-400-xlsx",
      label: "summary 400 × 12 --xlsx",
      args: ["summary", folder, "--xlsx", xlsxOut, "--force"],
      target: { ms: 10000, mb: 1024 },
    },
  );
  for (const s of dinas) s.runs = provinceRuns;
}
if (provinceOnly || dinasOnly) scenarios.splice(1, scenarios.length - 1);
scenarios.push(...province, ...dinas);

const samples = Object.fromEntries(scenarios.map((s) => [s.id, { ms: [], kb: [], cpu: [] }]));
for (let i = 0; i < runs; i++) {
  for (const s of scenarios) {
    if (s.runs !== undefined && i >= s.runs) continue;
    s.before?.();
    const argv = s.raw || s.exec ? s.args : [cli, ...s.args];
    const start = performance.now();
    const r = spawnSync(s.exec ?? process.execPath, argv, {
      encoding: "utf8",
      maxBuffer: 1 << 30,
      env: { ...process.env, LOKMIN_REPORT_RSS: "1", NO_COLOR: "1", LOKMIN_CACHE_DIR: cacheDir, ...s.env },
    });
    const ms = performance.now() - start;
    if (r.status !== 0 && r.status !== 1) {
      process.stderr.write(`${s.label} failed (${r.status}):\n${r.stderr}\n`);
      process.exit(1);
    }
    // A page's own time when the scenario prints it (the Dinas view: start to the page answered,
    // not the server's shutdown after it).
    const shown = /start to the Dinas view: (\d+) ms/.exec(r.stdout ?? "")?.[1];
    samples[s.id].ms.push(shown === undefined ? ms : Number(shown));
    samples[s.id].kb.push(Number(/lokmin-max-rss-kb=(\d+)/.exec(r.stderr)?.[1] ?? 0));
    const cpu = /lokmin-cpu-ms=(\d+)/.exec(r.stderr)?.[1];
    if (cpu !== undefined) samples[s.id].cpu.push(Number(cpu));
  }
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const results = scenarios.map((s) => {
  const ms = median(samples[s.id].ms);
  const cpu = samples[s.id].cpu.length ? median(samples[s.id].cpu) : undefined;
  const mb = Math.max(...samples[s.id].kb) / 1024;
  const ratio = ms / median(samples[s.floor ?? "node"].ms);
  let verdict = "";
  if (s.target?.ratio)
    verdict = ratio <= s.target.ratio ? `ok (≤ ${s.target.ratio}×)` : `MISSED (≤ ${s.target.ratio}×)`;
  if (s.target?.ms)
    verdict =
      ms < s.target.ms && mb < s.target.mb
        ? `ok (< ${s.target.ms} ms, < ${s.target.mb} MB)`
        : `MISSED (< ${s.target.ms} ms, < ${s.target.mb} MB)`;
  // On a shared machine the wall time is other people's too: the CPU time says what lokmin spent.
  if (s.target?.ms && cpu !== undefined) verdict += `; CPU ${cpu < s.target.ms && mb < s.target.mb ? "ok" : "MISSED"}`;
  return {
    id: s.id,
    label: s.label,
    median_ms: Math.round(ms),
    cpu_ms: cpu ?? null,
    ratio: Number(ratio.toFixed(2)),
    peak_mb: Number(mb.toFixed(1)),
    target: verdict,
  };
});
const byId = Object.fromEntries(results.map((r) => [r.id, r]));
const ratioOf = (a, b, key = "median_ms") => (byId[a] && byId[b] ? byId[a][key] / byId[b][key] : undefined);
const scaling = ratioOf("check-10y", "check-5y");
const coldScaling = ratioOf("check-10y-cold", "check-5y-cold");
const growth = ratioOf("summary-1000-cold", "summary-100-cold");
const growthCpu = ratioOf("summary-1000-cold", "summary-100-cold", "cpu_ms");
const growthWarm = ratioOf("summary-1000", "summary-100", "cpu_ms");
const rankScaling = ratioOf("rank-write-500", "rank-write-50");

const rows = [
  ["scenario", "median ms", "CPU ms", "× node", "peak MB", "target"],
  ...results.map((r) => [
    r.label,
    String(r.median_ms),
    r.cpu_ms === null ? "–" : String(r.cpu_ms),
    r.ratio.toFixed(2),
    r.peak_mb.toFixed(1),
    r.target,
  ]),
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
for (const [index, row] of rows.entries()) {
  process.stdout.write(
    `${row.map((cell, i) => (i === 0 || i === 5 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ")}\n`,
  );
  if (index === 0) process.stdout.write(`${widths.map((w) => "-".repeat(w)).join("  ")}\n`);
}
if (scaling !== undefined && coldScaling !== undefined)
  process.stdout.write(
    `\ndoubling the data (5 → 10 years): ${scaling.toFixed(2)}× the time with the cache, ` +
      `${coldScaling.toFixed(2)}× without (target ≤ 2×: ${Math.max(scaling, coldScaling) <= 2 ? "ok" : "MISSED"})\n`,
  );
if (growth !== undefined)
  process.stdout.write(
    `100 → 1,000 Puskesmas, no cache: ${growth.toFixed(2)}× the wall time, ${growthCpu.toFixed(2)}× the CPU time; ` +
      `with the cache ${growthWarm.toFixed(2)}× the CPU time ` +
      `(target ≤ 11×: ${Math.max(growth, growthCpu, growthWarm) <= 11 ? "ok" : "MISSED"})\n`,
  );
if (rankScaling !== undefined)
  process.stdout.write(
    `write-back of 500 problems: ${rankScaling.toFixed(2)}× the time of 50 (target ≤ 10×: ` +
      `${rankScaling <= 10 ? "ok" : "MISSED"})\n`,
  );
const report = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  runs,
  results,
  scaling_10y_over_5y: scaling === undefined ? null : Number(scaling.toFixed(2)),
  scaling_10y_over_5y_no_cache: coldScaling === undefined ? null : Number(coldScaling.toFixed(2)),
  growth_1000_over_100: growth === undefined ? null : Number(growth.toFixed(2)),
  growth_1000_over_100_cpu: growthCpu === undefined ? null : Number(growthCpu.toFixed(2)),
  growth_1000_over_100_cpu_cached: growthWarm === undefined ? null : Number(growthWarm.toFixed(2)),
  rank_write_500_over_50: rankScaling === undefined ? null : Number(rankScaling.toFixed(2)),
};
writeFileSync(path.join(outDir, "results.json"), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`written: ${path.join(outDir, "results.json")}\n`);
