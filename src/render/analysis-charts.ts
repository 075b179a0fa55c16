// Pictures of the forum's analysis, drawn to PNG with the chart machinery (pureimage and the DejaVu
// Sans font read through src/io/assets.ts): the fishbone of a priority problem (Perbup Pasal 15)
// and the 2×2 stakeholder map (Pasal 36). Black lines and text on white with grey fills only, so
// a grey printout reads as well as the projector; long text wraps, and the picture grows with the
// number of causes rather than shrinking them. Each picture is cached by its data (cachedBlob).
import type { Fishbone } from "../domain/fishbone.js";
import type { Stakeholder } from "../domain/schema.js";
import { stakeholderMap } from "../domain/stakeholders.js";
import { assetFile, FONT_ASSET } from "../io/assets.js";
import { cachedBlob } from "../io/cache.js";
import { type AnalysisInput, analysisPictures } from "./analysis-context.js";
import { encodePng } from "./png.js";

const WIDTH = 1200;
const FAMILY = "DejaVu Sans";
const MARGIN = 24;
/** Height at most this × width, so a picture at full text width stays within an A4 page. */
const MAX_ASPECT = 1.3;
const INK = "#000000";
const SOFT = "#555555";

export interface Picture {
  png: Uint8Array;
  width: number;
  height: number;
}

type PImage = typeof import("pureimage");
type Ctx = ReturnType<ReturnType<PImage["make"]>["getContext"]>;

let fontLoaded = false;
async function pureimage(): Promise<PImage> {
  const loaded = await import("pureimage");
  const PImage = ("default" in loaded ? loaded.default : loaded) as PImage;
  if (!fontLoaded) {
    PImage.registerFont(assetFile(FONT_ASSET), FAMILY, 400, "normal", "normal").loadSync();
    fontLoaded = true;
  }
  return PImage;
}

const font = (size: number) => `${size}px '${FAMILY}'`;

