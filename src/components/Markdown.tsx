import { useMemo } from 'react';
import { renderInlineMarkdown, renderMarkdown } from './markdown';

interface MarkdownProps {
  source: string;
  /** Inline text (an option, a title) renders without a wrapping paragraph. */
  inline?: boolean;
  className?: string;
}

export function Markdown({ source, inline = false, className }: MarkdownProps) {
  const html = useMemo(() => (inline ? renderInlineMarkdown(source) : renderMarkdown(source)), [source, inline]);
  const Tag = inline ? 'span' : 'div';
  // Safe: renderMarkdown escapes raw HTML and drops unsafe links.
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
