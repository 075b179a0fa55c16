// Mode rapat filled in live (issue 29 point 1), through the handlers in-process: a slide's form posts
// through the one save path — a score written into rapat.yaml with its comments kept, the ranking
// shown the one `rank --json` prints, a stale page merged with what another window saved, the same
// field changed on both sides a conflict shown and nothing overwritten — and a root cause, a
// kesepakatan typed on their slides written as the month pages write them.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { readData } from "../../src/io/yaml-source.js";
import { formFields, testApp } from "../app-support.js";
import { copyWorkspace, EXAMPLE, lokmin } from "../helpers.js";

const MONTH = "2024-06";
let root: string;
let file: string;
const onDisk = () => readFileSync(file, "utf8");
const data = () => readData(onDisk()) as any;
beforeEach(() => {
  root = copyWorkspace(EXAMPLE);
  file = path.join(root, MONTH, "rapat.yaml");
});

type App = ReturnType<typeof testApp>;

/** Where each kind of slide was found last (every test starts from the same example): tried first. */
const found = new Map<string, number>();

/** The number of the slide of a kind (the first one), by walking the slides as the projector does. */
async function slideOf(app: App, kind: string, problem?: string, month = MONTH): Promise<{ n: number; html: string }> {
  const key = `${month} ${kind} ${problem ?? ""}`;
  const matches = (html: string) =>
    html.includes(`class="slide ${kind}"`) && (!problem || html.includes(`name="_layar" value="analisis:${problem}"`));
  const known = found.get(key);
  if (known) {
    const html = await (await app.get(`/bulan/${month}/rapat/${known}`)).text();
    if (matches(html)) return { n: known, html };
  }
  for (let n = 1; n < 60; n++) {
    const res = await app.get(`/bulan/${month}/rapat/${n}`);
    if (res.status === 404) break;
    const html = await res.text();
    if (!matches(html)) continue;
    found.set(key, n);
    return { n, html };
  }
  throw new Error(`no ${kind} slide`);
}

const set = (fields: [string, string][], name: string, value: string): [string, string][] => {
  expect(
    fields.some(([k]) => k === name),
    name,
  ).toBe(true);
  return fields.map(([k, v]) => [k, k === name ? value : v]);
};

/** The ranking the slide shows: problem, total, rank (the data attributes of #matriks). */
const shownRanking = (html: string) =>
  [...html.matchAll(/<tr data-masalah="([^"]+)" data-total="([^"]*)" data-peringkat="([^"]*)"/g)].map((m) => [
    m[1],
    m[2] === "" ? null : Number(m[2]),
    m[3] === "" ? null : Number(m[3]),
  ]);

