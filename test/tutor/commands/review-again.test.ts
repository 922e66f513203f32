import { describe, expect, it } from 'vitest';
import { createTutor } from '../../../src/tutor/tutor.js';
import { answerWith } from '../../helpers/answer-reply.js';
import { freshStore } from '../../helpers/dynamo.js';
import { asker, content, fakeClock, testDeps } from '../../helpers/test-deps.js';

describe('Feature: a due review answered again', () => {
  it('schedules the same question a second time: the card is updated, not refused', async () => {
    const fresh = await freshStore();
    const clock = fakeClock('2026-11-23T09:00:00Z');
    const tutor = createTutor(testDeps({ storeImpl: fresh.store, clock }));
    const user = { platform: 'local', workspaceId: 'T1', userId: 'U1' };
    const first = await tutor.handleCommand(asker(), 'quiz serverless');
    await tutor.handleAction(asker(), answerWith(first, [0]));
    const [card] = (await fresh.store.getLearner(user)).cards;
    expect(card).toBeDefined();
    // Another question in between: practice never repeats the one just answered.
    const second = await tutor.handleCommand(asker(), 'quiz serverless');
    await tutor.handleAction(asker(), answerWith(second, [0]));
    // Weeks later the question is due again, and practice brings it back first.
    clock.set('2027-06-01T09:00:00Z');
    const review = await tutor.handleCommand(asker(), 'quiz');
    expect(review.sections.join('\n')).toContain(
      content.question(card?.questionId ?? '')?.question,
    );
    const feedback = await tutor.handleAction(asker(), answerWith(review, [0]));
    expect(feedback.sections[0]).not.toMatch(/went wrong|try again/i);
    expect(feedback.title).toMatch(/Correct|Not quite/);
    const after = (await fresh.store.getLearner(user)).cards.find(
      (c) => c.questionId === card?.questionId,
    );
    expect(after?.lastAnsweredAt).toBe('2027-06-01T09:00:00.000Z');
    expect((await fresh.store.getLearner(user)).totals).toMatchObject({ answered: 3 });
  });
});

describe('Feature: two answers to one question at once', () => {
  it('both count: the one that loses the race on the review card re-reads it and schedules again', async () => {
    const fresh = await freshStore();
    const clock = fakeClock('2026-11-23T09:00:00Z');
    const tutor = createTutor(testDeps({ storeImpl: fresh.store, clock }));
    const user = { platform: 'local', workspaceId: 'T1', userId: 'U1' };
    for (let i = 0; i < 2; i++) {
      const reply = await tutor.handleCommand(asker(), 'quiz serverless');
      await tutor.handleAction(asker(), answerWith(reply, [0]));
    }
    // Later, the first question is due: shown twice (two tabs), answered at the same moment.
    clock.set('2027-06-01T09:00:00Z');
    const one = await tutor.handleCommand(asker(), 'quiz');
    const two = await tutor.handleCommand(asker(), 'quiz');
    expect(two.sections[0]).toBe(one.sections[0]);
    const replies = await Promise.all([
      tutor.handleAction(asker(), answerWith(one, [0])),
      tutor.handleAction(asker(), answerWith(two, [0])),
    ]);
    for (const reply of replies) expect(reply.title).toMatch(/Correct|Not quite/);
    const learner = await fresh.store.getLearner(user);
    expect(learner.totals).toMatchObject({ answered: 4 });
    const versions = learner.cards.map((c) => c.version).sort();
    expect(versions).toEqual([1, 3]);
  });
});
