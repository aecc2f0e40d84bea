/**
 * What is derived from the truth, and the only code that writes it.
 *
 * The truth is the review log, the cards and the imported packs' listings. Derived from them, so
 * that screens never walk the log:
 *  - `cards[].lastCorrect`: whether the card's newest answer was right (newest in time; an answer
 *    merged from another device may be older than one recorded here, though its log id is higher);
 *  - `answeredQuestions`: one row per pack listing the questions that have a card;
 *  - `studyDays`: one row per local day counting its answers;
 *  - `dayAnswers`: one row per local day holding its answers as lines of text;
 *  - `briefListings`: one row holding every imported pack in brief.
 *
 * Every entry that leaves the log (undo, erasing a pack's history, reset) leaves its uid in
 * `deletedEntries`, so that merging with another device or syncing never brings it back.
 *
 * Invariant: these rows always equal `rebuildDerived()` from the truth. Every write to the log, the
 * cards or the listings goes through a function here, inside the caller's transaction, which keeps
 * them so (ESLint refuses such writes anywhere else; schema.ts's upgrade steps, which reshape the
 * truth, end with a rebuild). An answer updates its rows in place (the fast path); undo and erasing
 * a pack rebuild the rows their cards and days touch (`rebuildTouched`); merging another device's
 * answers (`mergeAnswers`) also replays the cards it touches; reset clears them; a restore, an
 * upgrade and a repair rebuild them all. `checkDerived()` compares the stored rows with a rebuild,
 * `quickCheck()` their counts.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { PackMeta, Principle } from '../domain/content';
import type { FactColumns } from '../domain/content/facts';
import { byAnswerTime, continueCard, replayCard, type SharedReview } from '../domain/merge';
import type { StoredCard, StoredReview } from '../domain/progress';
import { cardKey } from '../domain/ids';
import { State, type Card } from '../domain/scheduling';
import type { AnswerFacts, DayCount } from '../domain/statistics';
import type { DeletedEntry, RapportDatabase } from './database';
import type { StoredPack } from './packs';

// ---------------------------------------------------------------------------------------------
// The derived tables, each with its row and its encoding.

/**
 * The questions of one pack answered at least once: the keys of its cards, kept in one row per pack
 * because reading 20,000 card keys to tell new questions from seen ones is slow. A set: a rebuild
 * lists them in key order, an answer appends.
 */
export interface AnsweredQuestions {
  packId: string;
  questionIds: string[];
}

/** A local day's answers, counted: the streak, today's limits and the charts by day read these rows. */
export interface StudyDay extends DayCount {
  day: string;
  /** First answers to a question: today's count of new questions. */
  introduced: number;
}

/**
 * A local day's answers as the breakdown by principle reads them: one line per answer, oldest
 * first, of pack id, question id and 1 (right) or 0, tab-separated (ids hold no tabs or line
 * breaks). Half a year of them reads far faster than the same log entries.
 */
export interface DayAnswers {
  day: string;
  answers: string;
}

const answerLine = ({ packId, questionId, correct }: AnswerFacts) => `${packId}\t${questionId}\t${correct ? 1 : 0}`;

/** The answers the day rows hold, as the statistics tally them. */
export function* answersOfDays(rows: Iterable<DayAnswers>): Generator<AnswerFacts> {
  for (const { answers } of rows) {
    if (answers === '') continue;
    for (const line of answers.split('\n')) {
      const [packId = '', questionId = '', right] = line.split('\t');
      yield { packId, questionId, correct: right === '1' };
    }
  }
}

/** What home and a study session read of an imported pack: its title, principles' names and questions' ids and principles. */
export interface BriefListing {
  id: string;
  meta: PackMeta;
  principles: Pick<Principle, 'id' | 'title' | 'summary'>[];
  facts: Pick<FactColumns, 'ids' | 'principles'>;
}

/**
 * Every imported pack's brief listing in one row, each column joined by line breaks into one
 * string (ids and principle ids hold none): one row and a few strings read much faster than the
 * listings they are made from.
 */
export interface StoredBriefListings {
  id: 'imported';
  packs: { id: string; meta: PackMeta; principles: BriefListing['principles']; ids: string; principleColumn: string }[];
}

export function fromBriefListingsRow(row: StoredBriefListings | undefined): BriefListing[] {
  const column = (joined: string) => (joined === '' ? [] : joined.split('\n'));
  return (row?.packs ?? []).map(({ id, meta, principles, ids, principleColumn }) => ({ id, meta, principles, facts: { ids: column(ids), principles: column(principleColumn) } }));
}

