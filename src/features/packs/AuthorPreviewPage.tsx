import { useDeferredValue, useId, useMemo, useState } from 'react';
import { AnswerFeedback } from '../../components/AnswerFeedback';
import { usePageTitle } from '../../components/PageTitle';
import { QuestionView } from '../../components/QuestionView';
import { useLoaded } from '../../components/useLoaded';
import { loadPrincipleLibrary, principleTitle } from '../../catalog/catalog';
import type { OptionLetter, Principle } from '../../domain/content';
import { questionTemplate } from '../../domain/content/authoring';
import { checkContent } from '../../domain/content/check';
import { gradeAnswer } from '../../domain/grading';

const NO_PRINCIPLES: Principle[] = [];
const PREVIEW_PACK = 'id: preview\ntitle: Preview\nversion: 1.0.0\ndescription: Preview\nauthors: [You]\n';

/** Checks one question as the pack checker would, against the principle library. */
function checkQuestion(text: string, library: readonly Principle[]) {
  // Named after its id, as the checker requires of a file in a pack.
  const file = `packs/preview/${/^id:\s*["']?([a-z0-9-]+)/m.exec(text)?.[1] ?? 'question'}.md`;
  const report = checkContent(
    [
      { path: 'packs/preview/pack.yaml', text: PREVIEW_PACK },
      { path: file, text },
    ],
    { knownPrinciples: library },
  );
  return {
    question: report.compiled.packs[0]?.questions[0],
    problems: report.problems.filter((item) => item.file === file),
  };
}

export function AuthorPreviewPage() {
  usePageTitle('Author preview');
  const library = useLoaded('library', loadPrincipleLibrary);
  const [text, setText] = useState(() => questionTemplate('my-question-001').replace('principles: []', 'principles: [trust-foundation]'));
  const deferred = useDeferredValue(text);
  const editorId = useId();
  const principles = library.status === 'ready' ? library.value : NO_PRINCIPLES;
  const { question, problems } = useMemo(() => checkQuestion(deferred, principles), [deferred, principles]);
  const [selected, setSelected] = useState<OptionLetter>();
  const [shown, setShown] = useState(false);

  return (
    <>
      <h1>Author preview</h1>
      <p>Type or paste one question in the pack format. It is checked as you type and shown below exactly as candidates will see it.</p>
      <div className="author">
        <div className="field">
          <label htmlFor={editorId}>Question file</label>
          <textarea id={editorId} className="editor" value={text} onChange={(event) => setText(event.target.value)} spellCheck rows={24} />
        </div>
        <section aria-labelledby="checker-heading" aria-live="polite" className="checker">
          <h2 id="checker-heading">Checker</h2>
          {problems.length === 0 ? (
            <p className="success">No problems found.</p>
          ) : (
            <ul>
              {problems.map((item) => (
                <li key={`${item.line}:${item.column}:${item.message}`} className={item.severity}>
                  <strong>
                    Line {item.line}, {item.severity}:
                  </strong>{' '}
                  {item.message}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section aria-labelledby="preview-heading" className="preview">
        <h2 id="preview-heading">As candidates see it</h2>
        {question ? (
          <>
            <QuestionView
              question={question}
              selected={selected}
              locked={shown}
              onSelect={setSelected}
              onSubmit={() => setShown(Boolean(selected))}
            />
            {shown && selected && (
              <AnswerFeedback
                question={question}
                result={gradeAnswer(question, selected)}
                principleTitle={principleTitle}
                onNext={() => {
                  setShown(false);
                  setSelected(undefined);
                }}
                nextLabel="Try again"
              />
            )}
          </>
        ) : (
          <p>Fix the errors above to see the question.</p>
        )}
      </section>
    </>
  );
}
