// Charts as SVG text for the browser app, drawn from the same series as the documents' PNG charts
// (src/domain/chart-series.ts) and in the same manner: black and grey only, series told apart by
// line style and marker (solid line and filled dots for capaian, dashed line and hollow dots for the
// target), values written at the last point, so a grey printout or a colour-blind reader loses
// nothing. Pure: strings in, a string out; every text from the data is escaped here, and only
// presentation attributes are used (the app's Content-Security-Policy refuses inline styles).
import type { TrendPanel } from "../domain/chart-series.js";
import type { Fishbone } from "../domain/fishbone.js";
import { percent } from "../domain/format-id.js";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe for SVG/XML content and attribute values. */
export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);

/** An id made of safe characters only (for `id` and `aria-labelledby`). */
export const safeId = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, "_");

const n = (v: number) => String(Math.round(v * 10) / 10);

export interface PanelSvgOptions {
  /** Unique in the page: the SVG's title and description are referred to by it. */
  id: string;
  width?: number;
  height?: number;
  /** Type size of the labels (the projector uses larger). */
  font?: number;
  /** The sentence read by a screen reader (the table beside the chart holds the numbers). */
  description: string;
}

/** One indicator's trend: capaian against its target line, month by month. */
export function trendPanelSvg(panel: TrendPanel, options: PanelSvgOptions): string {
  const width = options.width ?? 300;
  const height = options.height ?? 180;
  const font = options.font ?? 12;
  const id = safeId(options.id);
  const plot = { left: font * 3.4, top: font * 1.2, right: width - font * 4.2, bottom: height - font * 2.2 };
  const count = Math.max(panel.points.length, 1);
  const x = (i: number) =>
    count === 1 ? (plot.left + plot.right) / 2 : plot.left + (i / (count - 1)) * (plot.right - plot.left);
  const y = (v: number) => plot.bottom - (Math.min(Math.max(v, 0), panel.high) / panel.high) * (plot.bottom - plot.top);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}" width="${width}" ` +
      `height="${height}" role="img" aria-labelledby="${id}-t ${id}-d" ` +
      `font-family="DejaVu Sans, Verdana, sans-serif" font-size="${font}">`,
    `<title id="${id}-t">${escapeXml(panel.title)}</title>`,
    `<desc id="${id}-d">${escapeXml(options.description)}</desc>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  );
  for (let v = 0; v <= panel.high; v += panel.step) {
    out.push(
      `<line x1="${n(plot.left)}" y1="${n(y(v))}" x2="${n(plot.right)}" y2="${n(y(v))}" stroke="#d0d0d0" ` +
        `stroke-width="1"/>`,
      `<text x="${n(plot.left - 4)}" y="${n(y(v) + font * 0.35)}" text-anchor="end" fill="#444444">${v}%</text>`,
    );
  }
  panel.points.forEach((p, i) => {
    // Every label when they fit, else every other one (the table beside has them all).
    if (count > 8 && i % 2 === 1 && i !== count - 1) return;
    out.push(
      `<text x="${n(x(i))}" y="${n(plot.bottom + font * 1.4)}" text-anchor="middle" fill="#444444">` +
        `${escapeXml(p.label)}</text>`,
    );
  });
  const path = (values: Array<number | null>) => {
    const parts: string[] = [];
    let pen = false;
    values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      parts.push(`${pen ? "L" : "M"}${n(x(i))} ${n(y(v))}`);
      pen = true;
    });
    return parts.join(" ");
  };
  const target = panel.points.map((p) => p.target);
  const actual = panel.points.map((p) => p.capaian);
  const targetPath = path(target);
  if (targetPath)
    out.push(
      `<path class="target" d="${targetPath}" fill="none" stroke="#555555" stroke-width="${n(font / 6)}" ` +
        `stroke-dasharray="${n(font / 2)} ${n(font / 3)}"/>`,
    );
  target.forEach((v, i) => {
    if (v !== null)
      out.push(
        `<circle cx="${n(x(i))}" cy="${n(y(v))}" r="${n(font / 3.4)}" fill="#ffffff" stroke="#555555" ` +
          `stroke-width="${n(font / 8)}"/>`,
      );
  });
  const actualPath = path(actual);
  if (actualPath)
    out.push(`<path class="capaian" d="${actualPath}" fill="none" stroke="#000000" stroke-width="${n(font / 4.5)}"/>`);
  actual.forEach((v, i) => {
    if (v !== null) out.push(`<circle cx="${n(x(i))}" cy="${n(y(v))}" r="${n(font / 3)}" fill="#000000"/>`);
  });
  const lastIndex = panel.points.map((p) => p.target !== null).lastIndexOf(true);
  const last = panel.points[lastIndex];
  if (last && last.target !== null) {
    const above = last.capaian !== null && last.capaian >= last.target;
    if (last.capaian !== null)
      out.push(
        `<text x="${n(x(lastIndex) + font * 0.5)}" y="${n(y(last.capaian) + (above ? -font * 0.4 : font * 1.1))}" ` +
          `fill="#000000" font-weight="bold">${escapeXml(percent(last.capaian))}</text>`,
      );
    out.push(
      `<text x="${n(x(lastIndex) + font * 0.5)}" y="${n(y(last.target) + (above ? font * 1.1 : -font * 0.4))}" ` +
        `fill="#555555">${escapeXml(percent(last.target))}</text>`,
    );
  }
  out.push("</svg>");
  return out.join("");
}

export interface FishboneSvgOptions {
  id: string;
  description: string;
  width?: number;
  font?: number;
}

/** Words wrapped to about `chars` characters a line (an estimate: the browser measures nothing here). */
export function wrapText(text: string, chars: number, lines = 3): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= chars || !line) line = next;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line) out.push(line);
  if (out.length > lines) return [...out.slice(0, lines - 1), `${out[lines - 1].slice(0, Math.max(1, chars - 1))}…`];
  return out.map((l) => (l.length > chars ? `${l.slice(0, chars - 1)}…` : l));
}

/**
 * The fishbone as the forum types it: the problem at the head on the right, the spine, one bone per
 * category (alternately above and below), its name in a dark label, its causes listed along it.
 */
export function fishboneSvg(fishbone: Fishbone, options: FishboneSvgOptions): string {
  const width = options.width ?? 960;
  const font = options.font ?? 16;
  const id = safeId(options.id);
  const bones = fishbone.bones;
  const columns = Math.max(1, Math.ceil(bones.length / 2));
  const headW = Math.min(260, width * 0.26);
  const spineRight = width - headW - 12;
  const colW = (spineRight - 16) / columns;
  const chars = Math.max(12, Math.floor(colW / (font * 0.58)));
  const line = font * 1.25;
  const causeLines = bones.map((b) => b.sebab.map((c) => wrapText(c, chars - 2, 3)));
  const heightOf = (k: number) => causeLines[k].reduce((h, c) => h + c.length * line + 4, 0);
  const upper = Math.max(line * 2, ...bones.map((_, k) => (k % 2 === 0 ? heightOf(k) : 0)));
  const lower = Math.max(line * 2, ...bones.map((_, k) => (k % 2 === 1 ? heightOf(k) : 0)));
  const label = font * 1.9;
  const spineY = label + upper + font;
  const height = spineY + font + lower + label + 8;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="fishbone" viewBox="0 0 ${width} ${n(height)}" ` +
      `width="${width}" height="${n(height)}" role="img" aria-labelledby="${id}-t ${id}-d" ` +
      `font-family="DejaVu Sans, Verdana, sans-serif" font-size="${font}">`,
    `<title id="${id}-t">${escapeXml(fishbone.masalah)}</title>`,
    `<desc id="${id}-d">${escapeXml(options.description)}</desc>`,
    `<rect x="0" y="0" width="${width}" height="${n(height)}" fill="#ffffff"/>`,
    `<line x1="8" y1="${n(spineY)}" x2="${n(spineRight)}" y2="${n(spineY)}" stroke="#000000" stroke-width="4"/>`,
  );
  const headLines = wrapText(fishbone.masalah, Math.floor((headW - 16) / (font * 0.6)), 6);
  const headH = Math.max(line * 2, headLines.length * line + 12);
  out.push(
    `<rect x="${n(spineRight)}" y="${n(spineY - headH / 2)}" width="${n(headW)}" height="${n(headH)}" ` +
      `fill="#eeeeee" stroke="#000000" stroke-width="2"/>`,
  );
  headLines.forEach((l, i) =>
    out.push(
      `<text x="${n(spineRight + 8)}" y="${n(spineY - headH / 2 + 6 + font + i * line)}" fill="#000000" ` +
        `font-weight="bold">${escapeXml(l)}</text>`,
    ),
  );
  bones.forEach((bone, k) => {
    const above = k % 2 === 0;
    const col = Math.floor(k / 2);
    const left = 16 + col * colW;
    const tip = left + colW * 0.85;
    const outerY = above ? label : height - label - 8;
    out.push(
      `<line x1="${n(left + 4)}" y1="${n(outerY)}" x2="${n(tip)}" y2="${n(spineY)}" stroke="#000000" ` +
        `stroke-width="2.5"/>`,
      `<rect x="${n(left)}" y="${n(above ? 2 : outerY)}" width="${n(colW - 12)}" height="${n(label - 4)}" ` +
        `fill="#222222"/>`,
      `<text x="${n(left + 6)}" y="${n((above ? 2 : outerY) + label * 0.66)}" fill="#ffffff" font-weight="bold">` +
        `${escapeXml(wrapText(bone.kategori, chars, 1)[0] ?? "")}</text>`,
    );
    let yy = above ? label + 6 : spineY + font;
    for (const cause of causeLines[k]) {
      cause.forEach((l, i) =>
        out.push(
          // A white halo under each cause, so the bone it crosses never strikes through the words.
          `<text x="${n(left + 14)}" y="${n(yy + font + i * line)}" fill="#000000" stroke="#ffffff" ` +
            `stroke-width="5" stroke-linejoin="round" paint-order="stroke">${i === 0 ? "• " : "  "}` +
            `${escapeXml(l)}</text>`,
        ),
      );
      yy += cause.length * line + 4;
    }
  });
  out.push("</svg>");
  return out.join("");
}
