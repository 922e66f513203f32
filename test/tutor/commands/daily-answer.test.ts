import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/tutor/reply.js';
import { createTutor } from '../../../src/tutor/tutor.js';
import { freshStore } from '../../helpers/dynamo.js';
import { asker, content, fakeClock, testDeps } from '../../helpers/test-deps.js';

const answerOf = (post: Reply) => {
  const text = post.sections.at(-2)?.replace(/\*\*/g, '');
  const question = content.questions.find((q) => q.question === text);
  if (!question) throw new Error(`no question for ${text}`);
  return post.buttons?.filter((b) => b.kind === 'answer')[question.answer]?.action as string;
};

async function setup(timeZone: string, start: string) {
  const { store } = await freshStore();
  const clock = fakeClock(start);
  const tutor = createTutor(testDeps({ storeImpl: store, clock, timeZone }));
  return { tutor, clock, store };
}

describe('Feature: answering the daily question', () => {
  it('keeps the streak by question date across midnight in another time zone', async () => {
    const { tutor, clock, store } = await setup('America/Los_Angeles', '2026-11-23T17:00:00Z');
    const alice = asker({ userId: 'alice', userName: 'alice' });
    const monday = await tutor.postDaily(alice); // 09:00 Monday in Los Angeles
    clock.set('2026-11-24T07:30:00Z'); // 23:30 Monday in LA, already Tuesday in UTC
    await tutor.handleAction(alice, answerOf(monday));
    clock.set('2026-11-24T17:00:00Z');
    const tuesday = await tutor.postDaily(alice);
    clock.set('2026-11-25T07:59:00Z'); // 23:59 Tuesday in LA
    const reply = await tutor.handleAction(alice, answerOf(tuesday));
    expect(reply.sections.join('\n')).toMatch(/Daily streak: 2/);
    const totals = (
      await store.getLearner({ platform: 'local', workspaceId: 'T1', userId: 'alice' })
    ).totals;
    expect(totals).toMatchObject({ streak: 2, bestStreak: 2, points: 20 });
  });

  it('starts the streak again after a missed question', async () => {
    const { tutor, clock } = await setup('Europe/London', '2026-11-23T09:00:00Z');
    const bob = asker({ userId: 'bob', userName: 'bob' });
    await tutor.handleAction(bob, answerOf(await tutor.postDaily(bob)));
    clock.set('2026-11-24T09:00:00Z');
    await tutor.postDaily(bob); // missed
    clock.set('2026-11-25T09:00:00Z');
    const reply = await tutor.handleAction(bob, answerOf(await tutor.postDaily(bob)));
    expect(reply.sections.join('\n')).toMatch(/Daily streak: 1/);
  });

  it('closes a question once the next one has revealed its answer', async () => {
    const { tutor, clock } = await setup('Europe/London', '2026-11-23T09:00:00Z');
    const carol = asker({ userId: 'carol', userName: 'carol' });
    const monday = await tutor.postDaily(carol);
    clock.set('2026-11-24T09:00:00Z');
    await tutor.postDaily(carol);
    const late = await tutor.handleAction(carol, answerOf(monday));
    expect(late.sections[0]).toMatch(/closed/);
  });

  it('answers a second click with "you already answered" and keeps the first answer', async () => {
    const { tutor } = await setup('Europe/London', '2026-11-23T09:00:00Z');
    const dave = asker({ userId: 'dave', userName: 'dave' });
    const post = await tutor.postDaily(dave);
    const first = await tutor.handleAction(dave, answerOf(post));
    expect(first.title).toMatch(/Correct/);
    expect(first.visibility).toBe('private');
    const second = await tutor.handleAction(dave, answerOf(post));
    expect(second.sections[0]).toMatch(/already answered/);
  });

  it('refuses a forged date that has no question in this channel', async () => {
    const { tutor } = await setup('Europe/London', '2026-11-23T09:00:00Z');
    const reply = await tutor.handleAction(asker(), 'd:2020-01-01:0');
    expect(reply.sections[0]).toMatch(/doesn't belong to a question/);
  });
});
