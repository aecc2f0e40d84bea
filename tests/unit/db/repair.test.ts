import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { RapportDatabase } from '../../../src/db/database';
import { expectedRows, quickCheck } from '../../../src/db/derived';
import { saveImportedPack } from '../../../src/db/packs';
import { loadDayState } from '../../../src/db/progress';
import { checkAndRepairProgress, checkAtOpening } from '../../../src/db/repair';
import { demoContent } from '../../fixtures/packs';
import { freshDatabase, recordRightOrWrong } from './freshDatabase';

const NOW = new Date(2026, 10, 4, 10, 0, 0);
const DAY = 86_400_000;

/** Answers on three days in two packs, and an imported pack. */
async function history(): Promise<RapportDatabase> {
  const db = freshDatabase();
  const { pack } = demoContent();
  await saveImportedPack(db, { pack, principles: [], files: [] }, NOW);
  await recordRightOrWrong(db, 'demo', 'q-001', false, new Date(NOW.getTime() - 2 * DAY));
  await recordRightOrWrong(db, 'demo', 'q-001', true, new Date(NOW.getTime() - DAY));
  await recordRightOrWrong(db, 'demo', 'q-002', true, NOW);
  await recordRightOrWrong(db, 'other', 'q-1', false, NOW);
  return db;
}

/** Every derived row as stored, in a form to compare. */
async function derivedAsStored(db: RapportDatabase) {
  const [answered, days, lines, brief, cards] = await Promise.all([db.answeredQuestions.toArray(), db.studyDays.toArray(), db.dayAnswers.toArray(), db.briefListings.toArray(), db.cards.toArray()]);
  return { answered, days, lines, brief, lastCorrect: cards.map((card) => card.lastCorrect) };
}

const corruptions: [string, (db: RapportDatabase) => Promise<unknown>, boolean][] = [
  // [what goes wrong, how, whether the cheap check at opening sees it]
  ['a day count drifts', (db) => db.studyDays.update('2026-11-04', { answers: 5, introduced: 0 }), true],
  ['a day row goes missing', (db) => db.studyDays.delete('2026-11-03'), true],
  ['a day’s answer lines go missing', (db) => db.dayAnswers.delete('2026-11-02'), true],
  ['a day’s answer lines say wrong for right', (db) => db.dayAnswers.update('2026-11-04', { answers: 'demo\tq-002\t0\nother\tq-1\t0' }), false],
  ['a pack’s answered row loses a question', (db) => db.answeredQuestions.update('demo', { questionIds: ['q-001'] }), true],
  ['a pack’s answered row goes missing', (db) => db.answeredQuestions.delete('other'), true],
  ['a card’s last answer flips', (db) => db.cards.update(['demo', 'q-001'], { lastCorrect: false }), false],
  ['the brief listings lose a pack', (db) => db.briefListings.put({ id: 'imported', packs: [] }), true],
];

describe('checking and repairing derived rows', () => {
  it('finds nothing to repair in rows kept by the app', async () => {
    const db = await history();
    const before = await derivedAsStored(db);
    expect(await quickCheck(db)).toEqual([]);
    expect(await checkAndRepairProgress(db)).toEqual([]);
    expect(await derivedAsStored(db)).toEqual(before);
  });

  it.each(corruptions)('rebuilds the rows when %s', async (_what, corrupt, seenAtOpening) => {
    const db = await history();
    const good = await derivedAsStored(db);
    // Written straight to the table, as a bug or an interrupted write might leave it.
    await corrupt(db);
    expect(await derivedAsStored(db)).not.toEqual(good);
    expect((await quickCheck(db)).length > 0).toBe(seenAtOpening);
    expect((await checkAndRepairProgress(db)).length).toBeGreaterThan(0);
    expect(await derivedAsStored(db)).toEqual(good);
    expect(await checkAndRepairProgress(db)).toEqual([]);
  });

  it('repairs at opening what the cheap check sees, and today’s figures are right again', async () => {
    const db = await history();
    await db.studyDays.delete('2026-11-04');
    await db.answeredQuestions.clear();
    expect(await loadDayState(db, NOW)).toMatchObject({ reviewedToday: 0, introducedToday: 0, answered: new Map() });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await checkAtOpening(db)).toEqual(expect.arrayContaining(['studyDays', 'answeredQuestions']));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('out of step'));
    expect(await loadDayState(db, NOW)).toMatchObject({ reviewedToday: 0, introducedToday: 2 });
    expect((await loadDayState(db, NOW)).answered).toEqual(new Map([['demo', new Set(['q-001', 'q-002'])], ['other', new Set(['q-1'])]]));
    const { lastCorrect: _l, ...rebuilt } = await expectedRows(db);
    expect(rebuilt.studyDays.map((day) => day.day)).toEqual(['2026-11-02', '2026-11-03', '2026-11-04']);
  });
});
