import { useEffect, useId, useRef } from 'react';
import type { Problem } from '../../domain/content';

interface SourceEditorProps {
  path: string;
  text: string;
  onText: (text: string) => void;
  problems: readonly Problem[];
  /** A line to select and scroll to, as "show in the source" asks; `request` changes each time it is asked. */
  goTo: { line: number; request: number } | undefined;
  onGoTo: (line: number) => void;
}

/** The file as Markdown, for authors who prefer to type it, with each finding's line one click away. */
export function SourceEditor({ path, text, onText, problems, goTo, onGoTo }: SourceEditorProps) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const textarea = area.current;
    if (!goTo || !textarea) return;
    const lines = textarea.value.split('\n');
    const index = Math.min(goTo.line, lines.length) - 1;
    const start = lines.slice(0, index).reduce((sum, line) => sum + line.length + 1, 0);
    textarea.focus();
    textarea.setSelectionRange(start, start + (lines[index]?.length ?? 0));
    // Put the line about a third of the way down the box.
    const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
    textarea.scrollTop = Math.max(0, index * lineHeight - textarea.clientHeight / 3);
    // Runs for each request, not for each edit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [goTo?.request]);
  return (
    <div className="field">
      <label htmlFor={id}>
        Markdown source of <code>{path}</code>
      </label>
      <textarea
        id={id}
        ref={area}
        className="editor"
        value={text}
        onChange={(event) => onText(event.target.value)}
        rows={Math.min(30, Math.max(12, text.split('\n').length + 2))}
        spellCheck
        aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}
      />
      {problems.length > 0 && (
        <ul id={`${id}-problems`} className="field-problems">
          {problems.map((item) => (
            <li key={`${item.line}:${item.column}:${item.message}`} className={item.severity}>
              <button type="button" className="link-button" onClick={() => onGoTo(item.line)}>
                Line {item.line}, column {item.column}
              </button>{' '}
              <strong>{item.severity}:</strong> {item.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
