/**
 * A CouchDB-compatible server on this machine, for the browser tests and the sync benchmark:
 * `pouchdb-server --in-memory` on 127.0.0.1 and a free port, with an admin, stopped on request.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface CouchServer {
  /** The server's address, e.g. http://127.0.0.1:43121, without credentials. */
  url: string;
  admin: { name: string; password: string };
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

/** Starts the server; resolves once it answers and has an admin (no more "admin party"). */
export async function startCouchServer(): Promise<CouchServer & { stop: () => void }> {
  const port = await freePort();
  const folder = mkdtempSync(join(tmpdir(), 'rapport-couch-'));
  const bin = resolve('node_modules/pouchdb-server/bin/pouchdb-server');
  // Its config and log files go to a folder of its own, not the working tree.
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
  const admin = { name: 'admin', password: `pw-${Math.random().toString(36).slice(2)}` };
  const created = await fetch(`${url}/_config/admins/${admin.name}`, { method: 'PUT', body: JSON.stringify(admin.password) });
  if (!created.ok) {
    stop();
    throw new Error(`could not create the server's admin: ${created.status}`);
  }
  return { url, admin, stop };
}
