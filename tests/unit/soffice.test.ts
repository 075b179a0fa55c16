// Where `render --pdf` finds LibreOffice: LOKMIN_SOFFICE, PATH, and on Windows the usual
// Program Files folders (where the installer puts it, usually not on PATH).
import { describe, expect, it } from "vitest";
import { findSoffice } from "../../src/ops/pdf.js";

describe("finding LibreOffice", () => {
  const only =
    (...files: string[]) =>
    (file: string) =>
      files.includes(file);

  it("on Windows: PATH first, then Program Files, Program Files (x86) and the user's own install", () => {
    const pf = "C:\\Program Files\\LibreOffice\\program\\soffice.exe";
    const env = {
      Path: "C:\\Windows",
      ProgramFiles: "C:\\Program Files",
      "ProgramFiles(x86)": "C:\\Program Files (x86)",
    };
    expect(findSoffice(env, "win32", only(pf))).toBe(pf);
    const x86 = "C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe";
    expect(findSoffice(env, "win32", only(x86))).toBe(x86);
    const onPath = "D:\\Tools\\LO\\soffice.exe";
    expect(findSoffice({ ...env, Path: "D:\\Tools\\LO" }, "win32", only(onPath, pf))).toBe(onPath);
    expect(findSoffice(env, "win32", only())).toBeNull();
  });

  it("elsewhere: PATH and the usual folders; LOKMIN_SOFFICE names it exactly", () => {
    expect(findSoffice({ PATH: "/opt/x:/usr/local/bin" }, "linux", only("/usr/local/bin/soffice"))).toBe(
      "/usr/local/bin/soffice",
    );
    expect(findSoffice({ PATH: "" }, "linux", only("/usr/bin/libreoffice"))).toBe("/usr/bin/libreoffice");
    expect(findSoffice({ LOKMIN_SOFFICE: "/x/soffice" }, "linux", only("/x/soffice"))).toBe("/x/soffice");
    expect(
      findSoffice({ LOKMIN_SOFFICE: "/x/soffice", PATH: "/usr/bin" }, "linux", only("/usr/bin/soffice")),
    ).toBeNull();
  });
});
