// Bundles src/ into dist/ with esbuild: our code and every library in one ESM graph (fewer files
// to resolve and compile at start-up; unused parts such as zod's 40 locales are dropped; users
// download nothing but the bundle), code-split so each command loads only what it uses: docx,
// handlebars, the prompts and the chart library sit in chunks that only their commands import.

import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { dropZodLocales, schemaFingerprint } from "./esbuild-shared.mjs";

// `npm install -g .` in a fresh clone runs this (prepare) before any devDependency is
// installed: say what works instead of a module-not-found stack.
const { build } = await import("esbuild").catch(() => {
  process.stderr.write(
    "lokmin: esbuild is not installed, so dist/ cannot be built. Run `npm ci` first; to install the\n" +
      "command from a clone: npm ci && npm pack && npm install -g ./lokmin-<version>.tgz (README, Development).\n",
  );
  process.exit(1);
});

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: "src/cli/main.ts" },
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
  define: { __SCHEMA_FINGERPRINT__: JSON.stringify(schemaFingerprint) },
});

// The chart's one font file travels in dist/ (the font package is 12 MB of other faces).
const fontPackage = path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json"));
mkdirSync(new URL("../dist/fonts", import.meta.url), { recursive: true });
copyFileSync(path.join(fontPackage, "ttf", "DejaVuSans.ttf"), new URL("../dist/fonts/DejaVuSans.ttf", import.meta.url));
copyFileSync(path.join(fontPackage, "LICENSE"), new URL("../dist/fonts/LICENSE-DejaVu.txt", import.meta.url));

// Developer tools (the example generator) are built beside the CLI, never into the shipped dist/.
rmSync(new URL("../dist-dev", import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { generate: "dev/generate.ts", docs: "dev/docs.ts" },
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
