
/** The next free id in a pack: the prefix and number width its questions already use, one higher. */
export function nextQuestionId(packId: string, existingIds: readonly string[]): string {
  const numbered = existingIds
    .map((id) => /^(.*?)(\d+)$/.exec(id))
    .filter((match): match is RegExpExecArray => match !== null);
  const prefixCounts = new Map<string, number>();
  for (const match of numbered) prefixCounts.set(match[1] as string, (prefixCounts.get(match[1] as string) ?? 0) + 1);
  const prefix = [...prefixCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? `${initials(packId)}-`;
  const sameFamily = numbered.filter((match) => match[1] === prefix);
  const width = Math.max(3, ...sameFamily.map((match) => (match[2] as string).length));
  const highest = Math.max(0, ...sameFamily.map((match) => Number(match[2])));
  const taken = new Set(existingIds);
  let next = highest + 1;
  while (taken.has(`${prefix}${String(next).padStart(width, '0')}`)) next++;
  return `${prefix}${String(next).padStart(width, '0')}`;
}

function initials(packId: string): string {
  return packId
    .split('-')
    .map((word) => word[0])
    .join('');
}

/**
 * The sentences of the `content:new` template that stand in for the author's own words. The checker
 * reports any of them left in a question as an error, so a half-written file cannot be shared.
 */
export const TEMPLATE_PLACEHOLDERS = {
  stem: 'Write the scenario here in 2 to 5 sentences',
  options: ['Write the best option here.', 'Write a plausible but worse option here.', 'Write another plausible option here'],
  rationales: ['Explain why this option is the best answer.', 'Explain why this option is worse than A in this situation.'],
} as const;

/** The placeholder sentence `text` still holds, if any. */
export function placeholderIn(text: string, part: keyof typeof TEMPLATE_PLACEHOLDERS): string | undefined {
  const phrases: readonly string[] = part === 'stem' ? [TEMPLATE_PLACEHOLDERS.stem] : TEMPLATE_PLACEHOLDERS[part];
  return phrases.find((phrase) => text.includes(phrase));
}

/** A new question file with every field and section in place; the checker flags what is still to write. */
export function questionTemplate(id: string): string {
  const { stem, options, rationales } = TEMPLATE_PLACEHOLDERS;
  return `---
id: ${id}
area: values-ethics
qualifier: FIRST
difficulty: 2
answer: A
principles: []
tags: []
---
${stem}: who the client is, the setting,
what just happened, and only the details that matter.

## What should the social worker do FIRST?

### A. ${options[0]}
${rationales[0]}

### B. ${options[1]}
${rationales[1]}

### C. ${options[2]}.
${rationales[1]}

### D. ${options[2]}, or delete this option for a three-option item.
${rationales[1]}
`;
}
