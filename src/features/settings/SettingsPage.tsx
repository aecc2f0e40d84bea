import { useEffect, useId, useState, useSyncExternalStore, type ChangeEvent } from 'react';
import { usePageTitle } from '../../components/PageTitle';
import { useLoaded } from '../../components/useLoaded';
import { exportBackup, restoreBackup } from '../../db/backup';
import { mergeBackup } from '../../db/merge';
import { describeMerge } from '../../domain/merge';
import { subscribeToSyncStatus, syncStatus } from '../../sync/status';
import { SyncSection } from './SyncSection';
import { database } from '../../db/database';
import { loadSettings, resetProgress, saveSettings } from '../../db/progress';
import { checkAndRepairProgress } from '../../db/repair';
import type { DerivedTable } from '../../db/derived';
import { describeStorageError } from '../../db/errors';
import { localDay } from '../../domain/dates';
import type { Settings, Theme } from '../../domain/progress';
import { RETENTION_RANGE } from '../../domain/settings';
import { applyTheme } from '../../components/theme';
import { eliminatorInStudy, setEliminatorInStudy } from '../../components/eliminatorPreference';
import { downloadFile } from '../../components/download';
import { BackupError } from '../../domain/backup';

export function SettingsPage() {
  usePageTitle('Settings');
  // A sync or a merge may take newer settings from another device: read them again after each.
  const synced = useSyncExternalStore(subscribeToSyncStatus, () => syncStatus().settingsTakenAt);
  const [merges, setMerges] = useState(0);
  const key = `settings-${synced ?? ''}-${merges}`;
  const loaded = useLoaded(key, () => loadSettings(database()));
  return (
    <>
      <h1>Settings</h1>
      {loaded.status === 'loading' && <p role="status">Loading settings…</p>}
      {loaded.status === 'failed' && <p role="alert">Settings could not be read: {loaded.error.message}</p>}
      {loaded.status === 'ready' && <SettingsForm key={key} initial={loaded.value} />}
      <EliminatorSection />
      <BackupSection />
      <MergeSection onMerged={() => setMerges((count) => count + 1)} />
      <SyncSection />
      <RepairSection />
      <ResetSection />
      <StorageSection />
    </>
  );
}

function SettingsForm({ initial }: { initial: Settings }) {
  const [settings, setSettings] = useState(initial);
  const [saved, setSaved] = useState<Message>({ kind: 'status', text: '' });
  const retentionHelp = useId();

  const update = async (changes: Partial<Settings>) => {
    const before = settings;
    setSettings((current) => ({ ...current, ...changes }));
    try {
      const next = await saveSettings(database(), changes);
      if (changes.theme) applyTheme(next.theme);
      setSaved({ kind: 'status', text: 'Saved.' });
    } catch (error) {
      // The form shows what is stored, not a change that was lost.
      setSettings(before);
      setSaved({ kind: 'alert', text: `Your change was not saved. ${describeStorageError(error)}` });
    }
  };
  const wholeNumber = (field: 'newPerDay' | 'maxReviewsPerDay') => (event: ChangeEvent<HTMLInputElement>) => {
    const value = Math.max(0, Math.min(9999, Math.round(Number(event.target.value))));
    if (Number.isFinite(value)) void update({ [field]: value });
  };

  return (
    <>
      {saved.kind === 'status' ? (
        <p role="status" className="saved">
          {saved.text}
        </p>
      ) : (
        <Notice message={saved} />
      )}
      <section aria-labelledby="schedule-heading">
        <h2 id="schedule-heading">Schedule</h2>
        <div className="field">
          <label htmlFor="retention">Desired retention: {Math.round(settings.desiredRetention * 100)}%</label>
          <input
            id="retention"
            type="range"
            min={RETENTION_RANGE.min}
            max={RETENTION_RANGE.max}
            step={0.01}
            value={settings.desiredRetention}
            aria-describedby={retentionHelp}
            aria-valuetext={`${Math.round(settings.desiredRetention * 100)} percent`}
            onChange={(event) => void update({ desiredRetention: Number(event.target.value) })}
          />
          <p id={retentionHelp} className="help">
            How many of your reviews you want to get right. A higher figure brings questions back sooner, so you remember more but review
            more each day; a lower one means fewer reviews and more forgetting. 90% suits most candidates; raise it in the last weeks
            before the exam.
          </p>
        </div>
        <div className="field">
          <label htmlFor="new-per-day">New questions per day</label>
          <input id="new-per-day" type="number" inputMode="numeric" min={0} max={9999} value={settings.newPerDay} onChange={wholeNumber('newPerDay')} />
        </div>
        <div className="field">
          <label htmlFor="reviews-per-day">Maximum reviews per day</label>
          <input id="reviews-per-day" type="number" inputMode="numeric" min={0} max={9999} value={settings.maxReviewsPerDay} onChange={wholeNumber('maxReviewsPerDay')} />
        </div>
        <div className="field">
          <label htmlFor="exam-date">Exam date (optional)</label>
          <input id="exam-date" type="date" min={localDay(new Date())} value={settings.examDate ?? ''} onChange={(event) => void update({ examDate: event.target.value || undefined })} />
          <p className="help">With a date set, no review is scheduled after it.</p>
        </div>
      </section>
      <section aria-labelledby="appearance-heading">
        <h2 id="appearance-heading">Appearance</h2>
        <div className="field">
          <label htmlFor="theme">Theme</label>
          <select id="theme" value={settings.theme} onChange={(event) => void update({ theme: event.target.value as Theme })}>
            <option value="system">Same as this device</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </div>
      </section>
    </>
  );
}

