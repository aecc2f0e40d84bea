import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkDatabaseUrl } from '../../../src/sync/connection';
import { answerDoc, deletionDoc, examDoc, newestPackEvents, packDoc, readDocs, settingsDoc } from '../../../src/sync/documents';
import { checkServer, problemDuring } from '../../../src/sync/problems';
import { attemptOf, logOf } from '../../fixtures/progress';

const connection = { url: 'https://couch.example.org/rapport-jane', username: 'jane', password: 's3cret-pass' };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the database address', () => {
  it('takes an https address, or plain http on this device only, and ends it with the database name', () => {
    expect(checkDatabaseUrl(' https://couch.example.org/rapport-jane/ ')).toEqual({ url: 'https://couch.example.org/rapport-jane' });
    expect(checkDatabaseUrl('http://localhost:5984/rapport')).toEqual({ url: 'http://localhost:5984/rapport' });
    expect(checkDatabaseUrl('http://127.0.0.1:5984/rapport')).toEqual({ url: 'http://127.0.0.1:5984/rapport' });
  });

  it('says what is wrong with anything else', () => {
    expect(checkDatabaseUrl('')).toMatchObject({ error: expect.stringContaining('Enter the address') });
    expect(checkDatabaseUrl('couch.example.org')).toMatchObject({ error: expect.stringContaining('not a web address') });
    expect(checkDatabaseUrl('http://couch.example.org/rapport')).toMatchObject({ error: expect.stringContaining('Use an https:// address') });
    expect(checkDatabaseUrl('https://jane:pw@couch.example.org/rapport')).toMatchObject({ error: expect.stringContaining('in their own fields') });
    expect(checkDatabaseUrl('https://couch.example.org/')).toMatchObject({ error: expect.stringContaining('database’s name') });
    expect(checkDatabaseUrl('ftp://couch.example.org/rapport')).toMatchObject({ error: expect.stringContaining('https://') });
  });
});

describe('documents from the server', () => {
  const [first, second] = logOf([
    { question: 0, hour: 1, grade: 3, desiredRetention: 0.9, heldBy: 1, deletedBy: 0 },
    { question: 1, hour: 2, grade: 1, desiredRetention: 0.9, heldBy: 1, deletedBy: 0 },
  ]);

  it('reads back what this device wrote, dates and all', () => {
    const { heldBy: _h, deletedBy: _d, ...entry } = first!;
    const sent = JSON.parse(JSON.stringify([answerDoc(entry), deletionDoc('d1', [second!.uid]), examDoc(attemptOf(1)), settingsDoc('device', { desiredRetention: 0.9, newPerDay: 10, maxReviewsPerDay: 100, theme: 'dark', examDate: undefined, changedAt: { newPerDay: 5 } })]));
    const incoming = readDocs(sent);
    expect(incoming.skipped).toBe(0);
    expect(incoming.progress.log).toEqual([entry]);
    expect(incoming.progress.deleted).toEqual([second!.uid]);
    expect(incoming.progress.examAttempts.map((attempt) => attempt.uid)).toEqual(['exam-1']);
    expect(incoming.settings).toEqual([{ desiredRetention: 0.9, newPerDay: 10, maxReviewsPerDay: 100, theme: 'dark', changedAt: { newPerDay: 5 } }]);
  });

  it('leaves out and counts documents that fail their checks, and ignores removed ones', () => {
    const { heldBy: _h, deletedBy: _d, ...entry } = first!;
    const good = JSON.parse(JSON.stringify(answerDoc(entry)));
    const incoming = readDocs([
      { ...good, entry: { ...good.entry, questionId: 'q'.repeat(200) } },
      { ...good, _id: 'log:someone-else' },
      { _id: 'deleted:x', type: 'deleted', uids: ['not a uid!'] },
      { _id: 'settings:x', type: 'settings', settings: { theme: 'neon' } },
      { _id: 'pack:x', type: 'pack', packId: 'p', at: 1, event: 'import' },
      { _id: 'log:gone', _deleted: true },
      { _id: 'other', type: 'something-newer' },
    ]);
    expect(incoming.skipped).toBe(5);
    expect(incoming.progress.log).toEqual([]);
  });

  it('keeps the newest event of each pack, a removal winning a tie', () => {
    const events = readDocs([
      packDoc('a', { packId: 'p', at: 1, event: 'import', packFile: '{}' }),
      packDoc('b', { packId: 'p', at: 5, event: 'import', packFile: '{}' }),
      packDoc('c', { packId: 'p', at: 5, event: 'remove' }),
      packDoc('d', { packId: 'q', at: 2, event: 'import', packFile: '{}' }),
    ]).packEvents;
    expect([...newestPackEvents(events).values()].map((event) => [event.packId, event.at, event.event])).toEqual([
      ['p', 5, 'remove'],
      ['q', 2, 'import'],
    ]);
  });
});

describe('problems in plain words', () => {
  const answers = (status: number, body: unknown = {}) => vi.fn().mockResolvedValue(new Response(JSON.stringify(body), { status }));

  it('tells a wrong password, a missing database and a server that is not CouchDB apart', async () => {
    vi.stubGlobal('fetch', answers(401));
    expect(await checkServer(connection)).toMatchObject({ kind: 'wrong-password' });
    vi.stubGlobal('fetch', answers(403));
    expect(await checkServer(connection)).toMatchObject({ kind: 'forbidden' });
    vi.stubGlobal('fetch', answers(404));
    expect(await checkServer(connection)).toMatchObject({ kind: 'missing-database' });
    vi.stubGlobal('fetch', answers(200, { hello: 'world' }));
    expect(await checkServer(connection)).toMatchObject({ kind: 'not-couchdb' });
    vi.stubGlobal('fetch', answers(200, { db_name: 'rapport-jane' }));
    expect(await checkServer(connection)).toBeUndefined();
  });

  it('tells a server that refuses this app (CORS) from one that cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce(new Response(null, { status: 200 })));
    expect(await checkServer(connection)).toMatchObject({ kind: 'cors', message: expect.stringContaining('CORS is not enabled') });
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    expect(await checkServer(connection)).toMatchObject({ kind: 'unreachable', message: expect.stringContaining('couch.example.org cannot be reached') });
  });

  it('sends the password only in the Authorization header, and never shows it', async () => {
    const fetch = answers(200, { db_name: 'rapport-jane' });
    vi.stubGlobal('fetch', fetch);
    await checkServer(connection);
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).not.toContain(connection.password);
    expect((init.headers as Record<string, string>).Authorization).toBe(`Basic ${btoa('jane:s3cret-pass')}`);
    const problem = problemDuring(Object.assign(new Error(`request to https://jane:s3cret-pass@couch.example.org failed: s3cret-pass`), { status: 500 }), connection);
    expect(problem).toMatchObject({ kind: 'other', message: expect.stringContaining('request to https://couch.example.org failed') });
    expect(problem.message).not.toContain('s3cret-pass');
    expect(problemDuring(new TypeError('Failed to fetch'), connection)).toMatchObject({ kind: 'interrupted' });
  });
});
