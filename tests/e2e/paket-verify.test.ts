// What `summary` still verifies now that it reads less of a package: lokmin.yaml, whose verified
// copy is reused for the next month of the same Puskesmas only when its compressed bytes are the
// very same, and check.json, which the summary no longer parses when the manifest carries what it
// needs, are both still held to their manifest checksums.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { loadOverview, newDinasState } from "../../src/app/dinas/data.js";
import { copyWorkspace, lokmin, lokminBin, REPO, tempDir } from "../helpers.js";

const YEAR = path.join(REPO, "tests", "fixtures", "year");
const env = { LOKMIN_TODAY: "2024-07-02", LOKMIN_NO_CACHE: "1" };

/** The same text with one letter changed: same length, so only the checksum can tell. */
const oneLetter = (bytes: Uint8Array, from: string, to: string) => {
  const text = strFromU8(bytes);
  expect(text).toContain(from);
  expect(from.length).toBe(to.length);
  return strToU8(text.replace(from, to));
};

describe("summary verifies every file of a package, also those it does not read", () => {
  let may: Uint8Array;
  let june: Uint8Array;
  beforeAll(async () => {
    const root = copyWorkspace(YEAR);
    const out = tempDir("lokmin-paket-");
    for (const month of ["2024-03", "2024-06"]) {
      const r = await lokmin(["-C", root, "paket", month, "--out", path.join(out, `${month}.zip`)], { env });
      expect(r.status, r.stderr).toBe(0);
    }
    may = readFileSync(path.join(out, "2024-03.zip"));
    june = readFileSync(path.join(out, "2024-06.zip"));
  });

  async function summary(packages: Record<string, Uint8Array>) {
    const dir = tempDir("lokmin-kiriman-");
    for (const [name, bytes] of Object.entries(packages)) writeFileSync(path.join(dir, name), bytes);
    const r = await lokmin(["summary", dir, "--json"], { env });
    return { status: r.status, entries: JSON.parse(r.stdout).workspaces as Array<Record<string, unknown>> };
  }

  it("a lokmin.yaml changed after packing is refused even after an earlier month's verified copy", async () => {
    const files = unzipSync(june);
    // The manifest still names the lokmin.yaml both months share; the bytes in the zip differ.
    expect(unzipSync(may)["lokmin.yaml"]).toEqual(files["lokmin.yaml"]);
    const changed = oneLetter(files["lokmin.yaml"], "Rimba", "Rimbo");
    const { status, entries } = await summary({
      "a-2024-03.zip": may,
      "b-2024-06.zip": zipSync({ ...files, "lokmin.yaml": changed }),
    });
    expect(status).toBe(2);
    const failed = entries.find((e) => e.dir === "b-2024-06.zip" || String(e.dir).endsWith("b-2024-06.zip"));
    expect(failed?.error).toContain("lokmin.yaml: checksum SHA-256 tidak cocok");
    const read = entries.find((e) => "months" in e) as { months: Array<{ month: string }> };
    expect(read.months.map((m) => m.month)).toEqual(["2024-03"]);
  });

  it("the same lokmin.yaml in the next month is accepted (its copy reused) and gives the same rows", async () => {
    const both = await summary({ "a-2024-03.zip": may, "b-2024-06.zip": june });
    const alone = await summary({ "b-2024-06.zip": june });
    expect(both.status).toBe(0);
    const months = (both.entries[0] as { months: Array<{ month: string }> }).months;
    expect(months.map((m) => m.month)).toEqual(["2024-03", "2024-06"]);
    expect(months[1]).toEqual((alone.entries[0] as { months: unknown[] }).months[0]);
  });

  it("a check.json changed after packing is refused, though summary takes its figures from the manifest", async () => {
    const files = unzipSync(june);
    const text = strFromU8(files["check.json"]);
    const changed = strToU8(text.replace(/"score": (\d)/, (_, d) => `"score": ${(Number(d) + 1) % 10}`));
    expect(strFromU8(changed)).not.toBe(text);
    const { status, entries } = await summary({ "b-2024-06.zip": zipSync({ ...files, "check.json": changed }) });
    expect(status).toBe(2);
    expect(entries[0].error).toContain("check.json: checksum SHA-256 tidak cocok");
  });
});

