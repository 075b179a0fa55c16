// Hand-checked scoring tables, one or more per method, and what both test files need to compare
// a method's total computed by lokmin (`rank`) with the formula the meeting workbook carries: the
// workbook of each table, the cells of every total, a row of the raters' means (the total lokmin
// ranks), and a tiny evaluator of the spreadsheet formulas lokmin writes.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { monthWorkbooks } from "../src/domain/form/forms.js";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../src/domain/form/workbook.js";
import { columnLetter } from "../src/domain/form/workbook.js";
import { type Method, type MethodDef, methodDef } from "../src/domain/rank/methods.js";
import { rankProblems, rankSolutions } from "../src/domain/rank/month.js";
import { excelTotal } from "../src/domain/rank/total.js";
import {
  type Meeting,
  meetingSchema,
  type Scores,
  type TieRule,
  type Workspace,
  workspaceSchema,
} from "../src/domain/schema.js";
import { MINI } from "./helpers.js";

export interface TableItem {
  id: string;
  skor?: Scores;
  skor_penilai?: Array<{ penilai: string; skor: Scores }>;
  /** Worked out by hand. */
  total: number;
  rank: number;
}

export interface Table {
  name: string;
  method: Method;
  target: "masalah" | "solusi";
  /** `penilaian` settings beside the method (scales, weights, rumus). */
  settings?: Record<string, unknown>;
  tie?: TieRule;
  urutan_kriteria?: string[];
  items: TableItem[];
}

