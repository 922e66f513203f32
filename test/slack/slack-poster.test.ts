import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackPoster } from '../../src/slack/slack-poster.js';
import type { Subscription } from '../../src/store/records.js';
import { type FakeChatApis, startFakeChatApis } from '../helpers/fake-chat-apis.js';

const channel = (channelId: string): Subscription => ({
  platform: 'slack',
  workspaceId: 'T1',
  channelId,
  subscribedBy: 'admin',
  subscribedAt: '2026-11-23T09:00:00.000Z',
  status: 'active',
});
const reply = {
  title: 'Question of the day',
  sections: ['**Which is stateless?** <!channel>'],
  buttons: [{ label: 'NACL', action: 'd:2026-11-23:0', kind: 'answer' as const }],
  visibility: 'channel' as const,
};

// Its failures (rate limit, gone channel, refused token) are in test/daily/channel-poster.test.ts.
describe('Function: createSlackPoster', () => {
  let api: FakeChatApis;
  beforeAll(async () => {
    api = await startFakeChatApis({ slackPerChannelMs: 1000 });
  });
  afterAll(() => api.close());

  it('posts Block Kit with chat.postMessage and returns the message ts', async () => {
    const poster = createSlackPoster({ apiUrl: api.slackApiUrl, botToken: 'xoxb-1' });
    const result = await poster.post(channel('C1'), reply);
    expect(result).toMatchObject({ ok: true });
    const sent = api.messages.at(-1);
    expect(sent?.authorization).toBe('Bearer xoxb-1');
    expect(sent?.body.channel).toBe('C1');
    expect(JSON.stringify(sent?.body.blocks)).not.toContain('<!channel>');
  });
});
