import { describe, expect, it } from 'vitest';
import {
  browseEntries,
  difficultyLabel,
  filterEntries,
  hasFilters,
  questionText,
  readFilters,
  writeFilters,
  type BrowseCard,
  type BrowseEntry,
  type BrowseFilters,
} from '../../../src/domain/browse';
import type { Question } from '../../../src/domain/content';
import { cardKey } from '../../../src/domain/ids';
import { plainText, previewText } from '../../../src/domain/markdownText';
import { State } from '../../../src/domain/scheduling';

const NOW = new Date(2026, 10, 2, 9, 0, 0);
const DAY = 86_400_000;

function question(overrides: Partial<Question> & Pick<Question, 'id'>): Question {
  return {
    area: 'values-ethics',
    qualifier: 'FIRST',
    difficulty: 2,
    answer: 'B',
    principles: ['trust-foundation'],
    tags: [],
    stem: 'A client arrives for a first session and says little.',
    leadIn: 'What should the social worker do FIRST?',
    options: [
      { letter: 'A', text: 'Start the intake forms.', rationale: 'Procedure before the relationship.' },
      { letter: 'B', text: 'Invite her to talk.', rationale: 'Engagement comes first.' },
      { letter: 'C', text: 'Refer her on.', rationale: 'Referring out instead of engaging.' },
      { letter: 'D', text: 'Hand her a leaflet.', rationale: 'Paper before people.' },
    ],
    contentHash: `hash-${overrides.id}`,
    file: `packs/p/${overrides.id}.md`,
    ...overrides,
  };
}

const packs = [
  {
    id: 'alpha',
    questions: [
      question({ id: 'a-1' }),
      question({ id: 'a-2', stem: 'A hospice patient asks about **Confidentiality** of his words.', qualifier: 'BEST', difficulty: 3, principles: ['open-communication', 'trust-foundation'] }),
      question({ id: 'a-3', area: 'assessment-planning', leadIn: 'Which assessment tool is MOST useful?', qualifier: 'MOST', difficulty: 1 }),
    ],
  },
  {
    id: 'beta',
    questions: [
      question({
        id: 'b-1',
        area: 'intervention-practice',
        options: [
          { letter: 'A', text: 'Call the supervisor.', rationale: 'Consultation protects the résumé of the agency.' },
          { letter: 'B', text: 'Wait.', rationale: 'Nothing.' },
          { letter: 'C', text: 'Ask.', rationale: 'Nothing.' },
          { letter: 'D', text: 'Leave.', rationale: 'Nothing.' },
        ],
      }),
    ],
  },
];

function card(questionId: string, fields: Partial<BrowseCard>): [string, BrowseCard] {
  const packId = questionId.startsWith('a') ? 'alpha' : 'beta';
  return [cardKey(packId, questionId), { due: new Date(NOW.getTime() + DAY), state: State.Review, stability: 5, contentHash: `hash-${questionId}`, ...fields }];
}

const cards = new Map([
  card('a-1', { due: new Date(NOW.getTime() - DAY) }),
  card('a-2', { stability: 40, due: new Date(NOW.getTime() + 30 * DAY) }),
  card('b-1', { contentHash: 'an-older-wording' }),
]);

const entries: BrowseEntry[] = browseEntries(packs, cards, NOW);
const ids = (list: BrowseEntry[]) => list.map((entry) => entry.questionId);
const filter = (filters: Partial<BrowseFilters>) => ids(filterEntries(entries, { query: '', ...filters }));

describe('browse entries', () => {
  it('gives each question its state from the candidate cards, in pack order', () => {
    expect(entries.map(({ questionId, status, changed }) => [questionId, status, changed])).toEqual([
      ['a-1', 'due', false],
      ['a-2', 'mastered', false],
      ['a-3', 'new', false],
      ['b-1', 'learning', true],
    ]);
  });
});

