// The app's routes (Hono): thin handlers that read the workspace, call the save path or an
// operation, and render a view. `createApp` is the whole app for in-process tests
// (`app.request(...)`); `startServer` puts it on 127.0.0.1.
import { mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { getRequestListener } from "@hono/node-server";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Child } from "hono/jsx";
import {
  childKey,
  fieldColumns,
  type FieldSpec,
  keyPattern,
  type ListSpec,
  PRESENT,
  rowKey,
  type Spec,
  specIndex,
  type TableSpec,
} from "../domain/fields/model.js";
import { parseInput } from "../domain/fields/values.js";
import { WORKSPACE_FILE } from "../domain/workspace-data.js";
import { UserError } from "../errors.js";
import { type Lang, msg, setLang, t } from "../i18n/index.js";
import { readAsset } from "../io/assets.js";
import { pathPresent, readRegularFile } from "../io/fs-safe.js";
import { sniffImage } from "../render/docx.js";
import { domId, NoteLine, Row, TableRowView } from "./components/form.js";
import type { Frame } from "./components/layout.js";
import { fileVersion, readYaml, saveUpload } from "./files.js";
import { type FormPage, previewData, savePage, type Shown, showFile } from "./save.js";
import { RankResults, RaterBlock, RaterBlocks, ratersOf } from "./month/scoring.js";
import { scoreMatrix } from "../domain/rank/matrix.js";
import { workspaceSchema } from "../domain/schema.js";
import { localPath, newSecrets, type Secrets, security, withoutPaths } from "./security.js";
import { identityPage, indicatorPage, programCatalogue, rulesPage, SETUP_PAGES, staffChoices } from "./setup/pages.js";
import { isFormPageName, monthLinks, monthPageById } from "./month/registry.js";
import { MonthPage, monthTitle } from "./month/views.js";
import { MAX_TEMPLATE_BYTES, MAX_UPLOAD_BYTES, monthOpsRoutes } from "./month/ops-routes.js";
import { CandidatesBlock, FollowUpBlock, PrepareActions } from "./month/ops-views.js";
import { type Form, formOf, type PageKit } from "./kit.js";
import { newDinasState, type DinasState } from "./dinas/data.js";
import { registerDinasPages } from "./dinas/routes.js";
import { registerMeetingPages } from "./rapat/routes.js";
import { registerYearPages } from "./tahun/routes.js";
import { T } from "./text.js";
import { configDir, documentsFolders, findWorkspaces, readRecent, rememberRecent } from "./user-config.js";
import {
  ChangedBanner,
  CREATE_FIELDS,
  FormPageView,
  HomePage,
  LogoBlock,
  NotFound,
  SetupIndex,
  StartPage,
} from "./views.js";
import { createWorkspace, describeWorkspace, monthsOf, type OpenWorkspace, workspaceName } from "./workspace.js";

export const MAX_FORM_BYTES = 2 * 1024 * 1024;
/** The CLI reads a logo of at most 5 MB (src/render/render.ts); the upload allows the same, plus the form around it. */
export const MAX_LOGO_BYTES = 5 * 1024 * 1024;

export interface AppOptions {
  port: number;
  secrets?: Secrets;
  env: NodeJS.ProcessEnv;
  /** Today as YYYY-MM-DD (the CLI's LOKMIN_TODAY rule). */
  today: () => string;
  lang: Lang;
  /** A workspace to open at once (`lokmin buka FOLDER`, or the folder it was started in). */
  folder?: string;
  /** A folder of Puskesmas packages and workspaces: the Dinas mode (`lokmin buka FOLDER`). */
  dinas?: string;
}

export interface AppState {
  workspace?: OpenWorkspace;
  lang: Lang;
  /** Numbers for rows added in the page ("~1", "~2" …): unique while the app runs. */
  nextRow: number;
  /** A message for the next view of a page (after a save's redirect). */
  flash: Map<string, string>;
  secrets: Secrets;
  config: string;
  /** The Dinas mode's folder and what was read from it. */
  dinas?: DinasState;
}

