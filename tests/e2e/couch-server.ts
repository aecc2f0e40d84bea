import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

export interface CouchServer {
  /** The server's address, e.g. http://127.0.0.1:43121, without credentials. */
  url: string;
  admin: { name: string; password: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    couch: CouchServer;
  }
}

/** A free port on 127.0.0.1, as the system hands one out. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/**
 * Starts a CouchDB-compatible server for the browser tests, on 127.0.0.1 and a free port, and
 * stops it afterwards: `pouchdb-server --in-memory`, or the Apache CouchDB named by
 * RAPPORT_TEST_COUCHDB (`http://admin:password@127.0.0.1:5984`) where one is installed.
 */
export default async function startCouch(project: TestProject): Promise<() => void> {
  const installed = process.env.RAPPORT_TEST_COUCHDB;
  if (installed) {
    const url = new URL(installed);
    project.provide('couch', { url: url.origin, admin: { name: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } });
    return () => {};
  }
  const port = await freePort();
  const folder = mkdtempSync(join(tmpdir(), 'rapport-couch-'));
  const bin = resolve('node_modules/pouchdb-server/bin/pouchdb-server');
  const server: ChildProcess = spawn(process.execPath, [bin, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '--config', join(folder, 'config.json'), '--no-stdout-logs'], {
    cwd: folder,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  server.stdout?.on('data', (chunk) => (output += String(chunk)));
  server.stderr?.on('data', (chunk) => (output += String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
    rmSync(folder, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`pouchdb-server exited:\n${output}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`pouchdb-server did not start on ${url}:\n${output}`);
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  // The end of "admin party": every request after this one needs a user.
  const admin = { name: 'admin', password: `pw-${Math.random().toString(36).slice(2)}` };
  const created = await fetch(`${url}/_config/admins/${admin.name}`, { method: 'PUT', body: JSON.stringify(admin.password) });
  if (!created.ok) {
    stop();
    throw new Error(`could not create the server's admin: ${created.status}`);
  }
  project.provide('couch', { url, admin });
  return stop;
}
