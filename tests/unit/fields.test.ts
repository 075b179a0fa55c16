// The browser app's field engine, pure: values as typed → canonical → YAML, the three-way merge
// that keeps a save from undoing a change made elsewhere, and the edits that change only what differs.
import { describe, expect, it } from "vitest";
import { applyToData } from "../../src/domain/fields/apply.js";
import { buildEdits } from "../../src/domain/fields/edits.js";
import { applyChoices, mergeFields } from "../../src/domain/fields/merge.js";
import { type FieldSpec, type ListSpec, parseKey, type Spec } from "../../src/domain/fields/model.js";
import { flatten, readSubmitted, slugFor, uniqueId } from "../../src/domain/fields/state.js";
import { displayValue, parseInput } from "../../src/domain/fields/values.js";
import { msg, setLang } from "../../src/i18n/index.js";
import { applyYamlEdits } from "../../src/io/yaml-patch.js";
import { readData } from "../../src/io/yaml-source.js";

const L = msg("x", "x");
const staff: ListSpec = {
  kind: "list",
  key: "pegawai",
  label: L,
  rows: "id",
  idFrom: "nama",
  columns: [
    { kind: "field", key: "nama", label: L, input: "text", required: true },
    { kind: "field", key: "nip", label: L, input: "nip" },
    { kind: "field", key: "jabatan", label: L, input: "text", required: true },
    { kind: "field", key: "aktif", label: L, input: "checkbox", default: "true" },
  ],
};
const specs: Spec[] = [
  {
    kind: "group",
    key: "puskesmas",
    children: [
      { kind: "field", key: "nama", label: L, input: "text", required: true },
      { kind: "field", key: "telepon", label: L, input: "text" },
    ],
  },
  staff,
  {
    kind: "list",
    key: "desa",
    label: L,
    rows: "value",
    columns: [{ kind: "field", key: "", label: L, input: "text" }],
  },
  {
    kind: "row",
    key: "program",
    id: "kia",
    children: [
      {
        kind: "list",
        key: "indikator",
        label: L,
        rows: "id",
        columns: [
          { kind: "field", key: "nama", label: L, input: "text" },
          { kind: "field", key: "sasaran", label: L, input: "integer", min: 0 },
          { kind: "field", key: "target", label: L, input: "number", min: 0, max: 100 },
        ],
      },
    ],
  },
];

const TEXT = [
  "# Identitas",
  "puskesmas:",
  "  nama: UPTD Puskesmas Sukamaju # nama resmi",
  "pegawai:",
  "  - id: ratna",
  "    nama: dr. Ratna",
  '    nip: "197803152005012004"',
  "    jabatan: Kepala Puskesmas",
  "  - id: agus",
  "    nama: Agus",
  "    jabatan: Kasubag TU",
  "desa:",
  "  - Sukamaju",
  "  - Karang Anyar",
  "program:",
  "  - id: kia",
  "    indikator:",
  "      - id: bumil",
  "        nama: Ibu hamil",
  "        sasaran: 812",
  "        target: 100",
  "",
].join("\r\n");

const form = (pairs: [string, string][]) => {
  const map = new Map<string, string[]>();
  for (const [k, v] of pairs) map.set(k, [...(map.get(k) ?? []), v]);
  return map;
};
/** The form a page would send for `text` unchanged, as pairs. */
const asShown = (text: string): [string, string][] => {
  const { values, order } = flatten(specs, readData(text));
  const pairs: [string, string][] = [];
  for (const [k, v] of Object.entries(values)) {
    if (k.startsWith("desa[")) pairs.push([k, decodeURIComponent(k.slice(5, -1))]);
    else if (k.endsWith("aktif")) {
      if (v === "true") pairs.push([k, "on"]);
    } else
      pairs.push([
        k,
        k.startsWith("pegawai") && k.endsWith("nip") ? displayValue(staff.columns[1] as FieldSpec, v) : v,
      ]);
  }
  expect(order.pegawai).toEqual(["ratna", "agus"]);
  return pairs;
};

