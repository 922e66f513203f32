import { describe, expect, it } from 'vitest';
import { TOPIC_NAMES, type Topic } from '../../src/content/types.js';
import type { Tenant } from '../../src/store/keys.js';
import { runWeekly, type WeeklyRunDeps } from '../../src/team/run-weekly.js';
import type { Asker } from '../../src/tutor/deps.js';
import { renderNames } from '../../src/tutor/display-name.js';

/** Text as a reader sees it: names without their isolating marks. */
const plain = (text = '') => renderNames(text, (name) => name);

import type { Reply } from '../../src/tutor/reply.js';
import { createTutor } from '../../src/tutor/tutor.js';
import {
  answerAction,
  dailyRunner,
  quietLog,
  recordingPoster,
  subscribeChannels,
} from '../helpers/daily-round.js';
import { freshStore } from '../helpers/dynamo.js';
import { asker, content, fakeClock, testDeps } from '../helpers/test-deps.js';

const tenant = { platform: 'slack' as const, workspaceId: 'T1' } satisfies Tenant;
const person = (name: string): Asker =>
  asker({ ...tenant, channelId: 'C1', userId: `U-${name}`, userName: name });

/** The question a post or practice reply shows. */
function questionOf(reply: Reply) {
  const text = reply.sections.find((s) => s.startsWith('**') && !s.startsWith('**Last time'));
  const question = content.questions.find((q) => `**${q.question}**` === text);
  if (!question) throw new Error(`no question in: ${text}`);
  return question;
}

async function setup(channels: string[]) {
  const fresh = await freshStore();
  await subscribeChannels(fresh.store, tenant, channels);
  const clock = fakeClock('2026-11-23T09:00:00Z');
  const tutor = createTutor(testDeps({ storeImpl: fresh.store, clock }));
  const daily = dailyRunner(fresh.store, clock, 'slack');
  const recaps = recordingPoster();
  const deps = (more: Partial<WeeklyRunDeps> = {}): WeeklyRunDeps => ({
    store: fresh.store,
    content,
    posters: { slack: recaps.poster },
    clock,
    timeZone: 'Europe/London',
    log: quietLog,
    sleep: async () => {},
    ...more,
  });
  return { ...fresh, clock, tutor, daily, recaps, deps };
}

/** Who answers the daily question of each weekday, right (R) or wrong (W); '-' skips. */
const WEEK_PLAN: Record<string, string> = {
  alice: 'RRRRR',
  bob: 'RRWR-',
  carol: 'WRW--',
};

/** A working week of daily questions (23–27 Nov 2026), answered as WEEK_PLAN says. */
async function playWeek(s: Awaited<ReturnType<typeof setup>>) {
  const answers: { topic: Topic; correct: boolean }[] = [];
  for (let day = 0; day < 5; day++) {
    s.clock.set(`2026-11-${23 + day}T09:00:00Z`);
    await s.daily.run();
    const post = s.daily.latest('C1');
    s.clock.set(`2026-11-${23 + day}T10:00:00Z`);
    for (const [name, plan] of Object.entries(WEEK_PLAN)) {
      const mark = plan[day];
      if (mark === '-') continue;
      await s.tutor.handleAction(person(name), answerAction(post, mark === 'R'));
      answers.push({ topic: questionOf(post).topic, correct: mark === 'R' });
    }
  }
  // Dave only practises: he counts as active, and is on no board.
  for (let i = 0; i < 3; i++) {
    const reply = await s.tutor.handleCommand(person('dave'), 'quiz');
    const question = questionOf(reply);
    const right = reply.buttons?.filter((b) => b.kind === 'answer')[question.answer];
    await s.tutor.handleAction(person('dave'), right?.action as string);
    answers.push({ topic: question.topic, correct: true });
  }
  return answers;
}

/** The topics a recap may call weakest: the lowest share right among those answered 3+ times. */
function weakestCandidates(answers: { topic: Topic; correct: boolean }[]): string[] {
  const tally = new Map<Topic, { answered: number; correct: number }>();
  for (const a of answers) {
    const t = tally.get(a.topic) ?? { answered: 0, correct: 0 };
    t.answered++;
    if (a.correct) t.correct++;
    tally.set(a.topic, t);
  }
  const eligible = [...tally].filter(([, t]) => t.answered >= 3 && t.correct < t.answered);
  const share = (t: { answered: number; correct: number }) => t.correct / t.answered;
  const lowest = Math.min(...eligible.map(([, t]) => share(t)));
  return eligible.filter(([, t]) => share(t) === lowest).map(([topic]) => TOPIC_NAMES[topic]);
}

