// What a person types into a one-line field of the app that looks like YAML, a line break or an
// invisible control character: YAML syntax is written as the very text typed (quoted where needed,
// no new key, no anchor, no tag), a line break or a control character is refused at the field and
// nothing is written. Through the app's handlers in-process, as the page's own form would send it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readData } from "../../src/io/yaml-source.js";
import { edit, formFields, testApp } from "../app-support.js";
import { copyWorkspace, MINI } from "../helpers.js";

const PAGE = "/pengaturan/identitas";

async function typeAddress(value: string) {
  const root = copyWorkspace(MINI);
  const yaml = path.join(root, "lokmin.yaml");
  const before = readFileSync(yaml, "utf8");
  const app = testApp(root);
  const fields = formFields(await (await app.get(PAGE)).text(), PAGE);
  const res = await app.post(PAGE, edit(fields, { "puskesmas.alamat": value }));
  const text = readFileSync(yaml, "utf8");
  return { res, before, text, data: readData(text) as { puskesmas: Record<string, unknown> } };
}

describe("a one-line field", () => {
  const keys = ["nama", "alamat", "kecamatan", "kabupaten_kota"];
  const yamlish = [
    "key: value",
    "a: b: c",
    "# comment",
    "a #b",
    "&anchor",
    "*alias",
    "!!python/object:os.system x",
    "- item",
    "{a: b}",
    "[x]",
    "'",
    '"',
    "@x",
    "`x",
    "%TAG ! tag:evil,2024:",
    "---",
    "...",
    "? x",
    "<<",
    "null",
    "~",
    "yes",
    "0x10",
    "1e3",
    "<img src=x onerror=alert(1)>",
  ];
  for (const value of yamlish)
    it(`writes ${JSON.stringify(value)} as that very text, under the one key typed into`, async () => {
      const { res, data, text, before } = await typeAddress(value);
      expect(res.status).toBe(303);
      expect(data.puskesmas.alamat).toBe(value);
      expect(Object.keys(data.puskesmas)).toEqual(keys);
      // Only the address line changed.
      const changed = text.split("\n").filter((line, i) => line !== before.split("\n")[i]);
      expect(changed).toHaveLength(1);
      expect(changed[0]).toMatch(/^ {2}alamat: /);
    });

  for (const value of ["Jl. A\nlogo: x", "Jl. A\rlogo: x", "Jl. A\u2028logo: x", "Jl. A\u0085x", "Jl. A\u000bx"])
    it(`refuses the line break in ${JSON.stringify(value)} at the field and writes nothing`, async () => {
      const { res, text, before } = await typeAddress(value);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("isian ini hanya satu baris");
      expect(text).toBe(before);
    });

  for (const value of ["A\u0000B", "\u001b[31mmerah", "A\u0007B", "A\u009bB", "A\u007fB"])
    it(`refuses the control character in ${JSON.stringify(value)} at the field and writes nothing`, async () => {
      const { res, text, before } = await typeAddress(value);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("isian ini memuat karakter tak terlihat");
      expect(text).toBe(before);
    });

  it("takes a tab inside the text and trims spaces and a byte-order mark around it", async () => {
    expect((await typeAddress("Jl.\tA")).data.puskesmas.alamat).toBe("Jl.\tA");
    expect((await typeAddress("\uFEFF Jl. B \t")).data.puskesmas.alamat).toBe("Jl. B");
  });
});
