import { seededRandom } from '../test/helpers/test-deps.js';
import type { DevStack } from './dev-stack.js';
import { inPool, post, type Sent, statusClasses } from './http-post.js';
import {
  type BenchUser,
  DISCORD_CHANNEL,
  DISCORD_GUILD,
  discordClick,
  discordHeaders,
  discordUsers,
  SLACK_CHANNEL,
  SLACK_TEAM,
  slackClickBody,
  slackHeaders,
  slackUsers,
} from './platform-requests.js';
import { postDaily, todaysDaily } from './post-daily.js';
import { startInstances } from './start-instances.js';
import { type Summary, summarize } from './stats.js';

export interface LoadFigures {
  slackUsers: number;
  discordUsers: number;
  requests: number;
  doubleClickers: number;
  concurrency: number;
  wallMs: number;
  perSecond: number;
  latency: Summary;
  statuses: Record<string, number>;
  /** Signed Discord PINGs one at a time: what serverless-offline adds to any request. */
  ping: Summary;
  /**
   * The warm-up before the burst: as many requests at once to each function as the burst can
   * have in flight, three times, while serverless-offline starts an instance for each.
   */
  warmUp: Summary;
  check: LoadCheck;
  /** What the DynamoDB in front of the stack cancelled for contention, of all transactions. */
  conflicts?: { conflicts: number; transactions: number };
}

export interface LoadCheck {
  /** People whose answer is in the table exactly once, with the points it earned. */
  recorded: number;
  lost: string[];
  doubled: string[];
  /** Each person got one answer and "already answered" for every other click. */
  repliesRight: number;
  repliesWrong: string[];
  /** The daily question's own count of answers, per channel, against the people who clicked. */
  channelCounts: { platform: string; answered: number; correct: number; expected: number }[];
  pointsExpected: number;
  pointsFound: number;
}

interface Clicker {
  platform: 'slack' | 'discord';
  user: BenchUser;
  choices: number[];
}

/**
 * A burst of signed answer clicks on one daily question through `npm run dev`: hundreds of
 * people on Slack and Discord, a quarter of them double-clicking (both clicks at once, half on
 * the same choice, half on another). Then every score is read back from DynamoDB.
 */
export async function runLoad(
  stack: DevStack,
  options: { slackUsers: number; discordUsers: number; concurrency: number; burst?: number },
): Promise<LoadFigures> {
  const burst = options.burst ?? 0;
  const { date, question, correct } = todaysDaily();
  await postDaily(
    stack.store,
    [
      { platform: 'slack', workspaceId: SLACK_TEAM, channelId: SLACK_CHANNEL },
      { platform: 'discord', workspaceId: DISCORD_GUILD, channelId: DISCORD_CHANNEL },
    ],
    { slackApiUrl: stack.slackApi.apiUrl, discordApiUrl: stack.discordApi.url },
  );
  const slackTenant = { platform: 'slack', workspaceId: SLACK_TEAM };
  const discordTenant = { platform: 'discord', workspaceId: DISCORD_GUILD };
  const slackPost = await stack.store.getDaily(slackTenant, SLACK_CHANNEL, date);
  const discordPost = await stack.store.getDaily(discordTenant, DISCORD_CHANNEL, date);

  const random = seededRandom(8);
  const pick = () => Math.floor(random() * question.choices.length);
  const clickers: Clicker[] = [
    ...slackUsers(options.slackUsers, `U0L${burst}`).map((user) => ({
      platform: 'slack' as const,
      user,
    })),
    ...discordUsers(options.discordUsers, 100_000 + burst * 10_000).map((user) => ({
      platform: 'discord' as const,
      user,
    })),
  ].map((c, i) => {
    const first = pick();
    if (i % 4 !== 0) return { ...c, choices: [first] };
    const second = i % 8 === 0 ? first : (first + 1) % question.choices.length;
    return { ...c, choices: [first, second] };
  });
  // Interleave the platforms, as real traffic would be.
  clickers.sort(() => random() - 0.5);

  const warmUp = await startInstances(stack, options.concurrency);

  const sent: Sent[] = [];
  const replies = new Map<string, string[]>();
  const click = async (c: Clicker, choice: number, n: number) => {
    const value = `d:${date}:${choice}`;
    let result: Sent;
    if (c.platform === 'slack') {
      const id = `load-${c.user.id}-${n}`;
      const body = slackClickBody(
        { action_id: `aws:answer:${choice}`, value },
        c.user,
        stack.slackApi.responseUrl(id),
        { channel: SLACK_CHANNEL, ephemeral: false, messageTs: slackPost?.messageId ?? '' },
      );
      result = await post(
        `${stack.server.url}/slack/events`,
        slackHeaders(body, stack.slackSecret),
        body,
      );
      const answer = stack.slackApi.posted(id)[0];
      replies.set(c.user.id, [...(replies.get(c.user.id) ?? []), JSON.stringify(answer ?? '')]);
    } else {
      const interaction = discordClick(c.user, value, {
        messageId: discordPost?.messageId ?? '',
        ephemeral: false,
      });
      const body = JSON.stringify(interaction);
      result = await post(
        `${stack.server.url}/discord/interactions`,
        discordHeaders(body, stack.signer),
        body,
      );
      // A 202 means the answer went out of band (the interaction callback, then an edit).
      const outOfBand = stack.discordApi.requests
        .filter((r) => r.path.includes(interaction.token))
        .map((r) => JSON.stringify(r.body ?? ''));
      replies.set(c.user.id, [
        ...(replies.get(c.user.id) ?? []),
        [result.text, ...outOfBand].join(' '),
      ]);
    }
    sent.push(result);
  };

  const started = performance.now();
  await inPool(clickers, options.concurrency, async (c) => {
    await Promise.all(c.choices.map((choice, n) => click(c, choice, n)));
  });
  const wallMs = performance.now() - started;

  const ping: number[] = [];
  for (let i = 0; i < 100; i++) {
    const body = JSON.stringify({
      type: 1,
      id: String(i),
      application_id: '1',
      token: 't',
      version: 1,
    });
    const r = await post(
      `${stack.server.url}/discord/interactions`,
      discordHeaders(body, stack.signer),
      body,
    );
    if (r.status === 200) ping.push(r.ms);
  }

  const check = await checkScores(stack, clickers, replies, { date, correct });
  return {
    slackUsers: options.slackUsers,
    discordUsers: options.discordUsers,
    requests: sent.length,
    doubleClickers: clickers.filter((c) => c.choices.length === 2).length,
    concurrency: options.concurrency,
    wallMs,
    perSecond: sent.length / (wallMs / 1000),
    latency: summarize(sent.map((s) => s.ms)),
    statuses: statusClasses(sent),
    ping: summarize(ping),
    warmUp: summarize(warmUp.map((s) => s.ms)),
    check,
  };
}

