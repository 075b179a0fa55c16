// Bundles src/ into dist/ with esbuild: our code and every library in one ESM graph (fewer files
// to resolve and compile at start-up; unused parts such as zod's 40 locales are dropped; users
// download nothing but the bundle), code-split so each command loads only what it uses: the DOCX writer,
// handlebars, the prompts and the chart library sit in chunks that only their commands import.

import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { appAssetFiles, dropZodLocales, schemaFingerprint, sourceFingerprint } from "./esbuild-shared.mjs";

// `npm install -g .` in a fresh clone runs this (prepare) before any devDependency is
// installed: say what works instead of a module-not-found stack.
const { build } = await import("esbuild").catch(() => {
  process.stderr.write(
    "lokmin: esbuild is not installed, so dist/ cannot be built. Run `npm ci` first; to install the\n" +
      "command from a clone: npm ci && npm pack && npm install -g ./lokmin-<version>.tgz (README, Development).\n",
  );
  process.exit(1);
});

// dist/ is replaced file by file, and only where a file changed: a suite running meanwhile in the
// same checkout (its global setup builds too) never sees dist/ missing or half-written, and an
// unchanged build writes nothing. Files the build no longer makes are removed at the end.
const wanted = { dist: new Map(), "dist-dev": new Map() };
const root = fileURLToPath(new URL("..", import.meta.url));
const keep = (dir, file, contents) => wanted[dir].set(path.resolve(root, dir, file), Buffer.from(contents));
const keepOutputs = (dir, result) => {
  for (const file of result.outputFiles) wanted[dir].set(file.path, Buffer.from(file.contents));
};

function sync(dir) {
  for (const [file, contents] of wanted[dir]) {
    let same = false;
    try {
      same = readFileSync(file).equals(contents);
    } catch {
      // not there yet
    }
    if (same) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.build-${process.pid}`;
    writeFileSync(temp, contents);
    renameSync(temp, file);
  }
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!wanted[dir].has(full)) rmSync(full, { force: true });
    }
  };
  walk(path.resolve(root, dir));
}

const cli = await build({
  write: false,
  // summary-worker: the second thread of `summary` over many packages (src/ops/summary.ts).
  entryPoints: { cli: "src/cli/main.ts", "summary-worker": "src/ops/summary-worker.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  banner: {
    js:
      "import { createRequire as __lokminCreateRequire } from 'node:module'; const require = " +
      "__lokminCreateRequire(import.meta.url);",
  },
  sourcemap: "linked",
  logLevel: "warning",
  plugins: [dropZodLocales],
  define: {
    __SCHEMA_FINGERPRINT__: JSON.stringify(schemaFingerprint),
    __SOURCE_FINGERPRINT__: JSON.stringify(sourceFingerprint),
  },
});
keepOutputs("dist", cli);

// The chart's one font file travels in dist/ (the font package is 12 MB of other faces).
const fontPackage = path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json"));
keep("dist", "fonts/DejaVuSans.ttf", readFileSync(path.join(fontPackage, "ttf", "DejaVuSans.ttf")));
keep("dist", "fonts/LICENSE-DejaVu.txt", readFileSync(path.join(fontPackage, "LICENSE")));

// The browser app's static files (`lokmin buka`): src/io/assets.ts reads them from dist/app/.
for (const [name, file] of Object.entries(appAssetFiles())) keep("dist", name, readFileSync(file));

// The built-in templates precompiled into dist/, so `render` skips Handlebars' parser and compiler
// for them (about a third of its time). Each is keyed by a hash of the compile options and its
// source: src/render/render.ts uses it only when the templates/ file still has that text.
{
  const { default: Handlebars } = await import("handlebars");
  // The same options as src/render/render.ts compiles a workspace's templates with: the key below
  // only matches there (and the precompiled text is used) when they agree.
  const options = JSON.parse(readFileSync(new URL("../src/render/handlebars-options.json", import.meta.url), "utf8"));
  const optionsKey = JSON.stringify(options); // Handlebars adds to the options object it is given
  const dir = new URL("../templates/", import.meta.url);
  const entries = readdirSync(dir)
    .filter((f) => f.endsWith(".hbs"))
    .sort()
    .map((file) => {
      const source = readFileSync(new URL(file, dir), "utf8");
      const key = createHash("sha1").update(optionsKey).update("\0").update(source).digest("hex");
      const spec = Handlebars.precompile(source, structuredClone(options));
      return `  ${JSON.stringify(file.slice(0, -4))}: { key: ${JSON.stringify(key)}, spec: ${spec} },`;
    });
  keep(
    "dist",
    "builtin-templates.js",
    `// Generated by scripts/build.mjs from templates/*.hbs.\nexport const TEMPLATES = {\n${entries.join("\n")}\n};\n`,
  );
}
sync("dist");

// Developer tools (the example generator) are built beside the CLI, never into the shipped dist/.
const dev = await build({
  write: false,
  entryPoints: { generate: "dev/generate.ts", docs: "dev/docs.ts", schema: "dev/schema.ts" },
  outdir: "dist-dev",
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  banner: {
    js:
      "import { createRequire as __lokminCreateRequire } from 'node:module'; const require = " +
      "__lokminCreateRequire(import.meta.url);",
  },
  logLevel: "warning",
});
keepOutputs("dist-dev", dev);
sync("dist-dev");
