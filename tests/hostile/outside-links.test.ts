// Nothing is read through a link leading out of the workspace: each file lokmin reads from a
// workspace (templates in both kinds, the logo, the YAML files, the workbooks in isian/, the
// documents and schema files it compares before replacing, the lock) is, in turn, made a link to a
// file outside holding a marker; every command that reads it names the link as leading outside, and
// the marker never reaches the terminal, a document or a package. A link inside the workspace to a
// file inside it still works.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  symlinkSync,
  writeFileSync,
  rmSync,
} from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
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
const MARKER = "RAHASIA-DI-LUAR-WORKSPACE";
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

/** Everything a run left readable: its output and the text of every file it wrote (docx and zip unpacked). */
function everything(dir: string): string {
  const parts: string[] = [];
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.isFile()) continue;
      else if (/\.(docx|zip|xlsx)$/.test(entry.name)) {
        for (const bytes of Object.values(unzipSync(readFileSync(full)))) parts.push(Buffer.from(bytes).toString());
      } else parts.push(readFileSync(full, "latin1"));
    }
  };
  walk(dir);
  return parts.join("\n");
}

/** A file outside any workspace, holding `content`, and a link to it at `rel` in `ws`. */
function linkOut(ws: string, rel: string, content: string | Buffer): string {
  const outside = path.join(tempDir("lokmin-luar-"), path.basename(rel));
  writeFileSync(outside, content);
  const abs = path.join(ws, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  try {
    renameSync(abs, `${abs}.asli`);
  } catch {
    // nothing there before
  }
  symlinkSync(outside, abs);
  return outside;
}

const withLogo = (ws: string) => {
  const file = path.join(ws, "lokmin.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("  kecamatan: Mini", "  kecamatan: Mini\n  logo: logo.png"));
};

let wordTemplate: Buffer;
beforeAll(async () => {
  const ws = copyWorkspace(MINI);
  const r = await lokmin(["-C", ws, "template", "undangan"]);
  expect(r.status, r.stderr).toBe(0);
  wordTemplate = readFileSync(path.join(ws, "templates/undangan.docx"));
});

interface Case {
  rel: string;
  content: () => string | Buffer;
  setup?: (ws: string) => void;
  /** Command, its expected exit code, and whether it must say the link leads outside. */
  runs: Array<{ args: string[]; status: number; says?: RegExp }>;
}
const OUTSIDE = /di luar folder workspace|ke luar folder workspace/;
const cases: Case[] = [
  {
    rel: "templates/undangan.hbs",
    content: () => `# ${MARKER}\n{{rapat.tempat}}\n`,
    runs: [
      { args: ["render", "2024-02", "--only", "undangan"], status: 2, says: OUTSIDE },
      { args: ["template", "undangan"], status: 2, says: OUTSIDE },
    ],
  },
  {
    rel: "templates/undangan.docx",
    content: () => wordTemplate,
    runs: [{ args: ["render", "2024-02", "--only", "undangan"], status: 2, says: OUTSIDE }],
  },
  {
    rel: "logo.png",
    content: () => Buffer.concat([PNG, Buffer.from(MARKER)]),
    setup: withLogo,
    runs: [
      { args: ["check"], status: 0, says: /logo 'logo.png' berada di luar folder workspace/ },
      { args: ["render", "2024-02", "--only", "undangan"], status: 0, says: OUTSIDE },
    ],
  },
  {
    rel: "lokmin.yaml",
    content: () => `# ${MARKER}\npuskesmas: {}\n`,
    runs: [
      { args: ["check"], status: 1, says: OUTSIDE },
      { args: ["render", "2024-02"], status: 2, says: OUTSIDE },
    ],
  },
  {
    rel: "2024-02/rapat.yaml",
    content: () => `# ${MARKER}\nbulan: 2024-02\n`,
    runs: [
      { args: ["check"], status: 1, says: OUTSIDE },
      { args: ["render", "2024-02"], status: 2, says: OUTSIDE },
      { args: ["paket", "2024-02"], status: 0, says: OUTSIDE },
    ],
  },
  {
    rel: "2024-02/program/kia.yaml",
    content: () => `# ${MARKER}\nprogram: kia\n`,
    runs: [
      { args: ["check"], status: 1, says: OUTSIDE },
      { args: ["form", "2024-02"], status: 2, says: OUTSIDE },
    ],
  },
  {
    rel: "2024-02/isian/2024-02-rapat.xlsx",
    content: () => Buffer.from(`PK${MARKER}`),
    runs: [{ args: ["import", "2024-02"], status: 2, says: OUTSIDE }],
  },
  {
    rel: "2024-02/dokumen/2024-02-undangan.docx",
    content: () => wordTemplate,
    runs: [
      { args: ["render", "2024-02", "--only", "undangan", "--force"], status: 2, says: OUTSIDE },
      { args: ["paket", "2024-02"], status: 0, says: OUTSIDE },
    ],
  },
  {
    rel: ".lokmin/schema/lokmin.schema.json",
    content: () => `{"title": "${MARKER}"}`,
    runs: [
      { args: ["schema"], status: 2, says: OUTSIDE },
      { args: ["new", "2024-03"], status: 2, says: OUTSIDE },
    ],
  },
  {
    rel: ".lokmin/lock",
    content: () => `{"pid": 1, "host": "${MARKER}"}`,
    runs: [{ args: ["rank", "2024-02", "--write"], status: 2, says: /bukan berkas biasa/ }],
  },
];

describe.runIf(posix)("a file lokmin reads, as a link out of the workspace", () => {
  for (const c of cases) {
    it(`${c.rel}: ${c.runs.map((r) => r.args[0]).join(", ")} refuse to follow it`, async () => {
      for (const run of c.runs) {
        const ws = copyWorkspace(MINI);
        c.setup?.(ws);
        const outside = linkOut(ws, c.rel, c.content());
        const before = readFileSync(outside);
        const r = await lokmin(["-C", ws, ...run.args]);
        const output = r.stdout + r.stderr;
        expect(r.status, `${run.args.join(" ")}: ${output}`).toBe(run.status);
        if (run.says) expect(output, run.args.join(" ")).toMatch(run.says);
        expect(output).not.toContain(MARKER);
        expect(everything(ws)).not.toContain(MARKER);
        // A command that stopped wrote nothing (new: no half-made month).
        if (run.status === 2) expect(existsSync(path.join(ws, "2024-03")), run.args.join(" ")).toBe(false);
        // Nothing was written through the link either.
        expect(readFileSync(outside)).toEqual(before);
      }
    });
  }
});

describe.runIf(posix)("a link inside the workspace to a file inside it", () => {
  it("a template, a program file and the logo shared through links inside the workspace are used", async () => {
    const ws = copyWorkspace(MINI);
    withLogo(ws);
    mkdirSync(path.join(ws, "bersama"));
    writeFileSync(path.join(ws, "bersama/undangan.hbs"), "# Undangan bersama\n{{rapat.tempat}}\n");
    writeFileSync(path.join(ws, "bersama/logo.png"), PNG);
    mkdirSync(path.join(ws, "templates"));
    symlinkSync("../bersama/undangan.hbs", path.join(ws, "templates/undangan.hbs"));
    symlinkSync("bersama/logo.png", path.join(ws, "logo.png"));
    renameSync(path.join(ws, "2024-02/program/kia.yaml"), path.join(ws, "bersama/kia.yaml"));
    symlinkSync("../../bersama/kia.yaml", path.join(ws, "2024-02/program/kia.yaml"));
    cpSync(path.join(ws, "2024-02/program"), path.join(ws, "bersama/program-salinan"), { recursive: true });
    const check = await lokmin(["-C", ws, "check", "2024-02"]);
    expect(check.status, check.stdout).toBe(0);
    const out = tempDir();
    const render = await lokmin(["-C", ws, "render", "2024-02", "--only", "undangan", "--out", out]);
    expect(render.status, render.stderr).toBe(0);
    expect(render.stderr).not.toContain("logo");
    expect(everything(out)).toContain("Undangan bersama");
  });
});