/** Reads every clicker's answer, totals and the channels' counts back from DynamoDB. */
async function checkScores(
  stack: DevStack,
  clickers: Clicker[],
  replies: Map<string, string[]>,
  daily: { date: string; correct: number },
): Promise<LoadCheck> {
  const check: LoadCheck = {
    recorded: 0,
    lost: [],
    doubled: [],
    repliesRight: 0,
    repliesWrong: [],
    channelCounts: [],
    pointsExpected: 0,
    pointsFound: 0,
  };
  const correctBy = { slack: 0, discord: 0 };
  for (const c of clickers) {
    const tenant = c.platform === 'slack' ? SLACK_TEAM : DISCORD_GUILD;
    const channel = c.platform === 'slack' ? SLACK_CHANNEL : DISCORD_CHANNEL;
    const user = { platform: c.platform, workspaceId: tenant, userId: c.user.id };
    const ctx = await stack.store.getDailyContext(user, channel, daily.date);
    const totals = ctx.totals;
    if (!ctx.previous || !totals) {
      check.lost.push(`${c.platform}:${c.user.id}`);
      continue;
    }
    const right = ctx.previous.choice === daily.correct;
    const points = right ? 10 : 0;
    const once =
      c.choices.includes(ctx.previous.choice) &&
      totals.dailyAnswered === 1 &&
      totals.answered === 1 &&
      totals.points === points;
    if (once) check.recorded++;
    else check.doubled.push(`${c.platform}:${c.user.id} ${JSON.stringify(totals)}`);
    if (right) correctBy[c.platform]++;
    check.pointsExpected += points;
    check.pointsFound += totals.points;
    const texts = replies.get(c.user.id) ?? [];
    const already = texts.filter((t) => t.includes('already answered')).length;
    const feedback = texts.filter((t) => /Correct|Not quite/.test(t)).length;
    if (feedback === 1 && already === c.choices.length - 1) check.repliesRight++;
    else check.repliesWrong.push(`${c.platform}:${c.user.id}: ${texts.join(' | ').slice(0, 300)}`);
  }
  for (const platform of ['slack', 'discord'] as const) {
    const tenant = { platform, workspaceId: platform === 'slack' ? SLACK_TEAM : DISCORD_GUILD };
    const channel = platform === 'slack' ? SLACK_CHANNEL : DISCORD_CHANNEL;
    const tally = await stack.store.countDailyAnswers(tenant, channel, daily.date);
    check.channelCounts.push({
      platform,
      answered: tally.answered,
      correct: tally.correct,
      expected: clickers.filter((c) => c.platform === platform).length,
    });
    // The channel's correct count must match the people whose recorded answer is right.
    if (tally.correct !== correctBy[platform]) {
      check.doubled.push(`${platform} channel correct ${tally.correct} ≠ ${correctBy[platform]}`);
    }
  }
  return check;
}
