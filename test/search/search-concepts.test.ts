import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH } from '../../src/search/search-concepts.js';
import { content, search } from '../helpers/test-deps.js';

/** Discord rejects more than 25 autocomplete choices, and choice names over 100 characters. */
const DISCORD_MAX_CHOICES = 25;
const DISCORD_MAX_CHOICE_NAME = 100;

/**
 * A query long enough to be cut. It names a concept first and pads with stop words, so the part
 * that is read still finds that concept.
 */
const LONG_QUERY = `lambda ${'what is the '.repeat(1_000)}`.slice(0, 10_000);

describe('Function: createSearch', () => {
  describe('search', () => {
    it.each(['', '   ', 'what is the', 'the a an of', 'aws amazon'])(
      'returns no hits when the query is empty or only stop words (%j)',
      (query) => {
        expect(search.search(query)).toEqual([]);
      },
    );

    it('returns no hits when the query is nonsense', () => {
      expect(search.search('xyzzy qwerty')).toEqual([]);
    });

    it.each([1, 2, 5])('returns at most %i hits when given that limit', (limit) => {
      // "lambda" matches many notes, so the limit is what stops it.
      expect(search.search('lambda', 100).length).toBeGreaterThan(5);

      expect(search.search('lambda', limit)).toHaveLength(limit);
    });

    it('returns at most 3 hits when no limit is given', () => {
      expect(search.search('lambda')).toHaveLength(3);
    });

    it.each([
      'lambda',
      'serverless',
      'run containers without managing servers',
      'availibility zone',
      'cache content close to users',
    ])('sorts hits by score, best first, for "%s"', (query) => {
      const scores = search.search(query, 20).map((h) => h.score);

      expect(scores.length).toBeGreaterThan(1);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('reads only the first MAX_QUERY_LENGTH characters when the query is 10,000 characters', () => {
      expect(LONG_QUERY).toHaveLength(10_000);

      const hits = search.search(LONG_QUERY);

      expect(hits).toEqual(search.search(LONG_QUERY.slice(0, MAX_QUERY_LENGTH)));
      expect(hits[0]?.note.id).toBe('lambda');
    });

    it('ignores words past MAX_QUERY_LENGTH when the query is long', () => {
      const padding = 'what is the '.repeat(Math.ceil(MAX_QUERY_LENGTH / 12));

      expect(search.search(`${padding}lambda`)).toEqual([]);
    });

    it.each([
      ['control characters', '\u0000lambda\u0007\u001b'],
      ['right-to-left and left-to-right marks', '\u200flambda\u200e'],
      ['a right-to-left override', '\u202elambda\u202c'],
      ['a zero-width space', 'lambda\u200b'],
      ['emoji', '🚀 lambda 😀'],
      ['full-width letters', 'ｌａｍｂｄａ'],
    ])('finds lambda when the query has %s', (_label, query) => {
      expect(search.search(query)[0]?.note.id).toBe('lambda');
    });
  });

  describe('suggest', () => {
    it('offers at most 3 notes when the query is nonsense', () => {
      expect(search.suggest('xyzzy qwerty').length).toBeLessThanOrEqual(3);
    });

    it.each(['flibbertigibbet', 'asdf qwerty', 'how do i bake sourdough bread', 'qqqq zzzz'])(
      'offers nothing at all when nothing is related to "%s"',
      (query) => {
        expect(search.suggest(query)).toEqual([]);
      },
    );

    it('offers related notes, at most 3, for a query that is about AWS but has no card', () => {
      // Plausibly related: notes about data warehouses, for a question on Redshift's internals.
      const suggestions = search.suggest('redshift leader node slices');

      expect(suggestions.length).toBeGreaterThan(0);
      expect(suggestions.length).toBeLessThanOrEqual(3);
      expect(suggestions.map((n) => n.id)).toContain('redshift');
    });

    it('offers nothing when the query is empty', () => {
      expect(search.suggest('')).toEqual([]);
    });

    it('offers the near name first when the query is a typo', () => {
      expect(search.suggest('cloudfrnt')[0]?.id).toBe('cloudfront');
    });
  });

  describe('autocomplete', () => {
    it.each(['', 'a', 'e', 'l', 'the', 'lam', 'lambda', 'amazon', 'xyzzy qwerty', LONG_QUERY])(
      'returns at most 25 notes when the query is %j',
      (query) => {
        expect(search.autocomplete(query).length).toBeLessThanOrEqual(DISCORD_MAX_CHOICES);
      },
    );

    it('returns 25 notes sorted by title when the query is empty', () => {
      expect(content.notes.length).toBeGreaterThan(DISCORD_MAX_CHOICES);

      const titles = search.autocomplete('').map((n) => n.title);

      expect(titles).toHaveLength(DISCORD_MAX_CHOICES);
      expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
      const allSorted = content.notes.map((n) => n.title).sort((a, b) => a.localeCompare(b));
      expect(titles[0]).toBe(allSorted[0]);
    });

    it('treats a blank query like an empty one', () => {
      expect(search.autocomplete('   ')).toEqual(search.autocomplete(''));
    });

    it('includes Lambda when the query is "lam"', () => {
      expect(search.autocomplete('lam').map((n) => n.id)).toContain('lambda');
    });

    it('offers names that start with what is typed ("cloud" → CloudFront, CloudTrail…)', () => {
      const ids = search.autocomplete('cloud').map((n) => n.id);

      for (const id of ['cloudfront', 'cloudtrail', 'cloudwatch', 'cloudformation']) {
        expect(ids).toContain(id);
      }
    });

    it.each(['xyzzy qwerty', 'how do i bake sourdough bread', 'python list comprehension'])(
      'offers nothing unrelated to what was typed (%j)',
      (query) => {
        expect(search.autocomplete(query)).toEqual([]);
      },
    );

    it('returns no more than the limit it is given', () => {
      expect(search.autocomplete('', 5)).toHaveLength(5);
      expect(search.autocomplete('lambda', 2).length).toBeLessThanOrEqual(2);
    });

    it('offers every note a title of at most 100 characters', () => {
      const tooLong = content.notes
        .filter((n) => n.title.length > DISCORD_MAX_CHOICE_NAME)
        .map((n) => n.id);

      expect(tooLong).toEqual([]);
    });
  });
});
