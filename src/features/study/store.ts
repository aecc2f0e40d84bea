import { create } from 'zustand';
import { loadPack, loadPacksHolding } from '../../catalog/catalog';
import { answerRecorded, movedOn, sessionReady, started, submitted } from '../../components/benchmarkMarks';
import { database } from '../../db/database';
import { describeStorageError } from '../../db/errors';
import { requestSync } from '../../sync/automatic';
import { answerCount, endSession, lastAnsweredHashes, loadSession, loadSettings, recordAnswer, saveSession, saveSettings, undoLastAnswer } from '../../db/progress';
import type { OptionLetter, Pack, Question } from '../../domain/content';
import { gradeAnswer, type AnswerResult, type Confidence } from '../../domain/grading';
import type { Settings, StoredSession } from '../../domain/progress';
import { type QueueItem } from '../../domain/queue';
import { cardKey } from '../../domain/ids';
import { localDay } from '../../domain/dates';
import { planSession, startStudyReads, type StudyMode } from './plan';

export type { StudyMode } from './plan';
type Phase = 'loading' | 'question' | 'feedback' | 'finished' | 'empty' | 'missing' | 'error';

const ASK_FOR_PERSISTENCE_AFTER = 5;

interface StudyState {
  phase: Phase;
  target: StudyMode | undefined;
  session: StoredSession | undefined;
  packs: Map<string, Pack>;
  settings: Settings | undefined;
  /** The content hash each answered question had when last answered, to notice edited questions. */
  cardHashes: Map<string, string>;
  selected: OptionLetter | undefined;
  /** Options struck out with the answer eliminator, for the question on screen only. */
  eliminated: OptionLetter[];
  confidence: Confidence;
  result: AnswerResult | undefined;
  error: string | undefined;
  open(target: StudyMode, now?: Date): Promise<void>;
  startNew(now?: Date): Promise<void>;
  select(letter: OptionLetter): void;
  toggleEliminated(letter: OptionLetter): void;
  toggleConfidence(confidence: Exclude<Confidence, 'normal'>): void;
  submit(now?: Date): Promise<void>;
  next(): void;
  undo(): Promise<void>;
  /** Loads the questions just ahead of the place, which a long session does not hold all at once. */
  loadAhead(): Promise<void>;
}

/** The question on screen: during feedback, the one just answered; otherwise the next unanswered one. */
export function currentQuestion(state: Pick<StudyState, 'session' | 'packs' | 'phase'>): { item: QueueItem; question: Question } | undefined {
  const { session, packs, phase } = state;
  if (!session) return undefined;
  const index = phase === 'feedback' ? session.answers.length - 1 : session.answers.length;
  const item = session.items[index];
  const question = item && packs.get(item.packId)?.questions.find((candidate) => candidate.id === item.questionId);
  return item && question ? { item, question } : undefined;
}

/** How many questions past the place a session holds in memory: a day's 3,000 reviews are not read at once. */
const LOOKAHEAD = 20;

function holds(packs: ReadonlyMap<string, Pack>, item: Pick<QueueItem, 'packId' | 'questionId'>): boolean {
  return packs.get(item.packId)?.questions.some((question) => question.id === item.questionId) ?? false;
}

/** The items whose questions the screen needs now: around the place, or every one for the summary. */
function neededItems(session: StoredSession): QueueItem[] {
  if (phaseOf(session) === 'finished') return session.items;
  const place = session.answers.length;
  return session.items.slice(Math.max(0, place - 1), place + LOOKAHEAD);
}

function mergePacks(held: ReadonlyMap<string, Pack>, loaded: ReadonlyMap<string, Pack>): Map<string, Pack> {
  const merged = new Map(held);
  for (const [id, pack] of loaded) {
    const before = merged.get(id);
    const known = new Set(before?.questions.map((question) => question.id));
    merged.set(id, before ? { ...before, questions: [...before.questions, ...pack.questions.filter((question) => !known.has(question.id))] } : pack);
  }
  return merged;
}

