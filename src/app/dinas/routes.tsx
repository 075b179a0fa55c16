// The Dinas mode (`lokmin buka FOLDER` on a folder of packages and workspaces): its routes,
// registered from server.tsx with one call. Every page answers only in the Dinas mode, and serves
// only what the folder holds: a package's own documents by their name in its manifest, a letter
// this app wrote into the folder's `umpan-balik`.
import path from "node:path";
import type { Context } from "hono";
import { behindIndicators, type PuskesmasOverview } from "../../domain/dinas-overview.js";
import { percent } from "../../domain/format-id.js";
import { plainDate } from "../../domain/format-date.js";
import { isMonthId } from "../../domain/month.js";
import { msg, t } from "../../i18n/index.js";
import { readRegularFile } from "../../io/fs-safe.js";
import { formOf, type PageKit } from "../kit.js";
import { type DinasState, loadOverview, monthData, monthDocuments } from "./data.js";
import { writeLetter } from "./letter.js";
import { notulenHtml } from "./notulen.js";
import { canMakePdf, documentPdf } from "./pdf.js";
import { Layout } from "../components/layout.js";
import { D, type LetterForm, MonthPage, OverviewPage } from "./views.js";

const PAGE_SIZE = 50;
const LETTERS = "umpan-balik";

const M = {
  badDate: msg("Tanggal surat tidak sah; pilih tanggalnya.", "The letter's date is not valid; pick a date."),
  badFolder: msg(
    "Tulis jalur lengkap folder tujuan, mis. C:\\Users\\Nama\\Documents\\Umpan balik",
    "Write the target folder's full path, e.g. C:\\Users\\Name\\Documents\\Feedback",
  ),
  lineBreak: msg("{field} harus satu baris.", "{field} must be a single line."),
  pdfFailed: msg(
    "PDF tidak dapat dibuat: {detail}. Unduh dokumen Word-nya.",
    "The PDF could not be made: {detail}. Download the Word document instead.",
  ),
};

/** The letter's choices offered for a month: the recommendations a supervisor would write, ticked by default. */
function letterDefaults(dinas: DinasState, p: PuskesmasOverview, month: string, today: string): LetterForm {
  const m = p.byMonth.get(month)!;
  const behind = behindIndicators(p.entry, month);
  const suggestions = [
    ...behind.map((b) => ({
      text:
        `Tingkatkan capaian ${b.indicator_nama} (${b.program_nama}): ${percent(b.capaian_persen)} dari target ` +
        `kumulatif ${percent(b.target_kumulatif)}` +
        (b.months_behind >= 2 ? `, tertinggal ${b.months_behind} bulan berturut-turut.` : "."),
      checked: b.months_behind >= 2,
    })),
    ...m.overdue.map((c) => ({
      text: `Tuntaskan kesepakatan "${c.uraian}" (penanggung jawab ${c.penanggung_jawab_nama}, tenggat ${plainDate(
        c.tenggat,
      )}) dan laporkan hasilnya pada Lokmin berikutnya.`,
      checked: true,
    })),
    ...(m.errors
      ? [
          {
            text: `Perbaiki ${m.errors} galat hasil pemeriksaan lokmin sebelum paket bulan berikutnya dikirim.`,
            checked: true,
          },
        ]
      : []),
    ...(!m.held
      ? [{ text: "Laksanakan Lokakarya Mini bulanan sesuai jadwal dan catat kehadirannya.", checked: true }]
      : []),
  ];
  return {
    nomor: "",
    tanggal: today,
    pembina: "",
    folder: path.join(dinas.folder, LETTERS),
    suggestions,
    other: "",
    behind: behind.map((b) => ({
      key: `${b.program}/${b.indicator}`,
      label: `${b.indicator_nama} (${b.program_nama}), ${b.months_behind} bulan`,
      checked: b.months_behind >= 2,
    })),
    replace: false,
  };
}

