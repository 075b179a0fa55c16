// Mode rapat: the month's Lokmin on the projector, one screen at a time following the agenda — the
// month's figures per program, the problems with the scoring matrix of the month's method, each
// problem's fishbone, SWOT and solutions, the RTL and the kesepakatan. Large type for 1024×768, no
// sideways scrolling; the slides the forum fills hold their form (live.tsx). The arrow keys, Page
// Up/Down and Space go back and forward outside a field (assets/rapat.js follows the page's own
// rel=prev/next links, which work without it too).
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { longDate, monthName, plainDate } from "../../domain/format-date.js";
import { percent } from "../../domain/format-id.js";
import { getLang, msg, t } from "../../i18n/index.js";
import { METHODS } from "../../domain/rank/methods.js";
import type { RankResult } from "../../domain/rank/rank.js";
import { round } from "../../domain/targets.js";
import { fishboneSvg, trendPanelSvg } from "../../render/svg.js";
import { C, StateMark } from "../components/chart.js";
import type { MeetingView, ProblemSlide, ProgramSlide, Slide } from "./data.js";
import { TOKEN_HEADER } from "../security.js";
import { L, type LiveForm, LiveFormView } from "./live.js";

/** htmx as the app's pages configure it (components/layout.tsx): no eval, no injected styles, own requests only. */
const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  historyEnabled: false,
  selfRequestsOnly: true,
});

export const R = {
  title: msg("Mode rapat", "Meeting mode"),
  lokmin: msg("Lokakarya Mini Bulanan", "Monthly Mini-Workshop"),
  place: msg("Tempat", "Place"),
  chair: msg("Pimpinan rapat", "Chair"),
  date: msg("Tanggal", "Date"),
  keys: msg(
    "→ / Page Down / Spasi: berikutnya · ← / Page Up: sebelumnya · Home / End: awal / akhir · Esc: keluar " +
      "(di isian: Esc keluar dari isian)",
    "→ / Page Down / Space: next · ← / Page Up: previous · Home / End: first / last · Esc: leave " +
      "(in a field: Esc leaves the field)",
  ),
  next: msg("Berikutnya", "Next"),
  prev: msg("Sebelumnya", "Previous"),
  leave: msg("Keluar dari mode rapat", "Leave meeting mode"),
  of: msg("{n} dari {total}", "{n} of {total}"),
  indicator: msg("Indikator", "Indicator"),
  capaian: msg("Capaian kumulatif", "Cumulative coverage"),
  target: msg("Target kumulatif", "Cumulative target"),
  state: msg("Keadaan", "State"),
  streak: msg("Tertinggal", "Behind"),
  months: msg("{n} bln", "{n} mo"),
  villagesBehind: msg("Desa tertinggal", "Villages behind"),
  none: msg("–", "–"),
  problems: msg("Masalah dan penilaiannya ({method})", "Problems and their scores ({method})"),
  formula: msg("Rumus: {formula}", "Formula: {formula}"),
  problem: msg("Masalah", "Problem"),
  total: msg("Total", "Total"),
  rank: msg("Peringkat", "Rank"),
  raters: msg("Penilai", "Raters"),
  raterBlock: msg("Skor {rater}", "Scores of {rater}"),
  priority: msg("Prioritas {n}", "Priority {n}"),
  unranked: msg("Belum diberi peringkat", "Not ranked yet"),
  causes: msg("Akar masalah", "Root causes"),
  noCauses: msg("Akar masalah belum diisi.", "No root causes yet."),
  fishboneDescribe: msg(
    "Diagram tulang ikan: masalah di kepala, satu tulang per kategori, penyebabnya tertulis di tulang.",
    "Fishbone diagram: the problem at the head, one bone per category, its causes written along it.",
  ),
  swot: msg("SWOT", "SWOT"),
  strengths: msg("Kekuatan", "Strengths"),
  weaknesses: msg("Kelemahan", "Weaknesses"),
  opportunities: msg("Peluang", "Opportunities"),
  threats: msg("Ancaman", "Threats"),
  solutions: msg("Alternatif solusi ({method})", "Solution alternatives ({method})"),
  solution: msg("Solusi", "Solution"),
  chosen: msg("terpilih", "chosen"),
  rtl: msg("Rencana tindak lanjut (RTL)", "Follow-up plan (RTL)"),
  activity: msg("Kegiatan", "Activity"),
  when: msg("Waktu", "When"),
  pj: msg("Penanggung jawab", "Person in charge"),
  success: msg("Indikator keberhasilan", "Measure of success"),
  kesepakatan: msg("Kesepakatan", "Commitments"),
  what: msg("Uraian", "What"),
  deadline: msg("Tenggat", "Deadline"),
  measure: msg("Target", "Target"),
  noKesepakatan: msg("Belum ada kesepakatan bulan ini.", "No commitments this month yet."),
  evaluasi: msg("Evaluasi kesepakatan bulan lalu", "Last month's commitments evaluated"),
  cannot: msg(
    "Mode rapat tidak dapat dibuka: berkas bulan ini perlu diperbaiki dulu.",
    "Meeting mode cannot open: this month's files need fixing first.",
  ),
};

