// Mode rapat (/bulan/2024-06/rapat/1 …): the month's Lokmin on the projector, a screen per URL so
// the browser's own back and forward work too. Registered from server.tsx with one call; read only.
import { t } from "../../i18n/index.js";
import type { PageKit } from "../kit.js";
import { monthsOf } from "../workspace.js";
import { loadMeeting } from "./data.js";
import { MeetingPage, MeetingProblems, R } from "./views.js";
import { Layout } from "../components/layout.js";

export function registerMeetingPages(kit: PageKit): void {
  const { app } = kit;
  app.get("/bulan/:month/rapat", (c) => c.redirect(`/bulan/${c.req.param("month")}/rapat/1`, 303));
  app.get("/bulan/:month/rapat/:n{[0-9]{1,3}}", (c) => {
    const ws = kit.needWorkspace(c);
    if (ws instanceof Response) return ws;
    const month = c.req.param("month");
    if (!monthsOf(ws.root).includes(month)) return kit.notFound(c);
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
    const index = Number(c.req.param("n"));
    if (index < 1 || index > data.view.slides.length) return kit.notFound(c);
    const puskesmas = data.view.config.puskesmas?.nama ?? ws.name;
    return kit.html(c, <MeetingPage view={data.view} index={index} puskesmas={puskesmas} />);
  });
}
