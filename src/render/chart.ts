// Charts drawn in-process to PNG with pureimage (pure JavaScript, no native binary) and the
// DejaVu Sans font from the npm registry, so they look the same on every machine. Charts are
// meant to be printed in grey: series are told apart by line style and markers, values are
// written on the lines. `Sketch` holds the drawing helpers every chart shares (text that wraps,
// dashed lines, markers, PNG encoding); `trendChart` is the trend of cumulative capaian.
import type { TrendSeries } from "../domain/chart-series.js";
import { assetFile, FONT_ASSET } from "../io/assets.js";
import { encodePng } from "./png.js";

const FAMILY = "DejaVu Sans";
let fontsLoaded = false;

export interface Chart {
  png: Uint8Array;
  width: number;
  height: number;
}

type Context2D = ReturnType<ReturnType<typeof import("pureimage").make>["getContext"]>;

/** A canvas with the helpers every lokmin chart uses. */
export class Sketch {
  private constructor(
    readonly pureimage: typeof import("pureimage"),
    readonly canvas: ReturnType<typeof import("pureimage").make>,
    readonly g: Context2D,
    readonly width: number,
    readonly height: number,
  ) {}

  static async create(width: number, height: number): Promise<Sketch> {
    const loaded = await import("pureimage");
    const PImage = ("default" in loaded ? loaded.default : loaded) as typeof import("pureimage");
    if (!fontsLoaded) {
      PImage.registerFont(assetFile(FONT_ASSET), FAMILY, 400, "normal", "normal").loadSync();
      fontsLoaded = true;
    }
    const canvas = PImage.make(width, height);
    const g = canvas.getContext("2d");
    g.fillStyle = "#ffffff";
    canvas.data.fill(255); // opaque white: what fillRect over the whole canvas makes, without a call per pixel
    return new Sketch(PImage, canvas, g, width, height);
  }

  font(size: number) {
    this.g.font = `${Math.round(size)}px '${FAMILY}'`;
  }

  text(
    text: string,
    x: number,
    y: number,
    options: { size: number; color?: string; align?: "left" | "center" | "right" },
  ) {
    this.font(options.size);
    this.g.fillStyle = options.color ?? "#000000";
    const w = this.g.measureText(text).width;
    const left = options.align === "center" ? x - w / 2 : options.align === "right" ? x - w : x;
    this.g.fillText(text, left, y);
    return w;
  }

  /** Words wrapped to `width`; at most `lines` lines, the last one shortened with "…". */
  wrap(text: string, width: number, size: number, lines = 2): string[] {
    this.font(size);
    const out: string[] = [];
    let current = "";
    for (const word of text.split(/\s+/)) {
      const next = current ? `${current} ${word}` : word;
      if (this.g.measureText(next).width <= width || !current) current = next;
      else {
        out.push(current);
        current = word;
      }
    }
    if (current) out.push(current);
    if (out.length > lines) {
      let last = out[lines - 1];
      while (last.length > 1 && this.g.measureText(`${last}…`).width > width) last = last.slice(0, -1);
      return [...out.slice(0, lines - 1), `${last}…`];
    }
    return out;
  }

  line(points: Array<[number, number]>, options: { color: string; width: number; dash?: [number, number] }) {
    const { g } = this;
    g.strokeStyle = options.color;
    g.lineWidth = options.width;
    if (!options.dash) {
      g.beginPath();
      points.forEach(([x, y], i) => (i === 0 ? g.moveTo(x, y) : g.lineTo(x, y)));
      g.stroke();
      return;
    }
    // pureimage has no setLineDash: draw dashed polylines segment by segment.
    const [dash, gap] = options.dash;
    for (let i = 1; i < points.length; i++) {
      const [x0, y0] = points[i - 1];
      const [x1, y1] = points[i];
      const length = Math.hypot(x1 - x0, y1 - y0);
      for (let d = 0; d < length; d += dash + gap) {
        const a = d / length;
        const b = Math.min(length, d + dash) / length;
        g.beginPath();
        g.moveTo(x0 + (x1 - x0) * a, y0 + (y1 - y0) * a);
        g.lineTo(x0 + (x1 - x0) * b, y0 + (y1 - y0) * b);
        g.stroke();
      }
    }
  }

  /** A filled circle, or a hollow one (white inside) for a second series. */
  marker(x: number, y: number, radius: number, color: string, hollow = false) {
    const { g } = this;
    g.fillStyle = color;
    g.beginPath();
    g.arc(x, y, radius, 0, Math.PI * 2);
    g.fill();
    if (hollow) {
      g.fillStyle = "#ffffff";
      g.beginPath();
      g.arc(x, y, radius - 2.5, 0, Math.PI * 2);
      g.fill();
    }
  }

  rect(x: number, y: number, w: number, h: number, color: string) {
    this.g.fillStyle = color;
    this.g.fillRect(x, y, w, h);
  }

  async png(): Promise<Chart> {
    return {
      png: encodePng(this.canvas.width, this.canvas.height, this.canvas.data),
      width: this.width,
      height: this.height,
    };
  }
}

const fmt = (v: number) => v.toFixed(1).replace(".", ",");

