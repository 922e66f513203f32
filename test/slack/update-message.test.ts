import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackApiError } from '../../src/errors.js';
import { createSlackMessageUpdater } from '../../src/slack/update-message.js';
import type { Reply } from '../../src/tutor/reply.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack-api.js';
import { expectWithinSlackLimits } from '../helpers/slack-blocks.js';

const daily: Reply = {
  title: 'Question of the day',
  sections: ['**Which service runs code without servers?**'],
  buttons: [
    { label: 'Lambda', action: 'd:2026-11-23:0', kind: 'answer' },
    { label: 'EC2', action: 'd:2026-11-23:1', kind: 'answer' },
  ],
  visibility: 'channel',
  footnote: '3 answered so far',
};

describe('Function: createSlackMessageUpdater', () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await startFakeSlack({});
  });
  afterAll(() => fake.close());

  const update = () => createSlackMessageUpdater({ apiUrl: fake.apiUrl, botToken: 'xoxb-test' });

  it('sends chat.update for the message named, with the bot token, buttons and count', async () => {
    await update()(
      { channelId: 'C1', messageId: '1795424400.000100', reply: daily },
      AbortSignal.timeout(5000),
    );
    const [call] = fake.apiCalls('chat.update');
    expect(call?.authorization).toBe('Bearer xoxb-test');
    expect(call?.body).toMatchObject({ channel: 'C1', ts: '1795424400.000100' });
    const blocks = call?.body.blocks as {
      type: string;
      elements?: { value?: string; text?: string }[];
    }[];
    expect(blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '3 answered so far', verbatim: true }],
    });
    const values = blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
    expect(values.map((b) => b.value)).toEqual(['d:2026-11-23:0', 'd:2026-11-23:1']);
    expectWithinSlackLimits(call?.body as { text: string; blocks: unknown[] });
  });

  it("throws SlackApiError with Slack's error, never the token", async () => {
    fake.failNext('chat.update', 'message_not_found');
    const error = await update()(
      { channelId: 'C1', messageId: 'nope', reply: daily },
      AbortSignal.timeout(5000),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackApiError);
    expect(String((error as Error).cause)).toMatch(/message_not_found/);
    expect(JSON.stringify(error)).not.toContain('xoxb');
  });

  it('stops at the signal', async () => {
    const error = await update()(
      { channelId: 'C1', messageId: 'ts', reply: daily },
      AbortSignal.abort(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackApiError);
  });
});