const M = {
  notWorkspace: msg(
    "{dir} bukan folder data Puskesmas (tidak ada lokmin.yaml di sana atau di atasnya); pilih foldernya, atau buat " +
      "folder data baru di sebelah kanan",
    "{dir} is not a Puskesmas data folder (no lokmin.yaml there or above); choose its folder, or create a new " +
      "data folder on the right",
  ),
  needFolder: msg("tulis jalur folder data Puskesmas", "write the data folder's path"),
  relative: msg(
    "tulis jalur lengkap, mis. C:\\Users\\Nama\\Documents\\Puskesmas Sukamaju",
    "write the full path, e.g. C:\\Users\\Name\\Documents\\Puskesmas Sukamaju",
  ),
  created: msg(
    "Folder data Puskesmas dibuat di {dir}. Lengkapi identitas, pegawai, program dan sasaran di halaman Pengaturan.",
    "The Puskesmas' data folder was created in {dir}. Complete the identity, staff, programs and targets under " +
      "Settings.",
  ),
  logoType: msg(
    "berkas ini bukan gambar PNG atau JPEG; simpan logonya sebagai PNG atau JPEG lalu unggah lagi",
    "this file is not a PNG or JPEG picture; save the logo as PNG or JPEG and upload it again",
  ),
  logoSize: msg(
    "logo terlalu besar (paling besar 5 MB); perkecil gambarnya",
    "the logo is too large (at most 5 MB); make it smaller",
  ),
  logoMissing: msg("pilih berkas gambar logonya dulu", "choose the logo's picture file first"),
  logoSaved: msg("Logo disimpan sebagai {file}.", "The logo was saved as {file}."),
  tooBig: msg("Isian terlalu besar untuk dikirim sekaligus.", "The form is too large to send at once."),
  noProgram: msg("Program '{id}' tidak ada di lokmin.yaml.", "Program '{id}' is not in lokmin.yaml."),
  indicators: msg("Indikator {program}", "Indicators of {program}"),
  staffCount: msg("{n} pegawai", "{n} staff"),
  programCount: msg("{n} program", "{n} programs"),
  villageCount: msg("{n} desa", "{n} villages"),
  todoIdentity: msg(
    "Identitas dan kop surat: alamat, telepon, logo",
    "Identity and letterhead: address, telephone, logo",
  ),
  todoStaff: msg("Pegawai dan NIP ({n} pegawai)", "Staff and NIPs ({n} staff)"),
  todoSasaran: msg(
    "Sasaran indikator: {n} indikator belum diisi sasarannya",
    "Indicator targets: {n} indicators without a target population",
  ),
  todoSasaranDone: msg("Sasaran indikator terisi", "Indicator target populations filled in"),
  todoVillages: msg("Desa wilayah kerja ({n} desa)", "Villages ({n})"),
  todoPrograms: msg("Program dan penanggung jawab ({n} program)", "Programs and coordinators ({n})"),
  lostSession: msg(
    "Folder data ini tidak dapat dibaca lagi: {detail}",
    "This data folder cannot be read any more: {detail}",
  ),
};

const ASSETS: Record<string, string> = {
  "app.css": "text/css; charset=utf-8",
  "app.js": "text/javascript; charset=utf-8",
  "lihat.css": "text/css; charset=utf-8",
  "rapat.css": "text/css; charset=utf-8",
  "rapat.js": "text/javascript; charset=utf-8",
  "htmx.min.js": "text/javascript; charset=utf-8",
  "ikon.svg": "image/svg+xml",
};

/** The files a page edits: lokmin.yaml and a month's meeting files (the poll reads nothing else). */
const EDITABLE_FILE =
  /^(lokmin\.yaml|\d{4}-\d{2}\/(rapat|tribulanan)\.yaml|\d{4}-\d{2}\/pralokmin\/[a-z0-9][a-z0-9_.-]*\.yaml)$/;