export function registerDinasPages(kit: PageKit): void {
  const { app, state, options } = kit;
  const ctx = () => ({ env: options.env, today: options.today() });
  const needDinas = (c: Context): DinasState | Response => state.dinas ?? c.redirect("/", 303);
  const frame = (c: Context, title: string) => ({ ...kit.frame(c, title), styles: ["lihat.css"] });

  app.get("/dinas", async (c) => {
    const dinas = needDinas(c);
    if (dinas instanceof Response) return dinas;
    const loaded = await loadOverview(dinas, ctx());
    const query = (c.req.query("cari") ?? "").trim();
    const wanted = query.toLocaleLowerCase("id");
    const matching = loaded.overview.puskesmas.filter(
      (p) =>
        !wanted ||
        p.entry.name.toLocaleLowerCase("id").includes(wanted) ||
        p.entry.kecamatan.toLocaleLowerCase("id").includes(wanted),
    );
    const sorted = [...matching].sort(
      (a, b) =>
        a.entry.kecamatan.localeCompare(b.entry.kecamatan, "id") || a.entry.name.localeCompare(b.entry.name, "id"),
    );
    const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
    const page = Math.min(pages, Math.max(1, Number(c.req.query("hal")) || 1));
    return kit.html(
      c,
      <OverviewPage
        frame={frame(c, t(D.title))}
        folder={dinas.folder}
        overview={loaded.overview}
        shown={sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
        query={query}
        page={page}
        pages={pages}
        seconds={loaded.ms / 1000}
        unverified={loaded.unverified}
        token={state.secrets.token}
      />,
    );
  });

  app.post("/dinas/baca-ulang", async (c) => {
    const dinas = needDinas(c);
    if (dinas instanceof Response) return dinas;
    await loadOverview(dinas, ctx(), true);
    return c.redirect("/dinas", 303);
  });

  /** The Puskesmas and month a URL names, and where the month was read from; a Response when there is none. */
  const at = async (c: Context) => {
    const dinas = needDinas(c);
    if (dinas instanceof Response) return dinas;
    const month = c.req.param("month") ?? "";
    const loaded = await loadOverview(dinas, ctx());
    const p = loaded.overview.puskesmas[Number(c.req.param("key"))];
    const summary = isMonthId(month) ? p?.byMonth.get(month) : undefined;
    const source = p && summary ? loaded.sources.get(p.entry)?.get(month) : undefined;
    if (!p || !summary || !source) return kit.html(c, <NotFoundPage c={c} />, 404);
    return { dinas, p, month, summary, source };
  };
  const NotFoundPage = (props: { c: Context }) => <NotFoundView frame={frame(props.c, t(D.notFound))} />;

  const monthPage = async (
    c: Context,
    found: Exclude<Awaited<ReturnType<typeof at>>, Response>,
    letter: LetterForm,
    result?: { file?: string; download?: string; error?: string },
  ) => {
    const { dinas, p, month, summary, source } = found;
    const data = await monthData(dinas, source, month, ctx());
    const docs = await monthDocuments(dinas, source, month);
    const notulenFile = `${month}-notulen.docx`;
    const bytes = docs.read(notulenFile);
    const html = bytes ? await notulenHtml(bytes) : undefined;
    const title = t(D.monthTitle, { name: p.entry.name, month });
    return kit.html(
      c,
      <MonthPage
        frame={frame(c, title)}
        p={p}
        month={summary}
        behind={behindIndicators(p.entry, month)}
        check={"error" in data ? undefined : data.check}
        checkError={"error" in data ? data.error : undefined}
        fromPackage={source.kind === "paket"}
        documents={docs.list}
        pdf={canMakePdf(options.env)}
        notulen={{ file: notulenFile, html, missing: !bytes }}
        letter={letter}
        result={result}
        token={state.secrets.token}
      />,
    );
  };

  app.get("/dinas/p/:key/:month", async (c) => {
    const found = await at(c);
    if (found instanceof Response) return found;
    return monthPage(c, found, letterDefaults(found.dinas, found.p, found.month, options.today()));
  });

  app.get("/dinas/p/:key/:month/dokumen/:name", async (c) => {
    const found = await at(c);
    if (found instanceof Response) return found;
    const name = c.req.param("name");
    const bytes = (await monthDocuments(found.dinas, found.source, found.month)).read(name);
    if (!bytes) return kit.notFound(c);
    c.header("Content-Type", contentType(name));
    c.header("Content-Disposition", disposition(name));
    return c.body(new Uint8Array(bytes));
  });

  app.get("/dinas/p/:key/:month/pdf/:name", async (c) => {
    const found = await at(c);
    if (found instanceof Response) return found;
    const name = c.req.param("name");
    const bytes = /\.docx$/i.test(name)
      ? (await monthDocuments(found.dinas, found.source, found.month)).read(name)
      : undefined;
    if (!bytes) return kit.notFound(c);
    const made = await documentPdf(found.dinas.pdfs, bytes, options.env);
    if ("error" in made) return c.text(t(M.pdfFailed, { detail: made.error }), 500);
    const pdfName = name.replace(/\.docx$/i, ".pdf");
    c.header("Content-Type", "application/pdf");
    c.header("Content-Disposition", disposition(pdfName, "inline"));
    return c.body(new Uint8Array(made.pdf));
  });

  app.post("/dinas/p/:key/:month/umpan-balik", async (c) => {
    const found = await at(c);
    if (found instanceof Response) return found;
    const form = await formOf(c);
    const one = (key: string) => (form.get(key)?.[0] ?? "").trim();
    const defaults = letterDefaults(found.dinas, found.p, found.month, options.today());
    const chosen = new Set(form.get("rekomendasi") ?? []);
    const behindKeys = new Set(form.get("tertinggal") ?? []);
    const letter: LetterForm = {
      nomor: one("nomor"),
      tanggal: one("tanggal"),
      pembina: one("pembina"),
      folder: one("folder"),
      other: form.get("lain")?.[0] ?? "",
      replace: one("timpa") === "ya",
      // Only the texts this page offered can be ticked: the letter says nothing the page did not show.
      suggestions: defaults.suggestions.map((s) => ({ text: s.text, checked: chosen.has(s.text) })),
      behind: defaults.behind.map((b) => ({ ...b, checked: behindKeys.has(b.key) })),
    };
    const fail = (error: string) => monthPage(c, found, letter, { error });
    for (const [key, label] of [
      ["nomor", D.nomor],
      ["pembina", D.pembina],
      ["folder", D.folder],
    ] as const)
      if (/[\r\n]/.test(form.get(key)?.[0] ?? "")) return fail(t(M.lineBreak, { field: t(label) }));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(letter.tanggal) || Number.isNaN(Date.parse(letter.tanggal)))
      return fail(t(M.badDate));
    if (!letter.folder || !path.isAbsolute(letter.folder)) return fail(t(M.badFolder));
    const behind = behindIndicators(found.p.entry, found.month).filter((b) =>
      behindKeys.has(`${b.program}/${b.indicator}`),
    );
    const written = await writeLetter(
      found.dinas,
      found.source,
      found.month,
      {
        nomor: letter.nomor,
        tanggal: letter.tanggal,
        pembina: letter.pembina,
        rekomendasi: [
          ...letter.suggestions.filter((s) => s.checked).map((s) => s.text),
          ...letter.other
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter(Boolean),
        ],
        tertinggal: behind.map((b) => ({
          indikator: b.indicator_nama,
          program: b.program_nama,
          bulan: b.months_behind,
        })),
        folder: letter.folder,
        replace: letter.replace,
      },
      ctx(),
    );
    if ("error" in written) return fail(written.error);
    const inside = path.dirname(written.file) === path.join(found.dinas.folder, LETTERS);
    return monthPage(
      c,
      found,
      { ...letter, replace: false },
      {
        file: written.file,
        download: inside ? `/dinas/${LETTERS}/${encodeURIComponent(path.basename(written.file))}` : undefined,
      },
    );
  });

  // A letter this app wrote into the folder's own `umpan-balik` folder, by its name only.
  app.get(`/dinas/${LETTERS}/:name`, (c) => {
    const dinas = needDinas(c);
    if (dinas instanceof Response) return dinas;
    const name = c.req.param("name");
    if (!/^umpan-balik-[\p{L}\p{N}-]+-\d{4}-\d{2}\.docx$/u.test(name)) return kit.notFound(c);
    const read = readRegularFile(path.join(dinas.folder, LETTERS, name), { maxBytes: 64 << 20, root: dinas.folder });
    if (!read.ok) return kit.notFound(c);
    c.header("Content-Type", contentType(name));
    c.header("Content-Disposition", disposition(name));
    return c.body(new Uint8Array(read.bytes));
  });
}

function NotFoundView(props: { frame: ReturnType<PageKit["frame"]> }) {
  return (
    <Layout {...props.frame}>
      <h1>{t(D.notFound)}</h1>
      <p>
        <a href="/dinas">{t(D.back)}</a>
      </p>
    </Layout>
  );
}

const TYPES: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};
const contentType = (name: string) => TYPES[name.split(".").pop()?.toLowerCase() ?? ""] ?? "application/octet-stream";

/** Content-Disposition with the name as plain ASCII and as UTF-8 (RFC 6266), quotes and controls removed. */
function disposition(name: string, kind: "attachment" | "inline" = "attachment"): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