/** The one tool of the exam a candidate may also want while studying. */
function EliminatorSection() {
  const [on, setOn] = useState(eliminatorInStudy);
  const [message, setMessage] = useState('');
  const helpId = useId();
  const change = (next: boolean) => {
    setOn(next);
    setMessage(setEliminatorInStudy(next) ? 'Saved.' : 'This browser refused to store the choice, so study sessions stay as they were.');
  };
  return (
    <section aria-labelledby="study-tools-heading">
      <h2 id="study-tools-heading">Study tools</h2>
      <label className="checkbox">
        <input type="checkbox" checked={on} aria-describedby={helpId} onChange={(event) => change(event.target.checked)} />
        Answer eliminator in study sessions
      </label>
      <p id={helpId} className="help">
        Strike out options you have ruled out, with the Eliminate button beside each or with Shift and the option’s number or letter, as
        in the exam.
      </p>
      <p role="status" className="saved">
        {message}
      </p>
    </section>
  );
}

/** Saves all progress as a file; returns how many answers it holds. */
async function downloadBackup(): Promise<number> {
  const backup = await exportBackup(database(), new Date());
  downloadFile(`rapport-backup-${localDay(new Date())}.json`, JSON.stringify(backup));
  return backup.reviewLog.length;
}

function backupFailure(error: unknown): Message {
  return { kind: 'alert', text: `The backup could not be made: ${error instanceof Error ? error.message : String(error)}` };
}

interface Message {
  kind: 'status' | 'alert';
  text: string;
}

/** The outcome of an action: a status when it worked, an alert when it did not. */
function Notice({ message }: { message: Message | undefined }) {
  if (!message) return null;
  return (
    <p role={message.kind} className={message.kind === 'alert' ? 'hint' : undefined}>
      {message.text}
    </p>
  );
}

function BackupSection() {
  const [message, setMessage] = useState<Message>();
  const download = async () => {
    try {
      const answers = await downloadBackup();
      setMessage({ kind: 'status', text: `Backup downloaded: ${answers} answers.` });
    } catch (error) {
      setMessage(backupFailure(error));
    }
  };
  const restore = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const { reviews, skipped } = await restoreBackup(database(), await file.text());
      const left = skipped.length === 0 ? '' : ` ${skipped.length === 1 ? 'One record was' : `${skipped.length} records were`} damaged and left out: ${skipped.slice(0, 3).join('; ')}${skipped.length > 3 ? '; …' : ''}.`;
      setMessage({ kind: 'status', text: `Backup restored: ${reviews} answers.${left}` });
    } catch (error) {
      setMessage({ kind: 'alert', text: error instanceof BackupError ? error.message : `The backup was not restored, and your progress is as it was. ${describeStorageError(error)}` });
    }
  };
  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup</h2>
      <p className="help">
        Your progress lives in this browser (and, with sync on, in your own database). Download a backup now and then. Restoring one replaces
        the progress here; to add another device’s progress to this one instead, bring it in below.
      </p>
      <div className="actions">
        <button type="button" onClick={() => void download()}>
          Download a backup
        </button>
        <label className="button file-button">
          Restore a backup…
          <input type="file" accept="application/json,.json" className="visually-hidden" onChange={(event) => void restore(event)} />
        </label>
      </div>
      <Notice message={message} />
    </section>
  );
}

/** What each derived table holds, in the candidate's words. */
const FIGURES: Record<DerivedTable, string> = {
  studyDays: 'your answers counted by day (streak, today’s limits, charts)',
  dayAnswers: 'your answers by day for the accuracy by principle',
  answeredQuestions: 'which questions you have answered',
  lastCorrect: 'whether each question’s last answer was right (mastery)',
  briefListings: 'the list of imported packs',
};

