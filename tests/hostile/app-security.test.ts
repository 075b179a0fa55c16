// The browser app's guard (issue 27 point 8), through the real handlers in-process: every request a
// web page, another program or a rebinding DNS name could make, and what the app answers.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { attachment, cleanUploadName, saveUpload, workspaceRel } from "../../src/app/files.js";
import { browserTarget, launch } from "../../src/app/launch.js";
import { startServer } from "../../src/app/server.js";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { edit, formFields, ORIGIN, PORT, SECRETS, testApp } from "../app-support.js";
import { copyWorkspace, MINI, tempDir } from "../helpers.js";

let root: string;
let yaml: string;
const original = () => readFileSync(path.join(MINI, "lokmin.yaml"), "utf8");
beforeEach(() => {
  root = copyWorkspace(MINI);
  yaml = path.join(root, "lokmin.yaml");
});

describe("the secret, the session cookie and the Host", () => {
  it("trades the secret in the URL for an HttpOnly, SameSite=Strict cookie and drops it from the address", async () => {
    const { request } = testApp(root);
    const res = await request(`/pengaturan/pegawai?kunci=${SECRETS.secret}&x=1`, {}, { host: `127.0.0.1:${PORT}` });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/pengaturan/pegawai?x=1");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(new RegExp(`^lokmin_${PORT}=${SECRETS.session};`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain(SECRETS.secret);
  });

  it("refuses a wrong or old secret, and gives no cookie for it", async () => {
    const { request } = testApp(root);
    const res = await request("/?kunci=salah", {}, { host: `127.0.0.1:${PORT}` });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await res.text()).toContain("Kunci di alamat ini salah");
  });

  it("serves no page, asset or file without the cookie", async () => {
    const { request } = testApp(root);
    for (const p of ["/beranda", "/pengaturan/pegawai", "/aset/app.js", "/favicon.ico", "/berkas/logo", "/versi"]) {
      const res = await request(p, {}, { host: `127.0.0.1:${PORT}`, cookie: "" });
      expect(res.status, p).toBe(403);
      expect(await res.text(), p).not.toContain("dr. Ani Kapus");
    }
    const wrong = await request(
      "/beranda",
      {},
      { host: `127.0.0.1:${PORT}`, cookie: `lokmin_${PORT}=${SECRETS.secret}` },
    );
    expect(wrong.status).toBe(403);
    // A cookie of another lokmin on another port is not this one's.
    const other = await request(
      "/beranda",
      {},
      { host: `127.0.0.1:${PORT}`, cookie: `lokmin_9999=${SECRETS.session}` },
    );
    expect(other.status).toBe(403);
  });

  it("refuses a Host that is not this app's address (DNS rebinding), with or without the cookie", async () => {
    const { get } = testApp(root);
    const hosts = ["evil.example", `evil.example:${PORT}`, "127.0.0.1:9999", `127.0.0.1.nip.io:${PORT}`, ""];
    hosts.push(`127.0.0.1.evil:${PORT}`, `[::1]:${PORT}`, `[::ffff:127.0.0.1]:${PORT}`, `127.1:${PORT}`);
    hosts.push(`2130706433:${PORT}`, `127.0.0.1:${PORT}.`, `localhost.:${PORT}`, `127.0.0.1:${PORT}@evil.example`);
    for (const host of hosts) {
      const res = await get("/beranda", { host });
      expect(res.status, host).toBe(421);
      expect(await res.text()).not.toContain("dr. Ani Kapus");
    }
    // No Host header at all (HTTP/1.0, a hand-made request).
    const bare = await testApp(root).app.request(`${ORIGIN}/beranda`, {
      headers: { cookie: `lokmin_${PORT}=sesi-uji` },
    });
    expect(bare.status).toBe(421);
    expect((await get("/beranda", { host: `localhost:${PORT}` })).status).toBe(200);
    expect((await get("/beranda", { host: `LOCALHOST:${PORT}` })).status).toBe(200);
  });
  it("lets the person in when another program on the loopback set a cookie of the same name first", async () => {
    const { get } = testApp(root);
    // Cookies ignore ports: a page on 127.0.0.1:other can set lokmin_<port> with a longer Path, sent first.
    const res = await get("/beranda", { cookie: `lokmin_${PORT}=palsu; lokmin_${PORT}=${SECRETS.session}` });
    expect(res.status).toBe(200);
    expect((await get("/beranda", { cookie: `lokmin_${PORT}=palsu; lokmin_${PORT}=lain` })).status).toBe(403);
  });

  it("sends the browser only to a path of this app after the secret or a language change", async () => {
    const { request, post } = testApp(root);
    const traded = await request(`//evil.example/?kunci=${SECRETS.secret}`, {}, { host: `127.0.0.1:${PORT}` });
    expect(traded.headers.get("location") ?? "/").toMatch(/^\/(?![/\\])/);
    for (const back of [
      "//evil.example/",
      "/\\evil.example/",
      "/\t/evil.example/",
      "/\n/evil.example",
      "https://evil.example",
    ]) {
      const res = await post("/bahasa", [
        ["bahasa", "id"],
        ["kembali", back],
      ]);
      expect(res.status, JSON.stringify(back)).toBe(303);
      expect(res.headers.get("location"), JSON.stringify(back)).toBe("/");
    }
    const ok = await post("/bahasa", [
      ["bahasa", "id"],
      ["kembali", "/pengaturan/pegawai?x=1"],
    ]);
    expect(ok.headers.get("location")).toBe("/pengaturan/pegawai?x=1");
  });
});

