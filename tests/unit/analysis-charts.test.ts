// The fishbone and stakeholder pictures: real PNGs of the expected size, grey only (so a grey
// printout loses nothing), taller rather than cramped when causes are many, different when a
// cause changes, and made once per distinct data.
import { PassThrough } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { fishboneOf } from "../../src/domain/fishbone.js";
import { problemSchema } from "../../src/domain/schema.js";
import {
  cachedFishbone,
  cachedStakeholderMap,
  fishboneChart,
  type Picture,
  stakeholderChart,
} from "../../src/render/analysis-charts.js";
import { sniffImage } from "../../src/render/docx.js";

const CATEGORIES = ["Manusia", "Metode", "Dana", "Sarana & Prasarana", "Lingkungan"];
const causes = [
  { kategori: "Manusia", uraian: "Kader posyandu belum terlatih pencatatan" },
  { kategori: "Metode", uraian: "Sweeping sasaran belum terjadwal" },
  { kategori: "Dana", uraian: "Dana BOK transport kader terlambat cair" },
  { kategori: "Sarana & Prasarana", uraian: "Alat ukur (tensimeter, timbangan) di posyandu rusak" },
  { kategori: "Lingkungan", uraian: "Akses jalan ke dusun terputus saat musim hujan" },
];
const fishbone = (list = causes) =>
  fishboneOf(problemSchema.parse({ id: "m1", judul: "Capaian hipertensi di bawah target", akar_masalah: list }), [
    ...CATEGORIES,
  ]);

/** Every pixel of the PNG, decoded by pureimage: [r, g, b] triples. */
async function pixels(png: Uint8Array): Promise<Uint8Array> {
  const loaded = await import("pureimage");
  const PImage = ("default" in loaded ? loaded.default : loaded) as typeof import("pureimage");
  const stream = new PassThrough();
  stream.end(Buffer.from(png));
  const bitmap = await PImage.decodePNGFromStream(stream);
  return bitmap.data as Uint8Array;
}

const env = { LOKMIN_CACHE_DIR: "/nonexistent-lokmin-cache" };

describe("fishbone picture", () => {
  let base: Picture;
  beforeAll(async () => {
    base = await cachedFishbone(fishbone(), "PRIORITAS 1", env);
  });

  it("is a PNG of the size it reports, wider than tall, in greys only", async () => {
    expect(sniffImage(base.png)).toEqual({ type: "png", width: base.width, height: base.height });
    expect(base.width).toBe(1200);
    expect(base.height).toBeGreaterThan(300);
    expect(base.height).toBeLessThan(base.width);
    const data = await pixels(base.png);
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] !== data[i + 1] || data[i + 1] !== data[i + 2]) coloured++;
    expect(coloured).toBe(0);
  });

  it("changes when a cause changes, and grows taller (not smaller type) with many causes", async () => {
    const changed = await fishboneChart(
      fishbone(causes.map((c, i) => (i === 1 ? { ...c, uraian: "Pencatatan kohort belum diperbarui" } : c))),
      "PRIORITAS 1",
    );
    expect(Buffer.from(changed.png).equals(Buffer.from(base.png))).toBe(false);
    const many = Array.from({ length: 20 }, (_, i) => ({
      kategori: CATEGORIES[i % 5],
      uraian: `Sebab nomor ${i + 1} yang cukup panjang sehingga harus dibungkus menjadi beberapa baris`,
    }));
    const tall = await fishboneChart(fishbone(many));
    expect(tall.height).toBeGreaterThan(base.height * 1.8);
    // Still within a page at full text width.
    expect(tall.height).toBeLessThanOrEqual(tall.width * 1.3 + 1);
  });

  it("is made once per distinct data", async () => {
    const again = await cachedFishbone(fishbone(), "PRIORITAS 1", env);
    expect(again.png).toBe(base.png);
    const other = await cachedFishbone(fishbone(causes.slice(1)), "PRIORITAS 1", env);
    expect(other.png).not.toBe(base.png);
    expect(Buffer.from(other.png).equals(Buffer.from(base.png))).toBe(false);
  });
});

describe("stakeholder map", () => {
  it("is a grey PNG that changes when a stakeholder moves to another quadrant", async () => {
    const list = [
      { nama: "Camat Sukamaju", instansi: "Kecamatan", pengaruh: "tinggi", kepentingan: "tinggi" },
      { nama: "Ketua TP-PKK", pengaruh: "rendah", kepentingan: "tinggi" },
    ] as const;
    const map = await stakeholderChart([...list]);
    expect(sniffImage(map.png)).toEqual({ type: "png", width: 1200, height: map.height });
    expect(map.height).toBeGreaterThan(400);
    const moved = await cachedStakeholderMap([list[0], { ...list[1], pengaruh: "tinggi" }]);
    expect(Buffer.from(moved.png).equals(Buffer.from(map.png))).toBe(false);
  });
});
