import { describe, expect, it } from 'vitest';
import { rankEntries } from '../../../src/tutor/commands/leaderboard.js';

describe('Function: rankEntries', () => {
  it('gives equal points the same rank and skips the next ("1, 2, 2, 4")', () => {
    const ranked = rankEntries([
      { userId: 'a', name: 'a', points: 30 },
      { userId: 'b', name: 'b', points: 20 },
      { userId: 'c', name: 'c', points: 20 },
      { userId: 'd', name: 'd', points: 10 },
    ]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 2, 4]);
  });
});
