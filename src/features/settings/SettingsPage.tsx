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
import { localDay } from '../../domain/dates';
import type { Settings, Theme } from '../../domain/progress';
import { RETENTION_RANGE } from '../../domain/settings';
import { applyTheme } from '../../components/theme';

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
      <BackupSection />
      <MergeSection onMerged={() => setMerges((count) => count + 1)} />
      <SyncSection />
      <ResetSection />
      <StorageSection />
    </>
  );
}

function SettingsForm({ initial }: { initial: Settings }) {
  const [settings, setSettings] = useState(initial);
  const [saved, setSaved] = useState('');
  const retentionHelp = useId();

  const update = async (changes: Partial<Settings>) => {
    setSettings((current) => ({ ...current, ...changes }));
    const next = await saveSettings(database(), changes);
    if (changes.theme) applyTheme(next.theme);
    setSaved('Saved.');
  };
  const wholeNumber = (field: 'newPerDay' | 'maxReviewsPerDay') => (event: ChangeEvent<HTMLInputElement>) => {
    const value = Math.max(0, Math.min(9999, Math.round(Number(event.target.value))));
    if (Number.isFinite(value)) void update({ [field]: value });
  };

  return (
    <>
      <p role="status" className="saved">
        {saved}
      </p>
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

/** Saves all progress as a file; returns how many answers it holds. */
async function downloadBackup(): Promise<number> {
  const backup = await exportBackup(database(), new Date());
  const url = URL.createObjectURL(new Blob([JSON.stringify(backup)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `rapport-backup-${localDay(new Date())}.json`;
  link.click();
  URL.revokeObjectURL(url);
  return backup.reviewLog.length;
}

function BackupSection() {
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string }>();
  const download = async () => {
    const answers = await downloadBackup();
    setMessage({ kind: 'status', text: `Backup downloaded: ${answers} answers.` });
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
      setMessage({ kind: 'alert', text: error instanceof Error ? error.message : String(error) });
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
      {message && (
        <p role={message.kind} className={message.kind === 'alert' ? 'hint' : undefined}>
          {message.text}
        </p>
      )}
    </section>
  );
}

function MergeSection({ onMerged }: { onMerged: () => void }) {
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string }>();
  const bringIn = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const { summary, skipped } = await mergeBackup(database(), await file.text(), new Date());
      const left = skipped.length === 0 ? '' : ` ${skipped.length === 1 ? 'One record was' : `${skipped.length} records were`} damaged and left out: ${skipped.slice(0, 3).join('; ')}${skipped.length > 3 ? '; …' : ''}.`;
      setMessage({ kind: 'status', text: `${describeMerge(summary)}${left}` });
      if (summary.settingsTaken.length > 0) onMerged();
    } catch (error) {
      setMessage({ kind: 'alert', text: error instanceof Error ? error.message : String(error) });
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
      {message && (
        <p role={message.kind} className={message.kind === 'alert' ? 'hint' : undefined}>
          {message.text}
        </p>
      )}
    </section>
  );
}

function ResetSection() {
  const [open, setOpen] = useState(false);
  const [backedUp, setBackedUp] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [done, setDone] = useState(false);
  const reset = async () => {
    await resetProgress(database());
    setOpen(false);
    setDone(true);
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
            <button type="button" onClick={() => void downloadBackup().then(() => setBackedUp(true))}>
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
    </section>
  );
}

function StorageSection() {
  const [usage, setUsage] = useState<string>();
  useEffect(() => {
    void (async () => {
      if (!navigator.storage?.estimate) return setUsage('This browser does not report storage use.');
      const [{ usage: used = 0, quota = 0 }, persisted] = await Promise.all([navigator.storage.estimate(), navigator.storage.persisted?.() ?? false]);
      const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
      setUsage(
        `${megabytes(used)} used of ${megabytes(quota)} available. ${persisted ? 'The browser will keep this data.' : 'The browser may clear this data if the device runs short of space.'}`,
      );
    })();
  }, []);
  return (
    <section aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage</h2>
      <p>{usage ?? 'Measuring…'}</p>
    </section>
  );
}
