import type { TestProject } from 'vitest/node';
import { startCouchServer, type CouchServer } from '../../scripts/couch-server';

declare module 'vitest' {
  export interface ProvidedContext {
    couch: CouchServer;
  }
}

/**
 * Starts a CouchDB-compatible server for the browser tests (pouchdb-server in memory, on
 * 127.0.0.1 and a free port) and stops it afterwards; or uses the Apache CouchDB named by
 * RAPPORT_TEST_COUCHDB (`http://admin:password@127.0.0.1:5984`) where one is installed.
 */
export default async function startCouch(project: TestProject): Promise<() => void> {
  const installed = process.env.RAPPORT_TEST_COUCHDB;
  if (installed) {
    const url = new URL(installed);
    project.provide('couch', { url: url.origin, admin: { name: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } });
    return () => {};
  }
  const { stop, ...server } = await startCouchServer();
  project.provide('couch', server);
  return stop;
}
