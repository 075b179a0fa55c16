// The pieces of the single executable that run in plain Node too: the double-click decision
// (src/cli/sea-main.ts) and the run-time files read through src/io/assets.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type StartInfo, startedByDoubleClick } from "../../src/cli/sea-main.js";
import { assetFile, exampleFiles, FONT_ASSET, readAsset, readAssetText } from "../../src/io/assets.js";
import { EXAMPLE, REPO } from "../helpers.js";

describe("double-click start on Windows", () => {
  const explorer: StartInfo = {
    platform: "win32",
    argv: [],
    env: {},
    stdinIsTTY: true,
    stdoutIsTTY: true,
    parentName: () => "explorer.exe",
  };

  it("waits when Explorer started it without arguments on a console of its own", () => {
    expect(startedByDoubleClick(explorer)).toBe(true);
    expect(startedByDoubleClick({ ...explorer, parentName: () => "EXPLORER.EXE" })).toBe(true);
  });

  it("assumes a double-click when the parent cannot be named (a key press is cheaper than a vanished window)", () => {
    expect(startedByDoubleClick({ ...explorer, parentName: () => undefined })).toBe(true);
  });

  it("never waits in cmd (PROMPT set), PowerShell or Windows Terminal, nor with arguments, pipes or on Linux", () => {
    let asked = false;
    const parentName = () => {
      asked = true;
      return "explorer.exe";
    };
    const cmd = { ...explorer, env: { PROMPT: "$P$G" }, parentName };
    expect(startedByDoubleClick(cmd)).toBe(false);
    expect(asked).toBe(false); // cmd is recognised without starting tasklist
    expect(startedByDoubleClick({ ...explorer, parentName: () => "powershell.exe" })).toBe(false);
    expect(startedByDoubleClick({ ...explorer, parentName: () => "pwsh.exe" })).toBe(false);
    expect(startedByDoubleClick({ ...explorer, argv: ["--help"] })).toBe(false);
    expect(startedByDoubleClick({ ...explorer, stdinIsTTY: false })).toBe(false);
    expect(startedByDoubleClick({ ...explorer, stdoutIsTTY: false })).toBe(false);
    expect(startedByDoubleClick({ ...explorer, platform: "linux" })).toBe(false);
  });
});

describe("run-time files (assets) outside the executable", () => {
  it("reads the built-in templates, schemas and font from the package", () => {
    expect(readAssetText("templates/notulen.hbs")).toBe(
      readFileSync(path.join(REPO, "templates", "notulen.hbs"), "utf8"),
    );
    expect(JSON.parse(readAssetText("schema/rapat.schema.json"))).toHaveProperty("properties");
    expect(readAsset(FONT_ASSET).subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0])); // TrueType
    expect(readFileSync(assetFile(FONT_ASSET)).length).toBe(readAsset(FONT_ASSET).length);
  });

  it("lists the example workspace under example/ and reads it back", () => {
    const files = exampleFiles();
    expect(files).toContain("example/lokmin.yaml");
    expect(files).toContain("example/2024-05/rapat.yaml");
    expect(files.every((f) => f.startsWith("example/") && !f.includes("\\"))).toBe(true);
    expect(readAssetText("example/lokmin.yaml")).toBe(readFileSync(path.join(EXAMPLE, "lokmin.yaml"), "utf8"));
  });

  it("refuses names outside the asset folders", () => {
    expect(() => readAsset("templates/../package.json")).toThrow(/unknown asset/);
    expect(() => readAsset("src/cli/main.ts")).toThrow(/unknown asset/);
    expect(() => readAsset("templates/nope.hbs")).toThrow(/ENOENT/);
  });
});
