import { describe, expect, it } from 'vitest';
import { renderBlocks } from '../../src/slack/render-blocks.js';
import type { Reply, ReplyButton } from '../../src/tutor/reply.js';
import { expectEscaped, expectWithinSlackLimits, textsOf } from '../helpers/slack-blocks.js';

// biome-ignore lint/suspicious/noExplicitAny: blocks are inspected as the JSON Slack receives
type Json = any;

const card: Reply = {
  title: 'AWS Lambda',
  sections: [
    'Runs your code **without servers** you manage, for _each event_.',
    '**Key points**\n• Pay per request\n• Up to `15 minutes` a run',
  ],
  fields: [{ label: 'Topic', value: 'Serverless' }],
  link: { label: 'AWS documentation', url: 'https://docs.aws.amazon.com/lambda/?a=1&b=2' },
  buttons: [
    { label: 'Amazon SQS', action: 'c:sqs', kind: 'other' },
    { label: 'Quiz me on this', action: 'q:lambda', kind: 'other', style: 'primary' },
  ],
  visibility: 'private',
};

function blocksOf(reply: Reply, type: string): Json[] {
  return (renderBlocks(reply).blocks as Json[]).filter((b) => b.type === type);
}

function buttons(n: number, label = (i: number) => `Choice ${i}`): ReplyButton[] {
  return Array.from({ length: n }, (_, i) => ({
    label: label(i),
    action: `p:abcdefgh12:q-${i}:${i % 10}`,
    kind: 'answer' as const,
  }));
}

