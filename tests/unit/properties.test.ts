import fc from 'fast-check';
import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { BackupError, parseBackup } from '../../src/domain/backup';
import { compileContent } from '../../src/domain/content/compile';
import { checkImport } from '../../src/domain/content/packFile';
import { newCard, replay, schedule, undoAnswer } from '../../src/domain/scheduling';
import { PACK_YAML, questionText } from '../fixtures/content';

const START = new Date(2026, 0, 1, 9, 0, 0).getTime();
const HOUR = 3_600_000;

/** Text that looks like our formats often enough to reach deep into the parser. */
const contentLike = fc.oneof(
  fc.string(),
  fc.constantFrom('---', '## ', '### A. ', '### E. ', 'id: q', 'answer: [B, C]', '__proto__: x', 'constructor: {}', ':', '- ', '  - ', '&a', '*a', '!!js/function x', '\u0000', '"').chain((piece) =>
    fc.array(fc.oneof(fc.constant(piece), fc.string({ maxLength: 20 })), { maxLength: 30 }).map((parts) => parts.join('\n')),
  ),
  fc.string().map((noise) => questionText().replace(/\n[^\n]*\n/, `\n${noise}\n`)),
);

describe('the content parser under fuzzing', () => {
  it('never throws: any input gives structured, positioned problems', () => {
    fc.assert(
      fc.property(contentLike, contentLike, (question, packYaml) => {
        const result = compileContent([
          { path: 'packs/fuzz/pack.yaml', text: packYaml },
          { path: 'packs/fuzz/q.md', text: question },
          { path: 'principles/p.md', text: question },
          { path: 'exams/e.yaml', text: packYaml },
        ]);
        for (const item of result.problems) {
          expect(item.line).toBeGreaterThanOrEqual(1);
          expect(item.column).toBeGreaterThanOrEqual(1);
          expect(typeof item.message).toBe('string');
          expect(['error', 'warning']).toContain(item.severity);
        }
      }),
      { numRuns: 400 },
    );
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('never throws on pack files and backups from strangers, and leaves Object.prototype alone', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), fc.string(), fc.constant(JSON.stringify({ format: 'rapport-pack', formatVersion: 1, files: [{ path: 'packs/x/pack.yaml', text: PACK_YAML }] }))), async (text) => {
        const outcome = await checkImport({ kind: 'pack-file', name: 'x.json', text }, { principles: [], packIds: [] });
        expect(Array.isArray(outcome.problems)).toBe(true);
        try {
          parseBackup(text);
        } catch (error) {
          expect(error).toBeInstanceOf(BackupError);
        }
      }),
      { numRuns: 300 },
    );
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});

const answers = fc.array(
  fc.record({
    grade: fc.constantFrom(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy),
    hoursLater: fc.integer({ min: 0, max: 24 * 90 }),
    desiredRetention: fc.constantFrom(0.8, 0.85, 0.9, 0.95, 0.97),
  }),
  { minLength: 1, maxLength: 25 },
);

describe('scheduling properties', () => {
  it('never schedules a review before the answer that set it', () => {
    fc.assert(
      fc.property(answers, fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }), (steps, examInDays) => {
        let card = newCard(new Date(START));
        let when = START;
        const examDate = examInDays === undefined ? undefined : new Date(START + examInDays * 24 * HOUR).toISOString().slice(0, 10);
        for (const step of steps) {
          when += step.hoursLater * HOUR;
          const result = schedule(card, step.grade, new Date(when), { desiredRetention: step.desiredRetention, examDate });
          expect(result.card.due.getTime()).toBeGreaterThanOrEqual(when);
          card = result.card;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('undoes any answer exactly, and replaying the log rebuilds the card', () => {
    fc.assert(
      fc.property(answers, (steps) => {
        let card = newCard(new Date(START));
        let when = START;
        const log = [];
        for (const step of steps) {
          when += step.hoursLater * HOUR;
          const before = card;
          const result = schedule(card, step.grade, new Date(when), step);
          expect(undoAnswer(result.card, result.log, before.due, step.desiredRetention)).toEqual(before);
          card = result.card;
          log.push({ grade: step.grade, review: new Date(when), desiredRetention: step.desiredRetention });
        }
        expect(replay(log, new Date(START))).toEqual(card);
      }),
      { numRuns: 300 },
    );
  });
});
