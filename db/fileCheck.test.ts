import { describe, expect, it } from 'vitest';
import { summariseProblems } from './fileCheck';

describe('summariseProblems', () => {
  it('keeps the first three of SQLite’s problems and counts the rest, without its banner', () => {
    const answer = ['*** in database main ***', ...Array.from({ length: 120 }, (_, i) => `Page ${1000 + i}: never used`)].join('\n');
    expect(summariseProblems(answer)).toBe('Page 1000: never used; Page 1001: never used; Page 1002: never used; and 117 more');
  });
  it('gives a short answer whole', () => {
    expect(summariseProblems('row 4 missing from index x')).toBe('row 4 missing from index x');
  });
});
