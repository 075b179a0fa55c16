// placeholder, filled in for issue #17
import type { ZipEntries } from "./zip.js";
export async function fillWordTemplate(..._args: unknown[]): Promise<ZipEntries> {
  throw new Error("not yet");
}
