import type { Question, QuestionOption } from './types';

/**
 * Shortcuts around the stem: features of the option text alone that a test-wise candidate could
 * use to pick the best answer without reading the scenario. Each feature is a strategy that turns
 * the options into a pick (ties split evenly; a silent feature guesses); its rate is how often that
 * pick is the key, set against chance (one over the number of options, averaged over the items).
 */
export type ShortcutFeature =
  | 'opening-word'
  | 'two-part-action'
  | 'single-action'
  | 'longest-option'
  | 'shortest-option'
  | 'middle-length'
  | 'stem-words'
  | 'fewest-stem-words';

export const SHORTCUT_FEATURES: Record<ShortcutFeature, string> = {
  'opening-word': 'picking the option whose opening word most often begins a best answer elsewhere in the content folder',
  'two-part-action': 'picking the only option that joins two actions ("... and ...", "..., then ...")',
  'single-action': 'picking the only option that does one thing when the others join two actions',
  'longest-option': 'picking the longest option',
  'shortest-option': 'picking the shortest option',
  'middle-length': 'ruling out the longest and the shortest option',
  'stem-words': "picking the option that repeats most of the scenario's words",
  'fewest-stem-words': "picking the option that repeats fewest of the scenario's words",
};

/** How far above chance a feature may pick the key before it counts as a shortcut. */
export const SHORTCUT_MARGIN = 0.05;

export interface ShortcutRate {
  feature: ShortcutFeature;
  items: number;
  /** Share of items where the feature's pick is the key (expected value, ties split). */
  rate: number;
  /** Share expected by guessing among each item's options. */
  chance: number;
  /** One-sided z score of the excess against guessing. */
  z: number;
  /** Items where the feature singles out the key, most telling first. */
  giveaways: { question: Question; strength: number }[];
}

/** Words learnt from a whole bank: how often each opening word begins an option, and a key. */
export interface OpeningWordTally {
  opens: Map<string, number>;
  keys: Map<string, number>;
  /** Words that open plain (unquoted) options, used to tell a second action from a second noun. */
  actionWords: Set<string>;
}

