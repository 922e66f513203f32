import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, letterMask, withinLetters } from '../../src/search/edit-distance.js';

/** The textbook optimal-string-alignment distance, without a cut-off, to check against. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min(
        (up[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (up[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

const word = fc.string({ unit: fc.constantFrom(...'abcdeklmnst3-'), maxLength: 12 });

describe('Function: editDistance', () => {
  it('agrees with the textbook distance up to max, and is above max exactly when it is', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const found = editDistance(a, b, max);
        const truth = reference(a, b);
        expect(found > max).toBe(truth > max);
        if (truth <= max) expect(found).toBe(truth);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('lmabda', 'lambda', 2)).toBe(1);
    expect(editDistance('cloudfront', 'cloudfrnot', 2)).toBe(1);
    expect(editDistance('cloudfront', 'clodufrnot', 2)).toBe(2);
  });
});

describe('Function: withinLetters', () => {
  it('never rules out two words that are within the edit budget', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        if (reference(a, b) <= max) {
          expect(withinLetters(letterMask(a), letterMask(b), max)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('rules out words that share too few letters', () => {
    expect(withinLetters(letterMask('gnarfle'), letterMask('lambda'), 2)).toBe(false);
  });
});
