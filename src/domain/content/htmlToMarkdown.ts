import TurndownService from 'turndown';

/**
 * HTML from an imported file (a GIFT question in [html] format) as Markdown, so a pack never holds
 * raw HTML. Scripts, styles and embedded content are dropped with their text; images are dropped
 * too (a pack holds text only) and counted, so the importer can say so.
 */
export function htmlToMarkdown(html: string): { markdown: string; images: number } {
  let images = 0;
  const service = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', emDelimiter: '*', strongDelimiter: '**' });
  service.remove(['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'audio', 'video', 'canvas', 'form']);
  // A backslash line break survives editors that strip trailing spaces, unlike Markdown's two spaces.
  // Turndown's filters name HTML elements only; SVG and MathML are removed by name.
  service.addRule('vectorAndMath', { filter: (node) => ['svg', 'math'].includes(node.nodeName.toLowerCase()), replacement: () => '' });
  service.addRule('lineBreaks', { filter: 'br', replacement: () => '\\\n' });
  service.addRule('images', {
    filter: 'img',
    replacement: () => {
      images++;
      return '';
    },
  });
  const markdown = service
    .turndown(html)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { markdown, images };
}

/** Whether text in Moodle's default format holds HTML tags (Moodle shows them as HTML). */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i.test(text);
}
