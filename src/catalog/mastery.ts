import type { PrincipleSummary } from './catalog';
import { loadStudyContent } from './studyContent';
import { cardsInPacks } from '../db/cards';
import { database } from '../db/database';
import { latestAnswers } from '../db/mastery';
import { principleMastery, weakestPrinciples, type PrincipleMastery } from '../domain/mastery';
import { cardKey } from '../domain/queue';
import { retrievability, State } from '../domain/scheduling';

export interface LibraryData {
  principles: PrincipleSummary[];
  mastery: Map<string, PrincipleMastery>;
  weakest: PrincipleMastery[];
}

/** Every principle with the candidate's mastery of it, and the three weakest they have studied. */
export async function loadLibrary(now: Date): Promise<LibraryData> {
  const { packs, principles } = await loadStudyContent();
  const db = database();
  const packIds = packs.map((pack) => pack.id);
  const [cards, latestCorrect] = await Promise.all([cardsInPacks(db, packIds), latestAnswers(db, packIds)]);
  const recall = new Map(cards.filter((card) => card.state !== State.New).map((card) => [cardKey(card.packId, card.questionId), retrievability(card, now)]));
  const questions = packs.flatMap((pack) => pack.questions.map((question) => ({ key: cardKey(pack.id, question.id), principles: question.principles })));
  const list = principleMastery({ questions, latestCorrect, retrievability: recall });
  return { principles, mastery: new Map(list.map((item) => [item.principleId, item])), weakest: weakestPrinciples(list, 3) };
}
