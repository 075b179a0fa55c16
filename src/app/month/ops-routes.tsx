// The routes of the month that run operations (src/ops): each handler builds an OpContext for the
// open workspace, calls one operation and shows its result; no command's logic is here. Uploads are
// held in memory until the person imports them (never written anywhere but the YAML files the
// import changes); downloads serve only the files lokmin wrote where it writes them.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Context, Hono } from "hono";
import type { Child } from "hono/jsx";
import { WORKSPACE_FILE } from "../../domain/workspace-data.js";
import { isMonthId, shiftMonth } from "../../domain/month.js";
import { parseInput } from "../../domain/fields/values.js";
import { UserError } from "../../errors.js";
import { msg, t } from "../../i18n/index.js";
import { readRegularFile } from "../../io/fs-safe.js";
import type { OpContext } from "../../ops/context.js";
import { findingsJson } from "../../ops/findings.js";
import type { ImportFile } from "../../ops/import.js";
import { type DocumentName, draftFindings } from "../../render/documents.js";
import { writeZip } from "../../render/zip.js";
import type { Frame } from "../components/layout.js";
import { attachment, readYaml, saveUpload } from "../files.js";
import { openWithDefault } from "../launch.js";
import type { OpenWorkspace } from "../workspace.js";
import { importLabels } from "./import-labels.js";
import { linker } from "./links.js";
import {
  type CheckView,
  ChecksPage,
  type DocumentRow,
  DocumentsPage,
  ImportPreviewView,
  importSummary,
  NewMonthPage,
  OPS_TEXT as O,
  SendPage,
  WorkbooksPage,
} from "./ops-views.js";
import { type MonthLink, monthLinks } from "./registry.js";
import { monthTitle, type Step, StepsList } from "./views.js";

export interface AppKit {
  env: NodeJS.ProcessEnv;
  token: string;
  today: () => string;
  frame: (c: Context, title: string) => Frame;
  html: (c: Context, node: Child, status?: 200 | 404 | 500) => Response | Promise<Response>;
  needWorkspace: (c: Context) => OpenWorkspace | Response;
  monthRoute: (c: Context) => { ws: OpenWorkspace; month: string } | Response;
  flash: Map<string, string>;
  takeFlash: (url: string) => string | undefined;
  refresh: (ws: OpenWorkspace) => void;
}

/** Uploads waiting for the person to import them: a few batches, in memory, gone on restart. */
interface Upload {
  month: string;
  files: { name: string; bytes: Uint8Array }[];
}
const MAX_UPLOADS = 4;
export const MAX_UPLOAD_FILES = 40;
/** The CLI reads a workbook of at most 10 MB (src/io/xlsx.ts); a batch holds at most this much in all. */
export const MAX_UPLOAD_BYTES = 60 * 1024 * 1024;
export const MAX_TEMPLATE_BYTES = 20 * 1024 * 1024;

const DOCUMENT_FILE = /^\d{4}-\d{2}-[a-z0-9-]+\.(docx|pdf)$/;
const WORKBOOK_FILE = /^[^/\\]+\.xlsx$/;

/** A file's name as a person gave it, as a label only: no folders, no control characters, not too long. */
export const cleanName = (name: string) =>
  (name.split(/[\\/]/).pop() ?? "")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .slice(-120) || "berkas";

/** An operation's error in its own words, with the places it names. */
function errorText(root: string, error: unknown): string {
  if (!(error instanceof UserError)) throw error;
  const places = findingsJson(error.root ?? root, error.findings, error.sources).map(
    (f) => `${f.file}:${f.line}:${f.column}: ${f.message}`,
  );
  return [error.message, ...places].join("\n");
}

const listFiles = (dir: string, pattern: RegExp) => {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && pattern.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
};