describe("a request that changes something", () => {
  it("needs the app's own Origin and the page's token; otherwise nothing is written", async () => {
    const { get, request } = testApp(root);
    const fields = formFields(await (await get("/pengaturan/identitas")).text(), "/pengaturan/identitas");
    const changed = edit(fields, { "puskesmas.nama": "Diubah" });
    const withoutToken = changed.filter(([k]) => k !== "_token");
    const send = (body: [string, string][], headers: Record<string, string>) =>
      request(
        "/pengaturan/identitas",
        { method: "POST", body: new URLSearchParams(body) },
        { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded", ...headers },
      );
    const attempts: [string, [string, string][], Record<string, string>][] = [
      ["no Origin", changed, { origin: "" }],
      ["another site", changed, { origin: "http://evil.example" }],
      ["another port", changed, { origin: "http://127.0.0.1:9999" }],
      ["a cross-site fetch", changed, { "sec-fetch-site": "cross-site" }],
      ["no token", withoutToken, {}],
      ["a wrong token", [...withoutToken, ["_token", "salah"]], {}],
      ["a wrong token header", withoutToken, { "x-lokmin-token": "salah" }],
    ];
    for (const [what, body, headers] of attempts) {
      const res = await send(body, headers);
      expect(res.status, what).toBe(403);
    }
    expect(readFileSync(yaml, "utf8")).toBe(original());
    // The page's own request goes through.
    expect((await send(changed, {})).status).toBe(303);
    expect(readFileSync(yaml, "utf8")).toContain("nama: Diubah");
  });

  it("checks every method but GET and HEAD, not only POST, PUT, PATCH and DELETE", async () => {
    const { request } = testApp(root);
    for (const method of ["OPTIONS", "PROPFIND", "PUT", "DELETE", "PATCH"]) {
      const res = await request("/pengaturan/identitas", { method }, { origin: "http://evil.example" });
      expect(res.status, method).toBe(403);
    }
  });

  it("refuses a body larger than a form needs", async () => {
    const { post } = testApp(root);
    const res = await post("/pengaturan/identitas", [["puskesmas.nama", "x".repeat(3 * 1024 * 1024)]]);
    expect(res.status).toBe(413);
    expect(readFileSync(yaml, "utf8")).toBe(original());
  });
});

describe("headers", () => {
  it("forbid framing, sniffing, inline script, and caching pages with data", async () => {
    const { get } = testApp(root);
    const res = await get("/pengaturan/pegawai");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    // No inline script, no inline style, no handler attribute anywhere in the page.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/\sstyle=/i);
  });
});

describe("headers on every answer", () => {
  it("are there on refusals, redirects, assets, 404 and the logo too; no Referer ever leaves the app", async () => {
    const { get, request } = testApp(root);
    const answers = {
      page: await get("/beranda"),
      noCookie: await get("/beranda", { cookie: "" }),
      badHost: await get("/beranda", { host: "evil.example" }),
      traded: await request(`/?kunci=${SECRETS.secret}`),
      asset: await get("/aset/app.js"),
      missing: await get("/tidak-ada"),
      foreignPost: await request("/bahasa", { method: "POST" }, { origin: "http://evil.example" }),
    };
    for (const [what, res] of Object.entries(answers)) {
      expect(res.headers.get("x-content-type-options"), what).toBe("nosniff");
      expect(res.headers.get("content-security-policy"), what).toContain("frame-ancestors 'none'");
      expect(res.headers.get("content-security-policy"), what).not.toContain("unsafe-inline");
      // same-origin, not no-referrer: with no-referrer a browser sends `Origin: null` on the app's own form
      // posts (Fetch standard), which the Origin check must refuse. Another origin gets no Referer either way.
      expect(res.headers.get("referrer-policy"), what).toBe("same-origin");
      if (what !== "asset") expect(res.headers.get("cache-control"), what).toBe("no-store");
    }
  });
});

describe("nothing outside the workspace", () => {
  it("serves only the app's own assets, never a path made of dots", async () => {
    const { get } = testApp(root);
    for (const p of [
      "/aset/..%2flokmin.yaml",
      "/aset/%2e%2e%2f%2e%2e%2fpackage.json",
      "/aset/../../package.json",
      "/aset/app.ts",
    ]) {
      const res = await get(p);
      expect(res.status, p).toBe(404);
      expect(await res.text(), p).not.toContain("puskesmas");
    }
    expect((await get("/aset/htmx.min.js")).status).toBe(200);
  });

  it("shows no logo that lies outside the workspace, by path or through a link", async () => {
    const outside = path.join(tempDir(), "rahasia.png");
    writeFileSync(outside, Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"));
    const text = original().replace(
      "  kabupaten_kota: Kabupaten Contoh",
      "  kabupaten_kota: Kabupaten Contoh\n  logo: logo.png",
    );
    writeFileSync(yaml, text);
    symlinkSync(outside, path.join(root, "logo.png"));
    const { get } = testApp(root);
    expect((await get("/berkas/logo")).status).toBe(404);
    writeFileSync(yaml, text.replace("logo: logo.png", `logo: ${path.relative(root, outside)}`));
    expect((await get("/berkas/logo")).status).toBe(404);
  });

  it("lists no month or file that a link or a Windows junction leads out of the workspace", async () => {
    const outside = tempDir();
    mkdirSync(path.join(outside, "2024-03"));
    writeFileSync(path.join(outside, "2024-03", "rahasia-bulan.yaml"), "x: 1\n");
    writeFileSync(path.join(outside, "rahasia-berkas.yaml"), "x: 1\n");
    symlinkSync(path.join(outside, "2024-03"), path.join(root, "2024-03"), "junction");
    symlinkSync(path.join(outside, "rahasia-berkas.yaml"), path.join(root, "2024-02", "tautan.yaml"));
    symlinkSync(outside, path.join(root, "2024-02", "folder-luar"), "junction");
    // The pages that list files: the workbooks and the documents, each with one linked out.
    writeFileSync(path.join(outside, "rahasia.xlsx"), "x");
    writeFileSync(path.join(outside, "2024-02-rahasia.docx"), "x");
    for (const folder of ["isian", "dokumen"]) mkdirSync(path.join(root, "2024-02", folder), { recursive: true });
    symlinkSync(path.join(outside, "rahasia.xlsx"), path.join(root, "2024-02", "isian", "rahasia.xlsx"));
    symlinkSync(
      path.join(outside, "2024-02-rahasia.docx"),
      path.join(root, "2024-02", "dokumen", "2024-02-rahasia.docx"),
    );
    const { get } = testApp(root);
    expect((await get("/bulan/2024-03")).status).toBe(404);
    for (const page of ["/bulan/2024-02", "/bulan/2024-02/isian", "/bulan/2024-02/dokumen"]) {
      const res = await get(page);
      expect(res.status, page).toBe(200);
      const html = await res.text();
      expect(html).toContain("Februari 2024");
      for (const name of ["rahasia", "tautan.yaml", "folder-luar"]) expect(html, page).not.toContain(name);
    }
    expect((await get("/bulan/2024-02/isian/unduh/rahasia.xlsx")).status).toBe(404);
    expect((await get("/bulan/2024-02/dokumen/unduh/2024-02-rahasia.docx")).status).toBe(404);
    const home = await (await get("/beranda")).text();
    expect(home).toContain("Februari 2024");
    expect(home).not.toContain("Maret 2024");
  });

  it("saves an uploaded logo only as logo.png/.jpg in the workspace, whatever its name, if it is one", async () => {
    const { request, get } = testApp(root);
    const upload = (name: string, bytes: Uint8Array<ArrayBuffer>) => {
      const body = new FormData();
      body.set("_token", SECRETS.token);
      body.set("logo", new File([bytes], name, { type: "image/png" }));
      return request("/pengaturan/identitas/logo", { method: "POST", body }, { origin: ORIGIN });
    };
    const notImage = await upload("logo.png", new TextEncoder().encode("<svg onload=alert(1)>"));
    expect(notImage.status).toBe(200);
    expect(await notImage.text()).toContain("bukan gambar PNG atau JPEG");
    const png = Buffer.from(
      "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489" +
        "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
      "hex",
    );
    const res = await upload("../../../evil name.png", png);
    expect(res.status).toBe(303);
    expect(readFileSync(path.join(root, "logo.png"))).toEqual(png);
    expect(readFileSync(yaml, "utf8")).toContain("  logo: logo.png");
    expect((await get("/berkas/logo")).headers.get("content-type")).toBe("image/png");
    const tooBig = await upload("logo.png", new Uint8Array(6 * 1024 * 1024));
    expect(tooBig.status).toBe(413);
  });
});

describe("an upload", () => {
  const png = Buffer.from(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489" +
      "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
    "hex",
  );
  const upload = (request: ReturnType<typeof testApp>["request"]) => {
    const body = new FormData();
    body.set("_token", SECRETS.token);
    body.set("logo", new File([png], "logo.png", { type: "image/png" }));
    return request("/pengaturan/identitas/logo", { method: "POST", body }, { origin: ORIGIN });
  };

  it("needs the page's Origin and token like any form; otherwise nothing is written", async () => {
    const { request } = testApp(root);
    const send = (token: string | undefined, origin: string) => {
      const body = new FormData();
      if (token) body.set("_token", token);
      body.set("logo", new File([png], "logo.png", { type: "image/png" }));
      return request("/pengaturan/identitas/logo", { method: "POST", body }, { origin });
    };
    expect((await send(undefined, ORIGIN)).status).toBe(403);
    expect((await send("salah", ORIGIN)).status).toBe(403);
    expect((await send(SECRETS.token, "http://evil.example")).status).toBe(403);
    expect(existsSync(path.join(root, "logo.png"))).toBe(false);
    expect(readFileSync(yaml, "utf8")).toBe(original());
  });

  it("is never written through a link where it lands (logo.png → lokmin.yaml would make it a picture)", async () => {
    symlinkSync("lokmin.yaml", path.join(root, "logo.png"));
    const { request } = testApp(root);
    const res = await upload(request);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("logo.png di folder data Puskesmas adalah tautan (link)");
    expect(readFileSync(yaml, "utf8")).toBe(original());
    expect(lstatSync(path.join(root, "logo.png")).isSymbolicLink()).toBe(true);
  });

  it("keeps the logo it replaces in .lokmin/cadangan, and a folder named logo.png is left alone", async () => {
    writeFileSync(path.join(root, "logo.png"), "lama");
    const { request } = testApp(root);
    expect((await upload(request)).status).toBe(303);
    const kept = readdirSync(path.join(root, ".lokmin", "cadangan"));
    expect(kept).toHaveLength(1);
    expect(readFileSync(path.join(root, ".lokmin", "cadangan", kept[0]), "utf8")).toBe("lama");
    rmSync(path.join(root, "logo.png"));
    mkdirSync(path.join(root, "logo.png"));
    const res = await upload(request);
    expect(await res.text()).toContain("logo.png di folder data Puskesmas adalah folder");
  });
});

describe("a save", () => {
  it("of two racing from the same page, only one wins; the other shows both values and writes nothing", async () => {
    const { get, post } = testApp(root);
    const fields = formFields(await (await get("/pengaturan/identitas")).text(), "/pengaturan/identitas");
    const [a, b] = await Promise.all([
      post("/pengaturan/identitas", edit(fields, { "puskesmas.alamat": "Jl. Satu" })),
      post("/pengaturan/identitas", edit(fields, { "puskesmas.alamat": "Jl. Dua" })),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 303]);
    const lost = a.status === 200 ? a : b;
    const html = await lost.text();
    expect(html).toContain("diubah di tempat lain");
    const onDisk = readFileSync(yaml, "utf8");
    const won = a.status === 303 ? "Jl. Satu" : "Jl. Dua";
    expect(onDisk).toBe(original().replace("alamat: Jl. Contoh No. 1", `alamat: ${won}`));
  });

  it("to a file deleted or broken meanwhile writes nothing and keeps what was typed on the page", async () => {
    const { get, post } = testApp(root);
    const fields = formFields(await (await get("/pengaturan/identitas")).text(), "/pengaturan/identitas");
    rmSync(yaml);
    mkdirSync(yaml);
    const res = await post("/pengaturan/identitas", edit(fields, { "puskesmas.alamat": "Jl. Baru No. 9" }));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("lokmin.yaml tidak dapat dibaca, jadi tidak ada yang disimpan");
    expect(formFields(html, "/pengaturan/identitas")).toContainEqual(["puskesmas.alamat", "Jl. Baru No. 9"]);
    expect(lstatSync(yaml).isDirectory()).toBe(true);
  });
});

describe("an uploaded file's name", () => {
  const cases: [string, string][] = [
    ["Laporan Mei 2024 (final).xlsx", "Laporan-Mei-2024-final.xlsx"],
    ["../../../lokmin.yaml", "lokmin.yaml"],
    ["..\\..\\Windows\\win.ini", "win.ini"],
    ["C:\\fakepath\\Capaian Mei.XLSX", "Capaian-Mei.xlsx"],
    ["\\\\server\\share\\x.xlsx", "x.xlsx"],
    ["%2e%2e%2fx.xlsx", "2e-2e-2fx.xlsx"],
    ["CON", "CON_"],
    ["nul.xlsx", "nul_.xlsx"],
    ["Aux.docx", "Aux_.docx"],
    ["COM1.txt", "COM1_.txt"],
    ["lpt9", "lpt9_"],
    ["COM¹.xlsx", "COM1_.xlsx"],
    ["capaian.xlsx. . ", "capaian.xlsx"],
    ["capaian .xlsx", "capaian.xlsx"],
    ["x\u0000y.png", "x-y.png"],
    ["<img src=x onerror=alert(1)>.png", "img-src-x-onerror-alert-1.png"],
    ["Posyandu Melati – Cipete.xlsx", "Posyandu-Melati-Cipete.xlsx"],
    ["Désa Ñusa.xlsx", "Desa-Nusa.xlsx"],
    ["", "unggahan"],
    ["..", "unggahan"],
    [".xlsx", "xlsx"],
    ["...", "unggahan"],
    ["a".repeat(300) + ".xlsx", "a".repeat(80) + ".xlsx"],
  ];
  it("keeps only a plain last part: no folder, no device name, no dot or space at the end", () => {
    for (const [sent, clean] of cases) expect(cleanUploadName(sent), JSON.stringify(sent)).toBe(clean);
  });

  it("is one saveUpload takes, and lands in the folder lokmin chose; a device name is never written", () => {
    for (const [sent] of cases) {
      const name = cleanUploadName(sent);
      saveUpload(root, `unggahan/${name}`, new TextEncoder().encode(sent));
      expect(readFileSync(path.join(root, "unggahan", name), "utf8")).toBe(sent);
    }
    for (const name of ["CON.png", "unggahan/nul.xlsx", "Aux", "../x.png", "a/../../x.png", "C:/x.png", "x.png."])
      expect(() => saveUpload(root, name, new Uint8Array(1)), name).toThrow(/not a name lokmin chose/);
  });
});

describe("a workspace file named by a request", () => {
  it("is taken only as a plain relative name: no absolute path, dots, backslash, drive, stream or device", () => {
    for (const ok of ["lokmin.yaml", "2024-02/rapat.yaml", "2024-02/dokumen/Notulen Februari.docx", "templates/x.hbs"])
      expect(workspaceRel(ok), ok).toBe(ok);
    const refused = [
      "",
      "../lokmin.yaml",
      "2024-02/../../x",
      "./lokmin.yaml",
      "/etc/passwd",
      "//server/share/x",
      "..\\..\\x",
      "2024-02\\rapat.yaml",
      "C:\\Windows\\win.ini",
      "C:/Windows/win.ini",
      "C:x.yaml",
      "\\\\server\\share\\x.yaml",
      "lokmin.yaml:rahasia",
      "lokmin.yaml::$DATA",
      "lokmin.yaml\u0000.png",
      "lokmin.yaml.",
      "lokmin.yaml ",
      "2024-02./rapat.yaml",
      "2024-02//rapat.yaml",
      "CON",
      "2024-02/nul.xlsx",
      "aux",
      "..",
    ];
    for (const name of refused) expect(workspaceRel(name), JSON.stringify(name)).toBeUndefined();
  });

  it("downloads under a name that can neither end the header nor add one", () => {
    expect(attachment("Notulen Februari 2024.docx")).toBe(
      `attachment; filename="Notulen Februari 2024.docx"; filename*=UTF-8''Notulen%20Februari%202024.docx`,
    );
    for (const name of ['a"; filename="evil.exe', "a\r\nSet-Cookie: x=1.docx", "a\u2028b;c%d.docx", "..\\..\\x.docx"]) {
      const header = attachment(name);
      expect(header, name).toMatch(/^attachment; filename="[^"\\\r\n;]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]*$/);
      expect(() => new Headers({ "content-disposition": header }), name).not.toThrow();
    }
    expect(attachment("Désa Ñusa.docx")).toBe(
      `attachment; filename="Desa Nusa.docx"; filename*=UTF-8''D%C3%A9sa%20%C3%91usa.docx`,
    );
  });
});