export const TABLES: Table[] = [
  {
    name: "USG, sum, decimals, a tie ordered by U then S then G",
    method: "usg",
    target: "masalah",
    tie: "kriteria",
    urutan_kriteria: ["u", "s", "g"],
    items: [
      { id: "a", skor: { u: 3, s: 4, g: 2 }, total: 9, rank: 4 }, // 3 + 4 + 2
      { id: "b", skor: { u: 5, s: 5, g: 4 }, total: 14, rank: 1 },
      { id: "c", skor: { u: 4, s: 3.5, g: 2.5 }, total: 10, rank: 2 },
      { id: "d", skor: { u: 4, s: 3, g: 2 }, total: 9, rank: 3 }, // ties a, U 4 > 3
    ],
  },
  {
    name: "USG, rumus: kali, on a 1–10 scale, shared rank",
    method: "usg",
    target: "solusi",
    settings: { usg: { rumus: "kali", skala: { min: 1, max: 10 } } },
    items: [
      { id: "s1", skor: { u: 3, s: 4, g: 2 }, total: 24, rank: 1 },
      { id: "s2", skor: { u: 2.5, s: 2, g: 4 }, total: 20, rank: 2 },
      { id: "s3", skor: { u: 5, s: 1, g: 4 }, total: 20, rank: 2 },
      { id: "s4", skor: { u: 10, s: 1.5, g: 1 }, total: 15, rank: 4 },
    ],
  },
  {
    name: "MCUA, default weights 5 4 3 2, two raters averaged, a tie",
    method: "mcua",
    target: "masalah",
    items: [
      {
        id: "m1",
        skor_penilai: [
          { penilai: "kapus", skor: { besar: 8, gawat: 6, mudah: 4, dukungan: 2 } }, // 40 + 24 + 12 + 4 = 80
          { penilai: "bidan", skor: { besar: 6, gawat: 7, mudah: 5, dukungan: 3 } }, // 30 + 28 + 15 + 6 = 79
        ],
        total: 79.5, // means 7, 6.5, 4.5, 2.5: 35 + 26 + 13.5 + 5
        rank: 2,
      },
      {
        id: "m2",
        skor_penilai: [
          { penilai: "kapus", skor: { besar: 9, gawat: 9, mudah: 9, dukungan: 9 } },
          { penilai: "bidan", skor: { besar: 7, gawat: 8, mudah: 6.5, dukungan: 5 } },
        ],
        total: 111.25, // means 8, 8.5, 7.75, 7: 40 + 34 + 23.25 + 14
        rank: 1,
      },
      {
        id: "m3",
        skor_penilai: [
          { penilai: "kapus", skor: { besar: 7, gawat: 6.5, mudah: 4.5, dukungan: 2.5 } },
          { penilai: "bidan", skor: { besar: 7, gawat: 6.5, mudah: 4.5, dukungan: 2.5 } },
        ],
        total: 79.5,
        rank: 2,
      },
    ],
  },
  {
    name: "MCUA for solutions, own criteria with decimal weights and a scale of their own",
    method: "mcua",
    target: "solusi",
    settings: {
      mcua_solusi: {
        kriteria: [
          { id: "efektif", nama: "Efektif", bobot: 2.5 },
          { id: "murah", nama: "Murah", bobot: 1.5, skala: { min: 1, max: 5 } },
        ],
      },
    },
    items: [
      {
        id: "s1",
        skor_penilai: [
          { penilai: "kapus", skor: { efektif: 8, murah: 4 } },
          { penilai: "tu", skor: { efektif: 9, murah: 5 } },
          { penilai: "bidan", skor: { efektif: 8.5, murah: 4.5 } },
        ],
        total: 28, // 2.5 × 8.5 + 1.5 × 4.5
        rank: 1,
      },
      {
        id: "s2",
        skor_penilai: [
          { penilai: "kapus", skor: { efektif: 6, murah: 2 } },
          { penilai: "tu", skor: { efektif: 7, murah: 3 } },
          { penilai: "bidan", skor: { efektif: 6.5, murah: 2.5 } },
        ],
        total: 20, // 2.5 × 6.5 + 1.5 × 2.5
        rank: 2,
      },
    ],
  },
  {
    name: "CARL, two raters: the product of the means, not the mean of the products; list order on a tie",
    method: "carl",
    target: "masalah",
    tie: "urutan",
    items: [
      {
        id: "a",
        skor_penilai: [
          { penilai: "kapus", skor: { c: 4, a: 3, r: 5, l: 2 } }, // 120
          { penilai: "tu", skor: { c: 2, a: 3, r: 3, l: 2 } }, // 36
        ],
        total: 72, // 3 × 3 × 4 × 2
        rank: 3,
      },
      {
        id: "b",
        skor_penilai: [
          { penilai: "kapus", skor: { c: 3, a: 3, r: 3, l: 3 } },
          { penilai: "tu", skor: { c: 3, a: 3, r: 3, l: 3 } },
        ],
        total: 81,
        rank: 1,
      },
      {
        id: "c",
        skor_penilai: [
          { penilai: "kapus", skor: { c: 2, a: 2, r: 2, l: 2 } }, // 16
          { penilai: "tu", skor: { c: 4, a: 4, r: 4, l: 4 } }, // 256
        ],
        total: 81, // means 3, 3, 3, 3
        rank: 2,
      },
    ],
  },
  {
    name: "Hanlon: (A + B) × C × PEARL, a factor 0 vetoes, decimals, a shared rank",
    method: "hanlon",
    target: "masalah",
    items: [
      { id: "a", skor: { a: 6, b: 14, c: 5, pearl: { p: 1, e: 1, a: 1, r: 1, l: 1 } }, total: 100, rank: 1 },
      { id: "b", skor: { a: 8, b: 12.5, c: 4, pearl: { p: 1, e: 1, a: 1, r: 1, l: 1 } }, total: 82, rank: 3 },
      { id: "c", skor: { a: 10, b: 20, c: 10, pearl: { p: 1, e: 0, a: 1, r: 1, l: 1 } }, total: 0, rank: 4 },
      { id: "d", skor: { a: 7.5, b: 12.5, c: 5, pearl: { p: 1, e: 1, a: 1, r: 1, l: 1 } }, total: 100, rank: 1 },
    ],
  },
  {
    name: "Reinke: M × I × V / C with decimal scores, a shared rank",
    method: "reinke",
    target: "solusi",
    items: [
      { id: "s1", skor: { m: 4.5, i: 3, v: 2, c: 1.5 }, total: 18, rank: 2 },
      { id: "s2", skor: { m: 5, i: 5, v: 5, c: 5 }, total: 25, rank: 1 },
      { id: "s3", skor: { m: 3, i: 4, v: 3, c: 2 }, total: 18, rank: 2 },
      { id: "s4", skor: { m: 2.5, i: 2.5, v: 2, c: 2.5 }, total: 5, rank: 4 },
    ],
  },
];

