/**
 * A pack as Moodle GIFT, for instructors who also teach in Moodle: each question becomes a
 * single-answer multiple-choice question in [markdown] format, its rationales the per-answer
 * feedback. Comments carry what Moodle has no field for: Moodle's own `[id:…]` and `[tag:…]`, and a
 * `rapport:` line that `content:import` reads back, so an exported pack imports whole.
 */
import type { Pack, Question } from './types';

/** Moodle's escapes (qformat_gift::repchar): control characters get a backslash, line breaks become \n. */
export function escapeGift(text: string): string {
  return text
    .replace(/\r/g, '')
    .replace(/[\\#=~{}:]/g, (char) => `\\${char}`)
    .replace(/\n/g, '\\n');
}

export function exportGift(pack: Pick<Pack, 'id' | 'title' | 'version' | 'questions'>): string {
  const header = [
    `// ${pack.title}, version ${pack.version}: the Rapport pack "${pack.id}" as Moodle GIFT.`,
    '// Import it in Moodle under Question bank > Import, format GIFT.',
    '',
  ];
  return `${[...header, ...pack.questions.map(questionGift)].join('\n')}\n`;
}

function questionGift(question: Question): string {
  const tags = question.tags.map((tag) => ` [tag:${tag}]`).join('');
  const facts = [
    `area: ${question.area}`,
    `qualifier: ${question.qualifier}`,
    `difficulty: ${question.difficulty}`,
    `principles: ${question.principles.join(', ')}`,
  ].join('; ');
  const answers = question.options.map((option) => {
    const mark = option.letter === question.answer ? '=' : '~';
    return `\t${mark}${escapeGift(option.text)}${option.rationale ? `#${escapeGift(option.rationale)}` : ''}`;
  });
  return [
    `// [id:${question.id}]${tags}`,
    `// rapport: ${facts}`,
    `::${escapeGift(question.id)}::[markdown]${escapeGift(`${question.stem}\n\n${question.leadIn}`)}{`,
    ...answers,
    '}',
    '',
  ].join('\n');
}
