// writeFileAtomic under hostile conditions: a really full disk (tmpfs), short writes, files whose
// mode, owner and group must survive, write-protected files, another program saving the file while
// lokmin works, and paths where a folder or file is in the way.
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  closeSync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { setWriteOps, writeFileAtomic } from "../../src/io/write.js";
import { tempDir } from "../helpers.js";

const isRoot = process.getuid?.() === 0;

afterEach(() => setWriteOps(null));

function groupId(name: string): number | undefined {
  try {
    const line = readFileSync("/etc/group", "utf8")
      .split("\n")
      .find((l) => l.startsWith(`${name}:`));
    return line ? Number(line.split(":")[2]) : undefined;
  } catch {
    return undefined;
  }
}

function thrown(fn: () => void): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a throw");
}

describe("a full disk, for real", () => {
  const mountPoint = tempDir("lokmin-full-disk-");
  let skipReason: string | undefined;
  if (!isRoot) skipReason = "not running as root, so no tmpfs can be mounted";
  else {
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", mountPoint], { stdio: "pipe" });
    } catch (error) {
      skipReason = `mount -t tmpfs failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`;
    }
  }
  afterAll(() => {
    if (!skipReason) execFileSync("umount", [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  const title = "ENOSPC part-way: the original stays byte-identical, no temp file remains, the message says disk full";
  if (skipReason) {
    console.warn(`skipping the full-disk test: ${skipReason}`);
    it.skip(title, () => undefined);
    return;
  }
  it(title, () => {
    const file = path.join(mountPoint, "rapat.yaml");
    const original = Buffer.from("bulan: 2024-01\nkegiatan: []\n".repeat(300));
    writeFileSync(file, original);
    const filler = path.join(mountPoint, "pengisi.bin");
    const fd = openSync(filler, "w");
    const chunk = Buffer.alloc(4096, 1);
    expect(() => {
      for (;;) writeSync(fd, chunk);
    }).toThrow(expect.objectContaining({ code: "ENOSPC" }));
    // Leave 16 KB free: the new 64 KB file gets partly written, then the disk is full.
    ftruncateSync(fd, fstatSync(fd).size - 16 * 1024);
    closeSync(fd);
    // The kernel really answers with a short write here (what a single writeSync used to ignore).
    const probe = path.join(mountPoint, "probe");
    const probeFd = openSync(probe, "w");
    const written = writeSync(probeFd, Buffer.alloc(64 * 1024));
    closeSync(probeFd);
    rmSync(probe);
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(64 * 1024);

    const error = thrown(() =>
      writeFileAtomic(file, Buffer.alloc(64 * 1024, 0x62), { overwrite: true, label: "2024-01/rapat.yaml" }),
    );
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      "ruang disk habis saat menulis 2024-01/rapat.yaml; kosongkan ruang lalu ulangi — berkas lama tidak berubah",
    );
    expect(readFileSync(file).equals(original)).toBe(true);
    expect(readdirSync(mountPoint).sort()).toEqual(["pengisi.bin", "rapat.yaml"]);
  });
});

describe("short writes", () => {
  it("a write that takes only some bytes is repeated until every byte is written", () => {
    const file = path.join(tempDir(), "rapat.yaml");
    writeFileSync(file, "lama");
    const content = Buffer.from(Array.from({ length: 1000 }, (_, i) => String.fromCharCode(65 + (i % 26))).join(""));
    const calls: number[] = [];
    setWriteOps({
      write: (fd, data) => {
        calls.push(data.length);
        return writeSync(fd, data, 0, Math.min(data.length, 7));
      },
      rename: renameSync,
    });
    writeFileAtomic(file, content, { overwrite: true });
    expect(readFileSync(file).equals(content)).toBe(true);
    expect(calls.length).toBe(Math.ceil(1000 / 7));
    expect(calls[1]).toBe(993);
  });

  it("a write that makes no progress is an error, not an endless loop, and the original stays", () => {
    const dir = tempDir();
    const file = path.join(dir, "rapat.yaml");
    writeFileSync(file, "lama");
    setWriteOps({ write: () => 0, rename: renameSync });
    expect(() => writeFileAtomic(file, "baru", { overwrite: true, label: "rapat.yaml" })).toThrow(
      /gagal menulis rapat\.yaml/,
    );
    expect(readFileSync(file, "utf8")).toBe("lama");
    expect(readdirSync(dir)).toEqual(["rapat.yaml"]);
  });
});

describe("mode, owner and write protection", () => {
  it.runIf(process.platform !== "win32")("mode 664, owner and group survive a write", () => {
    const file = path.join(tempDir(), "rapat.yaml");
    writeFileSync(file, "lama");
    chmodSync(file, 0o664);
    const users = groupId("users");
    const owner = isRoot && users !== undefined ? { uid: 1234, gid: users } : undefined;
    if (owner) chownSync(file, owner.uid, owner.gid);
    else console.warn("not root or no group 'users': only the mode is checked");
    writeFileAtomic(file, "baru", { overwrite: true });
    const stat = statSync(file);
    expect(readFileSync(file, "utf8")).toBe("baru");
    expect(stat.mode & 0o7777).toBe(0o664);
    if (owner) expect({ uid: stat.uid, gid: stat.gid }).toEqual(owner);
  });

  it("a read-only (444) file is refused without force and replaced with force, staying 444", () => {
    const dir = tempDir();
    const file = path.join(dir, "rapat.yaml");
    writeFileSync(file, "lama");
    chmodSync(file, 0o444);
    const label = "2024-01/rapat.yaml";
    const error = thrown(() => writeFileAtomic(file, "baru", { overwrite: true, force: false, label }));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/^2024-01\/rapat\.yaml dilindungi dari penulisan \(hanya-baca\).*--force/);
    // A caller without a --force option gets advice that works without one.
    const plain = thrown(() => writeFileAtomic(file, "baru", { overwrite: true, label }));
    expect(plain.message).toMatch(/hanya-baca.*hapus centang Read-only/);
    expect(plain.message).not.toContain("--force");
    expect(readFileSync(file, "utf8")).toBe("lama");
    writeFileAtomic(file, "baru", { overwrite: true, force: true });
    expect(readFileSync(file, "utf8")).toBe("baru");
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir)).toEqual(["rapat.yaml"]);
  });
});

