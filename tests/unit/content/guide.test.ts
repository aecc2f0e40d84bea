import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../../src/domain/content/csv';

const guide = readFileSync('docs/authoring.md', 'utf8');
const section = (heading: string) => guide.split(/^## /m).find((part) => part.startsWith(`${heading}\n`)) ?? '';

describe('the authoring guide', () => {
  it('lists every built-in principle by id, and no other', () => {
    const listed = [...section('Built-in principles').matchAll(/^- `([a-z0-9-]+)`: \S/gm)].map((match) => match[1]);
    const builtIn = readdirSync('content/principles')
      .filter((name) => name.endsWith('.md'))
      .map((name) => name.replace(/\.md$/, ''))
      .sort();
    expect(listed).toEqual(builtIn);
  });

  it('describes every spreadsheet column the importer reads', () => {
    const table = section('Importing from Moodle (GIFT) or a spreadsheet (CSV)');
    for (const column of CSV_COLUMNS) {
      const named = table.includes(`\`${column}\``) || (/^(option|rationale)_[bc]$/.test(column) && table.includes(`\`${column.replace(/_[bc]$/, '_a')}\` … \`${column.replace(/_[bc]$/, '_d')}\``));
      expect(named, column).toBe(true);
    }
  });

  it('says what an author needs, mentions the author preview, and what npm start builds', () => {
    expect(guide).not.toContain('nothing else');
    const intro = guide.slice(0, guide.indexOf('\n## '));
    expect(intro).toContain('Node.js 20 or later');
    expect(intro).toContain('author\npreview');
    expect(intro).toMatch(/`npm start`\s+builds whatever is in `content\/`/);
  });
});