export function monthOpsRoutes(app: Hono, kit: AppKit) {
  const uploads = new Map<string, Upload>();
  let uploadSeq = 0;
  const ctxOf = (ws: OpenWorkspace): OpContext => ({ cwd: ws.root, env: kit.env, today: kit.today(), root: ws.root });
  const config = (ws: OpenWorkspace) => {
    const read = readYaml(ws.root, WORKSPACE_FILE);
    return (read.ok ? read.file.data : {}) as Record<string, unknown>;
  };
  const isKlaster = (ws: OpenWorkspace) => config(ws).taksonomi === "klaster";

  // --- a new month, and completing one -----------------------------------------------------------------
  const newMonthPage = (c: Context, ws: OpenWorkspace, values: Record<string, string>, notes = {}, error?: string) =>
    kit.html(
      c,
      <NewMonthPage
        frame={kit.frame(c, t(O.newTitle))}
        ctx={{ pageId: "bulan-baru", values, notes, conflicts: [] }}
        klaster={isKlaster(ws)}
        existing={ws.months}
        error={error}
      />,
    );
  app.get("/bulan/baru", (c) => {
    const ws = kit.needWorkspace(c);
    if (ws instanceof Response) return ws;
    const latest = ws.months.at(-1);
    const month = latest ? shiftMonth(latest, 1) : kit.today().slice(0, 7);
    // Ticked for a quarter's last month only where lokmin.yaml has the cross-sector roster the
    // quarterly meeting invites; without one it would be a meeting of errors nobody asked for.
    const roster = (config(ws).lintas_sektor as { peserta?: unknown[] } | undefined)?.peserta ?? [];
    const quarterly = ["03", "06", "09", "12"].includes(month.slice(5)) && roster.length > 0 ? "true" : "false";
    return newMonthPage(c, ws, {
      bulan: month,
      mulai: "08.00",
      tribulanan: quarterly,
      pralokmin: String(isKlaster(ws)),
    });
  });
  app.post("/bulan/baru", async (c) => {
    const ws = kit.needWorkspace(c);
    if (ws instanceof Response) return ws;
    const body = await c.req.parseBody();
    const text = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : "");
    const month = text("bulan").trim();
    const start = parseInput(
      { kind: "field", key: "mulai", label: O.newTitle, input: "time", required: true },
      text("mulai"),
    );
    const values = {
      bulan: month,
      mulai: start.value ?? text("mulai"),
      tribulanan: String(Boolean(text("tribulanan"))),
      pralokmin: String(Boolean(text("pralokmin"))),
    };
    const notes: Record<string, { error?: { message: { id: string; en: string } } }> = {};
    if (!isMonthId(month))
      notes.bulan = { error: { message: msg("pilih bulannya, mis. Mei 2024", "choose the month, e.g. May 2024") } };
    if (start.error) notes.mulai = { error: start.error };
    if (Object.keys(notes).length) return newMonthPage(c, ws, values, notes);
    const ctx = ctxOf(ws);
    try {
      const { newMonth } = await import("../../ops/month.js");
      const made = await newMonth(ctx, { month, start: start.value });
      let files = made.files.length;
      if (values.tribulanan === "true" || values.pralokmin === "true") {
        const extra = await newMonth(ctx, {
          month,
          quarterly: values.tribulanan === "true",
          pralokmin: values.pralokmin === "true" && isKlaster(ws),
        });
        files += extra.files.length;
      }
      const carried = "carried" in made && made.carried.length ? t(O.carried, { n: made.carried.length }) : "";
      kit.refresh(ws);
      kit.flash.set(`/bulan/${month}`, t(O.prepared, { month: monthTitle(month), files, carried }));
      return c.redirect(`/bulan/${month}`, 303);
    } catch (error) {
      return newMonthPage(c, ws, values, {}, errorText(ws.root, error));
    }
  });

  const prepare = (action: string, options: (month: string) => Record<string, unknown>) =>
    app.post(`/bulan/:month/${action}`, async (c) => {
      const at = kit.monthRoute(c);
      if (at instanceof Response) return at;
      const { newMonth } = await import("../../ops/month.js");
      const url = `/bulan/${at.month}`;
      try {
        const done = await newMonth(ctxOf(at.ws), { month: at.month, ...options(at.month) });
        kit.flash.set(
          url,
          "indicators_added" in done
            ? t(O.completed, { files: done.files.length, indicators: done.indicators_added })
            : t(O.prepared, { month: monthTitle(at.month), files: done.files.length, carried: "" }),
        );
      } catch (error) {
        kit.flash.set(url, errorText(at.ws.root, error));
      }
      return c.redirect(url, 303);
    });
  prepare("lengkapi", () => ({ complete: true }));
  prepare("tribulanan-baru", () => ({ quarterly: true }));
  prepare("pralokmin-baru", () => ({ pralokmin: true }));

  // --- each step's state from check ---------------------------------------------------------------------
  /** The month's check: its findings (with the YAML path each names, for its link), tilik, SOP and archive. */
  const runCheck = async (ws: OpenWorkspace, month: string): Promise<CheckView & { error?: string }> => {
    const { runCheck: check, checkJson } = await import("../../ops/check.js");
    try {
      const { report, workspace } = check(ctxOf(ws), { months: [month] });
      const result = checkJson(report, workspace);
      const order = { error: 0, warning: 1, info: 2 };
      const findings = report.findings
        .filter((f) => f.file === WORKSPACE_FILE || f.file.startsWith(`${month}/`))
        .map((f) => ({ ...findingsJson(workspace.root, [f], workspace.sources)[0], path: f.path ?? [] }))
        .sort((a, b) => order[a.severity] - order[b.severity] || a.file.localeCompare(b.file) || a.line - b.line);
      return { findings, tilik: result.tilik, sop: result.sop, arsip: result.arsip };
    } catch (error) {
      return { findings: [], tilik: null, sop: null, arsip: null, error: errorText(ws.root, error) };
    }
  };
  app.get("/bulan/:month/status", async (c) => {
    const at = kit.monthRoute(c);
    if (at instanceof Response) return at;
    const checked = await runCheck(at.ws, at.month);
    const link = linker(at.ws.root);
    const byPage = new Map<string, { errors: number; warnings: number; infos: number; todo: number }>();
    const data = new Map<string, unknown>();
    const dataOf = (file: string) => {
      if (!data.has(file)) {
        const read = readYaml(at.ws.root, file);
        data.set(file, read.ok ? read.file.data : undefined);
      }
      return data.get(file);
    };
    // A step not done yet is not a mistake: what the SOP, the archive or the Daftar Tilik still
    // miss, and anything a finding points at that is still empty.
    const notYetDone = (f: { rule: string; file: string; path?: readonly (string | number)[] }) =>
      NOT_YET_DONE.test(f.rule) || (f.path !== undefined && f.path.length > 0 && isUnfilled(dataOf(f.file), f.path));
    for (const f of checked.findings) {
      if (f.file === WORKSPACE_FILE) continue;
      const href = link(f.file, pathOf(f))?.href.split("#")[0] ?? `/bulan/${at.month}`;
      const n = byPage.get(href) ?? { errors: 0, warnings: 0, infos: 0, todo: 0 };
      if (notYetDone(f)) n.todo++;
      else if (f.severity === "error") n.errors++;
      else if (f.severity === "warning") n.warnings++;
      else n.infos++;
      byPage.set(href, n);
    }
    const state = (link: MonthLink): Step["state"] => {
      if (link.href.endsWith("/periksa")) {
        const all = checked.findings.length;
        const todo = checked.findings.filter((f) => f.file !== WORKSPACE_FILE && notYetDone(f)).length;
        const wrong = (f: (typeof checked.findings)[number]) => f.file === WORKSPACE_FILE || !notYetDone(f);
        const errors = checked.findings.filter((f) => f.severity === "error" && wrong(f)).length;
        return errors
          ? { kind: "error", count: errors }
          : todo
            ? { kind: "todo", count: todo }
            : all
              ? { kind: "warning", count: all }
              : { kind: "ok", count: 0 };
      }
      if (/\/(dokumen|kirim|isian)$/.test(link.href) && !byPage.has(link.href)) return undefined;
      const n = byPage.get(link.href);
      if (!n) return { kind: "ok", count: 0 };
      // A wrong value outranks what is still to be filled in: it is what needs a person first.
      if (n.errors) return { kind: "error", count: n.errors };
      if (n.todo) return { kind: "todo", count: n.todo };
      if (n.warnings) return { kind: "warning", count: n.warnings };
      return { kind: "info", count: n.infos };
    };
    const steps = monthLinks(at.ws.root, at.month)
      .slice(1)
      .map((link) => ({ link, state: state(link) }));
    return c.html(String(<StepsList steps={steps} month={at.month} />));
  });

  // --- the workbooks ---------------------------------------------------------------------------------------
  const isianDir = (ws: OpenWorkspace, month: string) => path.join(ws.root, month, "isian");
  const workbooksPage = (
    c: Context,
    at: { ws: OpenWorkspace; month: string },
    extra: { error?: string; preview?: Child } = {},
  ) =>
    kit.html(
      c,
      <WorkbooksPage
        frame={kit.frame(c, t(O.wbTitle))}
        month={at.month}
        files={listFiles(isianDir(at.ws, at.month), WORKBOOK_FILE)}
        flash={kit.takeFlash(c.req.path)}
        {...extra}
      />,
    );
  app.get("/bulan/:month/isian", (c) => {
    const at = kit.monthRoute(c);
    return at instanceof Response ? at : workbooksPage(c, at);
  });
  app.post("/bulan/:month/isian/buat", async (c) => {
    const at = kit.monthRoute(c);
    if (at instanceof Response) return at;
    const { form } = await import("../../ops/form.js");
    try {
      const result = await form(ctxOf(at.ws), { month: at.month });
      const summary = result.files
        .map((f) => `${path.basename(f.file)} (${t(O.wbStatus[f.status])}${f.error ? `: ${f.error}` : ""})`)
        .join(", ");
      kit.flash.set(`/bulan/${at.month}/isian`, t(O.made, { summary }));
      return c.redirect(`/bulan/${at.month}/isian`, 303);
    } catch (error) {
      return workbooksPage(c, at, { error: errorText(at.ws.root, error) });
    }
  });
  app.get("/bulan/:month/isian/unduh/:file", (c) => {
    const at = kit.monthRoute(c);
    if (at instanceof Response) return at;
    const name = c.req.param("file");
    if (!WORKBOOK_FILE.test(name) || !listFiles(isianDir(at.ws, at.month), WORKBOOK_FILE).includes(name))
      return c.notFound();
    return sendFile(c, at.ws.root, path.join(isianDir(at.ws, at.month), name), name);
  });
  app.get("/bulan/:month/isian/semua.zip", (c) => {
    const at = kit.monthRoute(c);
    if (at instanceof Response) return at;
    const entries = new Map<string, Uint8Array>();
    for (const name of listFiles(isianDir(at.ws, at.month), WORKBOOK_FILE)) {
      const read = readRegularFile(path.join(isianDir(at.ws, at.month), name), {
        maxBytes: 10 * 1024 * 1024,
        root: at.ws.root,
      });
      if (read.ok) entries.set(name, read.bytes);
    }
    if (entries.size === 0) return c.notFound();
    return download(c, new Uint8Array(writeZip(entries)), `isian-${at.month}.zip`, "application/zip");
  });

  const preview = async (at: { ws: OpenWorkspace; month: string }, id: string, include?: readonly string[]) => {
    const upload = uploads.get(id)!;
    const chosen = upload.files.filter((f) => !include || include.includes(f.name));
    const { importForms } = await import("../../ops/import.js");
    const result = await importForms(ctxOf(at.ws), {
      month: at.month,
      files: chosen,
      preview: true,
      setAside: true,
    });
    return (
      <ImportPreviewView
        month={at.month}
        token={kit.token}
        upload={id}
        files={upload.files.map((f) => f.name)}
        included={chosen.map((f) => f.name)}
        preview={result}
        labels={importLabels(config(at.ws), (file) => {
          const read = readYaml(at.ws.root, file);
          return read.ok ? (read.file.data as Record<string, unknown>) : undefined;
        })}
      />
    );
  };
  app.post("/bulan/:month/isian/unggah", async (c) => {
    const at = kit.monthRoute(c);
    if (at instanceof Response) return at;
    const body = await c.req.parseBody({ all: true });
    const given = (Array.isArray(body.berkas) ? body.berkas : [body.berkas]).filter(
      (f): f is File => f instanceof File && f.size > 0,
    );
    if (given.length === 0)
      return workbooksPage(c, at, { error: t(msg("pilih berkasnya dulu", "choose the files first")) });
    if (given.length > MAX_UPLOAD_FILES)
      return workbooksPage(c, at, {
        error: t(msg("paling banyak {n} berkas sekaligus", "at most {n} files at once"), { n: MAX_UPLOAD_FILES }),
      });
    const files: Upload["files"] = [];
    const taken = new Set<string>();
    for (const file of given) {
      let name = cleanName(file.name);
      for (let n = 2; taken.has(name); n++) name = `${cleanName(file.name)} (${n})`;
      taken.add(name);
      files.push({ name, bytes: new Uint8Array(await file.arrayBuffer()) });
    }
    const id = `u${++uploadSeq}`;
    uploads.set(id, { month: at.month, files });
    for (const key of [...uploads.keys()].slice(0, -MAX_UPLOADS)) uploads.delete(key);
    try {
      return workbooksPage(c, at, { preview: await preview(at, id) });
    } catch (error) {
      return workbooksPage(c, at, { error: errorText(at.ws.root, error) });
    }
  });
  app.post("/bulan/:month/isian/impor", async (c) => {
    const at = kit.monthRoute(c);
    if (at instanceof Response) return at;
    const body = await c.req.parseBody({ all: true });
    const id = typeof body.unggahan === "string" ? body.unggahan : "";
    const upload = uploads.get(id);
    if (!upload || upload.month !== at.month) return workbooksPage(c, at, { error: t(O.expired) });
    const include = (Array.isArray(body.ikut) ? body.ikut : [body.ikut]).filter(
      (v): v is string => typeof v === "string",
    );
    try {
      if (body.aksi !== "impor") return workbooksPage(c, at, { preview: await preview(at, id, include) });
      const { importForms } = await import("../../ops/import.js");
      const files: ImportFile[] = upload.files.filter((f) => include.includes(f.name));
      const result = await importForms(ctxOf(at.ws), { month: at.month, files, setAside: true });
      if (!result.ok) return workbooksPage(c, at, { preview: await preview(at, id, include) });
      uploads.delete(id);
      const aside = result.setAside?.length
        ? ` ${t(O.pvAside)}: ${result.setAside.map((a) => `${a.file} (${a.note})`).join("; ")}.`
        : "";
      kit.flash.set(`/bulan/${at.month}/isian`, importSummary(result) + aside);
      return c.redirect(`/bulan/${at.month}/isian`, 303);
    } catch (error) {
      return workbooksPage(c, at, { error: errorText(at.ws.root, error) });
    }
  });

  // --- Masalah: the candidates (indicators behind target) added as problems, as `lokmin rank --add-candidates`.
  app.post("/bulan/:month/masalah/calon", async (c) => {
    const at = kit.monthRoute(c);
    if (at instanceof Response) return at;
    const url = `/bulan/${at.month}/masalah`;
    const { runRank } = await import("../../ops/rank.js");
    try {
      const run = await runRank(ctxOf(at.ws), { month: at.month, addCandidates: true });
      kit.flash.set(url, run.added ? t(O.cdAdded, { n: run.added }) : t(O.nothingImported));
    } catch (error) {
      kit.flash.set(url, errorText(at.ws.root, error));
    }
    return c.redirect(url, 303);
  });

  // --- RTL from the chosen solutions, kesepakatan from the RTL (nothing typed twice) ----------------------
  for (const [step, url] of [
    ["rtl", "rtl/dari-solusi"],
    ["kesepakatan", "kesepakatan/dari-rtl"],
  ] as const) {
    app.post(`/bulan/:month/${url}`, async (c) => {
      const at = kit.monthRoute(c);
      if (at instanceof Response) return at;
      const body = await c.req.parseBody();
      // Back to the slide of mode rapat it was asked from (only one of this month's), else the step's page.
      const back = typeof body.kembali === "string" ? body.kembali : "";
      const slide = new RegExp(`^/bulan/${at.month}/rapat/[0-9]{1,3}$`).test(back) ? back : undefined;
      const page = `/bulan/${at.month}/${step}`;
      const { followUp } = await import("../../ops/follow-up.js");
      try {
        const run = await followUp(ctxOf(at.ws), { month: at.month, step });
        const added = step === "rtl" ? O.fuRtlAdded : O.fuKAdded;
        kit.refresh(at.ws);
        // A slide shows the rows themselves; a message kept for the page would greet someone else later.
        if (!slide) kit.flash.set(page, run.added.length ? t(added, { n: run.added.length }) : t(O.fuNone));
      } catch (error) {
        kit.flash.set(page, errorText(at.ws.root, error));
      }
      return c.redirect(slide ?? page, 303);
    });
  }

  // --- Periksa -----------------------------------------------------------------------------------------------
  app.get("/bulan/:month/periksa", async (c) => {
    const at = kit.monthRoute(c);
    if (at instanceof Response) return at;
    const checked = await runCheck(at.ws, at.month);
    const link = linker(at.ws.root);
    return kit.html(
      c,
      <ChecksPage
        frame={kit.frame(c, t(O.ckTitle))}
        month={at.month}
        check={checked}
        link={(f) => link(f.file, pathOf(f))}
        error={checked.error}
      />,
    );
  });

  // --- Dokumen -----------------------------------------------------------------------------------------------
  const documentsPage = async (
    c: Context,
    at: { ws: OpenWorkspace; month: string },
    extra: {
      outcomes?: Map<string, { outcome: string; error?: string }>;
      error?: string;
      warnings?: string[];
      skipped?: string[];
    } = {},
  ) => {
    const { templateList } = await import("../../ops/template.js");
    const { findSoffice } = await import("../../ops/pdf.js");
    let list: Awaited<ReturnType<typeof templateList>>["documents"] = [];
    let error = extra.error;
    try {
      list = (await templateList(ctxOf(at.ws))).documents;
    } catch (e) {
      error = errorText(at.ws.root, e);
    }
    const folder = path.join(at.ws.root, at.month, "dokumen");
    const present = listFiles(folder, DOCUMENT_FILE);
    const rows: DocumentRow[] = list.map((d) => {
      const files = present.filter((f) => f === `${at.month}-${d.name}.docx` || f === `${at.month}-${d.name}.pdf`);
      const docx = files.find((f) => f.endsWith(".docx"));
      return {
        name: d.name,
        title: d.title,
        template: d.template,
        files,
        ...(docx ? { rendered: modified(path.join(folder, docx)) } : {}),
        ...extra.outcomes?.get(d.name),
      };
    });
    // A document carries DRAF while check finds an error about what it prints (as render decides it).
    const checked = await runCheck(at.ws, at.month);
    const errors = checked.findings.filter((f) => f.severity === "error" && f.file.startsWith(`${at.month}/`));
    const draft = checked.error ? undefined : errors.length;
    const draftDocuments = list
      .filter((d) => draftFindings(d.name as DocumentName, errors).length > 0)
      .map((d) => d.title);
    const titleOf = new Map(list.map((d) => [d.name as string, d.title]));
    return kit.html(
      c,
      <DocumentsPage
        frame={kit.frame(c, t(O.dcTitle))}
        month={at.month}
        rows={rows}
        soffice={Boolean(findSoffice(kit.env))}
        flash={kit.takeFlash(c.req.path)}
        error={error}
        warnings={extra.warnings}
        skipped={extra.skipped?.map((name) => titleOf.get(name) ?? name)}
        draft={draft}
        draftDocuments={draftDocuments}
      />,
    );
  };
  app.get("/bulan/:month/dokumen", (c) => {
    const at = kit.monthRoute(c);
    return at instanceof Response ? at : documentsPage(c, at);
  });
  app.post("/bulan/:month/dokumen/cetak", async (c) => {
    const at = kit.monthRoute(c);
    if (at instanceof Response) return at;
    const body = await c.req.parseBody();
    const { render } = await import("../../ops/render.js");
    try {
      const result = await render(ctxOf(at.ws), { month: at.month, pdf: body.pdf === "on" });
      const outcomes = new Map(result.documents.map((d) => [d.name as string, { outcome: d.outcome, error: d.error }]));
      // The page's own DRAF box says which documents are DRAF and why; render's line for the terminal is not repeated.
      const warnings = [
        ...result.warnings.filter((w) => !/^DRAFT?: /.test(w)),
        ...(result.pdf && !result.pdf.ok && result.pdf.message ? [result.pdf.message] : []),
      ];
      return documentsPage(c, at, { outcomes, warnings, skipped: result.skipped });
    } catch (error) {
      return documentsPage(c, at, { error: errorText(at.ws.root, error) });
    }
  });
  app.get("/bulan/:month/dokumen/unduh/:file", (c) => {
    const at = kit.monthRoute(c);
    if (at instanceof Response) return at;
    const name = c.req.param("file");
    if (!DOCUMENT_FILE.test(name) || !name.startsWith(`${at.month}-`)) return c.notFound();
    return sendFile(c, at.ws.root, path.join(at.ws.root, at.month, "dokumen", name), name);
  });
  // "Open in Word": the server (on this computer) opens the file with the default program, which works
  // offline with whatever program opens .docx here; an ms-word: link needs Word, its protocol handler
  // and a URL Word accepts, and is refused or sandboxed by browsers for local files.
  app.post("/bulan/:month/dokumen/buka", async (c) => {
    const at = kit.monthRoute(c);
    if (at instanceof Response) return at;
    const body = await c.req.parseBody();
    const name = typeof body.berkas === "string" ? body.berkas : "";
    const url = `/bulan/${at.month}/dokumen`;
    if (!DOCUMENT_FILE.test(name) || !name.startsWith(`${at.month}-`)) return c.notFound();
    const file = path.join(at.ws.root, at.month, "dokumen", name);
    const exists = readRegularFile(file, { maxBytes: 64 * 1024 * 1024, root: at.ws.root });
    if (!exists.ok) return c.notFound();
    const opened = await openWithDefault(file, kit.env);
    kit.flash.set(url, t(opened ? O.dcOpened : O.dcNotOpened, { file: name }));
    return c.redirect(url, 303);
  });

  // The Word templates: a starting template of a document (written into templates/ as `lokmin template`
  // does, then downloaded), and one uploaded back (a .docx, kept in templates/NAME.docx; the one it
  // replaces goes to .lokmin/cadangan).
  /** Where a template's form came from (the month's Dokumen page), to go back to with a message. */
  const backTo = async (c: Context) => {
    const body = await c.req.parseBody();
    const back = body.kembali;
    return typeof back === "string" && /^\/bulan\/\d{4}-\d{2}\/dokumen$/.test(back) ? back : "/";
  };
  app.post("/templat/:name/awal.docx", async (c) => {
    const ws = kit.needWorkspace(c);
    if (ws instanceof Response) return ws;
    const { templateList, writeTemplate } = await import("../../ops/template.js");
    const name = c.req.param("name");
    try {
      const { documents } = await templateList(ctxOf(ws));
      if (!documents.some((d) => d.name === name)) return c.notFound();
      const written = await writeTemplate(ctxOf(ws), { document: name });
      return sendFile(c, ws.root, written.file, `${name}.docx`);
    } catch (error) {
      // Back to the page it came from, saying why (a templates folder that cannot be written, …).
      const back = await backTo(c);
      kit.flash.set(back, errorText(ws.root, error));
      return c.redirect(back, 303);
    }
  });
  app.post("/templat/unggah", async (c) => {
    const ws = kit.needWorkspace(c);
    if (ws instanceof Response) return ws;
    const body = await c.req.parseBody();
    const back = await backTo(c);
    const { templateList } = await import("../../ops/template.js");
    let documents: Awaited<ReturnType<typeof templateList>>["documents"];
    try {
      documents = (await templateList(ctxOf(ws))).documents;
    } catch (error) {
      kit.flash.set(back, errorText(ws.root, error));
      return c.redirect(back, 303);
    }
    const doc = documents.find((d) => d.name === body.dokumen);
    const file = body.berkas;
    const fail = (message: string) => {
      kit.flash.set(back, message);
      return c.redirect(back, 303);
    };
    if (!doc) return c.notFound();
    if (!(file instanceof File) || file.size === 0) return fail(t(O.dcChoose));
    if (file.size > MAX_TEMPLATE_BYTES) return fail(t(O.dcTooBig));
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { isWordDocument } = await import("../../render/word-template.js");

    if (!isWordDocument(bytes)) return fail(t(O.dcBadTemplate));
    // Under the workspace lock, as every write of lokmin; saveUpload keeps the template it replaces in
    // .lokmin/cadangan and never writes through a link where the template goes.
    const { whileLocked } = await import("../../ops/context.js");
    try {
      await whileLocked(ctxOf(ws), "template", (root) => saveUpload(root, `templates/${doc.name}.docx`, bytes));
    } catch (error) {
      if (error instanceof UserError) return fail(error.message);
      throw error;
    }
    return fail(t(O.dcUploaded, { file: `templates/${doc.name}.docx` }));
  });

  // --- Kirim ---------------------------------------------------------------------------------------------------
  const sendPage = (
    c: Context,
    at: { ws: OpenWorkspace; month: string },
    extra: { error?: string; warnings?: string[]; contents?: string[]; flash?: string; draftErrors?: number } = {},
  ) => {
    const file = listFiles(path.join(at.ws.root, at.month), /^lokmin-.*\.zip$/).find((f) =>
      f.endsWith(`-${at.month}.zip`),
    );
    return kit.html(
      c,
      <SendPage
        frame={kit.frame(c, t(O.ksTitle))}
        month={at.month}
        file={file}
        flash={kit.takeFlash(c.req.path)}
        {...extra}
      />,
    );
  };
  app.get("/bulan/:month/kirim", (c) => {
    const at = kit.monthRoute(c);
    return at instanceof Response ? at : sendPage(c, at);
  });
  app.post("/bulan/:month/kirim/buat", async (c) => {
    const at = kit.monthRoute(c);
    if (at instanceof Response) return at;
    const body = await c.req.parseBody();
    // A package whose documents are DRAF is built only when the person says so, after being told.
    if (body.draf !== "ya") {
      const checked = await runCheck(at.ws, at.month);
      const errors = checked.findings.filter((f) => f.severity === "error").length;
      if (errors) return sendPage(c, at, { draftErrors: errors });
    }
    const { paket } = await import("../../ops/paket.js");
    try {
      // The package is the month as it is now: building it again replaces the one before.
      const result = await paket(ctxOf(at.ws), { month: at.month, force: true });
      const name = path.basename(result.file);
      const contents = result.manifest.berkas.map((b) => b.path);
      const flash = t(result.unchanged ? O.ksUnchanged : O.ksBuilt, { file: name, n: contents.length });
      return sendPage(c, at, { warnings: result.warnings, contents, flash });
    } catch (error) {
      return sendPage(c, at, { error: errorText(at.ws.root, error) });
    }
  });
  app.get("/bulan/:month/kirim/unduh", (c) => {
    const at = kit.monthRoute(c);
    if (at instanceof Response) return at;
    const file = listFiles(path.join(at.ws.root, at.month), /^lokmin-.*\.zip$/).find((f) =>
      f.endsWith(`-${at.month}.zip`),
    );
    if (!file) return c.notFound();
    return sendFile(c, at.ws.root, path.join(at.ws.root, at.month, file), file);
  });
}

