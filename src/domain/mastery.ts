/** A question as mastery sees it: its card key and every principle it rests on. */
export interface MasteryQuestion {
  key: string;
  principles: readonly string[];
}

export interface MasteryInput {
  questions: readonly MasteryQuestion[];
  /** Whether each answered question's most recent answer was right, by card key. */
  latestCorrect: ReadonlyMap<string, boolean>;
  /** Probability of recall now (0–1) of each answered card, by card key. */
  retrievability: ReadonlyMap<string, number>;
}

export interface PrincipleMastery {
  principleId: string;
  questions: number;
  answered: number;
  /** Questions whose most recent answer was right. */
  right: number;
  /** right / questions: unanswered questions count against it, since they are not yet known. Undefined until one is answered. */
  mastery: number | undefined;
  /** Mean retrievability of the answered cards; undefined when none has a card. */
  recall: number | undefined;
}

/** Mastery of each principle the questions rest on, in the order the principles first appear. */
export function principleMastery(input: MasteryInput): PrincipleMastery[] {
  const tallies = new Map<string, { questions: number; answered: number; right: number; recallSum: number; recallCount: number }>();
  for (const question of input.questions) {
    const correct = input.latestCorrect.get(question.key);
    const recall = input.retrievability.get(question.key);
    for (const principleId of new Set(question.principles)) {
      let tally = tallies.get(principleId);
      if (!tally) {
        tally = { questions: 0, answered: 0, right: 0, recallSum: 0, recallCount: 0 };
        tallies.set(principleId, tally);
      }
      tally.questions++;
      if (correct !== undefined) tally.answered++;
      if (correct) tally.right++;
      if (recall !== undefined) {
        tally.recallSum += recall;
        tally.recallCount++;
      }
    }
  }
  return [...tallies].map(([principleId, tally]) => ({
    principleId,
    questions: tally.questions,
    answered: tally.answered,
    right: tally.right,
    mastery: tally.answered > 0 ? tally.right / tally.questions : undefined,
    recall: tally.recallCount > 0 ? tally.recallSum / tally.recallCount : undefined,
  }));
}

export function isStudied(principle: Pick<PrincipleMastery, 'answered'>): boolean {
  return principle.answered > 0;
}

/** The `count` studied principles with the lowest mastery; ties go to the lower recall, then to the id. */
export function weakestPrinciples(list: readonly PrincipleMastery[], count: number): PrincipleMastery[] {
  return list
    .filter(isStudied)
    .sort((a, b) => (a.mastery ?? 0) - (b.mastery ?? 0) || (a.recall ?? 0) - (b.recall ?? 0) || a.principleId.localeCompare(b.principleId))
    .slice(0, Math.max(0, count));
}

/** A share as a whole percentage, as the screens show it. */
export function percent(share: number): number {
  return Math.round(share * 100);
}
