// The pages, as pure functions of what they show: the start page (open or create a workspace),
// the home page of a workspace, the setup overview, a form page, a month (its own pages come next)
// and the page for an address that does not exist.
import type { Child } from "hono/jsx";
import type { Spec } from "../domain/fields/model.js";
import { monthName } from "../domain/format-date.js";
import { getLang, type Message, msg, t } from "../i18n/index.js";
import { domId, Field, FieldSummary, type FormContext, NoteLine, Specs } from "./components/form.js";
import { type Frame, Layout } from "./components/layout.js";
import { BASE_FIELD, encodeBase, type FormPage, type Shown, VERSION_FIELD } from "./save.js";
import { TOKEN_FIELD } from "./security.js";
import { regulationChoices, SETUP_PAGES } from "./setup/pages.js";
import { T } from "./text.js";
import type { Recent } from "./user-config.js";

const V = {
  startTitle: msg("Mulai", "Start"),
  startIntro: msg(
    "Pilih folder data Puskesmas Anda, atau buat yang baru. Semua isian disimpan di folder itu, di komputer ini; " +
      "tidak ada yang dikirim ke internet.",
    "Choose your Puskesmas' data folder, or create a new one. Everything is kept in that folder, on this computer; " +
      "nothing is sent to the internet.",
  ),
  recent: msg("Baru dibuka", "Recently opened"),
  found: msg("Ditemukan di folder Dokumen", "Found in the Documents folder"),
  open: msg("Buka", "Open"),
  openTyped: msg("Buka folder lain", "Open another folder"),
  folder: msg("Folder data Puskesmas", "Puskesmas data folder"),
  folderHint: msg(
    "jalur lengkap, mis. C:\\Users\\Nama\\Documents\\Puskesmas Sukamaju",
    "full path, e.g. C:\\Users\\Name\\Documents\\Puskesmas Sukamaju",
  ),
  none: msg("Belum ada.", "None yet."),
  create: msg("Buat folder data baru", "Create a new data folder"),
  createIntro: msg(
    "Membuat folder data Puskesmas dengan daftar program bawaan. Pegawai, sasaran dan lainnya dilengkapi " +
      "sesudahnya di Pengaturan.",
    "Creates the Puskesmas' data folder with the built-in program list. Staff, targets and the rest are completed " +
      "afterwards under Settings.",
  ),
  createButton: msg("Buat folder data", "Create the data folder"),
  whereHint: msg(
    "folder baru untuk data Puskesmas; dibuat bila belum ada",
    "a new folder for the Puskesmas' data; created if it does not exist",
  ),
  grouping: msg("Pengelompokan", "Grouping"),
  regulation: msg("Peraturan pembinaan Lokmin di kabupaten ini", "The kabupaten's Lokmin supervision regulation"),
  ownTitle: msg("Nama lengkap peraturan (bila peraturan sendiri)", "Full title (own regulation)"),
  ownNumber: msg("Nomor", "Number"),
  ownYear: msg("Tahun", "Year"),
  homeIntro: msg(
    "Yang perlu dilengkapi sebelum Lokmin pertama, dan bulan-bulan yang sudah ada.",
    "What to complete before the first Lokmin, and the months there are.",
  ),
  setupIntro: msg(
    "Data Puskesmas yang dipakai setiap bulan: setiap halaman hanya mengubah isian yang ditampilkannya; yang lain " +
      "tetap seperti semula.",
    "The Puskesmas' data used every month: each page changes only the fields it shows; everything else stays as " +
      "it was.",
  ),
  folderOf: msg("Folder: {path}", "Folder: {path}"),
  logo: msg("Logo", "Logo"),
  logoHint: msg(
    "PNG atau JPEG, paling besar 5 MB; disimpan di folder data Puskesmas",
    "PNG or JPEG, at most 5 MB; kept in the Puskesmas' data folder",
  ),
  logoUpload: msg("Unggah logo", "Upload the logo"),
  logoFile: msg("Berkas gambar logo", "Logo picture file"),
  logoNone: msg("Belum ada logo: kop surat dicetak tanpa logo.", "No logo yet: letterheads print without one."),
  logoAlt: msg("Logo Puskesmas", "Logo of the Puskesmas"),
};

const Token = (props: { token: string }) => <input type="hidden" name={TOKEN_FIELD} value={props.token} />;

