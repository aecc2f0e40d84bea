import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Principle, SourceFile } from '../src/domain/content';
import { compileContent } from '../src/domain/content/compile.ts';

/** Every text file under a content folder, with paths relative to it (forward slashes, for messages). */
export function readContentFolder(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(md|ya?ml)$/i.test(name)) {
        files.push({ path: relative(root, path).split(sep).join('/'), text: readFileSync(path, 'utf8') });
      }
    }
  };
  walk(root);
  return files;
}

/** The app's own content folder, the one `npm start` builds (RAPPORT_CONTENT, as for the build, or content/), wherever the command runs from. */
export const APP_CONTENT = process.env.RAPPORT_CONTENT ? resolve(process.env.RAPPORT_CONTENT) : resolve(dirname(fileURLToPath(import.meta.url)), '..', 'content');

/** The app's principle files: packs in any folder may link them without copying them. */
export function builtInPrincipleFiles(): SourceFile[] {
  return readContentFolder(APP_CONTENT).filter((file) => /^principles\/[^/]+\.md$/.test(file.path));
}

export function builtInPrinciples(): Principle[] {
  return compileContent(builtInPrincipleFiles()).principles;
}

/**
 * A folder to check, as the compiler's paths: a content folder (principles/, packs/, exams/) as it
 * is, or one pack's folder (it holds pack.yaml) as packs/<folder name>/, together with the
 * principles of the content folder around it, if it sits in one. `onDisk` turns a compiler path
 * back into the path the author typed, for messages.
 */
export interface FolderToCheck {
  files: SourceFile[];
  onDisk: (path: string) => string;
  /** The pack's id when the folder is one pack. */
  packId?: string;
  /** Whether the folder is the app's own content folder, whose principles are the built-in ones. */
  isAppContent: boolean;
}

export function readFolderToCheck(folder: string): FolderToCheck {
  const root = resolve(folder);
  const shown = folder.replace(/\/+$/, '');
  if (!existsSync(join(root, 'pack.yaml')) && !existsSync(join(root, 'pack.yml'))) {
    return { files: readContentFolder(root), onDisk: (path) => `${shown}/${path}`, isAppContent: root === APP_CONTENT };
  }
  const packId = basename(root);
  const files = readContentFolder(root)
    .filter((file) => !file.path.includes('/'))
    .map((file) => ({ ...file, path: `packs/${packId}/${file.path}` }));
  const contentRoot = basename(dirname(root)) === 'packs' ? dirname(dirname(root)) : undefined;
  const principles = contentRoot && existsSync(join(contentRoot, 'principles')) ? readContentFolder(contentRoot).filter((file) => file.path.startsWith('principles/')) : [];
  const shownRoot = contentRoot ? relative(process.cwd(), contentRoot) || '.' : '';
  return {
    files: [...principles, ...files],
    onDisk: (path) => (path.startsWith(`packs/${packId}/`) ? `${shown}/${path.slice(`packs/${packId}/`.length)}` : `${shownRoot}/${path}`),
    packId,
    isAppContent: contentRoot === APP_CONTENT,
  };
}

/** The ids a folder already uses (every `id:` line), so new ids avoid them. */
export function idsIn(files: readonly SourceFile[]): string[] {
  return files.map((file) => /^id:\s*["']?([^\s"'#]+)/m.exec(file.text)?.[1]).filter((id): id is string => id !== undefined);
}
