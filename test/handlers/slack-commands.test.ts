import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectWithinSlackLimits } from '../helpers/slack-blocks.js';
import { type SlackHandlerHarness, startSlackHandler, USERS } from '../helpers/slack-handler.js';
import { commandEvent } from '../helpers/slack-request.js';

// biome-ignore lint/suspicious/noExplicitAny: replies are inspected as the JSON Slack receives
type Json = any;

/** Every `/aws` command from DESIGN.md, through the real handler, DynamoDB Local and a fake Slack. */
describe('Handler: slack (commands)', () => {
  let h: SlackHandlerHarness;
  beforeAll(async () => {
    h = await startSlackHandler();
  });
  afterAll(() => h.stop());

  /** Runs `/aws text` as `user`; checks the answer is a valid, quick Block Kit reply. */
  async function aws(text: string, user: string = USERS.alice, channel = 'C0STUDY01') {
    const name = Object.entries(USERS).find(([, id]) => id === user)?.[0] ?? user.toLowerCase();
    const res = await h.invoke(
      commandEvent({ text, user_id: user, user_name: name, channel_id: channel }),
    );
    expect(res.status).toBe(200);
    expectWithinSlackLimits(res.json);
    return res.json as Json;
  }
  const header = (reply: Json) => reply.blocks.find((b: Json) => b.type === 'header')?.text.text;
  const allText = (reply: Json) => JSON.stringify(reply.blocks);
  const buttons = (reply: Json) =>
    reply.blocks.filter((b: Json) => b.type === 'actions').flatMap((b: Json) => b.elements);

  it('quiz: a private practice question with one answer button per choice', async () => {
    const reply = await aws('quiz serverless');
    expect(reply.response_type).toBe('ephemeral');
    expect(header(reply)).toBe('Practice question');
    const answers = buttons(reply);
    expect(answers).toHaveLength(4);
    for (const [i, b] of answers.entries()) {
      expect(b.action_id).toBe(`aws:answer:${i}`);
      expect(b.value).toMatch(/^p:[a-z0-9]+:[a-z0-9-]+:\d$/);
    }
  });

  it('score: a private score card, even before any answer', async () => {
    const reply = await aws('score', USERS.bob);
    expect(reply.response_type).toBe('ephemeral');
    expect(header(reply)).toBe('Your score');
    expect(allText(reply)).toContain("haven't answered anything yet");
  });

  it('daily status: anyone may ask, and no admin lookup is made', async () => {
    const before = h.fake.apiCalls('users.info').length;
    const reply = await aws('daily status', USERS.bob, 'C0STATUS1');
    expect(reply.response_type).toBe('ephemeral');
    expect(allText(reply)).toContain('not subscribed');
    expect(h.fake.apiCalls('users.info')).toHaveLength(before);
  });

  it('daily on by a member is refused after a users.info lookup with the bot token', async () => {
    const reply = await aws('daily on', USERS.bob, 'C0REFUSE1');
    expect(reply.response_type).toBe('ephemeral');
    expect(allText(reply)).toMatch(
      /Only workspace admins and owners .*can turn the daily question on or off/,
    );
    const lookup = h.fake.apiCalls('users.info').at(-1);
    expect(lookup?.body.user).toBe(USERS.bob);
    expect(lookup?.authorization).toBe('Bearer xoxb-test-token');
    expect(allText(await aws('daily status', USERS.bob, 'C0REFUSE1'))).toContain('not subscribed');
  });

  it('daily on by an admin is announced in the channel; off by an owner too', async () => {
    const on = await aws('daily on', USERS.admin, 'C0DAILY01');
    expect(on.response_type).toBe('in_channel');
    expect(allText(on)).toContain('turned on the daily question');
    expect(allText(await aws('daily status', USERS.bob, 'C0DAILY01'))).toContain(
      'gets the daily question',
    );
    const off = await aws('daily off', USERS.owner, 'C0DAILY01');
    expect(off.response_type).toBe('in_channel');
    expect(allText(off)).toContain('turned off the daily question');
  });

  it('daily on by a user in SLACK_ADMIN_USER_IDS needs no users.info call', async () => {
    const before = h.fake.apiCalls('users.info').length;
    const on = await aws('daily on', USERS.listed, 'C0LISTED1');
    expect(allText(on)).toContain('turned on the daily question');
    expect(h.fake.apiCalls('users.info')).toHaveLength(before);
  });

  it('a failed users.info lookup gets a polite error, not a wrong "you are not an admin"', async () => {
    const reply = await aws('daily on', 'U0GHOST01', 'C0GHOST01');
    expect(allText(reply)).toContain('Sorry, something went wrong');
    expect(allText(reply)).not.toMatch(/Only workspace admins/);
  });

  it('mentions typed into a query come back escaped, never as a ping', async () => {
    const reply = await aws('<!channel> <@U0BOB0001> xqzv');
    expect(allText(reply)).not.toContain('<!channel>');
    expect(allText(reply)).not.toContain('<@U0BOB0001>');
  });
});
