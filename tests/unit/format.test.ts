import { describe, expect, it } from 'vitest';
import { formatCount, plural } from '../../src/domain/format';

describe('counts in words', () => {
  it('group thousands and agree the noun with the count', () => {
    expect(formatCount(16000)).toBe('16,000');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(-2500)).toBe('-2,500');
    expect(plural(1, 'question')).toBe('1 question');
    expect(plural(0, 'day')).toBe('0 days');
    expect(plural(1000, 'question')).toBe('1,000 questions');
  });
});
