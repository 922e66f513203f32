import { describe, expect, it } from 'vitest';
import { content, search } from '../helpers/test-deps.js';
import { ALL_CASES, NAMES_AND_ACRONYMS, QUESTIONS, TYPOS } from './relevance-queries.js';

// The queries live in relevance-queries.ts, which `npm run bench` scores too.

function topHit(query: string): string | undefined {
  return search.search(query)[0]?.note.id;
}

/** The top three hits with scores, so a failure shows what won instead. */
function top3(query: string): string {
  const hits = search.search(query, 3).map((h) => `${h.note.id} (${h.score.toFixed(2)})`);
  return `top 3 for "${query}": ${hits.join(', ') || 'none'}`;
}

describe('Function: search (relevance suite)', () => {
  it('names only notes that exist, so a renamed note cannot pass by accident', () => {
    const unknown = ALL_CASES.filter((c) => !content.note(c.expected)).map((c) => c.expected);

    expect(unknown).toEqual([]);
  });

  it('has at least 45 queries', () => {
    expect(ALL_CASES.length).toBeGreaterThanOrEqual(45);
  });

  describe('exact names and acronyms', () => {
    it.each(NAMES_AND_ACRONYMS)(
      'ranks $expected first when asked "$query"',
      ({ query, expected }) => {
        expect(topHit(query), top3(query)).toBe(expected);
      },
    );
  });

  describe('typos and spacing', () => {
    it.each(TYPOS)('ranks $expected first when asked "$query"', ({ query, expected }) => {
      expect(topHit(query), top3(query)).toBe(expected);
    });
  });

  describe('plain-English questions', () => {
    it.each(QUESTIONS)('ranks $expected first when asked "$query"', ({ query, expected }) => {
      expect(topHit(query), top3(query)).toBe(expected);
    });
  });

  it('ranks the expected note first for 100% of the suite', () => {
    const misses = ALL_CASES.filter((c) => topHit(c.query) !== c.expected).map(
      (c) => `expected ${c.expected}; ${top3(c.query)}`,
    );
    const passRate = (ALL_CASES.length - misses.length) / ALL_CASES.length;

    expect({ passRate, misses }).toEqual({ passRate: 1, misses: [] });
  });
});
