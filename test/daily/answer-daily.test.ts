import { describe, expect, it } from 'vitest';
import type { DynamoStore } from '../../src/store/dynamo-store.js';
import type { Asker } from '../../src/tutor/deps.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { answerAction, dailyRunner, subscribeChannels } from '../helpers/daily-round.js';
import { freshStore } from '../helpers/dynamo.js';
import { asker, fakeClock, testDeps } from '../helpers/test-deps.js';

const tenant = { platform: 'local' as const, workspaceId: 'T1' };
const text = (reply: { sections: string[] }) => reply.sections.join('\n');

/** Two channels of one workspace on the default schedule (weekdays 09:00, Europe/London). */
async function setup(start = '2026-11-23T09:00:00Z', timeZone = 'Europe/London') {
  const { store } = await freshStore();
  await subscribeChannels(store, tenant, ['A', 'B']);
  const clock = fakeClock(start);
  const tutor = createTutor(testDeps({ storeImpl: store, clock, timeZone }));
  const daily = dailyRunner(store, clock, 'local', { timeZone });
  const person = (userId: string, channelId = 'A'): Asker =>
    asker({ ...tenant, channelId, userId, userName: userId });
  const totals = async (store: DynamoStore, userId: string) =>
    (await store.getLearner({ ...tenant, userId })).totals;
  return { store, clock, tutor, daily, person, totals: (userId: string) => totals(store, userId) };
}

