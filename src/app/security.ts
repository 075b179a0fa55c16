// The app's guard, in front of every route. lokmin listens on 127.0.0.1 only, but a port on the
// loopback is reachable by every program and every web page the browser opens, so:
// - the Host must be 127.0.0.1:<port> or localhost:<port> (a page of another site that makes its
//   name resolve to 127.0.0.1 — DNS rebinding — sends its own name and is refused);
// - nothing is served without the session cookie, which only the secret in the URL lokmin printed
//   and opened can obtain (HttpOnly, SameSite=Strict; named per port, since cookies ignore ports);
//   the secret is traded for the cookie and the browser is sent to the same address without it;
// - a request that changes anything must come from the app's own pages: the Origin is the app's
//   own and the form (or header) carries the page's token;
// - every response says: no framing, no sniffing, no inline script, pages with data not cached.
import { randomBytes, timingSafeEqual } from "node:crypto";
import path from "node:path";
import type { Context, MiddlewareHandler } from "hono";
import { setCookie } from "hono/cookie";
import { msg, t } from "../i18n/index.js";

export const SECRET_PARAM = "kunci";
export const TOKEN_FIELD = "_token";
export const TOKEN_HEADER = "x-lokmin-token";

export interface Secrets {
  /** In the URL lokmin prints and opens. */
  secret: string;
  /** The cookie's value (never shown; the secret is not the cookie, so a leaked URL can be told apart). */
  session: string;
  /** The token forms and the app's requests carry. */
  token: string;
}

export const newSecrets = (): Secrets => ({
  secret: randomBytes(24).toString("base64url"),
  session: randomBytes(24).toString("base64url"),
  token: randomBytes(24).toString("base64url"),
});

export const cookieName = (port: number) => `lokmin_${port}`;

const M = {
  host: msg(
    "Alamat ini bukan alamat lokmin di komputer ini; buka lokmin dari alamat yang dicetak di jendela lokmin.",
    "This is not lokmin's address on this computer; open lokmin from the address printed in lokmin's window.",
  ),
  noSession: msg(
    "Halaman ini hanya bisa dibuka dari alamat lengkap (dengan kuncinya) yang dicetak di jendela lokmin. Salin " +
      "alamat itu ke peramban, atau tutup lokmin lalu jalankan lagi.",
    "This page opens only from the full address (with its key) printed in lokmin's window. Copy that address into " +
      "the browser, or close lokmin and start it again.",
  ),
  badSecret: msg(
    "Kunci di alamat ini salah atau sudah lama (lokmin dijalankan ulang). Pakai alamat yang dicetak di jendela " +
      "lokmin sekarang.",
    "The key in this address is wrong or old (lokmin was restarted). Use the address printed in lokmin's window now.",
  ),
  origin: msg(
    "Permintaan ini tidak berasal dari halaman lokmin sendiri, jadi tidak ada yang diubah.",
    "This request did not come from lokmin's own pages, so nothing was changed.",
  ),
  token: msg(
    "Halaman ini sudah kedaluwarsa (lokmin dijalankan ulang?); muat ulang halaman lalu ulangi. Tidak ada yang diubah.",
    "This page has expired (was lokmin restarted?); reload the page and try again. Nothing was changed.",
  ),
};

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join("; ");

function same(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A short page for a refused request: plain, escaped, in the current language. */
function refuse(c: Context, status: 400 | 403 | 421, text: string) {
  c.header("Content-Type", "text/html; charset=utf-8");
  const escaped = text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return c.body(
    `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>lokmin</title></head>` +
      `<body><h1>lokmin</h1><p>${escaped}</p></body></html>`,
    status,
  );
}

/** Only these never change anything; every other method (POST, PUT, OPTIONS, a made-up one) must pass the checks. */
const SAFE = new Set(["GET", "HEAD"]);

/**
 * Every value the Cookie header gives `name`. Another program on 127.0.0.1 (any port: cookies ignore
 * ports) can set a cookie of the same name with a longer Path, which the browser then sends first;
 * taking only the first value would lock the person out for as long as that cookie lives.
 */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const out: string[] = [];
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at < 0 || part.slice(0, at).trim() !== name) continue;
    out.push(
      part
        .slice(at + 1)
        .trim()
        .replace(/^"(.*)"$/, "$1"),
    );
  }
  return out;
}

