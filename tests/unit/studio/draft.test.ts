import { describe, expect, it } from 'vitest';
import { compileContent } from '../../../src/domain/content/compile';
import { checkContent } from '../../../src/domain/content/check';
import {
  addPrinciple,
  addQuestion,
  deleteFile,
  draftFromFiles,
  draftPaths,
  draftSourceFiles,
  duplicatePrinciple,
  duplicateQuestion,
  idFromTitle,
  moveQuestion,
  newDraft,
  packFile,
  questionsInOrder,
  readId,
  updateFile,
  type Draft,
} from '../../../src/domain/studio/draft';
import { checkDraft, type StudioLibrary } from '../../../src/domain/studio/checkDraft';
import { principleSource } from '../../../src/domain/content/source';
import { contentFolder, principleText, questionBody, questionText } from '../../fixtures/content';
import { demoContent } from '../../fixtures/packs';

const NOW = new Date('2025-03-01T10:00:00Z');
const fields = { title: 'Field notes: first sessions', description: 'Openings.', version: '1.0.0', authors: ['A. Instructor'] };

function idsInOrder(draft: Draft): string[] {
  return questionsInOrder(draft).map((file) => readId(file.text) ?? '?');
}

function withQuestions(count: number): Draft {
  let draft = newDraft('d1', fields, NOW);
  const stems = ['A widower', 'A teenager', 'A nurse', 'A veteran'];
  for (let index = 0; index < count; index++) draft = addQuestion(draft, NOW, { text: (id) => questionText({ id }, questionBody(`${stems[index]} meets a social worker for the first time.`)) }).draft;
  return draft;
}

const library: StudioLibrary = { builtIn: demoContent().principles, imported: [], builtInPackIds: ['demo'] };