const miniConfig = parse(readFileSync(path.join(MINI, "lokmin.yaml"), "utf8"));
const miniMeeting = parse(readFileSync(path.join(MINI, "2024-02", "rapat.yaml"), "utf8"));

/** The mini workspace and its February meeting, scoring the table's items with its method. */
export function tableMonth(table: Table): { config: Workspace; meeting: Meeting } {
  const config = workspaceSchema.parse({
    ...miniConfig,
    penilaian: {
      metode_masalah: table.target === "masalah" ? table.method : "usg",
      metode_solusi: table.target === "solusi" ? table.method : "reinke",
      seri: table.tie ?? "bersama",
      ...(table.urutan_kriteria ? { urutan_kriteria: table.urutan_kriteria } : {}),
      ...table.settings,
    },
  });
  const scored = table.items.map(({ id, skor, skor_penilai }) => ({
    id,
    ...(skor ? { skor } : {}),
    ...(skor_penilai ? { skor_penilai } : {}),
  }));
  const masalah =
    table.target === "masalah"
      ? scored.map((s) => ({ ...s, judul: `Masalah ${s.id}`, akar_masalah: [] }))
      : [
          {
            id: "m1",
            judul: "Masalah m1",
            akar_masalah: [],
            solusi: scored.map((s) => ({ ...s, uraian: `Solusi ${s.id}` })),
          },
        ];
  const meeting = meetingSchema.parse({ ...miniMeeting, masalah, rtl: [], kesepakatan: [] });
  return { config, meeting };
}

/** Totals and ranks as `lokmin rank` computes them. */
export function rankTable(table: Table): {
  method: MethodDef;
  items: Array<{ total: number | null; rank: number | null }>;
} {
  const { config, meeting } = tableMonth(table);
  const result =
    table.target === "masalah"
      ? rankProblems(config, meeting, "rapat.yaml")
      : rankSolutions(config, meeting, "rapat.yaml")[0];
  if (result.findings.length) throw new Error(result.findings.map((f) => f.message).join("\n"));
  return { method: methodDef(table.method, config.penilaian, table.target), items: result.items };
}

/** A total cell of the workbook: its sheet, row and formula, and the scores the row holds. */
export interface TotalCell {
  item: TableItem;
  /** The rater of the block, or "forum"; "rata-rata" for the row of means the test adds. */
  rater: string;
  sheet: string;
  address: string;
  formula: string;
  scores: Scores;
}

const KEY = 0;
const FIRST_SCORE = 3; // column D: A key, B id, C title

/**
 * The meeting workbook of a table, and every total cell of its scores: one per item and rater
 * block. Below the blocks it adds a row per item of AVERAGE formulas over the raters' cells and the
 * method's total over those means: the total lokmin ranks, as the spreadsheet computes it.
 */
