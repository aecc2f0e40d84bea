import { describe, expect, it } from 'vitest';
import { State } from '../../../src/domain/scheduling';
import { addDays } from '../../../src/domain/dates';
import type { StoredReview } from '../../../src/domain/progress';
import { answersOfDays, Projection } from '../../../src/db/derived';
import {
  accuracyBreakdown,
  activity,
  forecastBounds,
  forecastFromCounts,
  heatLevel,
  statisticsWindow,
  tallyAnswers,
  weekStart,
  weeklyAccuracy,
} from '../../../src/domain/statistics';

// Wednesday 4 November 2026, mid-morning local time.
const NOW = new Date(2026, 10, 4, 10, 0, 0);

function answer(day: string, correct: boolean, state: State = State.Review, questionId = 'q1', packId = 'p') {
  return { packId, questionId, day, correct, state } as StoredReview;
}

/** The day rows the database derives from these log entries. */
function derivedDays(entries: StoredReview[]) {
  const projection = new Projection();
  projection.addLog(entries);
  const rows = projection.rows([]);
  return { counts: new Map(rows.studyDays.map((row) => [row.day, row])), lines: rows.dayAnswers };
}

const tallyStudyDays = (entries: StoredReview[]) => derivedDays(entries).counts;

describe('the statistics window', () => {
  it('is 26 weeks named by their Mondays, oldest first, the last holding today', () => {
    const window = statisticsWindow(NOW);
    expect(window.today).toBe('2026-11-04');
    expect(window.weeks).toHaveLength(26);
    expect(window.weeks.at(-1)).toBe('2026-11-02');
    expect(window.weeks[0]).toBe('2026-05-11');
    expect(window.weeks.every((week) => new Date(`${week}T12:00:00`).getDay() === 1)).toBe(true);
  });

  it('does calendar arithmetic across month ends and a Sunday', () => {
    expect(addDays('2026-10-30', 3)).toBe('2026-11-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekStart('2026-11-08')).toBe('2026-11-02');
    expect(weekStart('2026-11-02')).toBe('2026-11-02');
  });
});

describe('tallying the log', () => {
  it('counts answers and right ones by day, first answers and true-retention reviews apart, and by question', () => {
    const entries = [answer('2026-11-02', false, State.New), answer('2026-11-02', true, State.Review), answer('2026-11-03', true, State.New, 'q2')];
    const days = tallyStudyDays(entries);
    expect(days.get('2026-11-02')).toEqual({ day: '2026-11-02', answers: 2, right: 1, reviews: 1, reviewsRight: 1, introduced: 1 });
    expect(days.get('2026-11-03')).toEqual({ day: '2026-11-03', answers: 1, right: 1, reviews: 0, reviewsRight: 0, introduced: 1 });
    const tally = tallyAnswers(entries);
    expect(tally.byQuestion.get('p/q1')).toEqual({ answers: 2, right: 1 });
    expect([...tally.packIds]).toEqual(['p']);
  });

  it('keeps each day’s answers as lines that tally as the log entries do', () => {
    const entries = [answer('2026-11-02', false), answer('2026-11-02', true, State.New, 'q2', 'other-pack'), answer('2026-11-02', true), answer('2026-11-03', true)];
    const { lines } = derivedDays(entries);
    expect(lines.map((row) => row.day)).toEqual(['2026-11-02', '2026-11-03']);
    expect(lines[0]?.answers).toBe('p\tq1\t0\nother-pack\tq2\t1\np\tq1\t1');
    expect(tallyAnswers(answersOfDays(lines))).toEqual(tallyAnswers(entries));
  });
});

describe('activity over the window', () => {
  it('places each day by week and weekday, stops at today, and shades by share of the busiest day', () => {
    const window = statisticsWindow(NOW);
    const byDay = tallyStudyDays([
      ...Array.from({ length: 8 }, () => answer('2026-11-03', true)),
      answer('2026-11-02', false),
      answer('2026-11-02', true, State.New),
      answer('2026-05-11', true),
      // Before the window: not shown, not counted.
      answer('2026-05-10', true),
    ]);
    const summary = activity(byDay, window);
    expect(summary.days).toHaveLength(25 * 7 + 3);
    expect(summary.days.at(-1)).toMatchObject({ day: '2026-11-04', week: 25, weekday: 2, answers: 0, level: 0 });
    expect(summary.days.find((day) => day.day === '2026-11-03')).toMatchObject({ week: 25, weekday: 1, answers: 8, level: 4 });
    expect(summary.days.find((day) => day.day === '2026-11-02')).toMatchObject({ answers: 2, level: 1 });
    expect(summary.days[0]).toMatchObject({ day: '2026-05-11', week: 0, weekday: 0, answers: 1 });
    expect(summary).toMatchObject({ answers: 11, right: 10, reviews: 10, reviewsRight: 9, daysStudied: 3, busiest: { day: '2026-11-03', answers: 8 } });
  });

  it('has no busiest day and no shade when nothing was answered', () => {
    const summary = activity(new Map(), statisticsWindow(NOW));
    expect(summary.busiest).toBeUndefined();
    expect(summary.days.every((day) => day.level === 0)).toBe(true);
  });

  it('shades in four steps up to the busiest day', () => {
    expect([0, 1, 25, 26, 50, 75, 76, 100].map((count) => heatLevel(count, 100))).toEqual([0, 1, 1, 2, 2, 3, 4, 4]);
  });
});

describe('accuracy per week', () => {
  it('is the share right of all answers, and true retention the share right of reviews of cards already in review', () => {
    const window = statisticsWindow(NOW);
    const byDay = tallyStudyDays([
      answer('2026-10-26', true, State.New),
      answer('2026-10-28', false, State.New),
      answer('2026-11-01', true, State.Review),
      answer('2026-11-01', false, State.Review),
      answer('2026-11-02', true, State.Review),
    ]);
    const weeks = weeklyAccuracy(byDay, window);
    expect(weeks).toHaveLength(26);
    expect(weeks.at(-2)).toEqual({ week: '2026-10-26', answers: 4, right: 2, accuracy: 0.5, reviews: 2, reviewsRight: 1, retention: 0.5 });
    expect(weeks.at(-1)).toEqual({ week: '2026-11-02', answers: 1, right: 1, accuracy: 1, reviews: 1, reviewsRight: 1, retention: 1 });
    expect(weeks[0]).toMatchObject({ answers: 0, accuracy: undefined, retention: undefined });
  });

  it('leaves true retention undefined in a week of first answers only', () => {
    const weeks = weeklyAccuracy(tallyStudyDays([answer('2026-11-03', true, State.New)]), statisticsWindow(NOW));
    expect(weeks.at(-1)).toMatchObject({ accuracy: 1, retention: undefined });
  });
});

describe('the due forecast', () => {
  it('covers 30 days from today, bounded by local midnights, each count named by its day', () => {
    const bounds = forecastBounds(NOW);
    expect(bounds).toHaveLength(31);
    expect(bounds[0]).toEqual(new Date(2026, 10, 4));
    expect(bounds[1]).toEqual(new Date(2026, 10, 5));
    // Across the end of November.
    expect(bounds[30]).toEqual(new Date(2026, 11, 4));
    const forecast = forecastFromCounts([3, 2, ...new Array<number>(27).fill(0), 1], NOW);
    expect(forecast).toHaveLength(30);
    expect(forecast[0]).toEqual({ day: '2026-11-04', due: 3 });
    expect(forecast[1]).toEqual({ day: '2026-11-05', due: 2 });
    expect(forecast[29]).toEqual({ day: '2026-12-03', due: 1 });
  });
});

describe('accuracy by principle and by content area', () => {
  const questions = [
    { key: 'p/q1', principles: ['trust'], area: 'values-ethics' },
    { key: 'p/q2', principles: ['trust', 'consent', 'trust'], area: 'assessment-planning' },
    { key: 'p/q3', principles: ['boundaries'], area: 'values-ethics' },
  ];

  it('sums each question’s answers into its principles (weakest first) and its area (in outline order)', () => {
    const byQuestion = new Map([
      ['p/q1', { answers: 10, right: 9 }],
      ['p/q2', { answers: 5, right: 3 }],
      ['p/q3', { answers: 4, right: 1 }],
      ['gone/q9', { answers: 2, right: 2 }],
    ]);
    const breakdown = accuracyBreakdown(byQuestion, questions, ['development-diversity', 'assessment-planning', 'intervention-practice', 'values-ethics']);
    expect(breakdown.principles).toEqual([
      { id: 'boundaries', answers: 4, right: 1, accuracy: 0.25 },
      { id: 'consent', answers: 5, right: 3, accuracy: 0.6 },
      { id: 'trust', answers: 15, right: 12, accuracy: 0.8 },
    ]);
    expect(breakdown.areas).toEqual([
      { id: 'assessment-planning', answers: 5, right: 3, accuracy: 0.6 },
      { id: 'values-ethics', answers: 14, right: 10, accuracy: 10 / 14 },
    ]);
    expect(breakdown.unmatched).toBe(2);
  });

  it('breaks ties in accuracy by more answers first', () => {
    const breakdown = accuracyBreakdown(
      new Map([
        ['p/q1', { answers: 2, right: 1 }],
        ['p/q3', { answers: 4, right: 2 }],
      ]),
      questions,
    );
    expect(breakdown.principles.map((group) => group.id)).toEqual(['boundaries', 'trust']);
  });
});
