/**
 * Sync's problems in plain words, each with what to do about it, and the check that tells them
 * apart before any replication starts. Messages name the server's host, never a user name's
 * password: they are shown on screen and may be read out or copied into a message for help.
 */
import { serverOf, type SyncConnection } from './connection';
import type { SyncProblem, SyncProblemKind } from './status';

export function problemOf(kind: SyncProblemKind, url: string, detail = ''): SyncProblem {
  const server = serverOf(url);
  const messages: Record<SyncProblemKind, string> = {
    'wrong-password': 'The server did not accept this user name and password. Check both (they are case-sensitive) and press Sync now again.',
    forbidden: 'This user may not use this database. Whoever runs the server should make the user a member of the database (docs/sync.md, “Create a user and a database”).',
    'missing-database': 'There is no database at this address. Check the database’s name at the end of the address, or ask whoever runs the server to create it.',
    cors: `The server at ${server} answered but does not let this app in: CORS is not enabled there for ${globalThis.location?.origin ?? 'this app’s address'}. Whoever runs the server should enable CORS for this address, with credentials allowed (docs/sync.md, “Enable CORS”).`,
    unreachable: `The server at ${server} cannot be reached. Check the address and this device’s connection. Your answers stay here, and sync carries on when the server is back.`,
    offline: 'This device is offline. Your answers stay here, and sync carries on when you are back online.',
    interrupted: 'Sync stopped part way: the connection to the server was lost. Nothing was lost or doubled; the next sync carries on where this one stopped.',
    'not-couchdb': `The address answered, but not as a CouchDB database. Check the address: it should name a database, like https://${server}/rapport-jane.`,
    storage: 'This device could not store what the server sent, perhaps because it is short of space. Nothing here was lost; free some space and sync again.',
    'left-out': `Synced, but ${detail}: they may come from a newer version of Rapport on another device, or be damaged. Everything else was synced.`,
    other: `Sync failed${detail ? `: ${detail}` : ''}. Nothing here was lost; try Sync now again later.`,
  };
  return { kind, message: messages[kind] };
}

/** The Authorization header for a connection, or none for a server that needs no login. */
export function authHeaders(connection: Pick<SyncConnection, 'username' | 'password'>): Record<string, string> {
  if (!connection.username) return {};
  const bytes = new TextEncoder().encode(`${connection.username}:${connection.password}`);
  return { Authorization: `Basic ${btoa(String.fromCharCode(...bytes))}` };
}

/**
 * Asks the database for its description, as whoever the connection names: the answer tells a wrong
 * password, a missing database and a server that is not CouchDB apart. A request that fails outright
 * is either a server out of reach or one that refuses this origin (CORS): a second, opaque request
 * tells which, since it succeeds whenever the server answers at all.
 */
export async function checkServer(connection: SyncConnection): Promise<SyncProblem | undefined> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return problemOf('offline', connection.url);
  let response: Response;
  try {
    response = await fetch(`${connection.url}/`, { headers: { Accept: 'application/json', ...authHeaders(connection) }, credentials: 'omit', cache: 'no-store' });
  } catch {
    return (await answersAtAll(connection.url)) ? problemOf('cors', connection.url) : problemOf('unreachable', connection.url);
  }
  if (response.status === 401) return problemOf('wrong-password', connection.url);
  if (response.status === 403) return problemOf('forbidden', connection.url);
  if (response.status === 404) return problemOf('missing-database', connection.url);
  if (!response.ok) return problemOf('other', connection.url, `the server answered ${response.status} ${response.statusText}`.trim());
  const body = (await response.json().catch(() => undefined)) as { db_name?: unknown } | undefined;
  return typeof body?.db_name === 'string' ? undefined : problemOf('not-couchdb', connection.url);
}

async function answersAtAll(url: string): Promise<boolean> {
  try {
    await fetch(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}

/** A problem met part way through a sync: a lost connection, a full disk, or something else said plainly. */
export function problemDuring(error: unknown, connection: SyncConnection): SyncProblem {
  const { name, status, message } = (error ?? {}) as { name?: unknown; status?: unknown; message?: unknown };
  if (name === 'QuotaExceededError') return problemOf('storage', connection.url);
  if (status === 401) return problemOf('wrong-password', connection.url);
  if (status === 403) return problemOf('forbidden', connection.url);
  if (status === 404) return problemOf('missing-database', connection.url);
  if (name === 'TypeError' || status === 0 || status === undefined || /fetch|network/i.test(String(message))) return problemOf('interrupted', connection.url);
  return problemOf('other', connection.url, withoutSecrets(String(message ?? name ?? ''), connection));
}

/** Removes anything that could be a credential from text that will be shown. */
function withoutSecrets(text: string, connection: SyncConnection): string {
  let safe = text.slice(0, 200);
  if (connection.password) safe = safe.split(connection.password).join('•••');
  return safe.replace(/\/\/[^/@\s]*@/g, '//');
}
