// The month's pages by name, built for one month with lokmin.yaml's choices, and the month's own
// navigation in the SOP's order: Ringkasan, Persiapan, Isian, the invitation, the meeting's pages,
// the quarterly meeting and the pralokmin when the month has them, then Periksa, Dokumen, Kirim.
import { readdirSync } from "node:fs";
import path from "node:path";
import { isObject } from "../../domain/fields/model.js";
import { isMonthId } from "../../domain/month.js";
import { meetingFile, PRALOKMIN_DIR, quarterlyFile, WORKSPACE_FILE } from "../../domain/workspace-data.js";
import { type Message, msg } from "../../i18n/index.js";
import { pathPresent } from "../../io/fs-safe.js";
import { readYaml } from "../files.js";
import type { FormPage } from "../save.js";
import {
  actionPlanPage,
  attendancePage,
  closingPage,
  commitmentsPage,
  discussionPage,
  firstLokminPage,
  invitationPage,
  type MonthSetting,
  pralokminPage,
  problemsPage,
  quarterlyPage,
  scoringPage,
  solutionsPage,
} from "./pages.js";

const FORM_PAGES: Record<string, (s: MonthSetting) => FormPage> = {
  undangan: invitationPage,
  kehadiran: attendancePage,
  pembahasan: discussionPage,
  masalah: problemsPage,
  prioritas: scoringPage,
  solusi: solutionsPage,
  rtl: actionPlanPage,
  kesepakatan: commitmentsPage,
  pertama: firstLokminPage,
  penutup: closingPage,
  tribulanan: quarterlyPage,
};

export const isFormPageName = (name: string) => Object.hasOwn(FORM_PAGES, name);

/** lokmin.yaml's data as the month's pages need it for their choices (empty when unreadable). */
export function monthSetting(root: string, month: string): MonthSetting {
  const read = readYaml(root, WORKSPACE_FILE);
  return { month, config: read.ok ? read.file.data : {} };
}

/** A month page by its id: "2024-05/undangan", "2024-05/pralokmin/ukm". */
export function monthPageById(root: string, id: string): FormPage | undefined {
  const [month, name, klaster, ...rest] = id.split("/");
  if (!isMonthId(month ?? "") || rest.length) return undefined;
  if (name === PRALOKMIN_DIR && klaster && /^[a-z0-9][a-z0-9_.-]*$/.test(klaster))
    return pralokminPage(monthSetting(root, month), klaster);
  if (klaster !== undefined || !isFormPageName(name ?? "")) return undefined;
  return FORM_PAGES[name](monthSetting(root, month));
}

export interface MonthLink {
  href: string;
  label: Message;
  /** A heading of a group of links in the navigation (the meeting, the pralokmin). */
  group?: Message;
  /** Where the step is in the month: before the meeting, at it, after it. */
  phase: "sebelum" | "rapat" | "sesudah";
  /** What the step covers, in a line. */
  what?: Message;
}

export const PHASES = {
  sebelum: msg("Sebelum rapat", "Before the meeting"),
  rapat: msg("Rapat", "The meeting"),
  sesudah: msg("Sesudah rapat", "After the meeting"),
};

/** The klaster whose pralokmin files the month holds. */
export function pralokminOf(root: string, month: string): string[] {
  try {
    return readdirSync(path.join(root, month, PRALOKMIN_DIR), { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(".yaml"))
      .map((e) => e.name.slice(0, -5))
      .sort();
  } catch {
    return [];
  }
}

export const M = {
  overview: msg("Ringkasan", "Overview"),
  prepare: msg("Persiapan bulan", "Prepare the month"),
  workbooks: msg("Isian koordinator", "Coordinators' workbooks"),
  meeting: msg("Rapat", "Meeting"),
  check: msg("Periksa", "Check"),
  documents: msg("Dokumen", "Documents"),
  send: msg("Kirim", "Send"),
};

/** The month's links in the SOP's order; the meeting's pages only once rapat.yaml is there. */
export function monthLinks(root: string, month: string): MonthLink[] {
  const base = `/bulan/${month}`;
  const setting = monthSetting(root, month);
  const meeting = readYaml(root, meetingFile(month));
  const data = meeting.ok && isObject(meeting.file.data) ? meeting.file.data : undefined;
  const first = data?.jenis === "pertama" || data?.pembagian_tugas !== undefined;
  const page = (factory: (s: MonthSetting) => FormPage, what: Message, group?: Message): MonthLink => {
    const p = factory(setting);
    return { href: p.url, label: p.nav ?? p.title, group, phase: group ? "rapat" : "sebelum", what };
  };
  const pralokmin = pralokminOf(root, month);
  return [
    { href: base, label: M.overview, phase: "sebelum" },
    ...pralokmin.map((k): MonthLink => {
      const p = pralokminPage(setting, k);
      return {
        href: p.url,
        label: p.nav ?? p.title,
        group: msg("Pralokmin", "Pralokmin"),
        phase: "sebelum",
        what: msg("pralokmin klaster sebelum Lokmin", "the klaster's meeting before the Lokmin"),
      };
    }),
    {
      href: `${base}/isian`,
      label: M.workbooks,
      phase: "sebelum",
      what: msg(
        "buku kerja Excel untuk PJ program: unduh, lalu unggah yang sudah diisi",
        "Excel workbooks for the coordinators: download, then upload the filled ones",
      ),
    },
    ...(data
      ? [
          page(invitationPage, msg("tanggal, tempat, surat undangan, susunan acara", "date, place, letter, programme")),
          page(attendancePage, msg("siapa yang hadir, tamu, narasumber", "who attended, guests, speakers"), M.meeting),
          page(
            discussionPage,
            msg("persiapan, verifikasi data, pembahasan per agenda", "preparation, data check, discussion"),
            M.meeting,
          ),
          page(problemsPage, msg("masalah, akar masalah, SWOT", "problems, root causes, SWOT"), M.meeting),
          page(scoringPage, msg("skor, total dan peringkat masalah", "problem scores, totals, ranks"), M.meeting),
          page(solutionsPage, msg("alternatif solusi dan skornya", "solutions and their scores"), M.meeting),
          page(actionPlanPage, msg("rencana tindak lanjut", "follow-up plan"), M.meeting),
          page(
            commitmentsPage,
            msg("evaluasi bulan lalu, kesepakatan bulan ini", "last month's evaluation, this month's agreements"),
            M.meeting,
          ),
          ...(first
            ? [page(firstLokminPage, msg("pembagian tugas, desa binaan, POA", "tasks, villages, POA"), M.meeting)]
            : []),
          page(closingPage, msg("stakeholder, tindak lanjut, arsip", "stakeholders, follow-up, archive"), M.meeting),
        ]
      : []),
    ...(pathPresent(path.join(root, ...quarterlyFile(month).split("/")))
      ? [
          {
            ...page(quarterlyPage, msg("rapat lintas sektor triwulan ini", "this quarter's cross-sector meeting")),
            phase: "rapat" as const,
          },
        ]
      : []),
    {
      href: `${base}/periksa`,
      label: M.check,
      phase: "sesudah",
      what: msg("temuan pemeriksaan, Daftar Tilik, status DRAF", "check findings, checklist, DRAFT status"),
    },
    {
      href: `${base}/dokumen`,
      label: M.documents,
      phase: "sesudah",
      what: msg("cetak dokumen Word dan PDF, templat", "print the Word and PDF documents, templates"),
    },
    {
      href: `${base}/kirim`,
      label: M.send,
      phase: "sesudah",
      what: msg("paket bulan ini untuk Dinas Kesehatan", "this month's package for the health office"),
    },
  ];
}
