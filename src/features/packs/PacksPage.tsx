import { useCallback, useEffect, useId, useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import { formatCount, plural } from '../../domain/counts';
import { usePageTitle } from '../../components/PageTitle';
import { listPacks, type PackListing } from '../../catalog/catalog';
import { database } from '../../db/database';
import { describeStorageError } from '../../db/errors';
import { downloadFile } from '../../components/download';
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

  return (
    <>
      <h1>Packs</h1>
      <p>Choose which packs you study, and import packs your instructor shares with you.</p>
      {unreadable && (
        <p role="alert" className="hint">
          {unreadable}
        </p>
      )}
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
      <p>
        Writing your own questions? <Link to="/author">Preview a question as candidates will see it</Link>.
      </p>
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

function Importer({ onImported }: { onImported: () => void }) {
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [report, setReport] = useState<ImportReport>();
  const [refusal, setRefusal] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const hintId = useId();

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

  const run = async (chosen: Chosen[]) => {
    setReport(undefined);
    setRefusal(undefined);
    try {
      await importFiles(await readPickedFiles(chosen));
    } catch (error) {
      setRefusal(error instanceof PickError ? error.message : `The pack could not be imported. ${describeStorageError(error)}`);
    }
  };
  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    await run(await droppedFiles(event.dataTransfer));
  };

  const errors = report?.problems.filter((item) => item.severity === 'error') ?? [];
  const warnings = report?.problems.filter((item) => item.severity === 'warning') ?? [];
  return (
    <section aria-labelledby="import-heading" className="importer">
      <h2 id="import-heading">Import a pack</h2>
      {/* Dropping is a shortcut for pointer users; the buttons inside do the same from the keyboard. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => void onDrop(event)}
      >
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
      </div>
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
            <button
              type="button"
              className="primary"
              onClick={() => {
                setPending(undefined);
                setReport(undefined);
              }}
            >
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
          <p>Nothing was stored and your progress is unchanged. These are mistakes in the pack’s own files, which only its author can fix: send them this list.</p>
          <ProblemList problems={errors} />
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
