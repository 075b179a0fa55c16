// Folders guarded like files: every folder lokmin reads or writes (a month, program/, pralokmin/,
// dokumen/, isian/, templates/, .lokmin/ and its subfolders, an --out folder), when something else
// stands in its place — a file, a link to a file, a looping link, a dangling link, a link out of the
// workspace, a FIFO, a device — makes each command that uses it stop with exit 2 naming the path,
// what it is and what to do (check: an error finding), and nothing is written: no final documents.
// Doing what the message says (moving the thing away) then lets the command run.
import { execFileSync } from "node:child_process";
import { cpSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyWorkspace as copyFixture, lokmin, MINI, tempDir } from "../helpers.js";

/**
 * A copy of a fixture workspace without a lock: another test file may be running a command in the
 * fixture itself at the moment it is copied, and its live lock would travel with the copy.
 */
function copyWorkspace(source: string): string {
  const ws = copyFixture(source);
  rmSync(path.join(ws, ".lokmin", "lock"), { force: true });
  return ws;
}

const posix = process.platform !== "win32";

/** Each kind of breakage: how to make it at `abs`, and words the message must use for it. */
interface Kind {
  make(abs: string, ws: string): void;
  says: RegExp;
}
const KINDS: Record<string, Kind> = {
  "regular file": {
    make: (abs) => writeFileSync(abs, "bukan folder\n"),
    says: /adalah berkas, bukan folder; pindahkan atau ganti nama/,
  },
  "link to a file": {
    make: (abs, ws) => symlinkSync(path.join(ws, "lokmin.yaml"), abs),
    says: /adalah tautan simbolik ke berkas .*lokmin\.yaml, bukan folder; hapus tautan/,
  },
  "looping link": {
    make: (abs) => symlinkSync(path.basename(abs), abs),
    says: /adalah tautan simbolik yang berputar .*bukan folder; hapus tautan/,
  },
  "dangling link": {
    make: (abs) => symlinkSync("tidak-ada-di-mana-pun", abs),
    says: /adalah tautan simbolik ke tidak-ada-di-mana-pun, yang tidak ada; kembalikan folder tujuannya/,
  },
  "link out of the workspace": {
    // A real folder elsewhere, holding what the workspace's folder held (so following it would "work").
    make: (abs, ws) => {
      const elsewhere = path.join(tempDir("lokmin-elsewhere-"), path.basename(abs));
      const original = path.join(ws, "..", "asli", path.relative(ws, abs));
      if (lstatExists(original)) cpSync(original, elsewhere, { recursive: true });
      else mkdirSync(elsewhere, { recursive: true });
      symlinkSync(elsewhere, abs);
    },
    says: /adalah tautan ke .*, di luar folder workspace; .*ganti tautan .* dengan folder biasa/,
  },
  fifo: {
    make: (abs) => execFileSync("mkfifo", [abs]),
    says: /adalah FIFO \(pipa bernama\), bukan folder; hapus/,
  },
  device: {
    make: (abs) => symlinkSync("/dev/null", abs),
    says: /adalah tautan simbolik ke \/dev\/null \(perangkat\), bukan folder; hapus tautan/,
  },
};

function lstatExists(abs: string): boolean {
  try {
    lstatSync(abs);
    return true;
  } catch {
    return false;
  }
}

/** Every regular file under a folder with its bytes; links, FIFOs and devices are not followed or opened. */
function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.set(path.relative(dir, full), readFileSync(full).toString("base64"));
    }
  };
  walk(dir);
  return out;
}

/** A copy of the mini workspace with its pristine twin beside it (`../asli`, for the outside links). */
function workspace(): string {
  const ws = copyWorkspace(MINI);
  cpSync(ws, path.join(ws, "..", "asli"), { recursive: true });
  return ws;
}

