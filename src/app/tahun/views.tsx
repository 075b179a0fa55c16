// The year at a glance: programs × months (each cell the capaian against its target, in a word and
// a mark as well as a colour), the indicators behind two months or more first, a trend per
// indicator with its target line, villages × indicators, the open kesepakatan by person, the
// meetings held and the PKP so far. Every number is the domain's (src/domain/year-glance.ts); each
// cell also carries, as data attributes, the very figure `report --json`, `pkp --json` and
// `commitments --json` print, so a test can hold the page to them.
import type { Child } from "hono/jsx";
import type { Diagnostic } from "../../domain/findings.js";
import { number, percent } from "../../domain/format-id.js";
import { monthName, plainDate, shortMonthName } from "../../domain/format-date.js";
import { capaianRounded, pkpJson, roundOnce, skorRounded } from "../../domain/pkp.js";
import { trendPanel } from "../../domain/chart-series.js";
import { round } from "../../domain/targets.js";
import type { TrendPoint } from "../../domain/trends.js";
import type { GlanceRow, YearGlance } from "../../domain/year-glance.js";
import { getLang, msg, t } from "../../i18n/index.js";
import { C, TrendFigure } from "../components/chart.js";
import { type Frame, Layout } from "../components/layout.js";

const Y = {
  title: msg("Tahun {year} sekilas", "The year {year} at a glance"),
  asOf: msg("Data sampai {month}.", "Figures up to {month}."),
  noMonths: msg(
    "Belum ada bulan pada tahun ini. Buat bulan pertama dari halaman Bulan.",
    "No month of this year yet. Create the first month from the Months page.",
  ),
  years: msg("Tahun lain", "Other years"),
  problems: msg(
    "Berkas berikut tidak dapat dibaca, jadi angkanya belum ikut ditampilkan. Perbaiki di baris yang disebut, lalu " +
      "muat ulang halaman ini:",
    "These files cannot be read, so their figures are not shown yet. Fix them at the line named, then reload this " +
      "page:",
  ),
  noConfig: msg("lokmin.yaml tidak dapat dibaca.", "lokmin.yaml cannot be read."),
  flaggedTitle: msg("Perlu perhatian: tertinggal dua bulan atau lebih", "Needs attention: behind two months or more"),
  flaggedNone: msg(
    "Tidak ada indikator yang tertinggal dua bulan berturut-turut.",
    "No indicator has been behind two months in a row.",
  ),
  matrixTitle: msg("Capaian per program dan bulan", "Coverage by program and month"),
  matrixIntro: msg(
    "Setiap sel: capaian kumulatif, lalu targetnya. ▼ tertinggal dari target, ✓ sesuai target, – belum diisi.",
    "Each cell: cumulative coverage, then its target. ▼ behind target, ✓ on target, – not filled in.",
  ),
  indicator: msg("Indikator", "Indicator"),
  streak: msg("Tertinggal", "Behind"),
  months: msg("{n} bln", "{n} mo"),
  trendsTitle: msg("Tren per indikator", "Trend per indicator"),
  trendsIntro: msg(
    "Capaian kumulatif setiap bulan terhadap target kumulatif indikator itu sendiri; angkanya di tabel di sebelah grafik.",
    "Cumulative coverage each month against the indicator's own cumulative target; the numbers are in the table " +
      "beside each chart.",
  ),
  villagesTitle: msg("Capaian per desa", "Coverage by village"),
  villagesNone: msg(
    "Belum ada indikator yang dilaporkan per desa tahun ini.",
    "No indicator is reported per village this year yet.",
  ),
  village: msg("Desa", "Village"),
  commitmentsTitle: msg("Kesepakatan terbuka menurut penanggung jawab", "Open commitments by person responsible"),
  commitmentsNone: msg("Tidak ada kesepakatan terbuka per {month}.", "No open commitments as of {month}."),
  commitmentsCount: msg("{open} terbuka, {overdue} lewat tenggat", "{open} open, {overdue} overdue"),
  commitment: msg("Kesepakatan", "Commitment"),
  deadline: msg("Tenggat", "Deadline"),
  status: msg("Status", "Status"),
  age: msg("Umur", "Age"),
  overdue: msg("lewat tenggat", "overdue"),
  notEvaluated: msg("belum dievaluasi", "not yet evaluated"),
  quarterlyMark: msg("tribulanan", "quarterly"),
  meetingsTitle: msg("Rapat yang dilaksanakan", "Meetings held"),
  monthly: msg("Lokmin bulanan", "Monthly Lokmin"),
  quarterly: msg("Lokmin tribulanan", "Quarterly Lokmin"),
  pralokmin: msg("Pralokmin", "Pralokmin"),
  held: msg("dilaksanakan", "held"),
  notHeld: msg("belum", "not yet"),
  pkpTitle: msg("PKP sampai bulan ini", "PKP so far"),
  pkpIntro: msg(
    "Sama dengan lokmin pkp: capaian dan skor setiap indikator dari bulan terakhir yang melaporkannya; skor program = " +
      "rata-rata skor indikatornya.",
    "The same as lokmin pkp: each indicator's coverage and score from the latest month reporting it; a program's " +
      "score = the average of its indicators' scores.",
  ),
  score: msg("Skor", "Score"),
  average: msg("rata-rata skor {score}", "average score {score}"),
  management: msg("Manajemen", "Management"),
  count: msg("Jumlah", "Count"),
  file: msg("Berkas", "File"),
};