export interface MeetingPageProps {
  view: MeetingView;
  /** 1-based. */
  index: number;
  puskesmas: string;
  /** The slide's form when the forum fills it (live.tsx). */
  live?: LiveForm;
  /** On the RTL and kesepakatan slides: the rows the step before offers, added with one click. */
  followUp?: Child;
  /** The month file's hash as the slide shows it (a second window compares it with /rapat/versi). */
  version: string;
  /** The session's token, for the requests the page makes (htmx's, rapat.js's). */
  token: string;
}

/** A method's short name as the README and --help give it (USG, Reinke, …). */
const methodName = (id: string) => METHODS.find((m) => m.id === id)?.nama ?? id;

const monthTitle = (month: string) => (getLang() === "id" ? monthName(month) : month);

export function slideTitle(view: MeetingView, slide: Slide): string {
  switch (slide.kind) {
    case "judul":
      return `${t(R.lokmin)} ${monthTitle(view.month)}`;
    case "program":
      return slide.nama;
    case "masalah":
      return t(R.problems, { method: methodName(slide.ranking.method) });
    case "analisis":
      return slide.problem.judul;
    case "rtl":
      return t(R.rtl);
    case "kesepakatan":
      return t(R.kesepakatan);
    case "evaluasi":
      return t(R.evaluasi);
  }
}

