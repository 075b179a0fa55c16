// The monthly package for the Dinas: `lokmin paket` on the year fixture (contents, manifest
// checksums, the check result, twice changes nothing) and `lokmin summary` reading packages beside
// workspaces (the same rows as the workspace gives; a package failing its checksums is reported, not read).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { copyWorkspace, lokmin, REPO, tempDir } from "../helpers.js";

const YEAR = path.join(REPO, "tests", "fixtures", "year");
const env = { LOKMIN_TODAY: "2024-07-02" };
const sha = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

describe("lokmin paket and summary of packages", () => {
  let root: string;
  let inbox: string;
  let june: Uint8Array;
  beforeAll(async () => {
    root = copyWorkspace(YEAR);
    mkdirSync(path.join(root, "2024-06/dokumen"));
    writeFileSync(path.join(root, "2024-06/dokumen/2024-06-notulen.docx"), "not really a docx");
    writeFileSync(path.join(root, "2024-06/dokumen/~$2024-06-notulen.docx"), "Word's lock file");
    inbox = tempDir("lokmin-kiriman-");
    for (const month of ["2024-03", "2024-06"]) {
      const out = path.join(inbox, `rimba-${month}.zip`);
      const r = await lokmin(["-C", root, "paket", month, "--out", out], { env });
      expect(r.status, r.stderr).toBe(0);
    }
    june = readFileSync(path.join(inbox, "rimba-2024-06.zip"));
  });

  it("holds the month's YAML, its documents, check.json and a manifest whose checksums match", async () => {
    const files = unzipSync(june);
    expect(Object.keys(files).sort()).toEqual([
      "2024-06/dokumen/2024-06-notulen.docx",
      "2024-06/pralokmin/klaster-2.yaml",
      "2024-06/program/klaster-2.yaml",
      "2024-06/program/klaster-3.yaml",
      "2024-06/rapat.yaml",
      "2024-06/tribulanan.yaml",
      "check.json",
      "lokmin.yaml",
      "manifest.json",
    ]);
    const manifest = JSON.parse(strFromU8(files["manifest.json"]));
    expect(manifest).toMatchObject({ format: "lokmin-paket", versi: 1, bulan: "2024-06", dibuat: "2024-07-02" });
    expect(manifest.puskesmas.nama).toBe("UPTD Puskesmas Rimba");
    for (const entry of manifest.berkas) expect(sha(files[entry.path]), entry.path).toBe(entry.sha256);
    expect(strFromU8(files["2024-06/rapat.yaml"])).toBe(readFileSync(path.join(root, "2024-06/rapat.yaml"), "utf8"));
    const check = JSON.parse((await lokmin(["-C", root, "check", "2024-06", "--json"], { env })).stdout);
    expect(JSON.parse(strFromU8(files["check.json"]))).toEqual(check);
  });

  it("run twice on the same day writes the same bytes; a different package is replaced only with --force", async () => {
    const out = path.join(inbox, "rimba-2024-06.zip");
    const again = await lokmin(["-C", root, "paket", "2024-06", "--out", out, "--json"], { env });
    expect(JSON.parse(again.stdout).unchanged).toBe(true);
    expect(readFileSync(out)).toEqual(Buffer.from(june));
    const other = path.join(tempDir(), "x.zip");
    writeFileSync(other, "old");
    expect((await lokmin(["-C", root, "paket", "2024-06", "--out", other], { env })).status).toBe(2);
    expect((await lokmin(["-C", root, "paket", "2024-06", "--out", other, "--force"], { env })).status).toBe(0);
    // Without --out the package lands in the month folder, named after the Puskesmas.
    const plain = JSON.parse((await lokmin(["-C", root, "paket", "2024-03", "--json"], { env })).stdout);
    expect(path.relative(root, plain.file)).toBe(path.join("2024-03", "lokmin-uptd-puskesmas-rimba-2024-03.zip"));
    expect(plain.warnings[0]).toContain("belum ada dokumen di 2024-03/dokumen/");
  });

  it("summary reads a folder of packages as one Puskesmas, with the rows the workspace itself gives", async () => {
    const fromPackages = JSON.parse((await lokmin(["summary", inbox, "--json"], { env })).stdout).workspaces;
    const fromWorkspace = JSON.parse((await lokmin(["summary", root, "--json"], { env })).stdout).workspaces;
    expect(fromPackages).toHaveLength(1);
    expect(fromPackages[0].paket.map((f: string) => path.basename(f))).toEqual([
      "rimba-2024-03.zip",
      "rimba-2024-06.zip",
    ]);
    const wanted = fromWorkspace[0].months.filter((m: { month: string }) => m.month !== "2024-01");
    expect(fromPackages[0].months).toEqual(wanted);
  });

  it("a package failing its checksums or naming a path outside is reported, not read; the others are", async () => {
    const files = unzipSync(june);
    const tampered = {
      ...files,
      "2024-06/rapat.yaml": strToU8(strFromU8(files["2024-06/rapat.yaml"]).replace("Aula Puskesmas", "Aula Puskesmaz")),
    };
    const dir = tempDir("lokmin-kiriman-");
    writeFileSync(path.join(dir, "a-tampered.zip"), zipSync(tampered));
    writeFileSync(path.join(dir, "b-escape.zip"), zipSync({ ...files, "../evil.yaml": strToU8("x: 1\n") }));
    writeFileSync(path.join(dir, "c-not-a-zip.zip"), "PK but not really");
    writeFileSync(path.join(dir, "d-good.zip"), june);
    const r = await lokmin(["summary", dir, "--json"], { env });
    expect(r.status).toBe(2);
    const entries = JSON.parse(r.stdout).workspaces;
    const error = (name: string) => entries.find((e: { dir: string }) => e.dir.endsWith(name))?.error ?? "";
    expect(error("a-tampered.zip")).toContain("2024-06/rapat.yaml: checksum SHA-256 tidak cocok");
    expect(error("b-escape.zip")).toContain("nama berkas yang tidak aman: ../evil.yaml");
    expect(error("c-not-a-zip.zip")).toContain("bukan berkas zip yang utuh");
    expect(entries.find((e: { name?: string }) => e.name === "UPTD Puskesmas Rimba").months).toHaveLength(1);
    const text = await lokmin(["summary", path.join(dir, "a-tampered.zip")], { env });
    expect(text.stdout).toContain("tidak lolos pemeriksaan checksum dan tidak dibaca");
  });
});
