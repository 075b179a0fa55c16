// The browser app in-process for tests: createApp on a throw-away workspace, requests made as the
// app's own page would make them (Host, session cookie, Origin, token), and the form a page holds,
// read out of its HTML the way a browser would submit it.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { type AppOptions, createApp } from "../src/app/server.js";
import type { Secrets } from "../src/app/security.js";
import { tempDir } from "./helpers.js";

export const PORT = 4321;
export const ORIGIN = `http://127.0.0.1:${PORT}`;
export const SECRETS: Secrets = { secret: "kunci-uji", session: "sesi-uji", token: "token-uji" };
export const COOKIE = `lokmin_${PORT}=${SECRETS.session}`;

export function testApp(folder?: string, env: Record<string, string> = {}, extra: Partial<AppOptions> = {}) {
  const config = path.join(tempDir("lokmin-config-"), "lokmin");
  mkdirSync(config, { recursive: true });
  const home = tempDir("lokmin-home-");
  const { app, state } = createApp({
    port: PORT,
    secrets: SECRETS,
    env: { PATH: process.env.PATH, HOME: home, LOKMIN_CONFIG_DIR: config, LOKMIN_LOCK_WAIT_MS: "300", ...env },
    today: () => "2024-05-10",
    lang: "id",
    folder,
    ...extra,
  });
  const request = (p: string, init: RequestInit = {}, headers: Record<string, string> = {}) =>
    app.request(`${ORIGIN}${p}`, {
      ...init,
      headers: { host: `127.0.0.1:${PORT}`, cookie: COOKIE, ...headers },
      redirect: "manual",
    });
  const get = (p: string, headers: Record<string, string> = {}) => request(p, {}, headers);
  const post = (p: string, fields: [string, string][], headers: Record<string, string> = {}) =>
    request(
      p,
      {
        method: "POST",
        body: new URLSearchParams(
          fields.some(([k]) => k === "_token") ? fields : [["_token", SECRETS.token], ...fields],
        ),
      },
      { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded", ...headers },
    );
  return { app, state, get, post, request, config, home };
}

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

const attrs = (tag: string) => {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) out[m[1]] = decode(m[2] ?? "");
  return out;
};

/** The fields a browser would submit for the form whose action is `action`, in document order. */
export function formFields(html: string, action: string): [string, string][] {
  const start = html.indexOf(`<form method="post" action="${action}"`);
  if (start < 0) throw new Error(`no form for ${action}`);
  const body = html.slice(start, html.indexOf("</form>", start));
  const fields: [string, string][] = [];
  const pattern = /<input\b[^>]*>|<select\b[^>]*>[\s\S]*?<\/select>|<textarea\b[^>]*>[\s\S]*?<\/textarea>/g;
  for (const [tag] of body.matchAll(pattern)) {
    const a = attrs(tag.slice(0, tag.indexOf(">") + 1));
    if (!a.name || "disabled" in a) continue;
    if (tag.startsWith("<select")) {
      const options = [...tag.matchAll(/<option\b([^>]*)>/g)].map((o) => attrs(o[1]));
      const chosen = options.find((o) => "selected" in o) ?? options[0];
      if (chosen) fields.push([a.name, chosen.value ?? ""]);
    } else if (tag.startsWith("<textarea")) {
      fields.push([a.name, decode(tag.replace(/^<textarea\b[^>]*>/, "").replace(/<\/textarea>$/, ""))]);
    } else if (a.type === "checkbox" || a.type === "radio") {
      if ("checked" in a) fields.push([a.name, a.value ?? "on"]);
    } else if (a.type !== "file" && a.type !== "submit") fields.push([a.name, a.value ?? ""]);
  }
  return fields;
}

/** The fields with some values replaced (and others added). */
export function edit(fields: [string, string][], changes: Record<string, string>): [string, string][] {
  const out = fields.map(([k, v]): [string, string] => [k, Object.hasOwn(changes, k) ? changes[k] : v]);
  for (const [k, v] of Object.entries(changes)) if (!fields.some(([f]) => f === k)) out.push([k, v]);
  return out;
}

/** The attributes of every element carrying `data-<marker>` (the figures a page holds for tests). */
export function elements(html: string, marker: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  for (const [tag] of html.matchAll(new RegExp(`<[a-z]+\\b[^>]*\\bdata-${marker}="[^"]*"[^>]*>`, "g"))) {
    const found: Record<string, string> = {};
    for (const m of tag.matchAll(/([\w-]+)="([^"]*)"/g)) found[m[1]] = decode(m[2]);
    out.push(found);
  }
  return out;
}
