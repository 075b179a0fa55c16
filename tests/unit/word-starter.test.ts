// Converting a Handlebars block template into a starting Word template: fields, loops over rows and
// paragraphs, columns that come from the data, and the pictures' alt-text names.
import { describe, expect, it } from "vitest";
import { wordPictureName } from "../../src/render/render.js";
import { StarterError, starterBlocksSource } from "../../src/render/word-starter.js";

describe("starterBlocksSource", () => {
  it("turns fields and loops over table rows into docxtemplater tags on the row", () => {
    const source = "::tabel 10,90 kepala\nNo | Nama\n{{#each peserta}}\n{{no}} | {{nama}}\n{{/each}}\n::akhir\n";
    expect(starterBlocksSource(source)).toBe(
      "::tabel 10,90 kepala\nNo | Nama\n{#peserta}{no} | {nama}{/peserta}\n::akhir\n",
    );
  });

  it("sizes a table from its content when its column proportions come from the data", () => {
    const source =
      "::tabel {{pertama.poa.lebar}} kepala kecil\nNo{{#each pertama.poa.bulan}} | {{this}}{{/each}}\n::akhir\n";
    const converted = starterBlocksSource(source);
    expect(converted.split("\n")[0]).toBe("::tabel auto kepala kecil");
    expect(converted).toContain("{#pertama.poa.bulan}{.} {/pertama.poa.bulan}");
  });

  it("refuses what Word cannot do, naming it", () => {
    expect(() => starterBlocksSource("{{#each x}}{{#unless @first}}a{{/unless}}{{/each}}")).toThrow(StarterError);
    expect(() => starterBlocksSource("{{lookup a b}}")).toThrow(/no Word equivalent/);
  });
});

describe("wordPictureName", () => {
  it("names a picture by the field the block template draws it from", () => {
    expect(wordPictureName("tren")).toBe("tren");
    expect(wordPictureName("{fishbone}")).toBe("fishbone");
    expect(wordPictureName("{analisis.stakeholder.gambar}")).toBe("stakeholder");
    expect(wordPictureName("{tribulanan.stakeholder.gambar}")).toBe("tribulanan_stakeholder");
  });
});
