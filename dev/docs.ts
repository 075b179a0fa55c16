// The README's tables that come from lokmin's registries (rules, scoring methods, documents,
// meeting kinds), generated so the README can never drift from the code. `npm run docs` rewrites
// the sections between <!-- lokmin:NAME --> markers; a test fails when they are out of date.
import { readFileSync, writeFileSync } from "node:fs";
import { ruleCatalogue } from "../src/domain/check/rules/index.js";
import { MEETING_KINDS, SPECIAL_STEPS, seriesOf } from "../src/domain/meeting-kinds.js";
import { describeMethod, METHODS } from "../src/domain/rank/methods.js";
import { cite, supervisionProfile } from "../src/domain/regulations.js";
import type { Message } from "../src/i18n/index.js";
import { DOCUMENTS } from "../src/render/documents.js";
import { DEFAULT_RELATIONS, RELATION_LIBRARY, SIGN, type LibraryRelation } from "../src/domain/verification.js";

const en = (m: Message) => m.en;
const row = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
const table = (header: string[], rows: string[][]) =>
  [row(header), row(header.map(() => "---")), ...rows.map(row)].join("\n");

export function rulesTable(): string {
  const profile = supervisionProfile();
  return table(
    ["rule id", "severity", "what it checks", "source", "how to fix"],
    ruleCatalogue().map(({ id, spec }) => {
      const members = spec.members?.() ?? [];
      const family = members.length ? ` (${members.map((m) => `\`${m}\``).join(", ")})` : "";
      const severity = spec.fixed ? `${spec.severity} (fixed)` : spec.severity;
      return [`\`${id}\``, severity, `${en(spec.what)}${family}`, cite(spec.source, profile, en), en(spec.fix)];
    }),
  );
}

export function methodsTable(): string {
  return table(
    ["method", "key", "used for", "criteria (default scale)", "total"],
    METHODS.map((m) => {
      const { criteria, total } = describeMethod(m, en);
      return [m.nama, `\`${m.id}\``, m.untuk.join(", "), criteria, total];
    }),
  );
}

export function documentsTable(): string {
  return table(
    ["document", "file", "contains"],
    DOCUMENTS.map((d) => [d.title, `BULAN-${d.name}.docx`, en(d.contains)]),
  );
}

export function meetingKindsTable(): string {
  return table(
    ["kind or step", "file and key", "when"],
    [
      ...MEETING_KINDS.map((k) => {
        const series = seriesOf(k.series);
        return [k.nama, series.kindKey ? `${series.file} · ${series.kindKey}: ${k.id}` : series.file, k.kapan];
      }),
      ...SPECIAL_STEPS.map((s) => [
        s.nama,
        `rapat.yaml · langkah_khusus: ${s.id}`,
        s.id === "bulan_kedua"
          ? "February"
          : s.id === "tengah_tahun"
            ? "June and July"
            : "March, June, September, December",
      ]),
    ],
  );
}

const tolerance = (r: LibraryRelation) =>
  [
    r.toleransi?.persen !== undefined ? `${r.toleransi.persen} %` : "",
    r.toleransi?.jumlah ? `${r.toleransi.jumlah}` : "",
  ]
    .filter(Boolean)
    .join(" or ") || "none";

/** The relations lokmin knows: the default set (in force) and those a workspace adds itself. */
export function relationsTable(): string {
  return table(
    ["id", "relation", "figures", "tolerance", "why", "source", "basis", "in force"],
    RELATION_LIBRARY.map((r) => [
      `\`${r.id}\``,
      `${r.kiri} ${SIGN[r.operator]} ${r.kanan}`,
      `${r.lingkup.join(", ")}${r.perDesa ? ", per village" : ""}`,
      tolerance(r),
      en(r.alasan),
      en(r.sumber),
      r.basis === "regulasi" ? "follows from a regulation's definitions" : "practice",
      DEFAULT_RELATIONS.includes(r) ? "**default**" : "add in `verifikasi.tambahan`",
    ]),
  );
}

/** The relations outside the default set, as lokmin.yaml takes them (to copy into `verifikasi.tambahan`). */
export function relationsYaml(): string {
  const quote = (text: string) => JSON.stringify(text);
  const lines = ["```yaml", "verifikasi:", "  tambahan:"];
  for (const r of RELATION_LIBRARY.filter((x) => !DEFAULT_RELATIONS.includes(x))) {
    lines.push(
      `    - id: ${r.id}`,
      `      kiri: ${r.kiri}`,
      `      operator: "${r.operator}"`,
      `      kanan: ${r.kanan}`,
    );
    if (r.toleransi) {
      const parts = Object.entries(r.toleransi).map(([k, v]) => `${k}: ${v}`);
      lines.push(`      toleransi: { ${parts.join(", ")} }`);
    }
    if (r.lingkup.length < 2) lines.push(`      lingkup: [${r.lingkup.join(", ")}]`);
    lines.push(`      alasan: ${quote(r.alasan.id)}`, `      sumber: ${quote(r.sumber.id)}`);
  }
  lines.push("```");
  return lines.join("\n");
}

export const SECTIONS: Record<string, () => string> = {
  rules: rulesTable,
  methods: methodsTable,
  documents: documentsTable,
  "meeting-kinds": meetingKindsTable,
  relations: relationsTable,
  "relations-yaml": relationsYaml,
};

/** The README with every generated section replaced by its current content. */
export function updateReadme(text: string): string {
  let out = text;
  for (const [name, make] of Object.entries(SECTIONS)) {
    const start = `<!-- lokmin:${name} -->`;
    const end = `<!-- /lokmin:${name} -->`;
    const a = out.indexOf(start);
    const b = out.indexOf(end);
    if (a < 0 || b < a) throw new Error(`README has no ${start} … ${end} section`);
    out = `${out.slice(0, a + start.length)}\n${make()}\n${out.slice(b)}`;
  }
  return out;
}

if (process.argv[1]?.endsWith("docs.js")) {
  const file = new URL("../README.md", import.meta.url);
  writeFileSync(file, updateReadme(readFileSync(file, "utf8")));
}
