import { describe, expect, it } from 'vitest';
import { DOMAINS, TOPICS } from '../../src/content/types.js';
import { renderMessage } from '../../src/discord/render-message.js';
import { renderBlocks } from '../../src/slack/render-blocks.js';
import type { TeamWeek } from '../../src/store/records.js';
import { teamWeeksReply } from '../../src/team/team-command.js';
import { recapReply } from '../../src/team/weekly-recap.js';
import type { Reply } from '../../src/tutor/reply.js';
import { expectWithinDiscordLimits } from '../helpers/expect-discord-limits.js';
import { expectWithinSlackLimits } from '../helpers/slack-blocks.js';
import { content } from '../helpers/test-deps.js';

/** The longest of something in the content: the worst case for a message's size. */
const longest = <T>(items: readonly T[], size: (item: T) => number) =>
  [...items].sort((a, b) => size(b) - size(a))[0] as T;

const longName = 'Ａ'.repeat(80);

function expectWithinBothLimits(reply: Reply) {
  expectWithinSlackLimits(renderBlocks(reply) as never);
  expectWithinDiscordLimits(renderMessage(reply));
}

describe('Rendering: the weekly recap and /aws team at their largest', () => {
  it('a recap with five long names, the longest question and answer, fits Slack and Discord', () => {
    const hardest = longest(
      content.questions,
      (q) => q.question.length + Math.max(...q.choices.map((c) => c.length)),
    );
    const reply = recapReply(content, {
      week: '2026-W48',
      current: true,
      top: Array.from({ length: 5 }, (_, i) => ({ userId: `U${i}`, name: longName, points: 9990 })),
      people: 500,
      answered: 123_456,
      dailyAsked: 7,
      hardest: { questionId: hardest.id, answered: 500, correct: 1 },
      weakest: { topic: 'global-infrastructure', answered: 900, correct: 1 },
      streak: { days: 365, names: [longName, longName, longName] },
      nextDaily: 'Monday 30 November at 09:00 (Europe/London)',
    });
    expect(reply.sections.join('\n')).toContain(hardest.question);
    expectWithinBothLimits(reply);
  });

  it('/aws team with every topic and domain answered and the longest concept titles fits too', () => {
    const titles = [...content.notes].sort((a, b) => b.title.length - a.title.length).slice(0, 3);
    const tally = { answered: 99_999, correct: 12_345 };
    const week = (w: string): TeamWeek => ({
      week: w,
      answered: 99_999,
      correct: 12_345,
      people: 500,
      topics: Object.fromEntries(TOPICS.map((t) => [t, tally])),
      domains: Object.fromEntries(DOMAINS.map((d) => [d, tally])),
      concepts: Object.fromEntries(titles.map((n) => [n.id, tally])),
    });
    const reply = teamWeeksReply(
      { content },
      ['2026-W45', '2026-W46', '2026-W47', '2026-W48'].map(week),
    );
    expect(reply.buttons).toHaveLength(6);
    expect(reply.sections.join('\n')).toContain(titles[0]?.title);
    expectWithinBothLimits(reply);
  });
});
