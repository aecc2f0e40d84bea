import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(https?:|mailto:)/i;

/**
 * Pack text is untrusted: raw HTML is escaped, images are off (they would load
 * from the network and break offline), and links keep only http(s) and mailto.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true, breaks: false });
markdown.disable(['image']);
markdown.validateLink = (url) => SAFE_LINK.test(url.trim());

const defaultLinkOpen =
  markdown.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  tokens[index]?.attrSet('rel', 'noopener noreferrer');
  tokens[index]?.attrSet('target', '_blank');
  return defaultLinkOpen(tokens, index, options, env, self);
};

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

export function renderInlineMarkdown(source: string): string {
  return markdown.renderInline(source);
}