export function createApp(options: AppOptions): { app: Hono; state: AppState } {
  const secrets = options.secrets ?? newSecrets();
  const state: AppState = {
    lang: options.lang,
    nextRow: 1,
    flash: new Map(),
    secrets,
    config: configDir(options.env),
    dinas: options.dinas ? newDinasState(path.resolve(options.dinas)) : undefined,
  };
  if (options.folder) {
    state.workspace = describeWorkspace(options.folder);
    remember(state, options.today());
  }
  const app = new Hono();

  // Server-Timing: the time each response took in the app, and the CPU time it used (the
  // browser's developer tools and scripts/bench-app.mjs show it).
  app.use("*", async (c, next) => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    await next();
    const used = process.cpuUsage(cpu);
    const ms = (n: number) => n.toFixed(1);
    c.res.headers.set(
      "Server-Timing",
      `app;dur=${ms(performance.now() - started)}, cpu;dur=${ms((used.user + used.system) / 1000)}`,
    );
  });
  app.use("*", async (c, next) => {
    setLang(state.lang);
    const limit =
      c.req.path === "/pengaturan/identitas/logo"
        ? MAX_LOGO_BYTES + 64 * 1024
        : /^\/bulan\/\d{4}-\d{2}\/isian\/unggah$/.test(c.req.path)
          ? MAX_UPLOAD_BYTES
          : c.req.path === "/templat/unggah"
            ? MAX_TEMPLATE_BYTES + 64 * 1024
            : MAX_FORM_BYTES;
    return bodyLimit({ maxSize: limit, onError: (cx) => cx.text(t(M.tooBig), 413) })(c, next);
  });
  app.use("*", security(options.port, secrets));

  const frame = (c: Context, title: string): Frame => {
    const ws = state.workspace;
    const month = /^\/bulan\/(\d{4}-\d{2})(?:\/|$)/.exec(c.req.path)?.[1];
    const months = ws ? monthsOf(ws.root) : [];
    return {
      title,
      path: c.req.path,
      token: secrets.token,
      workspace: ws ? { name: ws.name, months } : undefined,
      month: ws && month && months.includes(month) ? { id: month, links: monthLinks(ws.root, month) } : undefined,
      dinas: state.dinas && !ws ? { name: state.dinas.name } : undefined,
    };
  };
  const html = (c: Context, node: Child, status: 200 | 404 | 500 = 200) => {
    setLang(state.lang);
    return c.html(`<!doctype html>${String(node)}`, status);
  };
  const needWorkspace = (c: Context): OpenWorkspace | Response => state.workspace ?? c.redirect("/mulai", 303);

  // Assets: the app's own files, embedded in the executable (src/io/assets.ts).
  app.get("/aset/:name", (c) => {
    const name = c.req.param("name");
    const type = ASSETS[name];
    if (!type) return c.notFound();
    c.header("Cache-Control", "private, max-age=3600");
    c.header("Content-Type", type);
    return c.body(new Uint8Array(readAsset(`app/${name}`)));
  });
  app.get("/favicon.ico", (c) => {
    c.header("Content-Type", "image/svg+xml");
    c.header("Cache-Control", "private, max-age=3600");
    return c.body(new Uint8Array(readAsset("app/ikon.svg")));
  });

  app.get("/", (c) => c.redirect(state.workspace ? "/beranda" : state.dinas ? "/dinas" : "/mulai", 303));

  app.post("/bahasa", async (c) => {
    const form = await formOf(c);
    state.lang = form.get("bahasa")?.[0] === "en" ? "en" : "id";
    // Only a path of this app (security.ts: localPath).
    return c.redirect(localPath(form.get("kembali")?.[0] ?? "/"), 303);
  });

  // Start: open or create a workspace.
  const startPage = (c: Context, extra: Partial<Parameters<typeof StartPage>[0]> = {}) => {
    const documents = documentsFolders(options.env);
    const recent = readRecent(state.config).filter((r) => pathPresent(path.join(r.path, WORKSPACE_FILE)));
    const known = new Set(recent.map((r) => path.resolve(r.path)));
    const found = findWorkspaces(documents).filter((p) => !known.has(path.resolve(p)));
    const base = documents[0] ?? options.env.HOME ?? options.env.USERPROFILE ?? "";
    return html(
      c,
      <StartPage
        frame={frame(c, t(msg("Mulai", "Start")))}
        recent={recent}
        found={found}
        create={{ zona: "WIB", taksonomi: "program", pembinaan: "nasional", folder: base ? `${base}${path.sep}` : "" }}
        createNotes={{}}
        {...extra}
      />,
    );
  };
  app.get("/mulai", (c) => startPage(c));

  app.post("/mulai/buka", async (c) => {
    const form = await formOf(c);
    const typed = (form.get("folder")?.[0] ?? "").trim();
    const error = (message: string) => startPage(c, { typed, openError: message });
    if (!typed) return error(t(M.needFolder));
    if (!path.isAbsolute(typed)) return error(t(M.relative));
    try {
      state.workspace = describeWorkspace(typed);
    } catch (e) {
      if (e instanceof UserError) return error(t(M.notWorkspace, { dir: typed }));
      throw e;
    }
    remember(state, options.today());
    return c.redirect("/beranda", 303);
  });

  app.post("/mulai/buat", async (c) => {
    const form = await formOf(c);
    const values: Record<string, string> = {};
    const notes: Shown["notes"] = {};
    for (const spec of CREATE_FIELDS) {
      const parsed = parseInput(spec, form.get(spec.key)?.[0]);
      if (parsed.value !== undefined) values[spec.key] = parsed.value;
      if (parsed.error || parsed.warning) notes[spec.key] = { error: parsed.error, warning: parsed.warning };
    }
    if (values.folder && !path.isAbsolute(values.folder)) notes.folder = { error: { message: M.relative } };
    const own = values.pembinaan === "sendiri";
    if (own && !values.pembinaanNama)
      notes.pembinaanNama = {
        error: { message: msg("wajib diisi untuk peraturan sendiri", "required for an own regulation") },
      };
    if (Object.values(notes).some((n) => n.error)) return startPage(c, { create: values, createNotes: notes });
    let root: string;
    try {
      mkdirSync(values.folder, { recursive: true });
      root = await createWorkspace(
        {
          folder: values.folder,
          nama: values.nama,
          kecamatan: values.kecamatan,
          kabupaten: values.kabupaten,
          alamat: values.alamat,
          kepala: values.kepala,
          kepalaNip: values.kepalaNip,
          tu: values.tu,
          tuNip: values.tuNip,
          zona: values.zona as "WIB",
          taksonomi: values.taksonomi === "klaster" ? "klaster" : "program",
          peraturan: (["musi-rawas-2018", "sendiri"].includes(values.pembinaan) ? values.pembinaan : "nasional") as
            "nasional" | "musi-rawas-2018" | "sendiri",
          ...(own ? { peraturanNama: values.pembinaanNama, peraturanSingkat: shortCitation(values) } : {}),
        },
        options.env,
        options.today(),
      );
    } catch (e) {
      if (e instanceof UserError || (e as NodeJS.ErrnoException).code)
        return startPage(c, { create: values, createNotes: notes, createError: (e as Error).message });
      throw e;
    }
    // init writes the regulation chosen; an own one's number and year are the setup page's fields.
    if (own && (values.pembinaanNomor || values.pembinaanTahun)) {
      const regulation: Form = new Map([
        ["pembinaan.profil", [values.pembinaan]],
        ["pembinaan.nama", [own ? values.pembinaanNama : ""]],
        ["pembinaan.singkat", [own ? shortCitation(values) : ""]],
        ["pembinaan.nomor", [own ? (values.pembinaanNomor ?? "") : ""]],
        ["pembinaan.tahun", [own ? (values.pembinaanTahun ?? "") : ""]],
      ]);
      const outcome = await savePage(root, pembinaanPage, regulation, options.env);
      if (outcome.kind !== "saved") throw new Error(`pembinaan not written: ${JSON.stringify(outcome)}`);
    }
    state.workspace = describeWorkspace(root);
    remember(state, options.today());
    state.flash.set("/pengaturan", t(M.created, { dir: root }));
    return c.redirect("/pengaturan", 303);
  });

  app.get("/beranda", (c) => {
    const ws = needWorkspace(c);
    if (ws instanceof Response) return ws;
    const read = readYaml(ws.root, WORKSPACE_FILE);
    const data = (read.ok ? read.file.data : {}) as Record<string, unknown>;
    const list = (v: unknown) => (Array.isArray(v) ? v : []) as Record<string, unknown>[];
    const programs = list(data.program);
    const indicators = programs.flatMap((p) => list(p.indikator));
    const noSasaran = indicators.filter((i) => !i.sasaran).length;
    const p = (data.puskesmas ?? {}) as Record<string, unknown>;
    const todo = [
      {
        text: t(M.todoIdentity),
        href: "/pengaturan/identitas",
        done: Boolean(p.telepon && p.logo && p.alamat !== "-"),
      },
      {
        text: t(M.todoStaff, { n: list(data.pegawai).length }),
        href: "/pengaturan/pegawai",
        done: list(data.pegawai).length > 2,
      },
      { text: t(M.todoPrograms, { n: programs.length }), href: "/pengaturan/program", done: programs.length > 0 },
      {
        text: noSasaran ? t(M.todoSasaran, { n: noSasaran }) : t(M.todoSasaranDone),
        href: "/pengaturan/program",
        done: noSasaran === 0 && indicators.length > 0,
      },
      {
        text: t(M.todoVillages, { n: list(data.desa).length }),
        href: "/pengaturan/desa",
        done: list(data.desa).length > 0,
      },
    ];
    return html(c, <HomePage frame={frame(c, ws.name)} root={ws.root} todo={todo} />);
  });

  app.get("/pengaturan", (c) => {
    const ws = needWorkspace(c);
    if (ws instanceof Response) return ws;
    const read = readYaml(ws.root, WORKSPACE_FILE);
    const data = (read.ok ? read.file.data : {}) as Record<string, unknown[]>;
    const n = (v: unknown) => (Array.isArray(v) ? v.length : 0);
    const counts = {
      pegawai: t(M.staffCount, { n: n(data.pegawai) }),
      program: t(M.programCount, { n: n(data.program) }),
      desa: t(M.villageCount, { n: n(data.desa) }),
    };
    return html(
      c,
      <SetupIndex frame={frame(c, t(T.navSetup))} counts={counts} flash={takeFlash(state, "/pengaturan")} />,
    );
  });

  // The form pages of lokmin.yaml.
  /** The Masalah page's candidates: indicators behind target not yet in the month's problems (`rank --candidates`). */
  const candidatesOf = async (root: string, month: string) => {
    const { scoreQuestions } = await import("../ops/rank.js");
    try {
      const { candidates } = await scoreQuestions(
        { cwd: root, env: options.env, today: options.today(), root },
        { month, candidates: true },
      );
      return (candidates ?? []).filter((c) => !c.listed);
    } catch {
      return []; // a month that cannot be read says so in Periksa; no candidates offered then
    }
  };

  /** The rows the RTL or kesepakatan page offers to carry on from the step before it. */
  const followUpOf = async (root: string, month: string, step: "rtl" | "kesepakatan") => {
    const { followUpOffer } = await import("../ops/follow-up.js");
    return followUpOffer({ cwd: root, env: options.env, today: options.today(), root }, month, step);
  };

  const formPage = async (
    c: Context,
    page: FormPage,
    shown?: Shown,
    extra: { flash?: string; error?: string } = {},
  ) => {
    const ws = state.workspace!;
    const read = readYaml(ws.root, page.file);
    const f = frame(c, t(page.title));
    // A file that cannot be read: its message; after a save, also what the person typed (nothing lost).
    if (!read.ok)
      return html(
        c,
        <FormPageView
          frame={f}
          page={page}
          specs={shown ? page.specs(undefined) : []}
          shown={shown ?? emptyShown()}
          error={
            shown
              ? `${t(T.fileBrokenKept, { file: page.file })} ${extra.error ?? read.message} ${t(T.fileBrokenKeptHow)}`
              : `${t(T.fileBroken, { file: page.file })} ${read.message} ${t(T.fileBrokenHow)}`
          }
        />,
      );
    const view = shown ?? showFile(page, read.file);
    const specs = page.specs(read.file.data);
    const program = page.id.startsWith("program-") ? programName(read.file.data, page.id.slice(8)) : undefined;
    const month = page.id.slice(0, 7);
    const candidates = page.id === `${month}/masalah` ? await candidatesOf(ws.root, month) : [];
    const step = page.id === `${month}/rtl` ? "rtl" : page.id === `${month}/kesepakatan` ? "kesepakatan" : undefined;
    const followUp = step ? await followUpOf(ws.root, month, step) : undefined;
    const after = candidates.length ? (
      <CandidatesBlock month={month} token={secrets.token} candidates={candidates} />
    ) : step && followUp && (followUp.rows.length || followUp.skipped.length) ? (
      <FollowUpBlock month={month} token={secrets.token} step={step} {...followUp} />
    ) : page.id === identityPage.id ? (
      <LogoBlock
        token={secrets.token}
        logo={logoOf(read.file.data)}
        note={extra.error && extra.error.startsWith("logo:") ? extra.error.slice(5) : undefined}
      />
    ) : undefined;
    const scoring = scoringParts(ws.root, page, read.file.data, view);
    return html(
      c,
      <FormPageView
        frame={f}
        page={page}
        specs={specs}
        shown={view}
        flash={extra.flash ?? takeFlash(state, page.url)}
        after={after}
        heading={program ? t(M.indicators, { program }) : undefined}
        back={program ? { href: "/pengaturan/program", label: t(msg("Program", "Programs")) } : undefined}
        body={scoring?.body}
        below={scoring?.below}
      />,
    );
  };

  // The scoring pages: the matrix (a block per rater for MCUA) and the totals and ranks recomputed
  // from the page's values as `lokmin rank` computes them.
  const scoringParts = (root: string, page: FormPage, data: unknown, view: Shown) => {
    const target = page.id.endsWith("/prioritas") ? "masalah" : page.id.endsWith("/solusi") ? "solusi" : undefined;
    if (!target) return undefined;
    const month = page.id.slice(0, 7);
    const config = readYaml(root, WORKSPACE_FILE);
    const parsed = workspaceSchema.safeParse(config.ok ? config.file.data : undefined);
    const matrix = parsed.success ? scoreMatrix(parsed.data, data) : undefined;
    const below = <RankResults matrix={matrix} target={target} refresh={`${page.url}/hitung`} />;
    const method = target === "masalah" ? matrix?.problems.method : undefined;
    if (!method?.raters) return { below };
    const ctx = { pageId: page.id, values: view.state.values, notes: view.notes, conflicts: view.conflicts };
    const problems = (view.state.order.masalah ?? []).map((id) => ({
      id,
      title: view.state.values[`${rowKey("masalah", id)}.judul`] ?? id,
    }));
    const body = (
      <RaterBlocks
        raters={ratersOf(
          view.state.values,
          problems.map((p) => p.id),
        )}
        choices={staffChoices(config.ok ? config.file.data : {})}
        problems={problems}
        method={method}
        ctx={ctx}
        addUrl={`/bulan/${month}/prioritas/penilai`}
      />
    );
    return { body, below };
  };

  for (const target of ["prioritas", "solusi"] as const) {
    app.post(`/bulan/:month/${target}/hitung`, async (c) => {
      const at = monthRoute(c);
      if (at instanceof Response) return at;
      const page = monthPageById(at.ws.root, `${at.month}/${target}`)!;
      const data = previewData(at.ws.root, page, await formOf(c));
      const config = readYaml(at.ws.root, WORKSPACE_FILE);
      const parsed = workspaceSchema.safeParse(config.ok ? config.file.data : undefined);
      const matrix = parsed.success && data ? scoreMatrix(parsed.data, data) : undefined;
      return c.html(
        String(
          <RankResults matrix={matrix} target={target === "prioritas" ? "masalah" : "solusi"} refresh={c.req.path} />,
        ),
      );
    });
  }
  // One more rater's block for MCUA (a member of staff), empty.
  app.get("/bulan/:month/prioritas/penilai", (c) => {
    const at = monthRoute(c);
    if (at instanceof Response) return at;
    const rater = c.req.query("_penilai_baru") ?? "";
    const config = readYaml(at.ws.root, WORKSPACE_FILE);
    const choices = staffChoices(config.ok ? config.file.data : {});
    const page = monthPageById(at.ws.root, `${at.month}/prioritas`)!;
    const read = readYaml(at.ws.root, page.file);
    const parsed = workspaceSchema.safeParse(config.ok ? config.file.data : undefined);
    const matrix = parsed.success && read.ok ? scoreMatrix(parsed.data, read.file.data) : undefined;
    if (!choices.some((ch) => ch.value === rater) || !matrix?.problems.method.raters) return c.notFound();
    const problems = matrix.problems.result.items.map((i) => ({ id: i.id, title: i.title }));
    const ctx = { pageId: page.id, values: {}, notes: {}, conflicts: [] };
    return c.html(
      String(
        <RaterBlock rater={rater} raters={choices} problems={problems} method={matrix.problems.method} ctx={ctx} />,
      ),
    );
  });

  const saveAndShow = async (c: Context, page: FormPage) => {
    const ws = state.workspace!;
    const form = await formOf(c);
    const outcome = await savePage(ws.root, page, form, options.env);
    if (outcome.kind === "saved") {
      state.flash.set(page.url, t(outcome.changed ? T.saved : T.nothingChanged, { file: page.file }));
      ws.name = workspaceName(ws.root);
      return c.redirect(page.url, 303);
    }
    if (outcome.kind === "broken") return formPage(c, page, outcome.shown, { error: outcome.message });
    return formPage(c, page, outcome);
  };

  for (const page of SETUP_PAGES) {
    app.get(page.url, (c) => {
      const ws = needWorkspace(c);
      return ws instanceof Response ? ws : formPage(c, page);
    });
    app.post(page.url, (c) => {
      const ws = needWorkspace(c);
      return ws instanceof Response ? ws : saveAndShow(c, page);
    });
  }

  const indicatorRoute = (c: Context) => {
    const ws = needWorkspace(c);
    if (ws instanceof Response) return ws;
    const id = c.req.param("id") ?? "";
    const read = readYaml(ws.root, WORKSPACE_FILE);
    if (read.ok && programName(read.file.data, id) === undefined)
      return html(c, <NotFound frame={frame(c, t(M.noProgram, { id }))} />, 404);
    return undefined;
  };
  app.get("/pengaturan/program/:id", (c) => indicatorRoute(c) ?? formPage(c, indicatorPage(c.req.param("id"))));
  app.post("/pengaturan/program/:id", (c) => indicatorRoute(c) ?? saveAndShow(c, indicatorPage(c.req.param("id"))));

  // The logo: a PNG or JPEG, at most 5 MB, saved in the workspace as logo.png/logo.jpg (the old one kept in
  // .lokmin/cadangan when it differs), and puskesmas.logo set through the save path.
  app.post("/pengaturan/identitas/logo", async (c) => {
    const ws = needWorkspace(c);
    if (ws instanceof Response) return ws;
    const body = await c.req.parseBody();
    const file = body.logo;
    const fail = (message: string) => formPage(c, identityPage, undefined, { error: `logo:${message}` });
    if (!(file instanceof File) || file.size === 0) return fail(t(M.logoMissing));
    if (file.size > MAX_LOGO_BYTES) return fail(t(M.logoSize));
    const bytes = new Uint8Array(await file.arrayBuffer());
    const kind = sniffImage(bytes);
    if (!kind) return fail(t(M.logoType));
    const name = `logo.${kind.type === "png" ? "png" : "jpg"}`;
    try {
      saveUpload(ws.root, name, bytes);
    } catch (error) {
      if (error instanceof UserError) return fail(error.message);
      throw error;
    }
    const read = readYaml(ws.root, WORKSPACE_FILE);
    if (read.ok && logoOf(read.file.data) !== name) {
      const form: Form = new Map([["puskesmas.logo", [name]]]);
      const outcome = await savePage(ws.root, logoPage, form, options.env);
      if (outcome.kind !== "saved") return fail(outcome.kind === "broken" ? outcome.message : t(T.invalid));
    }
    state.flash.set(identityPage.url, t(M.logoSaved, { file: name }));
    return c.redirect(identityPage.url, 303);
  });

  // The logo as the letterhead prints it: only the file lokmin.yaml names, only inside the workspace.
  app.get("/berkas/logo", (c) => {
    const ws = needWorkspace(c);
    if (ws instanceof Response) return ws;
    const read = readYaml(ws.root, WORKSPACE_FILE);
    const logo = read.ok ? logoOf(read.file.data) : undefined;
    if (!logo) return c.notFound();
    const image = readRegularFile(path.resolve(ws.root, logo), { maxBytes: MAX_LOGO_BYTES, root: ws.root });
    const kind = image.ok ? sniffImage(image.bytes) : null;
    if (!image.ok || !kind) return c.notFound();
    c.header("Content-Type", kind.type === "png" ? "image/png" : "image/jpeg");
    return c.body(new Uint8Array(image.bytes));
  });

  // A new row of a list, rendered by the same component as the rows shown.
  app.get("/baris", (c) => {
    const ws = needWorkspace(c);
    if (ws instanceof Response) return ws;
    const page = pageById(ws.root, c.req.query("halaman") ?? "");
    const listKey = c.req.query("daftar") ?? "";
    const read = page ? readYaml(ws.root, page.file) : undefined;
    if (!page || !read?.ok) return c.notFound();
    const spec = listSpecAt(page.specs(read.file.data), listKey);
    if (!spec || (spec.kind === "list" && (spec.fixedRows || spec.locked))) return c.notFound();
    const id = `~${state.nextRow++}`;
    const ctx = (values: Record<string, string>) => ({ pageId: page.id, values, notes: {}, conflicts: [] });
    if (spec.kind === "table") {
      const values = defaults(spec.columns, rowKey(listKey, id));
      const n = Number(c.req.query("n") ?? "") || undefined;
      return c.html(String(<TableRowView spec={spec} tableKey={listKey} id={id} ctx={ctx(values)} n={n ?? 0} />));
    }
    const values =
      spec.rows === "id"
        ? { [rowKey(listKey, id)]: PRESENT, ...defaults(fieldColumns(spec), rowKey(listKey, id)) }
        : {};
    return c.html(String(<Row spec={spec} listKey={listKey} id={id} ctx={ctx(values)} />));
  });

  // The check of one field as it is typed: the same parseInput the save uses.
  app.post("/periksa", async (c) => {
    const form = await formOf(c);
    const key = form.get("_isian")?.[0] ?? "";
    const pageId = form.get("_halaman")?.[0] ?? "";
    let spec: FieldSpec | undefined = pageId === "mulai" ? CREATE_FIELDS.find((f) => f.key === key) : undefined;
    const ws = state.workspace;
    if (!spec && ws) {
      const page = pageById(ws.root, pageId);
      const read = page ? readYaml(ws.root, page.file) : undefined;
      if (page && read?.ok) spec = specIndex(page.specs(read.file.data)).get(keyPattern(key));
    }
    // Nothing to say about a field this app does not know: the note stays as it is.
    if (!spec) return c.body(null, 204);
    const parsed = parseInput(spec, spec.input === "multi" ? form.get(key)?.join("\n") : form.get(key)?.[0]);
    return c.html(String(<NoteLine id={domId("n", key)} note={parsed.error || parsed.warning ? parsed : undefined} />));
  });

  // Whether a file changed since the page showed it: nothing (204, the poll goes on) or the banner.
  app.get("/versi", (c) => {
    const ws = state.workspace;
    const file = c.req.query("berkas") ?? "";
    const shown = c.req.query("v") ?? "";
    if (!ws || !EDITABLE_FILE.test(file)) return c.body(null, 204);
    const now = fileVersion(ws.root, file);
    if (now === undefined || now === shown) return c.body(null, 204);
    return c.html(String(<ChangedBanner file={file} />));
  });

  // The month: its overview, and its form pages (rapat.yaml, tribulanan.yaml, pralokmin/<klaster>.yaml).
  const monthRoute = (c: Context): { ws: OpenWorkspace; month: string } | Response => {
    const ws = needWorkspace(c);
    if (ws instanceof Response) return ws;
    const month = c.req.param("month") ?? "";
    if (!monthsOf(ws.root).includes(month)) return html(c, <NotFound frame={frame(c, t(T.notFound))} />, 404);
    return { ws, month };
  };
  const monthForm = (c: Context, id: string, save: boolean) => {
    const at = monthRoute(c);
    if (at instanceof Response) return at;
    const page = monthPageById(at.ws.root, id);
    if (!page) return html(c, <NotFound frame={frame(c, t(T.notFound))} />, 404);
    return save ? saveAndShow(c, page) : formPage(c, page);
  };

  // The month's operations: a new month, workbooks, Periksa, Dokumen, Kirim (src/app/month/ops-routes.tsx).
  monthOpsRoutes(app, {
    env: options.env,
    token: secrets.token,
    today: options.today,
    frame,
    html,
    needWorkspace,
    monthRoute,
    flash: state.flash,
    takeFlash: (url) => takeFlash(state, url),
    refresh: (ws) => {
      ws.months = monthsOf(ws.root);
    },
  });

  app.get("/bulan/:month", (c) => {
    const at = monthRoute(c);
    if (at instanceof Response) return at;
    const { ws, month } = at;
    const config = readYaml(ws.root, WORKSPACE_FILE);
    const klaster = config.ok && (config.file.data as { taksonomi?: unknown })?.taksonomi === "klaster";
    return html(
      c,
      <MonthPage
        frame={frame(c, monthTitle(month))}
        month={month}
        steps={monthLinks(ws.root, month)
          .slice(1)
          .map((link) => ({ link }))}
        flash={takeFlash(state, c.req.path)}
        actions={
          <PrepareActions
            month={month}
            token={secrets.token}
            quarterly={pathPresent(path.join(ws.root, month, "tribulanan.yaml"))}
            klaster={klaster}
          />
        }
      />,
    );
  });
  app.get("/bulan/:month/pralokmin/:klaster", (c) =>
    monthForm(c, `${c.req.param("month")}/pralokmin/${c.req.param("klaster")}`, false),
  );
  app.post("/bulan/:month/pralokmin/:klaster", (c) =>
    monthForm(c, `${c.req.param("month")}/pralokmin/${c.req.param("klaster")}`, true),
  );
  app.get("/bulan/:month/:page", (c, next) =>
    isFormPageName(c.req.param("page"))
      ? monthForm(c, `${c.req.param("month")}/${c.req.param("page")}`, false)
      : next(),
  );
  app.post("/bulan/:month/:page", (c, next) =>
    isFormPageName(c.req.param("page")) ? monthForm(c, `${c.req.param("month")}/${c.req.param("page")}`, true) : next(),
  );

  // Pages registered from their own modules.
  const kit: PageKit = {
    app,
    state,
    options,
    frame,
    html,
    needWorkspace,
    notFound: (c) => html(c, <NotFound frame={frame(c, t(T.notFound))} />, 404),
  };
  registerYearPages(kit);
  registerDinasPages(kit);
  registerMeetingPages(kit);

  app.notFound((c) => html(c, <NotFound frame={frame(c, t(T.notFound))} />, 404));
  app.onError((error, c) => {
    if (options.env.LOKMIN_DEBUG) process.stderr.write(`${error.stack ?? error}\n`);
    // An internal error's first line, without the folders around the workspace (security.ts: withoutPaths).
    const detail =
      error instanceof UserError ? error.message : withoutPaths(error.message.split("\n")[0], state.workspace?.root);
    const text = t(T.serverError, { detail }).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
    return c.html(
      `<!doctype html><html lang="${state.lang}"><head><meta charset="utf-8"><title>lokmin</title>` +
        `<link rel="stylesheet" href="/aset/app.css"></head><body><main><h1>lokmin</h1><p>${text}</p>` +
        `<p><a href="/">${t(T.backHome)}</a></p></main></body></html>`,
      500,
    );
  });

  return { app, state };
}

