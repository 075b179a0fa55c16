// The layout's promises, held by tests: the domain is pure (no node:*, no YAML layer, no clock),
// the layers import only downwards (commands → ops → io/render/domain; no command imports another),
// `--help` loads no operation and no heavy library, a rule group can emit only the ids it declares,
// and every registry-derived surface (CLI choices) follows its registry.
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
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(full) ? [full] : [];
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

/** The src/ files a source file imports (static, bare and dynamic), as paths relative to the repository. */
function localImports(rel: string): string[] {
  const text = readFileSync(path.join(REPO, rel), "utf8");
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)"(\.[^"]+)"/g)].map((m) => m[1]);
  return specifiers.map((s) =>
    path
      .relative(REPO, path.resolve(REPO, path.dirname(rel), s))
      .split(path.sep)
      .join("/")
      .replace(/\.js$/, ".ts"),
  );
}

describe("layers import only downwards", () => {
  const inLayer = (layer: string) =>
    files(path.join(REPO, "src", layer)).map((f) => path.relative(REPO, f).split(path.sep).join("/"));
  const offending = (layer: string, forbidden: (target: string, from: string) => boolean) =>
    inLayer(layer).flatMap((from) =>
      localImports(from)
        .filter((target) => forbidden(target, from))
        .map((t) => `${from} → ${t}`),
    );

  it("no command imports another command (what they share lives in src/ops or src/cli)", () => {
    expect(offending("commands", (target, from) => target.startsWith("src/commands/") && target !== from)).toEqual([]);
  });

  it("the browser app calls operations, never a command's code", () => {
    expect(offending("app", (target) => target.startsWith("src/commands/"))).toEqual([]);
  });

  it("operations import neither the CLI nor a command (the browser app calls them too)", () => {
    expect(offending("ops", (target) => target.startsWith("src/cli/") || target.startsWith("src/commands/"))).toEqual(
      [],
    );
  });

  it("the domain imports no operation; rendering imports no check rule, operation or command", () => {
    expect(offending("domain", (target) => target.startsWith("src/ops/"))).toEqual([]);
    const upwards = (target: string) =>
      target.startsWith("src/domain/check/rules/") || /^src\/(ops|commands|cli)\//.test(target);
    expect(offending("render", upwards)).toEqual([]);
    expect(offending("io", (target) => /^src\/(ops|commands|cli)\//.test(target))).toEqual([]);
  });

  it("commands open the workspace through an operation, not with loadWorkspace or the parse cache themselves", () => {
    // summary reads other workspaces and package zips, not the workspace it runs in.
    const own = inLayer("commands").filter((file) => !file.endsWith("/summary.ts"));
    const loading = own.filter((file) =>
      /\bloadWorkspace\(|new ParseCache\(/.test(readFileSync(path.join(REPO, file), "utf8")),
    );
    expect(loading).toEqual([]);
  });

  it("the guard sees imports: it would catch commands/paket.ts importing commands/check.ts", () => {
    expect(localImports("src/commands/paket.ts")).toContain("src/ops/paket.ts");
    expect(localImports("src/ops/render.ts")).toContain("src/ops/pdf.ts"); // a dynamic import() counts too
  });
});

describe("--help loads only the command table", () => {
  /** The sources bundled into dist/cli.js and every chunk it imports statically (read from their source maps). */
  function startupSources(): string[] {
    const dist = path.join(REPO, "dist");
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(path.join(dist, file), "utf8");
      for (const m of text.matchAll(/^import\s[^;]*?from\s*"\.\/([^"]+)"/gm)) visit(m[1]);
      for (const m of text.matchAll(/^import\s*"\.\/([^"]+)"/gm)) visit(m[1]);
    };
    visit("cli.js");
    return [...seen].flatMap(
      (file) => (JSON.parse(readFileSync(path.join(dist, `${file}.map`), "utf8")) as { sources: string[] }).sources,
    );
  }

  it("no operation, command, DOCX writer, Handlebars, spreadsheet, chart or prompt loads before a command", () => {
    const sources = startupSources();
    expect(sources.some((s) => s.endsWith("src/cli/main.ts"))).toBe(true);
    const ours = /src\/(ops|commands)\/|src\/render\/(docx|render|context)\.ts/;
    const libraries = /node_modules\/(exceljs|handlebars|pureimage|@inquirer|docxtemplater)\//;
    expect(sources.filter((s) => ours.test(s) || libraries.test(s))).toEqual([]);
  });
});

describe("rule groups", () => {
  it("a group that reports an id it did not declare is a bug lokmin refuses", () => {
    const group = defineRules<"uji/satu", null>({
      rules: { "uji/satu": { severity: "error", source: { kind: "lokmin" }, what: msg("a", "a"), fix: msg("b", "b") } },
      run: (_ctx, report) => report("uji/dua" as "uji/satu", { file: "x.yaml", message: "salah" }),
    });
    expect(() => runGroup(group, null)).toThrow(/uji\/dua/);
  });

  it("a report that leaves its severity undefined gets the rule's own", () => {
    const group = defineRules<"uji/satu", null>({
      rules: {
        "uji/satu": { severity: "warning", source: { kind: "lokmin" }, what: msg("a", "a"), fix: msg("b", "b") },
      },
      run: (_ctx, report) => report("uji/satu", { file: "x.yaml", message: "salah", severity: undefined }),
    });
    expect(runGroup(group, null)[0].severity).toBe("warning");
  });
});

describe("registries drive the CLI", () => {
  it("rank --metode offers every method usable for problems", () => {
    const option = COMMANDS.find((c) => c.name === "rank")?.options?.find((o) => o.flags.startsWith("--metode "));
    expect(option?.choices).toEqual(PROBLEM_METHODS);
    expect(PROBLEM_METHODS).toContain("reinke");
  });
});
