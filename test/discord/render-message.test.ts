import {
  type APIButtonComponent,
  type APIEmbed,
  type APIInteractionResponseCallbackData,
  ButtonStyle,
  ComponentType,
  MessageFlags,
} from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { clip, clipMarkdown, LIMITS } from '../../src/discord/discord-limits.js';
import { renderEdit, renderMessage } from '../../src/discord/render-message.js';
import type { Reply, ReplyButton } from '../../src/tutor/reply.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { expectWithinDiscordLimits } from '../helpers/expect-discord-limits.js';
import { asker, testDeps } from '../helpers/test-deps.js';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const embedOf = (m: APIInteractionResponseCallbackData) => m.embeds?.[0] as APIEmbed;
const buttonsOf = (m: APIInteractionResponseCallbackData) =>
  (m.components ?? []).flatMap((r) => (r as { components: APIButtonComponent[] }).components);
const button = (i: number, overrides: Partial<ReplyButton> = {}): ReplyButton => ({
  label: `Choice ${i}`,
  action: `p:abcdef:q-${i}:${i % 10}`,
  kind: 'answer',
  ...overrides,
});

describe('Function: renderMessage', () => {
  it('renders a plain private reply as ephemeral content that never pings anyone', () => {
    const message = renderMessage({ sections: ['Hi @everyone', '• one'], visibility: 'private' });
    expect(message).toEqual({
      content: 'Hi @everyone\n\n• one',
      components: [],
      allowed_mentions: { parse: [] },
      flags: MessageFlags.Ephemeral,
    });
  });

  it('renders a channel reply without the ephemeral flag', () => {
    const message = renderMessage({ title: 'Board', sections: ['x'], visibility: 'channel' });
    expect(message.flags).toBeUndefined();
    expect(embedOf(message).title).toBe('Board');
  });

  it('keeps content within 2,000 characters: longer plain text moves into an embed', () => {
    const exact = renderMessage({ sections: ['a'.repeat(LIMITS.content)], visibility: 'private' });
    expect(exact.content).toHaveLength(LIMITS.content);
    const longer = renderMessage({
      sections: ['a'.repeat(LIMITS.content + 1)],
      visibility: 'private',
    });
    expect(longer.content).toBeUndefined();
    expect(embedOf(longer).description).toHaveLength(LIMITS.content + 1);
  });

  it('cuts a title to 256 characters with an ellipsis, and links it to the docs', () => {
    const message = renderMessage({
      title: 'T'.repeat(300),
      sections: ['body'],
      link: { label: 'Docs', url: 'https://docs.aws.amazon.com/lambda/' },
      visibility: 'private',
    });
    const embed = embedOf(message);
    expect(embed.title).toHaveLength(LIMITS.embedTitle);
    expect(embed.title?.endsWith('…')).toBe(true);
    expect(embed.url).toBe('https://docs.aws.amazon.com/lambda/');
  });

  it('cuts a description to 4,096 characters with an ellipsis', () => {
    const embed = embedOf(
      renderMessage({ title: 'x', sections: ['d'.repeat(9000)], visibility: 'private' }),
    );
    expect(embed.description).toHaveLength(LIMITS.embedDescription);
    expect(embed.description?.endsWith('…')).toBe(true);
  });

  it('closes a code fence that the cut would leave open', () => {
    const bars = `**Mastery**\n\`\`\`\n${'Networking ▓▓▓░░░  30%\n'.repeat(400)}\`\`\``;
    const embed = embedOf(
      renderMessage({ title: 'Score', sections: [bars], visibility: 'private' }),
    );
    const description = embed.description ?? '';
    expect(description.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(description.split('```').length % 2).toBe(1);
    expect(description.endsWith('```')).toBe(true);
  });

  it('shows at most 25 fields, names cut to 256 and values to 1,024, none empty', () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({
      label: i === 0 ? '' : `N${i}`.padEnd(300, 'n'),
      value: i === 1 ? '' : 'v'.repeat(2000),
    }));
    const embed = embedOf(
      renderMessage({ title: 'x', sections: [], fields, visibility: 'private' }),
    );
    expect(embed.fields?.length).toBeLessThanOrEqual(LIMITS.embedFields);
    for (const f of embed.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
    expect(embed.fields?.[1]?.name.endsWith('…')).toBe(true);
  });

  it('keeps a whole embed within 6,000 characters, filling fields only while they fit', () => {
    const fields = Array.from({ length: 25 }, (_, i) => ({
      label: `Field ${i}`,
      value: 'v'.repeat(900),
    }));
    const message = renderMessage({
      title: 'T'.repeat(400),
      sections: ['d'.repeat(5000)],
      fields,
      visibility: 'private',
    });
    expectWithinDiscordLimits(message);
    const embed = embedOf(message);
    const total =
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(total).toBeGreaterThan(LIMITS.embedTotal - 20);
    expect(embed.description).toHaveLength(LIMITS.embedDescription);
  });

  it('shows the footnote (the daily live count) as the embed footer, within the embed total', () => {
    const message = renderMessage({
      title: 'Question of the day',
      sections: ['d'.repeat(6000)],
      visibility: 'channel',
      footnote: '12 answered so far',
    });
    expectWithinDiscordLimits(message);
    expect(embedOf(message).footer).toEqual({ text: '12 answered so far' });
    // A footnote alone is enough to need an embed: content has no footer.
    const plain = renderMessage({ sections: ['hi'], visibility: 'channel', footnote: 'n' });
    expect(plain.content).toBeUndefined();
    expect(embedOf(plain).footer?.text).toBe('n');
  });

  it('lays 30 buttons out in at most 5 rows of at most 5, answers first', () => {
    const buttons = [
      ...Array.from({ length: 20 }, (_, i) => button(i)),
      ...Array.from({ length: 10 }, (_, i) =>
        button(100 + i, { kind: 'other', action: `c:n${i}` }),
      ),
    ];
    const message = renderMessage({ sections: ['q'], buttons, visibility: 'private' });
    expectWithinDiscordLimits(message);
    expect(message.components).toHaveLength(LIMITS.actionRows);
    expect(buttonsOf(message)).toHaveLength(LIMITS.actionRows * LIMITS.buttonsPerRow);
    expect((buttonsOf(message)[0] as { custom_id: string }).custom_id).toBe('p:abcdef:q-0:0');
  });

  it('puts answer choices and other buttons on separate rows', () => {
    const message = renderMessage({
      sections: ['q'],
      buttons: [button(0), button(1), button(2, { kind: 'other', action: 'q:', style: 'primary' })],
      visibility: 'private',
    });
    const rows = (message.components ?? []) as { components: APIButtonComponent[] }[];
    expect(rows.map((r) => r.components.length)).toEqual([2, 1]);
    expect(rows[1]?.components[0]?.style).toBe(ButtonStyle.Primary);
    expect(rows[0]?.components[0]?.style).toBe(ButtonStyle.Secondary);
  });

  it('cuts button labels to 80 characters', () => {
    const message = renderMessage({
      sections: ['q'],
      buttons: [button(0, { label: 'L'.repeat(200) }), button(1, { label: '' })],
      visibility: 'private',
    });
    const [first, second] = buttonsOf(message) as { label: string }[];
    expect(first?.label).toHaveLength(LIMITS.buttonLabel);
    expect(first?.label.endsWith('…')).toBe(true);
    expect(second?.label.length).toBeGreaterThan(0);
  });

  it('leaves out a button whose custom_id is over 100 characters or repeats another', () => {
    const message = renderMessage({
      sections: ['q'],
      buttons: [
        button(0, { action: 'x'.repeat(LIMITS.customId + 1) }),
        button(1, { action: 'y'.repeat(LIMITS.customId) }),
        button(2, { action: 'y'.repeat(LIMITS.customId) }),
        button(3, { action: '' }),
      ],
      visibility: 'private',
    });
    expect(buttonsOf(message).map((b) => (b as { custom_id: string }).custom_id)).toEqual([
      'y'.repeat(LIMITS.customId),
    ]);
  });

  it('adds the docs link as a link button, and drops a link that is not an http(s) URL', () => {
    const linked = renderMessage({
      title: 'Lambda',
      sections: ['s'],
      link: { label: 'AWS documentation', url: 'https://docs.aws.amazon.com/lambda/' },
      buttons: [button(0, { kind: 'other', action: 'q:lambda' })],
      visibility: 'private',
    });
    const link = buttonsOf(linked).at(-1);
    expect(link).toEqual({
      type: ComponentType.Button,
      style: ButtonStyle.Link,
      label: 'AWS documentation',
      url: 'https://docs.aws.amazon.com/lambda/',
    });
    expect(linked.components).toHaveLength(1);
    const bad = renderMessage({
      title: 'x',
      sections: ['s'],
      link: { label: 'Docs', url: 'javascript:alert(1)' },
      visibility: 'private',
    });
    expect(buttonsOf(bad)).toEqual([]);
    expect(embedOf(bad).url).toBeUndefined();
  });

  it('shows a masked link from user text as typed, not as a disguised link', () => {
    // A nickname on the public leaderboard; the core's own Markdown never contains links.
    const nick = '[Claim prize](https://evil.example)';
    const message = renderMessage({
      title: 'Leaderboard: all time',
      sections: [`🥇 **${nick}**: 30 pts`],
      fields: [{ label: 'Top', value: nick }],
      visibility: 'channel',
    });
    const embed = embedOf(message);
    expect(embed.description).toBe('🥇 **\\[Claim prize\\](https://evil.example)**: 30 pts');
    expect(embed.fields?.[0]?.value).toBe('\\[Claim prize\\](https://evil.example)');
    const plain = renderMessage({ sections: [`Hi ${nick}`], visibility: 'private' });
    expect(plain.content).not.toMatch(/(^|[^\\])\[Claim prize\]\(/);
  });

  it('renders every reply of the real core within every limit', async () => {
    const tutor = createTutor(testDeps());
    const replies: Reply[] = [];
    for (const text of ['help', 'lambda', 'sqs vs sns', 'topics', 'topics networking', 'zzzz']) {
      replies.push(await tutor.handleCommand(asker(), text));
    }
    for (const reply of replies) expectWithinDiscordLimits(renderMessage(reply));
    expect(replies.some((r) => (r.buttons?.length ?? 0) > 0)).toBe(true);
  });
});

describe('Function: renderEdit', () => {
  it('sets content, embeds and buttons (so nothing old survives) and never flags', () => {
    const edit = renderEdit({ title: 'Correct!', sections: ['x'], visibility: 'private' });
    expect(edit.flags).toBeUndefined();
    expect(edit.content).toBe('');
    expect(edit.embeds).toHaveLength(1);
    expect(edit.components).toEqual([]);
    const plain = renderEdit({ sections: ['expired'], visibility: 'private' });
    expect(plain.embeds).toEqual([]);
    expect(plain.content).toBe('expired');
  });
});

describe('Function: clip', () => {
  it('leaves short text alone and cuts long text to exactly the limit', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('abcdefghij', 5)).toBe('abcd…');
    expect(clip('abc', 0)).toBe('');
  });

  it('never splits an emoji (a surrogate pair) in half', () => {
    const text = `${'a'.repeat(8)}😀😀😀`;
    for (let max = 1; max < text.length; max++) {
      const cut = clip(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(LONE_SURROGATE);
    }
  });

  it('clipMarkdown keeps fences balanced at every cut point', () => {
    const text = `intro\n\`\`\`\n${'line\n'.repeat(20)}\`\`\`\nafter`;
    for (let max = 12; max < text.length; max++) {
      const cut = clipMarkdown(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.split('```').length % 2).toBe(1);
    }
  });
});