describe("every value from the data is escaped", () => {
  const hostile = "<img src=x onerror=alert(1)>";
  it("prints a hostile staff name literally, in text, attributes and the form's carried base", async () => {
    writeFileSync(
      yaml,
      original()
        .replace("nama: Citra Bidan", `nama: "${hostile}"`)
        .replace("nama: UPTD Puskesmas Mini", `nama: "${hostile}"`),
    );
    const { get } = testApp(root);
    for (const p of ["/beranda", "/pengaturan/pegawai", "/pengaturan/program", "/pengaturan/identitas", "/mulai"]) {
      const html = await (await get(p)).text();
      expect(html, p).not.toContain("<img src=x");
      expect(html, p).not.toContain("onerror=alert(1)>");
      if (p !== "/mulai") expect(html, p).toContain("&lt;img src=x onerror=alert(1)&gt;");
    }
    const fields = formFields(await (await get("/pengaturan/pegawai")).text(), "/pengaturan/pegawai");
    expect(fields).toContainEqual(["pegawai[bidan].nama", hostile]);
  });

  it("keeps a `javascript:` address or a closing quote in a field as text, never as a link or markup", async () => {
    const { get, post } = testApp(root);
    const fields = formFields(await (await get("/pengaturan/identitas")).text(), "/pengaturan/identitas");
    const hostileUrl = "javascript:alert(document.cookie)";
    const quote = '"><script>alert(1)</script>';
    const res = await post(
      "/pengaturan/identitas",
      edit(fields, { "puskesmas.laman": hostileUrl, "puskesmas.alamat": quote }),
    );
    expect(res.status).toBe(303);
    const html = await (await get("/pengaturan/identitas")).text();
    expect(html).not.toMatch(/(href|src|action)="javascript:/i);
    expect(html).not.toContain("<script>alert");
    const again = formFields(html, "/pengaturan/identitas");
    expect(again).toContainEqual(["puskesmas.laman", hostileUrl]);
    expect(again).toContainEqual(["puskesmas.alamat", quote]);
  });

  it("refuses a line break in a one-line field, so it can never become a new YAML key", async () => {
    const { get, post } = testApp(root);
    const fields = formFields(await (await get("/pengaturan/identitas")).text(), "/pengaturan/identitas");
    const res = await post("/pengaturan/identitas", edit(fields, { "puskesmas.nama": "Mini\nlogo: /etc/passwd" }));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("isian ini hanya satu baris");
    expect(readFileSync(yaml, "utf8")).toBe(original());
  });
});

describe("an error page", () => {
  it("shows no stack and no folder outside the workspace; a file inside is named from the workspace", async () => {
    const { app, get } = testApp(root);
    // An internal failure as Node words it (EACCES, ENOENT, a module's path): a route that fails so.
    app.get("/gagal/:how", (c) => {
      const how = c.req.param("how");
      const error = new Error(
        how === "luar"
          ? "EACCES: permission denied, open '/home/ani/Dokumen Rahasia/gaji.xlsx'"
          : how === "windows"
            ? "EPERM: operation not permitted, rename 'C:\\Users\\Ani Rahma\\AppData\\x.tmp' -> " +
              "\\\\server\\share\\lokmin.yaml"
            : `ENOENT: no such file or directory, open '${path.join(root, "2024-02", "rapat.yaml")}'`,
      );
      error.stack = `${error.message}\n    at readFileSync (/usr/lib/node_modules/lokmin/dist/lokmin.mjs:1:2)`;
      throw error;
    });
    const pages = {
      luar: await (await get("/gagal/luar")).text(),
      windows: await (await get("/gagal/windows")).text(),
      dalam: await (await get("/gagal/dalam")).text(),
    };
    expect(pages.luar).toContain("open &#39;…/gaji.xlsx&#39;");
    expect(pages.windows).toContain("rename &#39;…\\x.tmp&#39; -&#62; …\\lokmin.yaml");
    expect(pages.dalam).toContain("open &#39;2024-02/rapat.yaml&#39;");
    for (const html of Object.values(pages)) {
      for (const secret of ["/home/ani", "Ani Rahma", "server", "lokmin.mjs", "    at ", root])
        expect(html).not.toContain(secret);
    }
    expect((await get("/gagal/luar")).status).toBe(500);
  });
});

describe("the server", () => {
  it("listens on 127.0.0.1 only, serves nothing without the cookie, and cuts off oversized headers", async () => {
    const running = await startServer({ port: 0, env: {}, today: () => "2024-05-10", lang: "id", folder: root });
    try {
      expect(running.server.address()).toMatchObject({ address: "127.0.0.1", family: "IPv4" });
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?kunci=[\w-]{32}$/);
      const base = `http://127.0.0.1:${running.port}`;
      expect((await fetch(`${base}/beranda`)).status).toBe(403);
      const big = await fetch(`${base}/beranda`, { headers: { "x-isi": "a".repeat(32 * 1024) } });
      expect(big.status).toBe(431);
      const traded = await fetch(running.url, { redirect: "manual" });
      expect(traded.status).toBe(303);
      const cookie = (traded.headers.get("set-cookie") ?? "").split(";")[0];
      expect((await fetch(`${base}/beranda`, { headers: { cookie } })).status).toBe(200);
    } finally {
      await running.close();
    }
  });

  it("prints the address with its key once, and never puts the key on a browser's command line", async () => {
    let printed: string[] = [];
    const notes: string[] = [];
    let stop = () => undefined as void;
    const done = launch({
      cwd: root,
      folder: root,
      env: { LOKMIN_NO_BROWSER: "1" },
      port: 0,
      openBrowser: true,
      print: ({ url }) => printed.push(url),
      note: (line) => notes.push(line),
      until: new Promise<void>((resolve) => (stop = resolve)),
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    stop();
    expect(await done).toBe(0);
    expect(printed).toHaveLength(1);
    const key = new URL(printed[0]).searchParams.get("kunci")!;
    expect(notes.join("\n")).not.toContain(key);
    printed = [];
    // Elsewhere than Windows, the browser is handed a file only this account reads, which forwards.
    const parent = tempDir();
    const url = `http://127.0.0.1:4321/?kunci=${key}&"><script>`;
    const target = browserTarget(url, "linux", parent);
    expect(target.target).not.toContain(key);
    expect(statSync(target.target).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(target.target)).mode & 0o777).toBe(0o700);
    const page = readFileSync(target.target, "utf8");
    expect(page).toContain('<meta name="referrer" content="no-referrer">');
    expect(page).toContain("&#34;&#62;&#60;script&#62;");
    expect(page).not.toContain("<script>");
    target.remove();
    expect(readdirSync(parent)).toEqual([]);
    expect(browserTarget(url, "win32", parent).target).toBe(url);
  });
});
