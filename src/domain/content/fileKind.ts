/**
 * What a file that is not a pack seems to be, so an import can say so in plain words instead of
 * "no pack.yaml among the files". A guess from the name and the first characters, never a parse.
 */
export type FileKind = 'pack-file' | 'backup' | 'gift' | 'csv' | 'pack-source' | 'json' | 'document' | 'unknown';

export const ACCEPTED_FILES = 'Rapport imports a pack file (.rapport.json) or a pack’s folder (its pack.yaml and question files).';
export const STUDIO_ACCEPTED_FILES = 'The pack studio opens a pack file (.rapport.json), a zip of a pack’s folder, a Moodle quiz in GIFT format (.gift or .txt) or a spreadsheet saved as CSV.';

export function guessFileKind(name: string, text: string): FileKind {
  const lower = name.toLowerCase();
  const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 2000);
  if (start.startsWith('{')) {
    if (/"format"\s*:\s*"rapport-pack"/.test(start)) return 'pack-file';
    if (/"format"\s*:\s*"rapport-backup"/.test(start)) return 'backup';
    return 'json';
  }
  if (/\.(md|ya?ml)$/.test(lower)) return 'pack-source';
  if (lower.endsWith('.gift')) return 'gift';
  if (/\.(csv|tsv)$/.test(lower)) return 'csv';
  // Moodle exports GIFT as .txt: a "::title::" or an answer block "{ =right ~wrong }" tells it apart.
  if (/::[^:\n]+::/.test(start) || /\{[^}]*(^|\s)[=~][^}]*\}/m.test(start)) return 'gift';
  if (/\.(txt|docx?|pdf|rtf|odt|pages)$/.test(lower)) return 'document';
  return 'unknown';
}

/** A sentence for the candidate about a file that is not a pack, naming what it seems to be and what the app takes. */
export function notAPackMessage(name: string, kind: FileKind, accepted = ACCEPTED_FILES): string {
  const what: Record<Exclude<FileKind, 'pack-file' | 'pack-source'>, string> = {
    backup: `${name} is a Rapport backup of someone’s progress, not a pack: restore it in Settings, under Backup.`,
    gift: `${name} looks like a Moodle quiz in GIFT format, not a Rapport pack. Its author can open it in the pack studio (Packs, then “open the pack studio”), which turns it into a pack to share.`,
    csv: `${name} looks like a spreadsheet (CSV), not a Rapport pack. Its author can open it in the pack studio (Packs, then “open the pack studio”), which turns it into a pack to share.`,
    json: `${name} is a JSON file but not a Rapport pack (it has no "format": "rapport-pack").`,
    document: `${name} is a document, not a Rapport pack.`,
    unknown: `${name} is not a Rapport pack.`,
  };
  return `${kind === 'pack-file' || kind === 'pack-source' ? `${name} is not a Rapport pack.` : what[kind]} ${accepted}`;
}
