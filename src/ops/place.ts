// Where a document lokmin writes may go (render's documents, template's starting Word files): a
// file lokmin wrote and nobody changed since (its fingerprint matches) is replaced freely, or left
// alone when the new one is the same; a file someone edited (in Word) or that did not come from
// lokmin is kept, unless `force`, which first keeps a backup copy beside it.
import path from "node:path";
import { readRegularFile } from "../io/fs-safe.js";
import { writeFileAtomic } from "../io/write.js";
import { provenance } from "../render/package.js";

export type Outcome = "written" | "replaced" | "unchanged" | "kept" | "failed";

export interface Placed {
  outcome: Exclude<Outcome, "failed">;
  /** The copy of the file replaced under `force`. */
  backup?: string;
  /** Kept because the file there was not written by lokmin (rather than edited since). */
  foreign?: boolean;
}

/** Write one document where it belongs, deciding by the fingerprint of what is there now. */
export function place(
  target: string,
  shown: string,
  rendered: { data: Buffer; sidik: string },
  force: boolean,
  root?: string,
): Placed {
  // Inside the workspace (`root`) what is there now is never read through a link out of it.
  const existing = readRegularFile(target, { maxBytes: 64 << 20, root });
  if (!existing.ok) {
    if (existing.reason !== "missing") {
      // A folder, a device, a file too big to be ours: writing reports the reason in words.
      writeFileAtomic(target, rendered.data, { overwrite: force, force, label: shown });
      return { outcome: "written" };
    }
    writeFileAtomic(target, rendered.data, { overwrite: false, force, label: shown });
    return { outcome: "written" };
  }
  const origin = provenance(existing.bytes);
  if (origin.kind === "lokmin") {
    if (origin.sidik === rendered.sidik) return { outcome: "unchanged" };
    writeFileAtomic(target, rendered.data, { overwrite: true, force, label: shown, expected: existing.bytes });
    return { outcome: "replaced" };
  }
  if (!force) return { outcome: "kept", foreign: origin.kind === "foreign" };
  const backup = freeBackupName(target);
  writeFileAtomic(backup, existing.bytes, { overwrite: false, label: path.basename(backup) });
  writeFileAtomic(target, rendered.data, { overwrite: true, force: true, label: shown, expected: existing.bytes });
  return { outcome: "replaced", backup };
}

/** "2024-05-notulen.cadangan-1.docx", the first number not taken. */
function freeBackupName(target: string): string {
  const stem = target.replace(/\.docx$/i, "");
  for (let n = 1; ; n++) {
    const candidate = `${stem}.cadangan-${n}.docx`;
    const probe = readRegularFile(candidate, { maxBytes: 1 });
    if (!probe.ok && probe.reason === "missing") return candidate;
  }
}
