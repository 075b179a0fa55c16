// `npm run bench`: start-up and scaling of lokmin, measured in one run as ratios to a bare
// `node -e 0` start measured alongside (the floor no Node CLI can beat). Each scenario runs
// several times, interleaved with the others; the median wall time and the peak memory are
// reported as a table and written to bench/out/results.json. Targets come from the issue.
// When `npm run package` has built release/lokmin-linux-x64, the single executable is measured
// too, against a bare start of the very Node binary it embeds.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg("runs", "7"));
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
generate(big, 10, 30);
generate(half, 5, 30);
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

const samples = Object.fromEntries(scenarios.map((s) => [s.id, { ms: [], kb: [] }]));
for (let i = 0; i < runs; i++) {
  for (const s of scenarios) {
    s.before?.();
    const argv = s.raw || s.exec ? s.args : [cli, ...s.args];
    const start = performance.now();
    const r = spawnSync(s.exec ?? process.execPath, argv, {
      encoding: "utf8",
      env: { ...process.env, LOKMIN_REPORT_RSS: "1", NO_COLOR: "1", LOKMIN_CACHE_DIR: cacheDir, ...s.env },
    });
    const ms = performance.now() - start;
    if (r.status !== 0 && r.status !== 1) {
      process.stderr.write(`${s.label} failed (${r.status}):\n${r.stderr}\n`);
      process.exit(1);
    }
    samples[s.id].ms.push(ms);
    samples[s.id].kb.push(Number(/lokmin-max-rss-kb=(\d+)/.exec(r.stderr)?.[1] ?? 0));
  }
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const results = scenarios.map((s) => {
  const ms = median(samples[s.id].ms);
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
  return {
    id: s.id,
    label: s.label,
    median_ms: Math.round(ms),
    ratio: Number(ratio.toFixed(2)),
    peak_mb: Number(mb.toFixed(1)),
    target: verdict,
  };
});
const byId = Object.fromEntries(results.map((r) => [r.id, r]));
const scaling = byId["check-10y"].median_ms / byId["check-5y"].median_ms;
const coldScaling = byId["check-10y-cold"].median_ms / byId["check-5y-cold"].median_ms;
const rankScaling = byId["rank-write-500"].median_ms / byId["rank-write-50"].median_ms;

const rows = [
  ["scenario", "median ms", "× node", "peak MB", "target"],
  ...results.map((r) => [r.label, String(r.median_ms), r.ratio.toFixed(2), r.peak_mb.toFixed(1), r.target]),
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
for (const [index, row] of rows.entries()) {
  process.stdout.write(
    `${row.map((cell, i) => (i === 0 || i === 4 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ")}\n`,
  );
  if (index === 0) process.stdout.write(`${widths.map((w) => "-".repeat(w)).join("  ")}\n`);
}
process.stdout.write(
  `\ndoubling the data (5 → 10 years): ${scaling.toFixed(2)}× the time with the cache, ` +
    `${coldScaling.toFixed(2)}× without (target ≤ 2×: ${Math.max(scaling, coldScaling) <= 2 ? "ok" : "MISSED"})\n` +
    `write-back of 500 problems: ${rankScaling.toFixed(2)}× the time of 50 (target ≤ 10×: ` +
    `${rankScaling <= 10 ? "ok" : "MISSED"})\n`,
);
const report = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  runs,
  results,
  scaling_10y_over_5y: Number(scaling.toFixed(2)),
  scaling_10y_over_5y_no_cache: Number(coldScaling.toFixed(2)),
  rank_write_500_over_50: Number(rankScaling.toFixed(2)),
};
writeFileSync(path.join(outDir, "results.json"), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`written: ${path.join(outDir, "results.json")}\n`);
