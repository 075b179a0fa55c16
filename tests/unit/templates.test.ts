// Templates are data, not code: a name from a template is only ever an own field of the data or
// one of lokmin's pictures; Handlebars offers if/unless/each/with and nothing else, in an
// environment of its own (the precompiled built-in templates too); its mistakes are Indonesian
// (English with --lang en) and name the template and the line; every number of the block
// language stays within what Word accepts.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { workspaceSchema } from "../../src/domain/schema.js";
import { UserError } from "../../src/errors.js";
import { fill, setLang } from "../../src/i18n/index.js";
import { BlockSyntaxError, LIMITS, parseBlocks } from "../../src/render/blocks.js";
import { blocksToDocx } from "../../src/render/docx.js";
import { BUILTIN_NAMES, isolate, templateError } from "../../src/render/handlebars.js";
import { precompiledKey, runBlockTemplate, sourceLine } from "../../src/render/render.js";
import { MINI, REPO } from "../helpers.js";

afterEach(() => setLang("id"));

const FILE = "templates/undangan.hbs";
const context = {
  rapat: { tempat: "Aula", tanggal: "21 Mei 2024" },
  peserta: [{ nama: "Ani" }, { nama: "Budi" }],
};
/** The message a template stops with (a UserError), or "" when it renders. */
async function refusal(source: string, data: object = context): Promise<string> {
  try {
    await runBlockTemplate(source, FILE, data);
    return "";
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
}
const blockError = (source: string) => {
  try {
    parseBlocks(source);
  } catch (error) {
    expect(error).toBeInstanceOf(BlockSyntaxError);
    return error as BlockSyntaxError;
  }
  throw new Error(`no error for ${source}`);
};

describe("names from a template are own names only", () => {
  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"])(
    "::grafik %s is an unknown picture, with the line and the pictures there are",
    async (name) => {
      const e = blockError(`# Judul\n::grafik ${name}`);
      expect(e.line).toBe(2);
      expect(e.message).toContain(`'${name}'`);
      expect(e.message).toContain("tren, stakeholder, tribulanan_stakeholder, fishbone1");
      const message = await refusal(`# Judul\n\n::grafik ${name}\n`);
      expect(message).toMatch(new RegExp(`^templat ${FILE} baris 3: ::grafik '${name}'`));
    },
  );

  it("the DOCX writer and the message filler never take a picture or a parameter from a prototype", () => {
    const config = workspaceSchema.parse(parseDocument(readFileSync(path.join(MINI, "lokmin.yaml"), "utf8")).toJS());
    const write = () =>
      blocksToDocx([{ kind: "image", name: "constructor" }], {
        config,
        letterheads: {} as never,
        images: {},
        title: "x",
        owner: "x",
      });
    const parts = [...write().keys()];
    expect(parts).toContain("word/document.xml");
    expect(parts.filter((name) => name.startsWith("word/media/"))).toEqual([]);
    expect(fill("{constructor} {toString} {a}", { a: "1" })).toBe("{constructor} {toString} 1");
  });

  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "map", "valueOf"])(
    "a field named %s is refused before the template runs, with its line",
    async (name) => {
      expect(await refusal(`# Judul\n{{rapat.${name}}}`)).toMatch(
        new RegExp(`^templat ${FILE} baris 2: 'rapat\\.${name}' bukan kolom data`),
      );
      expect(await refusal(`{{#each peserta}}\n{{${name}}}\n{{/each}}`)).toContain("baris 2");
    },
  );

  it("no field of the data is one of those names (templates/README.md lists them)", () => {
    const readme = readFileSync(path.join(REPO, "templates/README.md"), "utf8");
    const data = readme.slice(readme.indexOf("## The data"));
    const fields = [...data.matchAll(/`([^`]+)`/g)].flatMap((m) => m[1].split(/[^A-Za-z_]+/)).filter(Boolean);
    expect(fields.length).toBeGreaterThan(100);
    expect(fields.filter((f) => BUILTIN_NAMES.has(f))).toEqual([]);
    expect(BUILTIN_NAMES.has("constructor") && BUILTIN_NAMES.has("__proto__")).toBe(true);
  });

  it("a list's length works; on a text it names the field and the line, not 'in' operator", async () => {
    const blocks = await runBlockTemplate("{{#if peserta.length}}ada {{peserta.length}}{{/if}}", FILE, context);
    expect(blocks[0]).toMatchObject({ kind: "paragraph", runs: [{ text: "ada 2" }] });
    const message = await refusal("# Judul\n\n{{rapat.tempat.length}}");
    expect(message).toContain(`templat ${FILE} baris 3: kolom 'rapat.tempat.length' tidak ada`);
    expect(message).toContain('"Aula"');
    expect(message).not.toMatch(/operator/);
    expect(await refusal("x\n{{rapat.tempat.nama}}")).toContain("baris 2: kolom 'rapat.tempat.nama'");
  });
});

describe("only if, unless, each and with", () => {
  const cases: Array<[string, string, RegExp]> = [
    ['{{log "hai"}}', "baris 1", /helper 'log' tidak tersedia/],
    ['A{{lookup rapat "tanggall"}}B', "baris 1", /helper 'lookup' tidak tersedia/],
    ['x\n{{#each (lookup rapat "x")}}{{/each}}', "baris 2", /helper 'lookup'/],
    ["{{formatTanggal rapat.tanggal}}", "baris 1", /helper 'formatTanggal'/],
    ["{{#blockHelperMissing rapat}}x{{/blockHelperMissing}}", "baris 1", /helper 'blockHelperMissing'/],
    ["a\n\n{{> kop}}", "baris 3", /\{\{> kop\}\} memanggil templat lain/],
    ["{{#> kop}}x{{/kop}}", "baris 1", /memanggil templat lain/],
    ['{{#*inline "x"}}y{{/inline}}', "baris 1", /dekorator/],
    ["{{#if}}x{{/if}}", "baris 1", /\{\{#if\}\} perlu tepat satu kolom data/],
    ["{{#each}}x{{/each}}", "baris 1", /\{\{#each\}\} perlu tepat satu kolom/],
    ["{{#with rapat peserta}}x{{/with}}", "baris 1", /\{\{#with\}\} perlu tepat satu/],
    ["{{#rapat}}x{{/rapat}}", "baris 1", /pakai \{\{#if rapat\}\}/],
    ["{{^rapat}}x{{/rapat}}", "baris 1", /tidak didukung/],
    ["{{@foo}}", "baris 1", /'@foo' tidak dikenal/],
    ['{{"teks"}}', "baris 1", /bukan nama kolom/],
    ["x\n{{!-- komentar", "baris 2", /komentar \{\{!-- … --\}\} tanpa penutup/],
    ["{{#if rapat}}\n{{rapat.tempat\n{{/if}}", "baris 2", /tidak lengkap atau salah tutup/],
    ["{{#if rapat}}x{{/each}}", "baris 1", /salah tutup/],
    ["a\n{{rapat.tangal}}", "baris 2", /kolom 'rapat.tangal' tidak ada/],
  ];
  it.each(cases)("%j stops with exit 2, naming the template and the line", async (source, line, says) => {
    const message = await refusal(source);
    expect(message).toContain(`templat ${FILE} ${line}: `);
    expect(message).toMatch(says);
    expect(message).not.toMatch(/Handlebars\.|requires|could not be found|Lexical error|Parse error/);
  });

  it("the same in English with --lang en", async () => {
    setLang("en");
    expect(await refusal("{{> kop}}")).toMatch(/^template templates\/undangan.hbs line 1: \{\{> kop\}\} calls another/);
    expect(await refusal("{{#if}}x{{/if}}")).toContain("{{#if}} needs exactly one field");
    expect(await refusal("{{!-- x")).toContain("line 1: Handlebars does not recognise");
    expect(await refusal('{{log "hai"}}')).toContain("helper 'log' is not available");
    expect(await refusal("{{rapat.tempat.length}}")).toContain("field 'rapat.tempat.length' does not exist");
  });

  it("the environment has only the four helpers, no decorators and no partials", async () => {
    const { default: Handlebars } = await import("handlebars");
    const env = isolate(Handlebars.create());
    expect(Object.keys(env.helpers).sort()).toEqual(["each", "if", "unless", "with"]);
    expect(Object.keys(env.decorators)).toEqual([]);
    // What the compiler would still let through finds nothing to call.
    const log = env.compile('{{log "hai"}}', { strict: true });
    expect(() => log({})).toThrow();
  });

  it("whatever Handlebars still throws is translated: the template's fault, named, not an internal error", () => {
    const partial = templateError(new Error("The partial kop could not be found"), FILE, "a\n{{> kop}}");
    expect(partial.message).toBe(
      `templat ${FILE} baris 2: {{> kop}} memanggil templat lain (partial), yang tidak didukung; tulis isinya ` +
        "langsung di templat ini (kop surat: baris ::kop)",
    );
    const argument = templateError(new Error("#unless requires exactly one argument"), FILE, "{{#unless}}{{/unless}}");
    expect(argument.message).toContain("baris 1: {{#unless}} perlu tepat satu kolom data");
    const other = templateError(new Error("Something new - 4:2"), FILE, "");
    expect(other.message).toBe(
      `templat ${FILE} baris 4: Handlebars menolak templat ini (Something new); kesalahannya ada di templat, ` +
        "bukan di lokmin: periksa tanda {{…}} di sana (templates/README.md)",
    );
    expect(templateError(new TypeError("odd"), FILE, "").message).toMatch(/^templat templates\/undangan.hbs: /);
  });
});

describe("the precompiled built-in templates", () => {
  it("are compiled with the options a workspace template is compiled with (else they would not be used)", async () => {
    const dist = pathToFileURL(path.join(REPO, "dist/builtin-templates.js")).href;
    const { TEMPLATES } = (await import(/* @vite-ignore */ dist)) as { TEMPLATES: Record<string, { key: string }> };
    const names = readdirSync(path.join(REPO, "templates")).filter((f) => f.endsWith(".hbs"));
    expect(Object.keys(TEMPLATES).sort()).toEqual(names.map((f) => f.slice(0, -4)).sort());
    for (const file of names) {
      const source = readFileSync(path.join(REPO, "templates", file), "utf8");
      expect(TEMPLATES[file.slice(0, -4)].key, file).toBe(precompiledKey(source));
    }
  });
});

describe("numbers of the block language stay within what Word accepts", () => {
  it.each([
    ["::tabel 10,20 tinggi=99999999999\na | b\n::akhir", /tinggi=99999999999 di luar batas: .*1–31680/],
    ["::tabel 10,20 tinggi=31681\na | b\n::akhir", /1–31680/],
    ["::tabel 10,20 tinggi=0\na | b\n::akhir", /tinggi=0 di luar batas/],
    ["::tabel 10,20 tinggi=-5\na | b\n::akhir", /tinggi=-5 di luar batas/],
    ["::tabel 10,20 tinggi=abc\na | b\n::akhir", /tinggi=abc di luar batas/],
    ["::tabel auto=64\n::akhir", /64 kolom; Word menerima paling banyak 63/],
    [`::tabel ${new Array(64).fill(1).join(",")}\n::akhir`, /64 kolom/],
    [`::isian 1001,20\na | b\n::akhir`, /lebar kolom 1001 di luar batas/],
    [`::tabel ${"9".repeat(400)},1\n::akhir`, /di luar batas/],
    ["::tabel 0,0\na | b\n::akhir", /di luar batas/],
    ["::spasi 21", /::spasi 21: .*1–20/],
    ["::spasi 0", /::spasi 0/],
    ["::spasi dua", /::spasi dua/],
  ])("%j is refused with its line", (source, says) => {
    const e = blockError(`# Judul\n${source}`);
    expect(e.line).toBe(2);
    expect(e.message).toMatch(says);
  });

  it("a cell may span 1 to the table's columns", () => {
    expect(blockError("::tabel 10,20\n^0 a | b\n::akhir")).toMatchObject({ line: 2 });
    expect(blockError("::tabel 10,20\n^3 a\n::akhir").message).toContain("^3");
    const table = parseBlocks("::tabel 10,20,30 tinggi=31680\n^3 a\n::akhir")[0];
    expect(table).toMatchObject({ rowHeight: LIMITS.rowHeight, rows: [[{ span: 3 }]] });
    expect(parseBlocks("::spasi 20")[0]).toEqual({ kind: "spacer", lines: 20 });
  });

  it("a mistake in the produced text is reported at the template's own line", async () => {
    const source = "# Judul\n{{#each peserta}}\n::tabel 10,20 tinggi={{@index}}0\n{{nama}} | b\n::akhir\n{{/each}}\n";
    expect(await refusal(source)).toMatch(new RegExp(`^templat ${FILE} baris 3: tinggi=00 di luar batas`));
    const rows = "::tabel 10,20\n{{#each peserta}}\n{{nama}} | a | b\n{{/each}}\n::akhir\n";
    expect(await refusal(rows)).toContain(`templat ${FILE} baris 3: baris tabel punya 3 sel`);
    expect(sourceLine("{{#if x}}\n{{a}} | b\n{{/if}}", "p | b\nq | b", 2)).toBe(2);
    expect(sourceLine("{{x}}", "::spasi 99", 1)).toBe(null);
  });
});