/** A JSON figure as a data attribute: the number `--json` prints, or empty for null. */
const attr = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));

function Cell(props: { point: TrendPoint | null; indicator: string }) {
  const p = props.point;
  if (!p)
    return (
      <td class="cap none">
        <span aria-hidden="true">–</span>
        <span class="sr">{t(C.noData)}</span>
      </td>
    );
  const state = p.capaian === null ? "none" : p.behind ? "behind" : "ok";
  return (
    <td
      class={`cap ${state}`}
      data-indikator={props.indicator}
      data-bulan={p.month}
      data-capaian={attr(p.capaian === null ? null : round(p.capaian, 2))}
      data-target={attr(round(p.target, 2))}
      data-tertinggal={String(p.behind)}
    >
      <span class="v">{percent(p.capaian)}</span>
      <span class="m" aria-hidden="true">
        {state === "behind" ? "▼" : state === "ok" ? "✓" : "–"}
      </span>
      <span class="sr">{state === "behind" ? t(C.behind) : state === "ok" ? t(C.onTarget) : t(C.noData)}</span>
      <small class="t">/ {percent(p.target)}</small>
    </td>
  );
}

function MatrixRows(props: { rows: GlanceRow[]; showProgram?: boolean }) {
  return (
    <>
      {props.rows.map((row) => {
        const key = `${row.trend.program}/${row.trend.indikator}`;
        return (
          <tr data-baris={key} class={row.trend.flagged ? "flagged" : undefined}>
            <th scope="row" class="ind">
              {row.trend.nama}
              {props.showProgram ? <small>{row.trend.programName}</small> : null}
            </th>
            <td class="streak">
              {row.trend.behindStreak > 0 ? (
                <span class={row.trend.flagged ? "flag" : undefined}>{t(Y.months, { n: row.trend.behindStreak })}</span>
              ) : (
                ""
              )}
            </td>
            {row.cells.map((point) => (
              <Cell point={point} indicator={key} />
            ))}
          </tr>
        );
      })}
    </>
  );
}

function MonthHeads(props: { months: string[] }) {
  return (
    <>
      {props.months.map((m) => (
        <th scope="col" class="mon" title={monthName(m)} data-kolom={m}>
          {shortMonthName(m)}
        </th>
      ))}
    </>
  );
}

