// The Dinas mode's pages: every Puskesmas × month with the summary's own facts (Daftar Tilik,
// archive, errors, overdue kesepakatan, indicators behind — and which, by name), and one
// Puskesmas' month: its check result, its documents, its notulen, and the feedback letter prepared
// from what the supervisor ticks. Each cell carries, as data attributes, the figure `summary --json`
// prints, so a test can hold the page to it.
import { raw } from "hono/html";
import type { BehindIndicator, DinasOverview, PuskesmasOverview } from "../../domain/dinas-overview.js";
import { number, percent } from "../../domain/format-id.js";
import { monthName, plainDate, shortMonthName } from "../../domain/format-date.js";
import type { MonthSummary, OverdueCommitment } from "../../domain/summary.js";
import { getLang, msg, t } from "../../i18n/index.js";
import { type Frame, Layout } from "../components/layout.js";
import { TOKEN_FIELD } from "../security.js";
import type { CheckView, MonthDocument } from "./data.js";

export const D = {
  title: msg("Semua Puskesmas", "All Puskesmas"),
  intro: msg(
    "{n} Puskesmas dari {folder}: paket yang dikirim dan folder data Puskesmas. Setiap sel satu bulan; klik untuk hasil " +
      "pemeriksaan, dokumen, notulen dan surat umpan balik bulan itu.",
    "{n} Puskesmas from {folder}: the packages sent and Puskesmas data folders. Each cell is a month; click it for that month's " +
      "check result, documents, notulen and feedback letter.",
  ),
  read: msg("Dibaca dalam {s} detik.", "Read in {s} seconds."),
  unverified: msg(
    "Checksum {n} paket masih diperiksa; angka di bawah diambil dari manifest-nya. Muat ulang halaman ini sebentar lagi: paket yang tidak lolos akan tercantum.",
    "The checksums of {n} packages are still being verified; the figures below are from their manifests. Reload this page in a moment: a package that fails will be listed.",
  ),
  reread: msg("Baca ulang folder", "Read the folder again"),
  search: msg("Cari Puskesmas atau kecamatan", "Find a Puskesmas or kecamatan"),
  find: msg("Cari", "Find"),
  all: msg("Tampilkan semua", "Show all"),
  page: msg("Halaman {n} dari {total}", "Page {n} of {total}"),
  next: msg("Berikutnya", "Next"),
  previous: msg("Sebelumnya", "Previous"),
  errors: msg("Tidak dapat dibaca (tidak ikut dihitung):", "Could not be read (not counted):"),
  puskesmas: msg("Puskesmas", "Puskesmas"),
  behindLatest: msg("Tertinggal bulan terakhir", "Behind in the latest month"),
  overdueLatest: msg("Kesepakatan lewat tenggat", "Overdue commitments"),
  legend: msg(
    "Tilik: skor Daftar Tilik · Arsip: dokumen ada/wajib · ⚠ galat pemeriksaan · ⚑ kesepakatan lewat tenggat · " +
      "▼ indikator tertinggal dari target · ✗ Lokmin tidak dilaksanakan",
    "Tilik: checklist score · Arsip: documents present/required · ⚠ check errors · ⚑ overdue commitments · " +
      "▼ indicators behind target · ✗ Lokmin not held",
  ),
  tilik: msg("Tilik {v}", "Check {v}"),
  arsip: msg("Arsip {v}", "Arch. {v}"),
  errorsN: msg("{n} galat", "{n} errors"),
  overdueN: msg("{n} lewat tenggat", "{n} overdue"),
  behindN: msg("{n} tertinggal", "{n} behind"),
  notHeld: msg("tidak dilaksanakan", "not held"),
  none: msg("tidak ada", "none"),
  notSent: msg("belum dikirim", "not sent"),
  monthsBehind: msg("{n} bln", "{n} mo"),
  // The month page.
  monthTitle: msg("{name} — {month}", "{name} — {month}"),
  back: msg("Kembali ke semua Puskesmas", "Back to all Puskesmas"),
  facts: msg("Ringkasan bulan ini", "This month at a glance"),
  held: msg("Lokmin dilaksanakan", "Lokmin held"),
  yes: msg("ya", "yes"),
  no: msg("tidak", "no"),
  tilikScore: msg("Skor Daftar Tilik", "Checklist score"),
  arsipScore: msg("Arsip", "Archive"),
  errorsWarnings: msg("Galat / peringatan", "Errors / warnings"),
  commitments: msg("Kesepakatan terbuka / lewat tenggat", "Commitments open / overdue"),
  indicators: msg("Indikator tertinggal / dinilai", "Indicators behind / assessed"),
  behindTitle: msg("Indikator tertinggal", "Indicators behind"),
  behindNone: msg("Tidak ada indikator yang tertinggal bulan ini.", "No indicator is behind this month."),
  program: msg("Program/klaster", "Program/cluster"),
  indicator: msg("Indikator", "Indicator"),
  capaian: msg("Capaian", "Coverage"),
  target: msg("Target kumulatif", "Cumulative target"),
  run: msg("Tertinggal berturut-turut", "Behind in a row"),
  overdueTitle: msg("Kesepakatan lewat tenggat", "Overdue commitments"),
  overdueNone: msg("Tidak ada kesepakatan yang lewat tenggat.", "No overdue commitments."),
  commitment: msg("Kesepakatan", "Commitment"),
  pj: msg("Penanggung jawab", "Responsible"),
  deadline: msg("Tenggat", "Deadline"),
  status: msg("Status", "Status"),
  notEvaluated: msg("belum dievaluasi", "not yet evaluated"),
  checkTitle: msg("Hasil pemeriksaan (lokmin check)", "Check result (lokmin check)"),
  checkNone: msg("Tidak ada galat atau peringatan.", "No errors or warnings."),
  checkFrom: msg(
    "Dari check.json di paket: hasil pemeriksaan Puskesmas sendiri saat paket dibuat.",
    "From the package's check.json: the Puskesmas' own check when it made the package.",
  ),
  error: msg("galat", "error"),
  warning: msg("peringatan", "warning"),
  tilikTitle: msg("Daftar Tilik", "Checklist"),
  arsipTitle: msg("Arsip (dokumen wajib)", "Archive (required documents)"),
  answerYes: msg("ya", "yes"),
  answerNo: msg("tidak", "no"),
  answerOpen: msg("belum dinilai", "not assessed"),
  present: msg("ada", "present"),
  missing: msg("tidak ada", "missing"),
  docsTitle: msg("Dokumen", "Documents"),
  docsNone: msg(
    "Paket ini tidak memuat dokumen (Puskesmas membuat paket sebelum mencetak dokumennya).",
    "This package holds no documents (the Puskesmas made it before rendering its documents).",
  ),
  download: msg("Unduh", "Download"),
  pdf: msg("PDF", "PDF"),
  noPdf: msg(
    "PDF memerlukan LibreOffice di komputer ini; dokumen Word tetap dapat diunduh.",
    "PDFs need LibreOffice on this computer; the Word documents can still be downloaded.",
  ),
  notulenTitle: msg("Notulen", "Minutes"),
  notulenNone: msg(
    "Paket ini tidak memuat notulen ({file}); minta Puskesmas mencetak dokumennya lalu mengirim paket lagi.",
    "This package holds no notulen ({file}); ask the Puskesmas to render its documents and send the package again.",
  ),
  notulenBroken: msg("{file} tidak dapat dibaca sebagai dokumen Word.", "{file} cannot be read as a Word document."),
  notulenFrom: msg(
    "Isi {file} seperti yang dikirim Puskesmas (hanya teks, tabel dan gambar; tata letak cetaknya ada di dokumen Word).",
    "The content of {file} as the Puskesmas sent it (text, tables and pictures only; the printed layout is in the " +
      "Word document).",
  ),
  letterTitle: msg("Surat umpan balik", "Feedback letter"),
  letterIntro: msg(
    "Pilih yang dimasukkan ke surat. Surat ditulis ke folder di bawah ini sebagai dokumen Word; paket Puskesmas " +
      "tidak diubah.",
    "Choose what goes into the letter. It is written into the folder below as a Word document; the Puskesmas' " +
      "package is not changed.",
  ),
  nomor: msg("Nomor surat", "Letter number"),
  tanggal: msg("Tanggal surat", "Letter date"),
  pembina: msg("Pembina (tim Dinas yang melakukan pembinaan)", "Supervisor (the Dinas team)"),
  rekomendasi: msg("Rekomendasi", "Recommendations"),
  rekomendasiLain: msg("Rekomendasi lain (satu per baris)", "Other recommendations (one per line)"),
  tertinggal: msg("Indikator tertinggal yang disebut dalam surat", "Indicators behind named in the letter"),
  folder: msg("Simpan di folder", "Save in the folder"),
  folderHint: msg(
    "jalur lengkap; dibuat bila belum ada. Bukan folder paket: paket tidak pernah diubah.",
    "full path; created if it does not exist. Not a package: packages are never changed.",
  ),
  replace: msg("Ganti surat yang ada", "Replace the existing letter"),
  make: msg("Buat surat umpan balik", "Make the feedback letter"),
  written: msg("Surat umpan balik ditulis: {file}", "Feedback letter written: {file}"),
  writtenDownload: msg("Unduh suratnya", "Download the letter"),
  notFound: msg("Puskesmas atau bulan ini tidak ada di folder.", "This Puskesmas or month is not in the folder."),
};

