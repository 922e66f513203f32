import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackPoster } from '../../src/slack/slack-poster.js';
import type { Subscription } from '../../src/store/records.js';
import { startFakeChatApis } from '../helpers/fake-chat-apis.js';

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

describe('Function: createSlackPoster', () => {
  let api: Awaited<ReturnType<typeof startFakeChatApis>>;
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

  it('reports Slack’s per-channel rate limit with Retry-After', async () => {
    const poster = createSlackPoster({ apiUrl: api.slackApiUrl, botToken: 'xoxb-1' });
    await poster.post(channel('C2'), reply);
    expect(await poster.post(channel('C2'), reply)).toMatchObject({
      ok: false,
      scope: 'transient',
      retryAfterMs: 1000,
    });
  });

  it('reports a channel the bot cannot reach any more as a channel failure', async () => {
    const poster = createSlackPoster({ apiUrl: api.slackApiUrl, botToken: 'xoxb-1' });
    api.gone.add('GONE');
    expect(await poster.post(channel('GONE'), reply)).toMatchObject({
      ok: false,
      scope: 'channel',
      error: 'channel_not_found',
    });
  });

  it('reports a refused token as a token failure, not a channel one', async () => {
    const poster = createSlackPoster({ apiUrl: api.slackApiUrl, botToken: 'xoxb-old' });
    api.revoked.add('slack');
    const result = await poster.post(channel('C3'), reply);
    api.revoked.clear();
    expect(result).toMatchObject({ ok: false, scope: 'token', error: 'invalid_auth' });
  });
});
