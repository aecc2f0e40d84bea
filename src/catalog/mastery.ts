import { loadQuestionIndex, readImportedCatalog, withImportedPrinciples, type PrincipleSummary } from './catalog';
import { cardsInPacks } from '../db/cards';
import { database } from '../db/database';
import { principleMastery, weakestPrinciples, type PrincipleMastery } from '../domain/mastery';
import { cardKey } from '../domain/ids';
import { retrievability, State } from '../domain/scheduling';

export interface LibraryData {
  principles: PrincipleSummary[];
  mastery: Map<string, PrincipleMastery>;
  weakest: PrincipleMastery[];
}

/** Every principle with the candidate's mastery of it, and the three weakest they have studied. */
export async function loadLibrary(now: Date): Promise<LibraryData> {
  const db = database();
  const catalog = readImportedCatalog();
  const [index, { imported }] = await Promise.all([loadQuestionIndex({}, catalog), catalog]);
  const packIds = [...new Set(index.map((question) => question.packId))];
  const cards = await cardsInPacks(db, packIds);
  const latestCorrect = new Map(cards.flatMap((card) => (card.lastCorrect === undefined ? [] : [[cardKey(card.packId, card.questionId), card.lastCorrect] as const])));
  const recall = new Map(cards.filter((card) => card.state !== State.New).map((card) => [cardKey(card.packId, card.questionId), retrievability(card, now)]));
  const questions = index.map((question) => ({ key: cardKey(question.packId, question.questionId), principles: question.principles }));
  const principles = withImportedPrinciples(imported);
  const list = principleMastery({ questions, latestCorrect, retrievability: recall });
  return { principles, mastery: new Map(list.map((item) => [item.principleId, item])), weakest: weakestPrinciples(list, 3) };
}