/**
 * A path of this app to send the browser to, from a value a request carried; "/" for anything that
 * could lead elsewhere. Browsers read a backslash as "/" and drop tabs and line breaks inside a URL
 * ("/\t/evil.example" becomes "//evil.example", another site), so neither may appear at all.
 */
export function localPath(target: string): string {
  // eslint-disable-next-line no-control-regex -- finding these characters is the point
  if (!/^\/(?![/\\])/.test(target) || /[\u0000-\u001f\u007f\\]/.test(target)) return "/";
  const base = "http://lokmin.invalid";
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return "/";
  }
  if (url.origin !== base || url.pathname.startsWith("//")) return "/";
  return `${url.pathname}${url.search}`;
}

/**
 * An internal error's message as an error page may show it: every absolute path in it (quoted, as
 * Node writes them, or bare; POSIX, `C:\\…` or `\\\\server\\share…`) is named relative to the workspace
 * when it lies inside, and by its last part otherwise — a page says nothing of the folders around
 * the workspace (a user name, other documents). LOKMIN_DEBUG=1 prints the whole error on the console.
 */
export function withoutPaths(text: string, root?: string): string {
  const name = (abs: string) => {
    const p = /^[A-Za-z]:[\\/]|^\\\\/.test(abs) ? path.win32 : path.posix;
    if (root) {
      const rel = p.relative(root, abs);
      if (rel && !rel.startsWith("..") && !p.isAbsolute(rel)) return rel.split(p.sep).join("/");
      if (!rel) return ".";
    }
    return `…${p.sep}${p.basename(abs)}`;
  };
  return text
    .replace(/'((?:[A-Za-z]:[\\/]|\\\\|\/)[^'\n]*)'/g, (_, abs: string) => `'${name(abs)}'`)
    .replace(/(^|[\s(="])((?:[A-Za-z]:[\\/]|\\\\|\/)[^\s'"()]*)/g, (all, lead: string, abs: string) =>
      abs.startsWith("…") ? all : `${lead}${name(abs)}`,
    );
}

export function security(port: number, secrets: Secrets): MiddlewareHandler {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const name = cookieName(port);
  return async (c, next) => {
    c.header("X-Content-Type-Options", "nosniff");
    c.header("X-Frame-Options", "DENY");
    // same-origin, not no-referrer: with no-referrer a browser sends `Origin: null` on its own form posts.
    c.header("Referrer-Policy", "same-origin");
    c.header("Cross-Origin-Opener-Policy", "same-origin");
    c.header("Cross-Origin-Resource-Policy", "same-origin");
    c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    c.header("Cache-Control", "no-store");

    const host = (c.req.header("host") ?? "").toLowerCase();
    if (!hosts.has(host)) return refuse(c, 421, t(M.host));

    const url = new URL(c.req.url);
    const offered = url.searchParams.get(SECRET_PARAM);
    if (offered !== null && c.req.method === "GET") {
      if (!same(offered, secrets.secret)) return refuse(c, 403, t(M.badSecret));
      setCookie(c, name, secrets.session, { httpOnly: true, sameSite: "Strict", path: "/" });
      url.searchParams.delete(SECRET_PARAM);
      return c.redirect(localPath(`${url.pathname}${url.search}`), 303);
    }
    if (!cookieValues(c.req.header("cookie"), name).some((value) => same(value, secrets.session)))
      return refuse(c, 403, t(M.noSession));

    if (!SAFE.has(c.req.method)) {
      const origin = c.req.header("origin");
      if (origin !== `http://${host}`) return refuse(c, 403, t(M.origin));
      const site = c.req.header("sec-fetch-site");
      if (site !== undefined && site !== "same-origin") return refuse(c, 403, t(M.origin));
      let token = c.req.header(TOKEN_HEADER);
      if (token === undefined) {
        const type = c.req.header("content-type") ?? "";
        if (/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type)) {
          const body = await c.req.parseBody({ all: true });
          const field = body[TOKEN_FIELD];
          const first = Array.isArray(field) ? field[0] : field;
          token = typeof first === "string" ? first : undefined;
        }
      }
      if (!same(token, secrets.token)) return refuse(c, 403, t(M.token));
    }
    await next();
  };
}
