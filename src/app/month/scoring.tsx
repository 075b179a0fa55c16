// The scoring matrix as the forum fills it in: the scores per criterion (one block per rater where
// the method is scored per rater, MCUA), and below them each item's mean scores, total and rank as
// `lokmin rank` computes them (src/domain/rank/matrix.ts), refreshed while the person types.
import type { Child } from "hono/jsx";
import type { Choice, FieldValues } from "../../domain/fields/model.js";
import { childKey, PRESENT, rowKey } from "../../domain/fields/model.js";
import { displayValue } from "../../domain/fields/values.js";
import type { ScoreMatrix } from "../../domain/rank/matrix.js";
import type { MethodDef } from "../../domain/rank/methods.js";
import type { RankResult } from "../../domain/rank/rank.js";
import { decimal, msg, t } from "../../i18n/index.js";
import { Abbr, domId, type FormContext, NoteLine } from "../components/form.js";

const S = {
  results: msg("Hasil: total dan peringkat", "Result: totals and ranks"),
  resultsHint: msg(
    "Dihitung ulang setiap kali skor diubah, sama dengan di dokumen; ditulis saat Simpan.",
    "Recomputed whenever a score changes, the same as in the documents; written on Simpan.",
  ),
  method: msg("Metode: {method}; total = {formula}", "Method: {method}; total = {formula}"),
  item: msg("Masalah", "Problem"),
  solution: msg("Alternatif solusi", "Solution"),
  total: msg("Total", "Total"),
  rank: msg("Peringkat", "Rank"),
  mean: msg("rata-rata {n} penilai", "mean of {n} raters"),
  notScored: msg("belum lengkap", "incomplete"),
  rater: msg("Penilai: {name}", "Rater: {name}"),
  addRater: msg("Tambah penilai", "Add a rater"),
  raterToAdd: msg("Penilai baru", "New rater"),
  removeRater: msg("Hapus penilai {name}", "Remove rater {name}"),
  removeRaterShort: msg("Hapus penilai", "Remove rater"),
  noProblems: msg(
    "Belum ada masalah. Isi masalahnya dulu di halaman Masalah.",
    "No problems yet. Enter them first on the Problems page.",
  ),
  scale: msg("skala {min}–{max}", "scale {min}–{max}"),
};

const number = (value: number | null | undefined) => (value === null || value === undefined ? "—" : decimal(value, 2));

function meanText(score: number | Record<string, number> | undefined): string {
  if (score === undefined) return "—";
  if (typeof score === "number") return decimal(score, 2);
  return Object.entries(score)
    .map(([k, v]) => `${k.toUpperCase()} ${decimal(v, 2)}`)
    .join(", ");
}

