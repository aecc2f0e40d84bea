import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/domain/content/check';
import { isTwoPartAction, shortcutRates } from '../../../src/domain/content/shortcuts';
import { contentFolder, questionText } from '../../fixtures/content';

const SCENARIOS = [
  'A 15-year-old at a school counselling office refuses to talk about home.',
  'A veteran at a clinic says the last worker shared his file with his employer.',
  'A mother in a shelter fears her husband will learn where she is staying.',
  'An older man in a hospital asks whether his daughter will see his notes.',
  'A college student in telehealth worries her roommate can overhear sessions.',
  'A farmer in a rural county sees the agency car parked near his neighbour.',
  'A teenager in foster care asks whether her caseworker reads her diary.',
  'A nurse referred by her employer asks what the assessment report will say.',
  'A father in a custody dispute demands to read his son\'s counselling record.',
  'A refugee at a resettlement agency asks whether immigration officers can see his file.',
  'A man on probation asks whether his officer will hear about his drinking.',
  'A widow in hospice asks what happens to her records after she dies.',
];

/** Three options, keys spread over A–C and the longest option rotated, so only the wording gives the key away. */
function giveawayQuestion(index: number): string {
  const answer = (['A', 'B', 'C'] as const)[index % 3] as 'A' | 'B' | 'C';
  const key = 'Acknowledge the worry and explore what would help.';
  const distractors = ['Reassure the client that nothing will be shared with anyone at all.', 'Promise to keep it private.'];
  const options = [...distractors];
  options.splice(index % 3, 0, key);
  const body = [
    SCENARIOS[index],
    '',
    '## What should the social worker do FIRST?',
    '',
    ...options.flatMap((text, position) => [`### ${'ABC'[position]}. ${text}`, 'Why.', '']),
  ].join('\n');
  return questionText({ id: `q-${String(index + 1).padStart(3, '0')}`, answer }, body);
}