function save(text: string, base: string, pairs: [string, string][]) {
  const baseState = flatten(specs, readData(base));
  const theirsData = readData(text);
  const theirs = flatten(specs, theirsData);
  const mine = readSubmitted(specs, form(pairs), baseState.values, () => new Set(theirs.order.pegawai ?? []));
  const result = mergeFields(baseState.values, mine.state.values, theirs.values);
  const edits = buildEdits(specs, theirsData, theirs.values, result.merged, mine.state.order);
  return { ...result, mine, edits, text: applyYamlEdits(text, edits).text };
}

describe("values as typed", () => {
  it("refuses a line break in a one-line field, so it can never become a new YAML key", () => {
    const field = { kind: "field", key: "nama", label: L, input: "text" } as const;
    expect(parseInput(field, "Sukamaju\nlogo: /etc/passwd").error?.message.id).toMatch(/satu baris/);
    expect(parseInput(field, "Sukamaju\u2028x").error).toBeDefined();
    expect(parseInput(field, "  Sukamaju  ")).toEqual({ value: "Sukamaju" });
  });

  it("reads numbers with a decimal comma, refuses a thousands point, and shows the comma back", () => {
    const number = { kind: "field", key: "t", label: L, input: "number", min: 0, max: 100 } as const;
    expect(parseInput(number, "12,5").value).toBe("12.5");
    expect(parseInput(number, "2.000").error?.message.id).toMatch(/titik ribuan/);
    expect(parseInput(number, "120").error?.message.id).toMatch(/paling besar/);
    setLang("id");
    expect(displayValue(number, "12.5")).toBe("12,5");
    const integer = { kind: "field", key: "s", label: L, input: "integer" } as const;
    expect(parseInput(integer, "1.250").error?.message.id).toMatch(/titik ribuan/);
    expect(parseInput(integer, "12,5").error).toBeDefined();
  });

  it("keeps a NIP as its 18 digits, shows it in four groups, and warns without refusing", () => {
    const nip = { kind: "field", key: "nip", label: L, input: "nip" } as const;
    expect(parseInput(nip, "19690826 200212 2 003")).toEqual({ value: "196908262002122003" });
    expect(displayValue(nip, "196908262002122003")).toBe("19690826 200212 2 003");
    const short = parseInput(nip, "1969 0826");
    expect(short.value).toBe("19690826");
    expect(short.error).toBeUndefined();
    expect(short.warning?.message.id).toMatch(/18 angka/);
    expect(parseInput(nip, "196913262002122003").warning?.params?.reason).toMatchObject({ id: /tanggal lahir/ });
  });

  it("makes ids from names without titles, unique in the list", () => {
    expect(slugFor("dr. Ratna Sari Dewi, M.Kes")).toBe("ratna-sari-dewi");
    expect(slugFor("<img src=x onerror=alert(1)>")).toBe("img-src-x-onerror-alert-1");
    expect(slugFor("Ñoño Álvarez")).toBe("nono-alvarez");
    expect(uniqueId("ratna-sari", new Set(["ratna"]))).toBe("ratna-sari");
    expect(uniqueId("ratna", new Set(["ratna"]))).toBe("ratna-2");
    expect(parseKey("program[kia].indikator[bumil].target")).toEqual([
      { key: "program" },
      { row: "kia" },
      { key: "indikator" },
      { row: "bumil" },
      { key: "target" },
    ]);
    expect(parseKey("pegawai[ratna]x")).toBeUndefined();
  });
});

