import { describe, expect, it } from 'vitest';
import { formatCount, plural } from '../../src/domain/counts';

describe('counts in words', () => {
  it('group thousands and agree the noun with the count', () => {
    expect(formatCount(16000)).toBe('16,000');
    expect(formatCount(999)).toBe('999');
    expect(plural(1, 'question')).toBe('1 question');
    expect(plural(0, 'day')).toBe('0 days');
    expect(plural(1000, 'question')).toBe('1,000 questions');
  });
});
