// Nothing lost, nothing hangs, at the level of whole commands: a full disk, two writers at once,
// advice that must not destroy work, permissions, special files where YAML or templates belong,
// data that looks like layout, cells Excel would run, user mistakes that must not look like
// internal errors, findings that must not pass as clean, and --json usage errors.
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import mammoth from "mammoth";
import { afterAll, describe, expect, it } from "vitest";
import { copyWorkspace, lokmin, MINI, snapshot, startLokmin, tempDir } from "../helpers.js";

const R = "2024-02/rapat.yaml";
const read = (ws: string, file: string) => readFileSync(path.join(ws, file), "utf8");
const edit = (ws: string, file: string, fn: (s: string) => string) =>
  writeFileSync(path.join(ws, file), fn(read(ws, file)));
const isRoot = process.getuid?.() === 0;

describe("a full disk never leaves a truncated file", () => {
  const mount = tempDir("lokmin-full-");
  let mounted = false;
  if (isRoot) {
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=512k", "tmpfs", mount]);
      mounted = true;
    } catch {
      mounted = false;
    }
  }
  afterAll(() => {
    if (mounted) execFileSync("umount", [mount]);
  });
  const when = mounted ? it : it.skip;
  if (!mounted) console.warn("skipped: mounting a small tmpfs needs root (CI runs as root)");

  when("rank --write on a full disk exits 2 with 'ruang disk habis' and keeps the original", async () => {
    const ws = path.join(mount, "ws");
    execFileSync("cp", ["-r", MINI, ws]);
    edit(ws, R, (s) => s.replace("total: 9", "total: 8"));
    const before = read(ws, R);
    const filler = path.join(mount, "isi");
    try {
      execFileSync("dd", ["if=/dev/zero", `of=${filler}`, "bs=4k", "count=1000"], { stdio: "ignore" });
    } catch {
      // dd stops when the disk is full: that is the point
    }
    const r = await lokmin(["-C", ws, "rank", "2024-02", "--write"]);
    expect(r.status, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toContain("ruang disk habis");
    expect(read(ws, R)).toBe(before);
    expect(readdirSync(path.join(ws, "2024-02")).filter((f) => f.includes("lokmin-tmp"))).toEqual([]);
    rmSync(filler);
  });

  when("with room for the lock but not for the file, the temp write fails and the original stays", async () => {
    const ws = path.join(mount, "ws2");
    execFileSync("cp", ["-r", MINI, ws]);
    edit(ws, R, (s) => s.replace("total: 9", "total: 8"));
    const before = read(ws, R);
    const spare = path.join(mount, "spare");
    writeFileSync(spare, Buffer.alloc(4096));
    const filler = path.join(mount, "isi2");
    try {
      execFileSync("dd", ["if=/dev/zero", `of=${filler}`, "bs=4k", "count=1000"], { stdio: "ignore" });
    } catch {
      // full
    }
    rmSync(spare);
    const r = await lokmin(["-C", ws, "rank", "2024-02", "--write"]);
    expect(r.status, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toContain("ruang disk habis");
    expect(read(ws, R)).toBe(before);
    expect(readdirSync(path.join(ws, "2024-02")).filter((f) => f.includes("lokmin-tmp"))).toEqual([]);
    rmSync(filler);
  });
});

describe("two writers at once lose nothing", () => {
  it("carry and rank --write started together both land their edits (real processes)", async () => {
    const ws = copyWorkspace(MINI);
    edit(ws, R, (s) =>
      s.replace(
        /evaluasi_kesepakatan:\n  - id: 2024-01\/K01\n    status: belum\n    catatan: Bidan cuti\n/,
        "evaluasi_kesepakatan: []\n",
      ),
    );
    edit(ws, R, (s) => s.replace("total: 9", "total: 8"));
    // Whichever gets the lock second waits for it; as long as it takes on a loaded machine.
    const env = { LOKMIN_NO_CACHE: "1", LOKMIN_LOCK_WAIT_MS: "120000" };
    const run = async (args: string[]) => (await startLokmin(["-C", ws, ...args], { env }).done).status;
    const [carry, rank] = await Promise.all([run(["carry", "2024-02"]), run(["rank", "2024-02", "--write"])]);
    expect([carry, rank]).toEqual([0, 0]);
    const text = read(ws, R);
    expect(text).toContain("- id: 2024-01/K01");
    expect(text).toContain("total: 9");
    expect(existsSync(path.join(ws, ".lokmin/lock"))).toBe(false);
  });
});

describe("advice never destroys work", () => {
  it("a missing rapat.yaml is restored by `new --lengkapi` without touching the filled program files", async () => {
    const ws = copyWorkspace(MINI);
    rmSync(path.join(ws, R));
    const check = await lokmin(["-C", ws, "check"]);
    expect(check.stdout).toContain("lokmin new 2024-02 --lengkapi");
    expect(check.stdout + check.stderr).not.toContain("--force");
    const programs = snapshot(path.join(ws, "2024-02/program"));
    const r = await lokmin(["-C", ws, "new", "2024-02", "--lengkapi"]);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(path.join(ws, R))).toBe(true);
    expect(snapshot(path.join(ws, "2024-02/program"))).toEqual(programs);
    expect((await lokmin(["-C", ws, "new", "2024-02", "--lengkapi"])).stdout).toContain("sudah lengkap");
  });

  it("`new --lengkapi` adds indicators lokmin.yaml gained since, keeping what was filled", async () => {
    const ws = copyWorkspace(MINI);
    edit(ws, "lokmin.yaml", (s) =>
      s.replace(
        "        sasaran: 120\n        target: 100\n",
        "        sasaran: 120\n        target: 100\n      - id: bulin\n        nama: Ibu bersalin\n        sasaran: " +
          "110\n        target: 100\n",
      ),
    );
    const r = await lokmin(["-C", ws, "new", "2024-02", "--lengkapi"]);
    expect(r.status, r.stderr).toBe(0);
    const kia = read(ws, "2024-02/program/kia.yaml");
    expect(kia).toContain("- id: bulin");
    expect(kia).toContain("kumulatif: 15");
  });

  it("`new --force` on a month with data keeps the old month as a backup", async () => {
    const ws = copyWorkspace(MINI);
    const old = read(ws, R);
    const r = await lokmin(["-C", ws, "new", "2024-02", "--force", "--json"]);
    expect(r.status, r.stderr).toBe(0);
    const backup = JSON.parse(r.stdout).backup as string;
    expect(backup).toMatch(/^\.lokmin\/cadangan\/2024-02-/);
    expect(read(ws, `${backup}/rapat.yaml`)).toBe(old);
  });
});

