/**
 * The candidate's sync connection: which CouchDB database, as whom, and whether sync is on. Kept in
 * this browser's localStorage only: never in the database (so never in a backup), never synced,
 * never logged, and never put in a message. Light: loading it loads no PouchDB.
 */
import { fingerprint } from '../domain/content/hash';

export interface SyncConnection {
  /** The database's address, e.g. `https://couch.example.org/rapport-jane`, without credentials. */
  url: string;
  /** Empty for a server on this device that needs no login. */
  username: string;
  password: string;
}

export interface StoredConnection extends SyncConnection {
  enabled: boolean;
}

const STORAGE_KEY = 'rapport-sync';
const DEVICE_KEY = 'rapport-device';

/** Addresses a password may travel to over plain http: this device only. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Checks a database address as typed; says in plain words what is wrong with it. */
export function checkDatabaseUrl(typed: string): { url: string } | { error: string } {
  const text = typed.trim();
  if (text === '') return { error: 'Enter the address of your CouchDB database, for example https://couch.example.org/rapport-jane.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: 'This is not a web address: it should look like https://couch.example.org/rapport-jane.' };
  }
  if (url.username || url.password) return { error: 'Put the user name and password in their own fields, not in the address: an address can end up where a password must not.' };
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    return { error: 'Use an https:// address. Over plain http your password and answers could be read on the way; http is allowed only for a server on this device (localhost).' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: 'The address must start with https://.' };
  if (url.search || url.hash) return { error: 'The address should end with the database’s name, with no ? or # part.' };
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '') return { error: 'The address needs the database’s name at the end, for example https://couch.example.org/rapport-jane.' };
  return { url: `${url.origin}${path}` };
}

/** The stored connection, if any; undefined when there is none or it cannot be read. */
export function loadConnection(): StoredConnection | undefined {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<StoredConnection> | null;
    if (!stored || typeof stored.url !== 'string') return undefined;
    return { url: stored.url, username: String(stored.username ?? ''), password: String(stored.password ?? ''), enabled: stored.enabled === true };
  } catch {
    return undefined;
  }
}

export function saveConnection(connection: StoredConnection): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(connection));
}

/** Forgets the connection, password included. */
export function forgetConnection(): void {
  localStorage.removeItem(STORAGE_KEY);
}

/** Whether sync is turned on in this browser: read on every start, so kept cheap. */
export function syncEnabled(): boolean {
  try {
    return loadConnection()?.enabled === true;
  } catch {
    return false;
  }
}

/** This browser's id among the candidate's devices, made on first use. */
export function deviceId(): string {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id || !/^[0-9a-f]{24}$/.test(id)) {
    id = Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('');
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}

/** The name of this browser's copy of a remote database: one copy per address and user. */
export function mirrorName(connection: Pick<SyncConnection, 'url' | 'username'>): string {
  return `rapport-sync-${fingerprint(`${connection.url}\n${connection.username}`)}`;
}

/** Where the database lives, as a message may name it: the address without its path, never credentials. */
export function serverOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}
