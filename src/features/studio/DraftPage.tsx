import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { usePageTitle } from '../../components/PageTitle';
import { PrincipleText } from '../../components/PrincipleText';
import { useLoaded } from '../../components/useLoaded';
import { describeStorageError } from '../../db/errors';
import { plural } from '../../domain/format';
import type { Problem } from '../../domain/content';
import { checkDraft, type DraftCheck } from '../../domain/studio/checkDraft';
import {
  addPrinciple,
  addQuestion,
  canReorder,
  deleteFile,
  draftPaths,
  draftTitle,
  duplicatePrinciple,
  duplicateQuestion,
  idFromTitle,
  moveQuestion,
  packFile,
  packIdOf,
  principlesOf,
  questionsInOrder,
  readId,
  updateFile,
  type Draft,
  type DraftFile,
} from '../../domain/studio/draft';
import { readPrincipleForm } from '../../domain/studio/fieldForms';
import { readQuestionForm } from '../../domain/studio/questionForm';
import { parseQuestion } from '../../domain/content/question';
import { ExportPanel } from './ExportPanel';
import { PackEditor, PrincipleEditor } from './FileEditors';
import { QuestionEditor } from './QuestionEditor';
import { OwnPrincipleLinks, PackPreview, QuestionPreview } from './Previews';
import type { PickablePrinciple } from './PrinciplePicker';
import { SourceEditor } from './SourceEditor';
import { loadStudioCatalog, type StudioCatalog } from './studioLibrary';
import { useDraft } from './useDraft';
import './studio.css';

export function DraftPage() {
  const { draftId = '' } = useParams();
  const catalog = useLoaded('studio-catalog', loadStudioCatalog);
  const { loaded, saveState, change } = useDraft(draftId);
  if (loaded.status === 'failed') return <p role="alert">The draft could not be opened: {loaded.message}</p>;
  if (catalog.status === 'failed') return <p role="alert">The packs and principles could not be loaded: {catalog.error.message}</p>;
  if (loaded.status === 'missing') {
    return (
      <>
        <h1>No such draft</h1>
        <p>
          This device holds no draft at this address; it may have been deleted. <Link to="/studio">All drafts</Link>
        </p>
      </>
    );
  }
  if (loaded.status === 'loading' || catalog.status === 'loading') return <p role="status">Opening the draft…</p>;
  return <DraftEditor key={loaded.draft.id} draft={loaded.draft} catalog={catalog.value} change={change} saveState={saveState} />;
}

type Change = ReturnType<typeof useDraft>['change'];

const CHECK_AFTER_MS = 150;

interface DraftEditorProps {
  draft: Draft;
  catalog: StudioCatalog;
  change: Change;
  saveState: ReturnType<typeof useDraft>['saveState'];
}

