// Mode rapat filled in live: the slides that the forum fills (the scoring matrix, a problem's root
// causes, SWOT and solutions, the RTL, the kesepakatan) each carry one form made of the month pages'
// own field specs (src/app/month/pages.ts), saved through the one save path (src/app/save.ts: base
// values and hash, three-way merge, conflicts shown, workspace lock, edit plan). Nothing here reads
// or writes a value of its own: a slide's page is a month page, or a month page narrowed to one
// problem's row (a "row" spec, as a program's indicators are narrowed in the setup pages).
import type { Child } from "hono/jsx";
import { childKey, type FieldSpec, PRESENT, rowKey, type Spec } from "../../domain/fields/model.js";
import { displayValue } from "../../domain/fields/values.js";
import { msg, t } from "../../i18n/index.js";
import { Abbr, domId, type FormContext, NoteLine, Specs } from "../components/form.js";
import { RaterBlock, ratersOf } from "../month/scoring.js";
import { monthSetting } from "../month/registry.js";
import { actionPlanPage, commitmentsPage, problemsPage, scoringPage, solutionsPage } from "../month/pages.js";
import {
  BASE_FIELD,
  CHOICE_PREFIX,
  CONFLICT_FIELD,
  encodeBase,
  type FormPage,
  type Shown,
  VERSION_FIELD,
} from "../save.js";
import { TOKEN_FIELD } from "../security.js";
import { T } from "../text.js";
import { staffChoices } from "../setup/pages.js";
import type { Slide } from "./data.js";

export const L = {
  save: msg("Simpan", "Save"),
  saving: msg("Menyimpan…", "Saving…"),
  saved: msg("Tersimpan", "Saved"),
  conflict: msg(
    "Jendela lain mengubah isian yang sama: pilih nilai yang dipakai, lalu lanjutkan mengetik.",
    "Another window changed the same field: choose the value to keep, then go on typing.",
  ),
  invalid: msg("Ada isian yang perlu diperbaiki (lihat tanda di isiannya).", "A field needs fixing (see its note)."),
  offline: msg(
    "Tidak tersambung ke lokmin: isian belum tersimpan. Periksa apakah lokmin buka masih berjalan.",
    "Not connected to lokmin: not saved yet. Check that lokmin buka is still running.",
  ),
  scores: msg("Skor (ketik, tersimpan otomatis)", "Scores (type; saved as you type)"),
  confirmRemove: msg(
    "{baris}? Yang dihapus langsung tersimpan untuk semua jendela.",
    "{baris}? What is removed is saved at once, for every window.",
  ),
  problem: msg("Masalah", "Problem"),
  edit: msg("Isian rapat", "Meeting entries"),
  live: msg(
    "Ketik langsung: tersimpan saat diketik, jendela lain melihatnya. Tab: isian berikutnya.",
    "Type here: saved as you type, other windows see it. Tab: next field.",
  ),
};

/** Which slide a form belongs to: the slides of problems follow the ranking, so a number is not enough. */
export const SLIDE_FIELD = "_layar";
export const slideKey = (slide: Slide) => (slide.kind === "analisis" ? `analisis:${slide.problem.id}` : slide.kind);

/** The month page a slide edits, narrowed to what the slide shows; none for a slide that only shows. */
export function slidePage(root: string, month: string, slide: Slide): FormPage | undefined {
  const setting = monthSetting(root, month);
  switch (slide.kind) {
    case "masalah":
      return scoringPage(setting);
    case "rtl":
      return actionPlanPage(setting);
    case "kesepakatan": {
      const page = commitmentsPage(setting);
      return { ...page, specs: (data) => page.specs(data).filter((s) => s.key === "kesepakatan") };
    }
    case "evaluasi": {
      const page = commitmentsPage(setting);
      return { ...page, specs: (data) => page.specs(data).filter((s) => s.key === "evaluasi_kesepakatan") };
    }
    case "analisis": {
      const id = slide.problem.id;
      const problems = problemsPage(setting);
      const solutions = solutionsPage(setting);
      const columns = (page: FormPage, data: unknown, keys: string[]): Spec[] => {
        const list = page.specs(data).find((s) => s.key === "masalah");
        return list?.kind === "list" ? list.columns.filter((c) => keys.includes(c.key)) : [];
      };
      return {
        ...problems,
        // The solutions' totals and ranks follow their scores here as on the Solusi page.
        derive: solutions.derive,
        id: `${month}/rapat-analisis`,
        specs: (data) => [
          {
            kind: "row",
            key: "masalah",
            id,
            children: [...columns(problems, data, ["akar_masalah", "swot"]), ...columns(solutions, data, ["solusi"])],
          },
        ],
      };
    }
    default:
      return undefined;
  }
}

