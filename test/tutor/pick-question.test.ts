import { describe, expect, it } from 'vitest';
import type { LearnerState } from '../../src/store/records.js';
import { pickQuestion, weakestTopic } from '../../src/tutor/pick-question.js';
import { reviewCard } from '../../src/tutor/review-schedule.js';
import { content, seededRandom } from '../helpers/test-deps.js';

const now = new Date('2026-11-23T09:00:00Z');
const empty = (): LearnerState => ({ topics: [], cards: [], weeks: [], months: [], pending: [] });

function cardFor(questionId: string, due: string, lastCorrect = true) {
  const q = content.question(questionId);
  if (!q) throw new Error(questionId);
  return {
    questionId,
    topic: q.topic,
    fsrs: { ...reviewCard(undefined, lastCorrect, now), due },
    lastCorrect,
    lastAnsweredAt: now.toISOString(),
  };
}

describe('Function: pickQuestion', () => {
  it('picks a new question for a newcomer', () => {
    const picked = pickQuestion(content, empty(), {}, now, seededRandom());
    expect(picked?.reason).toBe('new');
  });

  it('picks the most overdue review first', () => {
    const [a, b] = content.questions;
    const state = empty();
    state.cards.push(cardFor(a?.id as string, '2026-11-22T00:00:00Z'));
    state.cards.push(cardFor(b?.id as string, '2026-11-20T00:00:00Z'));
    const picked = pickQuestion(content, state, {}, now, seededRandom());
    expect(picked).toMatchObject({ reason: 'due', question: { id: b?.id } });
  });

  it('ignores reviews that are not due yet', () => {
    const [a] = content.questions;
    const state = empty();
    state.cards.push(cardFor(a?.id as string, '2026-12-01T00:00:00Z'));
    expect(pickQuestion(content, state, {}, now, seededRandom())?.reason).not.toBe('due');
  });

  it('steers towards the weakest topic when nothing is due', () => {
    const state = empty();
    state.topics.push({ topic: 'networking', answered: 5, correct: 1 });
    state.topics.push({ topic: 'compute', answered: 5, correct: 5 });
    const picked = pickQuestion(content, state, {}, now, seededRandom());
    expect(picked).toMatchObject({ reason: 'weakest', question: { topic: 'networking' } });
  });

  it('never repeats the question just answered', () => {
    const pool = content.questions.filter((q) => q.concept === 'sqs');
    const state = empty();
    for (const q of pool) state.cards.push(cardFor(q.id, '2026-11-22T00:00:00Z'));
    const last = state.cards[0]?.questionId as string;
    state.totals = {
      name: 'a',
      answered: 1,
      correct: 1,
      points: 0,
      dailyAnswered: 0,
      dailyCorrect: 0,
      streak: 0,
      bestStreak: 0,
      lastQuestionId: last,
      ranked: false,
    };
    for (let seed = 1; seed < 20; seed++) {
      expect(
        pickQuestion(content, state, { concept: 'sqs' }, now, seededRandom(seed))?.question.id,
      ).not.toBe(last);
    }
  });

  it('keeps to the topic or concept asked for', () => {
    const byTopic = pickQuestion(content, empty(), { topic: 'storage' }, now, seededRandom());
    expect(byTopic?.question.topic).toBe('storage');
    const byConcept = pickQuestion(content, empty(), { concept: 'vpc' }, now, seededRandom());
    expect(byConcept?.question.concept).toBe('vpc');
  });
});

describe('Function: weakestTopic', () => {
  it('returns nothing when every practised topic is strong', () => {
    expect(
      weakestTopic({ ...empty(), topics: [{ topic: 'compute', answered: 10, correct: 10 }] }),
    ).toBeUndefined();
  });
});
