import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs, theMetricLine } from '../helpers/capture-logs.js';
import { type ScheduledWorld, startScheduledWorld } from '../helpers/scheduled-world.js';

const SLACK_T1 = { platform: 'slack', workspaceId: 'T1' };

/** The deployed function's name in stage ci, which its alarm names (template test). */
const FUNCTION = 'aws-tutor-ci-dailyQuiz';

describe('Handler: dailyQuiz', () => {
  let fresh: ScheduledWorld;
  let apis: ScheduledWorld['apis'];
  beforeAll(async () => {
    fresh = await startScheduledWorld(FUNCTION, [
      [SLACK_T1, 'C1'],
      [SLACK_T1, 'C2'],
      [{ platform: 'slack', workspaceId: 'T2' }, 'GONE'],
      [{ platform: 'discord', workspaceId: 'G1' }, 'D1'],
    ]);
    apis = fresh.apis;
    apis.gone.add('GONE');
  });
  afterAll(() => fresh.close());

  it('fails loudly on a revoked token and keeps every subscription (the retry posts them)', async () => {
    const { handler } = await import('../../src/handlers/daily-quiz.js');
    apis.revoked.add('slack');
    apis.revoked.add('discord');
    const logs = captureLogs();
    const thrown = await handler().catch((e: Error) => e);
    logs.restore();
    apis.revoked.clear();
    // The counts are written although the run throws: every channel is left for the retry.
    expect(theMetricLine(logs.lines, FUNCTION)).toMatchObject({
      DailyPostsPosted: 0,
      DailyPostsFailed: 4,
    });
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toMatch(
      /bot token was refused on (slack and discord|discord and slack)/,
    );
    expect(apis.messages).toHaveLength(0);
    for (const [tenant, channel] of [
      [{ platform: 'slack', workspaceId: 'T1' }, 'C1'],
      [{ platform: 'slack', workspaceId: 'T1' }, 'C2'],
      [{ platform: 'slack', workspaceId: 'T2' }, 'GONE'],
      [{ platform: 'discord', workspaceId: 'G1' }, 'D1'],
    ] as const) {
      expect((await fresh.store.getSubscription(tenant, channel))?.status).toBe('active');
    }
  });

  it('on the retry, posts to every subscribed channel once, and marks the dead one', async () => {
    const { handler } = await import('../../src/handlers/daily-quiz.js');
    const logs = captureLogs();
    const summary = await handler();
    logs.restore();
    expect(summary).toMatchObject({ channels: 4, posted: 3, failed: 1, deferred: 0 });
    expect(theMetricLine(logs.lines, FUNCTION)).toMatchObject({
      DailyPostsPosted: 3,
      DailyPostsFailed: 1,
    });
    const slack = apis.messages.filter((m) => m.platform === 'slack');
    expect(slack.map((m) => m.channel).sort()).toEqual(['C1', 'C2']);
    expect(slack[0]?.authorization).toBe('Bearer xoxb-test');
    expect(JSON.stringify(slack[0]?.body.blocks)).toContain('d:');
    expect(apis.messages.filter((m) => m.platform === 'discord').map((m) => m.channel)).toEqual([
      'D1',
    ]);
    const gone = await fresh.store.getSubscription(
      { platform: 'slack', workspaceId: 'T2' },
      'GONE',
    );
    expect(gone).toMatchObject({ status: 'failed', failure: 'channel_not_found' });
  });

  it('posts nothing more when Scheduler delivers the same event again', async () => {
    const { handler } = await import('../../src/handlers/daily-quiz.js');
    const before = apis.messages.length;
    const summary = await handler();
    expect(summary).toMatchObject({ channels: 3, posted: 0, skipped: 3 });
    expect(apis.messages).toHaveLength(before);
  });
});
