// The ZIP container of a DOCX: a deterministic writer (fixed timestamps, entries in the order
// given) and a defensive reader for files that come from outside (workspace templates, documents a
// person may have edited): sizes, entry counts and the total inflated size are bounded before and
// during inflation, so a corrupt file or a zip bomb is a clear error, never a hang or an exhausted
// memory. Both are our own over node's zlib: fflate's zipSync deflates in JavaScript, 4-5× the CPU
// of zlib's native deflate (≈ 66 against 15 ms for the month's ten documents, an eighth of
// `render`), and its unzipSync gives neither the CRC-32s of the central directory (the fingerprint
// of ./package.ts reads them without inflating) nor a stop while inflating an entry that lies about
// its size (it inflates the whole stream into a buffer of the declared size, silently cutting the
// rest), which zlib does with maxOutputLength. The writer writes only what Word and LibreOffice
// read: local headers with sizes and CRC (no data descriptors), a central directory, its end.
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";

export type ZipEntries = Map<string, Uint8Array>;

export class ZipError extends Error {
  constructor(
    readonly reason: "corrupt" | "too-big" | "unsupported",
    message: string,
  ) {
    super(message);
  }
}

/** Limits for reading a zip from outside: a real DOCX template is far below these. */
export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export const DOCX_LIMITS: ZipLimits = { maxEntries: 2000, maxEntryBytes: 32 << 20, maxTotalBytes: 64 << 20 };

/** An entry's date, MS-DOS form, unless given: 1980-01-01 00:00, the first a ZIP holds. Same content, same bytes. */
const DOS_EPOCH = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/** An ISO date (2024-06-05) as an MS-DOS date at 00:00, in no time zone; 1980-01-01 for none or earlier. */
function dosDate(iso: string | undefined): number {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m || Number(m[1]) < 1980) return DOS_EPOCH;
  return ((Number(m[1]) - 1980) << 9) | (Number(m[2]) << 5) | Number(m[3]);
}

/** Pictures are compressed already and tiny parts gain nothing: both are stored, as Word does. */
const stored = (name: string, data: Uint8Array) => data.length <= 64 || /\.(png|jpe?g|gif)$/i.test(name);

/** A ZIP of the entries in the order given (deflated, pictures and tiny parts stored), dated `date` at 00:00. */
export function writeZip(entries: ZipEntries, options: { date?: string } = {}): Buffer {
  const date = dosDate(options.date);
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const method = stored(name, data) ? 0 : 8;
    const body = method === 8 ? deflateRawSync(data, { level: 6 }) : data;
    const crc = crc32(data);
    // Bit 11: the name is UTF-8 (set only when it is not plain ASCII, as zip tools do).
    const flags = nameBytes.length === name.length ? 0 : 0x800;
    const local = Buffer.alloc(30 + nameBytes.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    nameBytes.copy(local, 30);
    const entry = Buffer.alloc(46 + nameBytes.length);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(flags, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt16LE(DOS_TIME, 12);
    entry.writeUInt16LE(date, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    nameBytes.copy(entry, 46);
    locals.push(local, Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    central.push(entry);
    offset += local.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export interface ZipListing {
  name: string;
  crc: number;
  size: number;
}

/** Names, CRC-32s and sizes of a ZIP's entries, from its central directory alone (nothing inflated). */
export function listZip(bytes: Uint8Array, limits: ZipLimits = DOCX_LIMITS): ZipListing[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { count, cdOffset } = endRecord(buf, limits);
  const out: ZipListing[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ZipError("corrupt", "bad entry");
    const nameLength = buf.readUInt16LE(p + 28);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLength);
    if (!name.endsWith("/")) out.push({ name, crc: buf.readUInt32LE(p + 16), size: buf.readUInt32LE(p + 24) });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

function endRecord(buf: Buffer, limits: ZipLimits) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("corrupt", "no ZIP end record");
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError("unsupported", "ZIP64");
  if (count > limits.maxEntries) throw new ZipError("too-big", `${count} entries`);
  if (cdOffset + cdSize > buf.length) throw new ZipError("corrupt", "central directory outside the file");
  return { count, cdOffset };
}

/** An entry of a ZIP archive as its directories describe it, its data still compressed. */
export interface ZipRawEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  /** The declared size once inflated. */
  size: number;
  /** The entry's compressed bytes (a view into the archive). */
  raw: Buffer;
}

/**
 * The entries of a ZIP archive, one at a time as they are asked for, nothing inflated: names passed
 * to `wanted` first, then the limits on sizes and on the entry count, the local header and bounds.
 * Anything malformed is a ZipError.
 */
export function* zipEntries(
  bytes: Uint8Array,
  limits: ZipLimits = DOCX_LIMITS,
  wanted: (name: string) => boolean = () => true,
): Generator<ZipRawEntry> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { count, cdOffset } = endRecord(buf, limits);
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ZipError("corrupt", "bad entry");
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw new ZipError("unsupported", "encrypted entry");
    if (name.endsWith("/") || !wanted(name)) continue;
    if (size > limits.maxEntryBytes) throw new ZipError("too-big", `${name}: ${size} bytes`);
    total += size;
    if (total > limits.maxTotalBytes) throw new ZipError("too-big", `total ${total} bytes`);
    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== 0x04034b50)
      throw new ZipError("corrupt", `${name}: bad local header`);
    const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (start + compressed > buf.length) throw new ZipError("corrupt", `${name}: truncated`);
    yield { name, method, crc, size, raw: buf.subarray(start, start + compressed) };
  }
}

/** An entry's content, inflated within the limits (never past its declared size); malformed is a ZipError. */
export function inflateEntry(
  entry: ZipRawEntry,
  limits: ZipLimits = DOCX_LIMITS,
  /** `crc: false` when the caller checks the content by a stronger hash of its own (a package's SHA-256). */
  options: { crc?: boolean } = {},
): Buffer {
  const { name, method, raw, size } = entry;
  let data: Buffer;
  if (method === 0) data = raw;
  else if (method === 8) {
    try {
      // The declared size may lie: inflation itself is capped, one byte over is "too big".
      // The output buffer sized to the entry (zlib's default is 16 KB a call, mostly wasted on small parts).
      data = inflateRawSync(raw, {
        maxOutputLength: Math.min(limits.maxEntryBytes, size) + 1,
        chunkSize: Math.max(64, Math.min(size + 1, 1 << 20)),
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
        throw new ZipError("too-big", `${name}: inflates past its declared size`);
      throw new ZipError("corrupt", `${name}: ${(error as Error).message}`);
    }
  } else throw new ZipError("unsupported", `${name}: compression method ${method}`);
  if (data.length !== size) throw new ZipError(data.length > size ? "too-big" : "corrupt", `${name}: size`);
  if (options.crc !== false && crc32(data) !== entry.crc) throw new ZipError("corrupt", `${name}: checksum`);
  return data;
}

/** Read every entry of a ZIP archive within the limits; anything malformed is a ZipError. */
export function readZip(
  bytes: Uint8Array,
  limits: ZipLimits = DOCX_LIMITS,
  wanted: (name: string) => boolean = () => true,
  /** `crc: false` when the caller checks each entry's content by a stronger hash of its own (a package's SHA-256). */
  options: { crc?: boolean } = {},
): ZipEntries {
  const out: ZipEntries = new Map();
  for (const entry of zipEntries(bytes, limits, wanted)) out.set(entry.name, inflateEntry(entry, limits, options));
  return out;
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text made safe for XML content and attributes; characters XML 1.0 cannot carry are dropped. */
export const xml = (text: string) =>
  // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