/** Words wrapped to lines no wider than `width` at the context's font; a word too long is cut. */
export function wrap(g: Pick<Ctx, "measureText">, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  const fits = (s: string) => g.measureText(s).width <= width;
  for (const word of text.trim().split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (!fits(line) && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(`${line.slice(0, cut)}-`)) cut--;
      lines.push(`${line.slice(0, cut)}-`);
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

const encode = (canvas: ReturnType<PImage["make"]>): Uint8Array => encodePng(canvas.width, canvas.height, canvas.data);

function line(g: Ctx, x0: number, y0: number, x1: number, y1: number, width: number, color = INK) {
  g.strokeStyle = color;
  g.lineWidth = width;
  g.beginPath();
  g.moveTo(x0, y0);
  g.lineTo(x1, y1);
  g.stroke();
}

function box(g: Ctx, x: number, y: number, w: number, h: number, fill: string, border = 2) {
  g.fillStyle = fill;
  g.fillRect(x, y, w, h);
  g.strokeStyle = INK;
  g.lineWidth = border;
  g.strokeRect(x, y, w, h);
}

function text(g: Ctx, lines: string[], x: number, top: number, size: number, color = INK, lineHeight = size * 1.25) {
  g.font = font(size);
  g.fillStyle = color;
  lines.forEach((l, i) => g.fillText(l, x, top + size + i * lineHeight));
}

interface FishboneLayout {
  size: number;
  lineHeight: number;
  causes: string[][][];
  height: number;
  top: number;
  bottom: number;
  head: string[];
}

/**
 * The fishbone: the problem in a box at the head (right), the spine to it, and one diagonal bone
 * per category, alternately above and below the spine, its name in a black label at the outer
 * end. Causes are stacked along their bone, each on its own rib line, wrapped to the column.
 */
export async function fishboneChart(fishbone: Fishbone, label = "MASALAH"): Promise<Picture> {
  const PImage = await pureimage();
  const measure = PImage.make(10, 10).getContext("2d");
  const bones = fishbone.bones;
  const columns = Math.max(1, Math.ceil(bones.length / 2));
  const headWidth = 270;
  const spineLeft = MARGIN;
  const spineRight = WIDTH - MARGIN - headWidth - 16;
  const columnWidth = (spineRight - spineLeft) / columns;
  const slant = Math.min(56, columnWidth * 0.2);
  const textWidth = columnWidth - slant - 26;
  const labelHeight = 40;

  // Shrink the type only as far as needed to keep the picture on a page; never below 15 px.
  const layout = (size: number): FishboneLayout => {
    const lineHeight = Math.round(size * 1.25);
    measure.font = font(size);
    const causes = bones.map((bone) => bone.sebab.map((cause) => wrap(measure, cause, textWidth)));
    const blockHeight = (lines: string[]) => lines.length * lineHeight + 12;
    const stack = (i: number) =>
      Math.max(
        lineHeight + 12,
        causes[i].reduce((sum, lines) => sum + blockHeight(lines), 0),
      );
    const half = (parity: number) =>
      Math.max(0, ...bones.map((_, i) => (i % 2 === parity ? stack(i) : 0))) + labelHeight + 24;
    measure.font = font(size + 2);
    const head = wrap(measure, fishbone.masalah, headWidth - 28);
    const headHeight = head.length * Math.round((size + 2) * 1.25) + 60;
    const top = Math.max(half(0), headHeight / 2 + 10);
    const bottom = Math.max(half(1), headHeight / 2 + 10);
    return { size, lineHeight, causes, top, bottom, height: MARGIN * 2 + top + bottom, head };
  };
  let plan = layout(24);
  for (let size = 23; size >= 15 && plan.height > WIDTH * MAX_ASPECT; size--) plan = layout(size);
  const { size, lineHeight, causes, height, head } = plan;
  const spineY = MARGIN + plan.top;

  const canvas = PImage.make(WIDTH, Math.ceil(height));
  const g = canvas.getContext("2d");
  g.fillStyle = "#ffffff";
  canvas.data.fill(255); // opaque white, as fillRect over the whole canvas

  // The head: the problem, in a grey box with a thick border, the spine pointing at it.
  const headLineHeight = Math.round((size + 2) * 1.25);
  const headHeight = head.length * headLineHeight + 60;
  const headX = WIDTH - MARGIN - headWidth;
  const headY = spineY - headHeight / 2;
  box(g, headX, headY, headWidth, headHeight, "#e3e3e3", 4);
  text(g, [label], headX + 14, headY + 8, size - 4, SOFT);
  text(g, head, headX + 14, headY + 34, size + 2, INK, headLineHeight);
  line(g, spineLeft, spineY, headX - 14, spineY, 6);
  g.fillStyle = INK;
  g.beginPath();
  g.moveTo(headX - 2, spineY);
  g.lineTo(headX - 26, spineY - 13);
  g.lineTo(headX - 26, spineY + 13);
  g.closePath();
  g.fill();

  bones.forEach((bone, index) => {
    const up = index % 2 === 0;
    const column = Math.floor(index / 2);
    const columnLeft = spineLeft + column * columnWidth;
    const anchorX = columnLeft + columnWidth - 12;
    const outerY = up ? MARGIN + labelHeight : spineY + plan.bottom - labelHeight;
    const outerX = anchorX - slant;
    const boneX = (y: number) => anchorX - (slant * Math.abs(spineY - y)) / Math.abs(spineY - outerY);
    line(g, anchorX, spineY, outerX, outerY, 4);

    // The category label: white on black for a listed category, black on white for "Lainnya".
    g.font = font(size);
    const name = bone.kategori;
    const nameWidth = Math.min(columnWidth - 10, g.measureText(name).width + 24);
    const labelX = Math.max(columnLeft + 4, outerX - nameWidth / 2);
    const labelY = up ? MARGIN : outerY;
    box(g, labelX, labelY, nameWidth, labelHeight - 6, bone.listed ? INK : "#ffffff");
    const shown = wrap(g, name, nameWidth - 16)[0];
    text(g, [shown], labelX + 12, labelY + 2, size, bone.listed ? "#ffffff" : INK);

    // Causes from the top of the picture down, each ending in a rib that meets the bone.
    let y = up ? MARGIN + labelHeight + 14 : spineY + 16;
    if (!causes[index].length) {
      text(g, ["(belum ada)"], columnLeft + 10, y, size - 2, SOFT);
      return;
    }
    for (const lines of causes[index]) {
      text(g, lines, columnLeft + 10, y - 4, size, INK, lineHeight);
      const ribY = y + lines.length * lineHeight + 2;
      line(g, columnLeft + 8, ribY, boneX(ribY), ribY, 2, SOFT);
      y += lines.length * lineHeight + 12;
    }
  });
  return { png: encode(canvas), width: WIDTH, height: Math.ceil(height) };
}

/**
 * The stakeholder map of Pasal 36: influence up, interest to the right; each quadrant headed by its
 * group (with the regulation's own word) and listing its members.
 */
export async function stakeholderChart(
  stakeholders: readonly Stakeholder[],
  title = "PETA STAKEHOLDER (Perbup Pasal 36)",
): Promise<Picture> {
  const PImage = await pureimage();
  const measure = PImage.make(10, 10).getContext("2d");
  const axis = 56;
  const gridLeft = MARGIN + axis;
  const cellWidth = (WIDTH - gridLeft - MARGIN) / 2;
  const size = 21;
  const lineHeight = Math.round(size * 1.25);
  const headerHeight = 2 * lineHeight + 20;
  const quadrants = stakeholderMap(stakeholders);
  // Screen position of each group: [column, row] with interest left → right, influence bottom → top.
  const place = (kind: (typeof quadrants)[number]["kind"]): [number, number] => [
    kind.kepentingan === "tinggi" ? 1 : 0,
    kind.pengaruh === "tinggi" ? 0 : 1,
  ];
  measure.font = font(size);
  const entries = quadrants.map((q) =>
    q.members.map((s) => wrap(measure, `• ${s.nama}${s.instansi ? ` (${s.instansi})` : ""}`, cellWidth - 36)),
  );
  const body = (i: number) =>
    Math.max(
      lineHeight,
      entries[i].reduce((sum, e) => sum + e.length * lineHeight + 6, 0),
    );
  const rowHeight = [0, 1].map((row) =>
    Math.max(200, ...quadrants.map((q, i) => (place(q.kind)[1] === row ? headerHeight + body(i) + 30 : 0))),
  );
  const top = MARGIN + (title ? 44 : 0);
  const gridBottom = top + rowHeight[0] + rowHeight[1];
  const height = Math.ceil(gridBottom + 70);

  const canvas = PImage.make(WIDTH, height);
  const g = canvas.getContext("2d");
  g.fillStyle = "#ffffff";
  canvas.data.fill(255); // opaque white, as fillRect over the whole canvas
  if (title) text(g, [title], gridLeft, MARGIN - 6, size + 3);
  const fills: Record<string, string> = {
    promotor: "#bdbdbd",
    laten: "#d9d9d9",
    defender: "#d9d9d9",
    apatis: "#f0f0f0",
  };
  quadrants.forEach((q, i) => {
    const [column, row] = place(q.kind);
    const x = gridLeft + column * cellWidth;
    const y = top + (row === 0 ? 0 : rowHeight[0]);
    box(g, x, y, cellWidth, rowHeight[row], "#ffffff", 3);
    box(g, x, y, cellWidth, headerHeight, fills[q.kind.id], 3);
    text(g, [`${q.kind.nama.toUpperCase()} (${q.kind.istilah})`], x + 14, y + 8, size + 2);
    text(
      g,
      [`pengaruh ${q.kind.pengaruh}, kepentingan ${q.kind.kepentingan}`],
      x + 14,
      y + 14 + lineHeight,
      size - 3,
      SOFT,
    );
    let entryY = y + headerHeight + 10;
    if (!entries[i].length) text(g, ["–"], x + 14, entryY, size, SOFT);
    for (const lines of entries[i]) {
      text(g, lines, x + 14, entryY - 4, size, INK, lineHeight);
      entryY += lines.length * lineHeight + 6;
    }
  });

  // Axes: interest along the bottom, influence up the left side (written horizontally, per row).
  const arrow = (x0: number, y0: number, x1: number, y1: number) => {
    line(g, x0, y0, x1, y1, 3);
    const angle = Math.atan2(y1 - y0, x1 - x0);
    g.fillStyle = INK;
    g.beginPath();
    g.moveTo(x1, y1);
    g.lineTo(x1 - 16 * Math.cos(angle - 0.45), y1 - 16 * Math.sin(angle - 0.45));
    g.lineTo(x1 - 16 * Math.cos(angle + 0.45), y1 - 16 * Math.sin(angle + 0.45));
    g.closePath();
    g.fill();
  };
  arrow(gridLeft, gridBottom + 22, WIDTH - MARGIN, gridBottom + 22);
  g.font = font(size);
  const interest = "KEPENTINGAN";
  text(g, [interest], WIDTH - MARGIN - g.measureText(interest).width - 24, gridBottom + 30, size);
  arrow(MARGIN + 8, gridBottom, MARGIN + 8, top);
  ["P", "E", "N", "G", "A", "R", "U", "H"].forEach((ch, k) =>
    text(g, [ch], MARGIN + 24, top + 24 + k * size, size - 3),
  );
  return { png: encode(canvas), width: WIDTH, height };
}

const isPng = (data: Uint8Array) =>
  data.length > 24 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47;

const sizeOf = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
};

/**
 * A picture made once per distinct data: re-rendering an unchanged month reuses the PNG. Bump
 * `version` whenever the drawing changes, or caches made by an earlier lokmin would be reused.
 */
async function cached(kind: string, data: unknown, make: () => Promise<Picture>, env?: NodeJS.ProcessEnv) {
  const key = JSON.stringify({ chart: kind, version: 1, data });
  const png = await cachedBlob(key, async () => (await make()).png, isPng, env);
  return { png, ...sizeOf(png) };
}

export const cachedFishbone = (fishbone: Fishbone, label?: string, env?: NodeJS.ProcessEnv) =>
  cached("fishbone", { fishbone, label }, () => fishboneChart(fishbone, label), env);

export const cachedStakeholderMap = (stakeholders: readonly Stakeholder[], env?: NodeJS.ProcessEnv) =>
  cached("stakeholder", stakeholders, () => stakeholderChart(stakeholders), env);

/** Every analysis picture of the month, drawn (or taken from the cache) under its context name. */
export async function analysisImages(input: AnalysisInput, env?: NodeJS.ProcessEnv) {
  const images: Record<string, Picture> = {};
  for (const picture of analysisPictures(input))
    images[picture.name] =
      picture.kind === "fishbone"
        ? await cachedFishbone(picture.fishbone, picture.label, env)
        : await cachedStakeholderMap(picture.stakeholders, env);
  return images;
}
