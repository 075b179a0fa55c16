// What the browser suites share: Debian's chromium through playwright-core (never a browser
// download), `lokmin buka` started as the real process, a fresh signed-in profile that records
// anything the console, the network or a dialog says, and screenshots in tests/.tmp/screens.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { REPO, tempDir } from "../helpers.js";
import { trackProcess } from "../running.js";

export const CHROMIUM = process.env.LOKMIN_CHROMIUM ?? "/usr/bin/chromium";
export const skipBrowser = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed (apt-get install chromium)`;
if (skipBrowser && process.env.LOKMIN_BROWSER_TESTS === "required") throw new Error(`browser tests: ${skipBrowser}`);

export const SCREENS = path.join(REPO, "tests", ".tmp", "screens");
/** 1366×768 at 125 %: the CSS viewport Windows gives a maximised browser on the common office laptop. */
export const LAPTOP = { width: 1093, height: 614 };
/** A projector's 1024×768. */
export const PROJECTOR = { width: 1024, height: 768 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export interface Buka {
  url: string;
  /** The user's home the app runs with (its Documents folder is where new workspaces go). */
  home: string;
  stop: () => Promise<void>;
}

/**
 * `lokmin buka [FOLDER] --tanpa-browser` as the real process; resolves with the address it prints.
 * Without a folder it opens on the start page. `scope: "file"` keeps it for a whole test file (started
 * in beforeAll); by default it belongs to the test that started it.
 */
export async function startBuka(
  folder: string | undefined,
  env: Record<string, string> = {},
  { scope = "test" }: { scope?: "test" | "file" } = {},
): Promise<Buka> {
  const home = tempDir("lokmin-browser-home-");
  mkdirSync(path.join(home, "Documents"));
  const server: ChildProcess = spawn(
    process.execPath,
    [path.join(REPO, "bin", "lokmin.js"), "buka", ...(folder ? [folder] : []), "--tanpa-browser"],
    {
      cwd: home,
      env: {
        PATH: process.env.PATH,
        HOME: home,
        LOKMIN_CONFIG_DIR: path.join(home, "config"),
        LOKMIN_TODAY: "2024-07-10",
        NO_COLOR: "1",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const closed = new Promise<void>((resolve) => server.once("close", () => resolve()));
  // Stopped after the test (or the file) even if it fails before it stops the server itself.
  trackProcess("lokmin buka", server, scope);
  let stderr = "";
  server.stderr!.on("data", (d) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    server.stdout!.on("data", (d) => {
      out += d;
      if (out.includes("\n")) resolve(out.split("\n")[0].trim());
    });
    server.once("exit", (code) => reject(new Error(`buka exited ${code}: ${stderr}`)));
  });
  return {
    url,
    home,
    // Done once its output streams are closed too: 'exit' can come before them, and the suite counts a
    // process as running until 'close' (tests/running.ts).
    stop: async () => {
      if (server.exitCode === null && server.signalCode === null) server.kill("SIGINT");
      await closed;
    },
  };
}

/** A fresh profile signed in through the address, recording every problem into `problems`. */
export async function session(
  browser: Browser,
  url: string,
  problems: string[],
  viewport = LAPTOP,
  scale = 1.25,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: scale,
    locale: "id-ID",
    acceptDownloads: true,
  });
  // Waits catch a hang, not slowness (CONTRIBUTING.md, "A suite that holds under load").
  context.setDefaultTimeout(120_000);
  context.setDefaultNavigationTimeout(120_000);
  const page = await context.newPage();
  watch(page, problems);
  await page.goto(url);
  return { context, page };
}

export function watch(page: Page, problems: string[]) {
  page.on("console", (m) => problems.push(`console ${m.type()}: ${m.text()} (${page.url()})`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message} (${page.url()})`));
  page.on("requestfailed", (r) => {
    if (r.failure()?.errorText !== "net::ERR_ABORTED")
      problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on("dialog", (d) => {
    if (d.type() !== "beforeunload") problems.push(`dialog ${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
}

export async function shot(page: Page, name: string, options: { top?: boolean; fullPage?: boolean } = {}) {
  mkdirSync(SCREENS, { recursive: true });
  if (options.top !== false) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: options.fullPage });
}

/** The attributes of every element matching `selector`, read in the page. */
export function attributes(page: Page, selector: string): Promise<Array<Record<string, string>>> {
  return page.$$eval(selector, (elements) =>
    elements.map((e) => Object.fromEntries([...e.attributes].map((a) => [a.name, a.value]))),
  );
}
