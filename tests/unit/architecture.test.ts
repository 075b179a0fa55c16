// The layout's promises, held by tests: the domain is pure (no node:*, no YAML layer, no clock),
// a rule group can emit only the ids it declares, and every registry-derived surface (CLI
// choices) follows its registry.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands.js";
import { defineRules, runGroup } from "../../src/domain/check/registry.js";
import { msg } from "../../src/i18n/index.js";
import { PROBLEM_METHODS } from "../../src/domain/rank/methods.js";
import { REPO } from "../helpers.js";

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith(".ts") ? [full] : [];
  });

describe("the domain is pure", () => {
  const domain = files(path.join(REPO, "src", "domain"));
  it.each(domain.map((f) => [path.relative(REPO, f)]))(
    "%s imports nothing from node:*, io/ or yaml, and reads no clock",
    (rel) => {
      const text = readFileSync(path.join(REPO, rel), "utf8");
      const imports = [...text.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
      expect(
        imports.filter((i) => i.startsWith("node:") || i.includes("/io/") || i === "yaml" || i === "js-yaml"),
      ).toEqual([]);
      expect(text).not.toMatch(/new Date\(\)|Date\.now\(\)|process\./);
    },
  );
});

describe("rule groups", () => {
  it("a group that reports an id it did not declare is a bug lokmin refuses", () => {
    const group = defineRules<"uji/satu", null>({
      rules: { "uji/satu": { severity: "error", source: { kind: "lokmin" }, what: msg("a", "a"), fix: msg("b", "b") } },
      run: (_ctx, report) => report("uji/dua" as "uji/satu", { file: "x.yaml", message: "salah" }),
    });
    expect(() => runGroup(group, null)).toThrow(/uji\/dua/);
  });
});

describe("registries drive the CLI", () => {
  it("rank --metode offers every method usable for problems", () => {
    const option = COMMANDS.find((c) => c.name === "rank")?.options?.find((o) => o.flags.startsWith("--metode "));
    expect(option?.choices).toEqual(PROBLEM_METHODS);
    expect(PROBLEM_METHODS).toContain("reinke");
  });
});
