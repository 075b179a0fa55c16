// The month's pages that run an operation (src/ops): a new month, the coordinators' workbooks (made,
// downloaded, uploaded and reviewed cell by cell before anything is written), Periksa (the findings,
// each linked to the field that fixes it, the Daftar Tilik, what keeps the documents DRAF), Dokumen
// (render, download, open in Word, PDF, the Word templates) and Kirim (the package). Pure functions
// of what the operations returned.
import type { Child } from "hono/jsx";
import type { PathSegment } from "../../domain/findings.js";
import type { FormProblem } from "../../domain/form/cells.js";
import { isMonthId, shiftMonth } from "../../domain/month.js";
import { decimal, type Message, msg, t } from "../../i18n/index.js";
import type { FindingJson } from "../../ops/findings.js";
import type { ImportChange, ImportPreview, ImportResult } from "../../ops/import.js";
import { Field, type FormContext } from "../components/form.js";
import { type Frame, Layout } from "../components/layout.js";
import { TOKEN_FIELD } from "../security.js";
import { Flash } from "../views.js";
import { cellText, type ImportLabels, valueLines } from "./import-labels.js";
import type { FixLink } from "./links.js";
import { monthTitle } from "./views.js";

const Token = (props: { token: string }) => <input type="hidden" name={TOKEN_FIELD} value={props.token} />;