/** Only the `pembinaan` group: how `buka` writes the regulation chosen when creating a workspace. */
const pembinaanPage: FormPage = {
  ...rulesPage,
  id: "pembinaan",
  specs: (data) => rulesPage.specs(data).filter((s) => s.key === "pembinaan"),
};
/** Only `puskesmas.logo`. */
const logoPage: FormPage = {
  ...identityPage,
  id: "logo",
  specs: () => [
    {
      kind: "group",
      key: "puskesmas",
      children: [{ kind: "field", key: "logo", label: msg("Logo", "Logo"), input: "text" }],
    },
  ],
};

function shortCitation(values: Record<string, string>): string {
  const place = values.kabupaten.replace(/^(Kabupaten|Kab\.?)\s+/i, "").replace(/^Kota\s+/i, "Kota ");
  const kind = /^Kota\s/i.test(values.kabupaten) ? "Perwali" : "Perbup";
  const number = [values.pembinaanNomor, values.pembinaanTahun].filter(Boolean).join("/");
  return number ? `${kind} ${place} ${number}` : `${kind} ${place}`;
}

function remember(state: AppState, today: string) {
  if (state.workspace)
    rememberRecent(state.config, { path: state.workspace.root, name: state.workspace.name, opened: today });
}

function takeFlash(state: AppState, url: string): string | undefined {
  const text = state.flash.get(url);
  state.flash.delete(url);
  return text;
}