describe("the three-way merge", () => {
  it("takes the file's value where the person changed nothing, the person's where only they did", () => {
    const r = mergeFields({ a: "1", b: "1", c: "1" }, { a: "1", b: "2", c: "1" }, { a: "3", b: "1", c: "1" });
    expect(r.merged).toEqual({ a: "3", b: "2", c: "1" });
    expect(r.conflicts).toEqual([]);
    expect(r.changed).toEqual(["b"]);
  });

  it("calls both changing a field differently a conflict and keeps the file's value meanwhile", () => {
    const r = mergeFields({ a: "1" }, { a: "2" }, { a: "3" });
    expect(r.conflicts).toEqual([{ key: "a", base: "1", mine: "2", theirs: "3" }]);
    expect(r.merged.a).toBe("3");
    // The same change on both sides is no conflict.
    expect(mergeFields({ a: "1" }, { a: "2" }, { a: "2" }).conflicts).toEqual([]);
    // A value emptied here and changed there is one too.
    expect(mergeFields({ a: "1" }, {}, { a: "3" }).conflicts).toHaveLength(1);
  });

  it("calls a row removed here and changed there (or the reverse) a conflict of the row", () => {
    const base = { "p[x]": "1", "p[x].nama": "A" };
    const here = mergeFields(base, {}, { "p[x]": "1", "p[x].nama": "B" });
    expect(here.conflicts).toEqual([{ key: "p[x]", base: "1", mine: undefined, theirs: "1", row: "removed-here" }]);
    // A key added inside the row there counts as a change too.
    const added = mergeFields(base, {}, { ...base, "p[x].nip": "1" });
    expect(added.conflicts[0]?.row).toBe("removed-here");
    const there = mergeFields(base, { "p[x]": "1", "p[x].nama": "B" }, {});
    expect(there.conflicts).toEqual([{ key: "p[x]", base: "1", mine: "1", theirs: undefined, row: "removed-there" }]);
    // Removed on one side, untouched on the other: removed, with everything in it.
    expect(mergeFields(base, {}, base).merged).toEqual({});
    expect(mergeFields(base, base, {}).merged).toEqual({});
  });

  it("answers 'berkas' by putting the re-shown value back, 'saya' by keeping what was typed", () => {
    expect(applyChoices({ a: "2", b: "9" }, { a: "3", b: "8" }, { a: "berkas", b: "saya" })).toEqual({
      a: "3",
      b: "9",
    });
    expect(applyChoices({ a: "2" }, {}, { a: "berkas" })).toEqual({});
  });
});

describe("a save, end to end on text", () => {
  it("changes only the edited values: comments, CRLF and the other keys stay", () => {
    const pairs = asShown(TEXT).map(([k, v]): [string, string] =>
      k === "puskesmas.nama" ? [k, "Puskesmas Baru"] : [k, v],
    );
    const r = save(TEXT, TEXT, pairs);
    expect(r.conflicts).toEqual([]);
    expect(r.edits).toEqual([{ op: "set", path: ["puskesmas", "nama"], value: "Puskesmas Baru", after: [] }]);
    expect(r.text).toBe(TEXT.replace("nama: UPTD Puskesmas Sukamaju #", "nama: Puskesmas Baru #"));
  });

  it("sending the page back unchanged writes nothing", () => {
    const r = save(TEXT, TEXT, asShown(TEXT));
    expect(r.edits).toEqual([]);
    expect(r.text).toBe(TEXT);
  });

  it("adds, removes and edits rows, with ids made from names and typed values", () => {
    const pairs = asShown(TEXT).filter(([k]) => !k.startsWith("pegawai[agus]") && k !== "desa[Sukamaju]");
    pairs.push(["pegawai[~1]", "1"], ["pegawai[~1].nama", "Budi Santoso, S.KM"], ["pegawai[~1].jabatan", "Sanitarian"]);
    pairs.push(["pegawai[~1].nip", "19850317 201001 1 008"], ["pegawai[~1].aktif", "on"]);
    pairs.push(["desa[~9]", "Mekar Jaya"]);
    const edited = pairs.map(([k, v]): [string, string] =>
      k === "program[kia].indikator[bumil].target" ? [k, "95,5"] : [k, v],
    );
    const r = save(TEXT, TEXT, edited);
    expect(r.mine.newIds).toEqual([{ list: "pegawai", temporary: "~1", id: "budi" }]);
    expect(r.conflicts).toEqual([]);
    const data = readData(r.text) as any;
    expect(data.pegawai.map((p: any) => p.id)).toEqual(["ratna", "budi"]);
    expect(data.pegawai[1]).toEqual({
      id: "budi",
      nama: "Budi Santoso, S.KM",
      nip: "198503172010011008",
      jabatan: "Sanitarian",
    });
    expect(r.text).toContain('nip: "198503172010011008"');
    expect(data.desa).toEqual(["Karang Anyar", "Mekar Jaya"]);
    expect(data.program[0].indikator[0].target).toBe(95.5);
    expect(r.text).toContain("# Identitas\r\n");
  });

  it("merges a page saved over a file changed elsewhere, and holds back on a conflict", () => {
    const elsewhere = TEXT.replace("jabatan: Kasubag TU", "jabatan: Kepala Subbagian TU").replace(
      "  - Karang Anyar",
      "  - Karang Anyar\r\n  - Tanjung Sari",
    );
    // The person edited a different field: both changes end up in the file.
    const mine = asShown(TEXT).map(([k, v]): [string, string] =>
      k === "pegawai[ratna].jabatan" ? [k, "Kapus"] : [k, v],
    );
    const merged = save(elsewhere, TEXT, mine);
    expect(merged.conflicts).toEqual([]);
    const data = readData(merged.text) as any;
    expect(data.pegawai.map((p: any) => p.jabatan)).toEqual(["Kapus", "Kepala Subbagian TU"]);
    expect(data.desa).toEqual(["Sukamaju", "Karang Anyar", "Tanjung Sari"]);
    // The person edited the same field differently: a conflict naming both values.
    const same = asShown(TEXT).map(([k, v]): [string, string] =>
      k === "pegawai[agus].jabatan" ? [k, "Sekretaris"] : [k, v],
    );
    const conflict = save(elsewhere, TEXT, same);
    expect(conflict.conflicts).toEqual([
      { key: "pegawai[agus].jabatan", base: "Kasubag TU", mine: "Sekretaris", theirs: "Kepala Subbagian TU" },
    ]);
  });

  it("never writes a field no spec has, whatever name the browser sends", () => {
    const pairs: [string, string][] = [
      ...asShown(TEXT),
      ["pejabat.kepala_puskesmas", "x"],
      ["puskesmas.logo", "/etc/passwd"],
    ];
    expect(save(TEXT, TEXT, pairs).edits).toEqual([]);
  });

  it("writes a group the file lacks whole", () => {
    const text = "pegawai: []\n";
    const pairs: [string, string][] = [
      ["puskesmas.nama", "Puskesmas A"],
      ["puskesmas.telepon", "0733"],
    ];
    const r = save(text, text, pairs);
    expect(readData(r.text)).toMatchObject({ puskesmas: { nama: "Puskesmas A", telepon: "0733" } });
  });
});

