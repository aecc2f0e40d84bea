import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const AREAS = ['values-ethics', 'assessment-planning', 'intervention-practice', 'development-diversity'];
const SETTINGS = ['a hospital', 'a school', 'a hospice', 'a shelter', 'a clinic', 'a prison', 'a senior center', 'a youth program'];

/** The built-in questions, reworded and renumbered: realistic text at any volume. */
function questionSources(): string[] {
  const root = 'content/packs';
  return readdirSync(root).flatMap((pack) =>
    readdirSync(join(root, pack))
      .filter((name) => name.endsWith('.md'))
      .map((name) => readFileSync(join(root, pack, name), 'utf8')),
  );
}

export function generatedQuestion(source: string, id: string, index: number): string {
  return source
    .replace(/^id: .*$/m, `id: ${id}`)
    .replace(/^area: .*$/m, `area: ${AREAS[index % AREAS.length]}`)
    .replace(/\n---\n/, `\n---\nCase ${index}: a client seen at ${SETTINGS[index % SETTINGS.length]} on visit ${index * 7}. `);
}

/** A content folder with the real principles and exams and one pack of `count` generated questions. */
export function generateContent(folder: string, count: number): void {
  mkdirSync(join(folder, 'packs', 'bench'), { recursive: true });
  cpSync('content/principles', join(folder, 'principles'), { recursive: true });
  cpSync('content/exams', join(folder, 'exams'), { recursive: true });
  writeFileSync(join(folder, 'packs', 'bench', 'pack.yaml'), 'id: bench\ntitle: Generated bench pack\nversion: 1.0.0\ndescription: Generated questions for timing.\nauthors: [Rapport bench]\n');
  const sources = questionSources();
  for (let index = 0; index < count; index++) {
    const id = `bench-${String(index + 1).padStart(5, '0')}`;
    writeFileSync(join(folder, 'packs', 'bench', `${id}.md`), generatedQuestion(sources[index % sources.length] as string, id, index));
  }
}

/** A shareable pack file of `count` generated questions, as pack:build writes it. */
export function generatePackFile(count: number, packId = 'imported-bench', title = 'Imported bench pack'): string {
  const sources = questionSources();
  const files = [{ path: `packs/${packId}/pack.yaml`, text: `id: ${packId}\ntitle: ${title}\nversion: 1.0.0\ndescription: Generated.\nauthors: [Rapport bench]\n` }];
  for (let index = 0; index < count; index++) {
    const id = `${packId}-${String(index + 1).padStart(5, '0')}`;
    files.push({ path: `packs/${packId}/${id}.md`, text: generatedQuestion(sources[index % sources.length] as string, id, index) });
  }
  return JSON.stringify({ format: 'rapport-pack', formatVersion: 1, id: packId, title, version: '1.0.0', files });
}
