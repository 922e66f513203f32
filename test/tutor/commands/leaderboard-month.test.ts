import { describe, expect, it } from 'vitest';
import { renderNames } from '../../../src/tutor/display-name.js';
import type { Reply } from '../../../src/tutor/reply.js';
import { createTutor } from '../../../src/tutor/tutor.js';
import { answerAction, dailyRunner, subscribeChannels } from '../../helpers/daily-round.js';
import { freshStore } from '../../helpers/dynamo.js';
import { asker, fakeClock, testDeps } from '../../helpers/test-deps.js';

const tenant = { platform: 'slack' as const, workspaceId: 'T1' };
const person = (name: string) =>
  asker({ ...tenant, channelId: 'C1', userId: `U-${name}`, userName: name });
const lines = (reply: Reply) => renderNames(reply.sections[0] ?? '', (name) => name);

describe('Feature: the monthly board (`/aws leaderboard month`)', () => {
  it('counts daily points by the calendar month of the question, and starts afresh on the 1st', async () => {
    const { store } = await freshStore();
    await subscribeChannels(store, tenant, ['C1']);
    const clock = fakeClock('2026-11-30T09:00:00Z');
    const tutor = createTutor(testDeps({ storeImpl: store, clock }));
    const daily = dailyRunner(store, clock, 'slack');

    await daily.run();
    const november = daily.latest('C1');
    clock.set('2026-11-30T10:00:00Z');
    await tutor.handleAction(person('alice'), answerAction(november));
    await tutor.handleAction(person('carol'), answerAction(november, false));
    // Answered on 1 December, before the next question closes it: the point is November's.
    clock.set('2026-12-01T08:30:00Z');
    await tutor.handleAction(person('bob'), answerAction(november));

    clock.set('2026-12-01T09:00:00Z');
    await daily.run();
    clock.set('2026-12-01T10:00:00Z');
    await tutor.handleAction(person('alice'), answerAction(daily.latest('C1')));

    const december = await tutor.handleCommand(person('carol'), 'leaderboard month');
    expect(december.title).toBe('Leaderboard: December 2026');
    expect(december.visibility).toBe('channel');
    expect(lines(december)).toBe('🥇 **alice**: 10 pts');

    clock.set('2026-11-30T23:00:00Z');
    const earlier = await tutor.handleCommand(person('carol'), 'leaderboard month');
    expect(earlier.title).toBe('Leaderboard: November 2026');
    // A wrong answer scores nothing, so carol is not on the board.
    expect(lines(earlier)).toBe('🥇 **alice**: 10 pts\n🥇 **bob**: 10 pts');

    // The all-time board keeps both months.
    clock.set('2026-12-01T12:00:00Z');
    expect(lines(await tutor.handleCommand(person('carol'), 'leaderboard all'))).toMatch(
      /^🥇 \*\*alice\*\*: 20 pts\n🥈 \*\*bob\*\*: 10 pts/,
    );
  });

  it('takes the month in DAILY_TIMEZONE: late on 30 November in Los Angeles is still November', async () => {
    const { store } = await freshStore();
    const clock = fakeClock('2026-12-01T05:00:00Z');
    const tutor = createTutor(
      testDeps({ storeImpl: store, clock, timeZone: 'America/Los_Angeles' }),
    );
    const reply = await tutor.handleCommand(person('alice'), 'leaderboard month');
    expect(reply.title).toBe('Leaderboard: November 2026');
    expect(reply.sections[0]).toBe(
      'Nobody has scored yet this month. Answer the daily question to be first on the board!',
    );
  });

  it('adds a question date once, however often the write is repeated', async () => {
    const { store } = await freshStore();
    const alice = { ...tenant, userId: 'U-alice', name: 'alice' };
    const entry = { month: '2026-11', date: '2026-11-30', points: 10, at: '2026-11-30T10:00:00Z' };
    await store.addMonthPoints(alice, entry);
    await store.addMonthPoints(alice, entry);
    await store.addMonthPoints(alice, { ...entry, date: '2026-11-27' });
    expect(await store.leaderboard(tenant, '2026-11', 10)).toEqual([
      { userId: 'U-alice', name: 'alice', points: 20 },
    ]);
  });
});