export interface LiveForm {
  page: FormPage;
  shown: Shown;
  specs: Spec[];
  action: string;
  token: string;
  month: string;
  config: unknown;
  /** A save outcome's message above the form (a conflict, a mistake, a file that cannot be read). */
  message?: string;
}

/** The form of a slide: the page's fields, its base and version, the token; posts to the slide itself. */
export function LiveFormView(props: LiveForm & { slide: Slide }) {
  const { shown, page } = props;
  return (
    <form
      method="post"
      action={props.action}
      class="live"
      data-langsung
      data-berkas={page.file}
      aria-label={t(L.edit)}
      novalidate
    >
      <input type="hidden" name={TOKEN_FIELD} value={props.token} />
      <input type="hidden" name={BASE_FIELD} value={encodeBase(shown.base)} />
      <input type="hidden" name={VERSION_FIELD} value={shown.version} />
      <input type="hidden" name={SLIDE_FIELD} value={slideKey(props.slide)} />
      <p class="status" role="status" aria-live="polite" data-keadaan data-jenis={props.message ? "perhatian" : ""}>
        {props.message ?? ""}
      </p>
      {shown.general.length ? (
        <ul class="general">
          {shown.general.map((g) => (
            <li>{g}</li>
          ))}
        </ul>
      ) : null}
      <FormBody {...props} />
      <p class="save">
        <button type="submit">{t(L.save)}</button> <span class="hint">{t(L.live)}</span>
      </p>
    </form>
  );
}

function FormBody(props: LiveForm & { slide: Slide }) {
  const { shown, specs, slide, month } = props;
  const ctx = (pageId: string): FormContext => ({
    pageId,
    values: shown.state.values,
    order: shown.state.order,
    notes: shown.notes,
    conflicts: shown.conflicts,
  });
  const specsOf = (children: string[]): Spec[] =>
    specs.map((s) => (s.kind === "row" ? { ...s, children: s.children.filter((c) => children.includes(c.key)) } : s));
  switch (slide.kind) {
    case "masalah":
      return <ScoreInputs {...props} ctx={ctx(`${month}/prioritas`)} />;
    case "analisis":
      // The "+ add a row" buttons ask the month page that owns the list (/baris): masalah, solusi.
      return (
        <>
          <Specs
            specs={specsOf(["akar_masalah", "swot"])}
            prefix=""
            ctx={ctx(`${month}/masalah`)}
            order={shown.state.order}
          />
          <Specs specs={specsOf(["solusi"])} prefix="" ctx={ctx(`${month}/solusi`)} order={shown.state.order} />
        </>
      );
    case "rtl":
      return <Specs specs={specs} prefix="" ctx={ctx(`${month}/rtl`)} order={shown.state.order} />;
    case "kesepakatan":
    case "evaluasi":
      return <Specs specs={specs} prefix="" ctx={ctx(`${month}/kesepakatan`)} order={shown.state.order} />;
    default:
      return null;
  }
}

/** A problem's score fields (a criterion, or each factor of one) with their keys under `row`. */
function scoreFields(specs: readonly Spec[], row: string): Array<{ spec: FieldSpec; key: string; abbr: string }> {
  const out: Array<{ spec: FieldSpec; key: string; abbr: string }> = [];
  const walk = (list: readonly Spec[], prefix: string) => {
    for (const s of list) {
      if (s.kind === "field") out.push({ spec: s, key: childKey(prefix, s.key), abbr: s.abbr ?? s.key });
      else if (s.kind === "group") walk(s.children, childKey(prefix, s.key));
    }
  };
  walk(specs, row);
  return out;
}