function ResultTable(props: { result: RankResult; method: MethodDef; label: string; caption?: string }) {
  const { result, method } = props;
  return (
    <div class="table-wrap">
      <table class="rows results">
        {props.caption ? <caption>{props.caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col" class="c-l">
              {props.label}
            </th>
            {method.criteria.map((c) => (
              <th scope="col" class="c-s">
                <Abbr abbr={c.symbol} label={c.nama} />
              </th>
            ))}
            <th scope="col" class="c-s">
              {t(S.total)}
            </th>
            <th scope="col" class="c-s">
              {t(S.rank)}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.items.map((item) => (
            <tr class={item.rank === 1 ? "first" : undefined}>
              <th scope="row">
                {item.title}
                {item.raters > 1 ? <small class="muted"> ({t(S.mean, { n: item.raters })})</small> : null}
              </th>
              {method.criteria.map((c) => (
                <td class="num">{meanText(item.scores[c.id])}</td>
              ))}
              <td class="num">
                <strong>{item.total === null ? t(S.notScored) : number(item.total)}</strong>
              </td>
              <td class="num">
                <strong>{number(item.rank)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The results of the month's scoring, as a section the page refreshes (hx-post to `refresh`). */
export function RankResults(props: { matrix?: ScoreMatrix; target: "masalah" | "solusi"; refresh: string }) {
  const { matrix, target } = props;
  const part = matrix ? (target === "masalah" ? matrix.problems : matrix.solutions) : undefined;
  const findings =
    matrix && target === "masalah"
      ? matrix.problems.result.findings
      : (matrix?.solutions.results.flatMap((r) => r.findings) ?? []);
  return (
    <section
      id="hasil"
      class="card results"
      aria-labelledby="h-hasil"
      aria-live="polite"
      hx-post={props.refresh}
      // Every field (text, select, checkbox) fires input; requests queue rather than abort one another (an
      // aborted request is an error in the browser's console).
      hx-trigger="input delay:400ms from:closest form"
      hx-include="closest form"
      hx-swap="outerHTML"
      hx-sync="this:queue last"
    >
      <h2 id="h-hasil">{t(S.results)}</h2>
      <p class="hint">{t(S.resultsHint)}</p>
      {part ? (
        <p>
          {methodLine(
            part.method,
            target === "masalah" ? matrix!.problems.result.tie_note : (matrix!.solutions.results[0]?.tie_note ?? ""),
          )}
        </p>
      ) : null}
      {matrix && target === "masalah" ? (
        matrix.problems.result.items.length ? (
          <ResultTable result={matrix.problems.result} method={matrix.problems.method} label={t(S.item)} />
        ) : (
          <p class="muted">{t(S.noProblems)}</p>
        )
      ) : null}
      {matrix && target === "solusi"
        ? matrix.solutions.results.map((r) => (
            <ResultTable
              result={r}
              method={matrix.solutions.method}
              label={t(S.solution)}
              caption={matrix.problems.result.items.find((i) => i.id === r.problem)?.title ?? r.problem}
            />
          ))
        : null}
      {findings.length ? (
        <ul class="findings">
          {findings.map((f) => (
            <li class={f.severity}>{findingText(f, titles(matrix), part?.method.criteria)}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** "Metode: USG; total = U + S + G; <the tie rule>." — the tie rule only once there is one (no stray "; ."). */
export const methodLine = (method: { nama: string; formula: string }, tie: string) =>
  `${[t(S.method, { method: method.nama, formula: method.formula }), tie.trim().replace(/\.$/, "")]
    .filter(Boolean)
    .join("; ")}.`;

/** Each scored item's title by its id (problems and solutions), for messages that name the id. */
const titles = (matrix?: ScoreMatrix) =>
  new Map(
    [...(matrix?.problems.result.items ?? []), ...(matrix?.solutions.results.flatMap((r) => r.items) ?? [])].map(
      (i) => [i.id, i.title] as const,
    ),
  );

/** A scoring finding on this page: the item by its title as the page shows it, not its id in rapat.yaml. */
export function findingText(
  f: { rule: string; message: string },
  byId: Map<string, string>,
  criteria: readonly { id: string; nama: string }[] = [],
) {
  const ids = [...byId.keys()].filter(Boolean).sort((a, b) => b.length - a.length);
  if (f.rule === "rank/tanpa-skor") {
    const id = ids.find((i) => f.message.startsWith(`${i} `));
    if (id)
      return t(msg("«{title}» belum punya skor: isi skornya di atas", "«{title}» has no scores yet: score it above"), {
        title: byId.get(id)!,
      });
  }
  // A criterion by its name as the matrix's header says it ("skor 'u'" → "skor Urgency").
  const named = f.message.replace(
    /'([\w-]+)'/g,
    (whole, id: string) => criteria.find((c) => c.id === id)?.nama ?? whole,
  );
  if (ids.length === 0) return named;
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`(?<![\\w-])(${ids.map(escape).join("|")})(?![\\w-])`, "g");
  return named.replace(pattern, (id) => `«${byId.get(id)}»`);
}

/** The raters of the month's problems, in the order they first appear, then any asked for. */
export function ratersOf(values: FieldValues, problems: readonly string[], extra: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const id of problems) {
    const prefix = `${rowKey("masalah", id)}.skor_penilai[`;
    for (const key of Object.keys(values)) {
      if (!key.startsWith(prefix) || values[key] !== PRESENT) continue;
      const rater = decodeURIComponent(key.slice(prefix.length, -1));
      if (!key.slice(prefix.length).includes("]") || key.slice(prefix.length, -1).includes("]")) continue;
      if (!out.includes(rater)) out.push(rater);
    }
  }
  for (const rater of extra) if (!out.includes(rater)) out.push(rater);
  return out;
}

/**
 * One rater's block: a row per problem, a column per criterion. Its inputs carry the field keys of
 * the problems' `skor_penilai` rows, so the save path reads them as any other page's fields.
 */
export function RaterBlock(props: {
  rater: string;
  raters: readonly Choice[];
  problems: readonly { id: string; title: string }[];
  method: MethodDef;
  ctx: FormContext;
}) {
  const { rater, method, ctx } = props;
  const name = String(props.raters.find((r) => r.value === rater)?.label ?? rater).split(" — ")[0];
  return (
    <fieldset class="list rater" data-row>
      <legend>{t(S.rater, { name })}</legend>
      <div class="table-wrap">
        <table class="rows">
          <thead>
            <tr>
              <th scope="col" class="c-l">
                {t(S.item)}
              </th>
              {method.criteria.map((c) => (
                <th scope="col" class="c-s">
                  <Abbr abbr={c.symbol} label={c.nama} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.problems.map((p) => {
              const row = childKey(rowKey("masalah", p.id), rowKey("skor_penilai", rater));
              return (
                <tr>
                  <th scope="row">
                    <input type="hidden" name={rowKey("masalah", p.id)} value={PRESENT} />
                    <input type="hidden" name={row} value={PRESENT} />
                    {p.title}
                  </th>
                  {method.criteria.map((c) => {
                    const key = `${row}.skor.${c.id}`;
                    const spec = {
                      kind: "field",
                      key: c.id,
                      label: { id: c.nama, en: c.nama },
                      input: "number",
                    } as const;
                    return (
                      <td class={ctx.notes[key]?.error ? "has-error" : undefined}>
                        <input
                          type="text"
                          inputmode="decimal"
                          id={domId("f", key)}
                          name={key}
                          value={displayValue(spec, ctx.values[key])}
                          aria-label={`${c.symbol} ${c.nama}: ${p.title} (${name})`}
                          aria-describedby={domId("n", key)}
                          autocomplete="off"
                        />
                        <NoteLine id={domId("n", key)} note={ctx.notes[key]} />
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p class="actions">
        <button type="button" class="remove" data-hapus aria-label={t(S.removeRater, { name })}>
          {t(S.removeRaterShort)}
        </button>
      </p>
    </fieldset>
  );
}

/** Every rater's block, and the control that adds one (a member of staff not rating yet). */
/** The criteria in words: "U = Urgency (1–5) · S = Seriousness (1–5)". */
export function CriteriaLegend(props: { method: MethodDef }) {
  return (
    <p class="hint criteria">
      {props.method.criteria
        .map((c) => `${c.symbol} = ${c.nama} (${t(S.scale, { min: c.scale.min, max: c.scale.max })})`)
        .join(" · ")}
    </p>
  );
}

export function RaterBlocks(props: {
  raters: readonly string[];
  choices: readonly Choice[];
  problems: readonly { id: string; title: string }[];
  method: MethodDef;
  ctx: FormContext;
  addUrl: string;
}): Child {
  const free = props.choices.filter((c) => !props.raters.includes(c.value));
  return (
    <>
      <CriteriaLegend method={props.method} />
      <div id="penilai">
        {props.raters.map((rater) => (
          <RaterBlock
            rater={rater}
            raters={props.choices}
            problems={props.problems}
            method={props.method}
            ctx={props.ctx}
          />
        ))}
      </div>
      {props.problems.length ? (
        <div class="add-rater field">
          <label for="f-penilai-baru">{t(S.raterToAdd)}</label>
          <select id="f-penilai-baru" name="_penilai_baru">
            {free.map((c) => (
              <option value={c.value}>{String(c.label)}</option>
            ))}
          </select>
          <button
            type="button"
            class="add"
            hx-get={props.addUrl}
            hx-include="#f-penilai-baru"
            hx-target="#penilai"
            hx-swap="beforeend"
          >
            + {t(S.addRater)}
          </button>
        </div>
      ) : (
        <p class="muted">{t(S.noProblems)}</p>
      )}
    </>
  );
}
