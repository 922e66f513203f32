import { describe, expect, it } from 'vitest';
import { DOMAINS } from '../../src/content/types.js';
import { content } from '../helpers/test-deps.js';

const multi = content.questions.filter((q) => q.answers.length > 1);

describe('Content: "choose two" questions', () => {
  it('has at least 60, in every exam domain, each two or three right of five or six', () => {
    expect(multi.length).toBeGreaterThanOrEqual(60);
    for (const d of DOMAINS)
      expect(
        multi.some((q) => q.domain === d),
        d,
      ).toBe(true);
    for (const q of multi) {
      expect([5, 6]).toContain(q.choices.length);
      expect([2, 3]).toContain(q.answers.length);
    }
  });

  // The platform tests click a practice question's first button: in these topics that always
  // answers it. A "choose two" question added here needs those tests to tick boxes instead.
  it.each(['serverless', 'architecture', 'end-user'])(
    'keeps topic %s, which the platform tests practise, to one-answer questions',
    (topic) => {
      expect(multi.filter((q) => q.topic === topic).map((q) => q.id)).toEqual([]);
    },
  );
});
