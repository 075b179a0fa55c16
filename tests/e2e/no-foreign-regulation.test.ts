// Issue 28 point 1, as a class: a workspace under national rules only (no kabupaten regulation
// chosen) never reads "Perbup" or another kabupaten's name in anything lokmin writes for it — the
// month's YAML comments, the workbooks people fill, the editors' JSON Schema.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { expect, it } from "vitest";
import { copyWorkspace, lokmin, MINI } from "../helpers.js";

function textsUnder(dir: string): Array<[string, string]> {
  return readdirSync(dir).flatMap((name): Array<[string, string]> => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return textsUnder(file);
    if (name.endsWith(".xlsx"))
      return Object.entries(unzipSync(readFileSync(file)))
        .filter(([part]) => part.endsWith(".xml"))
        .map(([part, bytes]) => [`${file}:${part}`, strFromU8(bytes)]);
    return /\.(ya?ml|json)$/.test(name) ? [[file, readFileSync(file, "utf8")]] : [];
  });
}

it("a workspace under national rules reads no Perbup in its new month, workbooks or schema", async () => {
  const root = copyWorkspace(MINI);
  expect(readFileSync(path.join(root, "lokmin.yaml"), "utf8")).not.toContain("pembinaan:");
  expect((await lokmin(["-C", root, "new", "2024-03"])).status).toBe(0);
  expect((await lokmin(["-C", root, "form", "2024-03"])).status).toBe(0);
  expect((await lokmin(["-C", root, "schema"])).status).toBe(0);
  // lokmin.yaml's own schema names the regulation profiles one can choose; every other schema is the month's.
  const texts = [...textsUnder(path.join(root, "2024-03")), ...textsUnder(path.join(root, ".lokmin"))].filter(
    ([file]) => !file.endsWith("lokmin.schema.json"),
  );
  expect(texts.length).toBeGreaterThan(5);
  for (const [file, text] of texts) expect(text, file).not.toMatch(/Perbup|Musi Rawas|Peraturan Bupati/);
});