const QUOTE = /^["'“‘]/;
const NOT_ACTIONS = new Set(['the', 'a', 'an', 'this', 'that', 'it', 'her', 'his', 'their', 'your', 'my', 'our', 'i', 'you', 'he', 'she', 'we', 'they', 'no', 'not', 'yes', 'because', 'if', 'when', 'since', 'as']);
/** Verbs that begin a worker's action whatever the bank; words that are often nouns too are left out. */
const ACTION_VERBS =
  'acknowledge explore ask tell explain invite offer refer reassure validate discuss review document consult seek encourage provide share contact schedule suggest inform assess clarify listen reflect arrange obtain notify warn apologize apologise agree follow give let make respect continue begin focus use check confirm express normalize normalise identify involve praise remind thank say describe emphasize emphasise gather collect complete proceed wait try promise assure reassure recommend request insist decline accept offer invite ensure explain'.split(' ');
const STOP_WORDS = new Set(
  'about above after again against also because been before being below between both could does doing down during each from further have having here hers herself himself into itself just more most other over same should some such than that their theirs them themselves then there these they this those through under until very what when where which while whom with would your yours yourself social worker worker\'s client client\'s says said tells told asks asked session sessions'.split(' '),
);

export function openingWord(text: string): string {
  const match = /^[^\p{L}]*([\p{L}']+)/u.exec(text);
  return (match?.[1] ?? '').toLowerCase().replace(/'s$/, '');
}

export function tallyOpeningWords(questions: readonly Question[]): OpeningWordTally {
  const opens = new Map<string, number>();
  const keys = new Map<string, number>();
  const plainOpeners = new Map<string, number>();
  for (const question of questions) {
    for (const option of question.options) {
      const word = openingWord(option.text);
      if (!word) continue;
      opens.set(word, (opens.get(word) ?? 0) + 1);
      if (option.letter === question.answer) keys.set(word, (keys.get(word) ?? 0) + 1);
      if (!QUOTE.test(option.text.trim())) plainOpeners.set(word, (plainOpeners.get(word) ?? 0) + 1);
    }
  }
  const learnt = [...plainOpeners].filter(([word, count]) => count >= 2 && !NOT_ACTIONS.has(word)).map(([word]) => word);
  const actionWords = new Set([...ACTION_VERBS, ...learnt]);
  return { opens, keys, actionWords };
}

/** Whether an option joins two actions: a sequence word, or "and" before a word that opens actions in this bank. */
export function isTwoPartAction(text: string, actionWords: ReadonlySet<string>): boolean {
  const lower = text.toLowerCase();
  if (/(,|\band)\s+then\b/.test(lower) || /[,;]\s*then\b/.test(lower) || /\bfirst\b.*\bthen\b/.test(lower)) return true;
  for (const match of lower.matchAll(/\band\s+([\p{L}']+)/gu)) if (actionWords.has(match[1] as string)) return true;
  return false;
}

/**
 * The rate of every feature over `questions`, with opening words learnt from `bank` leaving each
 * question out, so a pack cannot hide a bank-wide habit and no item teaches its own key.
 */
export function shortcutRates(questions: readonly Question[], bank: readonly Question[] = questions): ShortcutRate[] {
  const tally = tallyOpeningWords(bank);
  const inBank = new Set(bank);
  const features: Record<ShortcutFeature, (question: Question) => number[]> = {
    'opening-word': (question) => openingWordScores(question, tally, inBank.has(question)),
    'two-part-action': (question) => theOnlyOne(question.options.map((option) => isTwoPartAction(option.text, tally.actionWords))),
    'single-action': (question) => theOnlyOne(question.options.map((option) => !isTwoPartAction(option.text, tally.actionWords))),
    'longest-option': (question) => question.options.map((option) => option.text.length),
    'shortest-option': (question) => question.options.map((option) => -option.text.length),
    'middle-length': (question) => {
      const lengths = question.options.map((option) => option.text.length);
      const [shortest, longest] = [Math.min(...lengths), Math.max(...lengths)];
      return lengths.map((length) => (length !== shortest && length !== longest ? 1 : 0));
    },
    'stem-words': (question) => stemWordScores(question),
    'fewest-stem-words': (question) => stemWordScores(question).map((shared) => -shared),
  };
  return (Object.keys(features) as ShortcutFeature[]).map((feature) => rateOf(feature, questions, features[feature]));
}

function rateOf(feature: ShortcutFeature, questions: readonly Question[], score: (question: Question) => number[]): ShortcutRate {
  let hits = 0;
  let chance = 0;
  let variance = 0;
  const giveaways: ShortcutRate['giveaways'] = [];
  for (const question of questions) {
    const scores = score(question);
    const best = Math.max(...scores);
    const picked = question.options.filter((_, index) => scores[index] === best);
    const keyPicked = picked.some((option) => option.letter === question.answer);
    hits += keyPicked ? 1 / picked.length : 0;
    const guess = 1 / question.options.length;
    chance += guess;
    variance += guess * (1 - guess);
    if (keyPicked && picked.length === 1) giveaways.push({ question, strength: margin(scores, best) });
  }
  const items = questions.length;
  giveaways.sort((a, b) => b.strength - a.strength || a.question.id.localeCompare(b.question.id));
  return {
    feature,
    items,
    rate: items ? hits / items : 0,
    chance: items ? chance / items : 0,
    z: variance > 0 ? (hits - chance) / Math.sqrt(variance) : 0,
    giveaways,
  };
}

/** 1 for the one option that has a feature the others lack; all 0 (a guess) otherwise. */
function theOnlyOne(has: boolean[]): number[] {
  return has.filter(Boolean).length === 1 ? has.map((value) => (value ? 1 : 0)) : has.map(() => 0);
}

/** How far the picked option stands out from the next best: a bigger gap is a plainer giveaway. */
function margin(scores: number[], best: number): number {
  const rest = scores.filter((value) => value !== best);
  return rest.length ? best - Math.max(...rest) : 0;
}

/** The smoothed share of keys among the options a word opens, with this question's own options left out. */
function openingWordScores(question: Question, tally: OpeningWordTally, leaveOut: boolean): number[] {
  const prior = 1 / question.options.length;
  return question.options.map((option) => {
    const word = openingWord(option.text);
    const own = leaveOut ? question.options.filter((other) => openingWord(other.text) === word) : [];
    const opens = (tally.opens.get(word) ?? 0) - own.length;
    const keys = (tally.keys.get(word) ?? 0) - own.filter((other) => other.letter === question.answer).length;
    return (keys + 2 * prior) / (opens + 2);
  });
}

function stemWordScores(question: Question): number[] {
  const stem = contentWords(question.stem);
  return question.options.map((option: QuestionOption) => {
    let shared = 0;
    for (const word of contentWords(option.text)) if (stem.has(word)) shared++;
    return shared;
  });
}

export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}']{4,}/gu) ?? [];
  return new Set(words.filter((word) => !STOP_WORDS.has(word)).map((word) => word.replace(/'s$/, '').replace(/(?<=[^s])s$/, '')));
}

/** Whether a rate is a shortcut: clearly above chance, by the margin and beyond what guessing explains. */
export function isShortcut(rate: ShortcutRate): boolean {
  return rate.rate - rate.chance > SHORTCUT_MARGIN && rate.z > 1.645;
}
