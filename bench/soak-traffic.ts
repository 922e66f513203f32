import { getContent } from '../src/content/default-content.js';
import { ALL_CASES } from '../test/search/relevance-queries.js';
import type { DevStack } from './dev-stack.js';
import { post, type Sent } from './http-post.js';
import {
  type BenchUser,
  DISCORD_CHANNEL,
  discordAutocomplete,
  discordClick,
  discordCommand,
  discordHeaders,
  SLACK_CHANNEL,
  slackClickBody,
  slackCommandBody,
  slackHeaders,
} from './platform-requests.js';
import { discordButtons, slackButtons } from './warm-latency.js';

/** What one person was told: answers that counted, and how many of them were right. */
export interface Expected {
  practiceAnswered: number;
  practiceCorrect: number;
  dailyAnswered: number;
  dailyCorrect: number;
}

export interface Person {
  platform: 'slack' | 'discord';
  user: BenchUser;
  expected: Expected;
  answeredDaily: boolean;
}

/** One request as sent, with what it was for. */
export interface Outcome extends Sent {
  kind: string;
  /** The answer did not say what a person should have been told (see `describeMismatch`). */
  unexpected?: string;
}

const queries = ALL_CASES.map((c) => c.query);
const COUNTED = /Correct|Not quite/;
const ALREADY = /already answered/;

/**
 * Legitimate traffic: one thing a person does, chosen at random (commands, a quiz and its
 * answer, sometimes double-clicked, the daily question once). What they are told decides what
 * they expect to find in their score afterwards.
 */
