// The notulen readable in the page: the very DOCX the Puskesmas sent (what it signed, in its own
// Word template if it has one) turned into HTML by mammoth, then passed through a whitelist that
// keeps only structure — paragraphs, headings, lists, tables, emphasis and embedded PNG/JPEG pictures
// — with no attribute but a table cell's span and a picture's data URI and alt text. Text is escaped
// again on the way out; the app's Content-Security-Policy forbids scripts and styles in the page
// anyway. mammoth is loaded only here, when a notulen is shown.
import { escapeXml } from "../../render/svg.js";

const KEEP = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "strong",
  "b",
  "em",
  "i",
  "u",
  "s",
  "sub",
  "sup",
  "br",
  "ul",
  "ol",
  "li",
  "table",
  "thead",
  "tbody",
  "tr",
  "td",
  "th",
  "blockquote",
  "img",
]);
/** Elements whose content is dropped with them (mammoth never writes them; a hostile input might). */
const DROP = new Set(["script", "style", "iframe", "object", "embed", "svg", "math", "template", "noscript"]);
const VOID = new Set(["br", "img"]);
const PICTURE = /^data:image\/(png|jpeg|gif);base64,[A-Za-z0-9+/=\s]+$/;

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** Only the elements and attributes of KEEP, every text escaped. */
export function sanitizeHtml(html: string): string {
  const out: string[] = [];
  const open: string[] = [];
  let dropping = 0;
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b((?:[^<>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?-->|<![^>]*>|<\?[^>]*>/g;
  let last = 0;
  const text = (chunk: string) => {
    if (!dropping && chunk) out.push(escapeXml(decode(chunk)));
  };
  for (const m of html.matchAll(tag)) {
    text(html.slice(last, m.index));
    last = m.index! + m[0].length;
    if (!m[2]) continue; // a comment, a doctype or a processing instruction
    const closing = m[1] === "/";
    const name = m[2].toLowerCase();
    if (DROP.has(name)) {
      dropping += closing ? (dropping > 0 ? -1 : 0) : /\/\s*$/.test(m[3]) ? 0 : 1;
      continue;
    }
    if (dropping || !KEEP.has(name)) continue;
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at < 0) continue;
      while (open.length > at) out.push(`</${open.pop()}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of m[3].matchAll(/([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g))
      attrs[a[1].toLowerCase()] = decode(a[2] ?? a[3] ?? a[4] ?? "");
    let kept = "";
    if (name === "td" || name === "th")
      for (const key of ["colspan", "rowspan"])
        if (/^\d{1,3}$/.test(attrs[key] ?? "")) kept += ` ${key}="${attrs[key]}"`;
    if (name === "img") {
      if (!PICTURE.test(attrs.src ?? "")) continue;
      kept += ` src="${attrs.src.replace(/\s+/g, "")}" alt="${escapeXml(attrs.alt ?? "")}"`;
    }
    out.push(`<${name}${kept}>`);
    if (!VOID.has(name)) open.push(name);
  }
  text(html.slice(last));
  while (open.length) out.push(`</${open.pop()}>`);
  return out.join("");
}

/** The DOCX's content as safe HTML; undefined when it cannot be read as a Word document. */
export async function notulenHtml(docx: Uint8Array): Promise<string | undefined> {
  const loaded = await import("mammoth");
  const mammoth = ("default" in loaded ? loaded.default : loaded) as typeof import("mammoth");
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(docx) });
    return sanitizeHtml(result.value);
  } catch {
    return undefined;
  }
}
