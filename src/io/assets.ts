// The one door to the files lokmin itself reads at run time (not the workspace's): the built-in
// templates, the JSON Schemas, the chart font, the example workspace and the browser app's files. Each has an asset
// name such as `templates/notulen.hbs`. In the single executable (`npm run package`, Node's SEA) the
// assets are embedded in the file and read with node:sea; otherwise they come from the package's
// own folders (the checkout, or the installed npm package). scripts/package.mjs embeds the same
// names from the same folders: keep SOURCES below and its list in step.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cacheDir } from "./cache.js";

/** Asset name prefix → folder in the package (the font comes from the dejavu-fonts-ttf package). */
const SOURCES: Record<string, string> = {
  "templates/": "templates",
  "schema/": "schema",
  "example/": "examples/puskesmas-sukamaju",
  // The browser app's files (`lokmin buka`), copied there by scripts/build.mjs (htmx from its package).
  "app/": "dist/app",
};
export const FONT_ASSET = "fonts/DejaVuSans.ttf";

type Sea = typeof import("node:sea");
let sea: Sea | null | undefined;

/** node:sea when running as the single executable, else null (plain `node`, tests). */
function embedded(): Sea | null {
  if (sea === undefined) {
    // node:sea exists since Node 20.12; it is loaded only here, on first use, so that
    // commands that read no asset never load it.
    const candidate = process.getBuiltinModule?.("node:sea") as Sea | undefined;
    sea = candidate?.isSea() ? candidate : null;
  }
  return sea;
}

/** The package folder: the one holding templates/, found by walking up from this module (src/io or dist/). */
let packageRoot: string | undefined;
function packageDir(): string {
  if (packageRoot) return packageRoot;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4 && !existsSync(path.join(dir, "templates", "notulen.hbs")); i++) dir = path.dirname(dir);
  packageRoot = dir;
  return dir;
}

/** Where an asset lives on disk outside the executable (it may not exist: examples/ is not in the npm package). */
function sourceFile(name: string): string {
  if (name === FONT_ASSET) {
    // dist/fonts holds the one face the build copied; a checkout without a build uses the package.
    const built = path.join(packageDir(), "dist", "fonts", "DejaVuSans.ttf");
    if (existsSync(built)) return built;
    const pkg = createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json");
    return path.join(path.dirname(pkg), "ttf", "DejaVuSans.ttf");
  }
  const prefix = Object.keys(SOURCES).find((p) => name.startsWith(p));
  const rest = prefix ? name.slice(prefix.length) : "";
  if (!prefix || !rest || rest.split("/").includes("..")) throw new Error(`unknown asset ${name}`);
  return path.join(packageDir(), SOURCES[prefix], ...rest.split("/"));
}

/** The bytes of an asset; throws (ENOENT) when it does not exist. */
export function readAsset(name: string): Buffer {
  const sea = embedded();
  if (!sea) return readFileSync(sourceFile(name));
  try {
    return Buffer.from(sea.getAsset(name));
  } catch {
    throw Object.assign(new Error(`asset ${name} is not embedded in this executable`), { code: "ENOENT" });
  }
}

export function readAssetText(name: string): string {
  return readAsset(name).toString("utf8");
}

/** The text of a built-in template (`templates/NAME.hbs`), or null when lokmin has none of that name. */
export function builtinTemplate(name: string): string | null {
  if (!/^[a-z0-9-]+$/.test(name)) return null;
  try {
    return readAssetText(`templates/${name}.hbs`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * A real file holding the asset, for libraries that only open paths (pureimage's fonts): the
 * package's own file, or in the executable a copy written once (per content) into lokmin's
 * cache folder, or the temporary folder if that cannot be written.
 */
export function assetFile(name: string): string {
  if (!embedded()) return sourceFile(name);
  const data = readAsset(name);
  const key = createHash("sha1").update(data).digest("hex").slice(0, 12);
  for (const base of [cacheDir(), tmpdir()]) {
    const file = path.join(base, `asset-${key}`, ...name.split("/"));
    try {
      if (existsSync(file) && statSync(file).size === data.length) return file;
      mkdirSync(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, data);
      renameSync(temporary, file);
      return file;
    } catch {
      // not writable: try the next folder
    }
  }
  throw new Error(`cannot write ${name} to a cache or temporary folder`);
}

/**
 * The example workspace's files, as names under `example/` (`example/lokmin.yaml`, …), for a
 * command that copies it out with readAsset. Empty when the package has no examples/ folder.
 */
export function exampleFiles(): string[] {
  const sea = embedded();
  // getAssetKeys: Node 24.8+, the runtime the executable embeds (not yet in @types/node 20).
  if (sea)
    return (sea as Sea & { getAssetKeys(): string[] })
      .getAssetKeys()
      .filter((key) => key.startsWith("example/"))
      .sort();
  const root = path.join(packageDir(), SOURCES["example/"]);
  if (!existsSync(root)) return [];
  return listFiles(root).map((rel) => `example/${rel}`);
}

/** Files under `dir` as `/`-separated relative paths, sorted; rendered output and temporary files are skipped. */
export function listFiles(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== "dokumen") out.push(...listFiles(dir, rel));
    } else if (entry.isFile() && !/\.tmp$|\.lokmin-tmp-/.test(entry.name)) out.push(rel);
  }
  return out.sort();
}
