#!/usr/bin/env node
// Entry point installed as `lokmin`: runs the bundled CLI from dist/ (built by `npm ci`).
import { existsSync } from "node:fs";
const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write("lokmin: dist/cli.js tidak ada. Jalankan `npm ci` atau `npm run build` dulu.\n");
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