export function MeetingPage(props: MeetingPageProps) {
  const { view, index } = props;
  const slide = view.slides[index - 1]!;
  const base = `/bulan/${view.month}/rapat`;
  const total = view.slides.length;
  const title = slideTitle(view, slide);
  return (
    <>
      {raw("<!doctype html>")}
      <html lang={getLang()}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} — ${t(R.title)} ${monthTitle(view.month)} — lokmin`}</title>
          <link rel="icon" href="/aset/ikon.svg" type="image/svg+xml" />
          {index > 1 ? <link rel="prev" href={`${base}/${index - 1}`} /> : null}
          {index < total ? <link rel="next" href={`${base}/${index + 1}`} /> : null}
          <link rel="stylesheet" href="/aset/rapat.css" />
          <meta name="htmx-config" content={HTMX_CONFIG} />
          <script src="/aset/htmx.min.js" defer></script>
          <script src="/aset/rapat.js" defer></script>
        </head>
        <body
          class="rapat"
          data-keluar={`/bulan/${view.month}`}
          data-awal={`${base}/1`}
          data-akhir={`${base}/${total}`}
          hx-headers={JSON.stringify({ [TOKEN_HEADER]: props.token })}
          data-versi-url={`${base}/versi`}
          data-versi={props.version}
          data-pesan-simpan={t(L.saving)}
          data-pesan-tersimpan={t(L.saved)}
          data-pesan-putus={t(L.offline)}
          data-pesan-hapus={t(L.confirmRemove)}
        >
          <header class="bar">
            <span class="where">
              {props.puskesmas} · {monthTitle(view.month)}
            </span>
            <span class="count" data-layar={index}>
              {t(R.of, { n: index, total })}
            </span>
          </header>
          <main id="isi" class={`slide ${slide.kind}`}>
            <h1>{title}</h1>
            <SlideBody
              view={view}
              slide={slide}
              puskesmas={props.puskesmas}
              form={
                props.live || props.followUp ? (
                  <>
                    {props.followUp}
                    {props.live ? <LiveFormView {...props.live} slide={slide} /> : null}
                  </>
                ) : undefined
              }
            />
          </main>
          <nav class="steps" aria-label={t(R.title)}>
            {index > 1 ? (
              <a rel="prev" href={`${base}/${index - 1}`}>
                ← {t(R.prev)}
              </a>
            ) : (
              <span />
            )}
            <a href={`/bulan/${view.month}`}>{t(R.leave)}</a>
            {index < total ? (
              <a rel="next" href={`${base}/${index + 1}`}>
                {t(R.next)} →
              </a>
            ) : (
              <span />
            )}
          </nav>
          <p class="keys">{t(R.keys)}</p>
        </body>
      </html>
    </>
  );
}

function SlideBody(props: { view: MeetingView; slide: Slide; puskesmas: string; form?: Child }) {
  const { view, slide, form } = props;
  switch (slide.kind) {
    case "judul":
      return <Cover view={view} puskesmas={props.puskesmas} />;
    case "program":
      return <ProgramFigures slide={slide} />;
    case "masalah": {
      // Scores per rater (MCUA) take a block each: the ranking first, the blocks to type into below it.
      const perRater = view.meeting.masalah.some((p) => p.skor_penilai?.length);
      const matrix = <Matrix view={view} slide={slide} raters={!form} />;
      return perRater ? (
        <>
          {matrix}
          {form}
        </>
      ) : (
        <>
          {form}
          {matrix}
        </>
      );
    }
    case "analisis":
      return (
        <>
          <Analysis view={view} slide={slide} />
          {form}
        </>
      );
    case "rtl":
      return (
        <>
          <Rtl view={view} />
          {form}
        </>
      );
    case "kesepakatan":
      return (
        <>
          <Kesepakatan view={view} />
          {form}
        </>
      );
    case "evaluasi":
      return form ?? null;
  }
}

function Cover(props: { view: MeetingView; puskesmas: string }) {
  const { meeting } = props.view;
  return (
    <dl class="cover">
      <dt>Puskesmas</dt>
      <dd>{props.puskesmas}</dd>
      {meeting.tanggal ? (
        <>
          <dt>{t(R.date)}</dt>
          <dd>{longDate(meeting.tanggal)}</dd>
        </>
      ) : null}
      {meeting.tempat ? (
        <>
          <dt>{t(R.place)}</dt>
          <dd>{meeting.tempat}</dd>
        </>
      ) : null}
      {meeting.pimpinan ? (
        <>
          <dt>{t(R.chair)}</dt>
          <dd>{props.view.person(meeting.pimpinan)}</dd>
        </>
      ) : null}
    </dl>
  );
}

function ProgramFigures(props: { slide: ProgramSlide }) {
  return (
    <>
      <table class="figures">
        <thead>
          <tr>
            <th scope="col">{t(R.indicator)}</th>
            <th scope="col" class="num">
              {t(R.capaian)}
            </th>
            <th scope="col" class="num">
              {t(R.target)}
            </th>
            <th scope="col">{t(R.state)}</th>
          </tr>
        </thead>
        <tbody>
          {props.slide.indicators.map(({ trend, villagesBehind }) => {
            const last = trend.points.at(-1)!;
            return (
              <tr
                data-indikator={`${trend.program}/${trend.indikator}`}
                data-bulan={last.month}
                data-capaian={last.capaian === null ? "" : round(last.capaian, 2)}
                data-target={round(last.target, 2)}
                data-tertinggal={String(last.behind)}
              >
                <th scope="row">
                  {trend.nama}
                  {villagesBehind.length ? (
                    <small class="villages">
                      {t(R.villagesBehind)}: {villagesBehind.map((v) => v.village).join(", ")}
                    </small>
                  ) : null}
                </th>
                <td class="num">{percent(last.capaian)}</td>
                <td class="num">{percent(last.target)}</td>
                <td>
                  <StateMark behind={last.capaian === null ? null : last.behind} capaian={last.capaian} />
                  {trend.behindStreak >= 2 ? (
                    <span class="streak">{t(C.behindFor, { n: trend.behindStreak })}</span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div class="trends">
        {props.slide.indicators.map(({ panel }) => (
          <figure class="trend">
            {raw(
              trendPanelSvg(panel, {
                id: `rapat-${panel.program}-${panel.indikator}`,
                width: 440,
                height: 230,
                font: 15,
                description: t(C.describe),
              }),
            )}
            <figcaption>{panel.title}</figcaption>
          </figure>
        ))}
      </div>
    </>
  );
}

const score = (v: number | Record<string, number> | undefined) =>
  v === undefined
    ? "–"
    : typeof v === "number"
      ? String(Math.round(v * 100) / 100).replace(".", ",")
      : Object.values(v)
          .map((x) => String(Math.round(x * 100) / 100).replace(".", ","))
          .join(" · ");

function Matrix(props: { view: MeetingView; slide: { ranking: RankResult }; raters: boolean }) {
  const ranking = props.slide.ranking;
  const criteria = [...new Set(ranking.items.flatMap((i) => Object.keys(i.scores)))];
  const raters = [...new Set(props.view.meeting.masalah.flatMap((p) => (p.skor_penilai ?? []).map((r) => r.penilai)))];
  return (
    <>
      <p class="formula">{t(R.formula, { formula: ranking.formula })}</p>
      <table class="matrix" id="matriks">
        <thead>
          <tr>
            <th scope="col">{t(R.problem)}</th>
            {criteria.map((c) => (
              <th scope="col" class="num">
                {c.toUpperCase()}
              </th>
            ))}
            <th scope="col" class="num">
              {t(R.total)}
            </th>
            <th scope="col" class="num">
              {t(R.rank)}
            </th>
          </tr>
        </thead>
        <tbody>
          {[...ranking.items]
            .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
            .map((item) => (
              <tr data-masalah={item.id} data-total={item.total ?? ""} data-peringkat={item.rank ?? ""}>
                <th scope="row">
                  {item.title}
                  {item.raters > 1 ? (
                    <small>
                      {" "}
                      ({t(R.raters)}: {item.raters})
                    </small>
                  ) : null}
                </th>
                {criteria.map((c) => (
                  <td class="num">{score(item.scores[c])}</td>
                ))}
                <td class="num strong">{item.total === null ? "–" : score(item.total)}</td>
                <td class="num strong">{item.rank ?? "–"}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <p class="tie">{ranking.tie_note}</p>
      {(props.raters ? raters : []).map((rater) => (
        <section class="rater" data-penilai={rater}>
          <h2>{t(R.raterBlock, { rater: props.view.person(rater) })}</h2>
          <table class="matrix">
            <thead>
              <tr>
                <th scope="col">{t(R.problem)}</th>
                {criteria.map((c) => (
                  <th scope="col" class="num">
                    {c.toUpperCase()}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.view.meeting.masalah.map((p) => {
                const mine = p.skor_penilai?.find((r) => r.penilai === rater);
                return (
                  <tr>
                    <th scope="row">{p.judul}</th>
                    {criteria.map((c) => (
                      <td class="num">{score(mine?.skor[c] as number | Record<string, number> | undefined)}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

function Analysis(props: { view: MeetingView; slide: ProblemSlide }) {
  const { slide } = props;
  const swot = slide.problem.swot;
  const quadrants: Array<[string, string[] | undefined]> = swot
    ? [
        [t(R.strengths), swot.kekuatan],
        [t(R.weaknesses), swot.kelemahan],
        [t(R.opportunities), swot.peluang],
        [t(R.threats), swot.ancaman],
      ]
    : [];
  return (
    <>
      <p class="priority">{slide.rank === null ? t(R.unranked) : t(R.priority, { n: slide.rank })}</p>
      <section aria-label={t(R.causes)}>
        <h2>{t(R.causes)}</h2>
        {slide.fishbone ? (
          <div class="fishbone">
            {raw(
              fishboneSvg(slide.fishbone, {
                id: `tulang-${slide.problem.id}`,
                description: t(R.fishboneDescribe),
                width: 940,
                font: 16,
              }),
            )}
          </div>
        ) : (
          <p>{t(R.noCauses)}</p>
        )}
        {slide.fishbone ? (
          <ul class="sr">
            {slide.fishbone.bones.map((b) => (
              <li>
                {b.kategori}: {b.sebab.join("; ")}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {quadrants.some(([, items]) => items?.length) ? (
        <section class="swot" aria-label={t(R.swot)}>
          <h2>{t(R.swot)}</h2>
          <div class="quadrants">
            {quadrants.map(([name, items]) => (
              <div>
                <h3>{name}</h3>
                <ul>
                  {(items ?? []).map((i) => (
                    <li>{i}</li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </section>
      ) : null}
      {slide.solutions ? (
        <section aria-label={t(R.solutions, { method: methodName(slide.solutions.method) })}>
          <h2>{t(R.solutions, { method: methodName(slide.solutions.method) })}</h2>
          <table class="matrix solutions">
            <thead>
              <tr>
                <th scope="col">{t(R.solution)}</th>
                <th scope="col" class="num">
                  {t(R.total)}
                </th>
                <th scope="col" class="num">
                  {t(R.rank)}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...slide.solutions.items]
                .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
                .map((item) => {
                  const chosen = slide.problem.solusi.find((s) => s.id === item.id)?.dipilih;
                  return (
                    <tr data-solusi={item.id} data-peringkat={item.rank ?? ""} class={chosen ? "chosen" : undefined}>
                      <th scope="row">
                        {item.title}
                        {chosen ? <span class="badge"> ✓ {t(R.chosen)}</span> : null}
                      </th>
                      <td class="num">{item.total === null ? "–" : score(item.total)}</td>
                      <td class="num strong">{item.rank ?? "–"}</td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
          <p class="tie">{slide.solutions.tie_note}</p>
        </section>
      ) : null}
    </>
  );
}

function Rtl(props: { view: MeetingView }) {
  if (!props.view.meeting.rtl.length) return null;
  return (
    <table class="matrix" id="rtl">
      <thead>
        <tr>
          <th scope="col">{t(R.activity)}</th>
          <th scope="col">{t(R.when)}</th>
          <th scope="col">{t(R.pj)}</th>
          <th scope="col">{t(R.success)}</th>
        </tr>
      </thead>
      <tbody>
        {props.view.meeting.rtl.map((r) => (
          <tr data-rtl={r.id}>
            <th scope="row">{r.kegiatan}</th>
            <td>{r.waktu ?? "–"}</td>
            <td>{props.view.person(r.penanggung_jawab)}</td>
            <td>{r.indikator_keberhasilan ?? "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Kesepakatan(props: { view: MeetingView }) {
  const list = props.view.meeting.kesepakatan;
  if (!list.length) return <p>{t(R.noKesepakatan)}</p>;
  return (
    <ol class="kesepakatan" id="kesepakatan">
      {list.map((k) => (
        <li data-kesepakatan={k.id}>
          <p class="what">{k.uraian}</p>
          <p class="who">
            {props.view.person(k.penanggung_jawab)} · {t(R.deadline)} {plainDate(k.tenggat)}
          </p>
          <p class="measure">
            {t(R.measure)}: {k.target}
          </p>
        </li>
      ))}
    </ol>
  );
}

export function MeetingProblems(props: { problems: Array<{ file: string; line?: number; message: string }> }) {
  return (
    <ul>
      {props.problems.map((p) => (
        <li>
          <code>
            {p.file}
            {p.line ? `:${p.line}` : ""}
          </code>{" "}
          {p.message}
        </li>
      ))}
    </ul>
  );
}
