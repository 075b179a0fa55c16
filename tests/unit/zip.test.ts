// The DOCX container (src/render/zip.ts): the same parts give the same bytes in any time zone, the
// fingerprint's listing comes from the central directory, and a file from outside is read within
// limits: too many entries, an entry or a total too big, an entry lying about its size (stopped
// while inflating), a truncated file or a wrong checksum are each a ZipError, never a hang.
import { crc32 } from "node:zlib";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { listZip, readZip, writeZip, ZipError, type ZipEntries } from "../../src/render/zip.js";

const text = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
const parts = (): ZipEntries =>
  new Map([
    ["[Content_Types].xml", text(`<?xml version="1.0"?><Types>${"<Default/>".repeat(20)}</Types>`)],
    ["word/document.xml", text(`<w:document>${"<w:p>Rapat</w:p>".repeat(50)}</w:document>`)],
    ["word/media/logo.png", new Uint8Array(300).map((_, i) => (i * 7) % 256)],
    ["docProps/app.xml", text("<a/>")],
  ]);

/** Local file headers of a ZIP: name, method, DOS time and date. */
function localHeaders(zip: Buffer) {
  const out: Array<{ name: string; method: number; time: number; date: number }> = [];
  for (let p = 0; zip.readUInt32LE(p) === 0x04034b50;) {
    const nameLength = zip.readUInt16LE(p + 26);
    out.push({
      name: zip.toString("utf8", p + 30, p + 30 + nameLength),
      method: zip.readUInt16LE(p + 8),
      time: zip.readUInt16LE(p + 10),
      date: zip.readUInt16LE(p + 12),
    });
    p += 30 + nameLength + zip.readUInt16LE(p + 28) + zip.readUInt32LE(p + 18);
  }
  return out;
}

const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ZipError) return error.reason;
    throw error;
  }
  return "read";
};

describe("writing a DOCX container", () => {
  it("the same parts give the same bytes, in the order given, dated 1980-01-01 in any time zone", () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = "Asia/Jayapura";
      const east = writeZip(parts());
      process.env.TZ = "America/Los_Angeles";
      const west = writeZip(parts());
      expect(west.equals(east)).toBe(true);
      expect(writeZip(parts()).equals(east)).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    const zip = writeZip(parts());
    const headers = localHeaders(zip);
    expect(headers.map((h) => h.name)).toEqual([...parts().keys()]);
    expect(headers.every((h) => h.date === ((0 << 9) | (1 << 5) | 1) && h.time === 0)).toBe(true);
    // A package is dated the day it was made, at 00:00 in no time zone.
    const dated = localHeaders(writeZip(parts(), { date: "2024-06-05" }));
    expect(dated.every((h) => h.date === ((2024 - 1980) << 9) + (6 << 5) + 5 && h.time === 0)).toBe(true);
    // XML deflated; the picture and the tiny part stored as they are.
    expect(headers.map((h) => h.method)).toEqual([8, 8, 0, 0]);
    const changed = parts();
    changed.set("docProps/app.xml", text("<b/>"));
    expect(writeZip(changed).equals(zip)).toBe(false);
  });

  it("reads back every part, and lists names, CRC-32s and sizes from the directory alone", () => {
    const zip = writeZip(parts());
    const bytes = (entries: ZipEntries) => [...entries].map(([name, data]) => [name, Buffer.from(data)]);
    expect(bytes(readZip(zip))).toEqual(bytes(parts()));
    expect(listZip(zip)).toEqual([...parts()].map(([name, data]) => ({ name, crc: crc32(data), size: data.length })));
    expect([...readZip(zip, undefined, (name) => name === "docProps/app.xml").keys()]).toEqual(["docProps/app.xml"]);
  });

  // Word and LibreOffice reading it: tests/e2e/render.test.ts (LibreOffice converts every document).
  it("is read by another zip reader as written (fflate, names in UTF-8 included)", () => {
    const named = new Map([...parts(), ["word/média é.xml", text("<w:t>Désa</w:t>".repeat(10))]]);
    const zip = writeZip(named);
    const other = unzipSync(new Uint8Array(zip));
    expect(Object.keys(other)).toEqual([...named.keys()]);
    for (const [name, data] of named) expect(Buffer.from(other[name]).equals(Buffer.from(data)), name).toBe(true);
  });
});

describe("reading a ZIP from outside within limits", () => {
  const limits = { maxEntries: 10, maxEntryBytes: 1 << 20, maxTotalBytes: 2 << 20 };

  it("too many entries, an entry too big, a total too big: refused from the directory", () => {
    const many = new Map(Array.from({ length: 11 }, (_, i) => [`p${i}.xml`, text("<x/>")]));
    expect(reason(() => readZip(writeZip(many), limits))).toBe("too-big");
    expect(reason(() => listZip(writeZip(many), limits))).toBe("too-big");
    const big = new Map([["a.xml", new Uint8Array((1 << 20) + 1)]]);
    expect(reason(() => readZip(writeZip(big), limits))).toBe("too-big");
    const total = new Map([0, 1, 2].map((i) => [`p${i}.xml`, new Uint8Array(900_000)]));
    expect(reason(() => readZip(writeZip(total), limits))).toBe("too-big");
  });

  it("an entry that declares 100 bytes and inflates to 16 MB is stopped while inflating", () => {
    const zip = writeZip(new Map([["a.xml", new Uint8Array(16 << 20).fill(32)]]));
    const central = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(100, central + 24);
    zip.writeUInt32LE(100, 22);
    const start = process.cpuUsage();
    expect(reason(() => readZip(zip))).toBe("too-big");
    const used = process.cpuUsage(start);
    // Stopped after about 100 bytes of output, not after inflating 16 MB (about 1 s of CPU in fflate's unzipSync).
    expect((used.user + used.system) / 1000).toBeLessThan(300);
  });

  it("a truncated file, a wrong checksum, no ZIP at all: corrupt", () => {
    const zip = writeZip(parts());
    expect(reason(() => readZip(zip.subarray(0, zip.length - 40)))).toBe("corrupt");
    expect(reason(() => readZip(new Uint8Array(Buffer.from("PK\u0003\u0004 not a zip"))))).toBe("corrupt");
    const bad = Buffer.from(zip);
    const header = localHeaders(bad).findIndex((h) => h.name === "docProps/app.xml");
    let p = 0;
    for (let i = 0; i < header; i++)
      p += 30 + bad.readUInt16LE(p + 26) + bad.readUInt16LE(p + 28) + bad.readUInt32LE(p + 18);
    bad[p + 30 + bad.readUInt16LE(p + 26)] ^= 0xff; // the stored part's first byte
    expect(reason(() => readZip(bad))).toBe("corrupt");
  });
});
