import { IMPORT_LIMITS } from '../../domain/content/packFile';

export interface PickedFile {
  /** Path inside the picked folder when there is one (`my-pack/q-001.md`), else the file name. */
  name: string;
  text: string;
}

export class PickError extends Error {}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/** A chosen file and its path inside the chosen or dropped folder, if any. */
export interface Chosen {
  file: File;
  path: string;
}

export function chosenFromInput(list: FileList | null): Chosen[] {
  return [...(list ?? [])].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}

/** Reads picked or dropped files as text, refusing oversized ones before reading anything. */
export async function readPickedFiles(chosen: readonly Chosen[]): Promise<PickedFile[]> {
  const files = chosen.map((item) => item.file);
  if (files.length === 0) throw new PickError('No files were chosen.');
  if (files.length > IMPORT_LIMITS.files) throw new PickError(`That is ${files.length} files; a pack can have at most ${IMPORT_LIMITS.files}.`);
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > IMPORT_LIMITS.totalBytes) {
    throw new PickError(`The files add up to ${megabytes(total)}; packs of up to ${megabytes(IMPORT_LIMITS.totalBytes)} can be imported.`);
  }
  const json = files.find((file) => file.name.endsWith('.json'));
  const large = files.find((file) => file !== json && file.size > IMPORT_LIMITS.fileBytes);
  if (large) throw new PickError(`${large.name} is ${megabytes(large.size)}; a single question or principle file can be at most ${IMPORT_LIMITS.fileBytes / 1024} KB.`);
  return Promise.all(chosen.map(async ({ file, path }) => ({ name: path, text: await file.text() })));
}

/** Files dropped on the page, including the contents of dropped folders. */
export async function droppedFiles(transfer: DataTransfer): Promise<Chosen[]> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry?.()).filter((entry): entry is FileSystemEntry => Boolean(entry));
  if (entries.length === 0) return chosenFromInput(transfer.files);
  const files: Chosen[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      files.push({ file, path: `${prefix}${file.name}` });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const entry of entries) await walk(entry, '');
  return files;
}
