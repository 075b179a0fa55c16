// Reading what should be a plain file when it is not: a FIFO or /dev/zero never blocks or eats
// memory, a huge file is refused without being read, a symlink out of the workspace is refused;
// and a run killed with SIGKILL mid-write leaves the original intact and a temp file that
// cleanStaleTemps removes without touching anything else.
import { execFileSync, spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setLang } from "../../src/i18n/index.js";
import { cleanStaleTemps, describeReadFailure, type ReadFailure, readRegularFile } from "../../src/io/fs-safe.js";
import { buildIoChild, startIoChild } from "../fixtures/scripts/build-io-child.js";
import { tempDir } from "../helpers.js";

const posix = process.platform !== "win32";
let bundle: string;

beforeAll(async () => {
  bundle = await buildIoChild();
});

afterEach(() => setLang("id"));

describe("readRegularFile", () => {
  it.runIf(posix)(
    "a FIFO, a symlink to /dev/zero and a symlink to a FIFO are 'special' at once, in a child that would hang " +
      "otherwise",
    async () => {
      const dir = tempDir();
      const fifo = path.join(dir, "rapat.yaml");
      execFileSync("mkfifo", [fifo]);
      symlinkSync("/dev/zero", path.join(dir, "logo.png"));
      symlinkSync(fifo, path.join(dir, "templat.docx"));
      const paths = [fifo, path.join(dir, "logo.png"), path.join(dir, "templat.docx")];
      // A blocking read would hang the child, not the test: the child's hang guard kills it and the
      // test fails. Reading /dev/zero up to the limit would cost CPU time; the clock is not asked
      // (on a loaded machine a quick read can take long on the clock).
      const { done } = startIoChild(bundle, ["read", String(5 * 1024 * 1024), ...paths]);
      const run = await done;
      expect(run.timedOut, "the child hung").toBe(false);
      expect(run.signal, run.stderr).toBeNull();
      const results = run.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line));
      expect(results.map((r) => [r.path, r.ok, r.reason])).toEqual(paths.map((p) => [p, false, "special"]));
      for (const r of results) expect(r.cpuMs).toBeLessThan(200);
    },
  );

  it("a file over the limit is 'too-big' from its size alone (a 1 GB sparse file returns at once)", () => {
    const file = path.join(tempDir(), "besar.yaml");
    writeFileSync(file, "");
    execFileSync("truncate", ["-s", "1G", file]);
    // CPU time, not the clock: reading a gigabyte would cost seconds of it, whatever else the machine does.
    const started = process.cpuUsage();
    const result = readRegularFile(file, { maxBytes: 5 * 1024 * 1024 });
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(100);
    expect(result).toEqual({ ok: false, reason: "too-big", size: 1024 ** 3, limit: 5 * 1024 * 1024 });
    expect(describeReadFailure(result as ReadFailure, "2024-01/besar.yaml")).toBe(
      "2024-01/besar.yaml terlalu besar (1024.0 MB, batas 5.0 MB); periksa apakah ini berkas yang benar",
    );
  });

  it.runIf(existsSync("/proc/self/status"))("a file that reports size 0 but has more is cut off at maxBytes+1", () => {
    const result = readRegularFile("/proc/self/status", { maxBytes: 16 });
    expect(result).toMatchObject({ ok: false, reason: "too-big", size: 17, limit: 16 });
    const whole = readRegularFile("/proc/self/status", { maxBytes: 1024 * 1024 });
    expect(whole.ok && whole.bytes.toString()).toContain("Pid:");
  });

  it.runIf(posix)(
    "with a root, a symlink out of the workspace is 'outside'; links within it and a symlinked root work",
    () => {
      const base = tempDir();
      const root = path.join(base, "ws");
      mkdirSync(path.join(root, "2024-01"), { recursive: true });
      writeFileSync(path.join(base, "rahasia.txt"), "secret");
      writeFileSync(path.join(root, "2024-01", "rapat.yaml"), "bulan: 2024-01\n");
      symlinkSync(path.join(base, "rahasia.txt"), path.join(root, "logo.png"));
      symlinkSync("../../rahasia.txt", path.join(root, "2024-01", "relatif.yaml"));
      symlinkSync("2024-01/rapat.yaml", path.join(root, "salinan.yaml"));
      symlinkSync(root, path.join(base, "link-ke-ws"));

      for (const name of ["logo.png", "2024-01/relatif.yaml"]) {
        const result = readRegularFile(path.join(root, name), { maxBytes: 1024, root });
        expect(result).toEqual({ ok: false, reason: "outside" });
        expect(describeReadFailure(result as ReadFailure, name)).toContain(
          `${name} adalah tautan ke luar folder workspace`,
        );
      }
      const inside = readRegularFile(path.join(root, "salinan.yaml"), { maxBytes: 1024, root });
      expect(inside.ok && inside.bytes.toString()).toBe("bulan: 2024-01\n");
      const viaLinkedRoot = path.join(base, "link-ke-ws");
      const linked = readRegularFile(path.join(viaLinkedRoot, "2024-01", "rapat.yaml"), {
        maxBytes: 1024,
        root: viaLinkedRoot,
      });
      expect(linked.ok).toBe(true);
      // Without a root the policy does not apply.
      expect(readRegularFile(path.join(root, "logo.png"), { maxBytes: 1024 }).ok).toBe(true);
    },
  );

  it("a plain file is read whole; missing, a folder, and an exact-limit file behave", () => {
    const dir = tempDir();
    const file = path.join(dir, "rapat.yaml");
    writeFileSync(file, "x".repeat(100));
    const ok = readRegularFile(file, { maxBytes: 100 });
    expect(ok).toMatchObject({ ok: true, size: 100, mtimeMs: statSync(file).mtimeMs });
    expect(ok.ok && ok.bytes.toString()).toBe("x".repeat(100));
    expect(readRegularFile(file, { maxBytes: 99 })).toMatchObject({ ok: false, reason: "too-big" });
    expect(readRegularFile(path.join(dir, "tidak-ada.yaml"), { maxBytes: 10 })).toMatchObject({ reason: "missing" });
    expect(readRegularFile(dir, { maxBytes: 10 })).toMatchObject({ reason: "directory" });
    expect(readRegularFile(path.join(file, "x"), { maxBytes: 10 })).toMatchObject({ reason: "missing" });
  });

  it("every failure has an Indonesian and an English message naming the file and what to do", () => {
    const cases: [ReadFailure, RegExp, RegExp][] = [
      [{ ok: false, reason: "missing" }, /^a\.yaml tidak ada$/, /^a\.yaml does not exist$/],
      [{ ok: false, reason: "directory" }, /a\.yaml adalah folder/, /a\.yaml is a folder/],
      [
        { ok: false, reason: "special" },
        /a\.yaml adalah FIFO\/soket\/perangkat, bukan berkas biasa; ganti dengan berkas biasa/,
        /a\.yaml is a FIFO\/socket\/device, not a regular file; replace it/,
      ],
      [{ ok: false, reason: "too-big", size: 2048, limit: 1024 }, /\(2 KB, batas 1 KB\)/, /\(2 KB, limit 1 KB\)/],
      [
        { ok: false, reason: "outside" },
        /salin berkasnya ke dalam folder workspace/,
        /copy the file into the workspace/,
      ],
      [
        { ok: false, reason: "unreadable", code: "EACCES" },
        /membaca a\.yaml: izin ditolak \(EACCES\); periksa izin/,
        /read a\.yaml: permission denied \(EACCES\)/,
      ],
      [{ ok: false, reason: "loop" }, /a\.yaml adalah tautan simbolik yang berputar.*hapus a\.yaml/, /loops.*delete/],
      [{ ok: false, reason: "broken-link" }, /tautan simbolik ke berkas yang tidak ada/, /link to a file that does/],
    ];
    for (const [result, id, en] of cases) {
      setLang("id");
      expect(describeReadFailure(result, "a.yaml")).toMatch(id);
      setLang("en");
      expect(describeReadFailure(result, "a.yaml")).toMatch(en);
    }
  });
});