describe('Feature: answering the daily question', () => {
  it('closes a question in a channel that got no newer post, once the next run has come', async () => {
    const { tutor, clock, daily, person, store, totals } = await setup();
    await daily.run(); // Monday: A and B
    const mondayInB = daily.latest('B');
    await store.unsubscribe(tenant, 'B'); // B lags: it gets nothing on Tuesday
    clock.set('2026-11-24T09:00:00Z');
    await daily.run(); // Tuesday: A only, revealing Monday's answer there

    const late = await tutor.handleAction(person('dana', 'B'), answerAction(mondayInB));

    expect(text(late)).toMatch(
      /This question closed on Tuesday 24 November at 09:00 \(Europe\/London\); the answer was “.+”\. Nothing was scored/,
    );
    expect(await totals('dana')).toBeUndefined();
  });

  it('closes on schedule even when no channel of the workspace got a newer post', async () => {
    const { tutor, clock, daily, person, store, totals } = await setup();
    await daily.run();
    const monday = daily.latest('A');
    await store.unsubscribe(tenant, 'A');
    await store.unsubscribe(tenant, 'B');

    clock.set('2026-11-24T08:59:00Z'); // still open until Tuesday's run
    expect(text(await tutor.handleAction(person('erin'), answerAction(monday)))).toMatch(
      /\+10 points/,
    );
    clock.set('2026-11-24T09:00:00Z');
    expect(text(await tutor.handleAction(person('finn'), answerAction(monday)))).toMatch(
      /closed on Tuesday 24 November/,
    );
    expect(await totals('erin')).toMatchObject({ points: 10 });
    expect(await totals('finn')).toBeUndefined();
  });

  it("keeps Friday's question open over the weekend, until Monday's run", async () => {
    const { tutor, clock, daily, person } = await setup('2026-11-27T09:00:00Z');
    await daily.run();
    clock.set('2026-11-29T20:00:00Z'); // Sunday evening

    const reply = await tutor.handleAction(person('gus'), answerAction(daily.latest('A')));

    expect(text(reply)).toMatch(/Daily streak: 1/);
  });

  it('counts the streak over three days across channels, by the workspace', async () => {
    const { tutor, clock, daily, person, totals } = await setup();
    await daily.run();
    await tutor.handleAction(person('hal', 'A'), answerAction(daily.latest('A')));
    clock.set('2026-11-24T09:00:00Z');
    await daily.run();
    await tutor.handleAction(person('hal', 'B'), answerAction(daily.latest('B')));
    clock.set('2026-11-25T09:00:00Z');
    await daily.run();

    const wednesday = await tutor.handleAction(person('hal', 'A'), answerAction(daily.latest('A')));

    expect(text(wednesday)).toMatch(/Daily streak: 3/);
    expect(await totals('hal')).toMatchObject({
      streak: 3,
      bestStreak: 3,
      lastDailyDate: '2026-11-25',
    });
  });

  it('a late click on a revealed question neither scores nor sets the streak back', async () => {
    const { tutor, clock, daily, person, store, totals } = await setup();
    await daily.run();
    const mondayInB = daily.latest('B');
    await store.unsubscribe(tenant, 'B');
    clock.set('2026-11-24T09:00:00Z');
    await daily.run();
    await tutor.handleAction(person('ivy', 'B'), answerAction(mondayInB)); // refused
    await tutor.handleAction(person('ivy', 'A'), answerAction(daily.latest('A')));
    clock.set('2026-11-25T09:00:00Z');
    await daily.run();

    const wednesday = await tutor.handleAction(person('ivy', 'A'), answerAction(daily.latest('A')));

    expect(text(wednesday)).toMatch(/Daily streak: 2/);
    expect(await totals('ivy')).toMatchObject({ points: 20, lastDailyDate: '2026-11-25' });
  });

  it('starts the streak again after a missed question, and the score shows 0 until then', async () => {
    const { tutor, clock, daily, person } = await setup();
    await daily.run();
    await tutor.handleAction(person('jo'), answerAction(daily.latest('A')));
    clock.set('2026-11-24T09:00:00Z');
    await daily.run(); // missed
    clock.set('2026-11-24T12:00:00Z');
    expect(text(await tutor.handleCommand(person('jo'), 'score'))).not.toMatch(/0 daily/);
    clock.set('2026-11-25T09:00:00Z');
    await daily.run();

    const score = await tutor.handleCommand(person('jo'), 'score');
    const wednesday = await tutor.handleAction(person('jo'), answerAction(daily.latest('A')));

    expect(score.fields?.find((f) => f.label === 'Streak')?.value).toBe(
      '0 daily questions in a row (best 1)',
    );
    expect(text(wednesday)).toMatch(/Daily streak: 1/);
  });

  it('keeps the streak by question date across midnight in another time zone', async () => {
    const { tutor, clock, daily, person, totals } = await setup(
      '2026-11-23T17:00:00Z', // 09:00 Monday in Los Angeles
      'America/Los_Angeles',
    );
    await daily.run();
    clock.set('2026-11-24T07:30:00Z'); // 23:30 Monday in LA, already Tuesday in UTC
    await tutor.handleAction(person('kim'), answerAction(daily.latest('A')));
    clock.set('2026-11-24T17:00:00Z');
    await daily.run();
    clock.set('2026-11-25T07:59:00Z'); // 23:59 Tuesday in LA

    const reply = await tutor.handleAction(person('kim'), answerAction(daily.latest('A')));

    expect(text(reply)).toMatch(/Daily streak: 2/);
    expect(await totals('kim')).toMatchObject({ streak: 2, bestStreak: 2, points: 20 });
  });

  it('counts once per person per workspace and day, whichever channel is clicked', async () => {
    const { tutor, daily, person, totals } = await setup();
    await daily.run();
    const first = await tutor.handleAction(person('lee', 'A'), answerAction(daily.latest('A')));
    const second = await tutor.handleAction(person('lee', 'B'), answerAction(daily.latest('B')));

    expect(first.title).toMatch(/Correct/);
    expect(first.visibility).toBe('private');
    expect(text(second)).toMatch(/already answered today's question/);
    expect(await totals('lee')).toMatchObject({ dailyAnswered: 1, points: 10 });
  });

  it('scores a wrong answer with no points but keeps the streak going', async () => {
    const { tutor, daily, person, totals } = await setup();
    await daily.run();

    const reply = await tutor.handleAction(person('max'), answerAction(daily.latest('A'), false));

    expect(reply.title).toMatch(/Not quite/);
    expect(text(reply)).toMatch(/Daily streak: 1/);
    expect(await totals('max')).toMatchObject({ points: 0, dailyAnswered: 1, streak: 1 });
  });

  it('refuses a forged date that has no question in this channel', async () => {
    const { tutor } = await setup();
    const reply = await tutor.handleAction(asker(), 'd:2020-01-01:0');
    expect(reply.sections[0]).toMatch(/doesn't belong to a question/);
  });
});