/**
 * The scoring matrix to type into: a row per problem and a column per criterion (the forum's scores),
 * or one block per rater (MCUA, the month page's own RaterBlock). The names are the scoring page's
 * field keys, so the save path reads them as it reads that page.
 */
function ScoreInputs(props: LiveForm & { ctx: FormContext }) {
  const { shown, specs, ctx } = props;
  const list = specs.find((s) => s.key === "masalah");
  if (list?.kind !== "list") return null;
  const problems = (shown.state.order.masalah ?? []).map((id) => ({
    id,
    title: shown.state.values[`${rowKey("masalah", id)}.judul`] ?? id,
  }));
  const perRater = list.columns.find((c) => c.key === "skor_penilai");
  if (perRater?.kind === "list") {
    const group = perRater.columns.find((c) => c.key === "skor");
    const method = {
      criteria: (group?.kind === "group" ? group.children : []).map((c) => ({
        id: c.key,
        symbol: c.kind === "field" ? (c.abbr ?? c.key) : c.key.toUpperCase(),
        nama: c.kind === "field" ? t(c.label) : c.key,
      })),
    };
    const raters = ratersOf(
      shown.state.values,
      problems.map((p) => p.id),
    );
    return (
      <div class="raters">
        {raters.map((rater) => (
          <div class="rater-block" data-penilai={rater}>
            <RaterBlock
              rater={rater}
              raters={staffChoices(props.config)}
              problems={problems}
              method={method as never}
              ctx={ctx}
            />
          </div>
        ))}
      </div>
    );
  }
  const group = list.columns.filter((c) => c.key === "skor");
  const header = scoreFields(group, "");
  return (
    <table class="rows scores" id="isian-skor">
      <caption>{t(L.scores)}</caption>
      <thead>
        <tr>
          <th scope="col">{t(L.problem)}</th>
          {header.map((h) => (
            <th scope="col" class="num c-s">
              <Abbr abbr={h.abbr} label={t(h.spec.label)} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {problems.map((p) => {
          const row = rowKey("masalah", p.id);
          const cells = scoreFields(group, row);
          return (
            <tr data-masalah={p.id}>
              <th scope="row">
                <input type="hidden" name={row} value={PRESENT} />
                {p.title}
              </th>
              {cells.map(({ spec, key }) => (
                <td class={ctx.notes[key]?.error ? "has-error" : undefined}>
                  <input
                    type="text"
                    inputmode="decimal"
                    id={domId("f", key)}
                    name={key}
                    value={displayValue(spec, ctx.values[key])}
                    aria-label={`${t(spec.label)}: ${p.title}`}
                    aria-describedby={domId("n", key)}
                    autocomplete="off"
                  />
                  <NoteLine id={domId("n", key)} note={ctx.notes[key]} />
                  <Conflicted name={key} ctx={ctx} spec={spec} />
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A score changed in another window too: both values and the choice (as the month page shows it). */
function Conflicted(props: { name: string; ctx: FormContext; spec: FieldSpec }): Child {
  const c = props.ctx.conflicts.find((x) => x.key === props.name);
  if (!c) return null;
  const shown = (v: string | undefined) => (v === undefined ? "–" : displayValue(props.spec, v));
  return (
    <div class="conflict" role="group">
      <input type="hidden" name={CONFLICT_FIELD} value={c.key} />
      <label class="choice">
        <input type="radio" name={`${CHOICE_PREFIX}${c.key}`} value="saya" />{" "}
        {t(T.conflictMine, { value: shown(c.mine) })}
      </label>
      <label class="choice">
        <input type="radio" name={`${CHOICE_PREFIX}${c.key}`} value="berkas" />{" "}
        {t(T.conflictTheirs, { value: shown(c.theirs) })}
      </label>
    </div>
  );
}