describe("month pages' kinds of fields", () => {
  const meetingSpecs: Spec[] = [
    { kind: "field", key: "tanggal", label: L, input: "date", empty: "null" },
    {
      kind: "group",
      key: "waktu",
      children: [{ kind: "field", key: "mulai", label: L, input: "time", required: true }],
    },
    {
      kind: "list",
      key: "hadir",
      label: L,
      rows: "id",
      identity: (item) =>
        typeof item.pegawai === "string"
          ? item.pegawai
          : typeof item.nama === "string"
            ? `tamu:${item.nama}`
            : undefined,
      idKey: null,
      newId: (column) => column("pegawai") ?? `tamu:${column("nama")}`,
      columns: [
        {
          kind: "field",
          key: "pegawai",
          label: L,
          input: "select",
          fixed: true,
          options: [
            { value: "ratna", label: "R" },
            { value: "agus", label: "A" },
          ],
        },
        { kind: "field", key: "nama", label: L, input: "text", hiddenWhen: (c) => Boolean(c("pegawai")) },
        {
          kind: "field",
          key: "status",
          label: L,
          input: "select",
          options: [
            { value: "hadir", label: "H" },
            { value: "izin", label: "I" },
          ],
        },
      ],
    },
    {
      kind: "table",
      key: "pembahasan",
      label: L,
      columns: [
        { kind: "field", key: "pembicara", label: L, input: "text", required: true },
        { kind: "field", key: "isi", label: L, input: "textarea", required: true },
        { kind: "field", key: "keputusan", label: L, input: "textarea" },
      ],
    },
    {
      kind: "field",
      key: "penerima",
      label: L,
      input: "multi",
      options: [
        { value: "ratna", label: "R" },
        { value: "agus", label: "A" },
      ],
    },
  ];
  const MEETING = [
    "tanggal: null",
    "waktu:",
    '  mulai: "08.00"',
    "hadir:",
    "  - pegawai: ratna",
    "    status: hadir",
    "  - pegawai: agus",
    "    nama: kept as written",
    "    status: null",
    "pembahasan:",
    "  # agenda 1",
    "  - agenda: a01",
    "    pembicara: ratna",
    "    isi: Capaian rendah",
    "  - agenda: a02",
    "    pembicara: agus",
    "    isi: Data belum valid",
    "    keputusan: Validasi mingguan",
    "penerima: []",
    "",
  ].join("\n");

  /** What the page shows, as the browser would send it back (a table's rows under their file index). */
  function shown(text: string): [string, string][] {
    const { values } = flatten(meetingSpecs, readData(text));
    const pairs: [string, string][] = [];
    for (const [k, v] of Object.entries(values)) {
      if (k === "pembahasan") {
        for (const row of JSON.parse(v)) {
          pairs.push([`pembahasan[${row["@"]}]`, "1"]);
          for (const col of ["pembicara", "isi", "keputusan"])
            if (row[col]) pairs.push([`pembahasan[${row["@"]}].${col}`, row[col]]);
        }
      } else if (k === "penerima") for (const p of v.split("\n")) pairs.push([k, p]);
      else pairs.push([k, v]);
    }
    return pairs;
  }
  function saveMeeting(text: string, base: string, pairs: [string, string][]) {
    const baseState = flatten(meetingSpecs, readData(base));
    const data = readData(text);
    const theirs = flatten(meetingSpecs, data);
    const mine = readSubmitted(
      meetingSpecs,
      form(pairs),
      baseState.values,
      (list) => new Set(theirs.order[list] ?? []),
    );
    const result = mergeFields(baseState.values, mine.state.values, theirs.values);
    const edits = buildEdits(meetingSpecs, data, theirs.values, result.merged, mine.state.order);
    return { ...result, mine, edits, text: applyYamlEdits(text, edits).text };
  }
  const change = (pairs: [string, string][], key: string, value: string): [string, string][] =>
    pairs.some(([k]) => k === key)
      ? pairs.map(([k, v]): [string, string] => [k, k === key ? value : v])
      : [...pairs, [key, value]];

  it("sent back unchanged writes nothing: null kept, empty list kept, guest columns of staff rows kept", () => {
    const r = saveMeeting(MEETING, MEETING, shown(MEETING));
    expect(r.edits).toEqual([]);
  });

  it("reads a date and a time as the documents write them, and writes them so", () => {
    const date = { kind: "field", key: "d", label: L, input: "date" } as const;
    expect(parseInput(date, "21/5/2024").value).toBe("2024-05-21");
    expect(parseInput(date, "2024-02-30").error?.message.id).toMatch(/tanggal yang ada/);
    const time = { kind: "field", key: "t", label: L, input: "time" } as const;
    expect(parseInput(time, "8:30").value).toBe("08.30");
    expect(parseInput(time, "24.00").error).toBeDefined();
    const pairs = change(change(shown(MEETING), "tanggal", "2024-05-21"), "waktu.mulai", "9.00");
    const r = saveMeeting(MEETING, MEETING, pairs);
    expect(r.text).toContain("tanggal: 2024-05-21\n");
    expect(r.text).toContain('  mulai: "09.00"\n');
    expect(readData(r.text)).toMatchObject({ tanggal: "2024-05-21", waktu: { mulai: "09.00" } });
    // Emptied again: the key the schema requires stays, as null.
    const back = saveMeeting(r.text, r.text, change(shown(r.text), "tanggal", ""));
    expect(back.text).toContain("tanggal: null\n");
  });

  it("identifies attendance rows by pegawai, adds a guest by name, and never changes who a written row is", () => {
    const pairs = change(shown(MEETING), "hadir[agus].status", "izin");
    pairs.push(["hadir[ratna].pegawai", "agus"]); // a fixed column of a written row is not changed
    pairs.push(["hadir[~1]", "1"], ["hadir[~1].nama", "Camat Sukamaju"], ["hadir[~1].status", "hadir"]);
    const r = saveMeeting(MEETING, MEETING, pairs);
    expect((readData(r.text) as any).hadir).toEqual([
      { pegawai: "ratna", status: "hadir" },
      { pegawai: "agus", nama: "kept as written", status: "izin" },
      { nama: "Camat Sukamaju", status: "hadir" },
    ]);
  });

  it("edits a table row's cells in place: comments and keys the page does not show stay", () => {
    const r = saveMeeting(MEETING, MEETING, change(shown(MEETING), "pembahasan[0].keputusan", "Sweeping"));
    expect(r.edits).toEqual([
      { op: "set", path: ["pembahasan", 0, "keputusan"], value: "Sweeping", after: ["pembicara", "isi"] },
    ]);
    expect(r.text).toContain(
      "  # agenda 1\n  - agenda: a01\n    pembicara: ratna\n    isi: Capaian rendah\n    keputusan: Sweeping\n",
    );
  });

  it("appends a row added at the end, drops an empty one, deletes a removed one, and asks for a required cell", () => {
    const removed = shown(MEETING).filter(([k]) => !k.startsWith("pembahasan[0]"));
    removed.push(["pembahasan[~2]", "1"], ["pembahasan[~2].pembicara", "ratna"], ["pembahasan[~2].isi", "Penutup"]);
    removed.push(["pembahasan[~3]", "1"], ["pembahasan[~3].pembicara", ""], ["pembahasan[~3].isi", ""]);
    const r = saveMeeting(MEETING, MEETING, removed);
    expect((readData(r.text) as any).pembahasan).toEqual([
      { agenda: "a02", pembicara: "agus", isi: "Data belum valid", keputusan: "Validasi mingguan" },
      { pembicara: "ratna", isi: "Penutup" },
    ]);
    const missing = [...shown(MEETING), ["pembahasan[~4]", "1"], ["pembahasan[~4].pembicara", "agus"]] as [
      string,
      string,
    ][];
    const m = readSubmitted(
      meetingSpecs,
      form(missing),
      flatten(meetingSpecs, readData(MEETING)).values,
      () => new Set(),
    );
    expect(m.notes["pembahasan[~4].isi"]?.error?.message.id).toBe("wajib diisi");
  });

  it("rows sent in another order rewrite the list with each row's keys kept", () => {
    const pairs = shown(MEETING);
    const first = pairs.filter(([k]) => k.startsWith("pembahasan[0]"));
    const reordered = [...pairs.filter(([k]) => !k.startsWith("pembahasan[0]")), ...first];
    const r = saveMeeting(MEETING, MEETING, reordered);
    expect((readData(r.text) as any).pembahasan.map((p: any) => p.agenda)).toEqual(["a02", "a01"]);
  });

  it("merges a table as one value: a change elsewhere is kept, a change on both sides is a conflict", () => {
    const elsewhere = MEETING.replace("isi: Capaian rendah", "isi: Capaian ibu hamil rendah");
    const onlyThere = saveMeeting(elsewhere, MEETING, change(shown(MEETING), "hadir[ratna].status", "izin"));
    expect(onlyThere.conflicts).toEqual([]);
    expect(onlyThere.text).toContain("isi: Capaian ibu hamil rendah");
    expect(onlyThere.text).toContain("status: izin");
    const both = saveMeeting(elsewhere, MEETING, change(shown(MEETING), "pembahasan[1].isi", "Data valid"));
    expect(both.conflicts.map((c) => c.key)).toEqual(["pembahasan"]);
    expect(both.edits).toEqual([]);
  });

  it("keeps several choices in the order offered, and a value the file held that is not offered", () => {
    const multi = meetingSpecs[4] as FieldSpec;
    expect(parseInput(multi, "agus\nratna\nagus")).toEqual({ value: "ratna\nagus" });
    expect(parseInput(multi, "Bapak Camat\nagus")).toEqual({ value: "agus\nBapak Camat" });
    const r = saveMeeting(MEETING, MEETING, [...shown(MEETING), ["penerima", "agus"], ["penerima", "ratna"]]);
    expect(r.text).toContain("penerima:\n  - ratna\n  - agus\n");
  });

  it("applies a page's edits to plain data for what it computes before saving", () => {
    const data = { a: { b: 1 }, list: [{ x: 1 }, { x: 2 }] };
    const out = applyToData(data, [
      { op: "set", path: ["a", "c"], value: 2 },
      { op: "append", path: ["list"], items: [{ x: 3 }] },
      { op: "delete", path: ["list", 0] },
      { op: "replace", path: ["n", "m"], value: [1] },
    ]);
    expect(out).toEqual({ a: { b: 1, c: 2 }, list: [{ x: 2 }, { x: 3 }], n: { m: [1] } });
    expect(data.list).toHaveLength(2);
  });
});
