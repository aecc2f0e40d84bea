import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = 'dist';
const BUDGET_BYTES = 150 * 1024;

/** The scripts a first visit to the home page downloads: the entry and what index.html preloads with it. */
function firstLoadScripts(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  return [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map((match) => match[1] as string);
}

function gzipped(file: string): number {
  return gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
}

describe('first-visit budget (production build)', () => {
  it(`loads at most ${BUDGET_BYTES / 1024} KiB of gzipped JavaScript`, () => {
    const scripts = firstLoadScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const total = scripts.reduce((sum, file) => sum + gzipped(file), 0);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('leaves the parser, the database-heavy screens and the exam out of the first load', () => {
    const entry = firstLoadScripts()
      .map((file) => readFileSync(join(DIST, file), 'utf8'))
      .join('\n');
    // Text that only the lazily loaded code contains.
    // zod's own message marks the parser; the rest mark the pack studio and its drafts, the importer, the exam, the backup code,
    // the statistics, the readiness estimate and its panel, the exam's highlighter, and sync's replication (PouchDB).
    for (const marker of ['Unrecognized key', 'Pack studio', 'rapport-studio', 'Not imported', 'Exam simulation', 'rapport-backup', 'Reviews per day', 'not-enough', 'What this rests on', 'Highlight whole sentences', '_local/rapport-sync', 'PouchDB']) {
      expect(entry, marker).not.toContain(marker);
    }
  });
});