export function tableWorkbook(table: Table): { spec: WorkbookSpec; cells: TotalCell[] } {
  const { config, meeting } = tableMonth(table);
  const spec = monthWorkbooks({ config, month: "2024-02", meeting, programs: [] }, { only: ["rapat"] })[0].spec;
  const method = methodDef(table.method, config.penilaian, table.target);
  const sheet = spec.sheets.find((s) => s.name === (table.target === "masalah" ? "Masalah" : "Solusi"))!;
  const keys = method.criteria.flatMap((c) => (c.factors ? c.factors.map((f) => `${c.id}.${f}`) : [c.id]));
  const totalColumn = FIRST_SCORE + keys.length;
  const cells: TotalCell[] = [];
  for (const item of table.items) {
    const key = table.target === "masalah" ? `m:${item.id}` : `s:m1:${item.id}`;
    const rows = sheet.rows.flatMap((row, r) => (row?.[KEY]?.value === key ? [r] : []));
    const raters = item.skor_penilai?.map((r) => r.penilai) ?? ["forum"];
    rows.slice(0, raters.length).forEach((r, block) => {
      const row = sheet.rows[r]!;
      cells.push({
        item,
        rater: raters[block],
        sheet: sheet.name,
        address: `${columnLetter(totalColumn + 1)}${r + 1}`,
        formula: row[totalColumn]!.formula!,
        scores: item.skor_penilai?.[block].skor ?? item.skor!,
      });
    });
    if (!item.skor_penilai) continue;
    const at = sheet.rows.length;
    const means = keys.map((_, i) => {
      const column = columnLetter(FIRST_SCORE + i + 1);
      return { formula: `AVERAGE(${rows.map((r) => `${column}${r + 1}`).join(",")})`, style: "computed" } as CellSpec;
    });
    const formula = excelTotal(
      method.total,
      method.criteria,
      (k) => `${columnLetter(FIRST_SCORE + keys.indexOf(k) + 1)}${at + 1}`,
    );
    sheet.rows[at] = [
      { value: `rata:${item.id}`, style: "key" },
      undefined,
      undefined,
      ...means,
      { formula, style: "computed" },
    ];
    cells.push({
      item,
      rater: "rata-rata",
      sheet: sheet.name,
      address: `${columnLetter(totalColumn + 1)}${at + 1}`,
      formula,
      scores: {},
    });
  }
  return { spec, cells };
}

/** The value a spreadsheet shows in a cell of a sheet description (null: empty), evaluating formulas. */
export function cellValue(sheet: SheetSpec, address: string): Value {
  const { row, column } = parseAddress(address);
  const cell = sheet.rows[row - 1]?.[column - 1];
  if (cell?.formula) return evaluateFormula(cell.formula, (a) => cellValue(sheet, a));
  return cell?.value === undefined || cell.value === "" ? null : cell.value;
}

function parseAddress(address: string): { row: number; column: number } {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address)!;
  const column = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(digits), column };
}

/** A value; null is an empty cell. */
type Value = number | string | boolean | null;
type Node =
  | { k: "value"; v: Value }
  | { k: "cell"; ref: string }
  | { k: "range"; ref: string }
  | { k: "call"; name: string; args: Node[] }
  | { k: "neg"; of: Node }
  | { k: "op"; op: string; left: Node; right: Node };

