// The last step of every document lokmin writes, built-in or from a workspace's Word template: a
// fingerprint of the package's content goes into a custom document property (`lokmin-sidik`),
// so a later `render` can tell a file nobody touched (replaced freely) from one someone edited
// in Word (kept). Word and LibreOffice keep custom properties when they save, but any save
// rewrites the content, so the fingerprint no longer matches.
import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";
import { CUSTOM_PROPS_TYPE } from "./docx.js";
import { listZip, readZip, writeZip, xml, ZipError, type ZipEntries, type ZipListing } from "./zip.js";

const CUSTOM = "docProps/custom.xml";
const PROPERTY = "lokmin-sidik";
const FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";
const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";

/**
 * A hash of every part but the custom properties: their names, CRC-32s and sizes in name order.
 * The same values sit in the ZIP's central directory, so checking a file needs no inflating.
 */
function fingerprintOf(listing: ZipListing[]): string {
  const hash = createHash("sha256");
  for (const e of [...listing].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name === CUSTOM) continue;
    hash.update(`${e.name}\0${e.crc}\0${e.size}\n`);
  }
  return hash.digest("hex").slice(0, 40);
}

export const fingerprint = (entries: ZipEntries) =>
  fingerprintOf([...entries].map(([name, data]) => ({ name, crc: crc32(data), size: data.length })));

const decode = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");
const encode = (text: string) => Buffer.from(text, "utf8");

/** The package as bytes, with its fingerprint stored in the custom properties (kept and merged). */
export function finishDocx(entries: ZipEntries): { data: Buffer; sidik: string } {
  const out: ZipEntries = new Map(entries);
  const sidik = fingerprint(out);
  const property = (pid: number) =>
    `<property fmtid="${FMTID}" pid="${pid}" name="${PROPERTY}"><vt:lpwstr>${xml(sidik)}</vt:lpwstr></property>`;
  const existing = out.get(CUSTOM);
  if (existing) {
    const text = decode(existing).replace(new RegExp(`<property[^>]*name="${PROPERTY}"[^>]*>.*?</property>`, "s"), "");
    const pids = [...text.matchAll(/pid="(\d+)"/g)].map((m) => Number(m[1]));
    const next = Math.max(1, ...pids) + 1;
    out.set(CUSTOM, encode(text.replace(/<\/(\w+:)?Properties>\s*$/, (end) => `${property(next)}${end}`)));
  } else {
    out.set(
      CUSTOM,
      encode(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns=' +
          '"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
          `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${property(2)}</Properties>`,
      ),
    );
    const types = out.get("[Content_Types].xml");
    if (types && !decode(types).includes('PartName="/docProps/custom.xml"')) {
      out.set(
        "[Content_Types].xml",
        encode(
          decode(types).replace(
            "</Types>",
            `<Override PartName="/docProps/custom.xml" ContentType="${CUSTOM_PROPS_TYPE}"/></Types>`,
          ),
        ),
      );
    }
    const rels = out.get("_rels/.rels");
    if (rels && !decode(rels).includes(REL_TYPE)) {
      out.set(
        "_rels/.rels",
        encode(
          decode(rels).replace(
            "</Relationships>",
            `<Relationship Id="rIdLokminCustom" Type="${REL_TYPE}" Target="docProps/custom.xml"/></Relationships>`,
          ),
        ),
      );
    }
  }
  return { data: writeZip(out), sidik };
}

export type Provenance =
  /** lokmin wrote it and nobody changed it since. */
  | { kind: "lokmin"; sidik: string }
  /** lokmin wrote it, then someone saved it (Word, LibreOffice…). */
  | { kind: "edited" }
  /** Not a document lokmin wrote (no fingerprint), or not a readable DOCX at all. */
  | { kind: "foreign" };

/** Where an existing file came from, judged by its fingerprint. */
export function provenance(bytes: Uint8Array): Provenance {
  let listing: ZipListing[];
  let custom: Uint8Array | undefined;
  try {
    listing = listZip(bytes);
    if (listing.some((e) => e.name === CUSTOM))
      custom = readZip(bytes, undefined, (name) => name === CUSTOM).get(CUSTOM);
  } catch (error) {
    if (error instanceof ZipError) return { kind: "foreign" };
    throw error;
  }
  const stored = custom
    ? new RegExp(`name="${PROPERTY}"[^>]*>\\s*<vt:lpwstr>([0-9a-f]+)</vt:lpwstr>`).exec(decode(custom))?.[1]
    : undefined;
  if (!stored) return { kind: "foreign" };
  return fingerprintOf(listing) === stored ? { kind: "lokmin", sidik: stored } : { kind: "edited" };
}