describe("mode rapat, filled live", () => {
  it("a score posted from the scoring slide is written (comments kept), ranking shown is rank --json's", async () => {
    const app = testApp(root);
    const { n, html } = await slideOf(app, "masalah");
    const action = `/bulan/${MONTH}/rapat/${n}`;
    const before = onDisk();
    expect(data().masalah[0].skor.u).toBe(5);
    const saved = await app.post(action, set(formFields(html, action), "masalah[m1].skor.u", "1"));
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(action);
    expect(data().masalah[0].skor.u).toBe(1);
    // That value changed, and the totals and ranks that follow from it, as `rank --write` writes them:
    // every comment and every other line as it was.
    const changed = onDisk()
      .split("\n")
      .filter((line, i) => line !== before.split("\n")[i]);
    expect(changed[0]).toBe("      u: 1");
    expect(
      changed.slice(1).every((line) => /^    (total|peringkat): [\d.]+$/.test(line)),
      changed.join("\n"),
    ).toBe(true);
    expect(onDisk()).toContain("# Masalah, akar masalah, skor prioritas (lokmin rank) dan alternatif solusi");
    // Nothing is left for `rank --write` to do: check finds no total or rank that differs from the scores.
    const checked = await lokmin(["check", MONTH, "--json"], { cwd: root, env: { LOKMIN_TODAY: "2024-07-10" } });
    const rules = (JSON.parse(checked.stdout).findings as { rule: string }[]).map((f) => f.rule);
    expect(rules.filter((rule) => rule.startsWith("rank/"))).toEqual([]);

    const result = await lokmin(["rank", MONTH, "--json"], { cwd: root, env: { LOKMIN_TODAY: "2024-07-10" } });
    expect(result.status, result.stderr).toBe(0);
    const rank = JSON.parse(result.stdout);
    const after = await (await app.get(action)).text();
    const expected = [...rank.problems]
      .sort((a: any, b: any) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
      .map((p: any) => [p.id, p.total, p.rank]);
    expect(shownRanking(after)).toEqual(expected);
    expect(data().masalah.map((p: any) => [p.id, p.total, p.peringkat])).toEqual(
      rank.problems.map((p: any) => [p.id, p.total, p.rank]),
    );
    // m1 was first with U = 5; with U = 1 it is not any more, and the page says so.
    expect(expected[0][0]).not.toBe("m1");
    // m1 and m3 were tied at 11 (rank --json: tie_rule kriteria): the slide said how the tie was broken.
    expect(rank.tie_rule).toBe("kriteria");
    expect(/<p class="tie">([^<]+)<\/p>/.exec(html)?.[1]).toMatch(/sama|kriteria/i);
  });

  it("a stale page merges a different field; the same field is a conflict, never an overwrite", async () => {
    const app = testApp(root);
    const { n, html } = await slideOf(app, "masalah");
    const action = `/bulan/${MONTH}/rapat/${n}`;
    const fields = formFields(html, action);
    // Window A saves U of m1.
    expect((await app.post(action, set(fields, "masalah[m1].skor.u", "2"))).status).toBe(303);
    // Window B, still showing the file as it was, changes S of m1: merged.
    expect((await app.post(action, set(fields, "masalah[m1].skor.s", "1"))).status).toBe(303);
    expect(data().masalah[0].skor).toMatchObject({ u: 2, s: 1 });
    // Window B changes U too, from the same stale base: a conflict shown with both values, nothing written.
    const stale = await app.post(action, set(fields, "masalah[m1].skor.u", "4"));
    expect(stale.status).toBe(200);
    const page = await stale.text();
    expect(page).toContain('name="_konflik" value="masalah[m1].skor.u"');
    expect(page).toContain("Jendela lain mengubah isian yang sama");
    expect(data().masalah[0].skor).toMatchObject({ u: 2, s: 1 });
    // Choosing the person's own value writes it.
    const again = formFields(page, action);
    const choice = await app.post(action, [...again, ["_pilih:masalah[m1].skor.u", "saya"]]);
    expect(choice.status).toBe(303);
    expect(data().masalah[0].skor.u).toBe(4);
  });

  it("a score out of the scale is shown at its field and nothing is written", async () => {
    const app = testApp(root);
    const { n, html } = await slideOf(app, "masalah");
    const action = `/bulan/${MONTH}/rapat/${n}`;
    const before = onDisk();
    const res = await app.post(action, set(formFields(html, action), "masalah[m1].skor.u", "9"));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('class="note error"');
    expect(onDisk()).toBe(before);
  });

  it("a root cause typed on a problem's slide is written under its category and drawn in its fishbone", async () => {
    const app = testApp(root);
    const { n, html } = await slideOf(app, "analisis", "m1");
    const action = `/bulan/${MONTH}/rapat/${n}`;
    const fields = formFields(html, action);
    const table = "masalah[m1].akar_masalah";
    const res = await app.post(action, [
      ...fields,
      [`${table}[~1]`, "1"],
      [`${table}[~1].kategori`, "Metode"],
      [`${table}[~1].uraian`, "Jadwal posyandu <bentrok> dengan panen"],
    ]);
    expect(res.status).toBe(303);
    const causes = data().masalah[0].akar_masalah;
    expect(causes.at(-1)).toEqual({ kategori: "Metode", uraian: "Jadwal posyandu <bentrok> dengan panen" });
    expect(causes).toHaveLength(6);
    // The slide is found by its problem wherever the ranking puts it; the fishbone draws the cause, escaped.
    const shown = await (await app.get(res.headers.get("location")!)).text();
    const at = shown.indexOf('<div class="fishbone">');
    const svg = shown.slice(at, shown.indexOf("</svg>", at));
    expect(svg).toContain("&lt;bentrok&gt;");
    expect(shown).toContain("Jadwal posyandu &lt;bentrok&gt; dengan panen");
  });

  it("a solution's score typed on its problem's slide re-ranks them as rank --solusi --json does", async () => {
    const app = testApp(root);
    const { n, html } = await slideOf(app, "analisis", "m1");
    const action = `/bulan/${MONTH}/rapat/${n}`;
    const res = await app.post(action, set(formFields(html, action), "masalah[m1].solusi[s1].skor.c", "1"));
    expect(res.status).toBe(303);
    expect(data().masalah[0].solusi[0].skor.c).toBe(1);
    const result = await lokmin(["rank", MONTH, "--solusi", "--json"], {
      cwd: root,
      env: { LOKMIN_TODAY: "2024-07-10" },
    });
    expect(result.status, result.stderr).toBe(0);
    const ranked = JSON.parse(result.stdout).solutions.find((s: any) => s.problem === "m1").problems;
    const shown = await (await app.get(res.headers.get("location")!)).text();
    const rows = [...shown.matchAll(/<tr data-solusi="([^"]+)" data-peringkat="([^"]*)"/g)].map((m) => [
      m[1],
      Number(m[2]),
    ]);
    expect(rows).toEqual([...ranked].sort((a: any, b: any) => a.rank - b.rank).map((s: any) => [s.id, s.rank]));
    // M × I × V / C with C = 1: s1 (60) is first now.
    expect(rows[0]).toEqual(["s1", 1]);
  });

  it("SWOT typed on a problem's slide (a month using SWOT) is written as a list, shown in its quadrant", async () => {
    const app = testApp(root);
    const may = path.join(root, "2024-05", "rapat.yaml");
    // The month's analysis tools name SWOT (the month pages show SWOT's fields only then).
    const text = readFileSync(may, "utf8");
    writeFileSync(may, text.replace("  analisis:\n    - fishbone\n", "  analisis:\n    - fishbone\n    - swot\n"));
    const { n, html } = await slideOf(app, "analisis", undefined, "2024-05");
    const id = /name="_layar" value="analisis:([^"]+)"/.exec(html)![1];
    const action = `/bulan/2024-05/rapat/${n}`;
    const key = `masalah[${id}].swot.peluang`;
    const fields = formFields(html, action);
    const before = fields.find(([k]) => k === key)?.[1] ?? "";
    const res = await app.post(action, set(fields, key, `${before}\nDana desa untuk posyandu`.trim()));
    expect(res.status).toBe(303);
    const problem = (readData(readFileSync(may, "utf8")) as any).masalah.find((m: any) => m.id === id);
    expect(problem.swot.peluang.at(-1)).toBe("Dana desa untuk posyandu");
    const shown = await (await app.get(res.headers.get("location")!)).text();
    expect(shown.slice(shown.indexOf('class="swot"'))).toContain("<li>Dana desa untuk posyandu</li>");
  });

  it("a kesepakatan typed on its slide is written with the month's next id", async () => {
    const app = testApp(root);
    const { n, html } = await slideOf(app, "kesepakatan");
    const action = `/bulan/${MONTH}/rapat/${n}`;
    const count = data().kesepakatan.length;
    const list = "kesepakatan";
    const res = await app.post(action, [
      ...formFields(html, action),
      [`${list}[~1]`, "1"],
      [`${list}[~1].uraian`, "Sweeping hipertensi di Dusun II"],
      [`${list}[~1].penanggung_jawab`, data().kesepakatan[0].penanggung_jawab],
      [`${list}[~1].tenggat`, "2024-07-15"],
      [`${list}[~1].target`, "30 sasaran diperiksa"],
    ]);
    expect(res.status).toBe(303);
    const added = data().kesepakatan.at(-1);
    expect(data().kesepakatan).toHaveLength(count + 1);
    expect(added).toMatchObject({ uraian: "Sweeping hipertensi di Dusun II", tenggat: "2024-07-15" });
    expect(added.id).toMatch(/^2024-06\/K\d\d$/);
    // The slide shows it for all to read.
    expect(await (await app.get(action)).text()).toContain(`data-kesepakatan="${added.id}"`);
  });

  it("the month file's version is what a second window polls; a post without the token is refused", async () => {
    const app = testApp(root);
    const { n, html } = await slideOf(app, "masalah");
    const action = `/bulan/${MONTH}/rapat/${n}`;
    const v1 = (await (await app.get(`/bulan/${MONTH}/rapat/versi`)).json()).versi;
    expect(html).toContain(`data-versi="${v1}"`);
    const fields = set(formFields(html, action), "masalah[m1].skor.u", "3").filter(([k]) => k !== "_token");
    const refused = await app.post(action, [["_token", "salah"], ...fields]);
    expect(refused.status).toBe(403);
    expect(data().masalah[0].skor.u).toBe(5);
    // A form for a slide that only shows, or for a problem not in the month: nothing to save, nothing written.
    for (const slide of ["judul", "program", "analisis:m9"]) {
      const res = await app.post(action, [...fields.filter(([k]) => k !== "_layar"), ["_layar", slide]]);
      expect(res.status, slide).toBe(404);
    }
    expect(data().masalah[0].skor.u).toBe(5);
    await app.post(action, set(formFields(html, action), "masalah[m1].skor.u", "3"));
    const v2 = (await (await app.get(`/bulan/${MONTH}/rapat/versi`)).json()).versi;
    expect(v2).not.toBe(v1);
  });

  it("the RTL slide offers the chosen solutions with one click and comes back to the slide", async () => {
    // June as it stands after the solutions were chosen: no RTL written yet.
    writeFileSync(file, onDisk().replace(/\nrtl:\n(?:(?: |-|#).*\n|\n)*/, "\nrtl: []\n"));
    const app = testApp(root);
    const { n, html } = await slideOf(app, "rtl");
    const action = "/bulan/2024-06/rtl/dari-solusi";
    const offered = [...html.matchAll(/data-follow-up="([^"]+)"/g)].map((m) => m[1]);
    expect(offered).toEqual(["r1", "r2", "r3"]);
    const fields = formFields(html, action);
    expect(fields).toContainEqual(["kembali", `/bulan/${MONTH}/rapat/${n}`]);
    const res = await app.post(action, fields);
    expect(res.headers.get("location")).toBe(`/bulan/${MONTH}/rapat/${n}`);
    expect(data().rtl.map((r: { id: string }) => r.id)).toEqual(["r1", "r2", "r3"]);
    const again = await (await app.get(`/bulan/${MONTH}/rapat/${n}`)).text();
    expect(again).not.toContain("data-follow-up=");
    expect(again).toContain('name="rtl[r1].kegiatan"');
    // No message waits on the RTL page for whoever opens it next: the slide showed the rows.
    expect(await (await app.get(`/bulan/${MONTH}/rtl`)).text()).not.toContain("kegiatan RTL dibuat");
    // A page to come back to outside this month's slides is not followed.
    const elsewhere = await app.post(action, [
      ...fields.filter(([k]) => k !== "kembali"),
      ["kembali", "https://x.example/"],
    ]);
    expect(elsewhere.headers.get("location")).toBe(`/bulan/${MONTH}/rtl`);
  });

  it("last month's kesepakatan are evaluated on their own slide, second, each status saved as chosen", async () => {
    const app = testApp(root);
    const { n, html } = await slideOf(app, "evaluasi");
    expect(n).toBe(2);
    expect(html).toContain("2024-05/K01 — Posyandu/posbindu sore hari di dusun terjauh");
    const action = `/bulan/${MONTH}/rapat/${n}`;
    const before = onDisk();
    const res = await app.post(
      action,
      set(formFields(html, action), "evaluasi_kesepakatan[2024-05%2FK01].status", "batal"),
    );
    expect(res.headers.get("location")).toBe(action);
    const changed = onDisk()
      .split("\n")
      .filter((line, i) => line !== before.split("\n")[i]);
    expect(changed).toEqual(["    status: batal"]);
  });
});