/**
 * Small multiples: one panel per indicator of the series (src/domain/chart-series.ts, the same
 * series the app draws as SVG), each with its cumulative capaian (solid line, filled markers, value
 * at the last point) against its own cumulative target (dashed line, hollow markers), so an
 * indicator with a 50% target is judged against 50%. Panels of indicators behind two months or
 * more have a dark title bar.
 */
export async function trendChart(series: TrendSeries): Promise<Chart> {
  const shown = series.panels;
  const columns = shown.length <= 4 ? 2 : 3;
  const rows = Math.max(1, Math.ceil(shown.length / columns));
  const width = 1500;
  const panelW = width / columns;
  const panelH = 350;
  const top = 96;
  const height = top + rows * panelH + 10;
  const s = await Sketch.create(width, height);
  s.text(series.title, 20, 40, { size: 30 });
  // The legend, drawn once at the top so it is never cut.
  const ly = 76;
  s.line(
    [
      [24, ly - 8],
      [84, ly - 8],
    ],
    { color: "#000000", width: 5 },
  );
  s.marker(54, ly - 8, 7, "#000000");
  let lx = 96 + s.text("capaian kumulatif", 96, ly, { size: 24 }) + 40;
  s.line(
    [
      [lx, ly - 8],
      [lx + 60, ly - 8],
    ],
    { color: "#555555", width: 4, dash: [12, 7] },
  );
  s.marker(lx + 30, ly - 8, 7, "#555555", true);
  lx += 72;
  lx += s.text("target kumulatif indikator itu", lx, ly, { size: 24 }) + 40;
  s.rect(lx, ly - 20, 26, 20, "#333333");
  s.text("tertinggal ≥ 2 bulan", lx + 36, ly, { size: 24 });

  const n = Math.max(series.labels.length, 1);
  shown.forEach((panel, index) => {
    const px = (index % columns) * panelW;
    const py = top + Math.floor(index / columns) * panelH;
    const plot = { left: px + 78, top: py + 80, width: panelW - 190, height: panelH - 140 };
    const titleLines = s.wrap(panel.title, panelW - 36, 24, 2);
    if (panel.flagged) s.rect(px + 8, py + 2, panelW - 16, 64, "#333333");
    titleLines.forEach((line, i) =>
      s.text(line, px + 16, py + 28 + i * 29, { size: 24, color: panel.flagged ? "#ffffff" : "#000000" }),
    );
    const { high, step } = panel;
    const x = (i: number) => plot.left + (n === 1 ? plot.width / 2 : (i / (n - 1)) * plot.width);
    const y = (v: number) => plot.top + plot.height - (Math.min(v, high) / high) * plot.height;
    for (let v = 0; v <= high; v += step) {
      s.line(
        [
          [plot.left, y(v)],
          [plot.left + plot.width, y(v)],
        ],
        { color: "#d0d0d0", width: 1 },
      );
      s.text(`${v}%`, plot.left - 8, y(v) + 7, { size: 20, color: "#444444", align: "right" });
    }
    series.labels.forEach((label, i) =>
      s.text(label, x(i), plot.top + plot.height + 30, { size: 20, color: "#444444", align: "center" }),
    );
    const target = panel.points.flatMap((p, i) => (p.target === null ? [] : [[x(i), y(p.target)] as [number, number]]));
    s.line(target, { color: "#555555", width: 4, dash: [12, 7] });
    for (const [tx, ty] of target) s.marker(tx, ty, 6, "#555555", true);
    const actual = panel.points.flatMap((p, i) =>
      p.capaian === null ? [] : [[x(i), y(p.capaian)] as [number, number]],
    );
    s.line(actual, { color: "#000000", width: 5 });
    for (const [ax, ay] of actual) s.marker(ax, ay, 7, "#000000");
    const last = [...panel.points].reverse().find((p) => p.target !== null);
    if (last && last.capaian !== null && last.target !== null && actual.length) {
      const [ax, ay] = actual[actual.length - 1];
      const above = last.capaian >= last.target;
      s.text(`${fmt(last.capaian)}%`, ax + 12, ay + (above ? -12 : 28), { size: 23 });
      const [tx, ty] = target[target.length - 1];
      s.text(`${fmt(last.target)}%`, tx + 12, ty + (above ? 28 : -12), { size: 21, color: "#555555" });
    }
  });
  return s.png();
}

/** A grey stand-in picture for a starting Word template; lokmin replaces it by its alt text. */
/** Placeholder pictures made in this process, by label and size: each template of a workspace has one. */
const placeholders = new Map<string, Promise<Chart>>();

export function placeholderPicture(label: string, width = 1500, height = 700): Promise<Chart> {
  const key = `${width}\0${height}\0${label}`;
  let made = placeholders.get(key);
  if (!made) {
    made = drawPlaceholder(label, width, height);
    placeholders.set(key, made);
    made.catch(() => placeholders.delete(key));
  }
  return made;
}

async function drawPlaceholder(label: string, width: number, height: number): Promise<Chart> {
  const s = await Sketch.create(width, height);
  s.rect(0, 0, width, height, "#e6e6e6");
  s.rect(6, 6, width - 12, height - 12, "#f4f4f4");
  s.text(label, width / 2, height / 2, { size: 44, color: "#555555", align: "center" });
  return s.png();
}