function briefListingsRow(listings: readonly StoredPack[]): StoredBriefListings {
  return {
    id: 'imported',
    packs: listings.map(({ id, meta, principles, facts }) => ({
      id,
      meta,
      principles: principles.map(({ id, title, summary }) => ({ id, title, summary })),
      ids: facts.ids.join('\n'),
      principleColumn: facts.principles.join('\n'),
    })),
  };
}

/** The tables the truth and the derived rows live in: the app's database, or an upgrade's transaction. */
export interface ProgressStores {
  cards: Table<StoredCard, [string, string]>;
  reviewLog: Table<StoredReview, number>;
  importedPacks: Table<StoredPack, string>;
  answeredQuestions: Table<AnsweredQuestions, string>;
  studyDays: Table<StudyDay, string>;
  dayAnswers: Table<DayAnswers, string>;
  briefListings: Table<StoredBriefListings, string>;
  deletedEntries: Table<DeletedEntry, number>;
}

/** The same tables, as an upgrade's transaction holds them. */
export function storesOf(transaction: Transaction): ProgressStores {
  return {
    cards: transaction.table('cards'),
    reviewLog: transaction.table('reviewLog'),
    importedPacks: transaction.table('importedPacks'),
    answeredQuestions: transaction.table('answeredQuestions'),
    studyDays: transaction.table('studyDays'),
    dayAnswers: transaction.table('dayAnswers'),
    briefListings: transaction.table('briefListings'),
    deletedEntries: transaction.table('deletedEntries'),
  };
}

/** The tables a write of answers touches, for its transaction: the log, the cards and what is derived from them. */
export function progressScope(db: RapportDatabase) {
  return [db.cards, db.reviewLog, db.answeredQuestions, db.studyDays, db.dayAnswers, db.deletedEntries];
}

/** The tables a write of listings touches, for its transaction. */
export function listingScope(db: RapportDatabase) {
  return [db.importedPacks, db.briefListings];
}

// ---------------------------------------------------------------------------------------------
// Projections: the derived rows as pure functions of the truth.

function emptyDay(day: string): StudyDay {
  return { day, answers: 0, right: 0, reviews: 0, reviewsRight: 0, introduced: 0 };
}

/** Adds log entries, oldest first, to their days' counts and answer lines. */
function tallyDays(entries: Iterable<StoredReview>, counts: Map<string, StudyDay>, lines: Map<string, DayAnswers>): void {
  for (const entry of entries) {
    const count = counts.get(entry.day) ?? emptyDay(entry.day);
    addToDay(count, entry);
    counts.set(entry.day, count);
    const row = lines.get(entry.day);
    if (row) row.answers += `\n${answerLine(entry)}`;
    else lines.set(entry.day, { day: entry.day, answers: answerLine(entry) });
  }
}

function addToDay(count: StudyDay, { state, correct }: Pick<StoredReview, 'state' | 'correct'>): void {
  count.answers++;
  if (correct) count.right++;
  if (state === State.New) count.introduced++;
  if (state === State.Review) {
    count.reviews++;
    if (correct) count.reviewsRight++;
  }
}

/** Everything derived, as a rebuild computes it from the truth. */
export interface DerivedRows {
  /** One row per pack with cards, question ids in key order. */
  answered: AnsweredQuestions[];
  studyDays: StudyDay[];
  dayAnswers: DayAnswers[];
  briefListings: StoredBriefListings;
  /** Whether each card's newest answer was right, by card key; a card without answers in the log has none. */
  lastCorrect: Map<string, boolean>;
}

/** Folds the log, read oldest first in as many pieces as wanted, and the cards' keys into the rows of progress. */
export class Projection {
  private readonly counts = new Map<string, StudyDay>();
  private readonly lines = new Map<string, DayAnswers>();
  private readonly newest = new Map<string, StoredReview>();

  addLog(entries: readonly StoredReview[]): void {
    tallyDays(entries, this.counts, this.lines);
    for (const entry of entries) {
      const key = cardKey(entry.packId, entry.questionId);
      const held = this.newest.get(key);
      if (!held || newerAnswer(entry, held)) this.newest.set(key, entry);
    }
  }

