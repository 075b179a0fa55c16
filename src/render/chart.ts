// The trend chart: cumulative capaian per indicator month by month against the pro-rata target
// line, drawn in-process to PNG with pureimage (pure JavaScript, no native binary) and the DejaVu
// Sans font from the npm registry, so it renders the same on every machine. Indicators behind
// for two or more months are drawn in red.
import { PassThrough } from "node:stream";
import type { IndicatorTrend } from "../domain/trends.js";
import { assetFile, FONT_ASSET } from "../io/assets.js";

const SCALE = 0.75;
const WIDTH = Math.round(1400 * SCALE);
const FAMILY = "DejaVu Sans";
let fontsLoaded = false;
const PALETTE = ["#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#17becf", "#bcbd22", "#7f7f7f", "#e377c2"];

export interface Chart {
  png: Uint8Array;
  width: number;
  height: number;
}

/** A line chart of the given trends (at most 8 lines, the ones furthest behind first). */
export async function trendChart(trends: IndicatorTrend[], monthLabels: string[], title: string): Promise<Chart> {
  const loaded = await import("pureimage");
  const PImage = ("default" in loaded ? loaded.default : loaded) as typeof import("pureimage");
  if (!fontsLoaded) {
    PImage.registerFont(assetFile(FONT_ASSET), FAMILY, 400, "normal", "normal").loadSync();
    fontsLoaded = true;
  }
  const shown = [...trends]
    .sort((a, b) => Number(b.flagged) - Number(a.flagged) || b.behindStreak - a.behindStreak)
    .slice(0, 8);
  const legendRows = Math.ceil(shown.length / 2);
  const plot = { left: 70, top: 60, width: WIDTH - 100, height: 390 };
  const height = plot.top + plot.height + 70 + legendRows * 27;
  const canvas = PImage.make(WIDTH, height);
  const g = canvas.getContext("2d");
  // One face keeps start-up short; emphasis is carried by colour and line weight.
  const font = (size: number, _bold = false) => `${Math.round(size * SCALE)}px '${FAMILY}'`;
  /** pureimage has no setLineDash: draw dashed polylines segment by segment. */
  const dashed = (points: Array<[number, number]>, dash = 12, gap = 8) => {
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
  };
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, WIDTH, height);
  g.fillStyle = "#000000";
  g.font = font(28, true);
  g.fillText(title, plot.left, 34);

  const n = Math.max(monthLabels.length, 1);
  const highest = Math.max(10, ...shown.flatMap((t) => t.points.flatMap((p) => [p.target, p.capaian ?? 0])));
  const top = Math.min(100, Math.ceil(highest / 10) * 10 + 10);
  const step = top > 50 ? 20 : 10;
  const x = (i: number) => plot.left + (n === 1 ? plot.width / 2 : (i / (n - 1)) * plot.width);
  const y = (v: number) => plot.top + plot.height - (Math.min(v, top) / top) * plot.height;
  g.font = font(20);
  g.strokeStyle = "#d9d9d9";
  g.lineWidth = 1;
  for (let v = 0; v <= top; v += step) {
    g.beginPath();
    g.moveTo(plot.left, y(v));
    g.lineTo(plot.left + plot.width, y(v));
    g.stroke();
    g.fillStyle = "#444444";
    g.fillText(`${v}%`, plot.left - 55, y(v) + 5);
  }
  monthLabels.forEach((label, i) => {
    g.fillStyle = "#444444";
    g.fillText(label, x(i) - g.measureText(label).width / 2, plot.top + plot.height + 24);
  });

  // The pro-rata target line (the same for every indicator with a linear target: take the first).
  const target = shown[0]?.points.map((p) => p.target) ?? [];
  g.strokeStyle = "#000000";
  g.lineWidth = 3;
  dashed(target.map((v, i) => [x(i), y(v)]));

  shown.forEach((trend, index) => {
    const color = trend.flagged
      ? ["#d62728", "#ff7f0e", "#e6550d", "#a50f15"][index % 4]
      : PALETTE[index % PALETTE.length];
    g.strokeStyle = color;
    g.fillStyle = color;
    g.lineWidth = trend.flagged ? 5 : 3;
    g.beginPath();
    let started = false;
    trend.points.forEach((p, i) => {
      if (p.capaian === null) return;
      if (!started) g.moveTo(x(i), y(p.capaian));
      else g.lineTo(x(i), y(p.capaian));
      started = true;
    });
    g.stroke();
    trend.points.forEach((p, i) => {
      if (p.capaian === null) return;
      g.beginPath();
      g.arc(x(i), y(p.capaian), trend.flagged ? 7 : 5, 0, Math.PI * 2);
      g.fill();
    });
    const column = index % 2;
    const row = Math.floor(index / 2);
    const lx = plot.left + column * (plot.width / 2);
    const ly = plot.top + plot.height + 56 + row * 27;
    g.fillRect(lx, ly - 10, 21, 6);
    g.fillStyle = "#000000";
    g.font = font(20, trend.flagged);
    const label = `${trend.nama}${trend.flagged ? ` (tertinggal ${trend.behindStreak} bln)` : ""}`;
    g.fillText(label.length > 60 ? `${label.slice(0, 57)}…` : label, lx + 30, ly - 3);
  });
  g.strokeStyle = "#000000";
  g.lineWidth = 3;
  dashed(
    [
      [WIDTH - 250, 29],
      [WIDTH - 220, 29],
    ],
    8,
    5,
  );
  g.fillStyle = "#000000";
  g.font = font(20);
  g.fillText("target kumulatif", WIDTH - 210, 34);
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  await PImage.encodePNGToStream(canvas, sink);
  return { png: Buffer.concat(chunks), width: WIDTH, height };
}
