// People as documents print them: names, NIPs with their no-break spaces, rank and grade, and the
// title over a signature (with Plt./Plh. for the head when lokmin.yaml says so). Pure.
import { formatNip } from "../domain/format-id.js";
import type { Person, Workspace } from "../domain/schema.js";

/** "Pembina (IV/a)", "Pembina", "IV/a" or "". */
export const rankText = (pangkat?: string, golongan?: string) =>
  pangkat && golongan ? `${pangkat} (${golongan})` : (pangkat ?? golongan ?? "");

/**
 * A NIP as printed, "19780315 200501 2 004", with no-break spaces inside "200501 2 004": a narrow
 * column wraps it only after the birth date, never between the last digits.
 */
export const printNip = (nip: string | undefined) =>
  formatNip(nip).replace(/^(\d{8}) (\d{6}) (\d) (\d{3})$/, "$1 $2\u00a0$3\u00a0$4");

export function personView(config: Workspace, id: string | undefined) {
  const person: Person | undefined = config.pegawai.find((p) => p.id === id);
  const jabatan = person?.jabatan ?? "";
  return {
    id: id ?? "",
    nama: person?.nama ?? id ?? "",
    jabatan,
    /** The title over a signature (with Plt./Plh. for the head when lokmin.yaml says so). */
    jabatan_ttd: jabatan,
    nip: printNip(person?.nip),
    ada_nip: Boolean(person?.nip),
    pangkat: rankText(person?.pangkat, person?.golongan),
  };
}

export type PersonView = ReturnType<typeof personView>;

/** The head's title over a signature: "Kepala UPTD Puskesmas …", with Plt./Plh. when lokmin.yaml says so. */
export const headTitle = (config: Workspace) =>
  `${config.pejabat.sebutan_kepala ? `${config.pejabat.sebutan_kepala} ` : ""}Kepala ${config.puskesmas.nama}`;