  /** The rows of progress, given the keys of every card. */
  rows(cardKeys: readonly (readonly [string, string])[]): Omit<DerivedRows, 'briefListings'> {
    const answered = new Map<string, string[]>();
    for (const [packId, questionId] of cardKeys) {
      const ids = answered.get(packId);
      if (ids) ids.push(questionId);
      else answered.set(packId, [questionId]);
    }
    const lastCorrect = new Map<string, boolean>();
    for (const [packId, questionId] of cardKeys) {
      const key = cardKey(packId, questionId);
      const correct = this.newest.get(key)?.correct;
      if (correct !== undefined) lastCorrect.set(key, correct);
    }
    const byKey = <Row>(rows: Map<string, Row>) => [...rows.keys()].sort().map((key) => rows.get(key) as Row);
    return {
      answered: [...answered.keys()].sort().map((packId) => ({ packId, questionIds: (answered.get(packId) ?? []).sort() })),
      studyDays: byKey(this.counts),
      dayAnswers: byKey(this.lines),
      lastCorrect,
    };
  }
}

/** Reads the whole log in pages by id, oldest first, so 200,000 entries are never held in memory at once. */
async function forEachLogPage(log: Table<StoredReview, number>, visit: (page: StoredReview[]) => void): Promise<void> {
  for (let after = 0; ; ) {
    const page = await log.where(':id').above(after).limit(20_000).toArray();
    if (page.length === 0) return;
    visit(page);
    after = page.at(-1)?.id ?? Number.POSITIVE_INFINITY;
  }
}

/** Every derived row as the truth now stored says it should be. Reads the whole log: for repairs and tests, not for screens. */
export async function expectedRows(stores: ProgressStores): Promise<DerivedRows> {
  const projection = new Projection();
  await forEachLogPage(stores.reviewLog, (page) => projection.addLog(page));
  const [cardKeys, listings] = await Promise.all([stores.cards.toCollection().primaryKeys(), stores.importedPacks.toArray()]);
  return { ...projection.rows(cardKeys), briefListings: briefListingsRow(listings) };
}

// ---------------------------------------------------------------------------------------------
// Writes. Each runs inside the caller's transaction, which must hold the tables it names.

/**
 * Appends an answer: its log entry, its card as scheduled (`replaces` is the card before, if
 * any), and its day's counts and lines and its pack's answered row updated in place. Returns the
 * entry's log id and the card as stored.
 */
export async function addAnswer(stores: ProgressStores, entry: StoredReview, card: StoredCard, replaces: StoredCard | undefined): Promise<{ logId: number; card: StoredCard }> {
  const stored = { ...card, lastCorrect: entry.correct };
  const [logId] = await Promise.all([
    stores.reviewLog.add(entry),
    stores.cards.put(stored),
    addToDayRows(stores, entry),
    replaces ? undefined : addAnswered(stores, entry.packId, entry.questionId),
  ]);
  return { logId, card: stored };
}

async function addToDayRows(stores: ProgressStores, entry: StoredReview): Promise<void> {
  const [count, lines] = await Promise.all([stores.studyDays.get(entry.day), stores.dayAnswers.get(entry.day)]);
  const next = count ?? emptyDay(entry.day);
  addToDay(next, entry);
  const line = answerLine(entry);
  await Promise.all([stores.studyDays.put(next), stores.dayAnswers.put({ day: entry.day, answers: lines && lines.answers !== '' ? `${lines.answers}\n${line}` : line })]);
}

async function addAnswered(stores: ProgressStores, packId: string, questionId: string): Promise<void> {
  const row = await stores.answeredQuestions.get(packId);
  await stores.answeredQuestions.put({ packId, questionIds: [...(row?.questionIds ?? []), questionId] });
}

/**
 * Takes back a card's newest answer `entry`: the entry goes, and the card becomes `before` (as
 * undo rolled it back), or goes too when that answer was its first.
 */
export async function removeNewestAnswer(stores: ProgressStores, entry: StoredReview & { id: number }, before: Card, contentHashBefore: string): Promise<void> {
  const key: [string, string] = [entry.packId, entry.questionId];
  await Promise.all([stores.reviewLog.delete(entry.id), noteDeleted(stores, [entry])]);
  if (before.state === State.New && before.reps === 0) await stores.cards.delete(key);
  else await stores.cards.put({ ...before, packId: entry.packId, questionId: entry.questionId, contentHash: contentHashBefore });
  await rebuildTouched(stores, { days: [entry.day], cards: [key] });
}

