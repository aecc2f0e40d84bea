import { useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { syncNow } from '../../sync/automatic';
import { checkDatabaseUrl, forgetConnection, loadConnection, mirrorName, saveConnection, type StoredConnection } from '../../sync/connection';
import { clearSyncStatus, subscribeToSyncStatus, syncStatus, type SyncStatus } from '../../sync/status';
import { formatCount, plural } from '../../domain/format';

/** Settings → Sync: connect to a CouchDB database, sync now, and see how sync stands, in plain words. */
export function SyncSection() {
  const [connection, setConnection] = useState<StoredConnection | undefined>(() => loadConnection());
  const status = useSyncExternalStore(subscribeToSyncStatus, syncStatus);

  const turnOn = (next: StoredConnection) => {
    saveConnection(next);
    setConnection(next);
    void syncNow();
  };
  const turnOff = () => {
    if (!connection) return;
    const off = { ...connection, enabled: false };
    saveConnection(off);
    setConnection(off);
  };
  const forget = () => {
    // The sync copy of the database goes too (PouchDB names its IndexedDB database "_pouch_" and the name).
    if (connection) indexedDB.deleteDatabase(`_pouch_${mirrorName(connection)}`);
    forgetConnection();
    clearSyncStatus();
    setConnection(undefined);
  };

  return (
    <section aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      <p className="help">
        Study on more than one device: each device keeps all your progress and sends it to a CouchDB database you or your school run. Nothing
        waits for the network; answers given offline are sent later. The address, user name and password stay on this device only: they are
        never in a backup or sent anywhere but to that database.
      </p>
      {connection?.enabled ? (
        <SyncControls connection={connection} status={status} onTurnOff={turnOff} onForget={forget} />
      ) : (
        <ConnectForm initial={connection} onConnect={turnOn} />
      )}
    </section>
  );
}

function ConnectForm({ initial, onConnect }: { initial: StoredConnection | undefined; onConnect: (connection: StoredConnection) => void }) {
  const [url, setUrl] = useState(initial?.url ?? '');
  const [username, setUsername] = useState(initial?.username ?? '');
  const [password, setPassword] = useState(initial?.password ?? '');
  const [error, setError] = useState<string>();
  const urlHelp = useId();
  const urlError = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkDatabaseUrl(url);
    if ('error' in checked) return setError(checked.error);
    setError(undefined);
    onConnect({ url: checked.url, username: username.trim(), password, enabled: true });
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="sync-url">Database address</label>
        <input
          id="sync-url"
          type="url"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          value={url}
          placeholder="https://couch.example.org/rapport-jane"
          aria-describedby={`${urlHelp}${error ? ` ${urlError}` : ''}`}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setUrl(event.target.value)}
        />
        <p id={urlHelp} className="help">
          The full address of your own database, ending with its name. https is required, except for a server on this device (http://localhost).
        </p>
        {error && (
          <p id={urlError} role="alert" className="hint">
            {error}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="sync-user">User name</label>
        <input id="sync-user" type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} value={username} onChange={(event) => setUsername(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="sync-password">Password</label>
        <input id="sync-password" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
        <p className="help">Leave both empty for a server that needs no login.</p>
      </div>
      <div className="actions">
        <button type="submit">Turn on sync</button>
      </div>
    </form>
  );
}

function SyncControls({ connection, status, onTurnOff, onForget }: { connection: StoredConnection; status: SyncStatus; onTurnOff: () => void; onForget: () => void }) {
  return (
    <>
      <p>
        Syncing with <strong>{connection.url}</strong>
        {connection.username ? ` as ${connection.username}` : ''}: when the app opens, when this device comes back online, and after each study
        session and exam.
      </p>
      <p role="status" aria-live="polite" aria-busy={status.running} data-ended-at={status.endedAt}>
        {describeStatus(status)}
      </p>
      {status.changes && !status.running && <p>{status.changes}</p>}
      {status.problem && !status.running && (
        <p role="alert" className="hint">
          {status.problem.message}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void syncNow()} disabled={status.running}>
          Sync now
        </button>
        <button type="button" onClick={onTurnOff}>
          Turn off sync
        </button>
        <button type="button" onClick={onForget}>
          Forget this server
        </button>
      </div>
    </>
  );
}

function describeStatus(status: SyncStatus): string {
  if (status.running) return 'Syncing…';
  if (!status.lastSyncedAt) return 'Not synced yet.';
  const when = new Date(status.lastSyncedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return `Last synced ${when}: ${plural(status.sent, 'answer')} sent, ${formatCount(status.received)} received.`;
}
