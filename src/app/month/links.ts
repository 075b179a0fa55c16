// Where a finding of `check` is fixed in the app: the page that shows the file and the YAML path it
// names, and the field on that page (its anchor). Every page's specs are asked which field holds the
// path (keyOfPath); the page whose field is the most specific wins — the scores of a problem go to
// the scoring page, its title to the problems page. A program's report goes to the workbooks, where
// the coordinators' figures come from.
import { keyOfPath } from "../../domain/fields/model.js";
import type { PathSegment } from "../../domain/findings.js";
import { isMonthId } from "../../domain/month.js";
import { WORKSPACE_FILE } from "../../domain/workspace-data.js";
import { type Message, msg } from "../../i18n/index.js";
import { domId } from "../components/form.js";
import { readYaml } from "../files.js";
import type { FormPage } from "../save.js";
import { indicatorPage, SETUP_PAGES } from "../setup/pages.js";
import { meetingPages, pralokminPage, quarterlyPage } from "./pages.js";
import { M as MONTH, monthSetting } from "./registry.js";

export interface FixLink {
  href: string;
  /** The page's name, to say where the link leads. */
  page: Message;
}

/** The page and field of each file's finding; the file is read once per call of `linker`. */
export function linker(root: string): (file: string, path?: readonly PathSegment[]) => FixLink | undefined {
  const data = new Map<string, unknown>();
  const read = (file: string) => {
    if (!data.has(file)) {
      const r = readYaml(root, file);
      data.set(file, r.ok ? r.file.data : undefined);
    }
    return data.get(file);
  };
  return (file, path = []) => {
    const month = file.slice(0, 7);
    if (file === WORKSPACE_FILE) {
      const config = read(file);
      const program = path[0] === "program" && typeof path[1] === "number" ? programId(config, path[1]) : undefined;
      const pages = program && path[2] === "indikator" ? [indicatorPage(program)] : SETUP_PAGES;
      return best(pages, config, path) ?? { href: "/pengaturan", page: SETUP };
    }
    if (!isMonthId(month) || file[7] !== "/") return undefined;
    const rest = file.slice(8);
    const setting = monthSetting(root, month);
    if (rest.startsWith("program/") || rest.startsWith("isian/"))
      return { href: `/bulan/${month}/isian`, page: MONTH.workbooks };
    const meeting = read(file);
    const overview = { href: `/bulan/${month}`, page: MONTH.overview };
    if (rest === "rapat.yaml") return best(meetingPages(setting, meeting), meeting, path) ?? overview;
    if (rest === "tribulanan.yaml") return best([quarterlyPage(setting)], meeting, path) ?? overview;
    const klaster = /^pralokmin\/([a-z0-9][a-z0-9_.-]*)\.yaml$/.exec(rest)?.[1];
    if (klaster) return best([pralokminPage(setting, klaster)], meeting, path) ?? overview;
    return overview;
  };
}

function programId(config: unknown, index: number): string | undefined {
  const list = (config as { program?: unknown })?.program;
  const item = Array.isArray(list) ? list[index] : undefined;
  return typeof item?.id === "string" ? item.id : undefined;
}

const SETUP = msg("Pengaturan", "Settings");

/** The page whose field for `path` is the most specific; undefined when no page shows the path. */
function best(pages: readonly FormPage[], data: unknown, path: readonly PathSegment[]): FixLink | undefined {
  let found: { page: FormPage; key: string } | undefined;
  for (const page of pages) {
    const key = path.length ? keyOfPath(page.specs(data), data, path) : undefined;
    if (key !== undefined && (!found || key.length > found.key.length)) found = { page, key };
  }
  if (!found)
    return path.length === 0 && pages[0] ? { href: pages[0].url, page: pages[0].nav ?? pages[0].title } : undefined;
  return { href: `${found.page.url}#${domId("f", found.key)}`, page: found.page.nav ?? found.page.title };
}
