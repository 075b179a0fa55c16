// Text width estimates and column sizing, so tables size their columns from their content: no
// header or word breaks mid-word ("Uruta n") on A4 or F4. Widths are Helvetica's metrics (Arial
// and Liberation Sans share them), scaled for other faces; good enough to decide where a word fits.

// Advance widths (1/1000 em) of ASCII 32..126, regular and bold.
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611,
  556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389,
  280, 389, 584,
];

/** How much wider (or narrower) a face is than Arial, for the faces Puskesmas letters use. */
export function fontScale(font: string): number {
  const f = font.toLowerCase();
  if (/arial|helvetica|liberation sans|arimo/.test(f)) return 1;
  if (/bookman/.test(f)) return 1.14;
  if (/times|liberation serif|tinos/.test(f)) return 0.9;
  if (/calibri|carlito/.test(f)) return 0.92;
  if (/cambria|caladea|georgia|verdana|tahoma/.test(f)) return 1.1;
  return 1.05;
}

/** Width in twips of `text` at `sizePt` points. */
export function textWidth(text: string, sizePt: number, bold = false, scale = 1): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 32 && code <= 126) units += table[code - 32];
    else if (ch === "\u200b") continue;
    else if (ch === "—" || ch === "✓") units += 1000;
    else units += 600;
  }
  return (units / 1000) * sizePt * 20 * scale;
}

export interface MeasuredCell {
  text: string;
  bold: boolean;
  span: number;
}

/** Horizontal cell margins plus a little slack, in twips. */
const PADDING = 160 + 80;

/**
 * Column widths in twips that add up to `total`: the template's proportions as a starting point,
 * every column at least as wide as its longest word, and (unless the table is a form to write in)
 * columns whose content fits on one line giving their spare room to columns that wrap.
 */
export function sizeColumns(
  hints: number[],
  rows: MeasuredCell[][],
  total: number,
  sizePt: number,
  options: { scale?: number; form?: boolean; header?: boolean } = {},
): number[] {
  const n = hints.length;
  const scale = options.scale ?? 1;
  const minimum = new Array<number>(n).fill(PADDING + 200);
  const natural = new Array<number>(n).fill(PADDING);
  rows.forEach((row, rowIndex) => {
    let column = 0;
    for (const cell of row) {
      if (cell.span === 1 && column < n) {
        for (const line of cell.text.split("\n")) {
          // A header may wrap between its words; only the body decides how wide a column wants to be.
          if (!(options.header && rowIndex === 0))
            natural[column] = Math.max(natural[column], textWidth(line, sizePt, cell.bold, scale) + PADDING);
          for (const word of line.split(/[ \t\u200b]+/))
            minimum[column] = Math.max(minimum[column], textWidth(word, sizePt, cell.bold, scale) + PADDING);
        }
      }
      column += cell.span;
    }
  });
  const sum = hints.reduce((a, b) => a + b, 0) || 1;
  let widths = hints.map((h) => (h / sum) * total);
  if (!options.form) {
    // Columns that never wrap keep what they need; the rest goes to the columns that wrap.
    // Spare room is shared among the wrapping columns in the template's proportions, none taking
    // more than it needs to fit on one line.
    const need = widths.map((w, i) => Math.min(w, Math.max(natural[i], minimum[i])));
    let spare = widths.reduce((a, w, i) => a + (w - need[i]), 0);
    widths = need;
    for (let pass = 0; pass < 4 && spare > 1; pass++) {
      const open = widths.map((w, i) => (natural[i] > w ? hints[i] : 0));
      const share = open.reduce((a, b) => a + b, 0);
      if (share <= 0) break;
      let used = 0;
      widths = widths.map((w, i) => {
        if (!open[i]) return w;
        const next = Math.min(natural[i], w + (spare * open[i]) / share);
        used += next - w;
        return next;
      });
      spare -= used;
    }
    if (spare > 1) widths = widths.map((w) => w + (spare * w) / widths.reduce((a, b) => a + b, 0));
  }
  // No column narrower than its longest word: take the difference from columns with room to spare.
  const floor = minimum.reduce((a, b) => a + b, 0);
  const mins = floor > total ? minimum.map((m) => (m / floor) * total) : minimum;
  for (let pass = 0; pass < 4; pass++) {
    const deficit = widths.reduce((a, w, i) => a + Math.max(0, mins[i] - w), 0);
    if (deficit < 1) break;
    const room = widths.map((w, i) => Math.max(0, w - mins[i]));
    const roomTotal = room.reduce((a, b) => a + b, 0);
    if (roomTotal <= 0) break;
    widths = widths.map((w, i) => (w < mins[i] ? mins[i] : w - (deficit * room[i]) / roomTotal));
  }
  const rounded = widths.map((w) => Math.floor(w));
  rounded[n - 1] += total - rounded.reduce((a, b) => a + b, 0);
  return rounded;
}

/** How many lines `text` takes in `width` twips, wrapped greedily at spaces as a word processor does. */
export function lineCount(text: string, width: number, sizePt: number, bold = false, scale = 1): number {
  const space = textWidth(" ", sizePt, bold, scale);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
    const w = textWidth(word, sizePt, bold, scale);
    if (used > 0 && used + space + w > width) {
      lines++;
      used = w;
    } else used += (used > 0 ? space : 0) + w;
  }
  return lines;
}
