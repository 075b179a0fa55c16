// Bundles src/ into dist/ with esbuild: our code in one ESM graph, dependencies left
// external so heavy ones (docx, handlebars, prompts) load only through dynamic import.
import { build } from "esbuild";
import { rmSync } from "node:fs";

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: "src/cli.ts", generate: "src/dev/generate.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
});
