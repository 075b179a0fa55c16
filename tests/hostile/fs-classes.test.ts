// Classes of file-system trouble a hostile tester found, each through the whole CLI: any special
// file (FIFO, link to /dev/zero, link out of the workspace, folder, a file too big, a looping link)
// where lokmin expects a YAML file, a package member or its lock is named with what to do, never an
// internal error or a hang; advice names only options the command has; Ctrl-C after a write says
// what was written; a symbolic link is written through, not replaced by a copy; deep nesting is
// not called an alias bomb; a tag on a written-back value stays.
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyYamlEdits } from "../../src/io/yaml-patch.js";
import { writeFileAtomic } from "../../src/io/write.js";
import { copyWorkspace, lokmin, lokminRunner, MINI, startLokmin, tempDir, waitUntil } from "../helpers.js";

const posix = process.platform !== "win32";
const R = "2024-02/rapat.yaml";
const noInternal = (r: { stdout: string; stderr: string }) => {
  expect(r.stdout + r.stderr).not.toContain("kesalahan internal");
  expect(r.stdout + r.stderr).not.toMatch(/\bE[A-Z]{3,}: /);
};

/**
 * Run a command out of the test's process, with a hard timeout: a command that hangs (a FIFO read
 * as a file) fails the test instead of hanging the run. One runner process serves the whole file.
 */
const runner = lokminRunner();
const bin = (ws: string, args: string[]) =>
  runner.run(["-C", ws, ...args], { env: { LOKMIN_NO_CACHE: "1", LOKMIN_LOCK_WAIT_MS: "1000" } });

/** Put something that is not a readable YAML file at `rel`. */
const SPECIALS: Record<string, (ws: string, abs: string) => void> = {
  fifo: (_ws, abs) => execFileSync("mkfifo", [abs]),
  "link to /dev/zero": (_ws, abs) => symlinkSync("/dev/zero", abs),
  "link out of the workspace": (_ws, abs) => {
    const outside = path.join(tempDir(), "rahasia.yaml");
    writeFileSync(outside, "rahasia: 1\n");
    symlinkSync(outside, abs);
  },
  folder: (_ws, abs) => mkdirSync(abs),
  "file over 5 MB": (_ws, abs) => writeFileSync(abs, `catatan: "${"x".repeat(6 * 1024 * 1024)}"\n`),
  "looping link": (_ws, abs) => symlinkSync(path.basename(abs), abs),
};

function replaceWith(ws: string, rel: string, kind: string) {
  const abs = path.join(ws, rel);
  rmSync(abs, { force: true });
  SPECIALS[kind](ws, abs);
}