describe('a draft pack', () => {
  it('starts with a pack.yaml whose id comes from the title', () => {
    const draft = newDraft('d1', fields, NOW);
    expect(idFromTitle('Trust & rapport, part 2')).toBe('trust-rapport-part-2');
    expect(draftSourceFiles(draft)).toEqual([
      { path: 'packs/field-notes-first-sessions/pack.yaml', text: 'id: field-notes-first-sessions\ntitle: "Field notes: first sessions"\nversion: 1.0.0\ndescription: Openings.\nauthors: [A. Instructor]\n' },
    ]);
  });

  it('names new questions with the next free id, each file after its id', () => {
    const draft = withQuestions(3);
    expect([...draftPaths(draft).values()]).toEqual([
      'packs/field-notes-first-sessions/pack.yaml',
      'packs/field-notes-first-sessions/fnfs-001.md',
      'packs/field-notes-first-sessions/fnfs-002.md',
      'packs/field-notes-first-sessions/fnfs-003.md',
    ]);
    expect(packFile(draft).text).not.toContain('order');
  });

  it('writes the order into pack.yaml only while it differs from the file names, and the checker reads the same order', () => {
    const draft = withQuestions(3);
    const [first, , third] = questionsInOrder(draft).map((file) => file.key) as [string, string, string];
    const moved = moveQuestion(draft, third, -2, NOW);
    expect(idsInOrder(moved)).toEqual(['fnfs-003', 'fnfs-001', 'fnfs-002']);
    expect(packFile(moved).text).toContain('order: [fnfs-003, fnfs-001, fnfs-002]\n');
    expect(compileContent(draftSourceFiles(moved)).packs[0]?.questions.map((question) => question.id)).toEqual(['fnfs-003', 'fnfs-001', 'fnfs-002']);
    const back = moveQuestion(moveQuestion(moved, third, 1, NOW), third, 1, NOW);
    expect(idsInOrder(back)).toEqual(['fnfs-001', 'fnfs-002', 'fnfs-003']);
    expect(packFile(back).text).not.toContain('order');
    expect(moveQuestion(draft, first, -1, NOW)).toBe(draft);
  });

  it('places a duplicate right after its original, with a new id', () => {
    const draft = withQuestions(3);
    const [first] = questionsInOrder(draft).map((file) => file.key) as [string];
    const { draft: copied, key } = duplicateQuestion(draft, first, NOW);
    expect(idsInOrder(copied)).toEqual(['fnfs-001', 'fnfs-004', 'fnfs-002', 'fnfs-003']);
    expect(copied.files.find((file) => file.key === key)?.text.replace('fnfs-004', 'fnfs-001')).toBe(draft.files.find((file) => file.key === first)?.text);
  });

  it('duplicates a principle of the pack’s own under an id of its own', () => {
    const { draft, key } = addPrinciple(withQuestions(1), { id: 'silence-as-data', title: 'Silence as data' }, NOW);
    const once = duplicatePrinciple(draft, key, NOW);
    const twice = duplicatePrinciple(once.draft, key, NOW);
    expect(twice.draft.files.filter((file) => file.kind === 'principle').map((file) => readId(file.text))).toEqual(['silence-as-data', 'silence-as-data-copy', 'silence-as-data-copy-2']);
  });

  it('keeps a question in its place when its id is renamed, and drops it from the order when deleted', () => {
    const draft = withQuestions(3);
    const [first, second, third] = questionsInOrder(draft).map((file) => file.key) as [string, string, string];
    const moved = moveQuestion(draft, third, -2, NOW);
    const text = moved.files.find((file) => file.key === first)?.text ?? '';
    const renamed = updateFile(moved, first, text.replace('id: fnfs-001', 'id: opening-silence'), NOW);
    expect(idsInOrder(renamed)).toEqual(['fnfs-003', 'opening-silence', 'fnfs-002']);
    expect(draftPaths(renamed).get(first)).toBe('packs/field-notes-first-sessions/opening-silence.md');
    const deleted = deleteFile(renamed, second, NOW);
    expect(idsInOrder(deleted)).toEqual(['fnfs-003', 'opening-silence']);
    // What is left runs in file-name order: pack.yaml needs no order.
    expect(packFile(deleted).text).not.toContain('order');
  });

  it('gives two files with one id separate paths, and the checker reports the repeated id', () => {
    const draft = withQuestions(2);
    const [first, second] = questionsInOrder(draft).map((file) => file.key) as [string, string];
    const clash = updateFile(draft, second, draft.files.find((file) => file.key === first)?.text ?? '', NOW);
    expect([...draftPaths(clash).values()].slice(1)).toEqual(['packs/field-notes-first-sessions/fnfs-001.md', 'packs/field-notes-first-sessions/fnfs-001-2.md']);
    const byKey = checkDraft(clash, library).byKey;
    expect([...(byKey.get(first) ?? []), ...(byKey.get(second) ?? [])].map((item) => item.message)).toContainEqual(expect.stringContaining('the id "fnfs-001" is already used'));
  });

  it('opens a pack’s files, leaving out principles the app has with the same text', () => {
    const files = contentFolder({ 'q-001': questionText({ principles: '[trust-foundation, own-idea]' }) }, [{ path: 'principles/own-idea.md', text: principleText('own-idea') }]);
    const app = compileContent([{ path: 'principles/trust-foundation.md', text: principleText('trust-foundation', 'Trust as the foundation') }]).principles;
    const draft = draftFromFiles('d2', 'Imported from demo.rapport.json', files, app, NOW);
    expect(draft.files.map((file) => `${file.kind} ${readId(file.text)}`)).toEqual(['pack demo', 'question q-001', 'principle own-idea']);
    // A copy whose text differs stays, so the checker can say the app shows its own text instead.
    const differs = draftFromFiles('d2', 'Imported', files, demoContent().principles, NOW);
    expect(differs.files.map((file) => readId(file.text))).toContain('trust-foundation');
  });
});