const O = {
  newTitle: msg("Bulan baru", "New month"),
  newIntro: msg(
    "Menyiapkan berkas bulan ini: rapat dan laporan setiap program, dengan kesepakatan bulan lalu yang masih " +
      "terbuka dibawa untuk dievaluasi.",
    "Prepares this month's files: the meeting and a report per program, with last month's agreements still open " +
      "carried in for evaluation.",
  ),
  newButton: msg("Siapkan bulan", "Prepare the month"),
  prepared: msg(
    "Bulan {month} disiapkan: {files} berkas dibuat{carried}.",
    "Month {month} prepared: {files} files created{carried}.",
  ),
  carried: msg("; {n} kesepakatan dibawa untuk dievaluasi", "; {n} agreements carried in for evaluation"),
  completeButton: msg("Lengkapi berkas yang hilang", "Create the missing files"),
  completeHint: msg(
    "Membuat berkas bulan ini yang belum ada dan menambahkan indikator baru dari Pengaturan; isian yang ada tidak " +
      "diubah.",
    "Creates this month's files not there yet and adds new indicators from the Settings; nothing filled in is " +
      "changed.",
  ),
  completed: msg(
    "Dilengkapi: {files} berkas dibuat, {indicators} indikator ditambahkan.",
    "Completed: {files} files created, {indicators} indicators added.",
  ),
  quarterlyButton: msg("Tambah Lokmin tribulanan lintas sektor", "Add the quarterly cross-sector Lokmin"),
  pralokminButton: msg("Tambah pralokmin setiap klaster", "Add each klaster's pralokmin"),
  prepareTitle: msg("Persiapan bulan", "Preparing the month"),
  cdTitle: msg("Calon masalah: indikator di bawah target", "Candidate problems: indicators behind target"),
  cdIntro: msg(
    "Capaian kumulatif indikator ini di bawah target kumulatifnya. Tambahkan sebagai masalah, lalu lengkapi akar " +
      "masalahnya di atas; yang tidak dibahas boleh dihapus lagi.",
    "These indicators' cumulative coverage is behind their cumulative target. Add them as problems, then fill in " +
      "their root causes above; remove those the forum does not discuss.",
  ),
  cdLine: msg(
    "capaian {capaian} dari target {target} ({program})",
    "coverage {capaian} of target {target} ({program})",
  ),
  cdAdd: msg("Tambahkan {n} calon sebagai masalah", "Add the {n} candidates as problems"),
  cdAdded: msg("{n} calon ditambahkan sebagai masalah.", "{n} candidates added as problems."),
  fuRtlTitle: msg("Dari solusi terpilih", "From the chosen solutions"),
  fuRtlIntro: msg(
    "Solusi yang dipilih dan belum ada di RTL, dijadikan kegiatan RTL dengan penanggung jawab program masalahnya. " +
      "Lengkapi sasaran, waktu, biaya dan indikator keberhasilan sesudahnya.",
    "Chosen solutions not yet in the RTL, made RTL activities run by their problem's program coordinator. " +
      "Complete the target group, time, cost and measure of success afterwards.",
  ),
  fuRtlAdd: msg("Jadikan {n} solusi kegiatan RTL", "Make the {n} solutions RTL activities"),
  fuRtlAdded: msg(
    "{n} kegiatan RTL dibuat dari solusi terpilih: lengkapi sasaran, waktu dan indikator keberhasilannya.",
    "{n} RTL activities made from the chosen solutions: complete their target group, time and measure of success.",
  ),
  fuKTitle: msg("Dari RTL", "From the RTL"),
  fuKIntro: msg(
    "Kegiatan RTL yang belum menjadi kesepakatan, dengan indikator keberhasilannya sebagai target dan tenggat akhir " +
      "bulan depan (dievaluasi pada Lokmin bulan depan), ditandatangani pimpinan rapat dan penanggung jawabnya.",
    "RTL activities not yet agreed, with their measure of success as the target and the end of next month as " +
      "the deadline (evaluated at next month's Lokmin), signed by the chair and the person in charge.",
  ),
  fuKAdd: msg("Jadikan {n} kegiatan RTL kesepakatan", "Make the {n} RTL activities agreements"),
  fuKAdded: msg(
    "{n} kesepakatan dibuat dari RTL: periksa tenggat dan targetnya sebelum ditandatangani.",
    "{n} agreements made from the RTL: check their deadlines and targets before they are signed.",
  ),
  fuNone: msg("Tidak ada yang ditambahkan.", "Nothing was added."),
  fuSkipped: msg("Belum bisa: «{label}» {reason}", "Not yet: «{label}» {reason}"),
  // workbooks
  wbTitle: msg("Isian koordinator (buku kerja Excel)", "Coordinators' workbooks (Excel)"),
  wbIntro: msg(
    "Setiap PJ program mengisi buku kerjanya (sel kuning): capaian per indikator dan desa, kegiatan, rencana, " +
      "analisis, RPK. Buat buku kerjanya, kirim ke PJ, lalu unggah yang sudah diisi: perubahannya ditampilkan sel " +
      "demi sel sebelum apa pun ditulis.",
    "Each coordinator fills in their workbook (yellow cells): coverage per indicator and village, activities, plans, " +
      "analysis, RPK. Make the workbooks, send them to the coordinators, then upload the filled ones: the changes are " +
      "shown cell by cell before anything is written.",
  ),
  wbMake: msg("Buat atau perbarui buku kerja", "Make or refresh the workbooks"),
  wbMakeHint: msg(
    "Buku kerja yang belum diisi diperbarui; yang sudah diisi tidak ditimpa.",
    "Workbooks not filled in yet are refreshed; filled ones are not overwritten.",
  ),
  wbFiles: msg("Buku kerja bulan ini", "This month's workbooks"),
  wbNone: msg(
    "Belum ada buku kerja. Klik Buat atau perbarui buku kerja.",
    "No workbooks yet. Click Make or refresh the workbooks.",
  ),
  wbAll: msg("Unduh semua (.zip)", "Download all (.zip)"),
  download: msg("Unduh", "Download"),
  wbUpload: msg("Unggah buku kerja yang sudah diisi", "Upload filled workbooks"),
  wbDrop: msg(
    "Seret berkas .xlsx (atau .csv capaian) ke sini, atau klik untuk memilih. Beberapa berkas sekaligus boleh.",
    "Drag .xlsx files (or coverage .csv) here, or click to choose. Several at once is fine.",
  ),
  wbFilesLabel: msg("Berkas buku kerja", "Workbook files"),
  wbPreview: msg("Lihat perubahannya", "Show the changes"),
  wbStatus: {
    written: msg("dibuat", "made"),
    refreshed: msg("diperbarui", "refreshed"),
    unchanged: msg("tidak berubah", "unchanged"),
    failed: msg("gagal", "failed"),
  } as Record<string, Message>,
  made: msg("Buku kerja: {summary}.", "Workbooks: {summary}."),
  // preview
  pvTitle: msg("Yang akan berubah", "What will change"),
  pvIntro: msg(
    "Belum ada yang ditulis. Periksa perubahan setiap berkas, lalu klik Impor untuk menuliskannya ke berkas bulan ini.",
    "Nothing is written yet. Check each file's changes, then click Import to write them into this month's files.",
  ),
  pvAside: msg("Disisihkan (tidak diimpor)", "Set aside (not imported)"),
  pvProblems: msg("Masalah yang menghentikan impor", "Problems that stop the import"),
  pvProblemsHint: msg(
    "Perbaiki buku kerjanya lalu unggah lagi, atau hapus centang berkas itu dan lihat perubahannya lagi.",
    "Fix the workbook and upload it again, or untick that file and show the changes again.",
  ),
  pvConflicts: msg(
    "Diubah di buku kerja dan juga di berkas bulan ini sejak buku kerja dibuat",
    "Changed in the workbook and also in this month's files since the workbook was made",
  ),
  pvNone: msg(
    "Tidak ada yang berubah: isian buku kerja sama dengan berkas bulan ini.",
    "Nothing changes: the workbooks hold what the month's files hold.",
  ),
  pvCell: msg("Sel", "Cell"),
  pvField: msg("Isian", "Field"),
  pvBefore: msg("Sebelum", "Before"),
  pvAfter: msg("Sesudah", "After"),
  pvInclude: msg("Ikut diimpor", "Include"),
  pvImport: msg("Impor ke berkas bulan ini", "Import into this month's files"),
  pvAgain: msg("Lihat perubahannya lagi", "Show the changes again"),
  pvFrom: msg("{file} → {yaml}", "{file} → {yaml}"),
  imported: msg("Diimpor: {files}.", "Imported: {files}."),
  importedFile: msg("{file} ({n} nilai)", "{file} ({n} values)"),
  nothingImported: msg("Tidak ada yang berubah.", "Nothing changed."),
  expired: msg(
    "Unggahan ini sudah tidak ada (lokmin dijalankan ulang?); unggah berkasnya lagi.",
    "This upload is gone (was lokmin restarted?); upload the files again.",
  ),
  empty: msg("(kosong)", "(empty)"),
  // check
  ckTitle: msg("Periksa", "Check"),
  ckIntro: msg(
    "Hasil pemeriksaan bulan ini: setiap temuan menunjuk ke halaman dan isian yang memperbaikinya.",
    "This month's check: each finding leads to the page and field that fixes it.",
  ),
  ckClean: msg("Tidak ada temuan: bulan ini lolos pemeriksaan.", "No findings: this month passes the check."),
  ckCounts: msg(
    "{errors} kesalahan, {warnings} peringatan, {infos} catatan",
    "{errors} errors, {warnings} warnings, {infos} notes",
  ),
  ckFindings: msg("Temuan", "Findings"),
  ckFix: msg("Perbaiki di {page}", "Fix it on {page}"),
  ckWhere: msg("{file} baris {line}", "{file} line {line}"),
  ckDraft: msg("Yang membuat dokumen DRAF", "What keeps the documents DRAF"),
  ckDraftNone: msg(
    "Tidak ada kesalahan: dokumen dicetak tanpa tanda DRAF.",
    "No errors: the documents print without the DRAF mark.",
  ),
  ckDraftSome: msg(
    "Selama ada kesalahan di bawah ini, setiap halaman dokumen bulan ini diberi tanda DRAF (jangan ditandatangani).",
    "While the errors below remain, every page of this month's documents carries the DRAF mark (do not sign).",
  ),
  ckTilik: msg("Daftar Tilik ({score} dari {total})", "Checklist ({score} of {total})"),
  ckSop: msg("Langkah SOP ({done} dari {required} yang wajib)", "SOP steps ({done} of {required} required)"),
  ckArsip: msg("Arsip ({present} dari {total})", "Archive ({present} of {total})"),
  yes: msg("Ya", "Yes"),
  no: msg("Tidak", "No"),
  unknown: msg("Belum diisi pembina", "Not answered by the supervisor yet"),
  severity: { error: msg("Kesalahan", "Error"), warning: msg("Peringatan", "Warning"), info: msg("Catatan", "Note") },
  // documents
  dcTitle: msg("Dokumen", "Documents"),
  dcIntro: msg(
    "Dokumen Word bulan ini di folder {dir}. Cetak ulang setelah data berubah; dokumen yang diubah di Word tidak " +
      "ditimpa.",
    "This month's Word documents in the folder {dir}. Render again after the data changed; a document edited in Word " +
      "is not overwritten.",
  ),
  dcRender: msg("Cetak dokumen", "Render the documents"),
  dcPdf: msg("Buat juga PDF (perlu LibreOffice)", "Also make PDFs (needs LibreOffice)"),
  dcNoPdf: msg(
    "LibreOffice tidak ditemukan di komputer ini: PDF tidak dapat dibuat.",
    "LibreOffice was not found on this computer: no PDFs.",
  ),
  dcDocument: msg("Dokumen", "Document"),
  dcState: msg("Keadaan", "State"),
  dcFiles: msg("Berkas", "Files"),
  dcOpen: msg("Buka di Word", "Open in Word"),
  dcOpenHint: msg(
    "Membuka berkas dengan program bawaan komputer ini (Word atau LibreOffice).",
    "Opens the file with this computer's default program (Word or LibreOffice).",
  ),
  dcOpened: msg("{file} dibuka dengan program bawaan.", "{file} was opened with the default program."),
  dcNotOpened: msg(
    "{file} tidak dapat dibuka otomatis; unduh lalu buka.",
    "{file} could not be opened; download and open it.",
  ),
  dcNotYet: msg("belum dicetak", "not rendered yet"),
  dcRendered: msg("dicetak {when}", "rendered {when}"),
  dcClean: msg(
    "Tidak ada kesalahan di Periksa: dokumen dicetak tanpa tanda DRAF, siap ditandatangani.",
    "No errors under Check: the documents print without the DRAFT mark, ready to sign.",
  ),
  dcDraftLink: msg("Lihat di Periksa", "See under Check"),
  dcSkipped: msg(
    "Tidak dicetak bulan ini (datanya belum ada): {list}",
    "Not rendered this month (no data yet): {list}",
  ),
  dcOutcome: {
    written: msg("ditulis", "written"),
    replaced: msg("ditulis ulang", "rewritten"),
    unchanged: msg("tidak berubah", "unchanged"),
    kept: msg("dipertahankan: diubah di Word", "kept: edited in Word"),
    failed: msg("gagal", "failed"),
  } as Record<string, Message>,
  dcDraft: msg(
    "DRAF: Periksa masih menemukan {n} kesalahan, jadi dokumen ini dicetak dengan tanda DRAF (jangan " +
      "ditandatangani): {documents}. Perbaiki di Periksa lalu cetak lagi.",
    "DRAFT: Check still finds {n} errors, so these documents print with the DRAFT mark (do not sign): " +
      "{documents}. Fix them under Check, then render again.",
  ),
  dcTemplates: msg("Templat Word", "Word templates"),
  dcTemplatesIntro: msg(
    "Setiap dokumen memakai templat bawaan, atau templat Word milik Puskesmas di folder templates. Unduh templat " +
      "awal, ubah di Word (kop, huruf, tata letak; isian {{…}} tetap), lalu unggah.",
    "Each document uses the built-in template, or the Puskesmas' own Word template in the templates folder. Download " +
      "a starting template, change it in Word (letterhead, fonts, layout; keep the {{…}} fields), then upload it.",
  ),
  dcTemplate: msg("Templat", "Template"),
  dcKinds: {
    word: msg("Word milik sendiri", "own Word file"),
    hbs: msg("teks milik sendiri", "own text file"),
    bawaan: msg("bawaan", "built-in"),
  } as Record<string, Message>,
  dcStarter: msg("Unduh templat", "Download template"),
  dcUpload: msg("Unggah templat Word", "Upload a Word template"),
  dcUploadFile: msg("Berkas .docx untuk {title}", "The .docx file for {title}"),
  dcUploaded: msg(
    "Templat {file} disimpan; cetak ulang dokumennya.",
    "Template {file} saved; render the document again.",
  ),
  dcBadTemplate: msg(
    "berkas ini bukan dokumen Word (.docx); simpan dari Word sebagai Dokumen Word lalu unggah lagi",
    "this file is not a Word document (.docx); save it from Word as a Word Document and upload it again",
  ),
  dcTooBig: msg("berkas terlalu besar (paling besar 20 MB)", "the file is too large (at most 20 MB)"),
  dcChoose: msg("pilih berkas .docx dulu", "choose a .docx file first"),
  // send
  ksTitle: msg("Kirim ke Dinas Kesehatan", "Send to the health office"),
  ksIntro: msg(
    "Paket bulan ini dalam satu berkas zip untuk Dinas Kesehatan: data bulan ini, dokumennya dan hasil " +
      "pemeriksaan — untuk dikirim lewat email atau WhatsApp.",
    "This month's package in one zip file for the health office: the month's data, its documents and the check " +
      "result — to send by email or WhatsApp.",
  ),
  ksDraft: msg(
    "Periksa masih menemukan {n} kesalahan: dokumen di dalam paket bertanda DRAF (belum boleh ditandatangani). " +
      "Sebaiknya perbaiki dulu di Periksa. Tetap kirim paket DRAF?",
    "Check still finds {n} errors: the documents in the package carry the DRAF mark (not to be signed yet). Better " +
      "fix them under Check first. Send the DRAF package anyway?",
  ),
  ksDraftConfirm: msg("Tetap kirim paket DRAF", "Send the DRAF package anyway"),
  ksDraftFix: msg("Perbaiki di Periksa", "Fix under Check"),
  ksBuild: msg("Buat paket", "Build the package"),
  ksBuilt: msg("Paket {file} dibuat ({n} berkas).", "Package {file} built ({n} files)."),
  ksUnchanged: msg("Paket {file} tidak berubah ({n} berkas).", "Package {file} unchanged ({n} files)."),
  ksDownload: msg("Unduh paket", "Download the package"),
  ksNone: msg("Belum ada paket bulan ini.", "No package for this month yet."),
  ksContents: msg("Isi paket", "Contents"),
  ksSent: msg(
    "Setelah dikirim, catat tanggal kirimnya di halaman Tindak lanjut (Notulen dilaporkan ke Dinas Kesehatan).",
    "Once sent, note the date on the Follow-up page (Minutes reported to the health office).",
  ),
  failedOp: msg("Tidak dapat dijalankan:", "Could not run:"),
};

