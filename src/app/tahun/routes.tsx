// The year at a glance (/tahun, /tahun/2024): registered from server.tsx with one call.
import type { PageKit } from "../kit.js";
import { loadYear, yearsOf } from "./data.js";
import { YearPage, yearTitle } from "./views.js";

export function registerYearPages(kit: PageKit): void {
  const { app } = kit;
  app.get("/tahun", (c) => {
    const ws = kit.needWorkspace(c);
    if (ws instanceof Response) return ws;
    const years = yearsOf(ws.root);
    const year = years.at(-1) ?? Number(kit.options.today().slice(0, 4));
    return c.redirect(`/tahun/${year}`, 303);
  });
  app.get("/tahun/:year{[0-9]{4}}", (c) => {
    const ws = kit.needWorkspace(c);
    if (ws instanceof Response) return ws;
    const year = Number(c.req.param("year"));
    const data = loadYear(ws.root, kit.options.env, year);
    const frame = { ...kit.frame(c, String(yearTitle(year))), styles: ["lihat.css"] };
    return kit.html(c, <YearPage frame={frame} year={year} {...data} />);
  });
}
