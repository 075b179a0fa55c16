// A starting Word template for a document, made from its built-in Handlebars template so nobody
// starts from a blank page and the two never drift apart: the Handlebars tags become docxtemplater
// placeholders ({{rapat.tanggal}} → {rapat.tanggal}, {{#each peserta}} → {#peserta}…{/peserta},
// {{#if x}}…{{else}}…{{/if}} → {#x}…{/x}{^x}…{/x}), placed where docxtemplater repeats what a
// Word user expects: a table row, a list item or a run of paragraphs. The block language then
// lays it out as a DOCX with the workspace's letterhead, fonts and paper; the trend chart is a
// stand-in picture whose alt text {%tren} tells lokmin where the chart goes.
import Handlebars from "handlebars";

type Node = hbs.AST.Node;
type Statement = hbs.AST.Statement;

export class StarterError extends Error {}

/** A Handlebars path as a docxtemplater field: @root.x → x, ../x → x, this → ".". */
function field(path: hbs.AST.PathExpression | hbs.AST.Expression): string {
  if (path.type !== "PathExpression") throw new StarterError(`unsupported expression ${path.type}`);
  const p = path as hbs.AST.PathExpression;
  if (p.data && p.parts[0] !== "root") throw new StarterError(`@${p.parts.join(".")} has no Word equivalent`);
  const parts = p.data ? p.parts.slice(1) : p.parts;
  return parts.length === 0 ? "." : parts.join(".");
}

const REGION = /^::(tabel|isian|daftar|ttd)\b/;
const MARKERS = /^(\s*(?:\^\d\s+)?(?:[>^]\s+)?(?:[-*]\s+)?)/;

/** Whether the text so far leaves us inside a table, field table, list or signature block. */
function inRegion(before: string): string | null {
  let open: string | null = null;
  for (const line of before.split("\n")) {
    const trimmed = line.trim();
    const m = REGION.exec(trimmed);
    if (m) open = m[1];
    else if (trimmed === "::akhir") open = null;
  }
  return open;
}

/** Cells separated by unescaped bars. */
const hasCellBar = (text: string) => /(^|[^\\])\|/.test(text);

interface Out {
  text: string;
  /** What came before this block's body, for telling whether we are inside a table. */
  prefix: string;
}

function convert(program: hbs.AST.Program, source: string[], out: Out): void {
  for (const node of program.body as Statement[]) emit(node, source, out);
}

function emit(node: Node, source: string[], out: Out): void {
  switch (node.type) {
    case "ContentStatement":
      out.text += (node as hbs.AST.ContentStatement).value;
      return;
    case "CommentStatement":
      return;
    case "MustacheStatement": {
      const m = node as hbs.AST.MustacheStatement;
      if (m.params.length) throw new StarterError("helpers with arguments have no Word equivalent");
      out.text += `{${field(m.path)}}`;
      return;
    }
    case "BlockStatement": {
      const b = node as hbs.AST.BlockStatement;
      const helper = (b.path as hbs.AST.PathExpression).original;
      if (!["each", "if", "unless", "with"].includes(helper) || b.params.length !== 1)
        throw new StarterError(`block {{#${helper}}} has no Word equivalent`);
      const name = field(b.params[0]);
      const open = helper === "unless" ? `{^${name}}` : `{#${name}}`;
      const before = out.prefix + out.text;
      const body = render(b.program, source, before);
      const inverse = b.inverse ? render(b.inverse, source, before) : null;
      const line = source[b.loc.start.line - 1]?.trim() ?? "";
      const standalone = /^\{\{[#^~][^}]*\}\}$/.test(line);
      const region = inRegion(before);
      const pieces: Array<{ open: string; body: string }> = [{ open, body }];
      if (inverse !== null) pieces.push({ open: helper === "unless" ? `{#${name}}` : `{^${name}}`, body: inverse });
      for (const piece of pieces) {
        const close = `{/${name}}`;
        if (!standalone) {
          // Inline: within one paragraph or cell. A loop that adds cells (one per month) becomes one cell.
          if (hasCellBar(piece.body)) {
            const cell = piece.body.replace(/^\s*\|\s*(?:[>^]\s+)?/, "").trim();
            out.text += ` | ${piece.open}${cell} ${close}`;
          } else out.text += `${piece.open}${piece.body}${close}`;
        } else if (region === "daftar") {
          // List items: the tags on items of their own, which docxtemplater's paragraph loop removes
          // while it repeats the items between, so each repetition stays a numbered item.
          out.text += `${piece.open}\n${piece.body}${piece.body.endsWith("\n") ? "" : "\n"}${close}\n`;
        } else if (region) {
          // Whole lines inside a table, list or signature block: the tags go on the first and last line,
          // so docxtemplater repeats (or drops) that row, list item or signer.
          const lines = piece.body.replace(/\n$/, "").split("\n");
          lines[0] = lines[0].replace(MARKERS, (markers) => `${markers}${piece.open}`);
          if (region === "ttd") {
            // A signer's last paragraph is the NIP (third cell): the loop closes there.
            const cells = lines[lines.length - 1].split(" | ");
            const at = Math.min(2, cells.length - 1);
            cells[at] = `${cells[at]}${close}`;
            lines[lines.length - 1] = cells.join(" | ");
          } else lines[lines.length - 1] += close;
          out.text += `${lines.join("\n")}\n`;
        } else out.text += `${piece.open}\n${piece.body}${piece.body.endsWith("\n") ? "" : "\n"}${close}\n`;
      }
      return;
    }
    default:
      throw new StarterError(`${node.type} has no Word equivalent`);
  }
}

function render(program: hbs.AST.Program, source: string[], prefix: string): string {
  const out = { text: "", prefix };
  convert(program, source, out);
  return out.text;
}

/** The block-language text of a starting Word template for a Handlebars block template. */
export function starterBlocksSource(hbsSource: string): string {
  const ast = Handlebars.parse(hbsSource);
  // Column proportions that come from the data (one column per village) size from the content instead.
  return render(ast, hbsSource.split(/\r?\n/), "").replace(/^(::(?:tabel|isian)) \{[^}\s]*\}/gm, "$1 auto");
}
