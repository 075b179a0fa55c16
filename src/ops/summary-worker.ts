// A second thread for `summary` over many packages (src/ops/summary.ts starts it): it reads,
// verifies and summarises its share of the packages exactly as the main thread does its own, and
// posts the results back in batches, in order. Built beside the CLI as dist/summary-worker.js.
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { type Lang, setLang } from "../i18n/index.js";
import type { PackageOutcome } from "./summary.js";

const data = workerData as { cwd: string; env: NodeJS.ProcessEnv; lang: Lang; files: string[]; light: boolean };
setLang(data.lang);
const { summarizePackage } = await import("../io/paket.js");
const { PackageCache } = await import("../io/package-cache.js");
const memo = { configs: new Map<string, string | null>(), cache: new PackageCache(data.env), names: new Map() };
let batch: PackageOutcome[] = [];
for (const file of data.files) {
  try {
    batch.push({ ok: await summarizePackage(path.resolve(data.cwd, file), file, memo, data.light) });
  } catch (error) {
    batch.push({ error: (error as Error).message });
  }
  if (batch.length === 100) {
    parentPort!.postMessage(batch);
    batch = [];
  }
}
parentPort!.postMessage(batch);
