import { loadPack, principleTitle } from '../../catalog/catalog';
import { loadStudyContent } from '../../catalog/studyContent';
import { cardsInPacks } from '../../db/cards';
import { database } from '../../db/database';
import { historyOf } from '../../db/progress';
import { browseEntries, type BrowseEntry } from '../../domain/browse';
import type { Pack, Question } from '../../domain/content';
import type { StoredCard, StoredReview } from '../../domain/progress';
import { cardKey } from '../../domain/queue';

export interface BrowseData {
  entries: BrowseEntry[];
  packTitles: Map<string, string>;
  /** The principles the questions rest on, by title, for the filter. */
  principles: { id: string; title: string }[];
}

export async function loadBrowseData(now: Date): Promise<BrowseData> {
  const { packs } = await loadStudyContent();
  const cards = await cardsInPacks(database(), packs.map((pack) => pack.id));
  const byKey = new Map(cards.map((card) => [cardKey(card.packId, card.questionId), card]));
  const principleIds = new Set(packs.flatMap((pack) => pack.questions.flatMap((question) => question.principles)));
  return {
    entries: browseEntries(packs, byKey, now),
    packTitles: new Map(packs.map((pack) => [pack.id, pack.title])),
    principles: [...principleIds].map((id) => ({ id, title: principleTitle(id) })).sort((a, b) => a.title.localeCompare(b.title)),
  };
}

export interface QuestionDetail {
  pack: Pack;
  question: Question;
  card: StoredCard | undefined;
  history: StoredReview[];
}

export async function loadQuestionDetail(packId: string, questionId: string): Promise<QuestionDetail | undefined> {
  const pack = await loadPack(packId);
  const question = pack?.questions.find((item) => item.id === questionId);
  if (!pack || !question) return undefined;
  const db = database();
  const [card, history] = await Promise.all([db.cards.get([packId, questionId]), historyOf(db, { packId, questionId })]);
  return { pack, question, card, history };
}
