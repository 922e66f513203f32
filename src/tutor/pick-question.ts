import type { Content } from '../content/content.js';
import type { Question, Topic } from '../content/types.js';
import type { LearnerState } from '../store/records.js';

export type PickReason = 'due' | 'weakest' | 'new' | 'ahead';

export interface QuizFilter {
  topic?: Topic;
  concept?: string;
}

/** Below this smoothed accuracy a topic counts as weak enough to steer practice towards. */
const WEAK_ACCURACY = 0.8;

/**
 * Chooses the next practice question: first what is due for review (most overdue first), then
 * the asker's weakest topic, then something new, and when all that is exhausted the card due
 * soonest. Never the question just answered, unless it is the only one there is.
 */
export function pickQuestion(
  content: Content,
  state: LearnerState,
  filter: QuizFilter,
  now: Date,
  random: () => number,
): { question: Question; reason: PickReason } | undefined {
  let pool = content.questions.filter(
    (q) =>
      (!filter.topic || q.topic === filter.topic) &&
      (!filter.concept || q.concept === filter.concept),
  );
  const last = state.totals?.lastQuestionId;
  if (pool.length > 1) pool = pool.filter((q) => q.id !== last);
  if (pool.length === 0) return undefined;

  const cards = new Map(state.cards.map((c) => [c.questionId, c]));
  const dueAt = (q: Question) => Date.parse(cards.get(q.id)?.fsrs.due ?? '');

  const due = pool
    .filter((q) => cards.has(q.id) && dueAt(q) <= now.getTime())
    .sort((a, b) => dueAt(a) - dueAt(b));
  if (due[0]) return { question: due[0], reason: 'due' };

  const unseen = pool.filter((q) => !cards.has(q.id));
  if (!filter.topic && !filter.concept) {
    const weakest = weakestTopic(state);
    if (weakest) {
      const inTopic = pool.filter((q) => q.topic === weakest);
      const fresh = inTopic.filter((q) => !cards.has(q.id));
      const missed = inTopic.filter((q) => cards.get(q.id)?.lastCorrect === false);
      const choice = pickOne(fresh.length > 0 ? fresh : missed, random);
      if (choice) return { question: choice, reason: 'weakest' };
    }
  }

  const fresh = pickOne(unseen, random);
  if (fresh) return { question: fresh, reason: 'new' };

  const soonest = [...pool].sort((a, b) => dueAt(a) - dueAt(b))[0];
  return soonest ? { question: soonest, reason: 'ahead' } : undefined;
}

/** The practised topic with the lowest smoothed accuracy, if it is below the bar. */
export function weakestTopic(state: LearnerState): Topic | undefined {
  let weakest: { topic: string; accuracy: number } | undefined;
  for (const t of state.topics) {
    if (t.answered === 0) continue;
    // Laplace smoothing: one wrong answer out of one is not yet "0% accuracy".
    const accuracy = (t.correct + 1) / (t.answered + 2);
    if (!weakest || accuracy < weakest.accuracy) weakest = { topic: t.topic, accuracy };
  }
  return weakest && weakest.accuracy < WEAK_ACCURACY ? (weakest.topic as Topic) : undefined;
}

function pickOne<T>(items: T[], random: () => number): T | undefined {
  return items[Math.floor(random() * items.length)];
}
