import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from '../../../src/db/backup';
import { checkContent } from '../../../src/domain/content/check';
import { ID_MAX_LENGTH } from '../../../src/domain/ids';
import { contentFolder, questionText } from '../../fixtures/content';
import { freshDatabase, recordRightOrWrong } from './freshDatabase';

const NOW = new Date(2026, 10, 2, 9, 0, 0);
const longestId = (stem: string) => `${stem}-${'x'.repeat(ID_MAX_LENGTH - stem.length - 1)}`;

describe('one limit for ids, in packs and in backups', () => {
  it('refuses an id over the limit in a pack, saying how long it may be', () => {
    const tooLong = `${longestId('q')}y`;
    const report = checkContent(contentFolder({ [tooLong]: questionText({ id: tooLong }) }));
    expect(report.problems.find((item) => item.severity === 'error')?.message).toContain(`an id can be at most ${ID_MAX_LENGTH} characters long`);
    expect(checkContent(contentFolder({ [longestId('q')]: questionText({ id: longestId('q') }) })).counts.errors).toBe(0);
  });

  it('restores its own backup after studying a pack whose ids are as long as a pack may have', async () => {
    const packId = longestId('pack');
    const questionId = longestId('question');
    const source = freshDatabase();
    await recordRightOrWrong(source, packId, questionId, true, NOW);
    const text = JSON.stringify(await exportBackup(source, NOW));
    const target = freshDatabase();
    expect(await restoreBackup(target, text)).toMatchObject({ cards: 1, reviews: 1, skipped: [] });
    expect(await target.cards.get([packId, questionId])).toBeDefined();
  });

  it('keeps the rest of a backup when one record is bad, naming the record', async () => {
    const source = freshDatabase();
    await recordRightOrWrong(source, 'alpha', 'q1', true, NOW);
    await recordRightOrWrong(source, 'alpha', 'q2', false, NOW);
    const backup = JSON.parse(JSON.stringify(await exportBackup(source, NOW)));
    backup.reviewLog[1].questionId = 'q'.repeat(ID_MAX_LENGTH + 1);
    backup.cards[1].questionId = 'q'.repeat(ID_MAX_LENGTH + 1);
    const target = freshDatabase();
    const restored = await restoreBackup(target, JSON.stringify(backup));
    expect(restored).toMatchObject({ cards: 1, reviews: 1 });
    expect(restored.skipped).toEqual([`question 2: questionId: is longer than ${ID_MAX_LENGTH} characters`, `answer 2: questionId: is longer than ${ID_MAX_LENGTH} characters`]);
    expect(await target.reviewLog.count()).toBe(1);
  });
});