const emptyShown = (): Shown => ({
  state: { values: {}, order: {} },
  base: {},
  version: "",
  notes: {},
  conflicts: [],
  general: [],
});

function pageById(root: string, id: string): FormPage | undefined {
  if (id.startsWith("program-")) return indicatorPage(id.slice(8));
  return SETUP_PAGES.find((p) => p.id === id) ?? monthPageById(root, id);
}

/**
 * The list or table a key names: "pegawai", "lintas_sektor.peserta", "program[kia].indikator",
 * "masalah[m1].akar_masalah" (a list inside a row of a list: the row's key in the page, a row
 * just added "masalah[~3]" too).
 */
function listSpecAt(specs: readonly Spec[], listKey: string): ListSpec | TableSpec | undefined {
  const pattern = keyPattern(listKey);
  let found: ListSpec | TableSpec | undefined;
  const walk = (list: readonly Spec[], prefix: string) => {
    for (const spec of list) {
      const key = childKey(prefix, spec.key);
      if ((spec.kind === "list" || spec.kind === "table") && key === pattern) found = spec;
      else if (spec.kind === "group") walk(spec.children, key);
      else if (spec.kind === "row") walk(spec.children, `${key}[*]`);
      else if (spec.kind === "list" && spec.rows === "id") walk(spec.columns, `${key}[*]`);
    }
  };
  walk(specs, "");
  return found;
}

