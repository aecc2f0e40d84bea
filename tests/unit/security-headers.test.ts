import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../scripts/security-headers';

describe('security headers', () => {
  it('docs/deploy.md asks hosts for exactly the headers the preview server sends', () => {
    const deploy = readFileSync('docs/deploy.md', 'utf8');
    const block = /## Security headers[\s\S]*?```\n([\s\S]*?)```/.exec(deploy)?.[1] ?? '';
    const documented = Object.fromEntries(
      block
        .trim()
        .split('\n')
        .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
    );
    expect(documented).toEqual(SECURITY_HEADERS);
    expect(SECURITY_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'");
  });
});
