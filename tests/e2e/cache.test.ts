// The parse cache lives outside the workspace and never hides a change: a file edited after a
// cached run is read again, and a broken file is never served from the cache.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyWorkspace, lokmin, MINI, snapshot, tempDir } from "../helpers.js";

describe("parse cache", () => {
  it("fills a cache outside the workspace, and an edit after a cached run is seen", () => {
    const cacheDir = tempDir("lokmin-cache-");
    const env = { LOKMIN_CACHE_DIR: cacheDir };
    const ws = copyWorkspace(MINI);
    const before = snapshot(ws);
    expect(lokmin(["-C", ws, "check"], { env }).status).toBe(0);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith(".json"))).toHaveLength(1);
    expect(snapshot(ws)).toEqual(before);
    expect(lokmin(["-C", ws, "check"], { env }).status).toBe(0);

    const file = path.join(ws, "2024-02/rapat.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("notulis: tu", "notulis: tux"));
    const edited = lokmin(["-C", ws, "check", "--json"], { env });
    expect(edited.status).toBe(1);
    expect(JSON.parse(edited.stdout).findings.map((f: { rule: string }) => f.rule)).toContain("referensi/pegawai");

    writeFileSync(file, readFileSync(file, "utf8").replace("tempat: Aula", "tempt: Aula"));
    expect(lokmin(["-C", ws, "check"], { env }).status).toBe(1);
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("tempt: Aula", "tempat: Aula").replace("notulis: tux", "notulis: tu"),
    );
    expect(lokmin(["-C", ws, "check"], { env }).status).toBe(0);
  });

  it("LOKMIN_NO_CACHE=1 writes no cache", () => {
    const cacheDir = tempDir("lokmin-cache-");
    expect(lokmin(["-C", MINI, "check"], { env: { LOKMIN_CACHE_DIR: cacheDir, LOKMIN_NO_CACHE: "1" } }).status).toBe(0);
    expect(readdirSync(cacheDir)).toEqual([]);
  });
});