describe('checking a draft', () => {
  function demoDraft(questions: Record<string, string>, extra: { path: string; text: string }[] = []): Draft {
    const files = contentFolder(questions, extra)
      .filter((file) => !file.path.startsWith('principles/trust-foundation'))
      .map((file) => ({ ...file, path: file.path.replace('packs/demo/', 'packs/mine/'), text: file.text.replace('id: demo', 'id: mine') }));
    return draftFromFiles('d3', 'test', files, [], NOW);
  }

  it('finds what content:check finds in the exported folder, pointing at each file', () => {
    const draft = demoDraft({ 'q-001': questionText({ area: 'ethics' }), 'q-002': questionText({ id: 'q-002' }, questionBody('A veteran calls a crisis line late at night.')) });
    const check = checkDraft(draft, library);
    expect(check.problems).toEqual(checkContent(check.exportFiles).problems);
    expect(check.exportFiles.map((file) => file.path)).toEqual(['packs/mine/pack.yaml', 'packs/mine/q-001.md', 'packs/mine/q-002.md', 'principles/trust-foundation.md']);
    expect(check.shareFiles.map((file) => file.path)).toEqual(['packs/mine/pack.yaml', 'packs/mine/q-001.md', 'packs/mine/q-002.md']);
    const q1 = questionsInOrder(draft)[0]?.key as string;
    expect(check.byKey.get(q1)?.map((item) => `${item.line}:${item.column} ${item.severity}`)).toEqual(['3:7 error']);
    expect(check.errors).toBe(1);
  });

  it('says nothing about the app’s principles it carries, even while the question that links one does not compile', () => {
    const draft = demoDraft({ 'q-001': questionText({ area: 'ethics' }) });
    expect(checkDraft(draft, library).problems.map((item) => item.file)).toEqual(['packs/mine/q-001.md']);
  });

  it('shows the cues across the pack beside the question list, not in a question', () => {
    const questions = Object.fromEntries(
      ['A widower', 'A teenager', 'A nurse'].map((who, index) => [`q-00${index + 1}`, questionText({ id: `q-00${index + 1}` }, questionBody(`${who} comes in ${index} times.`).replace('Invite her to say what brings her in.', 'Invite her to say, in her own words and at her own pace, what brings her in.'))]),
    );
    const check = checkDraft(demoDraft(questions), library);
    expect(check.packWide.map((item) => item.message)).toEqual([expect.stringContaining('the best answer is the longest option in all 3 questions')]);
    expect(check.byKey.get('pack') ?? []).toEqual([]);
  });

  it('stops a pack that takes a built-in pack’s id, or a principle id another pack uses for other text', () => {
    const files = contentFolder({ 'q-001': questionText({ principles: '[shared-idea]' }) }, [{ path: 'principles/shared-idea.md', text: principleText('shared-idea', 'My version') }]).filter((file) => !file.path.startsWith('principles/trust-foundation'));
    const draft = draftFromFiles('d4', 'test', files, [], NOW);
    const other = { ...compileContent([{ path: 'principles/shared-idea.md', text: principleText('shared-idea', 'Their version') }]).principles[0] } as (typeof library.builtIn)[number];
    const check = checkDraft(draft, { ...library, imported: [{ packId: 'theirs', packTitle: 'Their pack', principles: [other] }] });
    const messages = check.problems.filter((item) => item.severity === 'error').map((item) => item.message);
    expect(messages).toEqual([expect.stringContaining('a built-in pack already uses the id "demo"'), expect.stringContaining('the pack "Their pack" already brought a principle "shared-idea" with a different text')]);
  });

  it('carries the text of a principle another imported pack brought in the export and the link', () => {
    const theirs = compileContent([{ path: 'principles/their-idea.md', text: principleText('their-idea', 'Their idea') }]).principles;
    const draft = demoDraft({ 'q-001': questionText({ principles: '[their-idea]' }) });
    const check = checkDraft(draft, { ...library, imported: [{ packId: 'theirs', packTitle: 'Their pack', principles: theirs }] });
    expect(check.errors).toBe(0);
    expect(check.shareFiles.at(-1)).toEqual({ path: 'principles/their-idea.md', text: principleSource(theirs[0] as (typeof theirs)[number]) });
  });

  it('adds a principle of the pack’s own that the checker asks to complete', () => {
    const { draft, key } = addPrinciple(withQuestions(1), { id: 'silence-as-data', title: 'Silence as data' }, NOW);
    const messages = checkDraft(draft, library).byKey.get(key)?.map((item) => item.message);
    expect(messages).toEqual(['"summary": cannot be empty; found ""', '"sources": cite at least one source', 'the principle has no text below its front matter']);
  });
});
