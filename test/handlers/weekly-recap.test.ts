import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs, theMetricLine } from '../helpers/capture-logs.js';
import { type ScheduledWorld, startScheduledWorld } from '../helpers/scheduled-world.js';

const SLACK_T1 = { platform: 'slack', workspaceId: 'T1' };

describe('Handler: weeklyRecap', () => {
  let fresh: ScheduledWorld;
  let apis: ScheduledWorld['apis'];
  beforeAll(async () => {
    fresh = await startScheduledWorld('aws-tutor-ci-weeklyRecap', [
      [SLACK_T1, 'C1'],
      [SLACK_T1, 'C2'],
      [{ platform: 'discord', workspaceId: 'G1' }, 'D1'],
    ]);
    apis = fresh.apis;
    await fresh.store.setRecap(SLACK_T1, 'C2', false);
  });
  afterAll(() => fresh.close());

  it('fails loudly on a revoked token, posting nothing, so Lambda retries', async () => {
    const { handler } = await import('../../src/handlers/weekly-recap.js');
    apis.revoked.add('slack');
    const logs = captureLogs();
    const thrown = await handler().catch((e: Error) => e);
    logs.restore();
    apis.revoked.clear();
    expect((thrown as Error).message).toMatch(/bot token was refused on slack/);
    // Counted although the run throws: the refused platform's channel is left for the retry.
    expect(theMetricLine(logs.lines, 'aws-tutor-ci-weeklyRecap')).toMatchObject({
      RecapPostsFailed: 1,
    });
    expect(apis.messages.filter((m) => m.platform === 'slack')).toHaveLength(0);
  });

  it('posts the recap once to every channel that has it on, and nothing on a repeated delivery', async () => {
    const { handler } = await import('../../src/handlers/weekly-recap.js');
    const summary = await handler();
    expect(summary).toMatchObject({ channels: 3, deferred: 0 });
    expect(apis.messages.map((m) => m.channel).sort()).toEqual(['C1', 'D1']);
    expect(JSON.stringify(apis.messages[0]?.body)).toContain('Weekly recap (');
    const again = await handler();
    expect(again).toMatchObject({ posted: 0, skipped: 3 });
    expect(apis.messages).toHaveLength(2);
  });
});
