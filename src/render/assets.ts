// The files lokmin ships and reads at run time: the built-in templates (templates/*.hbs) and the
// chart font. Every read of a built-in file goes through here, so shipping them another way
// (inside a single executable) changes only this module.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The package's own templates/ folder: found by walking up from this module (src/ or dist/). */
export const BUILTIN_TEMPLATES = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(path.join(dir, "templates", "notulen.hbs"))) return path.join(dir, "templates");
    dir = path.dirname(dir);
  }
  return path.join(dir, "templates");
})();

/** The text of a built-in template, or null when lokmin has none of that name. */
export function builtinTemplate(name: string): string | null {
  const file = path.join(BUILTIN_TEMPLATES, `${name}.hbs`);
  return existsSync(file) ? readFileSync(file, "utf8") : null;
}

/** The TrueType font the charts are drawn with (DejaVu Sans from the npm registry). */
export function chartFontFile(bold = false): string {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve("dejavu-fonts-ttf/package.json"));
  return path.join(dir, "ttf", bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf");
}
