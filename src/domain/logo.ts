// What is wrong with a workspace's logo file, in the same words wherever it is said: `check`'s
// puskesmas/logo finding and `render`'s warning when the letterhead prints without it. Pure: what
// the path names on disk comes in as a FileKind.
import { msg, t } from "../i18n/index.js";
import type { FileKind } from "./check/context.js";

const M = {
  logoMissing: msg(
    "logo '{logo}' tidak ditemukan; kop surat dicetak tanpa logo",
    "logo '{logo}' not found; the letterhead prints without a logo",
  ),
  logoOutside: msg(
    "logo '{logo}' berada di luar folder workspace; salin ke dalam workspace",
    "logo '{logo}' is outside the workspace folder; copy it inside",
  ),
  logoOther: msg(
    "logo '{logo}' bukan berkas gambar PNG atau JPEG; kop surat dicetak tanpa logo",
    "logo '{logo}' is not a PNG or JPEG image file; the letterhead prints without a logo",
  ),
};

/** What is wrong with the logo, or undefined when it is a file inside the workspace. */
export function logoProblem(kind: FileKind | "not-image", logo: string): string | undefined {
  switch (kind) {
    case "outside":
      return t(M.logoOutside, { logo });
    case "missing":
      return t(M.logoMissing, { logo });
    case "other":
    case "not-image":
      return t(M.logoOther, { logo });
    default:
      return undefined;
  }
}
