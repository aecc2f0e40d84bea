import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildPackFile } from '../../../src/domain/content/packFile';
import { packZip } from '../../../src/domain/content/packZip';
import { checkDraft, type StudioLibrary } from '../../../src/domain/studio/checkDraft';
import { draftFromFiles, draftSourceFiles, draftTitle, questionsInOrder, readId, type Draft } from '../../../src/domain/studio/draft';
import { draftFromFile } from '../../../src/features/studio/importIntoStudio';
import { principleText, questionBody, questionText } from '../../fixtures/content';
import { demoContent } from '../../fixtures/packs';

const NOW = new Date('2025-03-01T10:00:00Z');
const library: StudioLibrary = { builtIn: demoContent().principles, imported: [], builtInPackIds: ['demo'] };

/** A draft with an error, item-writing warnings, a principle of its own and a link to one of the app's. */
function draftWithFindings(): Draft {
  const pack = 'id: field-notes\ntitle: Field notes\nversion: 1.1.0\ndescription: Openings.\nauthors: [A. Instructor]\norder: [fn-002, fn-001, fn-003]\n';
  const files = [
    { path: 'packs/field-notes/pack.yaml', text: pack },
    { path: 'packs/field-notes/fn-001.md', text: questionText({ id: 'fn-001', principles: '[trust-foundation, silence-as-data]' }, questionBody('A widower sits silently through his first session.').replace('Refer her to a specialist clinic.', 'Always refer her to a specialist clinic.')) },
    { path: 'packs/field-notes/fn-002.md', text: questionText({ id: 'fn-002', area: 'ethics' }, questionBody('A teenager arrives with her mother and will not speak.')) },
    { path: 'packs/field-notes/fn-003.md', text: questionText({ id: 'fn-003', principles: '[open-communication]' }, questionBody('A nurse on night shifts asks for help with sleep.')) },
    { path: 'principles/silence-as-data.md', text: principleText('silence-as-data', 'Silence as data') },
  ];
  return draftFromFiles('d1', 'test', files, library.builtIn, NOW);
}

function unzipTo(bytes: Uint8Array): string {
  const root = mkdtempSync(join(tmpdir(), 'rapport-zip-'));
  for (const [path, data] of Object.entries(unzipSync(bytes))) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), data);
  }
  return root;
}

const catalog = library;

describe('what the studio exports', () => {
  it('gives content:check, run on the unzipped folder, the same findings as the studio', { timeout: 60_000 }, () => {
    const check = checkDraft(draftWithFindings(), library);
    expect(check.errors).toBe(1);
    expect(check.warnings).toBeGreaterThan(0);
    const root = unzipTo(packZip('field-notes-1.1.0', check.exportFiles, 'readme'));
    const result = spawnSync('npx', ['tsx', 'scripts/content-check.ts', join(root, 'field-notes-1.1.0'), '--json'], { encoding: 'utf8' });
    const prefix = `${join(root, 'field-notes-1.1.0')}/`;
    const problems = (JSON.parse(result.stdout) as { problems: { file: string }[] }).problems.map((item) => ({ ...item, file: item.file.replace(prefix, '') }));
    expect(problems).toEqual(check.problems);
  });

  it('opens again as the same draft, from the zip or from the pack file', async () => {
    const draft = draftWithFindings();
    const check = checkDraft(draft, library);
    const zip = new File([packZip('field-notes-1.1.0', check.exportFiles, 'readme')], 'field-notes-1.1.0.zip');
    const fromZip = await draftFromFile(zip, catalog, NOW);
    expect('draft' in fromZip && draftSourceFiles(fromZip.draft)).toEqual(draftSourceFiles(draft));
    const packFile = new File([JSON.stringify(buildPackFile({ id: 'field-notes', title: 'Field notes', version: '1.1.0' }, check.exportFiles))], 'field-notes-1.1.0.rapport.json');
    const fromFile = await draftFromFile(packFile, catalog, NOW);
    expect('draft' in fromFile && draftSourceFiles(fromFile.draft)).toEqual(draftSourceFiles(draft));
    expect('draft' in fromFile && fromFile.draft.origin).toBe('Imported from field-notes-1.1.0.rapport.json');
  });

  it('opens a Moodle quiz as a pack named after the file, keeping what the importer skipped as notes', async () => {
    const gift = new File([readFileSync('tests/fixtures/import/moodle-examples.gift')], 'ethics-review.gift');
    const opened = await draftFromFile(gift, catalog, NOW);
    if (!('draft' in opened)) throw new Error(JSON.stringify(opened.problems));
    const { draft } = opened;
    expect(draftTitle(draft)).toBe('ethics review');
    expect(draft.importNotes).toContainEqual(expect.stringMatching(/^ethics-review\.gift:\d+:\d+ {2}warning {2}skipped the question .*\(short answer\)/));
    const check = checkDraft(draft, library);
    // The pack's description and authors, and what GIFT has no field for, are for the author to fill in.
    expect(check.byKey.get('pack')?.map((item) => item.message)).toEqual(['"description": cannot be empty; found ""', '"authors": name at least one author']);
    expect(check.problems.some((item) => item.message.startsWith('"area" is empty: fill in one of'))).toBe(true);
    expect(questionsInOrder(draft).length).toBeGreaterThan(0);
  });

  it('opens a spreadsheet saved as CSV, and refuses one saved in another encoding with the importer’s words', async () => {
    const csv = new File([readFileSync('docs/import-template.csv')], 'first-sessions.csv');
    const opened = await draftFromFile(csv, catalog, NOW);
    if (!('draft' in opened)) throw new Error(JSON.stringify(opened.problems));
    expect(questionsInOrder(opened.draft).map((file) => readId(file.text))).toEqual(['fs-001']);
    const latin1 = new File([Uint8Array.from([0x69, 0x64, 0x2c, 0x73, 0x74, 0x65, 0x6d, 0x0a, 0x2c, 0x63, 0x61, 0x66, 0xe9])], 'old.csv');
    expect(await draftFromFile(latin1, catalog, NOW)).toEqual({ problems: [expect.objectContaining({ message: expect.stringContaining('UTF-8') })] });
  });

  it('says what a file that is no pack seems to be', async () => {
    const backup = new File(['{"format":"rapport-backup","formatVersion":1}'], 'rapport-backup.json');
    expect(await draftFromFile(backup, catalog, NOW)).toEqual({ problems: [expect.objectContaining({ message: expect.stringContaining('rapport-backup.json is a Rapport backup of someone’s progress, not a pack') })] });
    const notes = new File(['Meeting notes'], 'notes.docx');
    expect(await draftFromFile(notes, catalog, NOW)).toEqual({ problems: [expect.objectContaining({ message: expect.stringContaining('notes.docx is a document, not a Rapport pack.') })] });
  });
});