function DraftEditor({ draft, catalog, change, saveState }: DraftEditorProps) {
  const title = draftTitle(draft);
  usePageTitle(`${title} · Pack studio`);
  // The checker (a tenth of a second for a hundred questions) runs when typing pauses, on a deferred
  // copy, so keys never wait for it; the findings follow a moment later.
  const [settled, setSettled] = useState(draft);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(draft), CHECK_AFTER_MS);
    return () => clearTimeout(timer);
  }, [draft]);
  const deferred = useDeferredValue(settled);
  const check = useMemo(() => checkDraft(deferred, catalog), [deferred, catalog]);
  const [params, setParams] = useSearchParams();
  const questions = questionsInOrder(draft);
  const ownPrinciples = principlesOf(draft);
  const selected = draft.files.find((file) => file.key === params.get('file')) ?? questions[0] ?? packFile(draft);
  const [mode, setMode] = useState<'form' | 'source'>('form');
  const [goTo, setGoTo] = useState<{ line: number; request: number }>();
  const [announcement, setAnnouncement] = useState('');
  const [previewingPack, setPreviewingPack] = useState(false);
  // After the author picks, adds or deletes a file, focus goes to its editor, as after following a link.
  const [focusEditor, setFocusEditor] = useState(false);

  const select = (key: string) => {
    setGoTo(undefined);
    setPreviewingPack(false);
    setFocusEditor(true);
    setParams({ file: key });
  };
  const showLine = (line: number) => {
    setMode('source');
    setGoTo({ line, request: Date.now() });
  };

  const paths = draftPaths(draft);
  const previewQuestions = previewingPack
    ? (check.compiled.packs[0]?.questions ?? questions.flatMap((file) => parseQuestion(paths.get(file.key) ?? '', file.text).question ?? []))
    : [];
  const pickable = useMemo(() => pickablePrinciples(draft, catalog), [draft, catalog]);
  const principleTitle = (id: string) => check.compiled.principles.find((principle) => principle.id === id)?.title ?? pickable.find((principle) => principle.id === id)?.title ?? id;
  const ownIds = new Set(ownPrinciples.flatMap((file) => readId(file.text) ?? []));
  const openPrinciple = (id: string) => {
    const file = ownPrinciples.find((candidate) => readId(candidate.text) === id);
    if (file) select(file.key);
  };

  const createPrinciple = (name: string): { id: string } | { refusal: string } => {
    if (!name) return { refusal: 'Type the new principle’s title first.' };
    const id = idFromTitle(name);
    const existing = pickable.find((principle) => principle.id === id);
    if (existing) return { refusal: `There is already a principle with the id “${id}”: “${existing.title}” (${existing.origin.toLowerCase()}). Link it, or choose another title.` };
    change((current, now) => addPrinciple(current, { id, title: name }, now).draft);
    setAnnouncement(`Added the principle “${name}” to this pack and linked it. Write its text under “Principles of this pack”.`);
    return { id };
  };

  return (
    <div className="studio-draft">
      <p>
        <Link to="/studio">← All drafts</Link>
      </p>
      <h1>{title}</h1>
      <p className="help">
        {draft.origin}. {saveState.status === 'failed' ? '' : saveState.status === 'saving' ? 'Saving…' : 'Saved on this device.'}
      </p>
      {saveState.status === 'failed' && (
        <p role="alert" className="hint">
          The last change was not saved: {describeStorageError(saveState.error)} Keep this tab open; the next change tries again.
        </p>
      )}
      <p role="status" className={check.errors > 0 ? 'check-summary has-errors' : 'check-summary'}>
        Checker: {plural(check.errors, 'error')}, {plural(check.warnings, 'warning')} in {plural(questions.length, 'question')}.
      </p>
      {draft.importNotes && draft.importNotes.length > 0 && (
        <section aria-labelledby="import-notes-heading" className="import-notes">
          <h2 id="import-notes-heading">What the import left out</h2>
          <p>The importer’s notes on the file it read, at that file’s lines. Nothing here is in the draft: add what you need by hand.</p>
          <ul className="field-problems">
            {draft.importNotes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
          <button type="button" onClick={() => change((current, now) => ({ ...current, importNotes: [], updatedAt: now }))}>
            Done with these notes
          </button>
        </section>
      )}
      <ExportPanel check={check} packId={packIdOf(draft)} />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <div className="studio">
        <Outline draft={draft} questions={questions} principles={ownPrinciples} selected={selected} check={check} onSelect={select} change={change} onAnnounce={setAnnouncement} onPreviewPack={() => setPreviewingPack(true)} />
        <section className="studio-editor" aria-labelledby="editor-heading">
          {previewingPack ? (
            <>
              <h2 id="editor-heading" tabIndex={-1}>
                The whole pack as candidates see it
              </h2>
              <button type="button" onClick={() => setPreviewingPack(false)}>
                Back to editing
              </button>
              <OwnPrincipleLinks ownIds={ownIds} onOpen={openPrinciple}>
                <PackPreview questions={previewQuestions} principleTitle={principleTitle} notShown={questions.filter((file) => !previewQuestions.some((question) => question.id === readId(file.text))).map((file) => readId(file.text) ?? file.key)} />
              </OwnPrincipleLinks>
            </>
          ) : (
            <FileEditor
              key={selected.key}
              file={selected}
              path={paths.get(selected.key) ?? ''}
              position={questions.indexOf(selected)}
              questionCount={questions.length}
              canReorder={canReorder(draft)}
              problems={check.byKey.get(selected.key) ?? []}
              check={check}
              mode={mode}
              onMode={setMode}
              goTo={goTo}
              onShowLine={showLine}
              change={change}
              onSelect={select}
              onAnnounce={setAnnouncement}
              pickable={pickable}
              onCreatePrinciple={createPrinciple}
              principleTitle={principleTitle}
              ownIds={ownIds}
              onOpenPrinciple={openPrinciple}
              focusOnMount={focusEditor}
            />
          )}
        </section>
      </div>
    </div>
  );
}