/** Erases a pack's history: its log entries and cards, and the rows they were counted in. */
export async function erasePackHistory(stores: ProgressStores, packId: string): Promise<void> {
  const history = stores.reviewLog.where('[packId+questionId]').between([packId, Dexie.minKey], [packId, Dexie.maxKey]);
  const [erased, cards] = await Promise.all([history.toArray(), stores.cards.where('packId').equals(packId).primaryKeys()]);
  const days = [...new Set(erased.map((entry) => entry.day))];
  await Promise.all([history.delete(), stores.cards.where('packId').equals(packId).delete(), noteDeleted(stores, erased)]);
  await rebuildTouched(stores, { days, cards, packs: [packId] });
}

/**
 * Rebuilds the rows these days and cards touch from the truth as it now stands: the days' counts
 * and lines, the cards' `lastCorrect`, and the answered rows of the cards' packs. The write for
 * anything that changes the log other than by appending one answer (undo, erase, a merge of
 * another device's answers).
 */
export async function rebuildTouched(stores: ProgressStores, touched: { days: Iterable<string>; cards: Iterable<readonly [string, string]>; packs?: Iterable<string> }): Promise<void> {
  const days = [...new Set(touched.days)];
  const cards = [...touched.cards];
  const packs = [...new Set([...cards.map(([packId]) => packId), ...(touched.packs ?? [])])];
  await Promise.all([
    ...days.map(async (day) => {
      const counts = new Map<string, StudyDay>();
      const lines = new Map<string, DayAnswers>();
      // The day index lists a day's entries by id, oldest first.
      tallyDays(await stores.reviewLog.where('day').equals(day).toArray(), counts, lines);
      const count = counts.get(day);
      const line = lines.get(day);
      await Promise.all([count ? stores.studyDays.put(count) : stores.studyDays.delete(day), line ? stores.dayAnswers.put(line) : stores.dayAnswers.delete(day)]);
    }),
    ...cards.map(async (key) => {
      const [card, log] = await Promise.all([stores.cards.get(key as [string, string]), stores.reviewLog.where('[packId+questionId]').equals(key as [string, string]).toArray()]);
      const newest = log.reduce<StoredReview | undefined>((held, entry) => (!held || newerAnswer(entry, held) ? entry : held), undefined);
      if (card && card.lastCorrect !== newest?.correct) await stores.cards.put({ ...card, lastCorrect: newest?.correct });
    }),
    ...packs.map(async (packId) => {
      const keys = await stores.cards.where('packId').equals(packId).primaryKeys();
      if (keys.length === 0) await stores.answeredQuestions.delete(packId);
      else await stores.answeredQuestions.put({ packId, questionIds: keys.map(([, questionId]) => questionId) });
    }),
  ]);
}

/** Erases every answer and card, and everything counted from them. */
async function clearProgress(stores: ProgressStores): Promise<void> {
  await Promise.all([stores.cards.clear(), stores.reviewLog.clear(), stores.answeredQuestions.clear(), stores.studyDays.clear(), stores.dayAnswers.clear()]);
}

/** A reset: every answer and card goes, each answer's uid kept as deleted so no merge or sync brings it back. */
export async function eraseAllProgress(stores: ProgressStores): Promise<void> {
  await noteDeleted(stores, (await stores.reviewLog.orderBy('uid').keys()).map((uid) => ({ uid: String(uid) })));
  await clearProgress(stores);
}

/** Keeps the uids of entries leaving the log, so they stay deleted on every device. */
async function noteDeleted(stores: Pick<ProgressStores, 'deletedEntries'>, entries: readonly { uid: string }[]): Promise<void> {
  if (entries.length > 0) await stores.deletedEntries.bulkAdd(entries.map(({ uid }) => ({ uid })));
}

/**
 * Whether answer `a` came after answer `b`: by time, then by uid, as every device orders them
 * (byAnswerTime). Lenient about an entry without a time, which only an old, damaged log holds: an
 * upgrade's rebuild must not throw.
 */
function newerAnswer(a: StoredReview, b: StoredReview): boolean {
  const time = (entry: StoredReview) => (entry.review instanceof Date ? entry.review.getTime() : 0);
  if (time(a) !== time(b)) return time(a) > time(b);
  return (a.uid ?? '') > (b.uid ?? '') || (a.uid === b.uid && (a.id ?? 0) > (b.id ?? 0));
}

/**
 * Merges another device's answers: adds the entries new here, removes those the other device
 * took back or erased, keeps the uids deleted, replays every card they touch from its whole log
 * in time order, and rebuilds the rows those cards and days are counted in. `remove` are entries
 * as stored here.
 */
