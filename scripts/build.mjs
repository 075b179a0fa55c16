// Bundles src/ into dist/ with esbuild: our code and the light dependencies in one ESM graph
// (fewer files to resolve and compile at start-up; unused parts such as zod's 40 locales are
// dropped), code-split so each command loads only what it uses. The heavy dependencies stay
// external and load only through dynamic import in the commands that need them.

import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { build } from "esbuild";

// The parse cache (src/io/cache.ts) is valid only for the exact schemas it was filled with.
const schemaFingerprint = createHash("sha1")
  .update(readFileSync(new URL("../src/domain/schema.ts", import.meta.url)))
  .update(readFileSync(new URL("../package.json", import.meta.url)))
  .digest("hex")
  .slice(0, 16);

// zod re-exports its ~40 message locales (≈ 360 KB); lokmin writes its own messages in
// Indonesian and English, so the bundle gets an empty locale set and starts faster.
const dropZodLocales = {
  name: "drop-zod-locales",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${"zod"}`) ? { path: "zod-locales", namespace: "lokmin-stub" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lokmin-stub" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: "src/cli/main.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: [
    "docxtemplater",
    "pizzip",
    "handlebars",
    "@inquirer/prompts",
    "pureimage",
    "dejavu-fonts-ttf",
    "mammoth",
    "jszip",
  ],
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
