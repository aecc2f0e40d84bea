import { useCallback, useEffect, useId, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { formatCount, plural } from '../../domain/format';
import { usePageTitle } from '../../components/PageTitle';
import { downloadFile } from '../../components/download';
import { DropZone } from '../../components/DropZone';
import { useLoaded } from '../../components/useLoaded';
import { listPacks, type PackListing } from '../../catalog/catalog';
import { database } from '../../db/database';
import { describeStorageError } from '../../db/errors';
import { answeredPerPack, getImportedPack, importedPackFiles, removeImportedPack, setPackEnabled } from '../../db/packs';
import { buildPackFile } from '../../domain/content/packFile';
import { formatProblem } from '../../domain/content/compile';
import type { Problem } from '../../domain/content';
import { importPickedFiles, type ImportReport } from './importPack';
import { chosenFromInput, droppedFiles, PickError, readPickedFiles, type Chosen, type PickedFile } from './readPickedFiles';

interface Listing extends PackListing {
  answered: number;
}

async function loadListings(): Promise<Listing[]> {
  const packs = await listPacks();
  const answered = await answeredPerPack(database(), packs.map((pack) => pack.id));
  return packs.map((pack) => ({ ...pack, answered: answered.get(pack.id) ?? 0 }));
}

export function PacksPage() {
  usePageTitle('Packs');
  const [listings, setListings] = useState<Listing[]>();
  const [unreadable, setUnreadable] = useState<string>();
  const refresh = useCallback(() => {
    loadListings().then(
      (loaded) => {
        setListings(loaded);
        setUnreadable(undefined);
      },
      (error: unknown) => setUnreadable(`Your packs could not be read: ${error instanceof Error ? error.message : String(error)}`),
    );
  }, []);
  useEffect(refresh, [refresh]);
  const location = useLocation();
  const navigate = useNavigate();
  // Kept after the fragment is dropped from the address, so the outcome of the import stays on screen.
  const [shared, setShared] = useState<string>();
  if (/^#import(-from)?=/.test(location.hash) && location.hash !== shared) setShared(location.hash);

  return (
    <>
      <h1>Packs</h1>
      <p>Choose which packs you study, and import packs your instructor shares with you.</p>
      {unreadable && (
        <p role="alert" className="hint">
          {unreadable}
        </p>
      )}
      {shared && <SharedPackOffer hash={shared} onImported={refresh} onDone={() => void navigate({ hash: '' }, { replace: true })} />}
      {listings ? (
        <ul className="pack-list">
          {listings.map((pack) => (
            <PackRow key={pack.id} pack={pack} onChange={refresh} />
          ))}
        </ul>
      ) : (
        !unreadable && <p role="status">Loading packs…</p>
      )}
      <Importer onImported={refresh} />
      <section aria-labelledby="write-heading">
        <h2 id="write-heading">Write a pack</h2>
        <p>
          Instructors: <Link to="/studio">open the pack studio</Link> to write questions in the browser, check them as you type, preview them as candidates
          see them, and share the pack as a file or a link. Nothing to install.
        </p>
      </section>
    </>
  );
}

function PackRow({ pack, onChange }: { pack: Listing; onChange: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [erase, setErase] = useState(false);
  const [failure, setFailure] = useState<string>();
  const headingId = useId();
  /** Runs a pack action, saying what did not happen when storage fails. */
  const attempt = async (failed: string, action: () => Promise<void>, describe: (error: unknown) => string = describeStorageError) => {
    setFailure(undefined);
    try {
      await action();
    } catch (error) {
      setFailure(`${failed} ${describe(error)}`);
    }
  };
  const toggle = (enabled: boolean) =>
    attempt(enabled ? `${pack.title} was not added to study sessions.` : `${pack.title} was not left out of study sessions.`, async () => {
      await setPackEnabled(database(), pack.id, enabled);
      onChange();
    });
  const exportFile = () =>
    attempt(
      `${pack.title} could not be exported:`,
      async () => {
        const db = database();
        const [stored, files] = await Promise.all([getImportedPack(db, pack.id), importedPackFiles(db, pack.id)]);
        if (!stored) throw new Error('it is no longer stored here.');
        downloadFile(`${pack.id}-${pack.version}.rapport.json`, JSON.stringify(buildPackFile(stored.pack, files)));
      },
      (error) => (error instanceof Error ? error.message : String(error)),
    );
  const remove = () =>
    attempt(`${pack.title} was not removed.`, async () => {
      await removeImportedPack(database(), pack.id, erase);
      onChange();
    });
  return (
    <li className="pack-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="pack-title">
        {pack.title}
      </h2>
      <p className="pack-count">
        {pack.source === 'built-in' ? 'Built in' : 'Imported'} · version {pack.version} · {plural(pack.questionCount, 'question')} · {formatCount(pack.answered)} answered
      </p>
      <p>{pack.description}</p>
      <div className="actions">
        <label className="checkbox">
          <input type="checkbox" checked={pack.enabled} onChange={(event) => void toggle(event.target.checked)} />
          Include in study sessions
        </label>
        <Link className="button" to={`/practice/${pack.id}`}>
          Practise
        </Link>
        {pack.source === 'imported' && (
          <>
            <button type="button" onClick={() => void exportFile()}>
              Export file
            </button>
            <button type="button" onClick={() => setConfirming(true)} aria-expanded={confirming}>
              Remove…
            </button>
          </>
        )}
      </div>
      {failure && (
        <p role="alert" className="hint">
          {failure}
        </p>
      )}
      {confirming && (
        <fieldset className="confirm">
          <legend>Remove {pack.title}?</legend>
          <label className="checkbox">
            <input type="checkbox" checked={erase} onChange={(event) => setErase(event.target.checked)} />
            Also erase my answers to its questions (otherwise they are kept, and come back if you import the pack again)
          </label>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void remove()}>
              Remove pack
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </fieldset>
      )}
    </li>
  );
}

/** One import at a time: its progress, what came of it, and the older version waiting for the candidate's word. */
function useImport(onImported: () => void) {
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [report, setReport] = useState<ImportReport>();
  const [refusal, setRefusal] = useState<string>();
  const [pending, setPending] = useState<PickedFile[]>();

  const importFiles = async (files: PickedFile[], allowOlder = false) => {
    setReport(undefined);
    setRefusal(undefined);
    setPending(undefined);
    setProgress({ done: 0, total: files.length });
    try {
      const result = await importPickedFiles(files, (done, total) => setProgress({ done, total }), { allowOlder });
      setReport(result);
      if (result.older) setPending(files);
      if (result.stored) onImported();
    } catch (error) {
      setRefusal(`The pack could not be imported. ${describeStorageError(error)}`);
    } finally {
      setProgress(undefined);
    }
  };
  const clear = () => {
    setReport(undefined);
    setRefusal(undefined);
    setPending(undefined);
  };
  return { progress, report, refusal, setRefusal, pending, importFiles, clear };
}

type ImportState = ReturnType<typeof useImport>;

function Importer({ onImported }: { onImported: () => void }) {
  const state = useImport(onImported);
  const { importFiles, clear, setRefusal } = state;
  const hintId = useId();

  const run = async (chosen: Chosen[]) => {
    clear();
    try {
      await importFiles(await readPickedFiles(chosen));
    } catch (error) {
      setRefusal(error instanceof PickError ? error.message : `The pack could not be imported. ${describeStorageError(error)}`);
    }
  };

  return (
    <section aria-labelledby="import-heading" className="importer">
      <h2 id="import-heading">Import a pack</h2>
      <DropZone onDrop={(transfer) => void droppedFiles(transfer).then(run)}>
        <p id={hintId}>
          Drop a pack file (<code>.rapport.json</code>) or a pack’s folder here, or choose one. Nothing is stored unless the whole pack is
          valid.
        </p>
        <div className="actions">
          <label className="button file-button">
            Choose a pack file…
            <input type="file" accept=".json,application/json" className="visually-hidden" aria-describedby={hintId} onChange={(event) => void run(chosenFromInput(event.target.files))} />
          </label>
          <label className="button file-button">
            Choose a pack folder…
            <input
              type="file"
              className="visually-hidden"
              aria-describedby={hintId}
              multiple
              {...{ webkitdirectory: '' }}
              onChange={(event) => void run(chosenFromInput(event.target.files))}
            />
          </label>
        </div>
      </DropZone>
      <ImportOutcome state={state} />
    </section>
  );
}

/** What an import came to: stored, refused with the reasons, or waiting for the candidate's word on an older version. */
function ImportOutcome({ state }: { state: ImportState }) {
  const { progress, report, refusal, pending, importFiles, clear } = state;
  const errors = report?.problems.filter((item) => item.severity === 'error') ?? [];
  const warnings = report?.problems.filter((item) => item.severity === 'warning') ?? [];
  return (
    <>
      {progress && (
        <p>
          <label>
            Checking the pack… {progress.done} of {progress.total} files
            <progress max={progress.total} value={progress.done} />
          </label>
        </p>
      )}
      {refusal && (
        <p role="alert" className="hint">
          {refusal}
        </p>
      )}
      {report?.older && pending && (
        <fieldset className="confirm">
          <legend>Import an older version of {report.older.title}?</legend>
          <p>
            You have version {report.older.installed}; this file is version {report.older.incoming}, an older one. Importing it would replace the newer questions
            (your answers are kept). Usually the newer version has the author’s fixes.
          </p>
          <div className="actions">
            <button type="button" onClick={() => void importFiles(pending, true)}>
              Import version {report.older.incoming}
            </button>
            <button type="button" className="primary" onClick={clear}>
              Keep version {report.older.installed}
            </button>
          </div>
        </fieldset>
      )}
      {report?.stored && (
        <p role="status" className="success">
          {report.stored.previousVersion
            ? `Updated ${report.stored.title} from version ${report.stored.previousVersion} to ${report.stored.version}: ${report.stored.changed} changed, ${report.stored.added} added, ${report.stored.removed} removed. Your progress on every question is kept; changed ones are marked.`
            : `Imported ${report.stored.title} (${plural(report.stored.questions, 'question')}).`}
        </p>
      )}
      {errors.length > 0 && report?.unreadable && (
        <div role="alert" className="problems">
          <h3>Not imported</h3>
          {errors.map((item) => (
            <p key={formatProblem(item)}>{item.message}</p>
          ))}
          <p>Nothing was stored and your progress is unchanged.</p>
        </div>
      )}
      {errors.length > 0 && !report?.unreadable && (
        <div role="alert" className="problems">
          <h3>
            Not imported: {errors.length} {errors.length === 1 ? 'problem' : 'problems'} to fix
          </h3>
          <p>
            Nothing was stored and your progress is unchanged. The mistakes are in the pack’s own files, which only its author can fix: ask the pack’s author
            for a corrected pack, and send them the details below.
          </p>
          <details className="author-details">
            <summary>Details for the pack’s author</summary>
            <ProblemList problems={errors} />
          </details>
        </div>
      )}
      {warnings.length > 0 && (
        <details className="warnings">
          <summary>
            {warnings.length} item-writing {warnings.length === 1 ? 'warning' : 'warnings'} for the author
          </summary>
          <ProblemList problems={warnings} />
        </details>
      )}
    </>
  );
}

/**
 * A pack that came in a link (`#import=…`, or `#import-from=…` for a file on this site): what it
 * is, and an import only when the candidate agrees. The fragment is then dropped, so a reload
 * does not ask again.
 */
function SharedPackOffer({ hash, onImported, onDone }: { hash: string; onImported: () => void; onDone: () => void }) {
  const loaded = useLoaded(hash, () => import('./sharedPack').then(({ readSharedPack }) => readSharedPack(hash)));
  const state = useImport(onImported);
  const [decided, setDecided] = useState(false);
  if (loaded.status === 'loading') return <p role="status">Reading the shared pack…</p>;
  const offer = loaded.status === 'ready' ? loaded.value : { refusal: loaded.error.message };
  if (!offer) return null;
  const decide = (importIt: boolean) => {
    setDecided(true);
    onDone();
    if (importIt && 'file' in offer) void state.importFiles([offer.file]);
  };
  return (
    <section aria-labelledby="shared-heading" className="shared-offer">
      <h2 id="shared-heading">A pack shared with you</h2>
      {'refusal' in offer ? (
        <p role="alert" className="hint">
          {offer.refusal}
        </p>
      ) : 'pack' in offer ? (
        <>
          <dl className="shared-facts">
            <dt>Title</dt>
            <dd>{offer.pack.title}</dd>
            <dt>Authors</dt>
            <dd>{offer.pack.authors.join(', ')}</dd>
            <dt>Version</dt>
            <dd>{offer.pack.version}</dd>
            <dt>Questions</dt>
            <dd>{offer.pack.questions}</dd>
          </dl>
          {!decided && (
            <>
              <p>The link itself carries the pack: nothing is stored until you choose to import it.</p>
              <div className="actions">
                <button type="button" className="primary" onClick={() => decide(true)}>
                  Import {offer.pack.title}
                </button>
                <button type="button" onClick={() => decide(false)}>
                  Don’t import
                </button>
              </div>
            </>
          )}
          <ImportOutcome state={state} />
        </>
      ) : (
        <ImportOutcome state={{ ...state, report: offer.report }} />
      )}
    </section>
  );
}

/** A long list freezes the page and hides the first mistake in noise: the first ones, and how many in all. */
const PROBLEMS_SHOWN = 50;

function ProblemList({ problems }: { problems: readonly Problem[] }) {
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  return (
    <>
      <ul>
        {shown.map((item) => (
          <li key={formatProblem(item)}>
            <code>
              {item.file}:{item.line}:{item.column}
            </code>{' '}
            {item.message}
          </li>
        ))}
      </ul>
      {problems.length > shown.length && (
        <p>
          The first {shown.length} of {problems.length} are shown; fixing these often clears many of the rest.
        </p>
      )}
    </>
  );
}
