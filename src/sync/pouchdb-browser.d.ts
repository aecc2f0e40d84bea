// The part of PouchDB's API that sync uses; the package ships no types of its own.
declare module 'pouchdb-browser' {
  interface Document {
    _id: string;
    _rev?: string;
    _deleted?: boolean;
    [field: string]: unknown;
  }
  interface BulkResult {
    ok?: boolean;
    id?: string;
    rev?: string;
    error?: string | boolean;
    status?: number;
  }
  interface ChangesResult {
    results: { id: string; seq: number | string; deleted?: boolean; doc?: Document }[];
    last_seq: number | string;
  }
  interface AllDocsRow {
    id: string;
    key: string;
    value?: { rev: string; deleted?: boolean };
    error?: string;
  }
  interface ReplicationInfo {
    docs_read: number;
    docs_written: number;
    docs?: Document[];
  }
  interface Replication extends Promise<ReplicationInfo> {
    on(event: 'change', listener: (info: ReplicationInfo) => void): Replication;
    cancel(): void;
  }
  interface Options {
    auto_compaction?: boolean;
    skip_setup?: boolean;
    auth?: { username: string; password: string };
    fetch?: (url: string | URL | Request, init?: RequestInit) => Promise<Response>;
  }
  class PouchDB {
    constructor(name: string, options?: Options);
    get(id: string): Promise<Document>;
    put(doc: Document): Promise<BulkResult>;
    bulkDocs(docs: Document[]): Promise<BulkResult[]>;
    allDocs(options: { keys?: string[]; include_docs?: boolean; startkey?: string; endkey?: string; limit?: number }): Promise<{ rows: AllDocsRow[]; total_rows: number }>;
    changes(options: { since: number | string; include_docs?: boolean; limit?: number }): Promise<ChangesResult>;
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
    replicate: {
      to(target: PouchDB | string, options?: { batch_size?: number; batches_limit?: number; retry?: boolean }): Replication;
      from(source: PouchDB | string, options?: { batch_size?: number; batches_limit?: number; retry?: boolean }): Replication;
    };
    close(): Promise<void>;
    destroy(): Promise<void>;
  }
  export default PouchDB;
  export type { Document, BulkResult, ChangesResult, Replication, ReplicationInfo };
}
