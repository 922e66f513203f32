import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatDriver, PLATFORMS } from '../helpers/chat-driver.js';

// biome-ignore lint/suspicious/noExplicitAny: messages are read as the JSON the platforms receive
type Json = any;

/** What each platform shows differently for the same answer. */
const SHOWN = {
  slack: {
    /** The docs link, in the card's context line (`:book: <url|…>`). */
    docsLink: (card: Json): string =>
      /^:book: <(https:[^|>]+)/.exec(
        card.blocks.find((b: Json) => b.type === 'context')?.elements[0].text ?? '',
      )?.[1] ?? '',
    labels: (card: Json): string[] =>
      card.blocks
        .filter((b: Json) => b.type === 'actions')
        .flatMap((b: Json) => b.elements.map((e: Json) => e.text.text)),
    notAnAdmin: /^Only workspace admins and owners .*can turn the daily question on or off/,
  },
  discord: {
    /** The docs link, as the embed's own link. */
    docsLink: (card: Json): string => card.embeds?.[0]?.url ?? '',
    labels: (card: Json): string[] =>
      (card.components ?? []).flatMap((row: Json) => row.components.map((b: Json) => b.label)),
    notAnAdmin: /^Only members with the Manage Server permission can turn the daily question on/,
  },
};

/** `/aws` commands whose answer is the same on both platforms, through each real handler. */
describe.each(PLATFORMS)('Handler: %s (commands)', (platform, start) => {
  const shown = SHOWN[platform];
  let d: ChatDriver;
  beforeAll(async () => {
    d = await start();
  });
  afterAll(() => d.stop());

  it('help: what the tutor does, only to the asker', async () => {
    const reply = await d.command('help');
    expect(reply.private).toBe(true);
    expect(reply.title).toBe('AWS tutor');
    expect(reply.text).toContain('`/aws quiz`');
  });

  it('search: a typo finds the concept card, privately, with its docs link and related buttons', async () => {
    const card = await d.command('lamda');
    expect(card.private).toBe(true);
    expect(card.title).toBe('AWS Lambda');
    expect(shown.docsLink(card.message)).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/lambda/);
    expect(card.buttons.some((b) => b.startsWith('s:'))).toBe(true);
    expect(shown.labels(card.message)).toContain('Share in channel');
    expect(card.buttons.some((b) => b.startsWith('c:'))).toBe(true);
    expect((await d.command('search sqs')).title).toBe('Amazon SQS');
  });

  it('vs: two concepts side by side', async () => {
    expect((await d.command('sqs vs sns')).title).toMatch(/SQS.* vs .*SNS/);
  });

  it('topics: the concepts grouped by topic, or one topic on request, privately', async () => {
    const all = await d.command('topics');
    expect(all.private).toBe(true);
    expect(all.text).toContain('Networking');
    const one = await d.command('topics messaging');
    expect(one.private).toBe(true);
    expect(one.text).toMatch(/SQS/);
  });

  it('leaderboard: posted to the channel', async () => {
    const board = await d.command('leaderboard all');
    expect(board.private).toBe(false);
    expect(board.title).toBe('Leaderboard: all time');
  });

  it('daily on: refused, privately, for someone who may not change the channel', async () => {
    const reply = await d.command('daily on');
    expect(reply.private).toBe(true);
    expect(reply.text).toMatch(shown.notAnAdmin);
  });

  it('a 6,000-character query is answered, and says it was cut', async () => {
    const reply = await d.command('lambda '.repeat(860).slice(0, 6000));
    expect(reply.text).toContain('only read its first 200 characters');
  });
});
