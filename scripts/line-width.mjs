// Part of `npm run lint`: no source line is wider than 120 characters (Prettier wraps code but
// leaves long strings alone, so this catches messages that need splitting).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const LIMIT = 120;
const roots = ["src", "dev", "scripts", "tests"];
const long = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      if (name !== "fixtures" && name !== ".tmp") walk(file); // tests/.tmp: scratch, ignored by git
    } else if (/\.(ts|mjs|js)$/.test(name)) {
      readFileSync(file, "utf8")
        .split(/\r?\n/)
        .forEach((line, i) => {
          if (line.length > LIMIT) long.push(`${file}:${i + 1}: ${line.length} characters`);
        });
    }
  }
};
for (const root of roots) walk(root);
if (long.length) {
  process.stderr.write(`Lines over ${LIMIT} characters:\n${long.join("\n")}\n`);
  process.exit(1);
}
