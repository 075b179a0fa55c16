// The single executables of `npm run package` (release/), run the way the Puskesmas runs them:
// the Linux one in an empty folder with no Node.js on PATH, the Windows one under Wine with
// `C:\…` paths containing spaces, CRLF files and `-C` with backslashes. Not part of `npm test`
// (slow); .ci/run builds the executables and then runs `npx vitest run tests/package`.
// Without release/ (or Wine) the tests are skipped and say why; LOKMIN_PACKAGE_TESTS=required
// (set by .ci/run) turns a skip into a failure.
import { type SpawnSyncOptions, spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  closeSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import packageJson from "../../package.json" with { type: "json" };
import { copyWorkspace, EXAMPLE, lokminBin as lokmin, REPO, tempDir } from "../helpers.js";

const LINUX = path.join(REPO, "release", "lokmin-linux-x64");
const WINDOWS = path.join(REPO, "release", "lokmin-win-x64.exe");

function findWine(): string | undefined {
  const candidates = [process.env.LOKMIN_WINE, "/usr/lib/wine/wine64", "/usr/bin/wine64", "/usr/bin/wine"];
  return candidates.find((file) => file && existsSync(file));
}
const wine = findWine();

function skipReason(reason: string | undefined, what: string): string | undefined {
  if (!reason) return undefined;
  if (process.env.LOKMIN_PACKAGE_TESTS === "required") throw new Error(`${what}: ${reason}`);
  process.stdout.write(`tests/package: ${what} skipped: ${reason}\n`);
  return reason;
}
const linuxSkip = skipReason(
  process.platform !== "linux" || process.arch !== "x64"
    ? `needs linux-x64, this is ${process.platform}-${process.arch}`
    : !existsSync(LINUX)
      ? "release/lokmin-linux-x64 is missing (build it with `npm run package`)"
      : undefined,
  "lokmin-linux-x64",
);
const windowsSkip = skipReason(
  process.platform !== "linux"
    ? "the Windows executable is tested under Wine on Linux"
    : !existsSync(WINDOWS)
      ? "release/lokmin-win-x64.exe is missing (build it with `npm run package`)"
      : !wine
        ? "Wine is not installed (apt-get install wine64)"
        : undefined,
  "lokmin-win-x64.exe under Wine",
);

/**
 * True when the bytes are a DOCX (a zip) that embeds a picture besides the logo: a chart drawn with
 * the embedded font.
 */
const docxWithImage = (file: string) => {
  const bytes = readFileSync(file);
  const media = new Set(bytes.toString("latin1").match(/word\/media\/[\w-]+\.png/g));
  return bytes.subarray(0, 2).toString() === "PK" && media.size >= 2;
};

/** The start page of a running `lokmin buka`: the secret traded for the cookie, then the page itself. */
async function startPage(address: string): Promise<string> {
  const first = await fetch(address, { redirect: "manual" });
  expect(first.status).toBe(303);
  const cookie = (first.headers.get("set-cookie") ?? "").split(";")[0];
  const origin = new URL(address).origin;
  const home = await fetch(`${origin}/`, { headers: { cookie }, redirect: "manual" });
  expect(home.headers.get("location")).toBe("/mulai");
  const page = await fetch(`${origin}/mulai`, { headers: { cookie } });
  expect(page.status).toBe(200);
  return page.text();
}

describe.skipIf(Boolean(linuxSkip))(`lokmin-linux-x64${linuxSkip ? ` (skipped: ${linuxSkip})` : ""}`, () => {
  let root: string;
  let exe: string;
  let env: NodeJS.ProcessEnv;
  const run = (args: string[], cwd: string) => {
    const r = spawnSync(exe, args, { cwd, env, encoding: "utf8", timeout: 60_000, input: "" });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  beforeAll(() => {
    // The file alone in a folder, and an environment with nothing of Node's: no node on PATH,
    // no NODE_OPTIONS, a fresh home and cache.
    root = tempDir("lokmin-exe-");
    mkdirSync(path.join(root, "bin"));
    mkdirSync(path.join(root, "empty-path"));
    exe = path.join(root, "bin", "lokmin");
    copyFileSync(LINUX, exe);
    chmodSync(exe, 0o755);
    env = {
      PATH: path.join(root, "empty-path"),
      HOME: root,
      XDG_CACHE_HOME: path.join(root, "cache"),
      LANG: "C.UTF-8",
      NO_COLOR: "1",
    };
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("finds no node on its PATH, and reports the package version", () => {
    expect(spawnSync("node", ["--version"], { env }).error).toBeTruthy();
    const r = run(["--version"], root);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(packageJson.version);
    // A NODE_OPTIONS left by some other Node program does not reach lokmin.
    const options = spawnSync(exe, ["--version"], { env: { ...env, NODE_OPTIONS: "--require ./nowhere.js" } });
    expect(options.status).toBe(0);
  });

  it("without arguments prints the help and exits (no waiting outside Windows)", () => {
    const r = run([], root);
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).toContain("Pemakaian: lokmin");
  });

  it("runs init, new, check and render in an empty folder", () => {
    const work = path.join(root, "Puskesmas Uji");
    mkdirSync(work);
    const init = run(
      ["init", "--nama", "UPTD Puskesmas Uji", "--kecamatan", "Uji", "--kabupaten", "Kabupaten Uji", "--yes"],
      work,
    );
    expect(init.stderr).toBe("");
    expect(init.status).toBe(0);
    expect(readdirSync(path.join(work, ".lokmin", "schema")).sort()).toEqual(
      readdirSync(path.join(REPO, "schema")).sort(),
    );

    const scaffold = run(["new", "2024-05"], work);
    expect(scaffold.status).toBe(0);
    expect(existsSync(path.join(work, "2024-05", "rapat.yaml"))).toBe(true);

    // A month just scaffolded is incomplete: findings (exit 1), not a crash.
    const check = run(["check", "--json"], work);
    expect(check.status).toBe(1);
    expect(JSON.parse(check.stdout).findings.length).toBeGreaterThan(0);

    const render = run(["render", "2024-05"], work);
    expect(render.stderr).not.toContain("internal");
    expect(render.status).toBe(0);
    const docs = readdirSync(path.join(work, "2024-05", "dokumen"));
    expect(docs).toContain("2024-05-notulen.docx");
    expect(docs).toContain("2024-05-undangan.docx");
    // The trend chart was drawn: pureimage got the embedded font as a file extracted once into
    // lokmin's cache folder.
    const cache = path.join(root, "cache", "lokmin");
    expect(readdirSync(cache).some((d) => d.startsWith("asset-"))).toBe(true);
  });

  it("checks and renders the example exactly as the Node build does", () => {
    const work = path.join(root, "example");
    cpSync(EXAMPLE, work, { recursive: true });
    const ours = run(["-C", work, "check", "--json"], root);
    const node = lokmin(["-C", work, "check", "--json"]);
    expect(ours.status).toBe(node.status);
    expect(JSON.parse(ours.stdout)).toEqual(JSON.parse(node.stdout));

    const out = path.join(root, "example out");
    const render = run(["-C", work, "render", "2024-05", "--out", out], root);
    expect(render.status).toBe(0);
    const nodeOut = path.join(root, "node out");
    expect(lokmin(["-C", work, "render", "2024-05", "--out", nodeOut]).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(readdirSync(nodeOut).sort());
    expect(readdirSync(out)).toContain("2024-05-berita-acara-verifikasi.docx");
    expect(docxWithImage(path.join(out, "2024-05-notulen.docx"))).toBe(true);
    expect(docxWithImage(path.join(out, "2024-05-tren.docx"))).toBe(true);
    expect(docxWithImage(path.join(out, "2024-05-analisis.docx"))).toBe(true);
  });
});

describe.skipIf(Boolean(windowsSkip))(
  `lokmin-win-x64.exe under Wine${windowsSkip ? ` (skipped: ${windowsSkip})` : ""}`,
  () => {
    // The Wine prefix is made once (wineboot takes tens of seconds) and kept in a cache folder.
    const prefix =
      process.env.LOKMIN_WINEPREFIX ??
      path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), ".cache"), "lokmin-package", "wineprefix");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      WINEPREFIX: prefix,
      WINEDEBUG: "-all",
      WINEDLLOVERRIDES: "mscoree,mshtml=",
      // Wine reports an old Windows version; Node refuses to start there without this. Only
      // the tests set it: the shipped executable checks the Windows version as Node does.
      NODE_SKIP_PLATFORM_CHECK: "1",
      NO_COLOR: "1",
      LOKMIN_LANG: "",
      NODE_OPTIONS: "",
      PROMPT: undefined,
    };
    let drive: string; // C:\lokmin uji-…, as a Linux path inside the prefix
    let windowsDir: string; // the same folder as Windows sees it
    let logs: string;
    let count = 0;

    /** Run the executable under Wine; Node under Wine cannot write to a pipe, so output goes to files. */
    const run = (args: string[], options: SpawnSyncOptions = {}) => {
      const out = path.join(logs, `${++count}.out`);
      const err = path.join(logs, `${count}.err`);
      const fds = [openSync(out, "w"), openSync(err, "w")];
      const exe = `${windowsDir}\\lokmin-win-x64.exe`;
      const r = spawnSync(wine as string, [exe, ...args], {
        env,
        stdio: ["ignore", fds[0], fds[1]],
        timeout: 120_000,
        ...options,
      });
      for (const fd of fds) closeSync(fd);
      return { status: r.status, stdout: readFileSync(out, "utf8"), stderr: readFileSync(err, "utf8") };
    };

    beforeAll(() => {
      mkdirSync(path.dirname(prefix), { recursive: true });
      if (!existsSync(path.join(prefix, "system.reg"))) {
        const boot = spawnSync(wine as string, ["wineboot", "-i"], { env, stdio: "ignore", timeout: 600_000 });
        if (boot.status !== 0) throw new Error(`wineboot -i failed (${boot.status ?? boot.error})`);
      }
      // Keep one wineserver alive across the runs below instead of starting one per run.
      const wineserver = path.join(path.dirname(wine as string), "wineserver");
      if (existsSync(wineserver)) spawnSync(wineserver, ["-p30"], { env, stdio: "ignore", timeout: 30_000 });

      const name = `lokmin uji-${process.pid}`;
      drive = path.join(prefix, "drive_c", name);
      windowsDir = `C:\\${name}`;
      rmSync(drive, { recursive: true, force: true });
      mkdirSync(drive, { recursive: true });
      copyFileSync(WINDOWS, path.join(drive, "lokmin-win-x64.exe"));
      // The example as a Windows editor saves it: CRLF line endings.
      const work = path.join(drive, "Puskesmas Sukamaju");
      cpSync(EXAMPLE, work, { recursive: true });
      const crlf = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const file = path.join(dir, entry.name);
          if (entry.isDirectory()) crlf(file);
          else if (entry.name.endsWith(".yaml"))
            writeFileSync(file, readFileSync(file, "utf8").replace(/\r?\n/g, "\r\n"));
        }
      };
      crlf(work);
      logs = tempDir("lokmin-wine-logs-");
    }, 900_000);
    afterAll(() => {
      if (drive) rmSync(drive, { recursive: true, force: true });
      if (logs) rmSync(logs, { recursive: true, force: true });
    });

    it("checks the example (CRLF files) with -C and a backslash path with spaces", () => {
      expect(readFileSync(path.join(drive, "Puskesmas Sukamaju", "lokmin.yaml"), "utf8")).toContain("\r\n");
      const r = run(["-C", `${windowsDir}\\Puskesmas Sukamaju`, "check", "2024-05"]);
      expect(r.stderr).toBe("");
      expect(r.stdout).toContain("Tidak ada galat");
      expect(r.status).toBe(0);

      const json = run(["-C", `${windowsDir}\\Puskesmas Sukamaju`, "check", "--json"]);
      const linux = lokmin(["-C", EXAMPLE, "check", "--json"]);
      expect(json.status).toBe(linux.status);
      const findings = (stdout: string) => JSON.parse(stdout).findings.map((f: { rule: string }) => f.rule);
      expect(findings(json.stdout)).toEqual(findings(linux.stdout));
    });

    it("renders the month's documents into the workspace, chart included", () => {
      const r = run(["-C", `${windowsDir}\\Puskesmas Sukamaju`, "render", "2024-05"]);
      expect(r.stderr).not.toContain("internal");
      expect(r.status).toBe(0);
      const dokumen = path.join(drive, "Puskesmas Sukamaju", "2024-05", "dokumen");
      const nodeOut = tempDir("lokmin-node-out-");
      expect(lokmin(["-C", copyWorkspace(EXAMPLE), "render", "2024-05", "--out", nodeOut]).status).toBe(0);
      expect(readdirSync(dokumen).sort()).toEqual(readdirSync(nodeOut).sort());
      rmSync(nodeOut, { recursive: true, force: true });
      expect(docxWithImage(path.join(dokumen, "2024-05-notulen.docx"))).toBe(true);
    });

    it("renders with a relative folder from the current directory, to an output folder given as Z:\\…", () => {
      const out = tempDir("lokmin wine out-");
      const target = `Z:${out.replaceAll("/", "\\")}\\Dokumen Mei`;
      const r = run(["-C", "Puskesmas Sukamaju", "render", "2024-05", "--only", "undangan,tren", "--out", target], {
        cwd: drive,
      });
      expect(r.status).toBe(0);
      expect(readdirSync(path.join(out, "Dokumen Mei")).sort()).toEqual(["2024-05-tren.docx", "2024-05-undangan.docx"]);
      rmSync(out, { recursive: true, force: true });
    });

    // A console of its own, as Explorer gives a double-clicked program: a pseudo-terminal from
    // util-linux's `script`, which Wine turns into the program's console.
    const script = ["/usr/bin/script", "/bin/script"].find((file) => existsSync(file));
    const onConsole = (extraEnv: NodeJS.ProcessEnv) => {
      const child = spawn(
        script as string,
        ["-qec", `'${wine}' '${path.join(drive, "lokmin-win-x64.exe")}'`, "/dev/null"],
        { env: { ...env, ...extraEnv }, stdio: ["pipe", "pipe", "pipe"] },
      );
      let output = "";
      child.stdout.on("data", (chunk) => {
        output += chunk;
      });
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      return { child, output: () => output, exited };
    };
    const until = async (condition: () => boolean, ms: number) => {
      for (const start = Date.now(); !condition() && Date.now() - start < ms;)
        await new Promise((resolve) => setTimeout(resolve, 100));
    };

    it.skipIf(!script)(
      "started like a double-click, opens the app and says that closing the window stops it",
      async () => {
        const { child, output, exited } = onConsole({ PROMPT: undefined, LOKMIN_NO_BROWSER: "1" });
        let code: number | null | undefined;
        void exited.then((value) => {
          code = value;
        });
        await until(() => /http:\/\/127\.0\.0\.1:\d+\/\?kunci=\S+/.test(output()) || code !== undefined, 90_000);
        expect(output()).toContain("menutupnya (atau menekan Ctrl+C) menghentikan lokmin");
        const address = /http:\/\/127\.0\.0\.1:\d+\/\?kunci=[\w-]+/.exec(output())![0];
        expect(await startPage(address)).toContain("Buat folder data baru");
        child.kill("SIGKILL");
        await exited;
      },
      120_000,
    );

    it.skipIf(!script)(
      "typed in cmd (PROMPT set) on a console, prints the help and exits at once",
      async () => {
        const { output, exited } = onConsole({ PROMPT: "$P$G" });
        expect(await exited).toBe(0);
        expect(output()).toContain("Pemakaian: lokmin");
        expect(output()).not.toContain("Tekan Enter");
      },
      120_000,
    );

    it("lokmin buka --tanpa-browser answers the start page", async () => {
      const out = path.join(logs, "buka.out");
      const err = path.join(logs, "buka.err");
      const fds = [openSync(out, "w"), openSync(err, "w")];
      const child = spawn(wine as string, [`${windowsDir}\\lokmin-win-x64.exe`, "buka", "--tanpa-browser"], {
        env,
        cwd: drive,
        stdio: ["ignore", fds[0], fds[1]],
      });
      for (const fd of fds) closeSync(fd);
      const exited = new Promise((resolve) => child.once("exit", resolve));
      try {
        await until(() => readFileSync(out, "utf8").includes("\n") || child.exitCode !== null, 90_000);
        const address = readFileSync(out, "utf8").split(/\r?\n/)[0];
        expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?kunci=[\w-]+$/);
        expect(readFileSync(err, "utf8")).toContain("menghentikan lokmin");
        const page = await startPage(address);
        expect(page).toContain("Buat folder data baru");
        expect(page).toContain("Folder data Puskesmas");
      } finally {
        child.kill("SIGKILL");
        await exited;
      }
    }, 120_000);

    it("without arguments and without a console prints the help and exits instead of waiting", () => {
      const r = run([]);
      expect(r.status).toBe(0);
      expect(r.stdout + r.stderr).toContain("Pemakaian: lokmin");
      expect(r.stdout).not.toContain("Tekan Enter");
    });
  },
);
