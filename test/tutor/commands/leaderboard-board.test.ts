import { describe, expect, it } from 'vitest';
import type { DynamoStore } from '../../../src/store/dynamo-store.js';
import { BOARD_READ } from '../../../src/tutor/commands/leaderboard.js';
import { renderNames } from '../../../src/tutor/display-name.js';
import { createTutor } from '../../../src/tutor/tutor.js';
import { freshStore } from '../../helpers/dynamo.js';
import { asker, fakeClock, testDeps } from '../../helpers/test-deps.js';

const team = { platform: 'local', workspaceId: 'T1' };
const at = '2026-11-23T09:00:00.000Z';

/** `count` people with daily points 10, 20, 30…, the last one highest: user `u{i}` has (i+1)×10. */
async function board(store: DynamoStore, count: number) {
  for (let start = 0; start < count; start += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, count - start) }, (_, j) => start + j).map((i) =>
        store.recordDaily(
          { ...team, userId: `u${i}`, name: `user ${i}` },
          {
            channelId: 'C1',
            date: '2026-11-23',
            week: '2026-W48',
            choice: 0,
            correct: true,
            points: (i + 1) * 10,
            streak: 1,
            bestStreak: 1,
            lastDailyDate: '2026-11-23',
            at,
          },
        ),
      ),
    );
  }
}

async function setup(count: number) {
  const fresh = await freshStore();
  await board(fresh.store, count);
  const tutor = createTutor(
    testDeps({ storeImpl: fresh.store, clock: fakeClock('2026-11-23T12:00:00Z') }),
  );
  fresh.requests.length = 0;
  return { tutor, requests: fresh.requests };
}

const who = (userId: string) => asker({ userId, userName: userId });

describe('Feature: /aws leaderboard on DynamoDB Local', () => {
  it('shows the top 10 and the asker further down, from one Query', async () => {
    const { tutor, requests } = await setup(15);
    const reply = await tutor.handleCommand(who('u2'), 'leaderboard all');
    const lines = renderNames(reply.sections[0] ?? '', (n) => n).split('\n');
    expect(lines).toHaveLength(12);
    expect(lines[0]).toMatch(/^🥇 \*\*user 14\*\*: 150 pts$/);
    expect(lines[9]).toMatch(/^10\. \*\*user 5\*\*: 60 pts$/);
    expect(lines[10]).toBe('…');
    expect(lines[11]).toBe('13. **user 2** (you): 30 pts');
    expect(requests).toEqual(['QueryCommand']);
    expect(reply.visibility).toBe('channel');
  });

  it('adds no line for someone not on the board, still in one Query', async () => {
    const { tutor, requests } = await setup(12);
    const reply = await tutor.handleCommand(who('newcomer'), 'leaderboard');
    expect(reply.sections[0]).not.toMatch(/you/);
    expect((reply.sections[0] ?? '').split('\n')).toHaveLength(10);
    expect(requests).toEqual(['QueryCommand']);
  });

  it(`finds the asker's rank with a count on a board bigger than ${BOARD_READ}`, async () => {
    const { tutor, requests } = await setup(BOARD_READ + 5);
    const reply = await tutor.handleCommand(who('u1'), 'leaderboard all');
    const lines = renderNames(reply.sections[0] ?? '', (n) => n).split('\n');
    // Named as the asker is called now (their own entry is read, not the board).
    expect(lines.at(-1)).toBe(`${BOARD_READ + 4}. **u1** (you): 20 pts`);
    expect(requests).toEqual(['QueryCommand', 'QueryCommand', 'QueryCommand']);
  });
});
