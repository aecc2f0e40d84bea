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

  it('starts with the pack studio, then says what the file route needs and what npm start builds', () => {
    expect(guide).not.toContain('nothing else');
    const headings = [...guide.matchAll(/^## (.*)$/gm)].map((match) => match[1]);
    expect(headings.slice(0, 2)).toEqual(['The pack studio: a browser, nothing to install', 'Writing packs as files (for instructors who use git)']);
    const files = section('Writing packs as files (for instructors who use git)');
    expect(files).toContain('Node.js 20 or later');
    expect(files).toMatch(/`npm start`\s+builds whatever is in `content\/`/);
  });
});
