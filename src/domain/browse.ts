import {
  CONTENT_AREA_IDS,
  DIFFICULTY_LABELS,
  QUALIFIERS,
  type ContentArea,
  type Difficulty,
  type Pack,
  type Qualifier,
  type Question,
} from './content';
import { plainText, previewText, stripMarkup } from './markdownText';
import { cardStatus, isChanged, type CardStatus, type StoredCard } from './progress';
import { cardKey } from './ids';

/** The states the browse filter offers: the card's status, or "changed" for questions edited since last answered. */
export type BrowseState = CardStatus | 'changed';
export const BROWSE_STATES: readonly BrowseState[] = ['new', 'learning', 'due', 'mastered', 'changed'];
export const STATE_LABELS: Record<BrowseState, string> = {
  new: 'New',
  learning: 'Learning',
  due: 'Due',
  mastered: 'Mastered',
  changed: 'Changed since answered',
};

export interface BrowseFilters {
  query: string;
  packId?: string | undefined;
  principleId?: string | undefined;
  area?: ContentArea | undefined;
  qualifier?: Qualifier | undefined;
  difficulty?: Difficulty | undefined;
  state?: BrowseState | undefined;
}

/** What the browse list shows and searches of a question. */
export interface QuestionText {
  /** The stem's first words, or the lead-in where there is no stem. */
  preview: string;
  leadIn: string;
  /** Stem, lead-in, options and rationales as plain, lower-case text; built once so each keystroke only scans. */
  searchText: string;
}

export function questionText(question: Pick<Question, 'stem' | 'leadIn' | 'options'>): QuestionText {
  const leadIn = plainText(question.leadIn);
  return { preview: previewText(question.stem) || leadIn, leadIn, searchText: searchableText(question) };
}

/** One question as the browse list needs it: its facts, its text and the candidate's state. */
export interface BrowseEntry extends QuestionText {
  packId: string;
  questionId: string;
  principles: string[];
  area: ContentArea;
  qualifier: Qualifier;
  difficulty: Difficulty;
  status: CardStatus;
  changed: boolean;
}

export type BrowseCard = Pick<StoredCard, 'due' | 'state' | 'stability' | 'contentHash'>;

export function browseEntries(packs: readonly Pick<Pack, 'id' | 'questions'>[], cards: ReadonlyMap<string, BrowseCard>, now: Date): BrowseEntry[] {
  return packs.flatMap((pack) =>
    pack.questions.map((question) => {
      const card = cards.get(cardKey(pack.id, question.id));
      const { id: questionId, principles, area, qualifier, difficulty, contentHash } = question;
      return { packId: pack.id, questionId, principles, area, qualifier, difficulty, status: cardStatus(card, now), changed: isChanged(card?.contentHash, contentHash), ...questionText(question) };
    }),
  );
}

export function searchableText(question: Pick<Question, 'stem' | 'leadIn' | 'options'>): string {
  const parts = [question.stem, question.leadIn, ...question.options.flatMap((option) => [option.text, option.rationale])];
  return foldCase(stripMarkup(parts.join('\n')));
}

const TYPOGRAPHIC: Record<string, string> = { '‘': "'", '’': "'", '“': '"', '”': '"', '–': '-', '—': '-', '…': '...' };

/** Lower case without accents, so "resume" finds "Résumé", and typographic quotes and dashes as typed on a keyboard. */
function foldCase(text: string): string {
  const lower = text.toLowerCase();
  // Most text is plain ASCII, which needs no Unicode decomposition.
  if (!/[^ -~\s]/.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’“”–—…]/g, (mark) => TYPOGRAPHIC[mark] ?? mark);
}

/** The words of a search; a question matches when it contains every one of them. */
export function queryTerms(query: string): string[] {
  return foldCase(query).split(/\s+/).filter(Boolean);
}

export function filterEntries(entries: readonly BrowseEntry[], filters: BrowseFilters): BrowseEntry[] {
  const terms = queryTerms(filters.query);
  return entries.filter((entry) => {
    if (filters.packId !== undefined && entry.packId !== filters.packId) return false;
    if (filters.principleId !== undefined && !entry.principles.includes(filters.principleId)) return false;
    if (filters.area !== undefined && entry.area !== filters.area) return false;
    if (filters.qualifier !== undefined && entry.qualifier !== filters.qualifier) return false;
    if (filters.difficulty !== undefined && entry.difficulty !== filters.difficulty) return false;
    if (filters.state !== undefined && !hasState(entry, filters.state)) return false;
    return terms.every((term) => entry.searchText.includes(term));
  });
}

function hasState(entry: Pick<BrowseEntry, 'status' | 'changed'>, state: BrowseState): boolean {
  return state === 'changed' ? entry.changed : entry.status === state;
}

/** URL search parameter names, short enough to keep shared links readable. */
const PARAMS = { query: 'q', packId: 'pack', principleId: 'principle', area: 'area', qualifier: 'qualifier', difficulty: 'difficulty', state: 'state' } as const;

/** Filters from URL search parameters; values outside the vocabularies are ignored rather than matching nothing. */
export function readFilters(params: { get(name: string): string | null }): BrowseFilters {
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const oneOf = <T extends string>(value: string | undefined, allowed: readonly T[]) => allowed.find((item) => item === value);
  const difficulty = Number(params.get(PARAMS.difficulty));
  return {
    query: params.get(PARAMS.query) ?? '',
    packId: text(PARAMS.packId),
    principleId: text(PARAMS.principleId),
    area: oneOf(text(PARAMS.area), CONTENT_AREA_IDS),
    qualifier: oneOf(text(PARAMS.qualifier), QUALIFIERS),
    difficulty: Object.hasOwn(DIFFICULTY_LABELS, difficulty) ? (difficulty as Difficulty) : undefined,
    state: oneOf(text(PARAMS.state), BROWSE_STATES),
  };
}

/** The search parameters for these filters, leaving out empty ones. */
export function writeFilters(filters: BrowseFilters): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [field, name] of Object.entries(PARAMS) as [keyof typeof PARAMS, string][]) {
    const value = filters[field];
    if (value !== undefined && String(value).trim() !== '') params[name] = String(value);
  }
  return params;
}

export function hasFilters(filters: BrowseFilters): boolean {
  return Object.keys(writeFilters(filters)).length > 0;
}

/** "Easy", "Medium" or "Hard". */
export function difficultyLabel(difficulty: Difficulty): string {
  const label = DIFFICULTY_LABELS[difficulty];
  return label.charAt(0).toUpperCase() + label.slice(1);
}