describe("permissions", () => {
  it("a write keeps the file's mode and group", async () => {
    const ws = copyWorkspace(MINI);
    const file = path.join(ws, R);
    edit(ws, R, (s) => s.replace("total: 9", "total: 8"));
    chmodSync(file, 0o664);
    if (isRoot) chownSync(file, 0, 100);
    expect((await lokmin(["-C", ws, "rank", "2024-02", "--write"])).status).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o664);
    if (isRoot) expect(statSync(file).gid).toBe(100);
  });

  it("a read-only YAML file is not replaced: exit 2 naming it", async () => {
    const ws = copyWorkspace(MINI);
    edit(ws, R, (s) => s.replace("total: 9", "total: 8"));
    chmodSync(path.join(ws, R), 0o444);
    const before = read(ws, R);
    const r = await lokmin(["-C", ws, "rank", "2024-02", "--write"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("2024-02/rapat.yaml");
    expect(read(ws, R)).toBe(before);
  });
});

describe("special files never hang a command", () => {
  it("a FIFO as rapat.yaml and /dev/zero as a program file are reported at their path", async () => {
    const ws = copyWorkspace(MINI);
    rmSync(path.join(ws, R));
    execFileSync("mkfifo", [path.join(ws, R)]);
    rmSync(path.join(ws, "2024-02/program/gizi.yaml"));
    symlinkSync("/dev/zero", path.join(ws, "2024-02/program/gizi.yaml"));
    const started = Date.now();
    const check = await lokmin(["-C", ws, "check", "--json"]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(check.status).toBe(1);
    const files = JSON.parse(check.stdout).findings.filter((f: { rule: string }) => f.rule === "io/read");
    expect(files.map((f: { file: string }) => f.file).sort()).toEqual(["2024-02/program/gizi.yaml", R]);
    expect((await lokmin(["-C", ws, "render", "2024-02", "--out", tempDir()])).status).toBe(2);
  });

  it("a symlink pointing outside the workspace is refused, not followed", async () => {
    const ws = copyWorkspace(MINI);
    const outside = path.join(tempDir(), "gizi.yaml");
    writeFileSync(outside, read(ws, "2024-02/program/gizi.yaml"));
    rmSync(path.join(ws, "2024-02/program/gizi.yaml"));
    symlinkSync(outside, path.join(ws, "2024-02/program/gizi.yaml"));
    const r = await lokmin(["-C", ws, "check"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("luar folder workspace");
  });

  it("one broken Puskesmas never stops the Dinas' summary of the others", async () => {
    const good = copyWorkspace(MINI);
    const broken = copyWorkspace(MINI);
    rmSync(path.join(broken, "lokmin.yaml"));
    execFileSync("mkfifo", [path.join(broken, "lokmin.yaml")]);
    const r = await lokmin(["summary", good, broken, "--json"]);
    expect(r.status).toBe(2);
    const [first, second] = JSON.parse(r.stdout).workspaces;
    expect(first.months).toHaveLength(2);
    expect(second.error).toContain("lokmin.yaml");
  });

  it("a template that is a FIFO or a folder is a clear exit-2 message naming it", async () => {
    const ws = copyWorkspace(MINI);
    mkdirSync(path.join(ws, "templates"));
    execFileSync("mkfifo", [path.join(ws, "templates/undangan.hbs")]);
    mkdirSync(path.join(ws, "templates/notulen.hbs"));
    const r = await lokmin(["-C", ws, "render", "2024-02", "--out", tempDir(), "--only", "undangan,notulen"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("templates/undangan.hbs");
    expect(r.stderr).toContain("templates/notulen.hbs");
    expect(r.stderr).not.toContain("kesalahan internal");
  });
});

describe("data is never layout, cells are never formulas", () => {
  it("text that looks like block lines or markup prints literally in the notulen", async () => {
    const ws = copyWorkspace(MINI);
    const hostile = [
      "::ttd",
      "Kepala | Ani | 1",
      "::akhir",
      "::kop dinas",
      "# BESAR",
      "- butir",
      "**tebal** __garis__ | sel",
    ];
    edit(ws, R, (s) => s.replace("isi: Capaian ibu hamil rendah", `isi: ${JSON.stringify(hostile.join("\n"))}`));
    const out = tempDir();
    const r = await lokmin(["-C", ws, "render", "2024-02", "--out", out, "--only", "notulen"]);
    expect(r.status, r.stderr).toBe(0);
    const text = (await mammoth.extractRawText({ path: path.join(out, "2024-02-notulen.docx") })).value;
    for (const line of hostile) expect(text).toContain(line);
    expect(text.match(/DINAS KESEHATAN KABUPATEN CONTOH/g)?.length ?? 0).toBe(1);
  });

  it("export neutralises cells Excel would run as formulas (OWASP)", async () => {
    const ws = copyWorkspace(MINI);
    edit(ws, R, (s) => s.replace("judul: Data balita belum valid", 'judul: "=HYPERLINK(\\"http://x\\")"'));
    const r = await lokmin(["-C", ws, "export"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("'=HYPERLINK");
    expect(r.stdout).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});

describe("stale temp files of a killed run are cleaned up", () => {
  it("the next writer removes lokmin's own leftovers and nothing else", async () => {
    const ws = copyWorkspace(MINI);
    const stale = path.join(ws, "2024-02", ".rapat.yaml.lokmin-tmp-999999-deadbeef");
    writeFileSync(stale, "separuh");
    writeFileSync(path.join(ws, "2024-02", "catatan.txt"), "milik orang");
    expect((await lokmin(["-C", ws, "carry", "2024-02"])).status).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(path.join(ws, "2024-02", "catatan.txt"))).toBe(true);
  });
});

describe("user mistakes are explained, not internal errors", () => {
  const noInternal = (r: { stdout: string; stderr: string }) =>
    expect(r.stdout + r.stderr).not.toContain("kesalahan internal");

  it("--out naming an existing file (render, schema) and init into a file", async () => {
    const ws = copyWorkspace(MINI);
    const file = path.join(tempDir(), "bukan-folder");
    writeFileSync(file, "x");
    for (const args of [
      ["render", "2024-02", "--out", file],
      ["schema", "--out", file],
    ]) {
      const r = await lokmin(["-C", ws, ...args]);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toContain("bukan-folder");
      noInternal(r);
    }
    const init = await lokmin(["init", file, "--nama", "X"]);
    expect(init.status).toBe(2);
    noInternal(init);
  });

  it("a Handlebars syntax error names the template, the line and what to fix", async () => {
    const ws = copyWorkspace(MINI);
    mkdirSync(path.join(ws, "templates"));
    writeFileSync(
      path.join(ws, "templates/undangan.hbs"),
      "::kop\n# Undangan\n\n{{#if rapat}}\nHalo {{rapat.tempat\n{{/if}}\n",
    );
    const r = await lokmin(["-C", ws, "render", "2024-02", "--only", "undangan", "--out", tempDir()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("templates/undangan.hbs");
    expect(r.stderr).toMatch(/baris 5/);
    noInternal(r);
  });

  it("margins wider than the page are a finding at lokmin.yaml", async () => {
    const ws = copyWorkspace(MINI);
    edit(ws, "lokmin.yaml", (s) => `${s}kertas:\n  margin_cm: {atas: 2, kanan: 15, bawah: 2, kiri: 15}\n`);
    const r = await lokmin(["-C", ws, "render", "2024-02", "--out", tempDir()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("lokmin.yaml");
    expect(r.stderr).toContain("paling besar 8");
  });
});

describe("findings that must not pass as clean", () => {
  it("a program file beside its .yml twin is reported (export would double the rows)", async () => {
    const ws = copyWorkspace(MINI);
    writeFileSync(path.join(ws, "2024-02/program/gizi.yml"), read(ws, "2024-02/program/gizi.yaml"));
    const r = await lokmin(["-C", ws, "check", "--json"]);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule)).toContain("workspace/duplicate-file");
  });

  it("export --sep '\"' is refused", async () => {
    const r = await lokmin(["-C", MINI, "export", "--sep", '"']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--sep");
  });

  it("a count written with a thousands point is an error that says how it was read", async () => {
    const ws = copyWorkspace(MINI);
    edit(ws, "2024-02/program/kia.yaml", (s) => s.replace("kumulatif: 15", "kumulatif: 2.100"));
    const r = await lokmin(["-C", ws, "check"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("dibaca sebagai 2,1");
    expect(r.stdout).toContain("2100");
  });
});

describe("--json always prints one object", () => {
  it.each([["check", "--bogus"], ["chek"], ["rank", "2024-02", "extra", "args"], ["render", "--only"]])(
    "usage error %s prints {error} on stdout, exit 2",
    async (...args) => {
      const r = await lokmin(["-C", MINI, ...args, "--json"]);
      expect(r.status).toBe(2);
      const out = JSON.parse(r.stdout);
      expect(out.error.message).toBeTruthy();
      expect(r.stdout.trim().split("\n").length).toBeGreaterThan(0);
    },
  );
});

describe("messages speak Indonesian", () => {
  it.each([
    [
      "lokmin.yaml",
      (s: string) => s.replace("  nama: UPTD Puskesmas Mini", "  nama: UPTD Puskesmas Mini\n nested: [a: b"),
    ],
    [R, (s: string) => s.replace("tanggal: 2024-02-20", "tanggal: 2024-02-30")],
    [R, (s: string) => s.replace("tempat: Aula", "tempat: .inf")],
    ["2024-02/program/kia.yaml", (s: string) => s.replace("kumulatif: 15", "kumulatif: .nan")],
    [R, (s: string) => s.replace("      u: 5", "      u: 9")],
  ] as const)("a broken %s is explained without the libraries' English", async (file, fn) => {
    const ws = copyWorkspace(MINI);
    edit(ws, file, fn);
    const r = await lokmin(["-C", ws, "check"]);
    expect(r.status).toBeGreaterThan(0);
    expect(r.stdout + r.stderr).not.toMatch(
      /Invalid|expected |received|Nested mappings|must be a number, found a number/,
    );
  });

  it("commander's own words are Indonesian by default and English with --lang en", async () => {
    const unknown = await lokmin(["chek"]);
    expect(unknown.stderr).toContain("perintah 'chek' tidak dikenal; maksud Anda check? Lihat `lokmin --help`.");
    expect(unknown.stderr).toContain("check");
    const missing = await lokmin(["summary"]);
    expect(missing.stderr).toContain("wajib diisi");
    const help = await lokmin(["--help"]);
    expect(help.stdout).toContain("Pemakaian:");
    expect(help.stdout).not.toContain("Usage:");
    expect((await lokmin(["--help", "--lang", "en"])).stdout).toContain("Usage:");
  });
});

const EXPECTED_LINE =
  /^\s*(total|peringkat): \d+$|^evaluasi_kesepakatan:|^\s+(- id|uraian|penanggung_jawab|tenggat|status|catatan)\b/;

describe("write-back changes only what it means to", () => {
  it("rank --write and carry on a hand-styled file change only totals, ranks and evaluations", async () => {
    const ws = copyWorkspace(MINI);
    edit(ws, R, (s) =>
      s
        .replace("tempat: Aula", "tempat:   'Aula'   # ruang rapat")
        .replace("isi: Capaian ibu hamil rendah", "isi: >\n      Capaian ibu hamil\n      rendah\n")
        .replace("    skor:\n      u: 5\n      s: 4\n      g: 3\n    total: 12\n", "    skor: {u: 5, s: 4, g: 3}\n\n\n")
        .replace("    total: 9\n    peringkat: 2\n", "")
        .replace(
          /evaluasi_kesepakatan:\n  - id: 2024-01\/K01\n    status: belum\n    catatan: Bidan cuti\n/,
          "evaluasi_kesepakatan: []   # diisi carry\n",
        )
        .replace(/\n/g, "\r\n"),
    );
    const before = read(ws, R).split("\r\n");
    expect((await lokmin(["-C", ws, "rank", "2024-02", "--write"])).status).toBe(0);
    expect((await lokmin(["-C", ws, "carry", "2024-02"])).status).toBe(0);
    const after = read(ws, R);
    expect(after.replace(/\r\n/g, "")).not.toContain("\n");
    const lines = after.split("\r\n");
    const added = lines.filter((l) => !before.includes(l));
    const removed = before.filter((l) => !lines.includes(l));
    expect(removed).toEqual(["evaluasi_kesepakatan: []   # diisi carry"]);
    expect(
      added.every((l) => EXPECTED_LINE.test(l)),
      added.join("\n"),
    ).toBe(true);
    expect(after).toMatch(/skor: \{u: 5, s: 4, g: 3\}\r\n    total: 12\r\n\r\n\r\n    peringkat: 1/);
    const again = read(ws, R);
    await lokmin(["-C", ws, "rank", "2024-02", "--write"]);
    await lokmin(["-C", ws, "carry", "2024-02"]);
    expect(read(ws, R)).toBe(again);
  });
});

describe("Ctrl-C while a command runs", () => {
  it("says dibatalkan and exits 130 (a real process waiting for the workspace lock, a real SIGINT)", async () => {
    const ws = copyWorkspace(MINI);
    mkdirSync(path.join(ws, ".lokmin"), { recursive: true });
    const held = JSON.stringify({
      pid: process.pid,
      host: hostname(),
      command: "uji",
      started: new Date().toISOString(),
    });
    writeFileSync(path.join(ws, ".lokmin/lock"), held);
    const carry = startLokmin(["-C", ws, "carry", "2024-02"], { env: { LOKMIN_LOCK_WAIT_MS: "120000" } });
    // It says it is waiting (naming the holder) once it is: the signal arrives mid-command.
    await carry.output(`menunggu \`lokmin uji\` (pid ${process.pid}) selesai memakai workspace ini`, "stderr");
    carry.child.kill("SIGINT");
    const { status, signal, stderr } = await carry.done;
    expect([status, signal]).toEqual([130, null]);
    expect(stderr).toContain("dibatalkan");
    expect(read(ws, ".lokmin/lock")).toBe(held);
  });
});