function Problems(props: { problems: Diagnostic[] }) {
  if (!props.problems.length) return null;
  return (
    <div class="flash error" role="alert">
      <p>{t(Y.problems)}</p>
      <ul>
        {props.problems.slice(0, 20).map((p) => (
          <li>
            <code>
              {p.file}:{p.line}
            </code>{" "}
            {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface YearView {
  frame: Frame;
  year: number;
  years: number[];
  glance?: YearGlance;
  problems: Diagnostic[];
}

export function YearPage(props: YearView) {
  const g = props.glance;
  const id = getLang() === "id";
  const monthLabel = (m: string) => (id ? monthName(m) : m);
  const others = props.years.filter((y) => y !== props.year);
  const head = (
    <>
      <h1>{t(Y.title, { year: props.year })}</h1>
      {others.length ? (
        <p class="crumb">
          {t(Y.years)}:{" "}
          {others.map((y, i) => (
            <>
              {i ? ", " : ""}
              <a href={`/tahun/${y}`}>{y}</a>
            </>
          ))}
        </p>
      ) : null}
      <Problems problems={props.problems} />
    </>
  );
  if (!g || !g.sampai)
    return (
      <Layout {...props.frame}>
        {head}
        <p>{g ? t(Y.noMonths) : t(Y.noConfig)}</p>
      </Layout>
    );
  const pkp = pkpJson(g.pkp);
  const pkpOf = new Map(pkp.indikator.map((i) => [`${i.program}/${i.indikator}`, i]));
  const panels = new Map(g.series.panels.map((p) => [`${p.program}/${p.indikator}`, p]));
  const ordered = [...g.flagged, ...g.programs.flatMap((p) => p.rows.filter((r) => !r.trend.flagged))];
  const villageNames = [...new Set(g.villages.flatMap((v) => v.rows.map((r) => r.village as string)))];
  const kinds = ["bulanan", "tribulanan", "pralokmin"] as const;
  return (
    <Layout {...props.frame}>
      {head}
      <p class="lead">{t(Y.asOf, { month: monthLabel(g.sampai) })}</p>
      <nav class="toc" aria-label={t(Y.title, { year: props.year })}>
        <a href="#tertinggal">{t(Y.flaggedTitle)}</a>
        <a href="#capaian">{t(Y.matrixTitle)}</a>
        <a href="#tren">{t(Y.trendsTitle)}</a>
        <a href="#desa">{t(Y.villagesTitle)}</a>
        <a href="#kesepakatan">{t(Y.commitmentsTitle)}</a>
        <a href="#rapat">{t(Y.meetingsTitle)}</a>
        <a href="#pkp">{t(Y.pkpTitle)}</a>
      </nav>

      <section id="tertinggal" aria-labelledby="h-tertinggal" class="card">
        <h2 id="h-tertinggal">{t(Y.flaggedTitle)}</h2>
        {g.flagged.length ? (
          <div class="table-wrap">
            <table class="matrix" id="tabel-tertinggal">
              <thead>
                <tr>
                  <th scope="col">{t(Y.indicator)}</th>
                  <th scope="col">{t(Y.streak)}</th>
                  <MonthHeads months={g.periods} />
                </tr>
              </thead>
              <tbody>
                <MatrixRows rows={g.flagged} showProgram />
              </tbody>
            </table>
          </div>
        ) : (
          <p class="muted">{t(Y.flaggedNone)}</p>
        )}
      </section>

      <section id="capaian" aria-labelledby="h-capaian" class="card">
        <h2 id="h-capaian">{t(Y.matrixTitle)}</h2>
        <p class="muted">{t(Y.matrixIntro)}</p>
        <div class="table-wrap">
          <table class="matrix" id="tabel-capaian">
            <thead>
              <tr>
                <th scope="col">{t(Y.indicator)}</th>
                <th scope="col">{t(Y.streak)}</th>
                <MonthHeads months={g.periods} />
              </tr>
            </thead>
            {g.programs.map((p) => (
              <tbody>
                <tr class="group">
                  <th scope="rowgroup" colspan={g.periods.length + 2}>
                    {p.nama}
                  </th>
                </tr>
                <MatrixRows rows={p.rows} />
              </tbody>
            ))}
          </table>
        </div>
      </section>

      <section id="tren" aria-labelledby="h-tren">
        <h2 id="h-tren">{t(Y.trendsTitle)}</h2>
        <p class="muted">{t(Y.trendsIntro)}</p>
        <div class="trends">
          {ordered.map((row) => {
            const key = `${row.trend.program}/${row.trend.indikator}`;
            const panel = panels.get(key) ?? trendPanel(row.trend, g.series.months);
            return <TrendFigure panel={panel} id={`tren-${key}`} />;
          })}
        </div>
      </section>

      <section id="desa" aria-labelledby="h-desa" class="card">
        <h2 id="h-desa">{t(Y.villagesTitle)}</h2>
        {g.villages.length ? (
          <div class="table-wrap">
            <table class="matrix villages" id="tabel-desa">
              <thead>
                <tr>
                  <th scope="col">{t(Y.village)}</th>
                  {g.villages.map((v) => (
                    <th scope="col">
                      {v.nama}
                      <small>
                        {v.programName}, {id ? monthName(v.month) : v.month}
                      </small>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {villageNames.map((name) => (
                  <tr>
                    <th scope="row">{name}</th>
                    {g.villages.map((v) => {
                      const r = v.rows.find((x) => x.village === name);
                      if (!r)
                        return (
                          <td class="cap none">
                            <span aria-hidden="true">–</span>
                          </td>
                        );
                      const state = r.behind === null ? "none" : r.behind ? "behind" : "ok";
                      return (
                        <td
                          class={`cap ${state}`}
                          data-indikator={`${v.program}/${v.indikator}`}
                          data-desa={name}
                          data-bulan={v.month}
                          data-capaian={attr(r.capaian_persen)}
                          data-tertinggal={r.behind === null ? "" : String(r.behind)}
                        >
                          <span class="v">{percent(r.shown)}</span>
                          <span class="m" aria-hidden="true">
                            {state === "behind" ? "▼" : state === "ok" ? "✓" : "–"}
                          </span>
                          <span class="sr">
                            {state === "behind" ? t(C.behind) : state === "ok" ? t(C.onTarget) : t(C.noData)}
                          </span>
                          <small class="t">
                            {number(r.kumulatif, 0)}/{number(r.sasaran, 0)}
                          </small>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p class="muted">{t(Y.villagesNone)}</p>
        )}
      </section>

      <section id="kesepakatan" aria-labelledby="h-kesepakatan" class="card">
        <h2 id="h-kesepakatan">{t(Y.commitmentsTitle)}</h2>
        {g.commitments.people.length === 0 ? (
          <p class="muted">{t(Y.commitmentsNone, { month: monthLabel(g.sampai) })}</p>
        ) : (
          g.commitments.people.map((person) => (
            <div class="person" data-pj={person.id}>
              <h3>
                {person.nama}{" "}
                <small>
                  {t(Y.commitmentsCount, { open: person.rows.filter((r) => r.open).length, overdue: person.overdue })}
                </small>
              </h3>
              <table class="rows commitments">
                <thead>
                  <tr>
                    <th scope="col">{t(Y.commitment)}</th>
                    <th scope="col">{t(Y.deadline)}</th>
                    <th scope="col">{t(Y.status)}</th>
                    <th scope="col">{t(Y.age)}</th>
                  </tr>
                </thead>
                <tbody>
                  {person.rows.map((r) => (
                    <tr
                      data-kesepakatan={r.id}
                      data-terlambat={String(r.overdue)}
                      class={r.overdue ? "overdue" : undefined}
                    >
                      <td>
                        {r.uraian}
                        <small>
                          {r.id}
                          {r.rapat === "tribulanan" ? ` · ${t(Y.quarterlyMark)}` : ""}
                        </small>
                      </td>
                      <td class="date">
                        {id ? plainDate(r.tenggat) : r.tenggat}
                        {r.overdue ? (
                          <span class="mark behind">
                            <span aria-hidden="true"> ⚠</span> {t(Y.overdue)}
                          </span>
                        ) : null}
                      </td>
                      <td>{r.status ?? t(Y.notEvaluated)}</td>
                      <td class="num">{t(Y.months, { n: r.age_months })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))
        )}
      </section>

      <section id="rapat" aria-labelledby="h-rapat" class="card">
        <h2 id="h-rapat">{t(Y.meetingsTitle)}</h2>
        <table class="rows meetings" id="tabel-rapat">
          <thead>
            <tr>
              <th scope="col">{t(C.month)}</th>
              <th scope="col">{t(Y.monthly)}</th>
              <th scope="col">{t(Y.quarterly)}</th>
              <th scope="col">{t(Y.pralokmin)}</th>
            </tr>
          </thead>
          <tbody>
            {g.months.map((m) => (
              <tr>
                <th scope="row">{monthLabel(m)}</th>
                {kinds.map((kind) => {
                  const list = g.meetings.filter((x) => x.month === m && x.kind === kind);
                  if (!list.length) return <td class="muted">–</td>;
                  return (
                    <td>
                      {list.map((x) => (
                        <span
                          class={`mark ${x.held ? "ok" : "behind"}`}
                          data-rapat={kind}
                          data-dilaksanakan={String(x.held)}
                        >
                          <span aria-hidden="true">{x.held ? "✓" : "✗"}</span> {x.klaster ? `${x.klaster}: ` : ""}
                          {x.held ? t(Y.held) : t(Y.notHeld)}
                        </span>
                      ))}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section id="pkp" aria-labelledby="h-pkp" class="card">
        <h2 id="h-pkp">{t(Y.pkpTitle)}</h2>
        <p class="muted">{t(Y.pkpIntro)}</p>
        <table class="rows pkp" id="tabel-pkp">
          <thead>
            <tr>
              <th scope="col">{t(Y.indicator)}</th>
              <th scope="col">{t(C.capaian)}</th>
              <th scope="col">{t(Y.score)}</th>
            </tr>
          </thead>
          {g.pkp.program.map((program) => (
            <tbody>
              <tr class="group">
                <th scope="rowgroup" colspan={3}>
                  {program.nama} <small>{t(Y.average, { score: number(roundOnce(program.skor, 1), 1, 1) })}</small>
                </th>
              </tr>
              {g.pkp.indikator
                .filter((i) => i.program === program.program)
                .map((i) => {
                  const json = pkpOf.get(`${i.program}/${i.indikator}`);
                  return (
                    <tr
                      data-pkp={`${i.program}/${i.indikator}`}
                      data-capaian={attr(json?.capaian)}
                      data-skor={attr(json?.skor)}
                    >
                      <th scope="row">{i.indikator_nama}</th>
                      <td class="num">{percent(capaianRounded(i, 1))}</td>
                      <td class="num">{number(skorRounded(i, 1), 1, 1)}</td>
                    </tr>
                  );
                })}
            </tbody>
          ))}
        </table>
        <h3>{t(Y.management)}</h3>
        <table class="rows auto">
          <thead>
            <tr>
              <th scope="col">{t(Y.meetingsTitle)}</th>
              <th scope="col">{t(Y.count)}</th>
              <th scope="col">{t(Y.score)}</th>
            </tr>
          </thead>
          <tbody>
            {(
              [
                ["lokmin_bulanan", Y.monthly],
                ["lokmin_tribulanan", Y.quarterly],
              ] as const
            ).map(([key, label]) => (
              <tr
                data-manajemen={key}
                data-jumlah={String(pkp.manajemen[key].jumlah)}
                data-skor={String(pkp.manajemen[key].skor)}
              >
                <th scope="row">{t(label)}</th>
                <td>{pkp.manajemen[key].jumlah}</td>
                <td>{pkp.manajemen[key].skor}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Layout>
  );
}

export const yearTitle = (year: number): Child => t(Y.title, { year });
