import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { addRange, covers, normalizeRanges, removeRangeAt, sentenceRanges, subtractRange, type TextRange } from '../domain/highlights';
import { renderMarkdown } from './markdown';
import { isTypingTarget } from './optionKeys';
import './HighlightableStem.css';

interface HighlightableStemProps {
  /** The scenario's Markdown. */
  source: string;
  ranges: readonly TextRange[];
  onChange(ranges: TextRange[]): void;
}

/**
 * The scenario with the exam's highlighter: select words and press H (or the button) to mark them,
 * click a mark to take it away. Text cannot be selected by keyboard in most browsers, so the same
 * marks can be made and removed sentence by sentence from a list of checkboxes.
 */
export function HighlightableStem({ source, ranges, onChange }: HighlightableStemProps) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  const stemRef = useRef<HTMLDivElement>(null);
  const [text, setText] = useState('');
  const [message, setMessage] = useState('');
  const marked = useMemo(() => normalizeRanges(ranges, text.length), [ranges, text.length]);

  useLayoutEffect(() => {
    const stem = stemRef.current;
    if (!stem) return;
    // Safe: renderMarkdown escapes raw HTML and drops unsafe links.
    stem.innerHTML = html;
    setText(stem.textContent ?? '');
    markRanges(stem, marked);
  }, [html, marked]);

  const highlightSelection = () => {
    const stem = stemRef.current;
    const selected = stem && selectedRange(stem);
    if (!selected) {
      setMessage('Select words in the scenario first, or highlight whole sentences from the list.');
      return;
    }
    onChange(addRange(marked, selected, text.length));
    window.getSelection()?.removeAllRanges();
    setMessage('Highlighted.');
  };

  useEffect(() => {
    const stem = stemRef.current;
    if (!stem) return;
    // Listeners set anew on every render, so they see the current highlights. A click on a mark removes
    // it; the list below does the same by keyboard.
    const onClick = (event: MouseEvent) => {
      const mark = (event.target as Element | null)?.closest?.('mark.highlight');
      if (!mark || !stem.contains(mark) || !window.getSelection()?.isCollapsed) return;
      onChange(removeRangeAt(marked, offsetOf(stem, mark, 0)));
      setMessage('Highlight removed.');
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'h' || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (isTypingTarget(event.target)) return;
      event.preventDefault();
      highlightSelection();
    };
    stem.addEventListener('click', onClick);
    window.addEventListener('keydown', onKey);
    return () => {
      stem.removeEventListener('click', onClick);
      window.removeEventListener('keydown', onKey);
    };
  });

  const sentences = useMemo(() => sentenceRanges(text), [text]);
  const toggleSentence = (sentence: TextRange, on: boolean) => {
    onChange(on ? addRange(marked, sentence, text.length) : subtractRange(marked, sentence));
    setMessage(on ? 'Highlighted.' : 'Highlight removed.');
  };

  return (
    <div className="highlighter">
      <div ref={stemRef} className="stem" />
      <div className="highlight-tools">
        {/* Pressing the button must not take the selection away before it is read. */}
        <button type="button" aria-keyshortcuts="H" onMouseDown={(event) => event.preventDefault()} onClick={highlightSelection}>
          Highlight selection
        </button>
        <details className="highlight-list">
          <summary>
            Highlights{marked.length > 0 ? ` (${marked.length})` : ''}
            <span className="visually-hidden">: by sentence</span>
          </summary>
          <fieldset>
            <legend>Highlight whole sentences</legend>
            {sentences.map((sentence) => (
              <label key={sentence.start} className="checkbox">
                <input type="checkbox" checked={covers(marked, sentence)} onChange={(event) => toggleSentence(sentence, event.target.checked)} />
                {text.slice(sentence.start, sentence.end)}
              </label>
            ))}
          </fieldset>
          {marked.length > 0 && (
            <>
              <p className="help">Your highlights:</p>
              <ul>
                {marked.map((range) => (
                  <li key={range.start}>
                    <mark className="highlight">{text.slice(range.start, range.end)}</mark>{' '}
                    <button type="button" className="link-button" onClick={() => toggleSentence(range, false)}>
                      Remove{' '}
                      <span className="visually-hidden">this highlight</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </details>
      </div>
      <p role="status" className="visually-hidden">
        {message}
      </p>
    </div>
  );
}

/** The selection within `stem` as offsets into its text, or undefined when nothing of it is selected. */
function selectedRange(stem: HTMLElement): TextRange | undefined {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  const whole = document.createRange();
  whole.selectNodeContents(stem);
  // Clamp a selection that runs past the scenario to the scenario.
  const start = range.compareBoundaryPoints(Range.START_TO_START, whole) < 0 ? 0 : offsetOf(stem, range.startContainer, range.startOffset);
  const end = range.compareBoundaryPoints(Range.END_TO_END, whole) > 0 ? (stem.textContent ?? '').length : offsetOf(stem, range.endContainer, range.endOffset);
  if (range.compareBoundaryPoints(Range.END_TO_START, whole) > 0 || range.compareBoundaryPoints(Range.START_TO_END, whole) < 0) return undefined;
  return end > start ? { start, end } : undefined;
}

/** How many characters of `stem`'s text come before the point (`node`, `offset`). */
function offsetOf(stem: HTMLElement, node: Node, offset: number): number {
  const before = document.createRange();
  before.selectNodeContents(stem);
  before.setEnd(node, offset);
  return before.toString().length;
}

/** Wraps the text inside `ranges` in marks, text node by text node, so the Markdown's own elements stay whole. */
function markRanges(stem: HTMLElement, ranges: readonly TextRange[]): void {
  if (ranges.length === 0) return;
  const walker = document.createTreeWalker(stem, NodeFilter.SHOW_TEXT);
  const nodes: { node: Text; start: number }[] = [];
  let position = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push({ node: node as Text, start: position });
    position += (node as Text).data.length;
  }
  for (const { node, start } of nodes) {
    const end = start + node.data.length;
    const inside = ranges.filter((range) => range.start < end && range.end > start);
    if (inside.length === 0) continue;
    const fragment = document.createDocumentFragment();
    let at = start;
    for (const range of inside) {
      const from = Math.max(range.start, start);
      const to = Math.min(range.end, end);
      if (from > at) fragment.append(node.data.slice(at - start, from - start));
      const mark = document.createElement('mark');
      mark.className = 'highlight';
      mark.title = 'Click to remove this highlight';
      mark.textContent = node.data.slice(from - start, to - start);
      fragment.append(mark);
      at = to;
    }
    if (at < end) fragment.append(node.data.slice(at - start));
    node.replaceWith(fragment);
  }
}