/** The principles a question may link to: the pack's own first, then the app's, then those imported packs brought. */
function pickablePrinciples(draft: Draft, catalog: StudioCatalog): PickablePrinciple[] {
  const found = new Map<string, PickablePrinciple>();
  for (const file of principlesOf(draft)) {
    const reading = readPrincipleForm(file.text);
    const id = 'form' in reading ? reading.form.id : readId(file.text);
    if (id && !found.has(id)) found.set(id, { id, title: ('form' in reading && reading.form.title) || id, summary: ('form' in reading && reading.form.summary) || '', origin: 'This pack' });
  }
  for (const principle of catalog.builtIn) if (!found.has(principle.id)) found.set(principle.id, { ...principle, origin: 'Built in' });
  for (const stored of catalog.imported) {
    for (const principle of stored.principles) if (!found.has(principle.id)) found.set(principle.id, { ...principle, origin: `From “${stored.packTitle}”` });
  }
  return [...found.values()];
}

function counts(problems: readonly Problem[] | undefined): string {
  const errors = problems?.filter((item) => item.severity === 'error').length ?? 0;
  const warnings = (problems?.length ?? 0) - errors;
  return [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
}

interface OutlineProps {
  draft: Draft;
  questions: DraftFile[];
  principles: DraftFile[];
  selected: DraftFile;
  check: DraftCheck;
  onSelect: (key: string) => void;
  change: Change;
  onAnnounce: (text: string) => void;
  onPreviewPack: () => void;
}

/** The pack's files in order, each with how many findings it has, and the findings about the pack as a whole. */
function Outline({ draft, questions, principles, selected, check, onSelect, change, onAnnounce, onPreviewPack }: OutlineProps) {
  const link = (file: DraftFile, label: ReactNode, extra?: string) => {
    const found = counts(check.byKey.get(file.key));
    return (
      <Link to={`?file=${encodeURIComponent(file.key)}`} aria-current={file === selected ? 'page' : undefined} className="outline-link" onClick={(event) => {
        event.preventDefault();
        onSelect(file.key);
      }}>
        <span className="outline-label">{label}</span>
        {extra && <span className="outline-extra">{extra}</span>}
        {found && <span className={/error/.test(found) ? 'outline-count has-errors' : 'outline-count'}>{found}</span>}
      </Link>
    );
  };
  const add = () => {
    let key = '';
    change((current, now) => {
      const added = addQuestion(current, now);
      key = added.key;
      return added.draft;
    });
    onAnnounce(`Added question ${questions.length + 1}.`);
    if (key) onSelect(key);
  };
  return (
    <nav className="studio-outline" aria-labelledby="outline-heading">
      <h2 id="outline-heading">Pack contents</h2>
      <ul className="outline-list">
        <li>{link(packFile(draft), 'Pack details', 'title, version, authors')}</li>
      </ul>
      <h3 id="outline-questions">Questions ({questions.length})</h3>
      {questions.length > 0 && (
        <ol className="outline-list" aria-labelledby="outline-questions">
          {questions.map((file) => (
            <li key={file.key}>{link(file, readId(file.text) ?? 'no id yet', stemPreview(file.text))}</li>
          ))}
        </ol>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={add}>
          Add a question
        </button>
        {questions.length > 0 && (
          <button type="button" onClick={onPreviewPack}>
            Preview the whole pack
          </button>
        )}
      </div>
      <h3 id="outline-principles">Principles of this pack ({principles.length})</h3>
      {principles.length === 0 ? (
        <p className="help">None: the questions link to the app’s principles. Write one from a question’s principle finder.</p>
      ) : (
        <ul className="outline-list" aria-labelledby="outline-principles">
          {principles.map((file) => (
            <li key={file.key}>{link(file, readId(file.text) ?? 'no id yet')}</li>
          ))}
        </ul>
      )}
      <section aria-labelledby="pack-wide-heading" className="pack-wide">
        <h3 id="pack-wide-heading">Across the pack</h3>
        {check.packWide.length === 0 ? (
          <p className="help">No cue across the questions: the best answer’s position and length, and the other shortcuts, give nothing away.</p>
        ) : (
          <ul className="field-problems">
            {check.packWide.map((item) => (
              <li key={item.message} className={item.severity}>
                <strong>{item.severity === 'error' ? 'Error' : 'Warning'}:</strong> {item.message}
              </li>
            ))}
          </ul>
        )}
      </section>
    </nav>
  );
}

/** The first words of each question's scenario, for the list; remembered by text, since one keystroke changes one file. */
const previews = new Map<string, string>();
function stemPreview(text: string): string {
  const known = previews.get(text);
  if (known !== undefined) return known;
  const reading = readQuestionForm(text);
  const stem = 'form' in reading ? reading.form.stem : '';
  const words = stem.replace(/[#*_`>]/g, '').split(/\s+/).filter(Boolean);
  const preview = words.length > 9 ? `${words.slice(0, 9).join(' ')}…` : words.join(' ');
  if (previews.size > 5000) previews.clear();
  previews.set(text, preview);
  return preview;
}

interface FileEditorProps {
  file: DraftFile;
  path: string;
  /** The question's place in the pack, or -1 for pack.yaml and principles. */
  position: number;
  questionCount: number;
  canReorder: boolean;
  problems: readonly Problem[];
  check: DraftCheck;
  mode: 'form' | 'source';
  onMode: (mode: 'form' | 'source') => void;
  goTo: { line: number; request: number } | undefined;
  onShowLine: (line: number) => void;
  change: Change;
  onSelect: (key: string) => void;
  onAnnounce: (text: string) => void;
  pickable: readonly PickablePrinciple[];
  onCreatePrinciple: (title: string) => { id: string } | { refusal: string };
  principleTitle: (id: string) => string;
  ownIds: ReadonlySet<string>;
  onOpenPrinciple: (id: string) => void;
  focusOnMount: boolean;
}

function FileEditor(props: FileEditorProps) {
  const { file, path, position, questionCount, problems, check, mode, onMode, goTo, onShowLine, change, onSelect, onAnnounce } = props;
  const modeName = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (props.focusOnMount) heading.current?.focus();
    // Only when this file's editor opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const onText = (text: string) => change((current, now) => updateFile(current, file.key, text, now));
  const id = readId(file.text);
  const title = file.kind === 'pack' ? 'Pack details' : file.kind === 'question' ? `Question ${position + 1} of ${questionCount}: ${id ?? 'no id yet'}` : `Principle: ${id ?? 'no id yet'}`;
  const move = (by: number) => {
    change((current, now) => moveQuestion(current, file.key, by, now));
    onAnnounce(`${id ?? 'The question'} moved to position ${Math.min(questionCount, Math.max(1, position + 1 + by))} of ${questionCount}.`);
  };
  const duplicate = () => {
    let key = '';
    change((current, now) => {
      const copied = file.kind === 'question' ? duplicateQuestion(current, file.key, now) : duplicatePrinciple(current, file.key, now);
      key = copied.key;
      return copied.draft;
    });
    onAnnounce(file.kind === 'question' ? `Duplicated ${id ?? 'the question'}; the copy follows it.` : `Duplicated ${id ?? 'the principle'}; the copy has an id of its own.`);
    if (key) onSelect(key);
  };
  const remove = () => {
    change((current, now) => deleteFile(current, file.key, now));
    onAnnounce(`Deleted ${id ?? 'the file'}.`);
    onSelect('pack');
  };
  // Read on its own when pack.yaml has errors too: a question can be previewed before the pack is complete.
  const compiledQuestion = file.kind === 'question' ? (check.compiled.packs[0]?.questions.find((question) => question.id === id) ?? parseQuestion(path, file.text).question) : undefined;
  const compiledPrinciple = file.kind === 'principle' ? check.compiled.principles.find((principle) => principle.id === id) : undefined;

  return (
    <>
      <h2 id="editor-heading" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {file.kind !== 'pack' && (
        <div className="actions file-actions">
          {file.kind === 'question' && (
            <>
              <button type="button" onClick={() => move(-1)} disabled={position <= 0 || !props.canReorder}>
                Move up
              </button>
              <button type="button" onClick={() => move(1)} disabled={position >= questionCount - 1 || !props.canReorder}>
                Move down
              </button>
            </>
          )}
          <button type="button" onClick={duplicate}>
            Duplicate
          </button>
          <button type="button" onClick={() => setConfirmingDelete(true)} aria-expanded={confirmingDelete}>
            Delete…
          </button>
        </div>
      )}
      {!props.canReorder && file.kind === 'question' && <p className="help">Questions can be moved again once pack.yaml reads without errors.</p>}
      {confirmingDelete && (
        <div className="confirm" role="group" aria-labelledby="delete-question">
          <p id="delete-question">Delete {id ?? 'this file'} from the draft? This cannot be undone.</p>
          <div className="actions">
            <button type="button" className="danger" onClick={remove}>
              Delete {id ?? 'it'}
            </button>
            <button type="button" onClick={() => setConfirmingDelete(false)}>
              Keep it
            </button>
          </div>
        </div>
      )}
      <fieldset className="view-switch">
        <legend>Edit as</legend>
        <label className="checkbox">
          <input type="radio" name={modeName} checked={mode === 'form'} onChange={() => onMode('form')} /> Form
        </label>
        <label className="checkbox">
          <input type="radio" name={modeName} checked={mode === 'source'} onChange={() => onMode('source')} /> Markdown source
        </label>
      </fieldset>
      {mode === 'source' ? (
        <SourceEditor path={path} text={file.text} onText={onText} problems={problems} goTo={goTo} onGoTo={onShowLine} />
      ) : file.kind === 'question' ? (
        <QuestionEditor text={file.text} onText={onText} problems={problems} onShowLine={onShowLine} principles={props.pickable} onCreatePrinciple={props.onCreatePrinciple} />
      ) : file.kind === 'principle' ? (
        <PrincipleEditor text={file.text} onText={onText} problems={problems} onShowLine={onShowLine} />
      ) : (
        <PackEditor text={file.text} onText={onText} problems={problems} onShowLine={onShowLine} />
      )}
      {file.kind !== 'pack' && (
        <section aria-labelledby="preview-heading" className="preview">
          <h2 id="preview-heading">As candidates see it</h2>
          {compiledQuestion ? (
            <OwnPrincipleLinks ownIds={props.ownIds} onOpen={props.onOpenPrinciple}>
              <QuestionPreview key={compiledQuestion.contentHash} question={compiledQuestion} principleTitle={props.principleTitle} />
            </OwnPrincipleLinks>
          ) : compiledPrinciple ? (
            <article className="principle">
              <PrincipleText principle={compiledPrinciple} level={3} />
            </article>
          ) : (
            <p>Fix the errors above to see it as candidates will.</p>
          )}
        </section>
      )}
    </>
  );
}