describe("another program changed the file since lokmin read it", () => {
  it("changed before the write: refused, the other writer's content stays", () => {
    const dir = tempDir();
    const file = path.join(dir, "rapat.yaml");
    writeFileSync(file, "versi 1\n");
    const read = readFileSync(file);
    writeFileSync(file, "versi editor\n");
    const error = thrown(() =>
      writeFileAtomic(file, "versi lokmin\n", { overwrite: true, expected: read, label: "a" }),
    );
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      "a diubah oleh program lain sejak lokmin membacanya; tidak ada yang ditulis — jalankan perintahnya lagi",
    );
    expect(readFileSync(file, "utf8")).toBe("versi editor\n");
    expect(readdirSync(dir)).toEqual(["rapat.yaml"]);
  });

  it("saved by an editor while lokmin writes its temp file: refused just before the rename", () => {
    const dir = tempDir();
    const file = path.join(dir, "rapat.yaml");
    writeFileSync(file, "versi 1\n");
    const read = readFileSync(file);
    setWriteOps({
      write: (fd, data) => {
        writeFileSync(file, "versi 1\n"); // same bytes rewritten: still fine
        writeFileSync(file, "versi 1 + catatan\n");
        return writeSync(fd, data);
      },
      rename: renameSync,
    });
    expect(() => writeFileAtomic(file, "versi lokmin\n", { overwrite: true, expected: read })).toThrow(
      /diubah oleh program lain/,
    );
    expect(readFileSync(file, "utf8")).toBe("versi 1 + catatan\n");
    expect(readdirSync(dir)).toEqual(["rapat.yaml"]);
  });

  it("unchanged (as a string or bytes) is written; deleted meanwhile is refused and not recreated", () => {
    const dir = tempDir();
    const file = path.join(dir, "rapat.yaml");
    writeFileSync(file, "versi 1\n");
    writeFileAtomic(file, "versi 2\n", { overwrite: true, expected: "versi 1\n" });
    writeFileAtomic(file, "versi 3\n", { overwrite: true, expected: readFileSync(file) });
    expect(readFileSync(file, "utf8")).toBe("versi 3\n");
    rmSync(file);
    expect(() => writeFileAtomic(file, "versi 4\n", { overwrite: true, expected: "versi 3\n" })).toThrow(
      /diubah oleh program lain/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("something in the way", () => {
  it("--out naming an existing folder is a clear UserError naming it", () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "notulen.docx"));
    const error = thrown(() =>
      writeFileAtomic(path.join(dir, "notulen.docx"), "x", { overwrite: true, label: "notulen.docx" }),
    );
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe("notulen.docx adalah folder; pilih nama berkas lain");
    expect(readdirSync(dir)).toEqual(["notulen.docx"]);
  });

  it("a file where a folder is wanted is a clear UserError naming that file, not an internal error", () => {
    const dir = tempDir();
    const blocker = path.join(dir, "keluaran");
    writeFileSync(blocker, "bukan folder");
    for (const target of [path.join(blocker, "a.docx"), path.join(blocker, "2024", "01", "a.docx")]) {
      const error = thrown(() => writeFileAtomic(target, "x", { overwrite: false, label: "a.docx" }));
      expect(error).toBeInstanceOf(UserError);
      expect(error.message).toMatch(
        `a.docx tidak dapat ditulis: ${blocker} adalah berkas, bukan folder; pindahkan atau ganti nama ${blocker}`,
      );
    }
    expect(readFileSync(blocker, "utf8")).toBe("bukan folder");
    expect(readdirSync(dir)).toEqual(["keluaran"]);
  });

  it.runIf(process.platform !== "win32")("a FIFO at the target is refused at once, never opened", () => {
    const dir = tempDir();
    const fifo = path.join(dir, "notulen.docx");
    execFileSync("mkfifo", [fifo]);
    expect(() => writeFileAtomic(fifo, "x", { overwrite: true, label: "notulen.docx" })).toThrow(
      /notulen\.docx bukan berkas biasa/,
    );
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(["notulen.docx"]);
  });

  it("an existing file without overwrite is still refused; a new file in new folders is created", () => {
    const dir = tempDir();
    const file = path.join(dir, "a", "b", "lokmin.yaml");
    writeFileAtomic(file, "satu", { overwrite: false });
    expect(() => writeFileAtomic(file, "dua", { overwrite: false, force: false, label: "lokmin.yaml" })).toThrow(
      "lokmin.yaml sudah ada; pakai --force untuk menimpanya",
    );
    expect(() => writeFileAtomic(file, "dua", { overwrite: false, label: "lokmin.yaml" })).toThrow(
      "lokmin.yaml sudah ada dan tidak ditimpa",
    );
    expect(readFileSync(file, "utf8")).toBe("satu");
  });
});