describe('Function: runWeekly', () => {
  it("posts the week's recap to every subscribed channel: top five, counts, hardest question, weakest topic, streak", async () => {
    const s = await setup(['C1', 'C2']);
    const answers = await playWeek(s);
    const wednesday = questionOf(
      s.daily.posts.filter((p) => p.channel === 'C1')[2]?.reply as Reply,
    );

    s.clock.set('2026-11-27T16:00:00Z');
    const summary = await runWeekly(s.deps());
    expect(summary).toMatchObject({ week: '2026-W48', channels: 2, posted: 2, deferred: 0 });
    const recap = s.recaps.latest('C1');
    const text = plain(recap.sections.join('\n'));
    expect(recap.title).toBe('Weekly recap (2026-W48)');
    expect(recap.visibility).toBe('channel');
    expect(plain(recap.sections[0])).toBe(
      "**This week's top 3**\n1. **alice**: 50 pts\n2. **bob**: 30 pts\n3. **carol**: 10 pts",
    );
    expect(text).toContain(
      '4 people answered 15 questions (practice and daily); 5 daily questions here.',
    );
    // Wednesday's question: one right of three.
    expect(text).toContain(`**Hardest question:** ${wednesday.question}`);
    expect(text).toContain('33% of 3 got it right');
    expect(text).toContain(`The answer: **${wednesday.choices[wednesday.answer]}**`);
    const note = content.note(wednesday.concept);
    expect(recap.buttons?.[0]).toMatchObject({ label: `Read: ${note?.title}` });
    expect(recap.link?.url).toBe(note?.docs);
    const weakest = /\*\*Weakest topic:\*\* ([^,]+),/.exec(text)?.[1];
    expect(weakestCandidates(answers)).toContain(weakest);
    expect(text).toContain('**Longest current streak:** 5 daily questions in a row, **alice** 🔥');
    expect(text).toContain('The weekly board starts afresh on Monday');
    expect(text).not.toContain('dave');
    expect(s.recaps.latest('C2').sections).toEqual(recap.sections);
  });

  it('three deliveries, two of them at once, give one recap per channel', async () => {
    const s = await setup(['C1', 'C2', 'C3']);
    s.clock.set('2026-11-27T16:00:00Z');
    const [a, b] = await Promise.all([runWeekly(s.deps()), runWeekly(s.deps())]);
    expect((a?.posted ?? 0) + (b?.posted ?? 0)).toBe(3);
    s.clock.advance(10 * 60_000);
    expect(await runWeekly(s.deps())).toMatchObject({ posted: 0, skipped: 3 });
    expect(s.recaps.posts.map((p) => p.channel).sort()).toEqual(['C1', 'C2', 'C3']);
  });

  it('a quiet week gets a short nudge instead of an empty table', async () => {
    const s = await setup(['C1']);
    s.clock.set('2026-11-27T16:00:00Z');
    await runWeekly(s.deps());
    const recap = s.recaps.latest('C1');
    expect(recap.sections).toEqual([
      'A quiet week: nobody answered a question. The next daily question comes Monday 30 November at 09:00 (Europe/London); or start now with `/aws quiz`.',
    ]);
    expect(recap.buttons).toBeUndefined();
  });

  it('leaves out a channel whose recap an admin turned off, until it is turned on again', async () => {
    const s = await setup(['C1', 'C2']);
    const admin = { isAdmin: async () => true };
    const off = await s.tutor.handleCommand(person('admin'), 'daily recap off', admin);
    expect(plain(off.sections[0])).toBe(
      'admin turned off the weekly recap for this channel. The daily question carries on.',
    );
    const status = await s.tutor.handleCommand(person('bob'), 'daily status');
    expect(status.sections[0]).toContain('The weekly recap is off');
    s.clock.set('2026-11-27T16:00:00Z');
    expect(await runWeekly(s.deps())).toMatchObject({ posted: 1, skipped: 1 });
    expect(s.recaps.posts.map((p) => p.channel)).toEqual(['C2']);

    await s.tutor.handleCommand(person('admin'), 'daily recap on', admin);
    expect(await runWeekly(s.deps())).toMatchObject({ posted: 1, skipped: 1 });
    expect(s.recaps.posts.map((p) => p.channel)).toEqual(['C2', 'C1']);
  });

  it('refuses `daily recap off` from a member, and in a channel without the daily question', async () => {
    const s = await setup(['C1']);
    const member = await s.tutor.handleCommand(person('bob'), 'daily recap off', {
      isAdmin: async () => false,
    });
    expect(member.sections[0]).toMatch(/^Only .* can turn the weekly recap on or off/);
    const elsewhere = await s.tutor.handleCommand(
      { ...person('admin'), channelId: 'C9' },
      'daily recap off',
      { isAdmin: async () => true },
    );
    expect(elsewhere.sections[0]).toMatch(/`\/aws daily on` first/);
  });

  it('run on a Monday, it recaps the week just ended and says the board has started afresh', async () => {
    const s = await setup(['C1']);
    await playWeek(s);
    s.clock.set('2026-11-30T08:00:00Z');
    expect(await runWeekly(s.deps())).toMatchObject({ week: '2026-W48', posted: 1 });
    const text = s.recaps.latest('C1').sections.join('\n');
    expect(text).toContain("**This week's top 3**");
    expect(text).toContain('The weekly board has started afresh');
  });

  it('gives a workspace of 500 people and 10 channels its recap in one run, reading what the workspace shares once', async () => {
    const channels = Array.from({ length: 10 }, (_, i) => `C${i}`);
    const s = await setup(channels);
    await s.daily.run();
    const post = s.daily.latest('C0');
    const people = Array.from({ length: 500 }, (_, i) => person(`p${i}`));
    for (let i = 0; i < people.length; i += 25) {
      await Promise.all(
        people
          .slice(i, i + 25)
          .map((who, j) => s.tutor.handleAction(who, answerAction(post, (i + j) % 3 !== 0))),
      );
    }
    s.clock.set('2026-11-27T16:00:00Z');
    s.requests.length = 0;
    const summary = await runWeekly(s.deps());
    expect(summary).toMatchObject({ channels: 10, posted: 10, deferred: 0 });
    expect(s.recaps.latest('C9').sections.join('\n')).toContain(
      '500 people answered 500 questions',
    );
    // Per channel: its setting, its claim, its week's questions, the mark. Per workspace, once:
    // the team's week, the board, everyone's streak (a Query, then 100 a BatchGet), the days.
    expect(s.requests.filter((r) => r === 'UpdateItemCommand')).toHaveLength(20);
    expect(s.requests.filter((r) => r === 'GetItemCommand')).toHaveLength(11);
    expect(s.requests.length).toBeLessThanOrEqual(4 * 10 + 15);
  });
});