export function Flash(props: { text?: string; kind?: "ok" | "error" }) {
  if (!props.text) return null;
  return (
    <div class={`flash ${props.kind ?? "ok"}`} role={props.kind === "error" ? "alert" : "status"}>
      {props.text}
    </div>
  );
}

export function NotFound(props: { frame: Frame }) {
  return (
    <Layout {...props.frame}>
      <h1>{t(T.notFound)}</h1>
      <p>
        <a href="/">{t(T.backHome)}</a>
      </p>
    </Layout>
  );
}

export interface StartView {
  frame: Frame;
  recent: Recent[];
  found: string[];
  typed?: string;
  openError?: string;
  create: Record<string, string>;
  createNotes: FormContext["notes"];
  createError?: string;
}

const S = (key: string, label: Message, input: "text" | "nip" | "select" = "text", extra = {}) =>
  ({ kind: "field", key, label, input, ...extra }) as const;

export const CREATE_FIELDS = [
  S("nama", msg("Nama Puskesmas", "Name of the Puskesmas"), "text", {
    required: true,
    hint: msg("mis. UPTD Puskesmas Sukamaju", "e.g. UPTD Puskesmas Sukamaju"),
  }),
  S("kecamatan", msg("Kecamatan", "Sub-district"), "text", { required: true }),
  S("kabupaten", msg("Kabupaten/Kota", "Regency/city"), "text", {
    required: true,
    hint: msg("tulis lengkap, mis. Kabupaten Lembah Hijau", "in full, e.g. Kabupaten Lembah Hijau"),
  }),
  S("alamat", msg("Alamat Puskesmas", "Address")),
  S("kepala", msg("Nama Kepala Puskesmas (dengan gelar)", "Name of the head (with titles)")),
  S("kepalaNip", msg("NIP Kepala Puskesmas", "NIP of the head"), "nip"),
  S("tu", msg("Nama Kasubag TU (dengan gelar)", "Name of the head of administration")),
  S("tuNip", msg("NIP Kasubag TU", "NIP of the head of administration"), "nip"),
  S("zona", msg("Zona waktu", "Time zone"), "select", {
    required: true,
    options: ["WIB", "WITA", "WIT"].map((value) => ({ value, label: value })),
  }),
  S("taksonomi", msg("Pengelompokan program", "How programs are grouped"), "select", {
    required: true,
    options: [
      { value: "program", label: msg("Program (UKM esensial, UKM pengembangan, UKP)", "Programs (classic)") },
      { value: "klaster", label: msg("Klaster ILP", "ILP clusters") },
    ],
  }),
  S(
    "pembinaan",
    msg("Peraturan pembinaan Lokmin di kabupaten ini", "The kabupaten's Lokmin supervision regulation"),
    "select",
    {
      required: true,
      options: regulationChoices,
    },
  ),
  S(
    "pembinaanNama",
    msg("Nama lengkap peraturan kabupaten sendiri", "Full title of the kabupaten's own regulation"),
    "text",
    {
      hint: msg("hanya bila memilih peraturan kabupaten sendiri", "only for the kabupaten's own regulation"),
    },
  ),
  S("pembinaanNomor", msg("Nomor peraturan", "Number"), "text", { width: "s" }),
  S("pembinaanTahun", msg("Tahun peraturan", "Year"), "text", { width: "s" }),
  S("folder", msg("Simpan di folder", "Keep it in the folder"), "text", {
    required: true,
    width: "l",
    hint: V.whereHint,
  }),
] as const;

