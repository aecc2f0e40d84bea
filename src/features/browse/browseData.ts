import { builtInPacks, loadPack, principleTitle, readImportedCatalog } from '../../catalog/catalog';
import { cardsInPacks } from '../../db/cards';
import { database } from '../../db/database';
import { importedQuestions } from '../../db/packs';
import { historyOf } from '../../db/progress';
import { browseEntries, type BrowseEntry } from '../../domain/browse';
import type { Pack, Question } from '../../domain/content';
import type { StoredCard, StoredReview } from '../../domain/progress';
import { cardKey } from '../../domain/ids';

export interface BrowseData {
  entries: BrowseEntry[];
  packTitles: Map<string, string>;
  /** The principles the questions rest on, by title, for the filter. */
  principles: { id: string; title: string }[];
}

/**
 * The enabled packs' questions, built-in first, each with its text to search. Imported packs are read
 * whole: slow for many large packs, but a row of texts per pack (tried) slowed home and session
 * start for everyone (docs/performance.md).
 */
export async function loadBrowseData(now: Date): Promise<BrowseData> {
  const db = database();
  const { imported, disabled } = await readImportedCatalog();
  const enabled = imported.filter((stored) => !disabled.has(stored.id));
  const builtIn = (await Promise.all(builtInPacks.filter((pack) => !disabled.has(pack.id)).map((pack) => loadPack(pack.id)))).filter((pack) => pack !== undefined);
  const packIds = [...builtIn.map((pack) => pack.id), ...enabled.map((stored) => stored.id)];
  const [fromImports, cards] = await Promise.all([
    Promise.all(enabled.map(async (stored) => ({ id: stored.id, questions: await importedQuestions(db, stored.id, stored.facts.ids) }))),
    cardsInPacks(db, packIds),
  ]);
  const packs = [...builtIn, ...fromImports];
  const byKey = new Map(cards.map((card) => [cardKey(card.packId, card.questionId), card]));
  const principleIds = new Set(packs.flatMap((pack) => pack.questions.flatMap((question) => question.principles)));
  return {
    entries: browseEntries(packs, byKey, now),
    packTitles: new Map([...builtIn.map((pack) => [pack.id, pack.title] as const), ...enabled.map((stored) => [stored.id, stored.meta.title] as const)]),
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
