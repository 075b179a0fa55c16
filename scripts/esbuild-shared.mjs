// Pieces shared by the two builds of src/: dist/ (scripts/build.mjs) and the single executable
// (scripts/package.mjs).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// The parse cache (src/io/cache.ts) is valid only for the exact schemas it was filled with.
export const schemaFingerprint = createHash("sha1")
  .update(readFileSync(new URL("../src/domain/schema.ts", import.meta.url)))
  .update(readFileSync(new URL("../package.json", import.meta.url)))
  .digest("hex")
  .slice(0, 16);

// The package cache (src/io/package-cache.ts) keeps summaries computed by lokmin's code: it is valid
// only for the exact sources that computed them.
const sourceHash = createHash("sha1");
for (const file of readdirSync(new URL("../src", import.meta.url), { recursive: true })
  .map(String)
  .sort())
  if (/\.(ts|json)$/.test(file))
    sourceHash.update(file).update(readFileSync(new URL(`../src/${file}`, import.meta.url)));
export const sourceFingerprint = sourceHash
  .update(readFileSync(new URL("../package.json", import.meta.url)))
  .digest("hex")
  .slice(0, 16);

// zod re-exports its ~40 message locales (≈ 360 KB); lokmin writes its own messages in
// Indonesian and English, so the bundle gets an empty locale set and starts faster.
export const dropZodLocales = {
  name: "drop-zod-locales",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${"zod"}`) ? { path: "zod-locales", namespace: "lokmin-stub" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lokmin-stub" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

// The browser app's static files (`lokmin buka`), by the asset name src/io/assets.ts reads them
// under: our own stylesheet, script and icon, and htmx from its package (served by the app, never
// from a CDN). build.mjs copies them into dist/app/; package.mjs embeds them in the executable.
export function appAssetFiles() {
  const own = new URL("../src/app/assets/", import.meta.url);
  const htmx = new URL("../node_modules/htmx.org/dist/htmx.min.js", import.meta.url);
  return {
    "app/app.css": fileURLToPath(new URL("app.css", own)),
    "app/app.js": fileURLToPath(new URL("app.js", own)),
    "app/lihat.css": fileURLToPath(new URL("lihat.css", own)),
    "app/rapat.css": fileURLToPath(new URL("rapat.css", own)),
    "app/rapat.js": fileURLToPath(new URL("rapat.js", own)),
    "app/ikon.svg": fileURLToPath(new URL("ikon.svg", own)),
    "app/htmx.min.js": fileURLToPath(htmx),
  };
}