export function StartPage(props: StartView) {
  const ctx: FormContext = { pageId: "mulai", values: props.create, notes: props.createNotes, conflicts: [] };
  const OpenButton = (p: { path: string; label: string }) => (
    <form method="post" action="/mulai/buka" class="inline">
      <Token token={props.frame.token} />
      <input type="hidden" name="folder" value={p.path} />
      <button type="submit" aria-label={`${t(V.open)}: ${p.label}`}>
        {t(V.open)}
      </button>
    </form>
  );
  return (
    <Layout {...props.frame}>
      <h1>{t(V.startTitle)}</h1>
      <p class="lead">{t(V.startIntro)}</p>
      <div class="columns">
        <section aria-labelledby="h-recent" class="card">
          <h2 id="h-recent">{t(V.recent)}</h2>
          {props.recent.length ? (
            <ul class="places">
              {props.recent.map((r) => (
                <li>
                  <span>
                    <strong>{r.name}</strong>
                    <small>{r.path}</small>
                  </span>
                  <OpenButton path={r.path} label={r.name} />
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t(V.none)}</p>
          )}
          {props.found.length ? (
            <>
              <h2>{t(V.found)}</h2>
              <ul class="places">
                {props.found.map((p) => (
                  <li>
                    <span>
                      <small>{p}</small>
                    </span>
                    <OpenButton path={p} label={p} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h2>{t(V.openTyped)}</h2>
          <form method="post" action="/mulai/buka" novalidate>
            <Token token={props.frame.token} />
            <div class={`field${props.openError ? " has-error" : ""}`}>
              <label for="f-folder-buka">{t(V.folder)}</label>
              <input
                id="f-folder-buka"
                name="folder"
                type="text"
                class="w-l"
                value={props.typed ?? ""}
                aria-describedby="h-folder-buka n-folder-buka"
                autocomplete="off"
                spellcheck={false}
              />
              <p class="hint" id="h-folder-buka">
                {t(V.folderHint)}
              </p>
              <NoteLine
                id="n-folder-buka"
                note={
                  props.openError ? { error: { message: { id: props.openError, en: props.openError } } } : undefined
                }
              />
            </div>
            <button type="submit">{t(V.open)}</button>
          </form>
        </section>
        <section aria-labelledby="h-create" class="card">
          <h2 id="h-create">{t(V.create)}</h2>
          <p>{t(V.createIntro)}</p>
          <Flash text={props.createError} kind="error" />
          <form method="post" action="/mulai/buat" novalidate data-jaga>
            <Token token={props.frame.token} />
            {CREATE_FIELDS.map((spec) => (
              <Field spec={spec} name={spec.key} ctx={ctx} />
            ))}
            <button type="submit" class="primary">
              {t(V.createButton)}
            </button>
          </form>
        </section>
      </div>
    </Layout>
  );
}

export interface HomeView {
  frame: Frame;
  root: string;
  todo: { text: string; href: string; done: boolean }[];
}

export function HomePage(props: HomeView) {
  const ws = props.frame.workspace!;
  return (
    <Layout {...props.frame}>
      <h1>{ws.name}</h1>
      <p class="muted">{t(V.folderOf, { path: props.root })}</p>
      <p class="lead">{t(V.homeIntro)}</p>
      <section class="card" aria-labelledby="h-todo">
        <h2 id="h-todo">{t(T.navSetup)}</h2>
        <ul class="todo">
          {props.todo.map((item) => (
            <li class={item.done ? "done" : "open"}>
              <span class="mark" aria-hidden="true">
                {item.done ? "✓" : "!"}
              </span>
              <span class="sr">{item.done ? t(msg("Selesai:", "Done:")) : t(msg("Belum:", "To do:"))}</span>{" "}
              <a href={item.href}>{item.text}</a>
            </li>
          ))}
        </ul>
      </section>
      <section class="card" aria-labelledby="h-months">
        <h2 id="h-months">{t(T.navMonths)}</h2>
        {ws.months.length ? (
          <ul class="months">
            {[...ws.months].reverse().map((m) => (
              <li>
                <a href={`/bulan/${m}`}>{getLang() === "id" ? monthName(m) : m}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t(T.navNoMonths)}</p>
        )}
        <p>
          <a class="button primary" href="/bulan/baru">
            {t(msg("Siapkan bulan baru", "Prepare a new month"))}
          </a>
        </p>
      </section>
    </Layout>
  );
}

export function SetupIndex(props: { frame: Frame; counts: Record<string, string>; flash?: string }) {
  return (
    <Layout {...props.frame}>
      <h1>{t(T.navSetup)}</h1>
      <Flash text={props.flash} />
      <p class="lead">{t(V.setupIntro)}</p>
      <ul class="tiles">
        {SETUP_PAGES.map((page) => (
          <li>
            <a href={page.url}>
              <strong>{t(page.title)}</strong>
              {props.counts[page.id] ? <small>{props.counts[page.id]}</small> : null}
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export interface FormView {
  frame: Frame;
  page: FormPage;
  specs: Spec[];
  shown: Shown;
  flash?: string;
  error?: string;
  /** Extra content below the form (the logo on the identity page). */
  after?: Child;
  heading?: string;
  back?: { href: string; label: string };
  /** What the form holds instead of its specs' fields (the scoring matrix), and what follows them. */
  body?: Child;
  below?: Child;
}

export function FormPageView(props: FormView) {
  const { page, shown } = props;
  const ctx: FormContext = {
    pageId: page.id,
    values: shown.state.values,
    order: shown.state.order,
    notes: shown.notes,
    conflicts: shown.conflicts,
  };
  const hasErrors = Object.values(shown.notes).some((n) => n.error) || shown.general.length > 0;
  return (
    <Layout {...props.frame}>
      {props.back ? (
        <p class="crumb">
          <a href={props.back.href}>← {props.back.label}</a>
        </p>
      ) : null}
      <h1>{props.heading ?? t(page.title)}</h1>
      {page.intro ? <p class="lead">{t(page.intro)}</p> : null}
      <Flash text={props.flash} />
      {props.error ? (
        <div class="flash error" role="alert">
          <p>{props.error}</p>
        </div>
      ) : null}
      {shown.conflicts.length ? (
        <div class="flash conflict-banner" role="alert">
          <p>
            <strong>{t(T.conflictTitle, { file: page.file })}</strong>
          </p>
          <p>{t(T.conflictBody)}</p>
          <FieldSummary specs={props.specs} values={shown.state.values} keys={shown.conflicts.map((c) => c.key)} />
        </div>
      ) : hasErrors ? (
        <div class="flash error" role="alert">
          <p>
            <strong>{t(T.invalid)}</strong>
          </p>
          {shown.general.map((g) => (
            <p>{g}</p>
          ))}
          <FieldSummary
            specs={props.specs}
            values={shown.state.values}
            keys={Object.keys(shown.notes).filter((k) => shown.notes[k].error)}
          />
        </div>
      ) : null}
      <div
        id="versi"
        hx-get={`/versi?berkas=${encodeURIComponent(page.file)}&v=${shown.version}`}
        hx-trigger="every 3s"
        hx-swap="outerHTML"
      ></div>
      <form method="post" action={page.url} novalidate data-jaga class="page-form">
        <input type="hidden" name={TOKEN_FIELD} value={props.frame.token} />
        <input type="hidden" name={VERSION_FIELD} value={shown.version} />
        <input type="hidden" name={BASE_FIELD} value={encodeBase(shown.base)} />
        {props.body ?? <Specs specs={props.specs} prefix="" ctx={ctx} order={shown.state.order} />}
        {props.below}
        <div class="actions-bar">
          <button type="submit" class="primary">
            {t(T.save)}
          </button>
        </div>
      </form>
      {props.after}
    </Layout>
  );
}

/** The banner the poll shows once the file changed on disk; polling stops with it. */
export function ChangedBanner(props: { file: string }) {
  return (
    <div id="versi" class="flash changed" role="alert">
      <p>
        <strong>{t(T.changedOnDisk, { file: props.file })}</strong> {t(T.changedOnDiskHow)}
      </p>
      <p>
        <a class="button" href="" data-muat-ulang>
          {t(T.reload)}
        </a>
      </p>
    </div>
  );
}

export function LogoBlock(props: { token: string; logo?: string; note?: string }) {
  return (
    <section class="card logo" aria-labelledby="h-logo">
      <h2 id="h-logo">{t(V.logo)}</h2>
      {props.logo ? (
        <img src={`/berkas/logo?${encodeURIComponent(props.logo)}`} alt={t(V.logoAlt)} class="logo-preview" />
      ) : (
        <p class="muted logo-none">{t(V.logoNone)}</p>
      )}
      <form method="post" action="/pengaturan/identitas/logo" enctype="multipart/form-data" class="upload">
        <input type="hidden" name={TOKEN_FIELD} value={props.token} />
        <div class={`field${props.note ? " has-error" : ""}`}>
          <label for="f-logo">{t(V.logoFile)}</label>
          <input
            id="f-logo"
            name="logo"
            type="file"
            accept="image/png,image/jpeg"
            aria-describedby={`h-logo-file ${domId("n", "logo")}`}
          />
          <p class="hint" id="h-logo-file">
            {t(V.logoHint)}
          </p>
          <NoteLine
            id={domId("n", "logo")}
            note={props.note ? { error: { message: { id: props.note, en: props.note } } } : undefined}
          />
        </div>
        <button type="submit">{t(V.logoUpload)}</button>
      </form>
    </section>
  );
}