/** A new row's starting values: its checkboxes' defaults. */
function defaults(columns: readonly FieldSpec[], key: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const column of columns) if (column.default !== undefined) out[childKey(key, column.key)] = column.default;
  return out;
}

function programName(data: unknown, id: string): string | undefined {
  const list = (data as { program?: unknown })?.program;
  const found = Array.isArray(list) ? list.find((p) => p?.id === id) : undefined;
  return found ? String(found.nama ?? id) : undefined;
}

function logoOf(data: unknown): string | undefined {
  const logo = (data as { puskesmas?: { logo?: unknown } })?.puskesmas?.logo;
  return typeof logo === "string" && logo ? logo : undefined;
}

export { programCatalogue };

export interface Running {
  url: string;
  port: number;
  server: Server;
  state: AppState;
  close: () => Promise<void>;
}

/**
 * Any program on the computer can connect to 127.0.0.1: one that opens connections and sends a
 * request a byte at a time (slowloris) is cut off. The headers must arrive within 15 s, a whole
 * request (a 5 MB logo, a workbook) within 2 minutes, an idle connection closes after 5 s; the
 * check runs every 2 s. The browser's own requests on the loopback take milliseconds.
 */
export const SERVER_LIMITS = {
  headersTimeout: 15_000,
  requestTimeout: 120_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 2_000,
  maxHeaderSize: 16 * 1024,
} as const;

/**
 * Listen on 127.0.0.1 (never another interface) on `port`, or a free port when 0. A port that is
 * taken rejects with the listen error (EADDRINUSE), for the command to say so in words.
 */
export async function startServer(options: Omit<AppOptions, "port"> & { port: number }): Promise<Running> {
  let handler: (req: Parameters<Parameters<typeof createServer>[1] & object>[0], res: never) => void = () => undefined;
  const server = createServer(SERVER_LIMITS, (req, res) => handler(req, res as never));
  server.headersTimeout = SERVER_LIMITS.headersTimeout;
  server.requestTimeout = SERVER_LIMITS.requestTimeout;
  server.keepAliveTimeout = SERVER_LIMITS.keepAliveTimeout;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const secrets = options.secrets ?? newSecrets();
  const { app, state } = createApp({ ...options, port, secrets });
  handler = getRequestListener(app.fetch) as never;
  const url = `http://127.0.0.1:${port}/?kunci=${secrets.secret}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    });
  return { url, port, server, state, close };
}
