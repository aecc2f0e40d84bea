
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

/** A new question file with every field and section in place; the checker flags what is still to write. */
export function questionTemplate(id: string): string {
  return `---
id: ${id}
area: values-ethics
qualifier: FIRST
difficulty: 2
answer: A
principles: []
tags: []
---
Write the scenario here in 2 to 5 sentences: who the client is, the setting,
what just happened, and only the details that matter.

## What should the social worker do FIRST?

### A. Write the best option here.
Explain why this option is the best answer.

### B. Write a plausible but worse option here.
Explain why this option is worse than A in this situation.

### C. Write another plausible option here.
Explain why this option is worse than A in this situation.

### D. Write another plausible option here, or delete this option for a three-option item.
Explain why this option is worse than A in this situation.
`;
}

