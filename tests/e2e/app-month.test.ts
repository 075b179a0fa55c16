// The month's pages of the browser app through the handlers in-process (issue 27 point 4): each
// page of rapat.yaml sent back unchanged writes nothing; an edit changes only its values.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formFields, testApp } from "../app-support.js";
import { copyWorkspace, EXAMPLE } from "../helpers.js";

const PAGES = [
  "undangan",
  "kehadiran",
  "pembahasan",
  "masalah",
  "prioritas",
  "solusi",
  "rtl",
  "kesepakatan",
  "penutup",
];

describe("the month's pages", () => {
  it("sent back unchanged write nothing, on every page of a routine, a first and a quarterly month", async () => {
    const root = copyWorkspace(EXAMPLE);
    const app = testApp(root);
    for (const [month, pages] of [
      ["2024-05", PAGES],
      ["2024-04", PAGES],
      ["2024-01", [...PAGES, "pertama"]],
      ["2024-06", ["tribulanan"]],
    ] as const) {
      const file = path.join(root, month, pages[0] === "tribulanan" ? "tribulanan.yaml" : "rapat.yaml");
      const before = readFileSync(file, "utf8");
      for (const page of pages) {
        const url = `/bulan/${month}/${page}`;
        const res = await app.get(url);
        expect(res.status, url).toBe(200);
        const html = await res.text();
        const fields = formFields(html, url);
        const saved = await app.post(url, fields);
        if (saved.status !== 303)
          console.log(url, (await saved.text()).match(/<div class="flash error"[\s\S]*?<\/div>/)?.[0]);
        expect(saved.status, url).toBe(303);
        expect(readFileSync(file, "utf8"), url).toBe(before);
      }
    }
  });
});