describe("summary over many packages reads half of them on a second thread", () => {
  it("gives the same entries, in the same order, errors in the person's language, as one thread", async () => {
    const root = copyWorkspace(YEAR);
    const dir = tempDir("lokmin-kiriman-");
    for (const month of ["2024-03", "2024-06"]) {
      const r = await lokmin(["-C", root, "paket", month, "--out", path.join(dir, `rimba-${month}.zip`)], { env });
      expect(r.status, r.stderr).toBe(0);
    }
    const june = unzipSync(readFileSync(path.join(dir, "rimba-2024-06.zip")));
    const tampered = oneLetter(june["check.json"], "findings", "findingz");
    // Sorted by name: the tampered one and a copy of June fall in the second half, the worker's.
    writeFileSync(path.join(dir, "x-tampered.zip"), zipSync({ ...june, "check.json": tampered }));
    writeFileSync(path.join(dir, "y-copy.zip"), readFileSync(path.join(dir, "rimba-2024-06.zip")));
    const run = (threads: string, lang: string) =>
      lokminBin(["--lang", lang, "summary", dir, "--json"], { env: { ...env, LOKMIN_THREADS: threads } });
    for (const lang of ["id", "en"]) {
      const one = run("1", lang);
      const two = run("2", lang);
      expect(two.status).toBe(2);
      expect(two.stdout).toBe(one.stdout);
      const entries = JSON.parse(two.stdout).workspaces as Array<{ dir: string; error?: string; months?: unknown[] }>;
      expect(entries.map((e) => path.basename(e.dir))).toEqual([
        "x-tampered.zip",
        path.basename(path.dirname(path.join(dir, "rimba-2024-03.zip"))),
      ]);
      expect(entries[0].error).toContain(
        lang === "id" ? "check.json: checksum SHA-256 tidak cocok" : "check.json: SHA-256 checksum does not match",
      );
      expect(entries[1].months).toHaveLength(2);
    }
  });
});

describe("the Dinas view's first look", () => {
  it("shows many packages from their manifests at once, then every checksum verified replaces it", async () => {
    const root = copyWorkspace(YEAR);
    const dir = tempDir("lokmin-dinas-");
    for (const month of ["2024-03", "2024-06"]) {
      const r = await lokmin(["-C", root, "paket", month, "--out", path.join(dir, `rimba-${month}.zip`)], { env });
      expect(r.status, r.stderr).toBe(0);
    }
    // June's rapat.yaml changed after packing, same length: only its SHA-256 can tell.
    const june = unzipSync(readFileSync(path.join(dir, "rimba-2024-06.zip")));
    const rapat = oneLetter(june["2024-06/rapat.yaml"], "Aula Puskesmas", "Aula Puskesmaz");
    writeFileSync(path.join(dir, "rimba-2024-06.zip"), zipSync({ ...june, "2024-06/rapat.yaml": rapat }));
    const ctx = { env: { LOKMIN_NO_CACHE: "1" }, today: "2024-07-02" };

    // Below the threshold (as a real folder of a few packages): verified before the page answers.
    const small = newDinasState(dir);
    const whole = await loadOverview(small, ctx);
    expect(whole.unverified).toBe(0);
    expect(small.verifying).toBeUndefined();
    expect(whole.overview.errors.map((e) => path.basename(e.dir))).toEqual(["rimba-2024-06.zip"]);

    // A first look (the threshold lowered to these two): both shown, both said to be unverified.
    const dinas = newDinasState(dir);
    const first = await loadOverview(dinas, ctx, false, 1);
    expect(first.unverified).toBe(2);
    expect(first.overview.errors).toEqual([]);
    expect(first.overview.puskesmas[0].entry.months.map((m) => m.month)).toEqual(["2024-03", "2024-06"]);
    expect(dinas.verifying).toBeDefined();
    await dinas.verifying;
    // The full read replaced it: the changed package is listed with its error, the other still read.
    const after = await loadOverview(dinas, ctx, false, 1);
    expect(after.unverified).toBe(0);
    expect(after.overview).toEqual(whole.overview);
    expect(after.overview.errors[0].error).toContain("2024-06/rapat.yaml: checksum SHA-256 tidak cocok");
  });
});