/** A summary figure as a data attribute: the number `summary --json` prints. */
const attr = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));

export const monthUrl = (p: Pick<PuskesmasOverview, "key">, month: string) => `/dinas/p/${p.key}/${month}`;

function Cell(props: { p: PuskesmasOverview; month: string }) {
  const m = props.p.byMonth.get(props.month);
  if (!m)
    return (
      <td class="cell none muted">
        <span aria-hidden="true">–</span>
        <span class="sr">{t(D.notSent)}</span>
      </td>
    );
  const bad = m.errors > 0 || m.overdue_commitments > 0 || !m.held;
  return (
    <td
      class={`cell${bad ? " bad" : ""}`}
      data-puskesmas={props.p.entry.name}
      data-bulan={m.month}
      data-dilaksanakan={String(m.held)}
      data-tilik-skor={attr(m.tilik_score)}
      data-tilik-total={attr(m.tilik_total)}
      data-arsip-ada={attr(m.arsip_present)}
      data-arsip-total={attr(m.arsip_total)}
      data-galat={attr(m.errors)}
      data-peringatan={attr(m.warnings)}
      data-terbuka={attr(m.open_commitments)}
      data-lewat={attr(m.overdue_commitments)}
      data-tertinggal={attr(m.indicators_behind)}
      data-indikator={attr(m.indicators)}
    >
      <a href={monthUrl(props.p, m.month)} aria-label={`${props.p.entry.name}, ${monthName(m.month)}`}>
        {m.held ? null : (
          <span class="fact mark behind">
            <span aria-hidden="true">✗</span> {t(D.notHeld)}
          </span>
        )}
        <span class="fact">{t(D.tilik, { v: m.tilik })}</span>
        <span class="fact">{t(D.arsip, { v: m.arsip })}</span>
        {m.errors ? (
          <span class="fact mark behind">
            <span aria-hidden="true">⚠</span> {t(D.errorsN, { n: m.errors })}
          </span>
        ) : null}
        {m.overdue_commitments ? (
          <span class="fact mark behind">
            <span aria-hidden="true">⚑</span> {t(D.overdueN, { n: m.overdue_commitments })}
          </span>
        ) : null}
        {m.indicators_behind ? (
          <span class="fact">
            <span aria-hidden="true">▼</span> {t(D.behindN, { n: m.indicators_behind })}
          </span>
        ) : null}
      </a>
    </td>
  );
}