/** When a file was last written, as YYYY-MM-DD HH.MM local time; undefined when it cannot be read. */
function modified(file: string): string | undefined {
  try {
    const d = statSync(file).mtime;
    const two = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}.${two(d.getMinutes())}`;
  } catch {
    return undefined;
  }
}

const pathOf = (finding: { path?: readonly (string | number)[] }) => finding.path ?? [];

/** Rules that report something not done yet (a step, a document, a figure, an evaluation), never a wrong value. */
const NOT_YET_DONE = /^(sop|arsip|tilik)\/|\/belum-(diisi|dievaluasi)$|^laporan\/dinkes$/;

/** True when the file holds the value at `path` and it is empty (missing, null, "", [] or {}) — or the file does. */
export function isUnfilled(data: unknown, path: readonly (string | number)[]): boolean {
  if (data === undefined) return false; // a file that cannot be read is a mistake to fix, not a blank to fill
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== "object") return value === null;
    value = (value as Record<string | number, unknown>)[key];
    if (value === undefined) return true;
  }
  if (value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && Object.keys(value).length === 0;
}

function download(c: Context, bytes: Uint8Array, name: string, type: string) {
  c.header("Content-Type", type);
  c.header("Cache-Control", "no-store");
  c.header("Content-Disposition", attachment(name));
  return c.body(new Uint8Array(bytes));
}

const TYPES: Record<string, string> = {
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".pdf": "application/pdf",
  ".zip": "application/zip",
};

/** A file lokmin wrote, inside the workspace only (no link out, no FIFO), as a download. */
function sendFile(c: Context, root: string, file: string, name: string) {
  const read = readRegularFile(file, { maxBytes: 200 * 1024 * 1024, root });
  if (!read.ok) return c.notFound();
  return download(c, new Uint8Array(read.bytes), name, TYPES[path.extname(name)] ?? "application/octet-stream");
}
