import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discordName, renderMessage } from '../../src/discord/render-message.js';
import { toMrkdwn } from '../../src/slack/mrkdwn.js';
import { renderBlocks } from '../../src/slack/render-blocks.js';
import { cleanName, displayName, NAME_END, NAME_START } from '../../src/tutor/display-name.js';
import type { Reply } from '../../src/tutor/reply.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { freshStore } from '../helpers/dynamo.js';
import { asker, testDeps } from '../helpers/test-deps.js';

/** Names chosen to restyle a message: Markdown and mrkdwn syntax, line breaks, isolates. */
const HOSTILE = [
  '# BIG ||spoiler||',
  '-# tiny',
  '> quoted',
  '```js\nalert(1)\n```',
  '[Claim prize](https://evil.example)',
  '**boss** _it_ ~~gone~~ `code`',
  '<!channel> <@U123> @everyone',
  `a${NAME_END}**escaped**${NAME_START}b`,
];
const hostileName = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc
    .array(
      fc.constantFrom(
        '#',
        '-',
        '>',
        '|',
        '*',
        '_',
        '~',
        '`',
        '[',
        ']',
        '(',
        ')',
        '<',
        '@',
        '\n',
        'x',
        ' ',
        NAME_END,
      ),
      {
        minLength: 1,
        maxLength: 30,
      },
    )
    .map((chars) => chars.join('')),
);

/** Discord Markdown characters in `text` that no backslash escapes. */
function unescapedDiscord(text: string): string[] {
  return [...text.replace(/\\./g, '').matchAll(/[*_~`|>#[\]()<:]|-#/g)].map((m) => m[0]);
}

describe('Function: displayName', () => {
  it('keeps a name to one clean line of at most 80 characters, never empty', () => {
    expect(cleanName('  Ada\n\u202eLovelace\u0007 ')).toBe('Ada Lovelace');
    expect(cleanName('\u200b\n')).toBe('someone');
    expect(Array.from(cleanName('x'.repeat(200)))).toHaveLength(80);
  });

  it('cannot be broken out of: a name holding the markers loses them', () => {
    const marked = displayName(`a${NAME_END}**b**${NAME_START}c`);
    expect(marked.split(NAME_START)).toHaveLength(2);
    expect(marked.split(NAME_END)).toHaveLength(2);
  });
});

describe('Renderers: a person\u2019s name can never restyle a message', () => {
  const reply = (name: string): Reply => ({
    title: `Leaderboard for ${displayName(name)}`,
    sections: [`🥇 **${displayName(name)}** (you): 10 pts`, `_Shared by ${displayName(name)}._`],
    fields: [{ label: 'Turned on by', value: displayName(name) }],
    footnote: `${displayName(name)} answered`,
    visibility: 'channel',
  });

  it('escapes every Markdown character of a name on Discord (headings, subtext, spoilers, links, code, quotes)', () => {
    fc.assert(
      fc.property(hostileName, (name) => {
        const message = renderMessage(reply(name));
        const embed = message.embeds?.[0];
        const escaped = discordName(cleanName(name));
        for (const text of [
          embed?.title,
          embed?.description,
          embed?.fields?.[0]?.value,
          embed?.footer?.text,
        ]) {
          expect(text).toContain(escaped);
        }
        expect(unescapedDiscord(escaped)).toEqual([]);
        expect(message.allowed_mentions).toEqual({ parse: [] });
      }),
    );
  });

  it('leaves no mrkdwn control character of a name on Slack', () => {
    fc.assert(
      fc.property(hostileName, (name) => {
        const blocks = JSON.stringify(renderBlocks(reply(name)).blocks);
        const rendered = toMrkdwn(displayName(name));
        // Every formatting character of the name became a look-alike or an entity.
        expect(rendered).not.toMatch(/[*_~`<>]/);
        expect(blocks).toContain(JSON.stringify(rendered).slice(1, -1));
        expect(blocks).not.toMatch(/<!channel>|<@U123>/);
      }),
    );
  });
});

describe('Feature: every channel-visible line names people through displayName', () => {
  it('marks the name in daily on/off, the leaderboard and a shared card', async () => {
    const { store } = await freshStore();
    const tutor = createTutor(testDeps({ storeImpl: store }));
    const who = asker({ userName: '# BIG ||spoiler||' });
    const admin = { isAdmin: async () => true };
    const marked = displayName(who.userName);

    const on = await tutor.handleCommand(who, 'daily on', admin);
    const status = await tutor.handleCommand(who, 'daily status');
    const shared = await tutor.handleAction(who, 's:lambda');
    const off = await tutor.handleCommand(who, 'daily off', admin);

    for (const reply of [on, status, shared, off]) {
      expect(reply.sections.join('\n')).toContain(marked);
      // The raw name appears nowhere outside its marks.
      expect(reply.sections.join('\n').split(marked).join('')).not.toContain(who.userName);
    }
    expect(on.visibility).toBe('channel');
    expect(shared.visibility).toBe('channel');
  });
});
