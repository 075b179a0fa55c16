// What a group of pages registered from its own module (src/app/tahun, src/app/dinas …) receives
// from the app: the Hono app to add its routes to, the app's state and options, and the helpers
// every page uses (the frame, the HTML response, the open workspace or the start page).
import type { Context, Hono } from "hono";
import type { Child } from "hono/jsx";
import type { Frame } from "./components/layout.js";
import type { AppOptions, AppState } from "./server.js";
import type { OpenWorkspace } from "./workspace.js";

export interface PageKit {
  app: Hono;
  state: AppState;
  options: AppOptions;
  frame: (c: Context, title: string) => Frame;
  html: (c: Context, node: Child, status?: 200 | 404 | 500) => Response | Promise<Response>;
  /** The open workspace, or a redirect to the start page (a Response) when none is open. */
  needWorkspace: (c: Context) => OpenWorkspace | Response;
  notFound: (c: Context) => Response | Promise<Response>;
}

/** A submitted form's fields, each with every value it was sent with (checkboxes, multiple choices). */
export type Form = Map<string, string[]>;

/** The form a request posted, text values only (an upload is read where it is expected). */
export async function formOf(c: Context): Promise<Form> {
  const body = await c.req.parseBody({ all: true });
  const form: Form = new Map();
  for (const [key, value] of Object.entries(body)) {
    const list = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
    form.set(key, list);
  }
  return form;
}
