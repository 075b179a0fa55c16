// The browser app's pages and its one save path, through the handlers in-process (issue 27 points
// 2, 3 and 9): a save writes only what changed, a file changed elsewhere is merged or shown as a
// conflict with both values, a mistake is shown at its field before anything is written, and a
// workspace created from the start page is the one `lokmin init` makes.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { acquireLock } from "../../src/io/lock.js";
import { readData } from "../../src/io/yaml-source.js";
import { edit, formFields, testApp } from "../app-support.js";
import { copyWorkspace, lokmin, MINI, REPO, tempDir } from "../helpers.js";
import { trackProcess } from "../running.js";

let root: string;
let yaml: string;
const original = () => readFileSync(path.join(MINI, "lokmin.yaml"), "utf8");
const onDisk = () => readFileSync(yaml, "utf8");
beforeEach(() => {
  root = copyWorkspace(MINI);
  yaml = path.join(root, "lokmin.yaml");
});

async function open(app: ReturnType<typeof testApp>, url: string) {
  const res = await app.get(url);
  expect(res.status).toBe(200);
  return formFields(await res.text(), url);
}

describe("a save", () => {
  it("writes only the edited values: comments, order, quoting and the other keys stay", async () => {
    const app = testApp(root);
    const fields = await open(app, "/pengaturan/pegawai");
    const res = await app.post("/pengaturan/pegawai", edit(fields, { "pegawai[bidan].jabatan": "Bidan Koordinator" }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/pengaturan/pegawai");
    expect(onDisk()).toBe(original().replace("jabatan: PJ KIA", "jabatan: Bidan Koordinator"));
    // The page says so, once.
    const after = await (await app.get("/pengaturan/pegawai")).text();
    expect(after).toContain("Tersimpan.");
    expect(await (await app.get("/pengaturan/pegawai")).text()).not.toContain("Tersimpan.");
  });

  it("speaks to office workers: no workspace, YAML or file names on the start, settings or save", async () => {
    const text = async (app: ReturnType<typeof testApp>, url: string) => {
      const html = await (await app.get(url)).text();
      return html
        .slice(html.indexOf("<body"))
        .replace(/<script[\s\S]*?<\/script>/g, "")
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ");
    };
    const jargon = /workspace|YAML|lokmin init|lokmin\.yaml|rapat\.yaml|tribulanan\.yaml/i;
    for (const lang of ["id", "en"]) {
      const start = testApp();
      const opened = testApp(root);
      for (const app of [start, opened]) expect((await app.post("/bahasa", [["bahasa", lang]])).status).toBe(303);
      expect(await text(start, "/mulai"), lang).not.toMatch(jargon);
      expect(await text(start, "/mulai"), lang).toContain(lang === "id" ? "folder data Puskesmas" : "data folder");
      expect(await text(opened, "/pengaturan"), lang).not.toMatch(jargon);
      const fields = await open(opened, "/pengaturan/pegawai");
      const name = lang === "id" ? "Bidan Koordinator" : "Bidan Utama";
      await opened.post("/pengaturan/pegawai", edit(fields, { "pegawai[bidan].jabatan": name }));
      const saved = await text(opened, "/pengaturan/pegawai");
      expect(saved, lang).toContain(lang === "id" ? "Tersimpan." : "Saved.");
      expect(saved, lang).not.toMatch(jargon);
      await opened.post("/bulan/2024-02/undangan", await open(opened, "/bulan/2024-02/undangan"));
      const same = await text(opened, "/bulan/2024-02/undangan");
      expect(same, lang).toContain(lang === "id" ? "Tidak ada yang berubah." : "Nothing changed.");
      expect(same, lang).not.toMatch(/rapat\.yaml/);
    }
  });

  it("sent back unchanged writes nothing, and says so", async () => {
    const app = testApp(root);
    for (const url of [
      "/pengaturan/identitas",
      "/pengaturan/pegawai",
      "/pengaturan/program",
      "/pengaturan/program/kia",
      "/pengaturan/desa",
      "/pengaturan/lintas-sektor",
      "/pengaturan/surat",
      "/pengaturan/aturan",
    ]) {
      const res = await app.post(url, await open(app, url));
      expect(res.status, url).toBe(303);
      expect(onDisk(), url).toBe(original());
      expect(await (await app.get(url)).text(), url).toContain("Tidak ada yang berubah");
    }
  });

  it("keeps a NIP as a quoted string of 18 digits and warns about a wrong one without refusing it", async () => {
    const app = testApp(root);
    const fields = await open(app, "/pengaturan/pegawai");
    expect(fields).toContainEqual(["pegawai[kapus].nip", "19780315 200501 2 004"]);
    const res = await app.post(
      "/pengaturan/pegawai",
      edit(fields, { "pegawai[bidan].nip": "19851332 201001 2 008", "pegawai[tu].nip": "19800610 200604 1 003" }),
    );
    expect(res.status).toBe(303);
    expect(onDisk()).toContain('    nip: "198513322010012008"');
    const page = await (await app.get("/pengaturan/pegawai")).text();
    expect(page).toContain("NIP ini tampak tidak sah (tanggal lahir pada 8 angka pertama tidak ada)");
  });

  it("adds a row with an id made from the name, and removes one", async () => {
    const app = testApp(root);
    const fields = (await open(app, "/pengaturan/pegawai")).filter(([k]) => !k.startsWith("pegawai[bidan]"));
    // bidan is PJ of KIA: removing her is refused, naming where she is still named
    const refused = await app.post("/pengaturan/pegawai", fields);
    expect(refused.status).toBe(200);
    expect(await refused.text()).toContain("pegawai &#39;bidan&#39; masih disebut sebagai PJ Kesehatan Ibu dan Anak");
    expect(onDisk()).toBe(original());
    // A row the page added (the same markup /baris gives)
    const row = await (await app.get("/baris?halaman=pegawai&daftar=pegawai")).text();
    expect(row).toMatch(/name="pegawai\[~\d+\]"/);
    const key = /name="(pegawai\[~\d+\])"/.exec(row)![1];
    const added = [
      ...(await open(app, "/pengaturan/pegawai")),
      [key, "1"],
      [`${key}.nama`, "Dewi Sartika, A.Md.Keb"],
      [`${key}.jabatan`, "Bidan Desa"],
      [`${key}.nip`, ""],
      [`${key}.aktif`, "on"],
    ] as [string, string][];
    expect((await app.post("/pengaturan/pegawai", added)).status).toBe(303);
    const data = readData(onDisk()) as any;
    expect(data.pegawai.at(-1)).toEqual({ id: "dewi", nama: "Dewi Sartika, A.Md.Keb", jabatan: "Bidan Desa" });
  });

  it("shows a mistake at its field in Indonesian and writes nothing; the person's values stay", async () => {
    const app = testApp(root);
    const fields = await open(app, "/pengaturan/program/kia");
    const res = await app.post(
      "/pengaturan/program/kia",
      edit(fields, {
        "program[kia].indikator[bumil].sasaran": "1.200",
        "program[kia].indikator[bumil].nama": "Ibu hamil K6",
      }),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Belum disimpan: periksa isian yang bertanda");
    expect(html).toContain("tulis tanpa titik ribuan: 2000, bukan 2.000");
    expect(html).toContain('aria-invalid="true"');
    expect(html).toMatch(/data-satu-baris="true">Ibu hamil K6<\/textarea>/);
    expect(onDisk()).toBe(original());
  });

  it("waits for another lokmin holding the workspace lock, then says so and keeps what was typed", async () => {
    const app = testApp(root);
    const fields = await open(app, "/pengaturan/identitas");
    const lock = await acquireLock(root, { command: "rank --write", env: {} });
    try {
      const res = await app.post("/pengaturan/identitas", edit(fields, { "puskesmas.telepon": "0733 1234" }));
      const html = await res.text();
      expect(html).toContain("rank --write");
      expect(html).toContain('value="0733 1234"');
      expect(onDisk()).toBe(original());
    } finally {
      lock.release();
    }
  });
});

describe("a file changed under an open page", () => {
  it("merges when the edits do not touch: both changes end up in the file", async () => {
    const app = testApp(root);
    const fields = await open(app, "/pengaturan/pegawai");
    // Meanwhile, someone edits the file by hand (or the CLI, or git)
    writeFileSync(yaml, original().replace("jabatan: Kasubag TU", "jabatan: Kepala Subbagian TU"));
    const res = await app.post("/pengaturan/pegawai", edit(fields, { "pegawai[bidan].jabatan": "Bidan Koordinator" }));
    expect(res.status).toBe(303);
    expect(onDisk()).toBe(
      original()
        .replace("jabatan: Kasubag TU", "jabatan: Kepala Subbagian TU")
        .replace("jabatan: PJ KIA", "jabatan: Bidan Koordinator"),
    );
  });

  it("shows a field changed both here and there with both values, writes nothing, and writes the choice", async () => {
    const app = testApp(root);
    const fields = await open(app, "/pengaturan/pegawai");
    const elsewhere = original().replace("jabatan: Kasubag TU", "jabatan: Kepala Subbagian TU");
    writeFileSync(yaml, elsewhere);
    const res = await app.post(
      "/pengaturan/pegawai",
      edit(fields, { "pegawai[tu].jabatan": "Sekretaris", "pegawai[bidan].jabatan": "Bidan Koordinator" }),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Belum disimpan: lokmin.yaml diubah di tempat lain");
    expect(html).toContain("Pakai isian saya: Sekretaris");
    expect(html).toContain("Pakai isi berkas sekarang: Kepala Subbagian TU");
    expect(onDisk()).toBe(elsewhere);
    // The page shown again carries the file's new version; the other edit is still in it.
    const again = formFields(html, "/pengaturan/pegawai");
    expect(again).toContainEqual(["pegawai[bidan].jabatan", "Bidan Koordinator"]);
    expect(again).toContainEqual(["_konflik", "pegawai[tu].jabatan"]);
    // Without a choice: asked again, nothing written.
    const unanswered = await app.post("/pengaturan/pegawai", again);
    expect(await unanswered.text()).toContain("pilih salah satu nilai");
    expect(onDisk()).toBe(elsewhere);
    // Keep the file's value: it stays, the other edit is written.
    const kept = await app.post("/pengaturan/pegawai", [...again, ["_pilih:pegawai[tu].jabatan", "berkas"]]);
    expect(kept.status).toBe(303);
    expect(onDisk()).toBe(elsewhere.replace("jabatan: PJ KIA", "jabatan: Bidan Koordinator"));
  });

  it("writes the person's value when they choose theirs", async () => {
    const app = testApp(root);
    const fields = await open(app, "/pengaturan/identitas");
    writeFileSync(yaml, original().replace("alamat: Jl. Contoh No. 1", "alamat: Jl. Lain No. 2"));
    const res = await app.post("/pengaturan/identitas", edit(fields, { "puskesmas.alamat": "Jl. Saya No. 3" }));
    const again = formFields(await res.text(), "/pengaturan/identitas");
    const chosen = await app.post("/pengaturan/identitas", [...again, ["_pilih:puskesmas.alamat", "saya"]]);
    expect(chosen.status).toBe(303);
    expect(onDisk()).toBe(original().replace("alamat: Jl. Contoh No. 1", "alamat: Jl. Saya No. 3"));
  });

  it("shows a row removed here but changed there again, instead of dropping the change", async () => {
    const app = testApp(root);
    writeFileSync(yaml, original().replace("    penanggung_jawab: tu\n", "    penanggung_jawab: kapus\n"));
    const fields = (await open(app, "/pengaturan/pegawai")).filter(([k]) => !k.startsWith("pegawai[tu]"));
    const elsewhere = onDisk().replace('nip: "198006102006041003"', 'nip: "198006102006041005"');
    writeFileSync(yaml, elsewhere);
    const res = await app.post("/pengaturan/pegawai", fields);
    const html = await res.text();
    expect(html).toContain("Anda menghapus baris ini, tetapi isinya diubah di tempat lain");
    expect(formFields(html, "/pengaturan/pegawai")).toContainEqual(["pegawai[tu].nip", "19800610 200604 1 005"]);
    expect(onDisk()).toBe(elsewhere);
  });

  it("is noticed by the page's poll: nothing while the file is as shown, a banner once it is not", async () => {
    const app = testApp(root);
    const html = await (await app.get("/pengaturan/identitas")).text();
    const poll = /hx-get="([^"]*\/versi[^"]*)"/.exec(html)![1].replace(/&amp;/g, "&");
    expect((await app.get(poll)).status).toBe(204);
    writeFileSync(yaml, `${original()}# diubah\n`);
    const res = await app.get(poll);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("lokmin.yaml baru saja diubah di luar halaman ini");
  });
});

describe("the field check as it is typed", () => {
  it("answers with the same message the save would give", async () => {
    const app = testApp(root);
    const res = await app.request(
      "/periksa",
      {
        method: "POST",
        body: new URLSearchParams({ _halaman: "pegawai", _isian: "pegawai[kapus].nip", "pegawai[kapus].nip": "1978" }),
      },
      {
        origin: "http://127.0.0.1:4321",
        "content-type": "application/x-www-form-urlencoded",
        "x-lokmin-token": "token-uji",
      },
    );
    expect(await res.text()).toContain("NIP biasanya 18 angka");
  });
});

describe("the start page", () => {
  it("creates the workspace lokmin init creates, with the regulation chosen", async () => {
    const app = testApp();
    const parent = tempDir("lokmin-create-");
    const folder = path.join(parent, "Puskesmas Uji");
    const values: Record<string, string> = {
      nama: "UPTD Puskesmas Uji",
      kecamatan: "Uji",
      kabupaten: "Kabupaten Contoh",
      alamat: "Jl. Uji No. 1",
      kepala: "dr. Kepala",
      kepalaNip: "19780315 200501 2 004",
      tu: "Tata Usaha",
      tuNip: "",
      zona: "WITA",
      taksonomi: "klaster",
      pembinaan: "nasional",
      folder,
    };
    const res = await app.post("/mulai/buat", Object.entries(values));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/pengaturan");
    const written = readFileSync(path.join(folder, "lokmin.yaml"), "utf8");

    const cli = path.join(parent, "cli");
    const init = await lokmin([
      "init",
      cli,
      "--nama",
      values.nama,
      "--kecamatan",
      values.kecamatan,
      "--kabupaten",
      values.kabupaten,
      "--alamat",
      values.alamat,
      "--kepala",
      values.kepala,
      "--kepala-nip",
      values.kepalaNip,
      "--tu",
      values.tu,
      "--zona",
      "WITA",
      "--taksonomi",
      "klaster",
      "--yes",
      "--tanpa-git",
    ]);
    expect(init.status).toBe(0);
    // `init` + the regulation written by hand: profil nasional, no Musi Rawas name.
    const byHand = readFileSync(path.join(cli, "lokmin.yaml"), "utf8").replace(
      /pembinaan:\n  profil: musi-rawas-2018\n  nama: .*\n  singkat: .*\n/,
      "pembinaan:\n  profil: nasional\n",
    );
    expect(written).toBe(byHand);
    expect(written).toContain('nip: "197803152005012004"');
    // The app now has it open, and remembers it.
    expect((await app.get("/beranda")).status).toBe(200);
    expect(await (await app.get("/mulai")).text()).toContain(folder);
    const check = await lokmin(["check", "--json"], { cwd: folder });
    expect(
      JSON.parse(check.stdout).findings.filter((f: any) => f.file === "lokmin.yaml" && f.severity === "error"),
    ).toEqual([]);
  });

  it("asks again, at the field, for what is missing or not a full path", async () => {
    const app = testApp();
    const res = await app.post("/mulai/buat", [
      ["nama", ""],
      ["kecamatan", "Uji"],
      ["folder", "relatif/folder"],
      ["zona", "WIB"],
      ["taksonomi", "program"],
      ["pembinaan", "sendiri"],
    ]);
    const html = await res.text();
    expect(html).toContain("wajib diisi");
    expect(html).toContain("tulis jalur lengkap");
    expect(html).toContain("wajib diisi untuk peraturan sendiri");
  });

  it("opens a workspace from a typed path and refuses a folder that is none", async () => {
    const app = testApp();
    const bad = await app.post("/mulai/buka", [["folder", tempDir()]]);
    expect(await bad.text()).toContain("bukan folder data Puskesmas");
    const good = await app.post("/mulai/buka", [["folder", path.join(root, "2024-01")]]);
    expect(good.status).toBe(303);
    expect(await (await app.get("/beranda")).text()).toContain("UPTD Puskesmas Mini");
  });

  it("lists workspaces found under Documents", async () => {
    const app = testApp();
    const found = copyWorkspace(MINI);
    const documents = path.join(app.home, "Documents");
    const { cpSync } = await import("node:fs");
    cpSync(found, path.join(documents, "Kantor", "Puskesmas Mini"), { recursive: true });
    expect(await (await app.get("/mulai")).text()).toContain(path.join(documents, "Kantor", "Puskesmas Mini"));
  });
});

describe("the language switch", () => {
  it("turns the pages English and back, and returns only to a path of this app", async () => {
    const app = testApp(root);
    const res = await app.post("/bahasa", [
      ["bahasa", "en"],
      ["kembali", "/pengaturan/pegawai"],
    ]);
    expect(res.headers.get("location")).toBe("/pengaturan/pegawai");
    const page = await (await app.get("/pengaturan/pegawai")).text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain("Name (with titles)");
    for (const away of ["//evil.example", "/\\evil.example", "https://evil.example"]) {
      const back = await app.post("/bahasa", [
        ["bahasa", "id"],
        ["kembali", away],
      ]);
      expect(back.headers.get("location"), away).toBe("/");
    }
    expect(await (await app.get("/pengaturan/pegawai")).text()).toContain("Nama (dengan gelar)");
  });
});

describe("validation against the schema before writing", () => {
  it("refuses a result the schema refuses, at the field, and tolerates a problem the file already had", async () => {
    const { savePage } = await import("../../src/app/save.js");
    const { workspaceSchema } = await import("../../src/domain/schema.js");
    // A page whose field does not say it is required: the schema still does.
    const page = {
      id: "uji",
      url: "/uji",
      file: "lokmin.yaml",
      title: { id: "Uji", en: "Test" },
      schema: workspaceSchema,
      specs: () => [
        {
          kind: "group" as const,
          key: "puskesmas",
          children: [
            { kind: "field" as const, key: "nama", label: { id: "Nama", en: "Name" }, input: "text" as const },
          ],
        },
      ],
    };
    const emptied = await savePage(root, page, new Map([["puskesmas.nama", [""]]]), {});
    expect(emptied.kind).toBe("invalid");
    if (emptied.kind !== "invalid") return;
    expect(emptied.notes["puskesmas.nama"]?.error).toBeDefined();
    expect(onDisk()).toBe(original());

    // An error elsewhere in the file, there before the save, does not stop it.
    writeFileSync(yaml, original().replace("  metode_masalah: usg", "  metode_masalah: usg\n  tidak_dikenal: 1"));
    const before = onDisk();
    const saved = await savePage(root, page, new Map([["puskesmas.nama", ["UPTD Puskesmas Baru"]]]), {});
    expect(saved.kind).toBe("saved");
    expect(onDisk()).toBe(before.replace("nama: UPTD Puskesmas Mini", "nama: UPTD Puskesmas Baru"));
  });
});

describe("lokmin buka --port", () => {
  const buka = (args: string[]) => {
    const home = tempDir("lokmin-port-home-");
    const child = spawn(process.execPath, [path.join(REPO, "bin", "lokmin.js"), "buka", ...args], {
      cwd: home,
      env: { PATH: process.env.PATH, HOME: home, LOKMIN_CONFIG_DIR: path.join(home, "config"), NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    trackProcess("lokmin buka", child, "test");
    return child;
  };

  it("0 means any free port: the address printed says which, and it answers there", async () => {
    const child = buka([copyWorkspace(MINI), "--tanpa-browser", "--port", "0", "--json"]);
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += d));
    const line = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (d) => {
        out += d;
        // The one JSON object --json prints (over several lines), once it is whole.
        if (/^\}\s*$/m.test(out)) resolve(out);
      });
      child.once("exit", (code) => reject(new Error(`buka exited ${code}: ${stderr}`)));
    });
    const { url, port } = JSON.parse(line) as { url: string; port: number };
    expect(port).toBeGreaterThan(0);
    expect(new URL(url).port).toBe(String(port));
    expect((await fetch(url, { redirect: "manual" })).status).toBeLessThan(500);
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGINT");
    await exited;
  });

  it("a port out of range is still refused with the usage exit code", async () => {
    const r = await lokmin(["buka", copyWorkspace(MINI), "--tanpa-browser", "--port", "70000"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--port harus bilangan 0–65535");
  });
});
