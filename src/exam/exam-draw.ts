import type { Content } from '../content/content.js';
import { DOMAIN_WEIGHTS, DOMAINS, type Domain, type Question } from '../content/types.js';
import type { CardRecord } from '../store/records.js';

/** Questions in a mock exam: 20 by default, 5 to 65 (the real exam's length). */
export const EXAM_DEFAULT = 20;
export const EXAM_MIN = 5;
export const EXAM_MAX = 65;

/**
 * How many questions each domain gets: its exam weight of `count`, rounded so the parts add
 * up (largest remainders first).
 */
export function domainCounts(count: number): Record<Domain, number> {
  const exact = DOMAINS.map((d) => ({ d, share: DOMAIN_WEIGHTS[d] * count }));
  const counts = Object.fromEntries(exact.map(({ d, share }) => [d, Math.floor(share)])) as Record<
    Domain,
    number
  >;
  let left = count - Object.values(counts).reduce((a, b) => a + b, 0);
  for (const { d } of [...exact].sort((a, b) => (b.share % 1) - (a.share % 1))) {
    if (left-- <= 0) break;
    counts[d]++;
  }
  return counts;
}

/**
 * A mock exam: each domain's share of `count` questions, those the person has never answered
 * first, then those answered longest ago; shuffled so domains mix.
 */
export function drawExam(
  content: Content,
  cards: CardRecord[],
  count: number,
  random: () => number,
): Question[] {
  const lastSeen = new Map(cards.map((c) => [c.questionId, c.lastAnsweredAt]));
  const drawn: Question[] = [];
  for (const [domain, wanted] of Object.entries(domainCounts(count))) {
    const pool = shuffle(
      content.questions.filter((q) => q.domain === domain),
      random,
    ).sort((a, b) => (lastSeen.get(a.id) ?? '').localeCompare(lastSeen.get(b.id) ?? ''));
    drawn.push(...pool.slice(0, wanted));
  }
  return shuffle(drawn, random);
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
