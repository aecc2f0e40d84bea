import { describe, expect, it } from 'vitest';
import { compileContent } from '../../../src/domain/content/compile';
import { buildPackFile, checkImport, IMPORT_LIMITS } from '../../../src/domain/content/packFile';
import { contentFolder, principleText, questionBody, questionText } from '../../fixtures/content';

const library = compileContent([{ path: 'principles/trust-foundation.md', text: principleText('trust-foundation', 'Trust as the foundation') }]).principles;
const context = { principles: library, packIds: ['trust-alliance'] };

function demoPackFile(questions: Record<string, string>, extra: { path: string; text: string }[] = []) {
  const files = contentFolder(questions, extra);
  return JSON.stringify(buildPackFile({ id: 'demo', title: 'Demo pack', version: '1.0.0' }, files));
}

describe('importing a pack file', () => {
  it('accepts a valid pack, keeping the library’s copy of its principles and any new ones it brings', async () => {
    const text = demoPackFile({ 'q-001': questionText({ principles: '[trust-foundation, group-norms]' }) }, [
      { path: 'principles/group-norms.md', text: principleText('group-norms', 'Group norms') },
    ]);
    const outcome = await checkImport({ kind: 'pack-file', name: 'demo.rapport.json', text }, context);
    expect(outcome.problems.filter((item) => item.severity === 'error')).toEqual([]);
    expect(outcome.imported?.pack).toMatchObject({ id: 'demo', version: '1.0.0' });
    expect(outcome.imported?.pack.questions).toHaveLength(1);
    expect(outcome.imported?.principles.map((principle) => principle.id)).toEqual(['group-norms']);
  });

  it('lists every error with its file and line, and imports nothing', async () => {
    const text = demoPackFile({
      'q-001': questionText({ area: 'ethics' }),
      'q-002': questionText({ id: 'q-002', principles: '[no-such-principle]' }),
      'q-003': questionText({ id: 'q-003' }, questionBody().replace('Engagement comes first.\n', '')),
    });
    const progress: number[] = [];
    const outcome = await checkImport({ kind: 'pack-file', name: 'demo.rapport.json', text }, context, (done) => progress.push(done));
    expect(outcome.imported).toBeUndefined();
    expect(outcome.problems.filter((item) => item.severity === 'error').map((item) => `${item.file}:${item.line}`)).toEqual([
      'packs/demo/q-001.md:3',
      'packs/demo/q-002.md:7',
      'packs/demo/q-003.md:17',
    ]);
    // pack.yaml, three questions and the pack's copy of the library's principle.
    expect(progress.at(-1)).toBe(5);
  });

  it('refuses files that are not packs, packs from newer versions, odd paths and built-in ids', async () => {
    const refuse = async (text: string) => (await checkImport({ kind: 'pack-file', name: 'x.json', text }, context)).problems[0]?.message;
    expect(await refuse('{oops')).toBe('x.json is not a Rapport pack: it is not valid JSON. Rapport imports a pack file (.rapport.json) or a pack’s folder (its pack.yaml and question files).');
    expect(await refuse('{"format":"rapport-backup"}')).toBe(
      'x.json is a Rapport backup of someone’s progress, not a pack: restore it in Settings, under Backup. Rapport imports a pack file (.rapport.json) or a pack’s folder (its pack.yaml and question files).',
    );
    expect(await refuse('{"questions":[]}')).toContain('x.json is a JSON file but not a Rapport pack');
    const valid = JSON.parse(demoPackFile({ 'q-001': questionText() }));
    expect(await refuse(JSON.stringify({ ...valid, formatVersion: 7 }))).toContain('newer version of Rapport');
    expect(await refuse(JSON.stringify({ ...valid, files: [{ path: '../../etc/passwd', text: '' }] }))).toBe('this pack file names an unexpected file, "../../etc/passwd"');
    expect(await refuse(JSON.stringify({ ...valid, files: 'many' }))).toContain('damaged at files');
    const clash = demoPackFile({ 'q-001': questionText() }).replaceAll('id: demo', 'id: trust-alliance').replaceAll('packs/demo/', 'packs/trust-alliance/');
    expect(await refuse(clash)).toBe('a built-in pack already uses the id "trust-alliance": give your pack another id');
  });

  it('refuses oversized files and odd keys with a readable message', async () => {
    const valid = JSON.parse(demoPackFile({ 'q-001': questionText() }));
    const huge = { ...valid, files: [...valid.files, { path: 'packs/demo/q-002.md', text: `${questionText({ id: 'q-002' })}${'x'.repeat(300_000)}` }] };
    const outcome = await checkImport({ kind: 'pack-file', name: 'x.json', text: JSON.stringify(huge) }, context);
    expect(outcome.problems[0]).toMatchObject({ file: 'packs/demo/q-002.md', message: expect.stringContaining('a question or principle can be at most 200 KB') });
    const constructorKey = demoPackFile({ 'q-001': questionText({ extra: 'constructor: {prototype: {polluted: true}}' }) });
    const refused = await checkImport({ kind: 'pack-file', name: 'x.json', text: constructorKey }, context);
    expect(refused.imported).toBeUndefined();
    expect(refused.problems.map((item) => item.message)).toContain('unknown field "constructor" in the front matter');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('survives hostile JSON without touching Object.prototype', async () => {
    const text = '{"format":"rapport-pack","formatVersion":1,"__proto__":{"polluted":true},"files":[{"path":"packs/x/pack.yaml","text":"__proto__: {polluted: true}\\nid: x"}]}';
    const outcome = await checkImport({ kind: 'pack-file', name: 'x.json', text }, context);
    expect(outcome.imported).toBeUndefined();
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('has limits that hold a large real pack', () => {
    expect(IMPORT_LIMITS.questions).toBeGreaterThanOrEqual(1000);
    expect(IMPORT_LIMITS.totalBytes).toBe(10 * 1024 * 1024);
  });
});

describe('importing a pack’s Markdown files', () => {
  it('places a picked folder’s files where the checker expects them', async () => {
    const files = [
      { name: 'my-pack/pack.yaml', text: 'id: my-pack\ntitle: Mine\nversion: 1.0.0\ndescription: D\nauthors: [Me]\n' },
      { name: 'my-pack/q-001.md', text: questionText() },
      { name: 'my-pack/notes.txt', text: 'ignored' },
    ];
    const outcome = await checkImport({ kind: 'sources', files }, context);
    expect(outcome.problems).toEqual([]);
    expect(outcome.imported?.files.map((file) => file.path)).toEqual(['packs/my-pack/pack.yaml', 'packs/my-pack/q-001.md']);
  });

  it('asks for pack.yaml when it is missing', async () => {
    const outcome = await checkImport({ kind: 'sources', files: [{ name: 'q-001.md', text: questionText() }] }, context);
    expect(outcome.problems[0]?.message).toContain('no pack.yaml among the files');
  });
});

describe('one text per principle id', () => {
  const GROUP_NORMS = principleText('group-norms', 'Group norms');
  const other = { packId: 'other', packTitle: 'Other pack', principles: compileContent([{ path: 'principles/group-norms.md', text: GROUP_NORMS }]).principles };

  it('drops a copy of a built-in principle, even in a file named otherwise, and shows both texts when they differ', async () => {
    const copy = principleText('trust-foundation', 'Trust is a feeling').replace('Some words.', 'Another text altogether.');
    const text = demoPackFile({ 'q-001': questionText() }, [{ path: 'principles/my-trust.md', text: copy }]).replace(
      /\{"path":"principles\/trust-foundation\.md"[^}]*\},?/,
      '',
    );
    const outcome = await checkImport({ kind: 'pack-file', name: 'demo.rapport.json', text }, context);
    expect(outcome.imported?.principles).toEqual([]);
    const warning = outcome.problems.find((item) => item.file === 'principles/my-trust.md' && item.message.startsWith('"trust-foundation" is a built-in principle'));
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain('in the app: "Trust as the foundation"');
    expect(warning?.message).toContain('in this pack: "Trust is a feeling"');
  });

  it('stops an import whose principle has another text under an id another pack brought, naming both', async () => {
    const clash = principleText('group-norms', 'Group rules').replace('Some words.', 'Members decide the rules.');
    const text = demoPackFile({ 'q-001': questionText({ principles: '[group-norms]' }) }, [{ path: 'principles/group-norms.md', text: clash }]);
    const outcome = await checkImport({ kind: 'pack-file', name: 'demo.rapport.json', text }, { ...context, imported: [other] });
    expect(outcome.imported).toBeUndefined();
    const error = outcome.problems.find((item) => item.severity === 'error');
    expect(error?.file).toBe('principles/group-norms.md');
    expect(error?.message).toContain('the pack "Other pack" already brought a principle "group-norms" with a different text');
    expect(error?.message).toContain('in "Other pack": "Group norms"');
    expect(error?.message).toContain('in this pack: "Group rules" (One sentence.) "What it says Members decide the rules."');
  });

  it('accepts a principle another pack brought with the same text, and a re-import of the pack that brought it', async () => {
    const text = demoPackFile({ 'q-001': questionText({ principles: '[group-norms]' }) }, [{ path: 'principles/group-norms.md', text: GROUP_NORMS }]);
    const shared = await checkImport({ kind: 'pack-file', name: 'demo.rapport.json', text }, { ...context, imported: [other] });
    expect(shared.imported?.principles.map((principle) => principle.id)).toEqual(['group-norms']);
    const changed = demoPackFile({ 'q-001': questionText({ principles: '[group-norms]' }) }, [{ path: 'principles/group-norms.md', text: GROUP_NORMS.replace('Some words.', 'New words.') }]);
    const reimport = await checkImport({ kind: 'pack-file', name: 'demo.rapport.json', text: changed }, { ...context, imported: [{ ...other, packId: 'demo' }] });
    expect(reimport.imported?.principles[0]?.body).toContain('New words.');
  });
});

describe('a file that is not a pack', () => {
  const refuseSource = async (name: string, text: string) => (await checkImport({ kind: 'sources', files: [{ name, text }] }, context)).problems[0]?.message;

  it('says what it seems to be and which files the app accepts', async () => {
    expect(await refuseSource('quiz.txt', '::Q1:: A client asks { =Listen ~Refer }')).toMatch(/^quiz\.txt looks like a Moodle quiz in GIFT format, not a Rapport pack\. Its author can open it in the pack studio .* Rapport imports a pack file/);
    expect(await refuseSource('questions.csv', 'id,stem\nq-1,A client\n')).toMatch(/^questions\.csv looks like a spreadsheet \(CSV\)/);
    expect(await refuseSource('notes.txt', 'Some notes about the course.')).toBe('notes.txt is a document, not a Rapport pack. Rapport imports a pack file (.rapport.json) or a pack’s folder (its pack.yaml and question files).');
  });
});
