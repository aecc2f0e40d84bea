import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadPack } from '../../src/catalog/catalog';
import { loadReadiness } from '../../src/catalog/readiness';
import { database } from '../../src/db/database';
import { importedQuestions, setPackEnabled } from '../../src/db/packs';
import { recordAnswer } from '../../src/db/progress';
import type { OptionLetter } from '../../src/domain/content';
import { gradeAnswer } from '../../src/domain/grading';
import { freshStart, importExtraPack, renderAt } from './render';

beforeEach(async () => {
  await freshStart();
  localStorage.clear();
});

const DAY = 86_400_000;

/** Answers question x-NNN of the imported "extra" pack (every key is B) as the study screen records it. */
async function answerExtra(number: number, chosen: OptionLetter, at: Date) {
  const questionId = `x-${String(number).padStart(3, '0')}`;
  const [found] = await importedQuestions(database(), 'extra', [questionId]);
  if (!found) throw new Error(`no question ${questionId}`);
  await recordAnswer(database(), { packId: 'extra', questionId, contentHash: found.contentHash, result: gradeAnswer(found, chosen), confidence: 'normal', now: at, settings: { desiredRetention: 0.9 } });
}

describe('readiness from the candidate’s own history', () => {
  it('reads first answers, seen questions with their option counts and reviews, and estimates the score', async () => {
    await importExtraPack(45);
    const start = new Date(Date.now() - 10 * DAY);
    // 40 first answers, 30 right; then 10 of the right ones reviewed, 8 right again.
    for (let number = 1; number <= 40; number++) await answerExtra(number, number <= 30 ? 'B' : 'A', new Date(start.getTime() + number * 60_000));
    for (let number = 1; number <= 10; number++) await answerExtra(number, number <= 8 ? 'B' : 'C', new Date(start.getTime() + 5 * DAY + number * 60_000));

    const loaded = await loadReadiness('demo-2');
    if (loaded?.readiness.status !== 'ready') throw new Error(`expected an estimate, got ${JSON.stringify(loaded?.readiness)}`);
    const { readiness } = loaded;
    expect(loaded.blueprint.title).toBe('Demo exam, 2 items');
    // The demo pack's 2 questions and the extra pack's 45, all in values and ethics.
    expect(readiness.basis).toMatchObject({ seen: 40, bank: 47, firstAnswers: 40, reviews: 10 });
    expect(readiness.expected).toBeGreaterThan(40);
    expect(readiness.expected).toBeLessThan(95);
    expect(readiness.low).toBeLessThan(readiness.expected);
    expect(readiness.high).toBeGreaterThan(readiness.expected);
    expect(readiness.domains.map((domain) => domain.domain)).toEqual(['values-ethics']);
  });

  it('leaves out packs turned off from the form, but counts their first answers', async () => {
    await importExtraPack(45);
    for (let number = 1; number <= 40; number++) await answerExtra(number, 'B', new Date(Date.now() - DAY + number * 60_000));
    await setPackEnabled(database(), 'extra', false);
    const loaded = await loadReadiness('demo-2');
    expect(loaded?.readiness).toMatchObject({ status: 'ready', basis: { bank: 2, seen: 0, firstAnswers: 40 } });
    expect(await loadPack('demo')).toBeDefined();
  });
});

describe('readiness on screen', () => {
  it('shows the estimate on home with its interval, the pass target and what it rests on', async () => {
    await importExtraPack(45);
    for (let number = 1; number <= 40; number++) await answerExtra(number, number % 4 === 0 ? 'A' : 'B', new Date(Date.now() - DAY + number * 60_000));
    renderAt('/');
    const readiness = await screen.findByRole('region', { name: 'Readiness' });
    expect(await within(readiness).findByText(/pass target 70%/)).toHaveTextContent(/^\d+% \(\d+–\d+%\), pass target 70%$/);
    expect(readiness).toHaveTextContent('It does not predict the licensing exam');
    expect(within(readiness).getByRole('table', { name: 'Expected score by content area', hidden: true })).toBeInTheDocument();
  });
});