function RepairSection() {
  const [message, setMessage] = useState<Message>();
  const [checking, setChecking] = useState(false);
  const check = async () => {
    setChecking(true);
    setMessage({ kind: 'status', text: 'Checking your progress…' });
    try {
      const repaired = await checkAndRepairProgress(database());
      setMessage({
        kind: 'status',
        text:
          repaired.length === 0
            ? 'Checked: every figure agrees with your answers. Nothing needed repair.'
            : `Repaired: ${repaired.map((table) => FIGURES[table]).join('; ')}. These disagreed with your answers and were rebuilt from them.`,
      });
    } catch (error) {
      setMessage({ kind: 'alert', text: `The check could not finish, and nothing was changed. ${describeStorageError(error)}` });
    } finally {
      setChecking(false);
    }
  };
  return (
    <section aria-labelledby="repair-heading">
      <h2 id="repair-heading">Check and repair progress</h2>
      <p className="help">
        Your streak, today’s counts, the statistics and mastery are worked out from your answers and kept ready. If a figure looks wrong,
        this checks each one against your answers and rebuilds any that disagree. Your answers themselves are not changed.
      </p>
      <div className="actions">
        <button type="button" onClick={() => void check()} disabled={checking}>
          Check and repair progress
        </button>
      </div>
      <Notice message={message} />
    </section>
  );
}

function MergeSection({ onMerged }: { onMerged: () => void }) {
  const [message, setMessage] = useState<Message>();
  const bringIn = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const { summary, skipped } = await mergeBackup(database(), await file.text(), new Date());
      const left = skipped.length === 0 ? '' : ` ${skipped.length === 1 ? 'One record was' : `${skipped.length} records were`} damaged and left out: ${skipped.slice(0, 3).join('; ')}${skipped.length > 3 ? '; …' : ''}.`;
      setMessage({ kind: 'status', text: `${describeMerge(summary)}${left}` });
      if (summary.settingsTaken.length > 0) {
        onMerged();
        if (summary.settingsTaken.includes('theme')) applyTheme((await loadSettings(database())).theme);
      }
    } catch (error) {
      setMessage({ kind: 'alert', text: error instanceof BackupError ? error.message : `Nothing was brought in, and your progress is as it was. ${describeStorageError(error)}` });
    }
  };
  return (
    <section aria-labelledby="merge-heading">
      <h2 id="merge-heading">Bring in progress from another device</h2>
      <p className="help">
        Choose a backup downloaded on your other device. Its answers and exams are added to this device’s, and nothing here is replaced: an
        answer both devices hold counts once, and every question is rescheduled from all its answers in the order they were given. For each
        setting, the value changed last on either device is kept. Answers taken back or erased on either device stay gone.
      </p>
      <div className="actions">
        <label className="button file-button">
          Bring in progress from another device…
          <input type="file" accept="application/json,.json" className="visually-hidden" onChange={(event) => void bringIn(event)} />
        </label>
      </div>
      <Notice message={message} />
    </section>
  );
}

function ResetSection() {
  const [open, setOpen] = useState(false);
  const [backedUp, setBackedUp] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [done, setDone] = useState(false);
  const [message, setMessage] = useState<Message>();
  const reset = async () => {
    try {
      await resetProgress(database());
      setOpen(false);
      setDone(true);
      setMessage(undefined);
    } catch (error) {
      setMessage({ kind: 'alert', text: `Your progress was not erased. ${describeStorageError(error)}` });
    }
  };
  const backUp = async () => {
    try {
      await downloadBackup();
      setBackedUp(true);
    } catch (error) {
      setMessage(backupFailure(error));
    }
  };
  return (
    <section aria-labelledby="reset-heading">
      <h2 id="reset-heading">Start over</h2>
      {done && <p role="status">Your progress was erased. Every question is new again.</p>}
      {!open ? (
        <button type="button" onClick={() => setOpen(true)} aria-expanded={open}>
          Reset progress…
        </button>
      ) : (
        <fieldset className="confirm">
          <legend>Erase every answer and all scheduling?</legend>
          <p>This cannot be undone. Settings and imported packs stay. Keep a backup first, so you can change your mind.</p>
          <div className="actions">
            <button type="button" onClick={() => void backUp()}>
              Download a backup first
            </button>
            {backedUp && <span role="status">Backup downloaded.</span>}
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} />I understand my answers will be erased
          </label>
          <div className="actions">
            <button type="button" className="danger" disabled={!understood} onClick={() => void reset()}>
              Erase my progress
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </fieldset>
      )}
      <Notice message={message} />
    </section>
  );
}

function StorageSection() {
  const [usage, setUsage] = useState<string>();
  useEffect(() => {
    (async () => {
      if (!navigator.storage?.estimate) return setUsage('This browser does not report storage use.');
      const [{ usage: used = 0, quota = 0 }, persisted] = await Promise.all([navigator.storage.estimate(), navigator.storage.persisted?.() ?? false]);
      const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
      setUsage(
        `${megabytes(used)} used of ${megabytes(quota)} available. ${persisted ? 'The browser will keep this data.' : 'The browser may clear this data if the device runs short of space.'}`,
      );
    })().catch(() => setUsage('The browser did not say how much storage is used.'));
  }, []);
  return (
    <section aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage</h2>
      <p>{usage ?? 'Measuring…'}</p>
    </section>
  );
}