function sameTarget(a: StudyMode | undefined, b: StudyMode): boolean {
  return a?.mode === b.mode && (a.mode !== 'practice' || b.mode !== 'practice' || a.packId === b.packId);
}

function phaseOf(session: StoredSession): Phase {
  if (session.items.length === 0) return 'empty';
  return session.answers.length >= session.items.length ? 'finished' : 'question';
}

const cleanAnswer = { selected: undefined, eliminated: [] as OptionLetter[], confidence: 'normal' as Confidence, result: undefined };

/**
 * The running study session. Durable state (queue, answers) lives in IndexedDB, so a reload
 * resumes it; this store holds what is on screen and survives a visit to a principle page.
 */
export const useStudy = create<StudyState>()((set, get) => ({
  phase: 'loading',
  target: undefined,
  session: undefined,
  packs: new Map(),
  settings: undefined,
  cardHashes: new Map(),
  ...cleanAnswer,
  error: undefined,

  async open(target, now = new Date()) {
    const state = get();
    if (sameTarget(state.target, target) && state.session && state.phase !== 'error') {
      // Keep what is on screen (feedback after a visit to a principle), unless another screen started a new session.
      const stored = await loadSession(database());
      if (stored?.startedAt.getTime() === state.session.startedAt.getTime()) return;
    }
    set({ phase: 'loading', target, session: undefined, error: undefined, ...cleanAnswer });
    const opened = started();
    try {
      if (target.mode === 'practice' && !(await loadPack(target.packId))) {
        set({ phase: 'missing' });
        return;
      }
      const db = database();
      const reads = target.mode === 'study' ? startStudyReads(now) : undefined;
      const [settings, stored] = await Promise.all([loadSettings(db), loadSession(db)]);
      const resumable =
        stored &&
        stored.mode === target.mode &&
        (target.mode !== 'practice' || stored.packId === target.packId) &&
        (target.mode === 'practice' || localDay(stored.startedAt) === localDay(now)) &&
        stored.answers.length < stored.items.length;
      const session = resumable ? stored : await planSession(target, settings, now, reads);
      const needed = neededItems(session);
      // The new session is written while its first questions load: one round trip fewer before the first question.
      const [packs, cardHashes] = await Promise.all([loadPacksHolding(needed, reads?.catalog), lastAnsweredHashes(db, needed), resumable || saveSession(db, session)]);
      if (!sameTarget(get().target, target)) return;
      const phase = phaseOf(session);
      set({ session, packs, settings, cardHashes, phase, selected: pendingFor(currentQuestion({ session, packs, phase })?.question.id) });
      sessionReady(opened);
    } catch (error) {
      set({ phase: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  },

  async startNew(now = new Date()) {
    const { target } = get();
    if (!target) return;
    try {
      await endSession(database());
    } catch (error) {
      set({ phase: 'error', error: `the finished session could not be closed. ${describeStorageError(error)}` });
      return;
    }
    set({ session: undefined, target: undefined });
    await get().open(target, now);
  },

  select(letter) {
    if (get().phase !== 'question') return;
    // Choosing a struck option takes its strike away.
    set((state) => ({ selected: letter, eliminated: state.eliminated.filter((option) => option !== letter) }));
    rememberPending(currentQuestion(get())?.question.id, letter);
  },

  toggleEliminated(letter) {
    if (get().phase !== 'question') return;
    set((state) => ({ eliminated: state.eliminated.includes(letter) ? state.eliminated.filter((option) => option !== letter) : [...state.eliminated, letter].sort() }));
  },

  toggleConfidence(confidence) {
    if (get().phase === 'question') set((state) => ({ confidence: state.confidence === confidence ? 'normal' : confidence }));
  },

  async submit(now = new Date()) {
    submitted();
    const state = get();
    const current = currentQuestion(state);
    if (state.phase !== 'question' || !state.session || !current || !state.selected || !state.settings) return;
    const result = gradeAnswer(current.question, state.selected, state.confidence);
    const db = database();
    const recording = started();
    let recorded: Awaited<ReturnType<typeof recordAnswer>>;
    try {
      recorded = await recordAnswer(db, {
        packId: current.item.packId,
        questionId: current.question.id,
        contentHash: current.question.contentHash,
        result,
        confidence: state.confidence,
        now,
        settings: state.settings,
      });
    } catch (error) {
      set({ error: describeStorageError(error) });
      return;
    }
    answerRecorded(recording);
    rememberPending(undefined, undefined);
    const cardHashes = new Map(state.cardHashes).set(cardKey(current.item.packId, current.question.id), current.question.contentHash);
    // Another tab may have started its own session or moved this one on: the answer is in the log
    // either way, and this tab keeps its own place rather than jump to the other tab's.
    const { logId, session: stored } = recorded;
    const session =
      stored?.answers.at(-1)?.logId === logId
        ? stored
        : { ...state.session, answers: [...state.session.answers, { packId: current.item.packId, questionId: current.question.id, correct: result.correct, logId }] };
    set({ session, result, cardHashes, phase: 'feedback', error: undefined });
    // Only a courtesy to the browser: if it fails, it is asked again after the next answer.
    askToKeepStorage(state.settings).catch(() => undefined);
  },

  next() {
    const { session, phase, packs } = get();
    if (phase !== 'feedback' || !session) return;
    movedOn();
    const upcoming = session.items[session.answers.length];
    const advance = () => {
      const phase = phaseOf(session);
      set({ ...cleanAnswer, phase });
      // A finished session goes to the candidate's other devices, if sync is on; nothing waits for it.
      if (phase === 'finished') requestSync();
    };
    if (upcoming && !holds(packs, upcoming)) {
      // Only when answers outran the loading ahead: wait for the question rather than show none.
      void get().loadAhead().then(advance);
      return;
    }
    advance();
    void get().loadAhead();
  },

  async loadAhead() {
    const { session, packs } = get();
    if (!session) return;
    const missing = neededItems(session).filter((item) => !holds(packs, item));
    if (missing.length === 0) return;
    let loaded: Map<string, Pack>;
    let hashes: Map<string, string>;
    try {
      [loaded, hashes] = await Promise.all([loadPacksHolding(missing), lastAnsweredHashes(database(), missing)]);
    } catch (error) {
      set({ error: `The next questions could not be read: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    if (get().session?.startedAt.getTime() !== session.startedAt.getTime()) return;
    set((state) => ({ packs: mergePacks(state.packs, loaded), cardHashes: new Map([...hashes, ...state.cardHashes]) }));
  },

  async undo() {
    const db = database();
    try {
      if (!(await undoLastAnswer(db))) return;
      const session = await loadSession(db);
      if (session) set({ session, ...cleanAnswer, phase: phaseOf(session), error: undefined });
    } catch (error) {
      set({ error: `The answer was not taken back. ${describeStorageError(error)}` });
      return;
    }
    void get().loadAhead();
  },
}));

const PENDING_KEY = 'rapport-pending-answer';

/** The option chosen but not yet submitted, kept for this tab so a reload (say, after an upgrade) keeps it. */
function rememberPending(questionId: string | undefined, letter: OptionLetter | undefined) {
  try {
    if (questionId && letter) sessionStorage.setItem(PENDING_KEY, JSON.stringify({ questionId, letter }));
    else sessionStorage.removeItem(PENDING_KEY);
  } catch {
    // Storage refused: the choice is simply not kept.
  }
}

function pendingFor(questionId: string | undefined): OptionLetter | undefined {
  try {
    const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as { questionId: string; letter: OptionLetter } | null;
    return pending && pending.questionId === questionId ? pending.letter : undefined;
  } catch {
    return undefined;
  }
}

/** Once the candidate has some history worth keeping, ask the browser not to evict it. */
async function askToKeepStorage(settings: Settings): Promise<void> {
  if (settings.persistenceRequested || typeof navigator === 'undefined' || !navigator.storage?.persist) return;
  const db = database();
  if ((await answerCount(db)) < ASK_FOR_PERSISTENCE_AFTER) return;
  await navigator.storage.persist().catch(() => false);
  const saved = await saveSettings(db, { persistenceRequested: true });
  useStudy.setState({ settings: saved });
}
