import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/domain/content/check';
import { SHORTCUT_MARGIN } from '../../../src/domain/content/shortcuts';
import { availability, drawExam } from '../../../src/domain/exam';
import { readContentFolder } from '../../../scripts/read-content';

/**
 * The built-in bank as shipped in content/: everything the app reports rests on it, so its
 * promises (issue 19) are held by a test, not only by a note.
 */
const report = checkContent(readContentFolder('content'));
const questions = report.compiled.packs.flatMap((pack) => pack.questions.map((question) => ({ ...question, packId: pack.id, questionId: question.id })));

describe('the built-in bank', () => {
  it('passes the checker with no error and no warning', () => {
    expect(report.problems.map((item) => `${item.file}:${item.line} ${item.message}`)).toEqual([]);
  });

  it('is deep enough for full-length forms, mostly three-option', () => {
    expect(questions.length).toBeGreaterThanOrEqual(330);
    expect(report.perArea['assessment-planning']).toBeGreaterThanOrEqual(60);
    expect(report.perArea['development-diversity']).toBeGreaterThanOrEqual(48);
    expect((report.perOptionCount['3'] ?? 0) / questions.length).toBeGreaterThanOrEqual(0.7);
  });

  it('gives a candidate who never reads the scenario no more than chance, by any option-text feature', () => {
    for (const shortcut of report.shortcuts) expect(shortcut.excess, shortcut.feature).toBeLessThanOrEqual(SHORTCUT_MARGIN * 100);
  });

  it('has a principles library of at least 22, each linked by at least 8 items and by no more than a fifth', () => {
    const links = Object.entries(report.perPrinciple);
    expect(links.length).toBeGreaterThanOrEqual(22);
    for (const [id, count] of links) {
      expect(count, id).toBeGreaterThanOrEqual(8);
      expect(count / questions.length, id).toBeLessThanOrEqual(0.2);
    }
  });

  it('draws a full form for every built-in exam format, with no repeats and no shorter exam', () => {
    expect(report.compiled.blueprints.length).toBeGreaterThanOrEqual(5);
    for (const blueprint of report.compiled.blueprints) {
      expect(availability(blueprint, questions).possibleItems, blueprint.id).toBe(blueprint.items);
      const plan = drawExam(blueprint, questions, blueprint.items, 7);
      expect(plan.items, blueprint.id).toHaveLength(blueprint.items);
      expect(new Set(plan.items.map((item) => `${item.packId}/${item.questionId}`)).size, blueprint.id).toBe(blueprint.items);
    }
  });
});