function BehindNames(props: { list: BehindIndicator[] }) {
  if (!props.list.length) return <span class="muted">{t(D.none)}</span>;
  return (
    <span class="inline-list">
      {props.list.map((b) => (
        <span class="item" data-tertinggal-nama={`${b.program}/${b.indicator}`} data-bulan={b.month}>
          {b.indicator_nama}
          {b.months_behind >= 2 ? (
            <>
              {" "}
              <span class="flag">{t(D.monthsBehind, { n: b.months_behind })}</span>
            </>
          ) : null}
        </span>
      ))}
    </span>
  );
}

function OverdueNames(props: { list: OverdueCommitment[] }) {
  if (!props.list.length) return <span class="muted">{t(D.none)}</span>;
  return (
    <span class="inline-list">
      {props.list.map((c) => (
        <span class="item" data-lewat-tenggat={c.id}>
          {c.uraian} ({c.penanggung_jawab_nama})
        </span>
      ))}
    </span>
  );
}

export interface OverviewView {
  frame: Frame;
  folder: string;
  overview: DinasOverview;
  shown: PuskesmasOverview[];
  query: string;
  page: number;
  pages: number;
  seconds: number;
  /** Packages shown from their manifest while their checksums are being verified (src/app/dinas/data.ts). */
  unverified: number;
  token: string;
}