describe.runIf(posix)("paket with a month file that cannot be read", () => {
  for (const kind of Object.keys(SPECIALS)) {
    it(`rapat.yaml as a ${kind}: the package is built, the file named as left out (no internal error)`, async () => {
      const ws = copyWorkspace(MINI);
      replaceWith(ws, R, kind);
      const out = path.join(tempDir(), "paket.zip");
      const r = await bin(ws, ["paket", "2024-02", "--out", out]);
      noInternal(r);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain(`tidak dimasukkan ke paket: ${R}`);
      expect(statSync(out).size).toBeGreaterThan(0);
    });
  }

  it("a program file that is a link to /dev/zero is named too, not silently dropped", async () => {
    const ws = copyWorkspace(MINI);
    replaceWith(ws, "2024-02/program/gizi.yaml", "link to /dev/zero");
    const r = await bin(ws, ["paket", "2024-02", "--out", path.join(tempDir(), "p.zip")]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("tidak dimasukkan ke paket: 2024-02/program/gizi.yaml");
  });
});

describe.runIf(posix)("a special file as the workspace lock", () => {
  for (const kind of ["fifo", "link to /dev/zero", "folder"]) {
    const title = `.lokmin/lock as a ${kind}: every writer stops at once with exit 2, naming the lock and what to do`;
    it(title, async () => {
      const ws = copyWorkspace(MINI);
      mkdirSync(path.join(ws, ".lokmin"), { recursive: true });
      replaceWith(ws, ".lokmin/lock", kind);
      const before = readFileSync(path.join(ws, R), "utf8");
      for (const args of [
        ["rank", "2024-02", "--write"],
        ["carry", "2024-02"],
        ["new", "2024-03"],
      ]) {
        const r = await bin(ws, args);
        expect(r.status, `${args.join(" ")}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toContain(path.join(ws, ".lokmin/lock"));
        expect(r.stderr).toMatch(/bukan berkas biasa.*hapus/);
      }
      expect(readFileSync(path.join(ws, R), "utf8")).toBe(before);
    });
  }
});

describe("advice names only options the command has", () => {
  it.runIf(posix)("a read-only rapat.yaml: rank --write advises --force, and rank --write --force works", async () => {
    const ws = copyWorkspace(MINI);
    const file = path.join(ws, R);
    writeFileSync(file, readFileSync(file, "utf8").replace("peringkat: 1", "peringkat: 2"));
    chmodSync(file, 0o444);
    const refused = await lokmin(["-C", ws, "rank", "2024-02", "--write"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("--force");
    const forced = await lokmin(["-C", ws, "rank", "2024-02", "--write", "--force"]);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("peringkat: 1");
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it("carry and import accept --force (no 'opsi tidak dikenal')", async () => {
    const ws = copyWorkspace(MINI);
    for (const args of [
      ["carry", "2024-02", "--force"],
      ["import", "2024-02", "--force"],
    ]) {
      const r = await lokmin(["-C", ws, ...args]);
      expect(r.stderr).not.toContain("tidak dikenal");
    }
  });

  it.runIf(posix)("a write without a --force option never advises --force", () => {
    const dir = tempDir();
    const file = path.join(dir, "a.yaml");
    writeFileSync(file, "a: 1\n");
    chmodSync(file, 0o444);
    expect(() => writeFileAtomic(file, "a: 2\n", { overwrite: true, label: "a.yaml" })).toThrow(/Read-only/);
    try {
      writeFileAtomic(file, "a: 2\n", { overwrite: true, label: "a.yaml" });
    } catch (error) {
      expect((error as Error).message).not.toContain("--force");
    }
    try {
      writeFileAtomic(file, "a: 2\n", { overwrite: false, label: "a.yaml" });
    } catch (error) {
      expect((error as Error).message).not.toContain("--force");
    }
  });
});

describe.runIf(posix)("Ctrl-C after a write", () => {
  it("arriving once rank --write has written and reported: its success stands (a real SIGINT)", async () => {
    const ws = copyWorkspace(MINI);
    const file = path.join(ws, R);
    writeFileSync(file, readFileSync(file, "utf8").replace("peringkat: 1", "peringkat: 2"));
    // The signal arrives right after rapat.yaml is renamed into place (the worst moment); an
    // interval keeps the process alive until the signal has been handled, however late that is.
    const preload = path.join(tempDir(), "sigint-after-write.mjs");
    writeFileSync(
      preload,
      [
        'import { createRequire, syncBuiltinESMExports } from "node:module";',
        'const fs = createRequire(import.meta.url)("node:fs");',
        "const rename = fs.renameSync;",
        "fs.renameSync = (from, to) => {",
        "  rename(from, to);",
        '  if (String(to).endsWith("rapat.yaml")) {',
        "    const alive = setInterval(() => {}, 1000);",
        '    process.prependOnceListener("SIGINT", () => clearInterval(alive));',
        '    process.kill(process.pid, "SIGINT");',
        "  }",
        "};",
        "syncBuiltinESMExports();",
      ].join("\n"),
    );
    const rank = startLokmin(["-C", ws, "rank", "2024-02", "--write"], {
      env: { LOKMIN_NO_CACHE: "1" },
      nodeArgs: ["--import", preload],
    });
    const { status, signal, stdout, stderr } = await rank.done;
    expect(readFileSync(file, "utf8")).toContain("peringkat: 1");
    expect(stderr).not.toContain("dibatalkan");
    expect([status, signal]).toEqual([0, null]);
    expect(stdout).toContain("ditulis ke 2024-02/rapat.yaml");
  });

  it("arriving after the documents were written, during the PDF step: names what was written", async () => {
    const ws = copyWorkspace(MINI);
    const dir = tempDir();
    // A stand-in for LibreOffice that says it has started (its pid in a file), then waits.
    const soffice = path.join(dir, "soffice");
    const started = path.join(dir, "soffice-started");
    writeFileSync(soffice, `#!/bin/sh\necho $$ > "${started}.tmp"\nmv "${started}.tmp" "${started}"\nexec sleep 600\n`);
    chmodSync(soffice, 0o755);
    const args = ["render", "2024-02", "--only", "notulen", "--out", path.join(dir, "out"), "--pdf"];
    const render = startLokmin(["-C", ws, ...args], { env: { LOKMIN_NO_CACHE: "1", LOKMIN_SOFFICE: soffice } });
    let result: Awaited<typeof render.done>;
    try {
      await render.output("notulen.docx");
      await waitUntil("the PDF step to start LibreOffice", () => existsSync(started));
      render.child.kill("SIGINT");
      result = await render.done;
    } finally {
      if (existsSync(started)) process.kill(Number(readFileSync(started, "utf8")), "SIGKILL");
    }
    const { status, signal, stderr } = result;
    expect([status, signal]).toEqual([130, null]);
    expect(stderr).toMatch(/dibatalkan — tetapi \S*2024-02-notulen\.docx sudah selesai ditulis/);
    expect(existsSync(path.join(ws, ".lokmin/lock")), "the lock is released on Ctrl-C").toBe(false);
  });
});

describe.runIf(posix)("symbolic link loops and special files are reported as what they are", () => {
  it("a looping rapat.yaml: check says so (no advice to run new --lengkapi), new --lengkapi names it", async () => {
    const ws = copyWorkspace(MINI);
    replaceWith(ws, R, "looping link");
    const check = await lokmin(["-C", ws, "check", "2024-02"]);
    expect(check.stdout + check.stderr).toContain("tautan simbolik yang berputar");
    expect(check.stdout + check.stderr).not.toContain("--lengkapi");
    const complete = await lokmin(["-C", ws, "new", "2024-02", "--lengkapi"]);
    expect(complete.status).toBe(2);
    expect(complete.stderr).toContain(`${R} adalah tautan simbolik yang berputar`);
    expect(complete.stderr).toContain(`hapus ${R}`);
    noInternal(complete);
  });

  it("a FIFO as rapat.yaml: new --lengkapi names it instead of 'sudah lengkap'", async () => {
    const ws = copyWorkspace(MINI);
    replaceWith(ws, R, "fifo");
    const r = await lokmin(["-C", ws, "new", "2024-02", "--lengkapi"]);
    expect(r.status).toBe(2);
    expect(r.stdout).not.toContain("sudah lengkap");
    expect(r.stderr).toContain(`${R} adalah FIFO`);
  });

  it("a looping lokmin.yaml: check names it (not 'jalankan lokmin init'), init names it too", async () => {
    const ws = copyWorkspace(MINI);
    replaceWith(ws, "lokmin.yaml", "looping link");
    const check = await lokmin(["-C", ws, "check"]);
    expect(check.stdout + check.stderr).toContain("lokmin.yaml adalah tautan simbolik yang berputar");
    expect(check.stdout + check.stderr).not.toContain("lokmin init");
    for (const args of [
      ["init", ws, "--nama", "X"],
      ["init", ws, "--nama", "X", "--force"],
    ]) {
      const r = await lokmin(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("tautan simbolik yang berputar");
      noInternal(r);
    }
  });

  it("a raw file-system error no command explained is printed in words with its path, exit 2", async () => {
    const ws = copyWorkspace(MINI);
    // new --force moves the month to .lokmin/cadangan/: a file in the way of that folder fails the rename.
    mkdirSync(path.join(ws, ".lokmin"), { recursive: true });
    writeFileSync(path.join(ws, ".lokmin/cadangan"), "bukan folder");
    const r = await lokmin(["-C", ws, "new", "2024-02", "--force"]);
    expect(r.status).toBe(2);
    noInternal(r);
    expect(r.stderr).toContain(".lokmin/cadangan");
  });
});

describe.runIf(posix)("symbolic links are written through, never replaced by a copy", () => {
  it("rank --write into a rapat.yaml that links inside the workspace writes the target, keeps the link", async () => {
    const ws = copyWorkspace(MINI);
    const target = path.join(ws, "shared/r.yaml");
    mkdirSync(path.dirname(target));
    renameSync(path.join(ws, R), target);
    writeFileSync(target, readFileSync(target, "utf8").replace("peringkat: 1", "peringkat: 2"));
    chmodSync(target, 0o640);
    symlinkSync("../shared/r.yaml", path.join(ws, R));
    const r = await lokmin(["-C", ws, "rank", "2024-02", "--write"]);
    expect(r.status, r.stderr).toBe(0);
    expect(lstatSync(path.join(ws, R)).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toContain("peringkat: 1");
    expect(statSync(target).mode & 0o777).toBe(0o640);
  });

  it("export --out onto a link writes its target (mode kept); a new file is never executable", async () => {
    const ws = copyWorkspace(MINI);
    const dir = tempDir();
    const target = path.join(dir, "data.csv");
    writeFileSync(target, "lama\n");
    chmodSync(target, 0o600);
    symlinkSync("data.csv", path.join(dir, "link.csv"));
    const r = await lokmin(["-C", ws, "export", "--out", path.join(dir, "link.csv"), "--force"]);
    expect(r.status, r.stderr).toBe(0);
    expect(lstatSync(path.join(dir, "link.csv")).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).not.toBe("lama\n");
    expect(statSync(target).mode & 0o777).toBe(0o600);
    const fresh = await lokmin(["-C", ws, "export", "--out", path.join(dir, "baru.csv")]);
    expect(fresh.status, fresh.stderr).toBe(0);
    expect(statSync(path.join(dir, "baru.csv")).mode & 0o111).toBe(0);
  });

  it("a link inside the workspace to a file outside it is not written through", async () => {
    const ws = copyWorkspace(MINI);
    const outside = path.join(tempDir(), "di-luar.csv");
    writeFileSync(outside, "milik orang\n");
    symlinkSync(outside, path.join(ws, "out.csv"));
    const r = await lokmin(["-C", ws, "export", "--out", path.join(ws, "out.csv"), "--force"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("di luar folder workspace");
    expect(readFileSync(outside, "utf8")).toBe("milik orang\n");
    expect(lstatSync(path.join(ws, "out.csv")).isSymbolicLink()).toBe(true);
  });
});

describe("deeply nested YAML", () => {
  it("is reported as nesting too deep at its file and line, not as an alias bomb", async () => {
    const ws = copyWorkspace(MINI);
    writeFileSync(path.join(ws, "2024-02/program/dalam.yaml"), `x: ${"[".repeat(1000)}${"]".repeat(1000)}\n`);
    const r = await lokmin(["-C", ws, "check", "2024-02", "--json"]);
    const findings = (JSON.parse(r.stdout).findings ?? []) as Array<{ rule: string; file: string; line: number }>;
    const deep = findings.filter((f) => f.file === "2024-02/program/dalam.yaml");
    expect(deep.map((f) => f.rule)).toEqual(["yaml/depth"]);
    expect(deep[0].line).toBe(1);
    expect(r.stdout).not.toContain("billion");
  });
});

describe("tags on written-back values stay", () => {
  it("rank --write keeps `!!int` on peringkat and total", async () => {
    const ws = copyWorkspace(MINI);
    const file = path.join(ws, R);
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace("total: 12", "total: !!int 10").replace("peringkat: 1", "peringkat: !!int 3"));
    const r = await lokmin(["-C", ws, "rank", "2024-02", "--write"]);
    expect(r.status, r.stderr).toBe(0);
    const after = readFileSync(file, "utf8");
    expect(after).toContain("total: !!int 12");
    expect(after).toContain("peringkat: !!int 1");
  });

  it("an import-style set keeps `!!int` (kumulatif 444 → 449) and `!!float`, drops a tag that no longer fits", () => {
    const text = "indikator:\n  - id: k1\n    kumulatif: !!int 444 # dari isian\n    persen: !!float 1.5\n";
    const set = (p: (string | number)[], value: number | string) => ({ op: "set" as const, path: p, value });
    expect(applyYamlEdits(text, [set(["indikator", 0, "kumulatif"], 449)]).text).toBe(
      text.replace("!!int 444", "!!int 449"),
    );
    expect(applyYamlEdits(text, [set(["indikator", 0, "persen"], 2.25)]).text).toBe(
      text.replace("!!float 1.5", "!!float 2.25"),
    );
    expect(applyYamlEdits(text, [set(["indikator", 0, "kumulatif"], 4.5)]).text).toBe(text.replace("!!int 444", "4.5"));
  });
});