describe('Function: renderBlocks', () => {
  it('renders a card as header, sections, fields, docs link and buttons, in that order', () => {
    const message = renderBlocks(card);
    expectWithinSlackLimits(message);
    expect((message.blocks as Json[]).map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'context',
      'actions',
    ]);
    const [header, summary, points, fields, link, actions] = message.blocks as Json[];
    expect(header.text).toEqual({ type: 'plain_text', text: 'AWS Lambda', emoji: true });
    expect(summary.text.text).toBe(
      'Runs your code *without servers* you manage, for _each event_.',
    );
    expect(points.text.text).toBe('*Key points*\n• Pay per request\n• Up to `15 minutes` a run');
    expect(fields.fields).toEqual([
      { type: 'mrkdwn', text: '*Topic*\nServerless', verbatim: true },
    ]);
    expect(link.elements[0].text).toBe(
      ':book: <https://docs.aws.amazon.com/lambda/?a=1&amp;b=2|AWS documentation>',
    );
    expect(actions.elements).toEqual([
      {
        type: 'button',
        action_id: 'aws:other:0',
        text: { type: 'plain_text', text: 'Amazon SQS', emoji: true },
        value: 'c:sqs',
      },
      {
        type: 'button',
        action_id: 'aws:other:1',
        text: { type: 'plain_text', text: 'Quiz me on this', emoji: true },
        value: 'q:lambda',
        style: 'primary',
      },
    ]);
  });

  it('gives a plain-text fallback for notifications with the title and text', () => {
    expect(renderBlocks(card).text).toBe(
      '*AWS Lambda*\n\nRuns your code *without servers* you manage, for _each event_.\n\n*Key points*\n• Pay per request\n• Up to `15 minutes` a run',
    );
  });

  it('leaves bold markers inside code alone', () => {
    const [block] = blocksOf(
      { sections: ['`**x**` and ```\n**y**\n``` but **z**'], visibility: 'private' },
      'section',
    );
    expect(block.text.text).toBe('`**x**` and ```\n**y**\n``` but *z*');
  });

  it('splits a 12,000-character section across sections of at most 3,000, losing no words', () => {
    const words = Array.from({ length: 1500 }, (_, i) => `word${i}`);
    const long = words.join(' ');
    expect(long.length).toBeGreaterThan(12_000);
    const message = renderBlocks({ title: 'Long', sections: [long], visibility: 'private' });
    expectWithinSlackLimits(message);
    const sections = (message.blocks as Json[]).filter((b) => b.type === 'section');
    // Split near the limit, not into crumbs.
    expect(sections.length).toBe(Math.ceil(long.length / 2990));
    for (const s of sections) expect(s.text.text.length).toBeLessThanOrEqual(3000);
    const rejoined = sections.map((s) => s.text.text).join(' ');
    expect(rejoined.split(/\s+/)).toEqual(words);
  });

  it('splits a section with no spaces at all without breaking an entity or an emoji', () => {
    const long = '&'.repeat(999) + '🙂'.repeat(1000);
    const message = renderBlocks({ sections: [long], visibility: 'private' });
    expectWithinSlackLimits(message);
    const text = (message.blocks as Json[]).map((b) => b.text.text).join('');
    expect(text).toBe('&amp;'.repeat(999) + '🙂'.repeat(1000));
    for (const b of message.blocks as Json[]) {
      expect(b.text.text).not.toMatch(/[\uD800-\uDBFF]$/);
      expect(b.text.text).not.toMatch(/^[\uDC00-\uDFFF]/);
    }
  });

  it('closes a code block cut by a split and reopens it in the next section', () => {
    const code = `\`\`\`\n${Array.from({ length: 400 }, (_, i) => `line ${i} ▓▓▓▓░░░░`).join('\n')}\n\`\`\``;
    const sections = blocksOf({ sections: [code], visibility: 'private' }, 'section');
    expect(sections.length).toBeGreaterThan(1);
    for (const s of sections) {
      expect(s.text.text.length).toBeLessThanOrEqual(3000);
      expect(s.text.text.split('```').length % 2).toBe(1); // an even number of fences
    }
  });

  it('keeps a reply of 200 sections within 50 blocks by packing, then cutting with a note', () => {
    const many = renderBlocks({
      title: 'Many',
      sections: Array.from({ length: 200 }, (_, i) => `Paragraph ${i}.`),
      buttons: buttons(4),
      visibility: 'private',
    });
    expectWithinSlackLimits(many);
    // 200 short paragraphs fit in one packed section: nothing is lost.
    expect(textsOf(many).join('\n')).toContain('Paragraph 199.');
    const huge = renderBlocks({
      title: 'Huge',
      sections: Array.from({ length: 200 }, () => 'x '.repeat(1400)),
      buttons: buttons(4),
      visibility: 'private',
    });
    expectWithinSlackLimits(huge);
    expect(huge.blocks.length).toBe(50);
    expect((huge.blocks as Json[]).at(-1).type).toBe('actions');
    expect((huge.blocks as Json[]).at(-2).text.text).toContain('did not fit');
  });

  it('cuts a 300-character title to 150 with an ellipsis', () => {
    const [header] = blocksOf(
      { title: 'T'.repeat(300), sections: [], visibility: 'private' },
      'header',
    );
    expect(header.text.text).toHaveLength(150);
    expect(header.text.text.endsWith('…')).toBe(true);
  });

  it('puts 60 buttons in three actions blocks of at most 25, every one kept', () => {
    const message = renderBlocks({
      sections: ['Pick'],
      buttons: buttons(60),
      visibility: 'private',
    });
    expectWithinSlackLimits(message);
    const actions = (message.blocks as Json[]).filter((b) => b.type === 'actions');
    expect(actions.map((a) => a.elements.length)).toEqual([25, 25, 10]);
    const values = actions.flatMap((a) => a.elements.map((e: Json) => e.value));
    expect(values).toEqual(buttons(60).map((b) => b.action));
  });

  it('puts answer choices before other buttons, in separate actions blocks', () => {
    const actions = blocksOf(
      {
        sections: ['Q'],
        buttons: [{ label: 'Next', action: 'q:', kind: 'other' }, ...buttons(2)],
        visibility: 'private',
      },
      'actions',
    );
    expect(actions.map((a) => a.elements.map((e: Json) => e.value))).toEqual([
      ['p:abcdefgh12:q-0:0', 'p:abcdefgh12:q-1:1'],
      ['q:'],
    ]);
  });

  it('cuts 100-character button labels to 75 and keeps the value whole', () => {
    const [actions] = blocksOf(
      { sections: ['Q'], buttons: buttons(2, () => 'L'.repeat(100)), visibility: 'private' },
      'actions',
    );
    for (const b of actions.elements) {
      expect(b.text.text).toHaveLength(75);
      expect(b.text.text.endsWith('…')).toBe(true);
    }
    expect(actions.elements[1].value).toBe('p:abcdefgh12:q-1:1');
  });

  it('leaves out a button whose value is over 2,000 characters rather than cutting it', () => {
    const [actions] = blocksOf(
      {
        sections: ['Q'],
        buttons: [
          { label: 'Too long', action: 'x'.repeat(2001), kind: 'other' },
          { label: 'Fine', action: 'x'.repeat(2000), kind: 'other' },
        ],
        visibility: 'private',
      },
      'actions',
    );
    expect(actions.elements.map((e: Json) => e.text.text)).toEqual(['Fine']);
  });

  it('splits 15 fields into sections of at most 10, each field at most 2,000 characters', () => {
    const message = renderBlocks({
      sections: [],
      fields: Array.from({ length: 15 }, (_, i) => ({ label: `L${i}`, value: 'v'.repeat(5000) })),
      visibility: 'private',
    });
    expectWithinSlackLimits(message);
    const sections = (message.blocks as Json[]).filter((b) => b.fields);
    expect(sections.map((s) => s.fields.length)).toEqual([10, 5]);
  });

  it('escapes mentions and markup typed by a user everywhere they can appear', () => {
    const evil =
      '<!channel> <!here> <@U0123ABC> <!subteam^S0123|@devs> <https://evil.example|docs> & co';
    const message = renderBlocks({
      title: evil,
      sections: [evil, `**${evil}**`, `\`${evil}\``],
      fields: [{ label: evil, value: evil }],
      link: { label: evil, url: 'https://docs.aws.amazon.com/' },
      buttons: [{ label: evil, action: 'c:sqs', kind: 'other' }],
      visibility: 'channel',
    });
    expectWithinSlackLimits(message);
    const all = textsOf(message);
    for (const text of all) expectEscaped(text);
    expect(all.join('\n')).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;@U0123ABC&gt;');
    expect(all.join('\n')).not.toContain('<!channel>');
    // Our own docs link stays a link; the user's fake one does not.
    expect(all.join('\n')).toContain('<https://docs.aws.amazon.com/|');
    expect(all.join('\n')).not.toContain('<https://evil.example');
  });

  it('turns off Slack auto-parsing, so a plain @channel typed by a user stays text', () => {
    const message = renderBlocks({
      sections: ['@channel look'],
      fields: [{ label: 'a', value: 'b' }],
      visibility: 'channel',
    });
    for (const block of message.blocks as Json[]) {
      for (const t of [block.text, ...(block.fields ?? [])].filter(Boolean)) {
        if (t.type === 'mrkdwn') expect(t.verbatim).toBe(true);
      }
    }
  });

  it('shows a docs URL that is not plain http(s) as text, not as a link', () => {
    const [context] = blocksOf(
      {
        sections: ['x'],
        link: { label: 'Docs', url: 'javascript:alert(1)|<!channel>' },
        visibility: 'private',
      },
      'context',
    );
    expect(context.elements[0].text).toBe(':book: Docs: javascript:alert(1)|&lt;!channel&gt;');
  });

  it('puts the footnote (the daily live count) last, as an escaped context line', () => {
    const message = renderBlocks({
      ...card,
      buttons: buttons(3),
      footnote: '**12** answered so far <!channel>',
    });
    const last = message.blocks.at(-1) as Json;
    expect(last).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '*12* answered so far &lt;!channel&gt;', verbatim: true }],
    });
    expect(message.blocks.at(-2)?.type).toBe('actions');
  });

  it('keeps the footnote within 50 blocks however long the reply', () => {
    const message = renderBlocks({
      sections: Array.from({ length: 200 }, (_, i) => `Section ${i}`),
      buttons: buttons(60),
      visibility: 'channel',
      footnote: '3 answered so far',
    });
    expectWithinSlackLimits(message);
    expect((message.blocks.at(-1) as Json).elements[0].text).toBe('3 answered so far');
  });

  it('never sends an empty message', () => {
    const message = renderBlocks({ sections: ['', '  '], visibility: 'private' });
    expectWithinSlackLimits(message);
  });
});
