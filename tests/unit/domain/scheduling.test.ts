import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { gradeAnswer, ratingFor } from '../../../src/domain/grading';
import { cardStatus, isChanged } from '../../../src/domain/progress';
import { newCard, replay, retrievability, schedule, State, undoAnswer } from '../../../src/domain/scheduling';

const NOW = new Date(2026, 10, 2, 9, 0, 0);
const DAY = 86_400_000;
const settings = { desiredRetention: 0.9 };

describe('the grading policy', () => {
  it('maps a wrong answer to Again whatever the confidence', () => {
    expect(ratingFor(false, 'normal')).toBe(Rating.Again);
    expect(ratingFor(false, 'easy')).toBe(Rating.Again);
    expect(ratingFor(false, 'guess')).toBe(Rating.Again);
  });

  it('maps a right answer to Good, a guess to Hard and an easy one to Easy', () => {
    expect(ratingFor(true, 'normal')).toBe(Rating.Good);
    expect(ratingFor(true, 'guess')).toBe(Rating.Hard);
    expect(ratingFor(true, 'easy')).toBe(Rating.Easy);
  });

  it('grades the chosen letter against the key', () => {
    expect(gradeAnswer({ answer: 'C' }, 'C', 'easy')).toEqual({ chosen: 'C', correct: true, rating: Rating.Easy });
    expect(gradeAnswer({ answer: 'C' }, 'A')).toEqual({ chosen: 'A', correct: false, rating: Rating.Again });
  });
});

describe('scheduling with FSRS', () => {
  it('brings a missed question back tomorrow and a known one days later, easy ones later still', () => {
    const days = (grade: Rating.Again | Rating.Hard | Rating.Good | Rating.Easy) =>
      (schedule(newCard(NOW), grade, NOW, settings).card.due.getTime() - NOW.getTime()) / DAY;
    expect(days(Rating.Again)).toBe(1);
    expect(days(Rating.Hard)).toBeGreaterThan(days(Rating.Again));
    expect(days(Rating.Good)).toBeGreaterThan(days(Rating.Hard));
    expect(days(Rating.Easy)).toBeGreaterThan(days(Rating.Good));
  });

  it('schedules more often at a higher desired retention', () => {
    let low = newCard(NOW);
    let high = newCard(NOW);
    let when = NOW;
    for (let review = 0; review < 3; review++) {
      low = schedule(low, Rating.Good, when, { desiredRetention: 0.8 }).card;
      high = schedule(high, Rating.Good, when, { desiredRetention: 0.97 }).card;
      when = new Date(Math.max(low.due.getTime(), high.due.getTime()));
    }
    expect(high.scheduled_days).toBeLessThan(low.scheduled_days);
  });

  it('never schedules past the exam date', () => {
    let card = newCard(NOW);
    let when = NOW;
    const examDate = '2026-11-20';
    const examDay = new Date(2026, 10, 20).getTime();
    for (let review = 0; review < 6; review++) {
      card = schedule(card, Rating.Easy, when, { desiredRetention: 0.9, examDate }).card;
      expect(card.due.getTime()).toBeLessThan(examDay);
      expect(card.due.getTime()).toBeGreaterThanOrEqual(when.getTime());
      when = card.due;
    }
    const uncapped = schedule(newCard(NOW), Rating.Easy, NOW, settings).card;
    const capped = schedule(newCard(NOW), Rating.Easy, NOW, { desiredRetention: 0.9, examDate: '2026-11-05' }).card;
    expect(uncapped.due.getTime()).toBeGreaterThan(new Date(2026, 10, 5).getTime());
    expect(capped.due).toEqual(new Date(2026, 10, 4, 12, 0, 0));
  });

  it('ignores an exam date that has passed', () => {
    const afterExam = schedule(newCard(NOW), Rating.Good, NOW, { desiredRetention: 0.9, examDate: '2026-10-01' }).card;
    expect(afterExam.due).toEqual(schedule(newCard(NOW), Rating.Good, NOW, settings).card.due);
  });

  it('rolls an answer back to the card exactly as it was', () => {
    const first = schedule(newCard(NOW), Rating.Good, NOW, settings).card;
    const later = new Date(first.due.getTime() + DAY);
    const { card: second, log } = schedule(first, Rating.Again, later, settings);
    expect(second.lapses).toBe(1);
    expect(undoAnswer(second, log, first.due, 0.9)).toEqual(first);
  });

  it('rebuilds a card from its log', () => {
    let card = newCard(NOW);
    const steps = [];
    let when = NOW;
    for (const grade of [Rating.Good, Rating.Again, Rating.Hard, Rating.Easy] as const) {
      const step = { grade, review: when, desiredRetention: 0.9 };
      card = schedule(card, grade, when, step).card;
      steps.push(step);
      when = new Date(card.due.getTime() + 3_600_000);
    }
    expect(replay(steps, NOW)).toEqual(card);
  });

  it('tells due, learning, mastered and new apart, and how likely recall is', () => {
    const card = schedule(newCard(NOW), Rating.Good, NOW, settings).card;
    expect(cardStatus(undefined, NOW)).toBe('new');
    expect(cardStatus(card, NOW)).toBe('learning');
    expect(cardStatus(card, new Date(card.due.getTime() + 1))).toBe('due');
    expect(cardStatus({ ...card, stability: 40 }, NOW)).toBe('mastered');
    expect(cardStatus(card, card.due)).toBe('due');
    expect(cardStatus(newCard(NOW), NOW)).toBe('new');
    expect(retrievability(newCard(NOW), NOW)).toBe(0);
    expect(retrievability(card, card.due)).toBeCloseTo(0.9, 1);
    expect(card.state).toBe(State.Review);
  });

  it('marks a card whose question was edited since it was answered', () => {
    expect(isChanged('aaaa', 'aaaa')).toBe(false);
    expect(isChanged('aaaa', 'bbbb')).toBe(true);
    expect(isChanged(undefined, 'bbbb')).toBe(false);
  });
});