describe('shortcuts around the stem', () => {
  it('warns about a pack whose keys give themselves away by their opening word and a two-part action', () => {
    const questions = Object.fromEntries(SCENARIOS.map((_, index) => [`q-${String(index + 1).padStart(3, '0')}`, giveawayQuestion(index)]));
    const warnings = checkContent(contentFolder(questions))
      .problems.filter((item) => item.file === 'packs/demo/pack.yaml')
      .map((item) => item.message);
    expect(warnings.filter((message) => /opening word|joins two actions/.test(message))).toHaveLength(2);
    expect(warnings[0]).toMatch(/^shortcut around the stem: picking the option whose opening word most often begins a best answer elsewhere in the content folder finds the best answer in 100% of 12 questions, against 33% by chance \(\+67 points\)\. Most telling: q-\d{3} \(packs\/demo\/q-\d{3}\.md:\d+:8\)/);
    expect(warnings[1]).toMatch(/^shortcut around the stem: picking the only option that joins two actions .* finds the best answer in 100% of 12 questions, against 33% by chance \(\+67 points\)/);
  });

  it('warns when the key is the middle-length option or the one that echoes the scenario least: cues work both ways', () => {
    const questions = Object.fromEntries(
      SCENARIOS.map((scenario, index) => {
        const answer = 'ABC'[index % 3] as string;
        // Distractors repeat the scenario's words and are the longest and the shortest; the key sits between them.
        const echo = scenario.replace(/[.]$/, '');
        const texts = [0, 1, 2].map((position) =>
          'ABC'[position] === answer ? 'Offer a plain next step.' : position === (index + 1) % 3 ? `Say: ${echo}, truly, and at length here.` : `${echo.split(' ').slice(0, 4).join(' ')}.`,
        );
        const body = [scenario, '', '## What should the social worker do FIRST?', '', ...texts.flatMap((text, position) => [`### ${'ABC'[position]}. ${text}`, 'Why.', ''])].join('\n');
        return [`q-${index + 1}`, questionText({ id: `q-${index + 1}`, answer }, body)];
      }),
    );
    const { compiled } = checkContent(contentFolder(questions));
    const rates = new Map(shortcutRates(compiled.packs[0]?.questions ?? []).map((rate) => [rate.feature, rate]));
    expect(rates.get('middle-length')?.rate).toBe(1);
    expect(rates.get('fewest-stem-words')?.rate).toBe(1);
    const warnings = checkContent(contentFolder(questions)).problems.map((item) => item.message);
    expect(warnings.some((message) => message.startsWith('shortcut around the stem: ruling out the longest and the shortest option finds the best answer in 100% of 12 questions'))).toBe(true);
    expect(warnings.some((message) => message.startsWith("shortcut around the stem: picking the option that repeats fewest of the scenario's words finds the best answer in 100%"))).toBe(true);
  });

  it('learns opening words from the whole bank, leaving each question out', () => {
    const questions = Object.fromEntries(SCENARIOS.map((_, index) => [`q-${String(index + 1).padStart(3, '0')}`, giveawayQuestion(index)]));
    const { compiled } = checkContent(contentFolder(questions));
    const bank = compiled.packs.flatMap((pack) => pack.questions);
    const [opening] = shortcutRates(bank.slice(0, 1), bank);
    expect(opening).toMatchObject({ feature: 'opening-word', items: 1, rate: 1 });
    // Alone, the question teaches nothing about its own key: the pick is a guess.
    const [alone] = shortcutRates(bank.slice(0, 1));
    expect(alone?.rate).toBeCloseTo(1 / 3);
  });

  it('does not warn when length, position and wording carry no cue', () => {
    const verbs = ['Ask', 'Tell', 'Explain', 'Offer', 'Invite', 'Describe'];
    const questions = Object.fromEntries(
      SCENARIOS.map((scenario, index) => {
        const answer = 'ABC'[index % 3] as string;
        const options = [0, 1, 2].map((position) => `${verbs[(index + position) % verbs.length]} the client about option ${position + 1} here${'.'.repeat(1 + ((index + position) % 3))}`);
        const body = [scenario, '', '## What should the social worker do FIRST?', '', ...options.flatMap((text, position) => [`### ${'ABC'[position]}. ${text}`, 'Why.', ''])].join('\n');
        return [`q-${index + 1}`, questionText({ id: `q-${index + 1}`, answer }, body)];
      }),
    );
    const warnings = checkContent(contentFolder(questions)).problems.filter((item) => item.file === 'packs/demo/pack.yaml');
    expect(warnings).toEqual([]);
  });

  it('flags a small pack whose key is the longest option in every question', () => {
    const questions = Object.fromEntries([0, 1, 2].map((index) => [`q-${index + 1}`, giveawayQuestion(index).replace('Promise to keep it private.', 'Say no.').replace('Reassure the client that nothing will be shared with anyone at all.', 'Say yes.')]));
    const renamed = Object.fromEntries(Object.entries(questions).map(([, text], index) => [`q-${String(index + 1).padStart(3, '0')}`, text]));
    const messages = checkContent(contentFolder(renamed)).problems.map((item) => item.message);
    expect(messages).toContain('the best answer is the longest option in all 3 questions: vary which option is longest, so length is no clue');
  });

  it('tells a second action from a second noun by the verbs that open options in the bank', () => {
    const actions = new Set(['explore', 'refer', 'tell']);
    expect(isTwoPartAction('Acknowledge the loss and explore what would help.', actions)).toBe(true);
    expect(isTwoPartAction('Explain the limits, then ask what worries her.', actions)).toBe(true);
    expect(isTwoPartAction('Ask about her mother and father.', actions)).toBe(false);
  });

  it('compares stems across packs, naming the other file', () => {
    const stem = 'A 60-year-old man who speaks little English is ready for discharge from a hospital, and his 12-year-old son offers to interpret.';
    const files = contentFolder({ 'q-001': questionText({}, giveawayQuestion(0).split('---\n')[2]?.replace(SCENARIOS[0] as string, stem)) }, [
      { path: 'packs/other/pack.yaml', text: 'id: other\ntitle: Other\nversion: 1.0.0\ndescription: Other pack.\nauthors: [Tester]\n' },
      { path: 'packs/other/o-001.md', text: questionText({ id: 'o-001' }, giveawayQuestion(0).split('---\n')[2]?.replace(SCENARIOS[0] as string, stem.replace('60-year-old', '67-year-old').replace('son', 'granddaughter'))) },
    ]);
    const duplicate = checkContent(files).problems.find((item) => item.message.startsWith('the stem is nearly the same'));
    expect(duplicate).toMatchObject({ file: 'packs/other/o-001.md', line: 10, message: 'the stem is nearly the same as the stem of q-001 (packs/demo/q-001.md): vary the scenario or remove one' });
  });
});