/** Formula text → a tree: numbers, "text", cells, ranges, functions, unary minus, operators by precedence. */
function parseFormula(formula: string): Node {
  const tokens = [
    ...formula.matchAll(/\s*(\d+(?:\.\d+)?|[A-Z]+\d+:[A-Z]+\d+|[A-Z]+\(|[A-Z]+\d+|"[^"]*"|<=|>=|<>|[-+*/=<>(),])/gy),
  ].map((m) => m[1]);
  if (tokens.join("") !== formula.replace(/\s/g, "")) throw new Error(`cannot read ${formula}`);
  let at = 0;
  const take = (expected?: string) => {
    const token = tokens[at++];
    if (expected !== undefined && token !== expected) throw new Error(`expected ${expected} in ${formula}`);
    return token;
  };
  const level = (ops: string[], next: () => Node) => (): Node => {
    let left = next();
    while (ops.includes(tokens[at])) {
      const op = take();
      left = { k: "op", op, left, right: next() };
    }
    return left;
  };
  const primary = (): Node => {
    const token = take();
    if (token === "(") {
      const node = comparison();
      take(")");
      return node;
    }
    if (token === "-") return { k: "neg", of: primary() };
    if (/^\d/.test(token)) return { k: "value", v: Number(token) };
    if (token.startsWith('"')) return { k: "value", v: token.slice(1, -1) };
    if (token.includes(":")) return { k: "range", ref: token };
    if (/^[A-Z]+\d+$/.test(token)) return { k: "cell", ref: token };
    if (token.endsWith("(")) {
      const args: Node[] = [];
      while (tokens[at] !== ")") {
        args.push(comparison());
        if (tokens[at] === ",") take(",");
      }
      take(")");
      return { k: "call", name: token.slice(0, -1), args };
    }
    throw new Error(`unexpected ${token} in ${formula}`);
  };
  const term = level(["*", "/"], primary);
  const additive = level(["+", "-"], term);
  const comparison = level(["=", "<", ">", "<=", ">=", "<>"], additive);
  const tree = comparison();
  if (at !== tokens.length) throw new Error(`unread rest of ${formula}`);
  return tree;
}

/**
 * A tiny evaluator of the formulas lokmin writes: numbers, "text", cells, ranges, + - * / and
 * comparisons, IF (lazy), COUNT, OR, AVERAGE. An empty cell is 0 in arithmetic, as in a
 * spreadsheet; text in arithmetic is #VALUE! and a division by 0 is #DIV/0! (both throw).
 */
export function evaluateFormula(formula: string, cell: (address: string) => Value): Value {
  const num = (v: Value): number => {
    if (typeof v === "number") return v;
    if (v === null) return 0;
    if (typeof v === "boolean") return v ? 1 : 0;
    throw new Error(`#VALUE! in ${formula}`);
  };
  const values = (node: Node): Value[] => {
    if (node.k !== "range") return [evaluate(node)];
    const [from, to] = node.ref.split(":").map(parseAddress);
    const out: Value[] = [];
    for (let r = from.row; r <= to.row; r++)
      for (let c = from.column; c <= to.column; c++) out.push(cell(`${columnLetter(c)}${r}`));
    return out;
  };
  const evaluate = (node: Node): Value => {
    switch (node.k) {
      case "value":
        return node.v;
      case "cell":
        return cell(node.ref);
      case "range":
        throw new Error(`a range outside a function in ${formula}`);
      case "neg":
        return -num(evaluate(node.of));
      case "call": {
        if (node.name === "IF") return evaluate(node.args[evaluate(node.args[0]) ? 1 : 2] ?? { k: "value", v: false });
        const all = node.args.flatMap(values);
        if (node.name === "COUNT") return all.filter((v) => typeof v === "number").length;
        if (node.name === "OR") return all.some(Boolean);
        if (node.name === "AVERAGE") {
          const numbers = all.filter((v): v is number => typeof v === "number");
          if (numbers.length === 0) throw new Error(`#DIV/0! in ${formula}`);
          return numbers.reduce((a, b) => a + b, 0) / numbers.length;
        }
        throw new Error(`unknown function ${node.name}`);
      }
      case "op": {
        const left = evaluate(node.left);
        const right = evaluate(node.right);
        switch (node.op) {
          case "+":
            return num(left) + num(right);
          case "-":
            return num(left) - num(right);
          case "*":
            return num(left) * num(right);
          case "/":
            if (num(right) === 0) throw new Error(`#DIV/0! in ${formula}`);
            return num(left) / num(right);
        }
        // An empty cell compares as "" with text and as 0 with a number.
        const text = typeof left === "string" || typeof right === "string";
        const [a, b] = text ? [String(left ?? ""), String(right ?? "")] : [num(left), num(right)];
        if (node.op === "=") return a === b;
        if (node.op === "<>") return a !== b;
        if (node.op === "<") return a < b;
        if (node.op === ">") return a > b;
        return node.op === "<=" ? a <= b : a >= b;
      }
    }
  };
  return evaluate(parseFormula(formula));
}