export { O as OPS_TEXT };

/** An operation's advice in the words of this app: where the CLI says to type `lokmin import MONTH …`, the app
 * has that month's workbooks page. */
const inApp = (message: string) =>
  message.replace(/`lokmin import (\d{4}-\d{2})[^`]*`/g, (_, month: string) =>
    t(msg("halaman Isian koordinator bulan {month}", "the Coordinators' workbooks page of {month}"), { month }),
  );

function Problems(props: { problems: readonly (FormProblem | { file: string; message: string })[] }) {
  return (
    <ul class="problems">
      {props.problems.map((p) => {
        const at = "sheet" in p && p.sheet ? ` — ${p.sheet}${"cell" in p && p.cell ? `!${p.cell}` : ""}` : "";
        return (
          <li>
            <strong>
              {p.file}
              {at}
            </strong>
            : {inApp(p.message)}
          </li>
        );
      })}
    </ul>
  );
}

/** An error an operation threw, in its own words (with the files and lines it names). */
export function OpError(props: { message?: string }) {
  if (!props.message) return null;
  return (
    <div class="flash error" role="alert">
      <p>
        <strong>{t(O.failedOp)}</strong>
      </p>
      <pre class="op-error">{props.message}</pre>
    </div>
  );
}

// --- a new month ------------------------------------------------------------------------------------

/**
 * The months a new month can be: two years before the suggested one to one year after, those the
 * workspace has left out, named in the page's language (a browser's own month picker speaks the
 * browser's language, not the page's).
 */
export function monthChoices(suggested: string, existing: readonly string[]): { month: string }[] {
  const centre = isMonthId(suggested) ? suggested : (existing.at(-1) ?? "2024-01");
  const months: string[] = [];
  for (let offset = -24; offset <= 12; offset++) {
    const month = shiftMonth(centre, offset);
    if (!existing.includes(month)) months.push(month);
  }
  return months.map((month) => ({ month }));
}

export function NewMonthPage(props: {
  frame: Frame;
  ctx: FormContext;
  klaster: boolean;
  existing: readonly string[];
  error?: string;
}) {
  const f = (key: string, label: Message, input: "text" | "time" | "checkbox", extra = {}) =>
    ({ kind: "field", key, label, input, ...extra }) as const;
  return (
    <Layout {...props.frame}>
      <h1>{t(O.newTitle)}</h1>
      <p class="lead">{t(O.newIntro)}</p>
      <OpError message={props.error} />
      <form method="post" action="/bulan/baru" class="card" novalidate>
        <Token token={props.frame.token} />
        <div class="fields">
          <div class={`field${props.ctx.notes.bulan?.error ? " has-error" : ""}`}>
            <label for="f-bulan">{t(msg("Bulan", "Month"))}</label>
            <select id="f-bulan" name="bulan" aria-describedby="n-bulan">
              {monthChoices(props.ctx.values.bulan ?? "", props.existing).map((choice) => (
                <option value={choice.month} selected={choice.month === props.ctx.values.bulan}>
                  {monthTitle(choice.month)}
                </option>
              ))}
            </select>
            <p class="note error" id="n-bulan">
              {props.ctx.notes.bulan?.error ? t(props.ctx.notes.bulan.error.message) : ""}
            </p>
          </div>
          <Field
            spec={f("mulai", msg("Waktu mulai rapat", "Meeting starts at"), "time", { required: true })}
            name="mulai"
            ctx={props.ctx}
          />
        </div>
        <Field
          spec={f(
            "tribulanan",
            msg("Juga Lokmin tribulanan lintas sektor bulan ini", "Also this month's quarterly cross-sector Lokmin"),
            "checkbox",
          )}
          name="tribulanan"
          ctx={props.ctx}
        />
        {props.klaster ? (
          <Field
            spec={f("pralokmin", msg("Juga pralokmin setiap klaster", "Also each klaster's pralokmin"), "checkbox")}
            name="pralokmin"
            ctx={props.ctx}
          />
        ) : null}
        <button type="submit" class="primary">
          {t(O.newButton)}
        </button>
      </form>
    </Layout>
  );
}

/** Indicators behind target offered as the month's problems, added with one click (as `lokmin rank --add-candidates`). */
export function CandidatesBlock(props: {
  month: string;
  token: string;
  candidates: readonly { program: string; nama: string; capaian: number; target: number }[];
}) {
  const percent = (n: number) => `${decimal(n, 1)}%`;
  return (
    <section class="card candidates" aria-labelledby="h-calon">
      <h2 id="h-calon">{t(O.cdTitle)}</h2>
      <p class="hint">{t(O.cdIntro)}</p>
      <ul>
        {props.candidates.map((c) => (
          <li>
            <strong>{c.nama}</strong>{" "}
            <span class="muted">
              {t(O.cdLine, { capaian: percent(c.capaian), target: percent(c.target), program: c.program })}
            </span>
          </li>
        ))}
      </ul>
      <form method="post" action={`/bulan/${props.month}/masalah/calon`} class="inline">
        <Token token={props.token} />
        <button type="submit">{t(O.cdAdd, { n: props.candidates.length })}</button>
      </form>
    </section>
  );
}

/** The next link of the chain offered with one click: chosen solutions → RTL, RTL → kesepakatan. */
export function FollowUpBlock(props: {
  month: string;
  token: string;
  step: "rtl" | "kesepakatan";
  rows: readonly { id: string; text: string }[];
  skipped: readonly { id: string; label: string; reason: string }[];
  /** The page to come back to (a slide of mode rapat); the step's own page when not given. */
  back?: string;
}) {
  const rtl = props.step === "rtl";
  const action = `/bulan/${props.month}/${rtl ? "rtl/dari-solusi" : "kesepakatan/dari-rtl"}`;
  return (
    <section class="card candidates" aria-labelledby="h-lanjut">
      <h2 id="h-lanjut">{t(rtl ? O.fuRtlTitle : O.fuKTitle)}</h2>
      <p class="hint">{t(rtl ? O.fuRtlIntro : O.fuKIntro)}</p>
      <ul>
        {props.rows.map((row) => (
          <li data-follow-up={row.id}>{row.text}</li>
        ))}
        {props.skipped.map((s) => (
          <li class="muted" data-follow-up-skipped={s.id}>
            {t(O.fuSkipped, { label: s.label, reason: s.reason })}
          </li>
        ))}
      </ul>
      {props.rows.length ? (
        <form method="post" action={action} class="inline">
          <Token token={props.token} />
          {props.back ? <input type="hidden" name="kembali" value={props.back} /> : null}
          <button type="submit">{t(rtl ? O.fuRtlAdd : O.fuKAdd, { n: props.rows.length })}</button>
        </form>
      ) : null}
    </section>
  );
}

/** The overview's actions: complete the month, add its quarterly meeting or pralokmin. */
export function PrepareActions(props: { month: string; token: string; quarterly: boolean; klaster: boolean }) {
  const button = (action: string, label: Message) => (
    <form method="post" action={`/bulan/${props.month}/${action}`} class="inline">
      <Token token={props.token} />
      <button type="submit">{t(label)}</button>
    </form>
  );
  return (
    <section class="card prepare" aria-labelledby="h-prepare">
      <h2 id="h-prepare">{t(O.prepareTitle)}</h2>
      <p class="hint">{t(O.completeHint)}</p>
      <div class="buttons">
        {button("lengkapi", O.completeButton)}
        {props.quarterly ? null : button("tribulanan-baru", O.quarterlyButton)}
        {props.klaster ? button("pralokmin-baru", O.pralokminButton) : null}
      </div>
    </section>
  );
}

// --- the workbooks -----------------------------------------------------------------------------------

export function WorkbooksPage(props: {
  frame: Frame;
  month: string;
  files: string[];
  flash?: string;
  error?: string;
  preview?: Child;
}) {
  const base = `/bulan/${props.month}/isian`;
  return (
    <Layout {...props.frame}>
      <h1>{t(O.wbTitle)}</h1>
      <p class="lead">{t(O.wbIntro)}</p>
      <Flash text={props.flash} />
      <OpError message={props.error} />
      {props.preview}
      <section class="card" aria-labelledby="h-wb-files">
        <h2 id="h-wb-files">{t(O.wbFiles)}</h2>
        {props.files.length ? (
          <ul class="files">
            {props.files.map((file) => (
              <li>
                <a href={`${base}/unduh/${encodeURIComponent(file)}`} download={file}>
                  {file}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t(O.wbNone)}</p>
        )}
        <div class="buttons">
          <form method="post" action={`${base}/buat`} class="inline">
            <Token token={props.frame.token} />
            <button type="submit">{t(O.wbMake)}</button>
          </form>
          {props.files.length ? (
            <a class="button" href={`${base}/semua.zip`} download>
              {t(O.wbAll)}
            </a>
          ) : null}
        </div>
        <p class="hint">{t(O.wbMakeHint)}</p>
      </section>
      <section class="card" aria-labelledby="h-wb-upload">
        <h2 id="h-wb-upload">{t(O.wbUpload)}</h2>
        <form method="post" action={`${base}/unggah`} enctype="multipart/form-data" class="upload-form">
          <Token token={props.frame.token} />
          <label class="drop" data-jatuhkan for="f-buku-kerja">
            <span>{t(O.wbDrop)}</span>
            <input
              id="f-buku-kerja"
              type="file"
              name="berkas"
              multiple
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              aria-label={t(O.wbFilesLabel)}
            />
            <span class="chosen" aria-live="polite"></span>
          </label>
          <button type="submit" class="primary">
            {t(O.wbPreview)}
          </button>
        </form>
      </section>
    </Layout>
  );
}

function ChangeTable(props: { file: string; changes: readonly ImportChange[]; labels: ImportLabels }) {
  const lines = (value: unknown) => valueLines(value).map((line) => <div class="line">{line}</div>);
  return (
    <div class="table-wrap">
      <table class="rows changes">
        <thead>
          <tr>
            <th scope="col" class="c-cell">
              {t(O.pvCell)}
            </th>
            <th scope="col" class="c-field">
              {t(O.pvField)}
            </th>
            <th scope="col">{t(O.pvBefore)}</th>
            <th scope="col">{t(O.pvAfter)}</th>
          </tr>
        </thead>
        <tbody>
          {props.changes.map((c) => (
            <tr>
              <td>{cellText(c.sheet, c.cell)}</td>
              <td>{props.labels.field(props.file, c.path)}</td>
              <td class="before">{lines(c.before)}</td>
              <td class="after">{lines(c.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What an import would change, before anything is written; the files included can be chosen. */
export function ImportPreviewView(props: {
  month: string;
  token: string;
  upload: string;
  files: readonly string[];
  included: readonly string[];
  preview: ImportPreview;
  labels: ImportLabels;
}) {
  const { preview } = props;
  const base = `/bulan/${props.month}/isian`;
  const conflicts = new Set(preview.conflicts.map((c) => c.message));
  const problems = preview.problems.filter((p) => !conflicts.has(p.message));
  return (
    <section class="card preview" aria-labelledby="h-preview">
      <h2 id="h-preview">{t(O.pvTitle)}</h2>
      <p>{t(O.pvIntro)}</p>
      {preview.setAside?.length ? (
        <>
          <h3>{t(O.pvAside)}</h3>
          <Problems problems={preview.setAside.map((a) => ({ file: a.file, message: a.note }))} />
        </>
      ) : null}
      {problems.length ? (
        <div class="flash error" role="alert">
          <p>
            <strong>{t(O.pvProblems)}</strong>
          </p>
          <Problems problems={problems} />
          <p>{t(O.pvProblemsHint)}</p>
        </div>
      ) : null}
      {preview.conflicts.length ? (
        <div class="flash conflict-banner" role="alert">
          <p>
            <strong>{t(O.pvConflicts)}</strong>
          </p>
          <Problems problems={preview.conflicts} />
        </div>
      ) : null}
      {preview.files.length === 0 && preview.ok ? <p class="muted">{t(O.pvNone)}</p> : null}
      {preview.files.map((f) => (
        <>
          <h3>{t(O.pvFrom, { file: f.source, yaml: props.labels.file(f.file) })}</h3>
          <ChangeTable file={f.file} changes={f.changes} labels={props.labels} />
        </>
      ))}
      <form method="post" action={`${base}/impor`} class="import-form">
        <Token token={props.token} />
        <input type="hidden" name="unggahan" value={props.upload} />
        <fieldset class="multi-field">
          <legend>{t(O.pvInclude)}</legend>
          <div class="multi">
            {props.files.map((file, i) => (
              <label class="choice" for={`f-ikut-${i}`}>
                <input
                  type="checkbox"
                  id={`f-ikut-${i}`}
                  name="ikut"
                  value={file}
                  checked={props.included.includes(file)}
                />{" "}
                {file}
              </label>
            ))}
          </div>
        </fieldset>
        <div class="buttons">
          <button type="submit" class="primary" name="aksi" value="impor" disabled={!preview.ok}>
            {t(O.pvImport)}
          </button>
          <button type="submit" name="aksi" value="lihat">
            {t(O.pvAgain)}
          </button>
        </div>
      </form>
    </section>
  );
}

export function importSummary(result: ImportResult): string {
  if (!result.ok) return "";
  const written = result.files.filter((f) => f.written && f.changes > 0);
  if (written.length === 0) return t(O.nothingImported);
  return t(O.imported, {
    files: written.map((f) => t(O.importedFile, { file: f.file, n: f.changes })).join(", "),
  });
}

// --- check -------------------------------------------------------------------------------------------

export interface CheckView {
  findings: (FindingJson & { path: readonly PathSegment[] })[];
  tilik: {
    score: number;
    total: number;
    items: { no: number; question: string; answer: boolean | null; reason: string }[];
  } | null;
  sop: {
    done: number;
    required: number;
    steps: { id: string; judul: string; applies: string; done: boolean }[];
  } | null;
  arsip: { present: number; total: number } | null;
}

const answerText = (answer: boolean | null) => t(answer === null ? O.unknown : answer ? O.yes : O.no);

export function ChecksPage(props: {
  frame: Frame;
  month: string;
  check: CheckView;
  link: (f: CheckView["findings"][number]) => FixLink | undefined;
  error?: string;
}) {
  const { check } = props;
  const count = (s: string) => check.findings.filter((f) => f.severity === s).length;
  const errors = check.findings.filter((f) => f.severity === "error");
  const FindingItem = (p: { f: CheckView["findings"][number] }) => {
    const fix = props.link(p.f);
    return (
      <li class={`finding ${p.f.severity}`}>
        <span class="sev">{t(O.severity[p.f.severity as "error"])}</span> <span class="msg">{p.f.message}</span>{" "}
        <small class="muted">
          {t(O.ckWhere, { file: p.f.file, line: p.f.line })} · <code>{p.f.rule}</code>
        </small>
        {fix ? (
          <>
            {" "}
            <a class="fix" href={fix.href}>
              {t(O.ckFix, { page: t(fix.page) })}
            </a>
          </>
        ) : null}
      </li>
    );
  };
  return (
    <Layout {...props.frame}>
      <h1>
        {t(O.ckTitle)} — {monthTitle(props.month)}
      </h1>
      <p class="lead">{t(O.ckIntro)}</p>
      <OpError message={props.error} />
      <section class="card" aria-labelledby="h-findings">
        <h2 id="h-findings">{t(O.ckFindings)}</h2>
        {check.findings.length ? (
          <>
            <p>{t(O.ckCounts, { errors: count("error"), warnings: count("warning"), infos: count("info") })}</p>
            <ul class="findings">
              {check.findings.map((f) => (
                <FindingItem f={f} />
              ))}
            </ul>
          </>
        ) : (
          <p class="ok-line">✓ {t(O.ckClean)}</p>
        )}
      </section>
      <section class="card" aria-labelledby="h-draft">
        <h2 id="h-draft">{t(O.ckDraft)}</h2>
        {errors.length ? (
          <>
            <p>{t(O.ckDraftSome)}</p>
            <ul class="findings">
              {errors.map((f) => (
                <FindingItem f={f} />
              ))}
            </ul>
          </>
        ) : (
          <p class="ok-line">✓ {t(O.ckDraftNone)}</p>
        )}
      </section>
      {check.tilik ? (
        <section class="card" aria-labelledby="h-tilik">
          <h2 id="h-tilik">{t(O.ckTilik, { score: check.tilik.score, total: check.tilik.total })}</h2>
          <ol class="tilik">
            {check.tilik.items.map((item) => (
              <li class={item.answer === true ? "yes" : item.answer === false ? "no" : "open"}>
                <span class="q">{item.question}</span> <strong class="a">{answerText(item.answer)}</strong>
                {item.reason ? <small class="muted"> — {item.reason}</small> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {check.sop ? (
        <section class="card" aria-labelledby="h-sop">
          <h2 id="h-sop">{t(O.ckSop, { done: check.sop.done, required: check.sop.required })}</h2>
          <ul class="sop">
            {check.sop.steps
              .filter((s) => s.applies !== "not-applicable")
              .map((s) => (
                <li class={s.done ? "yes" : "open"}>
                  <span aria-hidden="true">{s.done ? "✓" : "○"}</span> {s.judul}
                  <span class="sr">{s.done ? t(O.yes) : t(O.no)}</span>
                </li>
              ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}

// --- documents -------------------------------------------------------------------------------------------

export interface DocumentRow {
  name: string;
  title: string;
  /** The files there are now (docx, pdf). */
  files: string[];
  /** When its Word file was last written. */
  rendered?: string;
  /** What the last render did with it (this request). */
  outcome?: string;
  error?: string;
  template: "word" | "hbs" | "bawaan";
}

export function DocumentsPage(props: {
  frame: Frame;
  month: string;
  rows: DocumentRow[];
  soffice: boolean;
  draft?: number;
  /** The documents an error of the month is about (src/render/documents.ts, DRAFT_ON). */
  draftDocuments?: string[];
  flash?: string;
  error?: string;
  warnings?: string[];
  skipped?: string[];
}) {
  const base = `/bulan/${props.month}/dokumen`;
  return (
    <Layout {...props.frame}>
      <h1>
        {t(O.dcTitle)} — {monthTitle(props.month)}
      </h1>
      <p class="lead">{t(O.dcIntro, { dir: `${props.month}/dokumen` })}</p>
      <Flash text={props.flash} />
      <OpError message={props.error} />
      {props.warnings?.length ? (
        <div class="flash changed" role="status">
          {props.warnings.map((w) => (
            <p>{w}</p>
          ))}
        </div>
      ) : null}
      {props.draft === undefined ? null : props.draft > 0 ? (
        <p class="flash error draft-state">
          {t(O.dcDraft, { n: props.draft, documents: (props.draftDocuments ?? []).join(", ") || "–" })}{" "}
          <a href={`/bulan/${props.month}/periksa`}>{t(O.dcDraftLink)}</a>
        </p>
      ) : (
        <p class="flash ok draft-state">✓ {t(O.dcClean)}</p>
      )}
      <form method="post" action={`${base}/cetak`} class="card render-form">
        <Token token={props.frame.token} />
        <div class="buttons">
          <button type="submit" class="primary">
            {t(O.dcRender)}
          </button>
          <label class="choice" for="f-pdf">
            <input type="checkbox" id="f-pdf" name="pdf" value="on" disabled={!props.soffice} /> {t(O.dcPdf)}
          </label>
        </div>
        {props.soffice ? null : <p class="hint">{t(O.dcNoPdf)}</p>}
      </form>
      <div class="table-wrap">
        <table class="rows documents">
          <thead>
            <tr>
              <th scope="col">{t(O.dcDocument)}</th>
              <th scope="col">{t(O.dcState)}</th>
              <th scope="col">{t(O.dcFiles)}</th>
              <th scope="col">{t(O.dcTemplate)}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr id={`dok-${row.name}`}>
                <th scope="row">{row.title}</th>
                <td class={`outcome ${row.outcome ?? ""}`}>
                  {row.outcome
                    ? t(O.dcOutcome[row.outcome])
                    : row.rendered
                      ? t(O.dcRendered, { when: row.rendered })
                      : t(O.dcNotYet)}
                  {row.error ? <small class="note error"> {row.error}</small> : null}
                </td>
                <td class="files">
                  {row.files.map((file) => (
                    <span class="file">
                      <a href={`${base}/unduh/${encodeURIComponent(file)}`} download={file}>
                        {file.endsWith(".pdf") ? "PDF" : "DOCX"}
                      </a>
                      {file.endsWith(".docx") ? (
                        <form method="post" action={`${base}/buka`} class="inline">
                          <Token token={props.frame.token} />
                          <input type="hidden" name="berkas" value={file} />
                          <button
                            type="submit"
                            class="small"
                            title={t(O.dcOpenHint)}
                            aria-label={`${t(O.dcOpen)}: ${row.title}`}
                          >
                            {t(O.dcOpen)}
                          </button>
                        </form>
                      ) : null}
                    </span>
                  ))}
                </td>
                <td class="template">
                  <span>{t(O.dcKinds[row.template])}</span>{" "}
                  <form method="post" action={`/templat/${row.name}/awal.docx`} class="inline">
                    <Token token={props.frame.token} />
                    <input type="hidden" name="kembali" value={base} />
                    <button type="submit" class="small" aria-label={`${t(O.dcStarter)}: ${row.title}`}>
                      {t(O.dcStarter)}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.skipped?.length ? <p class="hint">{t(O.dcSkipped, { list: props.skipped.join(", ") })}</p> : null}
      <section class="card" aria-labelledby="h-templates">
        <h2 id="h-templates">{t(O.dcUpload)}</h2>
        <p class="hint">{t(O.dcTemplatesIntro)}</p>
        <form method="post" action="/templat/unggah" enctype="multipart/form-data" class="upload-form">
          <Token token={props.frame.token} />
          <input type="hidden" name="kembali" value={base} />
          <div class="fields">
            <div class="field">
              <label for="f-templat-dokumen">{t(O.dcDocument)}</label>
              <select id="f-templat-dokumen" name="dokumen">
                {props.rows.map((row) => (
                  <option value={row.name}>{row.title}</option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="f-templat-berkas">{t(msg("Berkas templat (.docx)", "Template file (.docx)"))}</label>
              <input
                id="f-templat-berkas"
                type="file"
                name="berkas"
                accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              />
            </div>
          </div>
          <button type="submit">{t(O.dcUpload)}</button>
        </form>
      </section>
    </Layout>
  );
}

// --- send ---------------------------------------------------------------------------------------------------

export function SendPage(props: {
  frame: Frame;
  month: string;
  file?: string;
  contents?: string[];
  flash?: string;
  error?: string;
  warnings?: string[];
  /** Check's errors when a package was asked for: it is built only once the person confirms a DRAF package. */
  draftErrors?: number;
}) {
  const base = `/bulan/${props.month}/kirim`;
  return (
    <Layout {...props.frame}>
      <h1>
        {t(O.ksTitle)} — {monthTitle(props.month)}
      </h1>
      <p class="lead">{t(O.ksIntro)}</p>
      <Flash text={props.flash} />
      <OpError message={props.error} />
      {props.warnings?.length ? (
        <div class="flash changed" role="status">
          {props.warnings.map((w) => (
            <p>{w}</p>
          ))}
        </div>
      ) : null}
      {props.draftErrors ? (
        <div class="flash error draft-confirm" role="alert">
          <p>{t(O.ksDraft, { n: props.draftErrors })}</p>
          <div class="buttons">
            <a class="button" href={`/bulan/${props.month}/periksa`}>
              {t(O.ksDraftFix)}
            </a>
            <form method="post" action={`${base}/buat`} class="inline">
              <Token token={props.frame.token} />
              <input type="hidden" name="draf" value="ya" />
              <button type="submit">{t(O.ksDraftConfirm)}</button>
            </form>
          </div>
        </div>
      ) : null}
      <section class="card">
        <form method="post" action={`${base}/buat`} class="inline">
          <Token token={props.frame.token} />
          <button type="submit" class="primary">
            {t(O.ksBuild)}
          </button>
        </form>{" "}
        {props.file ? (
          <a class="button" href={`${base}/unduh`} download={props.file}>
            {t(O.ksDownload)}: {props.file}
          </a>
        ) : (
          <span class="muted">{t(O.ksNone)}</span>
        )}
        <p class="hint">{t(O.ksSent)}</p>
      </section>
      {props.contents?.length ? (
        <section class="card" aria-labelledby="h-contents">
          <h2 id="h-contents">{t(O.ksContents)}</h2>
          <ul class="files">
            {props.contents.map((file) => (
              <li>
                <code>{file}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
