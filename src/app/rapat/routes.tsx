// Mode rapat (/bulan/2024-06/rapat/1 …): the month's Lokmin on the projector, a screen per URL so
// the browser's own back and forward work too. Registered from server.tsx with one call. The slides
// the forum fills carry a form (live.tsx) that posts to the slide itself through the one save path
// (save.ts); without JavaScript that is a plain form and a redirect, with it assets/rapat.js posts
// as the person types and shows the slide the server sends back. /bulan/<M>/rapat/versi is the
// month file's hash, which a second window polls to show what the first one saved.
import type { Context } from "hono";
import { meetingFile } from "../../domain/workspace-data.js";
import { t } from "../../i18n/index.js";
import { Layout } from "../components/layout.js";
import { fileVersion, readYaml } from "../files.js";
import { formOf, type PageKit } from "../kit.js";
import { savePage, type Shown, showFile } from "../save.js";
import { monthsOf, type OpenWorkspace } from "../workspace.js";
import { loadMeeting, type MeetingView } from "./data.js";
import { L, type LiveForm, SLIDE_FIELD, slideKey, slidePage } from "./live.js";
import { MeetingPage, MeetingProblems, R } from "./views.js";
import { FollowUpBlock } from "../month/ops-views.js";
import { T } from "../text.js";

export function registerMeetingPages(kit: PageKit): void {
  const { app } = kit;
  const opened = (c: Context): { ws: OpenWorkspace; month: string } | Response | Promise<Response> => {
    const ws = kit.needWorkspace(c);
    if (ws instanceof Response) return ws;
    const month = c.req.param("month") ?? "";
    if (!monthsOf(ws.root).includes(month)) return kit.notFound(c);
    return { ws, month };
  };

  /** The RTL slide offers the chosen solutions, the kesepakatan slide the RTL (ops/follow-up.ts). */
  const followUpOffer = async (ws: OpenWorkspace, month: string, index: number, kind: string) => {
    if (kind !== "rtl" && kind !== "kesepakatan") return undefined;
    const { followUpOffer: offerOf } = await import("../../ops/follow-up.js");
    const ctx = { cwd: ws.root, env: kit.options.env, today: kit.options.today(), root: ws.root };
    const offer = offerOf(ctx, month, kind);
    if (!offer.rows.length) return undefined;
    return (
      <FollowUpBlock
        month={month}
        token={kit.state.secrets.token}
        step={kind}
        {...offer}
        back={`/bulan/${month}/rapat/${index}`}
      />
    );
  };

  /** The slide with its form: the file as it is, or what a save sent back (a conflict, a mistake). */
  const show = async (
    c: Context,
    ws: OpenWorkspace,
    month: string,
    index: number,
    after?: { shown: Shown; message: string },
  ) => {
    const data = loadMeeting(ws.root, kit.options.env, month);
    if ("problems" in data)
      return kit.html(
        c,
        <Layout {...kit.frame(c, t(R.title))}>
          <h1>{t(R.title)}</h1>
          <p class="lead">{t(R.cannot)}</p>
          <MeetingProblems problems={data.problems} />
        </Layout>,
      );
    if (index < 1 || index > data.view.slides.length) return kit.notFound(c);
    const puskesmas = data.view.config.puskesmas?.nama ?? ws.name;
    return kit.html(
      c,
      <MeetingPage
        view={data.view}
        index={index}
        puskesmas={puskesmas}
        live={liveForm(ws, data.view, index, after)}
        followUp={await followUpOffer(ws, month, index, data.view.slides[index - 1]!.kind)}
        version={fileVersion(ws.root, meetingFile(month)) ?? ""}
        token={kit.state.secrets.token}
      />,
    );
  };

  const liveForm = (
    ws: OpenWorkspace,
    view: MeetingView,
    index: number,
    after?: { shown: Shown; message: string },
  ): LiveForm | undefined => {
    const slide = view.slides[index - 1]!;
    const page = slidePage(ws.root, view.month, slide);
    if (!page) return undefined;
    const read = readYaml(ws.root, page.file);
    if (!read.ok) return undefined;
    const shown = after?.shown ?? showFile(page, read.file);
    return {
      page,
      shown,
      specs: page.specs(read.file.data),
      action: `/bulan/${view.month}/rapat/${index}`,
      token: kit.state.secrets.token,
      month: view.month,
      config: view.config,
      message: after?.message,
    };
  };

  app.get("/bulan/:month/rapat", (c) => c.redirect(`/bulan/${c.req.param("month")}/rapat/1`, 303));
  app.get("/bulan/:month/rapat/versi", (c) => {
    const at = opened(c);
    if (!("ws" in at)) return at;
    c.header("Cache-Control", "no-store");
    return c.json({ versi: fileVersion(at.ws.root, meetingFile(at.month)) ?? "" });
  });
  app.get("/bulan/:month/rapat/:n{[0-9]{1,3}}", (c) => {
    const at = opened(c);
    if (!("ws" in at)) return at;
    return show(c, at.ws, at.month, Number(c.req.param("n")));
  });
  app.post("/bulan/:month/rapat/:n{[0-9]{1,3}}", async (c) => {
    const at = opened(c);
    if (!("ws" in at)) return at;
    const { ws, month } = at;
    const form = await formOf(c);
    const data = loadMeeting(ws.root, kit.options.env, month);
    if ("problems" in data) return show(c, ws, month, 1);
    // The slide the form was made for, wherever it is now (a score typed can move a problem's slide).
    const wanted = form.get(SLIDE_FIELD)?.[0] ?? "";
    const index = data.view.slides.findIndex((s) => slideKey(s) === wanted) + 1;
    const page = index > 0 ? slidePage(ws.root, month, data.view.slides[index - 1]!) : undefined;
    if (!page) return kit.notFound(c);
    const outcome = await savePage(ws.root, page, form, kit.options.env);
    if (outcome.kind === "saved") return c.redirect(`/bulan/${month}/rapat/${index}`, 303);
    if (outcome.kind === "broken")
      return show(c, ws, month, index, {
        shown: outcome.shown,
        message: `${t(T.fileBrokenKept, { file: page.file })} ${outcome.message}`,
      });
    return show(c, ws, month, index, {
      shown: outcome,
      message: t(outcome.kind === "conflict" ? L.conflict : L.invalid),
    });
  });
}