export function createTraffic(
  stack: DevStack,
  daily: { date: string; slackTs: string; discordId: string; correct: number; choices: number },
) {
  let responses = 0;
  const slack = async (kind: string, body: string): Promise<Outcome> => ({
    kind,
    ...(await post(
      `${stack.server.url}/slack/events`,
      slackHeaders(body, stack.slackSecret),
      body,
    )),
  });
  const discord = async (kind: string, interaction: unknown): Promise<Outcome> => {
    const body = JSON.stringify(interaction);
    return {
      kind,
      ...(await post(
        `${stack.server.url}/discord/interactions`,
        discordHeaders(body, stack.signer),
        body,
      )),
    };
  };
  const newResponseUrl = () => {
    const id = `soak-${++responses}`;
    return { id, url: stack.slackApi.responseUrl(id) };
  };
  /** What a Discord click was told: the HTTP answer, or the out-of-band callback and edit. */
  const discordReply = (sent: Sent, token: string) =>
    [
      sent.text,
      ...stack.discordApi.requests
        .filter((r) => r.path.includes(token))
        .map((r) => JSON.stringify(r.body ?? '')),
    ].join(' ');

  /** Clicks `times` at once; returns what each click was told. */
  const clickSlack = async (person: Person, value: string, times: number, daily = false) => {
    const replies = await Promise.all(
      Array.from({ length: times }, async () => {
        const response = newResponseUrl();
        const body = slackClickBody(
          { action_id: 'aws:answer:0', value },
          person.user,
          response.url,
          daily ? { channel: SLACK_CHANNEL, ephemeral: false, messageTs: dailyTs.slack } : {},
        );
        const sent = await slack(daily ? 'slack: daily answer' : 'slack: answer', body);
        const posted = stack.slackApi.posted(response.id);
        return { sent, text: posted.map((p) => JSON.stringify(p)).join(' ') };
      }),
    );
    return replies;
  };
  const clickDiscord = async (person: Person, customId: string, times: number, daily = false) =>
    Promise.all(
      Array.from({ length: times }, async () => {
        const interaction = discordClick(
          person.user,
          customId,
          daily ? { messageId: dailyTs.discord, ephemeral: false } : {},
        );
        if (daily) interaction.channel_id = DISCORD_CHANNEL;
        const sent = await discord(
          daily ? 'discord: daily answer' : 'discord: answer',
          interaction,
        );
        return { sent, text: discordReply(sent, interaction.token) };
      }),
    );
  const dailyTs = { slack: daily.slackTs, discord: daily.discordId };

  /** Counts what the clicks were told into `expected`; flags anything else. */
  const tally = (
    person: Person,
    replies: { sent: Sent; text: string }[],
    right: boolean,
    which: 'practice' | 'daily',
  ): Outcome[] => {
    // "Already answered" replies repeat the recorded result ("✅ Correct!"), so test it first.
    const already = replies.filter((r) => ALREADY.test(r.text)).length;
    const counted = replies.filter((r) => !ALREADY.test(r.text) && COUNTED.test(r.text)).length;
    if (counted === 1) {
      if (which === 'practice') {
        person.expected.practiceAnswered++;
        if (right) person.expected.practiceCorrect++;
      } else {
        person.expected.dailyAnswered++;
        if (right) person.expected.dailyCorrect++;
      }
    }
    const fine = counted + already === replies.length && counted <= 1;
    return replies.map((r, i) => ({
      kind: `${person.platform}: ${which} answer${replies.length > 1 ? ' (double click)' : ''}`,
      ...r.sent,
      ...(fine || i > 0
        ? {}
        : { unexpected: `${counted} counted, ${already} already: ${r.text.slice(0, 200)}` }),
    }));
  };

  /** One action for `person`; returns every request it made. */
  return async (person: Person, random: () => number): Promise<Outcome[]> => {
    const roll = random();
    const doubleClick = random() < 0.2 ? 2 : 1;
    const query = queries[Math.floor(random() * queries.length)] as string;
    if (person.platform === 'slack') {
      const command = (text: string, kind: string) =>
        slack(`slack: ${kind}`, slackCommandBody(text, person.user, newResponseUrl().url));
      if (!person.answeredDaily && roll < 0.15) {
        person.answeredDaily = true;
        const choice = Math.floor(random() * daily.choices);
        const replies = await clickSlack(person, `d:${daily.date}:${choice}`, doubleClick, true);
        return tally(person, replies, choice === daily.correct, 'daily');
      }
      if (roll < 0.45) {
        const quiz = await command('quiz', 'quiz');
        const buttons = slackButtons(safeJson(quiz.text));
        const button = buttons[Math.floor(random() * buttons.length)];
        if (!button) return [{ ...quiz, unexpected: 'quiz without buttons' }];
        const replies = await clickSlack(person, button.value, doubleClick);
        return [quiz, ...tally(person, replies, isRight(button.value), 'practice')];
      }
      const commands: [string, string][] = [
        ['help', 'help'],
        [query, 'search'],
        [`search ${query}`, 'search'],
        ['topics', 'topics'],
        ['score', 'score'],
        ['leaderboard', 'leaderboard'],
        ['leaderboard all', 'leaderboard'],
      ];
      const [text, kind] = commands[Math.floor(random() * commands.length)] as [string, string];
      return [await command(text, kind)];
    }
    if (!person.answeredDaily && roll < 0.15) {
      person.answeredDaily = true;
      const choice = Math.floor(random() * daily.choices);
      const replies = await clickDiscord(person, `d:${daily.date}:${choice}`, doubleClick, true);
      return tally(person, replies, choice === daily.correct, 'daily');
    }
    if (roll < 0.45) {
      const quiz = await discord('discord: quiz', discordCommand(person.user, 'quiz'));
      const ids = discordButtons(safeJson(quiz.text));
      const id = ids[Math.floor(random() * ids.length)];
      if (!id) return [{ ...quiz, unexpected: 'quiz without buttons' }];
      const replies = await clickDiscord(person, id, doubleClick);
      return [quiz, ...tally(person, replies, isRight(id), 'practice')];
    }
    const pick = Math.floor(random() * 7);
    const interactions = [
      discordCommand(person.user, 'help'),
      discordCommand(person.user, 'search', { query }),
      discordCommand(person.user, 'topics'),
      discordCommand(person.user, 'score'),
      discordCommand(person.user, 'leaderboard'),
      discordAutocomplete(person.user, 'search', 'query', query.slice(0, 3)),
      { type: 1, id: '1', application_id: '1', token: 't', version: 1 },
    ];
    const names = ['help', 'search', 'topics', 'score', 'leaderboard', 'autocomplete', 'ping'];
    return [await discord(`discord: ${names[pick]}`, interactions[pick])];
  };
}

/** Whether a practice button (`p:nonce:question:choice`) is the right answer. */
function isRight(value: string): boolean {
  const [, , questionId, choice] = value.split(':');
  return getContent().question(questionId ?? '')?.answer === Number(choice);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
