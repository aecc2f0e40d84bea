import { deflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildPackFile, checkImport, IMPORT_LIMITS, readImportSources } from '../../../src/domain/content/packFile';
import { isZip, packZip, readPackZip } from '../../../src/domain/content/packZip';
import { readShareFragment, shareFragment, SHARE_LINK_LIMIT } from '../../../src/domain/content/shareLink';
import { compileContent } from '../../../src/domain/content/compile';
import { readContentFolder } from '../../../scripts/read-content';
import { packSourceFiles } from '../../../src/domain/content/source';
import { contentFolder, questionText } from '../../fixtures/content';

const files = contentFolder({ 'q-001': questionText(), 'q-002': questionText({ id: 'q-002' }) });

describe('a pack folder as a zip', () => {
  it('unpacks to the same files, whatever folder it was zipped in', () => {
    const zip = packZip('demo-1.0.0', files, 'A Rapport pack.');
    expect(isZip(zip)).toBe(true);
    const read = readPackZip('demo-1.0.0.zip', zip);
    expect(read).toEqual({ files: files.map((file) => ({ name: file.path, text: file.text })) });
    const bare = zipSync(Object.fromEntries(files.filter((file) => file.path.startsWith('packs/')).map((file) => [`my pack/${file.path.split('/').at(-1)}`, strToU8(file.text)])));
    const sources = readPackZip('bare.zip', bare);
    if (!('files' in sources)) throw new Error('unreadable');
    expect(readImportSources({ kind: 'sources', files: sources.files })).toEqual({ files: files.filter((file) => file.path.startsWith('packs/')) });
  });

  it('refuses an archive that would unpack past the limits, before unpacking it', () => {
    const bomb = zipSync({ 'pack/q.md': new Uint8Array(IMPORT_LIMITS.fileBytes + 1) });
    expect(readPackZip('bomb.zip', bomb)).toEqual({ problems: [expect.objectContaining({ message: expect.stringContaining('pack/q.md in bomb.zip is 200 KB; a question or principle can be at most 200 KB') })] });
    expect(readPackZip('broken.zip', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2]))).toEqual({ problems: [expect.objectContaining({ message: expect.stringContaining('broken.zip is not a zip file that can be opened') })] });
    expect(readPackZip('photos.zip', zipSync({ 'a.jpg': new Uint8Array(10) }))).toEqual({ problems: [expect.objectContaining({ message: 'photos.zip holds no pack files (pack.yaml and questions in Markdown).' })] });
  });
});

describe('a pack carried in a link', () => {
  const packFile = buildPackFile({ id: 'demo', title: 'Demo pack', version: '1.0.0' }, files);

  it('carries the pack file exactly, and imports as the file does', async () => {
    const fragment = shareFragment(packFile);
    expect(fragment).toMatch(/^import=[A-Za-z0-9_-]+$/);
    const shared = readShareFragment(`#${fragment}`);
    expect(shared).toEqual({ kind: 'inline', text: JSON.stringify(packFile) });
    const outcome = await checkImport({ kind: 'pack-file', name: 'link', text: (shared as { text: string }).text }, { principles: [], packIds: [] });
    expect(outcome.imported?.pack.questions.map((question) => question.id)).toEqual(['q-001', 'q-002']);
  });

  it('holds a hundred questions of the built-in packs’ length within the limit', () => {
    const bank = compileContent(readContentFolder('content'));
    const questions = bank.packs.flatMap((pack) => pack.questions).slice(0, 100);
    const big = { ...(bank.packs[0] as (typeof bank.packs)[number]), questions };
    expect(shareFragment(buildPackFile(big, packSourceFiles(big))).length).toBeLessThan(SHARE_LINK_LIMIT);
  });

  it('names a pack file hosted beside the app', () => {
    expect(readShareFragment('#import-from=shared%2Ffield-notes.rapport.json')).toEqual({ kind: 'hosted', path: 'shared/field-notes.rapport.json' });
    expect(readShareFragment('#import-from=')).toEqual({ kind: 'broken', message: 'The link names no pack file.' });
    expect(readShareFragment('#main')).toBeUndefined();
    expect(readShareFragment('')).toBeUndefined();
  });

  it('says a cut or tampered link is damaged, and never unpacks one past the size limit', () => {
    const fragment = shareFragment(packFile);
    expect(readShareFragment(`#${fragment.slice(0, fragment.length / 2)}`)).toMatchObject({ kind: 'broken', message: expect.stringContaining('The link is damaged or cut short') });
    expect(readShareFragment('#import=<script>')).toMatchObject({ kind: 'broken' });
    const bomb = deflateSync(new Uint8Array(IMPORT_LIMITS.totalBytes + 1024 * 1024), { level: 9 });
    const encoded = Buffer.from(bomb).toString('base64url');
    expect(readShareFragment(`#import=${encoded}`)).toMatchObject({ kind: 'broken', message: expect.stringContaining('it unpacks to more than 10 MB') });
  });
});
