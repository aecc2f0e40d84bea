import { describe, expect, it } from 'vitest';
import { renderInlineMarkdown, renderMarkdown } from '../../src/components/markdown';

describe('Markdown from packs renders safely', () => {
  it('renders emphasis, lists and safe links', () => {
    const html = renderMarkdown('She is **16**.\n\n- one\n- two\n\n[NASW](https://www.socialworkers.org) and [mail](mailto:a@b.org)');
    expect(html).toContain('<strong>16</strong>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('href="https://www.socialworkers.org"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('href="mailto:a@b.org"');
  });

  it('escapes raw HTML instead of rendering it', () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops links with unsafe or relative targets, keeping their text', () => {
    for (const target of ['javascript:alert(1)', 'data:text/html,hi', 'vbscript:x', '/local/page', 'file:///etc/passwd']) {
      const html = renderInlineMarkdown(`[click](${target})`);
      expect(html, target).not.toContain('<a');
    }
  });

  it('does not load images from the network', () => {
    expect(renderMarkdown('![pixel](https://tracker.example/p.png)')).not.toContain('<img');
  });
});