describe('searching', () => {
  it('finds words in the stem regardless of case and Markdown emphasis', () => {
    expect(filter({ query: 'CONFIDENTIALITY' })).toEqual(['a-2']);
  });

  it('finds words in the lead-in, the options and the rationales', () => {
    expect(filter({ query: 'assessment tool' })).toEqual(['a-3']);
    expect(filter({ query: 'supervisor' })).toEqual(['b-1']);
    expect(filter({ query: 'paper before people' })).toEqual(['a-1', 'a-2', 'a-3']);
  });

  it('needs every word, in any order, and ignores accents and extra spaces', () => {
    expect(filter({ query: '  hospice   words ' })).toEqual(['a-2']);
    expect(filter({ query: 'hospice supervisor' })).toEqual([]);
    expect(filter({ query: 'resume' })).toEqual(['b-1']);
  });

  it('matches typographic quotes and dashes with the keyboard’s, and keeps such text one byte a character', () => {
    const text = questionText(question({ id: 'c-1', stem: 'The client’s “safety plan” — agreed… yesterday.' })).searchText;
    expect(text).toContain("client's \"safety plan\" - agreed... yesterday");
    expect([...text].every((char) => char.charCodeAt(0) <= 0xff)).toBe(true);
    const entries = browseEntries([{ id: 'gamma', questions: [question({ id: 'c-1', stem: 'The client’s plan.' })] }], new Map(), NOW);
    expect(filterEntries(entries, { query: 'client’s' }).map((entry) => entry.questionId)).toEqual(['c-1']);
    expect(filterEntries(entries, { query: "client's" }).map((entry) => entry.questionId)).toEqual(['c-1']);
  });

  it('finds < and > however the author wrote them: as is, escaped, or as entities', () => {
    const stems = ['Scores of x < y.', 'Scores of x \\< y.', 'Scores of x &lt; y &#62; z &amp; w.'];
    const entries = browseEntries([{ id: 'delta', questions: stems.map((stem, index) => question({ id: `d-${index}`, stem })) }], new Map(), NOW);
    expect(filterEntries(entries, { query: 'x < y' }).map((entry) => entry.questionId)).toEqual(['d-0', 'd-1', 'd-2']);
    expect(filterEntries(entries, { query: 'y > z & w' }).map((entry) => entry.questionId)).toEqual(['d-2']);
  });

  it('returns everything for an empty search', () => {
    expect(filter({ query: '   ' })).toEqual(['a-1', 'a-2', 'a-3', 'b-1']);
  });
});

describe('filtering', () => {
  it('by pack, principle (any of a question’s principles), area, qualifier and difficulty', () => {
    expect(filter({ packId: 'beta' })).toEqual(['b-1']);
    expect(filter({ principleId: 'open-communication' })).toEqual(['a-2']);
    expect(filter({ area: 'assessment-planning' })).toEqual(['a-3']);
    expect(filter({ qualifier: 'BEST' })).toEqual(['a-2']);
    expect(filter({ difficulty: 1 })).toEqual(['a-3']);
  });

  it('by state, with "changed" meaning edited since last answered', () => {
    expect(filter({ state: 'new' })).toEqual(['a-3']);
    expect(filter({ state: 'due' })).toEqual(['a-1']);
    expect(filter({ state: 'mastered' })).toEqual(['a-2']);
    expect(filter({ state: 'learning' })).toEqual(['b-1']);
    expect(filter({ state: 'changed' })).toEqual(['b-1']);
  });

  it('combines filters with the search', () => {
    expect(filter({ packId: 'alpha', difficulty: 2, query: 'client' })).toEqual(['a-1']);
    expect(filter({ packId: 'beta', principleId: 'open-communication' })).toEqual([]);
  });
});

describe('filters in the address', () => {
  it('round-trips through search parameters', () => {
    const filters: BrowseFilters = { query: 'trust me', packId: 'alpha', principleId: 'trust-foundation', area: 'values-ethics', qualifier: 'NEXT', difficulty: 3, state: 'changed' };
    const params = new URLSearchParams(writeFilters(filters));
    expect(params.toString()).toBe('q=trust+me&pack=alpha&principle=trust-foundation&area=values-ethics&qualifier=NEXT&difficulty=3&state=changed');
    expect(readFilters(params)).toEqual(filters);
  });

  it('leaves out empty filters and ignores values outside the vocabularies', () => {
    expect(writeFilters({ query: '  ', packId: undefined })).toEqual({});
    expect(hasFilters({ query: '' })).toBe(false);
    expect(hasFilters({ query: '', state: 'new' })).toBe(true);
    expect(readFilters(new URLSearchParams('area=astrology&qualifier=first&difficulty=7&state=forgotten&pack='))).toEqual({
      query: '',
      packId: undefined,
      principleId: undefined,
      area: undefined,
      qualifier: undefined,
      difficulty: undefined,
      state: undefined,
    });
  });
});

describe('previews', () => {
  it('reduces Markdown to its words', () => {
    expect(plainText('A **bold** [link](https://example.org) and `code`\n\n> quoted')).toBe('A bold link and code quoted');
  });

  it('keeps the first words of a long stem and marks the cut', () => {
    expect(previewText('one two three four five', 3)).toBe('one two three…');
    expect(previewText('one two three', 3)).toBe('one two three');
  });
});

describe('difficulty names', () => {
  it('are capitalised for menus and headings', () => {
    expect([1, 2, 3].map((difficulty) => difficultyLabel(difficulty as 1 | 2 | 3))).toEqual(['Easy', 'Medium', 'Hard']);
  });
});
