import type { Principle } from '../domain/content';
import { Markdown } from './Markdown';

interface PrincipleTextProps {
  principle: Pick<Principle, 'title' | 'summary' | 'body' | 'sources'>;
  /** The title's heading level: 1 on the principle's own page, deeper where it is shown inside another page. */
  level?: 1 | 2 | 3;
  headingId?: string;
}

const SOURCES_SECTION = /^##\s+Sources\s*$/m;

/** A principle's title, summary, text and sources, as candidates read it. */
export function PrincipleText({ principle, level = 1, headingId }: PrincipleTextProps) {
  const Title = `h${level}` as const;
  const SourcesHeading = `h${level + 1}` as 'h2' | 'h3' | 'h4';
  return (
    <>
      <p className="eyebrow">Principle</p>
      <Title id={headingId}>{principle.title}</Title>
      <p className="principle-lede">{principle.summary}</p>
      <Markdown className="principle-body" source={principle.body} />
      {/* The library's pages say in their own "Sources" section which claim rests on which source; other pages get the bare list. */}
      {!SOURCES_SECTION.test(principle.body) && (
        <>
          <SourcesHeading>Sources</SourcesHeading>
          <ul className="sources">
            {principle.sources.map((source) => (
              <li key={source}>
                <cite>{source}</cite>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
