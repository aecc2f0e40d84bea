// Markdown as plain words, for previews and search: what a reader sees, without the markup.

/** Markdown reduced to its words: links keep their text, markup characters go. */
export function plainText(markdown: string): string {
  return stripMarkup(markdown).replace(/\s\s+|[\t\n\r]/g, ' ').trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Markdown without its markup, spacing left as it is (searching splits on it anyway). */
export function stripMarkup(markdown: string): string {
  return (
    markdown
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/^[ \t]{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])[ \t]+/gm, '')
      // Emphasis marks go, but not an escaped character ("\*"), which the page shows as itself.
      .replace(/(?<!\\)[*_`~]+/g, '')
      // As the page shows them: "&lt;" and "\<" both read "<".
      .replace(/\\([!-/:-@[-`{-~])/g, '$1')
      .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
      .replace(/&#(x[0-9a-f]+|\d+);/gi, (_, code: string) => String.fromCodePoint(code[0]?.toLowerCase() === 'x' ? parseInt(code.slice(1), 16) : Number(code)))
  );
}

/** The first words of a Markdown text, with an ellipsis when some were left out. */
export function previewText(markdown: string, maxWords = 14): string {
  const words = plainText(markdown).split(' ').filter(Boolean);
  return words.length > maxWords ? `${words.slice(0, maxWords).join(' ')}…` : words.join(' ');
}
