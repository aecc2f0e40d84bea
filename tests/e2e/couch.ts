import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { freePort } from '../../scripts/couch-server';

/** A request to the test server as its admin. */
export async function asAdmin(path: string, init: RequestInit = {}): Promise<Response> {
  const { url, admin } = inject('couch');
  const headers = { 'Content-Type': 'application/json', Authorization: `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`, ...(init.headers ?? {}) };
  return fetch(`${url}${path}`, { ...init, headers });
}

async function ok(response: Promise<Response>, what: string): Promise<void> {
  const answer = await response;
  if (!answer.ok) throw new Error(`${what}: ${answer.status} ${await answer.text()}`);
}

/** A database for one candidate and a user who alone may use it, as docs/sync.md tells an institution to make them. */
export async function createCandidate(database: string, name: string, password: string): Promise<void> {
  await ok(asAdmin(`/${database}`, { method: 'PUT' }), `creating ${database}`);
  const user = await asAdmin(`/_users/org.couchdb.user:${name}`, { method: 'PUT', body: JSON.stringify({ name, password, roles: [], type: 'user' }) });
  if (!user.ok && user.status !== 409) throw new Error(`creating ${name}: ${user.status}`);
  await ok(asAdmin(`/${database}/_security`, { method: 'PUT', body: JSON.stringify({ admins: { names: [], roles: [] }, members: { names: [name], roles: [] } }) }), 'securing the database');
}

/** The ids of the live documents of a database whose ids start with `prefix`. */
export async function liveDocIds(database: string, prefix: string): Promise<string[]> {
  const response = await asAdmin(`/${database}/_all_docs?startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(`${prefix}\ufff0`))}`);
  const { rows } = (await response.json()) as { rows: { id: string }[] };
  return rows.map((row) => row.id);
}

/** Turns the server's CORS support on or off, as a server that was never set up for browsers would have it. */
export async function setCors(enabled: boolean): Promise<void> {
  await ok(asAdmin('/_config/httpd/enable_cors', { method: 'PUT', body: JSON.stringify(String(enabled)) }), 'setting CORS');
}

/**
 * A plain TCP relay in front of the test server, on 127.0.0.1, that a test can take down and bring
 * back: while down, connections are refused, as from a server that was stopped. Counts the bytes
 * that pass, both ways.
 */
export class Relay {
  port = 0;
  /** The server relayed to; the browser tests' server unless given. */
  constructor(private readonly target?: string) {}

  bytesToServer = 0;
  bytesFromServer = 0;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.server) return;
    this.port ||= await freePort();
    const target = new URL(this.target ?? inject('couch').url);
    const server = createServer((client) => {
      const upstream = createConnection({ host: target.hostname, port: Number(target.port) });
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.on('data', (chunk: Buffer) => (this.bytesToServer += chunk.length));
      upstream.on('data', (chunk: Buffer) => (this.bytesFromServer += chunk.length));
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((done) => server.listen(this.port, '127.0.0.1', done));
    this.server = server;
  }

  /** Stops listening and cuts every open connection. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((done) => server.close(() => done()));
  }
}

/** Goes to a screen through the main navigation, as a candidate would: no reload, so no sync on start. */
export async function go(page: Page, screen: 'Home' | 'Statistics' | 'Packs' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen, exact: true }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** Connects the page's app to a database in Settings → Sync and waits for the first sync to end. */
export async function connectSync(page: Page, base: string, url: string, name: string, password: string): Promise<void> {
  await page.goto(`${base}/settings`);
  await page.getByLabel('Database address').fill(url);
  await page.getByLabel('User name').fill(name);
  await page.getByLabel('Password').fill(password);
  await afterSync(page, () => page.getByRole('button', { name: 'Turn on sync' }).click());
}

/** Presses Sync now in Settings and waits for that sync to end; returns what the status says. */
export async function syncNow(page: Page): Promise<string> {
  return afterSync(page, () => page.getByRole('button', { name: 'Sync now' }).click());
}

/** Does `action` and waits until a sync started after it has ended; returns the status line. */
export async function afterSync(page: Page, action: () => Promise<void>): Promise<string> {
  const before = await page.evaluate(() => new Date().toISOString());
  await action();
  const status = page.getByRole('region', { name: 'Sync' }).locator('[data-ended-at]');
  await page.waitForFunction(
    (since) => {
      const status = document.querySelector('[data-ended-at]');
      const ended = status?.getAttribute('data-ended-at');
      return ended !== null && ended !== undefined && ended >= since && status?.getAttribute('aria-busy') !== 'true';
    },
    before,
    { timeout: 90_000 },
  );
  return (await status.textContent()) ?? '';
}