describe("temporary files of a killed run", () => {
  it.runIf(posix)(
    "kill -9 mid-write: the original is intact; cleanStaleTemps removes the leftover and nothing else",
    async () => {
      const dir = tempDir();
      const file = path.join(dir, "notulen.docx");
      writeFileSync(file, "isi lama");
      // The child reports once the first bytes are in its temp file and then waits: the kill lands
      // mid-write whatever the machine's load, never before the first write or after the rename.
      let sizeAtKill = -1;
      const { child, done } = startIoChild(bundle, ["slow-write", file, String(4 * 1024 * 1024)], {
        onLine: (line, c) => {
          if (!line.startsWith("wrote ")) return;
          const temps = readdirSync(dir).filter((name) => name !== "notulen.docx");
          sizeAtKill = temps.length === 1 ? statSync(path.join(dir, temps[0])).size : -temps.length;
          c.kill("SIGKILL");
        },
      });
      const run = await done;
      expect(run.timedOut, "the child never reported its first write").toBe(false);
      expect(run.signal, run.stderr).toBe("SIGKILL");
      expect(sizeAtKill).toBe(64 * 1024);
      expect(readFileSync(file, "utf8")).toBe("isi lama");
      const leftover = readdirSync(dir).filter((name) => name !== "notulen.docx");
      expect(leftover).toEqual([expect.stringMatching(new RegExp(`^\\.notulen\\.docx\\.lokmin-tmp-${child.pid}-`))]);
      expect(statSync(path.join(dir, leftover[0])).size).toBeGreaterThan(0);

      // Neighbours that must survive: a live writer's fresh temp, look-alikes, a folder with a temp's name.
      const live = `.rapat.yaml.lokmin-tmp-${process.pid}-0a1b2c3d`;
      const keep = [
        live,
        "notulen.docx",
        "rapat.yaml",
        ".rapat.yaml.lokmin-tmp-x-1",
        "rapat.yaml.lokmin-tmp-1-ab",
        "~$tulen.docx",
      ];
      for (const name of keep) if (!existsSync(path.join(dir, name))) writeFileSync(path.join(dir, name), name);
      const deadPid = spawnSync(process.execPath, ["-e", ""]).pid as number;
      mkdirSync(path.join(dir, `.folder.lokmin-tmp-${deadPid}-abcdef01`));
      // A live writer's temp untouched for over an hour is abandoned (e.g. a pid reused since).
      const old = `.lama.yaml.lokmin-tmp-${process.pid}-0f0f0f0f`;
      writeFileSync(path.join(dir, old), "x");
      const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
      utimesSync(path.join(dir, old), twoHoursAgo, twoHoursAgo);

      expect(cleanStaleTemps(dir).sort()).toEqual([leftover[0], old].sort());
      expect(readdirSync(dir).sort()).toEqual([...keep, `.folder.lokmin-tmp-${deadPid}-abcdef01`].sort());
      expect(readFileSync(file, "utf8")).toBe("isi lama");
      expect(cleanStaleTemps(path.join(dir, "tidak-ada"))).toEqual([]);
    },
  );

  it("a temp file being written by a running process is left alone", () => {
    const dir = tempDir();
    const name = `.rapat.yaml.lokmin-tmp-${process.pid}-deadbeef`;
    const fd = openSync(path.join(dir, name), "w");
    try {
      expect(cleanStaleTemps(dir)).toEqual([]);
      expect(readdirSync(dir)).toEqual([name]);
    } finally {
      closeSync(fd);
    }
  });
});