export async function mergeAnswers(stores: ProgressStores, change: { add: readonly SharedReview[]; remove: readonly StoredReview[]; deleted: readonly string[] }): Promise<void> {
  const { add, remove, deleted } = change;
  await Promise.all([
    stores.reviewLog.bulkDelete(remove.flatMap((entry) => (entry.id === undefined ? [] : [entry.id]))),
    // Oldest first, so the local ids of the entries added follow their time.
    stores.reviewLog.bulkAdd([...add].sort(byAnswerTime).map(({ id: _id, ...entry }: SharedReview & { id?: number }) => entry)),
    noteDeleted(stores, deleted.map((uid) => ({ uid }))),
  ]);
  const added = groupByCard(add);
  const removed = groupByCard(remove);
  const cards = [...new Map([...add, ...remove].map((entry) => [cardKey(entry.packId, entry.questionId), [entry.packId, entry.questionId] as [string, string]])).values()];
  const held = await stores.cards.bulkGet(cards);
  const replayed = await Promise.all(
    cards.map(async (key, index) => {
      const card = held[index];
      const news = added.get(cardKey(...key)) ?? [];
      // The common case in sync: answers given after the card's last review, nothing taken away.
      if (!removed.has(cardKey(...key))) {
        if (!card) return replayCard(news);
        const carried = continueCard(card, news);
        if (carried) return carried;
      }
      return replayCard(await stores.reviewLog.where('[packId+questionId]').equals(key).toArray());
    }),
  );
  await Promise.all([
    stores.cards.bulkPut(replayed.flatMap((card) => (card ? [card] : []))),
    stores.cards.bulkDelete(cards.filter((_, index) => replayed[index] === undefined)),
  ]);
  // The cards' lastCorrect came with the replay: only the days and the answered rows are left to rebuild.
  await rebuildTouched(stores, { days: [...add, ...remove].map((entry) => entry.day), cards: [], packs: cards.map(([packId]) => packId) });
}

function groupByCard<Entry extends Pick<StoredReview, 'packId' | 'questionId'>>(entries: readonly Entry[]): Map<string, Entry[]> {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    const key = cardKey(entry.packId, entry.questionId);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return groups;
}

/**
 * Replaces all answers and cards (a backup restored), and rebuilds every row derived from them.
 * Log entries keep their ids; entries without one are appended in the order given.
 */
export async function replaceProgress(stores: ProgressStores, cards: readonly StoredCard[], log: readonly StoredReview[], deleted: readonly string[] = []): Promise<void> {
  await Promise.all([clearProgress(stores), stores.deletedEntries.clear()]);
  await noteDeleted(stores, deleted.map((uid) => ({ uid })));
  const withIds = [...log].sort((a, b) => (a.id ?? Number.POSITIVE_INFINITY) - (b.id ?? Number.POSITIVE_INFINITY));
  const ids = await stores.reviewLog.bulkPut(withIds, { allKeys: true });
  // Entries without an id were given ones above every other: the list is still oldest first.
  const projection = new Projection();
  projection.addLog(withIds.map((entry, index) => ({ ...entry, id: ids[index] })));
  const rows = projection.rows(cards.map((card) => [card.packId, card.questionId] as const));
  await Promise.all([
    stores.cards.bulkPut(cards.map((card) => ({ ...card, lastCorrect: rows.lastCorrect.get(cardKey(card.packId, card.questionId)) }))),
    writeProgressRows(stores, rows),
  ]);
}

/** Stores an imported pack's listing, in place of an earlier one, and the brief row with it. */
export async function putListing(stores: ProgressStores, listing: StoredPack): Promise<void> {
  await stores.importedPacks.put(listing);
  await rewriteBriefListings(stores);
}

export async function deleteListing(stores: ProgressStores, packId: string): Promise<void> {
  await stores.importedPacks.delete(packId);
  await rewriteBriefListings(stores);
}

async function rewriteBriefListings(stores: ProgressStores): Promise<void> {
  await stores.briefListings.put(briefListingsRow(await stores.importedPacks.toArray()));
}

async function writeProgressRows(stores: ProgressStores, rows: Pick<DerivedRows, 'answered' | 'studyDays' | 'dayAnswers'>): Promise<void> {
  await Promise.all([stores.answeredQuestions.clear(), stores.studyDays.clear(), stores.dayAnswers.clear()]);
  await Promise.all([stores.answeredQuestions.bulkPut(rows.answered), stores.studyDays.bulkPut(rows.studyDays), stores.dayAnswers.bulkPut(rows.dayAnswers)]);
}

