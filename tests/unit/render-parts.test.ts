// The render context is built per document: each document names the parts its built-in template
// reads, rendering one builds only those (undangan computes no ranking and no trend), each part is
// built once however many documents share it, and every document renders to the same text from its
// parts as from the whole context a workspace's own template sees.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtinTemplate } from "../../src/io/assets.js";
import { monthRenderInput } from "../../src/ops/render.js";
import { openMonth } from "../../src/ops/workspace.js";
import { PART_NAMES, renderContext, type RenderInput } from "../../src/render/context.js";
import { DOCUMENTS } from "../../src/render/documents.js";
import { runBlockTemplate } from "../../src/render/render.js";
import { EXAMPLE, REPO } from "../helpers.js";

const YEAR = path.join(REPO, "tests", "fixtures", "year");
const KLASTER = path.join(REPO, "examples", "puskesmas-sukamaju-klaster");

/** The render input of a month, as `render` builds it (the workspace read with the months render reads). */
function inputOf(root: string, month: string): RenderInput {
  const ctx = { cwd: root, env: { LOKMIN_NO_CACHE: "1" }, today: "2024-07-01" };
  const { workspace, loaded } = openMonth(ctx, month, ["check", "year-to-month"]);
  return monthRenderInput(ctx, workspace, month, loaded).input;
}

/** The same input, counting how often the ranking and the trends are computed. */
function counted(input: RenderInput) {
  const calls = { ranking: 0, trends: 0 };
  const spied: RenderInput = {
    ...input,
    problems: () => (calls.ranking++, input.problems()),
    trends: () => (calls.trends++, input.trends?.() ?? []),
  };
  return { calls, input: spied };
}

const doc = (name: string) => DOCUMENTS.find((d) => d.name === name)!;

describe("rendering a document builds only the parts it declares", () => {
  it("undangan: identity, the meeting and attendance; no ranking, no trend, no checklist", async () => {
    const { calls, input } = counted(inputOf(EXAMPLE, "2024-05"));
    const context = renderContext(input);
    const fields = context.of(doc("undangan").parts);
    expect(calls).toEqual({ ranking: 0, trends: 0 });
    expect(context.built().sort()).toEqual(["attendance", "identity", "meeting"]);
    for (const field of ["masalah", "tren", "tilik", "analisis", "capaian", "kesimpulan"])
      expect(fields).not.toHaveProperty(field);
    const blocks = await runBlockTemplate(builtinTemplate("undangan")!, "undangan", fields, "undangan");
    expect(JSON.stringify(blocks)).toContain("Undangan Lokakarya Mini Bulanan Mei 2024");
  });

  it("notulen then rtl and tren: the ranking and the trends once each, every part at most once", () => {
    const { calls, input } = counted(inputOf(EXAMPLE, "2024-05"));
    const context = renderContext(input);
    const notulen = context.of(doc("notulen").parts);
    // The ranking is read by the problems, the analysis and the conclusion; computed once.
    expect(calls).toEqual({ ranking: 1, trends: 1 });
    const built = context.built();
    const rtl = context.of(doc("rtl").parts);
    context.of(doc("tren").parts);
    expect(calls).toEqual({ ranking: 1, trends: 1 });
    expect(context.built()).toEqual(built); // rtl's and tren's parts were all built for the notulen
    expect(rtl.masalah).toBe(notulen.masalah);
    expect(built).not.toContain("checklist");
  });

  it("a workspace's own template sees every field of every part", () => {
    const context = renderContext(inputOf(EXAMPLE, "2024-05"));
    const all = context.all();
    expect(context.built()).toEqual(PART_NAMES);
    for (const field of ["puskesmas", "surat", "peserta", "masalah", "tren", "tilik", "umpan_balik", "tribulanan"])
      expect(all).toHaveProperty(field);
  });
});

describe("each document renders the same from its parts as from the whole context", () => {
  // The example's first Lokmin (pembagian tugas, POA), May (analysis) and June (feedback, the
  // quarterly meeting); the klaster example; the year fixture's quarterly meetings and pralokmin.
  const months: Array<[string, string]> = [
    [EXAMPLE, "2024-01"],
    [EXAMPLE, "2024-05"],
    [EXAMPLE, "2024-06"],
    [KLASTER, "2024-02"],
    [YEAR, "2024-03"],
  ];
  it.each(months.map(([root, month]) => [path.basename(root), month, root]))(
    "%s %s: every document, text (or the refusal) identical",
    async (_name, month, root) => {
      const context = renderContext(inputOf(root, month));
      const whole = context.all();
      const outcome = (name: string, fields: object) =>
        runBlockTemplate(builtinTemplate(name)!, `templates/${name}.hbs`, fields, name).then(
          (blocks) => JSON.stringify(blocks),
          (error: Error) => `refused: ${error.message}`,
        );
      let rendered = 0;
      for (const d of DOCUMENTS) {
        const own = await outcome(d.name, context.of(d.parts));
        expect(own, `${month} ${d.name}`).toBe(await outcome(d.name, whole));
        if (!own.startsWith("refused")) rendered++;
      }
      expect(rendered).toBeGreaterThan(5);
    },
  );
});
