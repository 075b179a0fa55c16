// The charts' PNG encoder (src/render/png.ts): whatever it picks (greyscale or RGBA, a filter per
// row), a PNG reader gets back exactly the pixels it was given; a grey picture is written as
// greyscale, anything with colour or transparency as RGBA.
import { PassThrough } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sniffImage } from "../../src/render/docx.js";
import { encodePng } from "../../src/render/png.js";

/** The pixels a PNG reader (pngjs, through pureimage) gets from `png`, as RGBA. */
async function decode(png: Uint8Array): Promise<{ width: number; height: number; data: Uint8Array }> {
  const loaded = await import("pureimage");
  const PImage = ("default" in loaded ? loaded.default : loaded) as typeof import("pureimage");
  const stream = new PassThrough();
  stream.end(Buffer.from(png));
  const bitmap = await PImage.decodePNGFromStream(stream);
  return { width: bitmap.width, height: bitmap.height, data: Uint8Array.from(bitmap.data) };
}

const colourType = (png: Uint8Array) => png[25];

describe("encodePng", () => {
  it("gives back every pixel: random pictures, grey or coloured, opaque or not, odd sizes", async () => {
    const picture = fc
      .record({ width: fc.integer({ min: 1, max: 23 }), height: fc.integer({ min: 1, max: 9 }), grey: fc.boolean() })
      .chain(({ width, height, grey }) =>
        fc
          .array(fc.integer({ min: 0, max: 255 }), { minLength: width * height * 4, maxLength: width * height * 4 })
          .map((values) => {
            const data = Uint8Array.from(values);
            if (grey) for (let i = 0; i < data.length; i += 4) data.set([data[i], data[i], data[i], 255], i);
            return { width, height, data };
          }),
      );
    await fc.assert(
      fc.asyncProperty(picture, async ({ width, height, data }) => {
        const png = encodePng(width, height, data);
        expect(sniffImage(png)).toEqual({ type: "png", width, height });
        expect(await decode(png)).toEqual({ width, height, data });
      }),
      { numRuns: 60 },
    );
  });

  it("writes a picture of opaque greys as greyscale; one coloured or see-through pixel makes it RGBA", async () => {
    const width = 40;
    const height = 30;
    // A chart-like picture: white, a grey band, a dark line, so every row filter gets its turn.
    const data = new Uint8Array(width * height * 4).fill(255);
    for (let y = 10; y < 20; y++) for (let x = 0; x < width; x++) data.set([200, 200, 200], (y * width + x) * 4);
    for (let x = 5; x < 35; x++) data.set([30, 30, 30], (25 * width + x) * 4);
    const grey = encodePng(width, height, data);
    expect(colourType(grey)).toBe(0);
    expect((await decode(grey)).data).toEqual(data);

    for (const [offset, value] of [
      [0, 199], // red differs from green and blue
      [3, 254], // not quite opaque
    ]) {
      const other = Uint8Array.from(data);
      other[(12 * width + 7) * 4 + offset] = value;
      const png = encodePng(width, height, other);
      expect(colourType(png)).toBe(6);
      expect((await decode(png)).data).toEqual(other);
    }
    expect(() => encodePng(width, height, data.subarray(4))).toThrow("4796 bytes for 40×30");
  });
});