export function OverviewPage(props: OverviewView) {
  const { overview } = props;
  const id = getLang() === "id";
  const link = (page: number) =>
    `/dinas?${new URLSearchParams({ ...(props.query ? { cari: props.query } : {}), hal: String(page) })}`;
  return (
    <Layout {...props.frame}>
      <h1>{t(D.title)}</h1>
      <p class="lead">{t(D.intro, { n: overview.puskesmas.length, folder: props.folder })}</p>
      {props.unverified ? (
        <p class="flash" role="status" data-belum-diperiksa={String(props.unverified)}>
          {t(D.unverified, { n: props.unverified })}
        </p>
      ) : null}
      {overview.errors.length ? (
        <div class="flash error" role="alert">
          <p>{t(D.errors)}</p>
          <ul>
            {overview.errors.map((e) => (
              <li>
                <code>{e.dir}</code>: {e.error}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="get" action="/dinas" class="filter">
        <div class="field">
          <label for="cari">{t(D.search)}</label>
          <input type="search" id="cari" name="cari" value={props.query} />
        </div>
        <button type="submit">{t(D.find)}</button>
        {props.query ? (
          <a class="button" href="/dinas">
            {t(D.all)}
          </a>
        ) : null}
      </form>
      <p class="muted">{t(D.legend)}</p>
      <div class="table-wrap">
        <table class="matrix dinas" id="tabel-dinas">
          <thead>
            <tr>
              <th scope="col">{t(D.puskesmas)}</th>
              {overview.months.map((m) => (
                <th scope="col" class="mon" title={monthName(m)}>
                  {shortMonthName(m)} <small>{m.slice(0, 4)}</small>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.shown.map((p) => (
              <>
                <tr data-baris={p.entry.name}>
                  <th scope="row" class="ind" rowspan={2}>
                    {p.entry.name}
                    <small>{p.entry.kecamatan}</small>
                  </th>
                  {overview.months.map((m) => (
                    <Cell p={p} month={m} />
                  ))}
                </tr>
                <tr class="names-row">
                  <td colspan={overview.months.length}>
                    <p>
                      <strong>
                        {t(D.behindLatest)}
                        {p.latest ? ` (${id ? monthName(p.latest.month) : p.latest.month})` : ""}:
                      </strong>{" "}
                      <BehindNames list={p.behind} />
                    </p>
                    <p>
                      <strong>{t(D.overdueLatest)}:</strong> <OverdueNames list={p.overdue} />
                    </p>
                  </td>
                </tr>
              </>
            ))}
          </tbody>
        </table>
      </div>
      {props.pages > 1 ? (
        <nav class="pager" aria-label={t(D.page, { n: props.page, total: props.pages })}>
          {props.page > 1 ? <a href={link(props.page - 1)}>← {t(D.previous)}</a> : null}{" "}
          <span>{t(D.page, { n: props.page, total: props.pages })}</span>{" "}
          {props.page < props.pages ? <a href={link(props.page + 1)}>{t(D.next)} →</a> : null}
        </nav>
      ) : null}
      <form method="post" action="/dinas/baca-ulang" class="inline">
        <input type="hidden" name={TOKEN_FIELD} value={props.token} />
        <p class="muted">
          {t(D.read, { s: number(props.seconds, 1, 1) })} <button type="submit">{t(D.reread)}</button>
        </p>
      </form>
    </Layout>
  );
}

export interface LetterForm {
  nomor: string;
  tanggal: string;
  pembina: string;
  folder: string;
  suggestions: Array<{ text: string; checked: boolean }>;
  other: string;
  behind: Array<{ key: string; label: string; checked: boolean }>;
  replace: boolean;
}

export interface MonthView {
  frame: Frame;
  p: PuskesmasOverview;
  month: MonthSummary;
  behind: BehindIndicator[];
  check?: CheckView;
  checkError?: string;
  fromPackage: boolean;
  documents: MonthDocument[];
  pdf: boolean;
  notulen: { file: string; html?: string; missing?: boolean };
  letter: LetterForm;
  result?: { file?: string; download?: string; error?: string };
  token: string;
}

function Facts(props: { m: MonthSummary }) {
  const m = props.m;
  const rows: Array<[string, string]> = [
    [t(D.held), m.held ? t(D.yes) : t(D.no)],
    [t(D.tilikScore), m.tilik],
    [t(D.arsipScore), m.arsip],
    [t(D.errorsWarnings), `${m.errors} / ${m.warnings}`],
    [t(D.commitments), `${m.open_commitments} / ${m.overdue_commitments}`],
    [t(D.indicators), `${m.indicators_behind} / ${m.indicators}`],
  ];
  return (
    <table class="rows auto facts">
      <tbody>
        {rows.map(([k, v]) => (
          <tr>
            <th scope="row">{k}</th>
            <td class="num">{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MonthPage(props: MonthView) {
  const { p, month: m } = props;
  const base = monthUrl(p, m.month);
  const id = getLang() === "id";
  return (
    <Layout {...props.frame}>
      <p class="crumb">
        <a href="/dinas">← {t(D.back)}</a>
      </p>
      <h1>{t(D.monthTitle, { name: p.entry.name, month: id ? monthName(m.month) : m.month })}</h1>
      {props.result?.file ? (
        <div class="flash ok" role="status">
          {t(D.written, { file: props.result.file })}{" "}
          {props.result.download ? <a href={props.result.download}>{t(D.writtenDownload)}</a> : null}
        </div>
      ) : null}
      {props.result?.error ? (
        <div class="flash error" role="alert">
          {props.result.error}
        </div>
      ) : null}
      <nav class="toc">
        <a href="#ringkasan">{t(D.facts)}</a>
        <a href="#periksa">{t(D.checkTitle)}</a>
        <a href="#dokumen">{t(D.docsTitle)}</a>
        <a href="#notulen">{t(D.notulenTitle)}</a>
        <a href="#umpan-balik">{t(D.letterTitle)}</a>
      </nav>
      <div class="columns">
        <section id="ringkasan" class="card" aria-labelledby="h-ringkasan">
          <h2 id="h-ringkasan">{t(D.facts)}</h2>
          <Facts m={m} />
        </section>
        <section class="card" aria-labelledby="h-lewat">
          <h2 id="h-lewat">{t(D.overdueTitle)}</h2>
          {m.overdue.length ? (
            <table class="rows auto commitments">
              <thead>
                <tr>
                  <th scope="col">{t(D.commitment)}</th>
                  <th scope="col">{t(D.pj)}</th>
                  <th scope="col">{t(D.deadline)}</th>
                </tr>
              </thead>
              <tbody>
                {m.overdue.map((c) => (
                  <tr data-lewat-tenggat={c.id} class="overdue">
                    <td>
                      {c.uraian}
                      <small>
                        {c.id} · {c.status ?? t(D.notEvaluated)}
                      </small>
                    </td>
                    <td>{c.penanggung_jawab_nama}</td>
                    <td class="date">{id ? plainDate(c.tenggat) : c.tenggat}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="muted">{t(D.overdueNone)}</p>
          )}
        </section>
      </div>
      <section class="card" aria-labelledby="h-tertinggal">
        <h2 id="h-tertinggal">{t(D.behindTitle)}</h2>
        {props.behind.length ? (
          <table class="rows auto">
            <thead>
              <tr>
                <th scope="col">{t(D.indicator)}</th>
                <th scope="col">{t(D.program)}</th>
                <th scope="col" class="num">
                  {t(D.capaian)}
                </th>
                <th scope="col" class="num">
                  {t(D.target)}
                </th>
                <th scope="col" class="num">
                  {t(D.run)}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.behind.map((b) => (
                <tr
                  data-tertinggal-nama={`${b.program}/${b.indicator}`}
                  data-capaian={attr(b.capaian_persen)}
                  data-target={attr(b.target_kumulatif)}
                >
                  <td>{b.indicator_nama}</td>
                  <td>{b.program_nama}</td>
                  <td class="num">
                    {percent(b.capaian_persen)} <span aria-hidden="true">▼</span>
                  </td>
                  <td class="num">{percent(b.target_kumulatif)}</td>
                  <td class="num">{t(D.monthsBehind, { n: b.months_behind })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="muted">{t(D.behindNone)}</p>
        )}
      </section>
      <section id="periksa" class="card" aria-labelledby="h-periksa">
        <h2 id="h-periksa">{t(D.checkTitle)}</h2>
        {props.fromPackage ? <p class="muted">{t(D.checkFrom)}</p> : null}
        {props.checkError ? <p class="flash error">{props.checkError}</p> : null}
        {props.check ? <CheckResult check={props.check} /> : null}
      </section>
      <section id="dokumen" class="card" aria-labelledby="h-dokumen">
        <h2 id="h-dokumen">{t(D.docsTitle)}</h2>
        {props.documents.length ? (
          <ul class="docs">
            {props.documents.map((d) => (
              <li>
                <strong>{d.name}</strong> <small class="muted">({number(d.bytes / 1024, 0)} KB)</small>{" "}
                <a href={`${base}/dokumen/${encodeURIComponent(d.name)}`} download={d.name}>
                  {t(D.download)}
                </a>
                {props.pdf && /\.docx$/i.test(d.name) ? (
                  <>
                    {" · "}
                    <a href={`${base}/pdf/${encodeURIComponent(d.name)}`}>{t(D.pdf)}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t(D.docsNone)}</p>
        )}
        {props.documents.length && !props.pdf ? <p class="muted">{t(D.noPdf)}</p> : null}
      </section>
      <section id="notulen" class="card" aria-labelledby="h-notulen">
        <h2 id="h-notulen">{t(D.notulenTitle)}</h2>
        {props.notulen.html !== undefined ? (
          <>
            <p class="muted">{t(D.notulenFrom, { file: props.notulen.file })}</p>
            <div class="notulen" tabindex={0}>
              {raw(props.notulen.html)}
            </div>
          </>
        ) : (
          <p class="muted">
            {props.notulen.missing
              ? t(D.notulenNone, { file: props.notulen.file })
              : t(D.notulenBroken, { file: props.notulen.file })}
          </p>
        )}
      </section>
      <LetterSection base={base} form={props.letter} token={props.token} />
    </Layout>
  );
}

function CheckResult(props: { check: CheckView }) {
  const { check } = props;
  const shown = check.findings.filter((f) => f.severity === "error" || f.severity === "warning");
  return (
    <>
      {shown.length ? (
        <ul class="findings">
          {shown.map((f) => (
            <li class={f.severity}>
              <span class={`mark ${f.severity === "error" ? "behind" : "none"}`}>
                {f.severity === "error" ? "⚠ " : "• "}
                {f.severity === "error" ? t(D.error) : t(D.warning)}
              </span>{" "}
              <code>
                {f.file}
                {f.line ? `:${f.line}` : ""}
              </code>{" "}
              {f.message}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t(D.checkNone)}</p>
      )}
      {check.month ? (
        <div class="columns">
          <div>
            <h3>
              {t(D.tilikTitle)} {check.month.tilik.score}/{check.month.tilik.total}
            </h3>
            <table class="rows auto">
              <tbody>
                {check.month.tilik.items.map((i) => (
                  <tr>
                    <td class="num">{i.no}</td>
                    <td>{i.question}</td>
                    <td>
                      <span class={`mark ${i.answer === true ? "ok" : i.answer === false ? "behind" : "none"}`}>
                        {i.answer === true ? "✓ " : i.answer === false ? "✗ " : "– "}
                        {i.answer === true ? t(D.answerYes) : i.answer === false ? t(D.answerNo) : t(D.answerOpen)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div>
            <h3>
              {t(D.arsipTitle)} {check.month.arsip.present}/{check.month.arsip.total}
            </h3>
            <table class="rows auto">
              <tbody>
                {check.month.arsip.items.map((a) => (
                  <tr>
                    <td>{a.name}</td>
                    <td>
                      <span class={`mark ${a.present === true ? "ok" : a.present === false ? "behind" : "none"}`}>
                        {a.present === true ? `✓ ${t(D.present)}` : a.present === false ? `✗ ${t(D.missing)}` : "–"}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </>
  );
}

function LetterSection(props: { base: string; form: LetterForm; token: string }) {
  const f = props.form;
  return (
    <section id="umpan-balik" class="card" aria-labelledby="h-umpan">
      <h2 id="h-umpan">{t(D.letterTitle)}</h2>
      <p class="muted">{t(D.letterIntro)}</p>
      <form method="post" action={`${props.base}/umpan-balik`}>
        <input type="hidden" name={TOKEN_FIELD} value={props.token} />
        <div class="field">
          <label for="nomor">{t(D.nomor)}</label>
          <input type="text" id="nomor" name="nomor" value={f.nomor} />
        </div>
        <div class="field">
          <label for="tanggal">{t(D.tanggal)}</label>
          <input type="date" id="tanggal" name="tanggal" value={f.tanggal} required />
        </div>
        <div class="field">
          <label for="pembina">{t(D.pembina)}</label>
          <input type="text" id="pembina" name="pembina" value={f.pembina} class="w-l" />
        </div>
        <fieldset>
          <legend>{t(D.rekomendasi)}</legend>
          {f.suggestions.map((s, i) => (
            <div class="field check">
              <label>
                <input type="checkbox" name="rekomendasi" value={s.text} checked={s.checked} id={`rek-${i}`} /> {s.text}
              </label>
            </div>
          ))}
          <div class="field">
            <label for="lain">{t(D.rekomendasiLain)}</label>
            <textarea id="lain" name="lain" rows={3}>
              {f.other}
            </textarea>
          </div>
        </fieldset>
        {f.behind.length ? (
          <fieldset>
            <legend>{t(D.tertinggal)}</legend>
            {f.behind.map((b) => (
              <div class="field check">
                <label>
                  <input type="checkbox" name="tertinggal" value={b.key} checked={b.checked} /> {b.label}
                </label>
              </div>
            ))}
          </fieldset>
        ) : null}
        <div class="field">
          <label for="folder">{t(D.folder)}</label>
          <input type="text" id="folder" name="folder" value={f.folder} class="w-l" required />
          <p class="hint">{t(D.folderHint)}</p>
        </div>
        <div class="field check">
          <label>
            <input type="checkbox" name="timpa" value="ya" checked={f.replace} /> {t(D.replace)}
          </label>
        </div>
        <button type="submit" class="primary">
          {t(D.make)}
        </button>
      </form>
    </section>
  );
}
