// The parse cache lives outside the workspace and never hides a change: a file edited after a
// cached run is read again, a broken file is never served from the cache, and an entry or blob
// that was tampered with is discarded and recomputed, never believed.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyWorkspace, lokminBin, lokminRunner, MINI, snapshot, tempDir } from "../helpers.js";

// The cache needs the build's schema fingerprint, so these tests run the built CLI out of the test's
// process. The parse cache's tests share one runner process (each command opens the cache file
// afresh, as a new process does); the chart blobs' test starts a process per command, because a
// process also remembers the blobs it made in memory.
const runner = lokminRunner();
const lokmin = (args: string[], options: { env?: Record<string, string> } = {}) => runner.run(args, options);
const fresh = async (args: string[], options: { env?: Record<string, string> } = {}) => lokminBin(args, options);

describe("parse cache", () => {
  it("fills a cache outside the workspace, and an edit after a cached run is seen", async () => {
    const cacheDir = tempDir("lokmin-cache-");
    const env = { LOKMIN_CACHE_DIR: cacheDir };
    const ws = copyWorkspace(MINI);
    const before = snapshot(ws);
    expect((await lokmin(["-C", ws, "check"], { env })).status).toBe(0);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith(".json"))).toHaveLength(1);
    expect(snapshot(ws)).toEqual(before);
    expect((await lokmin(["-C", ws, "check"], { env })).status).toBe(0);

    const file = path.join(ws, "2024-02/rapat.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("notulis: tu", "notulis: tux"));
    const edited = await lokmin(["-C", ws, "check", "--json"], { env });
    expect(edited.status).toBe(1);
    expect(JSON.parse(edited.stdout).findings.map((f: { rule: string }) => f.rule)).toContain("referensi/pegawai");

    writeFileSync(file, readFileSync(file, "utf8").replace("tempat: Aula", "tempt: Aula"));
    expect((await lokmin(["-C", ws, "check"], { env })).status).toBe(1);
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("tempt: Aula", "tempat: Aula").replace("notulis: tux", "notulis: tu"),
    );
    expect((await lokmin(["-C", ws, "check"], { env })).status).toBe(0);
  });

  it("LOKMIN_NO_CACHE=1 writes no cache", async () => {
    const cacheDir = tempDir("lokmin-cache-");
    expect(
      (await lokmin(["-C", MINI, "check"], { env: { LOKMIN_CACHE_DIR: cacheDir, LOKMIN_NO_CACHE: "1" } })).status,
    ).toBe(0);
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it("an entry of the wrong shape, or with altered data, is discarded, never believed", async () => {
    const cacheDir = tempDir("lokmin-cache-");
    const env = { LOKMIN_CACHE_DIR: cacheDir };
    const ws = copyWorkspace(MINI);
    const clean = await lokmin(["-C", ws, "check", "--json"], { env });
    expect(clean.status).toBe(0);
    const cacheFile = path.join(
      cacheDir,
      readdirSync(cacheDir).find((f) => f.endsWith(".json"))!,
    );
    const stored = JSON.parse(readFileSync(cacheFile, "utf8"));
    const key = Object.keys(stored.entries).find((k) => k.endsWith("2024-02/rapat.yaml"))!;
    // Wrong shape: the data is a string where an object belongs.
    stored.entries[key].data = "rusak";
    writeFileSync(cacheFile, JSON.stringify(stored));
    const shape = await lokmin(["-C", ws, "check", "--json"], { env });
    expect(shape.status, shape.stderr).toBe(0);
    expect(JSON.parse(shape.stdout).findings).toEqual(JSON.parse(clean.stdout).findings);
    // Altered data that still fits the schema: a different meeting place.
    const again = JSON.parse(readFileSync(cacheFile, "utf8"));
    again.entries[key].data.notulis = "tux";
    writeFileSync(cacheFile, JSON.stringify(again));
    const altered = await lokmin(["-C", ws, "check", "--json"], { env });
    expect(JSON.parse(altered.stdout).findings).toEqual(JSON.parse(clean.stdout).findings);
    // A cache file that is not JSON at all.
    writeFileSync(cacheFile, "{ not json");
    expect((await lokmin(["-C", ws, "check"], { env })).status).toBe(0);
  });

  it("a garbage chart blob is made again instead of being embedded", async () => {
    const cacheDir = tempDir("lokmin-cache-");
    const env = { LOKMIN_CACHE_DIR: cacheDir };
    const ws = copyWorkspace(MINI);
    const out = tempDir("lokmin-out-");
    expect((await fresh(["-C", ws, "render", "2024-02", "--only", "tren", "--out", out], { env })).status).toBe(0);
    const blobs = path.join(cacheDir, "blobs");
    for (const name of readdirSync(blobs)) writeFileSync(path.join(blobs, name), "bukan gambar");
    const second = tempDir("lokmin-out-");
    const r = await fresh(["-C", ws, "render", "2024-02", "--only", "tren", "--out", second], { env });
    expect(r.status, r.stderr).toBe(0);
    const docx = readFileSync(path.join(second, "2024-02-tren.docx"));
    expect(docx.includes(Buffer.from("bukan gambar"))).toBe(false);
    for (const name of readdirSync(blobs))
      expect(readFileSync(path.join(blobs, name)).subarray(32, 36).toString("latin1")).toBe("\x89PNG");
  });
});