async function writeLastCorrect(stores: ProgressStores, lastCorrect: ReadonlyMap<string, boolean>): Promise<void> {
  await stores.cards.toCollection().modify((card) => {
    const correct = lastCorrect.get(cardKey(card.packId, card.questionId));
    if (correct === undefined) delete card.lastCorrect;
    else card.lastCorrect = correct;
  });
}

/** Rebuilds every derived row from the truth: after an upgrade, and to repair. */
export async function rebuildDerived(stores: ProgressStores): Promise<void> {
  const rows = await expectedRows(stores);
  await Promise.all([writeProgressRows(stores, rows), writeLastCorrect(stores, rows.lastCorrect), stores.briefListings.put(rows.briefListings)]);
}

// ---------------------------------------------------------------------------------------------
// Checks.

/** A derived table whose rows disagree with the truth. */
export type DerivedTable = 'answeredQuestions' | 'studyDays' | 'dayAnswers' | 'briefListings' | 'lastCorrect';

/**
 * A cheap check, for each opening of the database: counts and keys only, no log entry read. It
 * catches a missing or extra row and a count that drifted; `checkDerived` catches the rest.
 */
export async function quickCheck(stores: ProgressStores): Promise<DerivedTable[]> {
  const [logCount, days, lineDays, answered, cardCount, cardPacks, brief, packIds] = await Promise.all([
    stores.reviewLog.count(),
    stores.studyDays.toArray(),
    stores.dayAnswers.toCollection().primaryKeys(),
    stores.answeredQuestions.toArray(),
    stores.cards.count(),
    stores.cards.orderBy('packId').uniqueKeys(),
    stores.briefListings.get('imported'),
    stores.importedPacks.toCollection().primaryKeys(),
  ]);
  const wrong: DerivedTable[] = [];
  if (days.reduce((sum, day) => sum + day.answers, 0) !== logCount || days.some((day) => day.answers <= 0)) wrong.push('studyDays');
  if (!sameList(lineDays, days.map((day) => day.day))) wrong.push('dayAnswers');
  if (answered.reduce((sum, row) => sum + row.questionIds.length, 0) !== cardCount || !sameList(answered.map((row) => row.packId), cardPacks.map(String))) wrong.push('answeredQuestions');
  if (!sameList((brief?.packs ?? []).map((pack) => pack.id).sort(), packIds)) wrong.push('briefListings');
  return wrong;
}

/** Compares every derived row with a rebuild: the tables that disagree, and the rebuilt rows. Reads the whole log. */
export async function checkDerived(stores: ProgressStores): Promise<{ wrong: DerivedTable[]; expected: DerivedRows }> {
  const [expected, answered, days, lines, brief, cards] = await Promise.all([
    expectedRows(stores),
    stores.answeredQuestions.toArray(),
    stores.studyDays.toArray(),
    stores.dayAnswers.toArray(),
    stores.briefListings.get('imported'),
    stores.cards.toArray(),
  ]);
  const wrong: DerivedTable[] = [];
  // Answered rows are sets: an answer appends where a rebuild sorts.
  const sorted = (rows: readonly AnsweredQuestions[]) => rows.map((row) => ({ packId: row.packId, questionIds: [...row.questionIds].sort() }));
  if (!same(sorted(answered), expected.answered)) wrong.push('answeredQuestions');
  if (!same(days, expected.studyDays)) wrong.push('studyDays');
  if (!same(lines, expected.dayAnswers)) wrong.push('dayAnswers');
  if (!same(brief ?? briefListingsRow([]), expected.briefListings)) wrong.push('briefListings');
  if (cards.some((card) => card.lastCorrect !== expected.lastCorrect.get(cardKey(card.packId, card.questionId)))) wrong.push('lastCorrect');
  return { wrong, expected };
}

/** Rewrites the derived rows when they disagree with the truth; returns the tables that did. */
export async function repairDerived(stores: ProgressStores): Promise<DerivedTable[]> {
  const { wrong, expected } = await checkDerived(stores);
  if (wrong.length === 0) return wrong;
  await Promise.all([writeProgressRows(stores, expected), writeLastCorrect(stores, expected.lastCorrect), stores.briefListings.put(expected.briefListings)]);
  return wrong;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** Whether two rows hold the same data, whatever the order of their fields. */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1))) : item,
  );
}
