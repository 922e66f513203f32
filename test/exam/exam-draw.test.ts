import { describe, expect, it } from 'vitest';
import { DOMAIN_WEIGHTS, DOMAINS } from '../../src/content/types.js';
import { domainCounts, drawExam } from '../../src/exam/exam-draw.js';
import type { CardRecord } from '../../src/store/records.js';
import { content, seededRandom } from '../helpers/test-deps.js';

describe('Function: domainCounts', () => {
  it.each([5, 20, 37, 65])(
    'splits %i questions by the exam weights, adding up exactly',
    (count) => {
      const counts = domainCounts(count);
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(count);
      for (const d of DOMAINS) {
        // Largest remainders: each domain is within one question of its exact share.
        expect(Math.abs(counts[d] - DOMAIN_WEIGHTS[d] * count)).toBeLessThan(1);
      }
    },
  );

  it('gives a 20-question exam 5, 6, 7 and 2 questions (24%, 30%, 34%, 12%)', () => {
    expect(domainCounts(20)).toEqual({
      'cloud-concepts': 5,
      'security-compliance': 6,
      technology: 7,
      'billing-support': 2,
    });
  });
});

describe('Function: drawExam', () => {
  it('draws each domain its share, no question twice', () => {
    const drawn = drawExam(content, [], 65, seededRandom(7));
    expect(new Set(drawn.map((q) => q.id)).size).toBe(65);
    const counts = domainCounts(65);
    for (const d of DOMAINS) expect(drawn.filter((q) => q.domain === d)).toHaveLength(counts[d]);
  });

  it('prefers questions the person has not answered, then those answered longest ago', () => {
    const billing = content.questions.filter((q) => q.domain === 'billing-support');
    // Every billing question seen but two; of those seen, one long ago.
    const unseen = billing.slice(0, 2).map((q) => q.id);
    const cards: CardRecord[] = billing.slice(2).map((q, i) => ({
      questionId: q.id,
      topic: q.topic,
      fsrs: { due: '2026-12-01T00:00:00Z' } as CardRecord['fsrs'],
      lastCorrect: true,
      lastAnsweredAt: i === 0 ? '2026-01-01T00:00:00Z' : '2026-11-20T00:00:00Z',
    }));
    const oldest = billing[2]?.id;
    const drawn = drawExam(content, cards, 20, seededRandom(1)).filter(
      (q) => q.domain === 'billing-support',
    );
    expect(drawn.map((q) => q.id).sort()).toEqual([...unseen].sort());
    const three = drawExam(content, cards, 25, seededRandom(1)).filter(
      (q) => q.domain === 'billing-support',
    );
    expect(three.map((q) => q.id)).toEqual(expect.arrayContaining([...unseen, oldest]));
  });
});
