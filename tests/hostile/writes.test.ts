// Writes that cannot corrupt: a failure injected half-way leaves the previous file intact and no
// temporary file behind (git status stays clean); locked and read-only targets get clear messages;
// an internal error prints a short message, exit 2, and the stack only with LOKMIN_DEBUG=1.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { setWriteOps, writeFileAtomic } from "../../src/io/write.js";
import { copyWorkspace, MINI, tempDir } from "../helpers.js";

function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (d) => (out += d));
  stderr.on("data", (d) => (err += d));
  const env: NodeJS.ProcessEnv = { NO_COLOR: "1" };
  return { streams: { stdout, stderr, stdinIsTTY: false, env }, output: () => ({ out, err }) };
}

const fail = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

afterEach(() => {
  setWriteOps(null);
  vi.doUnmock("../../src/commands/check.js");
  delete process.env.LOKMIN_DEBUG;
});

describe("atomic writes", () => {
  it("a failure mid-write leaves the previous file and no temporary file (git status clean)", async () => {
    const ws = copyWorkspace(MINI);
    execFileSync("git", ["init", "-q"], { cwd: ws });
    execFileSync("git", ["-c", "user.email=t@t", "-c", "user.name=t", "add", "-A"], { cwd: ws });
    execFileSync("git", ["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "start"], { cwd: ws });
    const file = path.join(ws, "2024-01/rapat.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("total: 12", "total: 10"));
    execFileSync("git", ["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qam", "wrong total"], { cwd: ws });
    setWriteOps({
      write: (fd, data) => {
        // Half the bytes reach the disk, then the machine "fails".
        writeFileSync(fd, data.subarray(0, data.length >> 1));
        throw fail("EIO");
      },
      rename: () => {
        throw new Error("rename must not be reached");
      },
    });
    const { streams, output } = capture();
    const status = await main(["-C", ws, "rank", "2024-01", "--write"], streams);
    expect(status).toBe(2);
    expect(output().err).toContain("2024-01/rapat.yaml");
    expect(execFileSync("git", ["status", "--porcelain", "--untracked-files=all"], { cwd: ws, encoding: "utf8" })).toBe(
      "",
    );
  });

  it("a file held open by Word (EBUSY/EPERM on rename) gets a clear message and stays intact", () => {
    const dir = tempDir();
    const file = path.join(dir, "notulen.docx");
    writeFileSync(file, "lama");
    for (const code of ["EBUSY", "EPERM"]) {
      setWriteOps({
        write: (fd, data) => writeFileSync(fd, data),
        rename: () => {
          throw fail(code);
        },
      });
      expect(() => writeFileAtomic(file, "baru", { overwrite: true, label: "notulen.docx" })).toThrow(
        /dibuka atau dikunci.*Word/,
      );
      expect(readFileSync(file, "utf8")).toBe("lama");
      expect(readdirSync(dir)).toEqual(["notulen.docx"]);
    }
  });

  it("a read-only folder (EACCES/EROFS) gets a message about permissions", () => {
    const dir = tempDir();
    for (const code of ["EACCES", "EROFS"]) {
      setWriteOps({
        write: () => {
          throw fail(code);
        },
        rename: () => undefined,
      });
      expect(() => writeFileAtomic(path.join(dir, "a.docx"), "x", { overwrite: true, label: "a.docx" })).toThrow(
        new RegExp(`izin.*|${code}`),
      );
      expect(readdirSync(dir)).toEqual([]);
    }
  });
});

describe("no stack traces for user errors", () => {
  it("an unexpected internal error prints a short message and exits 2; LOKMIN_DEBUG=1 shows the stack", async () => {
    vi.doMock("../../src/commands/check.js", () => ({
      run: () => {
        throw new TypeError("boom from a bug");
      },
    }));
    const first = capture();
    expect(await main(["-C", MINI, "check"], first.streams)).toBe(2);
    expect(first.output().err).toContain("kesalahan internal lokmin: boom from a bug");
    expect(first.output().err).not.toMatch(/\n\s+at /);
    const second = capture();
    second.streams.env = { ...second.streams.env, LOKMIN_DEBUG: "1" };
    expect(await main(["-C", MINI, "check"], second.streams)).toBe(2);
    expect(second.output().err).toMatch(/\n\s+at /);
  });
});
