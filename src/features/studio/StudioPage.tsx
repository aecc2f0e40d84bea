import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { usePageTitle } from '../../components/PageTitle';
import { useLoaded } from '../../components/useLoaded';
import { describeStorageError } from '../../db/errors';
import { deleteDraft, listDrafts, saveDraft, studioDatabase } from '../../db/drafts';
import { plural } from '../../domain/format';
import type { Problem } from '../../domain/content';
import { draftTitle, newDraft, packIdOf, questionsInOrder, type Draft } from '../../domain/studio/draft';
import { draftFromFile, STUDIO_ACCEPTS } from './importIntoStudio';
import { newDraftId } from './newDraftId';
import { draftOfPack, loadStudioCatalog, type StudioCatalog } from './studioLibrary';
import { downloadFile } from '../../components/download';
import { DropZone } from '../../components/DropZone';
// The same template the guide links to: one column per field, and one filled-in row as an example.
import csvTemplate from '../../../docs/import-template.csv?raw';
import './studio.css';

/** The studio's front page: the drafts on this device, and the ways to start one. */
export function StudioPage() {
  usePageTitle('Pack studio');
  const catalog = useLoaded('studio-catalog', loadStudioCatalog);
  const [drafts, setDrafts] = useState<Draft[]>();
  const [failure, setFailure] = useState<string>();
  const refresh = useCallback(() => {
    listDrafts(studioDatabase()).then(setDrafts, (error: unknown) => setFailure(describeStorageError(error)));
  }, []);
  useEffect(refresh, [refresh]);

  return (
    <div className="studio-home">
      <h1>Pack studio</h1>
      <p>
        Write a question pack for your candidates here, in the browser: nothing to install. The checker reads every question as you type, with the same messages
        as <code>npm run content:check</code>, and a preview shows each question as candidates will see it. Drafts are saved on this device as you type and stay
        here offline.
      </p>
      {failure && (
        <p role="alert" className="hint">
          {failure}
        </p>
      )}
      <section aria-labelledby="drafts-heading">
        <h2 id="drafts-heading">Your drafts</h2>
        {!drafts ? <p role="status">Loading drafts…</p> : drafts.length === 0 ? <p>No drafts yet: start one below.</p> : <DraftList drafts={drafts} onChange={refresh} />}
      </section>
      <NewPackForm />
      {catalog.status === 'ready' && <OpenPackForm catalog={catalog.value} />}
      {catalog.status === 'ready' && <ImportIntoStudio catalog={catalog.value} />}
      {catalog.status === 'loading' && <p role="status">Loading the packs and principles…</p>}
      {catalog.status === 'failed' && <p role="alert">The packs could not be loaded: {catalog.error.message}</p>}
    </div>
  );
}