function breakFolder(ws: string, rel: string, kind: string): string {
  const abs = path.join(ws, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  rmSync(abs, { recursive: true, force: true });
  KINDS[kind].make(abs, ws);
  return abs;
}

/** Commands run in the workspace; `out` is a fresh folder outside it, for --out. */
type Command = (out: string) => string[];
const C: Record<string, Command> = {
  check: () => ["check"],
  rank: () => ["rank", "2024-02", "--write"],
  carry: () => ["carry", "2024-02"],
  render: () => ["render", "2024-02", "--only", "undangan"],
  form: () => ["form", "2024-02", "--only", "rapat"],
  import: () => ["import", "2024-02"],
  paket: (out) => ["paket", "2024-02", "--out", path.join(out, "paket.zip")],
  lengkapi: () => ["new", "2024-02", "--lengkapi"],
  "new 2024-03": () => ["new", "2024-03"],
  "new --force": () => ["new", "2024-02", "--force"],
  commitments: () => ["commitments"],
  template: () => ["template", "notulen"],
  "template --list": () => ["template", "--list"],
  schema: () => ["schema"],
  report: () => ["report", "2024-02"],
  export: () => ["export"],
  pkp: () => ["pkp", "2024"],
};

/** Every folder lokmin reads or writes, with the commands that use it. */
const FOLDERS: Array<{ rel: string; commands: string[] }> = [
  {
    rel: "2024-02",
    commands: ["check", "rank", "carry", "render", "form", "import", "paket", "lengkapi", "new --force"],
  },
  { rel: "2024-01", commands: ["check", "carry", "new 2024-03", "commitments", "export", "pkp"] },
  {
    rel: "2024-02/program",
    commands: ["check", "rank", "render", "form", "import", "paket", "lengkapi", "report", "pkp"],
  },
  { rel: "2024-02/pralokmin", commands: ["check", "render", "paket"] },
  { rel: "2024-02/dokumen", commands: ["check", "render", "paket"] },
  { rel: "2024-02/isian", commands: ["check", "form", "import"] },
  { rel: "2024-02/isian/cadangan", commands: ["check", "form"] },
  { rel: "templates", commands: ["check", "render", "template", "template --list"] },
  { rel: ".lokmin", commands: ["check", "rank", "new 2024-03", "render", "schema"] },
  { rel: ".lokmin/schema", commands: ["check", "new 2024-03", "schema"] },
  { rel: ".lokmin/cadangan", commands: ["check", "new --force"] },
];

const noInternal = (output: string) => {
  expect(output).not.toContain("kesalahan internal");
  expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(output).not.toMatch(/\bE[A-Z]{3,}: /);
};

describe.runIf(posix)("a folder lokmin uses, when something else stands in its place", () => {
  for (const { rel, commands } of FOLDERS) {
    describe(rel, () => {
      for (const kind of Object.keys(KINDS)) {
        it(`as a ${kind}: ${commands.join(", ")} stop and name it; nothing is written`, async () => {
          const ws = workspace();
          breakFolder(ws, rel, kind);
          const before = files(ws);
          for (const command of commands) {
            const out = tempDir("lokmin-out-");
            const r = await lokmin(["-C", ws, ...C[command](out)]);
            const output = r.stdout + r.stderr;
            noInternal(output);
            if (command === "check") {
              expect(r.status, output).toBe(1);
              expect(output).toMatch(new RegExp(`^${rel.replace(/\./g, "\\.")}\\n  1:1  galat  `, "m"));
              expect(output).toContain("io/folder");
            } else {
              expect(r.status, `${command}: ${output}`).toBe(2);
              expect(r.stderr).toContain(`${rel} `);
            }
            expect(output, command).toMatch(KINDS[kind].says);
            // No advice that would fail: no "create it with new", no "--lengkapi" for what is in the way.
            expect(output, command).not.toMatch(/lokmin new 2024-0\d --lengkapi|belum ada; buat dengan/);
            expect(files(ws), command).toEqual(before);
            expect(files(out), command).toEqual(new Map());
          }
        });
      }
    });
  }
});

describe.runIf(posix)("doing what the message says lets the command run", () => {
  // Each folder with the command that needs it most, and how the person follows the advice.
  const cases: Array<{ rel: string; command: string; fix: "remove" | "restore" }> = [
    { rel: "2024-02", command: "render", fix: "restore" },
    { rel: "2024-02/program", command: "lengkapi", fix: "remove" },
    { rel: "2024-02/dokumen", command: "render", fix: "remove" },
    { rel: "2024-02/isian", command: "form", fix: "remove" },
    { rel: "templates", command: "render", fix: "remove" },
    { rel: ".lokmin", command: "rank", fix: "remove" },
    { rel: ".lokmin/schema", command: "new 2024-03", fix: "remove" },
  ];
  for (const { rel, command, fix } of cases) {
    it(`${rel}: after moving away what was in the way, ${command} runs`, async () => {
      for (const kind of ["regular file", "looping link", "link out of the workspace"]) {
        const ws = workspace();
        const abs = breakFolder(ws, rel, kind);
        expect((await lokmin(["-C", ws, ...C[command](tempDir())])).status).toBe(2);
        rmSync(abs, { recursive: true, force: true });
        // A month folder moved away is put back from where the person had it (a copy, a backup).
        if (fix === "restore") cpSync(path.join(ws, "..", "asli", rel), abs, { recursive: true });
        const r = await lokmin(["-C", ws, ...C[command](tempDir())]);
        expect(r.status, `${kind}: ${r.stdout}${r.stderr}`).toBe(0);
      }
    });
  }
});

describe.runIf(posix)("a folder that links to a folder inside the workspace", () => {
  it("is used as the folder it points to: a month, program/, templates/, .lokmin/", async () => {
    const ws = workspace();
    const moved = (rel: string, to: string) => {
      mkdirSync(path.dirname(path.join(ws, to)), { recursive: true });
      cpSync(path.join(ws, rel), path.join(ws, to), { recursive: true });
      rmSync(path.join(ws, rel), { recursive: true });
      symlinkSync(path.relative(path.dirname(path.join(ws, rel)), path.join(ws, to)), path.join(ws, rel));
    };
    moved("2024-01", "arsip/2024-01");
    moved("2024-02/program", "bersama/program-februari");
    mkdirSync(path.join(ws, "bersama/templat"));
    writeFileSync(path.join(ws, "bersama/templat/undangan.hbs"), "# Undangan dari templat bersama\n");
    symlinkSync("bersama/templat", path.join(ws, "templates"));
    mkdirSync(path.join(ws, "bersama/keadaan"));
    rmSync(path.join(ws, ".lokmin"), { recursive: true, force: true });
    symlinkSync("bersama/keadaan", path.join(ws, ".lokmin"));
    const check = await lokmin(["-C", ws, "check"]);
    expect(check.status, check.stdout).toBe(0);
    const render = await lokmin(["-C", ws, "render", "2024-02", "--only", "undangan"]);
    expect(render.status, render.stderr).toBe(0);
    expect(readdirSync(path.join(ws, "2024-02/dokumen"))).toEqual(["2024-02-undangan.docx"]);
    const rank = await lokmin(["-C", ws, "rank", "2024-02", "--write"]);
    expect(rank.status, rank.stderr).toBe(0);
  });
});

describe.runIf(posix)("an --out folder that is not a folder", () => {
  const commands: Record<string, (out: string) => string[]> = {
    render: (out) => ["render", "2024-02", "--only", "undangan", "--out", out],
    form: (out) => ["form", "2024-02", "--only", "rapat", "--out", out],
    schema: (out) => ["schema", "--out", out],
    init: (out) => ["init", out, "--nama", "UPTD Puskesmas Uji", "--tanpa-git"],
  };
  for (const kind of Object.keys(KINDS).filter((k) => k !== "link out of the workspace")) {
    it(`as a ${kind}: render, form, schema and init stop naming it, nothing written`, async () => {
      const ws = workspace();
      const before = files(ws);
      for (const [name, args] of Object.entries(commands)) {
        const dir = tempDir("lokmin-out-");
        const out = path.join(dir, "keluaran");
        KINDS[kind].make(out, ws);
        const r = await lokmin(["-C", ws, ...args(out)]);
        noInternal(r.stdout + r.stderr);
        expect(r.status, `${name}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toContain(out);
        expect(r.stderr).toMatch(KINDS[kind].says);
        expect(readdirSync(dir), name).toEqual(["keluaran"]);
        expect(files(ws), name).toEqual(before);
      }
    });
  }

  it("an --out folder below a file names the file, not a raw ENOTDIR", async () => {
    const ws = workspace();
    const dir = tempDir("lokmin-out-");
    writeFileSync(path.join(dir, "berkas"), "x");
    const r = await lokmin([
      "-C",
      ws,
      "render",
      "2024-02",
      "--only",
      "undangan",
      "--out",
      path.join(dir, "berkas/a/b"),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${path.join(dir, "berkas")} adalah berkas, bukan folder`);
  });
});
