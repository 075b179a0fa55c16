// The frame of every page: a header with the workspace's name and the language switch, the
// navigation an office worker reads at a glance (Beranda, Pengaturan, the months; later Periksa,
// Dokumen, Kirim), and the page itself. Scripts are files of the app (no inline script: the
// Content-Security-Policy forbids it), htmx configured not to inject styles or evaluate code.
import type { Child } from "hono/jsx";
import { monthName } from "../../domain/format-date.js";
import { getLang, t } from "../../i18n/index.js";
import { TOKEN_FIELD, TOKEN_HEADER } from "../security.js";
import { SETUP_PAGES } from "../setup/pages.js";
import type { MonthLink } from "../month/registry.js";
import { T } from "../text.js";

export interface Frame {
  title: string;
  /** The current path, to mark the current link. */
  path: string;
  token: string;
  /** The open workspace: its name and months; none on the start page. */
  workspace?: { name: string; months: string[] };
  /** The month the page belongs to, with its own pages in the SOP's order. */
  month?: { id: string; links: MonthLink[] };
  /** The app's own extra stylesheets and scripts a page needs (names under /aset/). */
  styles?: string[];
  scripts?: string[];
  /** The Dinas mode: a folder of packages instead of a workspace (its own navigation). */
  dinas?: { name: string };
}

const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  historyEnabled: false,
  selfRequestsOnly: true,
});

function NavLink(props: { href: string; current: string; children: Child; exact?: boolean }) {
  const here = props.exact
    ? props.current === props.href
    : props.current === props.href || props.current.startsWith(`${props.href}/`);
  return (
    <a href={props.href} aria-current={here ? "page" : undefined}>
      {props.children}
    </a>
  );
}

/** A month's own pages, the meeting's grouped under its heading. */
function MonthNav(props: { links: MonthLink[]; current: string }) {
  const items: Child[] = [];
  let group: string | undefined;
  let grouped: Child[] = [];
  const flush = () => {
    if (group !== undefined)
      items.push(
        <li>
          <span class="nav-head">{group}</span>
          <ul>{grouped}</ul>
        </li>,
      );
    group = undefined;
    grouped = [];
  };
  for (const link of props.links.slice(1)) {
    const item = (
      <li>
        <NavLink href={link.href} current={props.current}>
          {t(link.label)}
        </NavLink>
      </li>
    );
    const heading = link.group ? t(link.group) : undefined;
    if (heading !== group) flush();
    if (heading) {
      group = heading;
      grouped.push(item);
    } else items.push(item);
  }
  flush();
  return <ul class="month-nav">{items}</ul>;
}

function DinasNav(props: { path: string }) {
  return (
    <nav class="side" aria-label="lokmin">
      <ul>
        <li>
          <NavLink href="/dinas" current={props.path} exact>
            {t(T.navDinas)}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}

export function Layout(props: Frame & { children: Child }) {
  const lang = getLang();
  const ws = props.workspace;
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} — lokmin`}</title>
        <link rel="icon" href="/aset/ikon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/aset/app.css" />
        {(props.styles ?? []).map((name) => (
          <link rel="stylesheet" href={`/aset/${name}`} />
        ))}
        <meta name="htmx-config" content={HTMX_CONFIG} />
        <script src="/aset/htmx.min.js" defer></script>
        <script src="/aset/app.js" defer></script>
        {(props.scripts ?? []).map((name) => (
          <script src={`/aset/${name}`} defer></script>
        ))}
      </head>
      <body hx-headers={JSON.stringify({ [TOKEN_HEADER]: props.token })} data-pesan-tinggalkan={t(T.leaveWarning)}>
        <a class="skip" href="#isi">
          {t(T.skip)}
        </a>
        <header class="top">
          <a class="brand" href="/">
            <img src="/aset/ikon.svg" alt="" width="28" height="28" />
            <span>
              <strong>lokmin</strong>
              <small>{t(T.tagline)}</small>
            </span>
          </a>
          {ws ? <span class="ws-name">{ws.name}</span> : null}
          {props.dinas ? <span class="ws-name">{props.dinas.name}</span> : null}
          <form method="post" action="/bahasa" class="lang">
            <input type="hidden" name={TOKEN_FIELD} value={props.token} />
            <input type="hidden" name="kembali" value={props.path} />
            <input type="hidden" name="bahasa" value={lang === "id" ? "en" : "id"} />
            <button type="submit" lang={lang === "id" ? "en" : "id"}>
              {t(T.switchLang)}
            </button>
          </form>
        </header>
        <div class="frame">
          {props.dinas ? <DinasNav path={props.path} /> : null}
          {ws ? (
            <nav class="side" aria-label="lokmin">
              <ul>
                <li>
                  <NavLink href="/beranda" current={props.path} exact>
                    {t(T.navHome)}
                  </NavLink>
                </li>
                <li>
                  <NavLink href="/tahun" current={props.path}>
                    {t(T.navYear)}
                  </NavLink>
                </li>
                <li>
                  <NavLink href="/pengaturan" current={props.path} exact>
                    {t(T.navSetup)}
                  </NavLink>
                  <ul>
                    {SETUP_PAGES.map((page) => (
                      <li>
                        <NavLink href={page.url} current={props.path}>
                          {t(page.nav ?? page.title)}
                        </NavLink>
                      </li>
                    ))}
                  </ul>
                </li>
                <li>
                  <span class="nav-head">{t(T.navMonths)}</span>
                  <ul>
                    {ws.months.length ? (
                      [...ws.months].reverse().map((month) => (
                        <li>
                          <NavLink href={`/bulan/${month}`} current={props.path} exact>
                            {lang === "id" ? monthName(month) : month}
                          </NavLink>
                          {props.month?.id === month ? (
                            <MonthNav links={props.month.links} current={props.path} />
                          ) : null}
                        </li>
                      ))
                    ) : (
                      <li class="muted">{t(T.navNoMonths)}</li>
                    )}
                    <li>
                      <NavLink href="/bulan/baru" current={props.path}>
                        + {t(T.navNewMonth)}
                      </NavLink>
                    </li>
                  </ul>
                </li>
                <li>
                  <NavLink href="/mulai" current={props.path}>
                    {t(T.navStart)}
                  </NavLink>
                </li>
              </ul>
            </nav>
          ) : null}
          <main id="isi" tabindex={-1}>
            {props.children}
          </main>
        </div>
      </body>
    </html>
  );
}