function DraftList({ drafts, onChange }: { drafts: Draft[]; onChange: () => void }) {
  const [confirming, setConfirming] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const remove = async (id: string) => {
    try {
      await deleteDraft(studioDatabase(), id);
      setConfirming(undefined);
      onChange();
    } catch (error) {
      setFailure(describeStorageError(error));
    }
  };
  return (
    <>
      <ul className="pack-list">
        {drafts.map((draft) => {
          const title = draftTitle(draft);
          return (
            <li key={draft.id} className="pack-card">
              <h3 className="pack-title">
                <Link to={`/studio/${encodeURIComponent(draft.id)}`}>{title}</Link>
              </h3>
              <p className="pack-count">
                {packIdOf(draft)} · {plural(questionsInOrder(draft).length, 'question')} · edited {draft.updatedAt.toLocaleString()}
              </p>
              <p className="help">{draft.origin}</p>
              {confirming === draft.id ? (
                <div className="actions">
                  <button type="button" className="danger" onClick={() => void remove(draft.id)}>
                    Delete “{title}” for good
                  </button>
                  <button type="button" onClick={() => setConfirming(undefined)}>
                    Keep it
                  </button>
                </div>
              ) : (
                <button type="button" onClick={() => setConfirming(draft.id)} aria-label={`Delete the draft “${title}”…`}>
                  Delete…
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {failure && (
        <p role="alert" className="hint">
          {failure}
        </p>
      )}
    </>
  );
}

function NewPackForm() {
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const draft = newDraft(
      newDraftId(),
      {
        title: text('title'),
        description: text('description'),
        version: text('version') || '1.0.0',
        authors: text('authors')
          .split('\n')
          .map((name) => name.trim())
          .filter(Boolean),
        licence: text('licence'),
      },
      new Date(),
    );
    try {
      await saveDraft(studioDatabase(), draft);
      await navigate(`/studio/${encodeURIComponent(draft.id)}`);
    } catch (error) {
      setFailure(describeStorageError(error));
    }
  };
  return (
    <section aria-labelledby="new-pack-heading">
      <h2 id="new-pack-heading">Start a new pack</h2>
      <form className="studio-form" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor="new-title">Title</label>
          <input id="new-title" name="title" type="text" required autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="new-description">Description</label>
          <textarea id="new-description" name="description" rows={2} required />
        </div>
        <div className="field">
          <label htmlFor="new-version">Version</label>
          <input id="new-version" name="version" type="text" defaultValue="1.0.0" aria-describedby="new-version-hint" />
          <p id="new-version-hint" className="help">
            Three numbers. Raise it each time you share a changed pack, so candidates’ apps know it is newer.
          </p>
        </div>
        <div className="field">
          <label htmlFor="new-authors">Authors, one per line</label>
          <textarea id="new-authors" name="authors" rows={2} required />
        </div>
        <div className="field">
          <label htmlFor="new-licence">Licence (optional)</label>
          <input id="new-licence" name="licence" type="text" placeholder="CC BY 4.0" />
        </div>
        <button type="submit" className="primary">
          Start the pack
        </button>
      </form>
      {failure && (
        <p role="alert" className="hint">
          {failure}
        </p>
      )}
    </section>
  );
}

function OpenPackForm({ catalog }: { catalog: StudioCatalog }) {
  const navigate = useNavigate();
  const [packId, setPackId] = useState(catalog.packs[0]?.id ?? '');
  const [failure, setFailure] = useState<string>();
  const selectId = useId();
  const open = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const draft = await draftOfPack(packId, catalog, new Date());
      await saveDraft(studioDatabase(), draft);
      await navigate(`/studio/${encodeURIComponent(draft.id)}`);
    } catch (error) {
      setFailure(`The pack could not be opened: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <section aria-labelledby="open-pack-heading">
      <h2 id="open-pack-heading">Start from a pack in the app</h2>
      <p>A draft copy is made; the pack itself is not changed until you export the draft and import it.</p>
      <form className="studio-form inline-form" onSubmit={(event) => void open(event)}>
        <div className="field">
          <label htmlFor={selectId}>Pack</label>
          <select id={selectId} value={packId} onChange={(event) => setPackId(event.target.value)}>
            {catalog.packs.map((pack) => (
              <option key={pack.id} value={pack.id}>
                {pack.title} ({pack.source === 'built-in' ? 'built in' : 'imported'}, {pack.version})
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Open as a draft</button>
      </form>
      {failure && (
        <p role="alert" className="hint">
          {failure}
        </p>
      )}
    </section>
  );
}

function ImportIntoStudio({ catalog }: { catalog: StudioCatalog }) {
  const navigate = useNavigate();
  const [problems, setProblems] = useState<Problem[]>();
  const [failure, setFailure] = useState<string>();
  const hintId = useId();
  const open = async (file: File | undefined) => {
    setProblems(undefined);
    setFailure(undefined);
    if (!file) return;
    try {
      const result = await draftFromFile(file, catalog, new Date());
      if ('problems' in result) {
        setProblems(result.problems);
        return;
      }
      await saveDraft(studioDatabase(), result.draft);
      await navigate(`/studio/${encodeURIComponent(result.draft.id)}`);
    } catch (error) {
      setFailure(`The file could not be opened: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <section aria-labelledby="studio-import-heading">
      <h2 id="studio-import-heading">Open a file</h2>
      <DropZone onDrop={(transfer) => void open(transfer.files[0])}>
        <p id={hintId}>
          Drop or choose a pack file (<code>.rapport.json</code>), a zip of a pack folder, a Moodle quiz exported as GIFT (<code>.gift</code> or{' '}
          <code>.txt</code>) or a spreadsheet saved as CSV. It opens as a new draft, errors and all, so you can fix them here.
        </p>
        <div className="actions">
          <label className="button file-button">
            Choose a file to open…
            <input
              type="file"
              accept={STUDIO_ACCEPTS}
              className="visually-hidden"
              aria-describedby={hintId}
              onChange={(event) => {
                void open(event.target.files?.[0]);
                event.target.value = '';
              }}
            />
          </label>
          <button type="button" onClick={() => downloadFile('rapport-questions.csv', csvTemplate, 'text/csv')}>
            Download a spreadsheet template (.csv)
          </button>
        </div>
      </DropZone>
      {problems && (
        <div role="alert" className="problems">
          <h3>Not opened</h3>
          {problems.map((item) => (
            <p key={`${item.file}:${item.line}:${item.message}`}>{item.message}</p>
          ))}
        </div>
      )}
      {failure && (
        <p role="alert" className="hint">
          {failure}
        </p>
      )}
    </section>
  );
}
