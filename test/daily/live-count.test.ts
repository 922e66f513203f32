import { describe, expect, it } from 'vitest';
import { answeredLine } from '../../src/daily/daily-post.js';
import { DAILY_COUNT_EDIT_INTERVAL_MS } from '../../src/daily/live-count.js';
import type { Asker } from '../../src/tutor/deps.js';
import type { Reply } from '../../src/tutor/reply.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { answerAction, dailyRunner, subscribeChannels } from '../helpers/daily-round.js';
import { freshStore } from '../helpers/dynamo.js';
import { asker, fakeClock, testDeps } from '../helpers/test-deps.js';

const tenant = { platform: 'slack', workspaceId: 'T1' };

/** The refresh a recorded answer asks for; the test fails if it asks for none. */
function refreshOf(reply: Reply) {
  if (!reply.channelRefresh) throw new Error('the answer asked for no channel refresh');
  return reply.channelRefresh;
}
/** Today's question posted to Slack channel C1 by the daily run, recorded as message `m-C1-1`. */
async function setup() {
  const { store, requests, itemRequests } = await freshStore();
  await subscribeChannels(store, tenant, ['C1']);
  const clock = fakeClock('2026-11-23T09:00:00Z');
  const runner = dailyRunner(store, clock, 'slack');
  await runner.run();
  const tutor = createTutor(testDeps({ storeImpl: store, clock }));
  const person = (name: string): Asker =>
    asker({ platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: name, userName: name });
  const post = () => runner.latest('C1');
  const answer = answerAction(post());
  const count = () => store.countDailyAnswers(tenant, 'C1', '2026-11-23');
  return {
    store,
    requests,
    itemRequests,
    clock,
    tutor,
    person,
    answer,
    daily: runner.run,
    post,
    count,
  };
}

describe('Feature: the live "N answered" count on the daily message', () => {
  it('the post starts with no answers, and a recorded answer asks to refresh the channel message', async () => {
    const { tutor, person, answer, post } = await setup();
    expect(post().footnote).toBe(answeredLine(0));
    const feedback = await tutor.handleAction(person('alice'), answer);
    expect(feedback.visibility).toBe('private');
    expect(feedback.channelRefresh).toEqual({ date: '2026-11-23', messageId: 'm-C1-1' });
    const update = await tutor.refreshChannel(person('alice'), refreshOf(feedback));
    expect(update).toMatchObject({ channelId: 'C1', messageId: 'm-C1-1' });
    expect(update?.reply.footnote).toBe('1 answered so far');
    // The same message as posted, apart from the count: buttons and all.
    expect({ ...update?.reply, footnote: undefined }).toEqual({ ...post(), footnote: undefined });
    expect(update?.reply.visibility).toBe('channel');
  });

  it('a burst of clicks scores each person once and edits the message at most once per interval', async () => {
    const { store, tutor, person, answer, clock, count } = await setup();
    const people = Array.from({ length: 30 }, (_, i) => person(`u${i}`));
    // Each click is answered, then refreshes, as an adapter does; all at the same (fake) time.
    const updates = await Promise.all(
      people.map(async (who) => {
        const reply = await tutor.handleAction(who, answer);
        expect(reply.sections.join('\n')).toMatch(/Daily streak: 1/);
        return reply.channelRefresh && tutor.refreshChannel(who, reply.channelRefresh);
      }),
    );
    expect(updates.filter(Boolean).length).toBeLessThanOrEqual(1);
    expect(await count()).toEqual({ answered: 30, correct: 30 });
    for (const who of people.slice(0, 3)) {
      const { totals } = await store.getLearner({ ...tenant, userId: who.userId });
      expect(totals).toMatchObject({ dailyAnswered: 1, answered: 1 });
    }

    // The last clicks of the burst may have been throttled; the next click after the
    // interval shows everything so far.
    clock.advance(DAILY_COUNT_EDIT_INTERVAL_MS);
    const late = await tutor.handleAction(person('late'), answer);
    const update = await tutor.refreshChannel(person('late'), refreshOf(late));
    expect(update?.reply.footnote).toBe('31 answered so far');
  });

  it('within the interval after an edit, an answer skips the throttle write altogether', async () => {
    const { tutor, person, answer, itemRequests } = await setup();
    const first = await tutor.handleAction(person('alice'), answer);
    expect(await tutor.refreshChannel(person('alice'), refreshOf(first))).toBeDefined();
    itemRequests.length = 0;
    const second = await tutor.handleAction(person('bob'), answer);
    expect(second.channelRefresh).toBeUndefined();
    // Only the team's week and month are written besides the answer: not the channel's question.
    expect(itemRequests.filter((r) => r.includes('#C1 '))).toEqual([]);
    expect(itemRequests.filter((r) => r.startsWith('UpdateItemCommand'))).toHaveLength(3);
  });

  it('a double click does not move the count, nor ask for a refresh', async () => {
    const { tutor, person, answer, count } = await setup();
    await tutor.handleAction(person('dave'), answer);
    const again = await tutor.handleAction(person('dave'), answer);
    expect(again.sections[0]).toMatch(/already answered/);
    expect(again.channelRefresh).toBeUndefined();
    expect(await count()).toEqual({ answered: 1, correct: 1 });
  });

  it('redraws the reveal of the previous question exactly as the post showed it', async () => {
    const { tutor, person, answer, clock, daily, post } = await setup();
    await tutor.handleAction(person('ann'), answer);
    clock.set('2026-11-24T09:00:00Z');
    await daily();
    const tuesday = post();
    const reply = await tutor.handleAction(person('ann'), answerAction(tuesday));
    const update = await tutor.refreshChannel(person('ann'), refreshOf(reply));

    expect(tuesday.sections[0]).toMatch(
      /Last time \(2026-11-23\).*1 person answered, 100% got it right/s,
    );
    expect(update?.reply.sections[0]).toBe(tuesday.sections[0]);
    expect(update?.reply.footnote).toBe('1 answered so far');
  });

  it('leaves the message alone once the next question has closed it', async () => {
    const { tutor, person, answer, clock, daily } = await setup();
    const reply = await tutor.handleAction(person('erin'), answer);
    clock.set('2026-11-24T09:00:00Z');
    await daily(); // Tuesday's post reveals Monday's answer: Monday's count is final now.
    expect(await tutor.refreshChannel(person('erin'), refreshOf(reply))).toBeUndefined();
  });

  it('never throws when the store fails: the count just stays', async () => {
    const errors: string[] = [];
    const tutor = createTutor(
      testDeps({
        store: async () => {
          throw new Error('store down');
        },
        log: { error: (message) => errors.push(message) },
      }),
    );
    const update = await tutor.refreshChannel(asker(), { date: '2026-11-23', messageId: 'ts' });
    expect(update).toBeUndefined();
    expect(errors).toEqual(['channel refresh failed']);
  });
});
