// The files this run has already written completely (renamed into place), so that a Ctrl-C after a
// write can say truthfully what was saved instead of a bare "dibatalkan". One process is one run
// for bin/lokmin.js; main() clears the list at its start for in-process callers.
const written: string[] = [];

export function recordWritten(label: string): void {
  if (!written.includes(label)) written.push(label);
}

export function writtenThisRun(): readonly string[] {
  return written;
}

export function clearWritten(): void {
  written.length = 0;
}
