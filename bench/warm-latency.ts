import { ALL_CASES } from '../test/search/relevance-queries.js';
import type { DynamoMeter } from './dynamo-meter.js';
import type { FetchMeter } from './fetch-meter.js';
import type { Answer, InProcessHandlers } from './in-process-handlers.js';
import {
  type BenchUser,
  DISCORD_CHANNEL,
  discordAutocomplete,
  discordClick,
  discordCommand,
  discordUsers,
  SLACK_CHANNEL,
  slackUsers,
} from './platform-requests.js';
import { todaysDaily } from './post-daily.js';
import { percentile, type Summary, summarize } from './stats.js';

export type Platform = 'slack' | 'discord';

export interface CommandFigures {
  platform: Platform;
  command: string;
  total: Summary;
  /** Total minus DynamoDB minus outbound HTTP (response_url, chat.update): our code. */
  ours: { p50: number; p99: number };
  dynamoP50: number;
  httpP50: number;
  /** Per call, on average and at most. */
  reads: number;
  writes: number;
  maxReads: number;
  maxWrites: number;
  requests: Record<string, number>;
  failures: number;
}

interface Sample {
  ms: number;
  dynamoMs: number;
  httpMs: number;
  reads: number;
  writes: number;
  requests: Record<string, number>;
  ok: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: replies are read as the JSON the platforms get
type Json = any;

/** The answer buttons of a Slack reply (Block Kit `actions` blocks). */
export function slackButtons(reply: Json): { action_id: string; value: string }[] {
  return (reply?.blocks ?? [])
    .filter((b: Json) => b.type === 'actions')
    .flatMap((b: Json) => b.elements)
    .filter((e: Json) => String(e.value ?? '').match(/^[pd]:/));
}

/** The answer buttons' custom ids of a Discord reply (action rows). */
export function discordButtons(reply: Json): string[] {
  return (reply?.data?.components ?? [])
    .flatMap((row: Json) => row.components ?? [])
    .map((c: Json) => String(c.custom_id ?? ''))
    .filter((id: string) => /^[pd]:/.test(id));
}

/**
 * p50 and p99 per command, through the real handlers in this process against DynamoDB Local,
 * with the time in our code split from the time waiting on DynamoDB and on Slack or Discord.
 * Commands run round-robin (every command once per round) so that warm-up and any busy
 * moment are shared by all, and users rotate so score and leaderboard read real data.
 */
export async function runWarmLatency(
  h: InProcessHandlers,
  meters: { dynamo: DynamoMeter; http: FetchMeter },
  options: { rounds: number; warmup: number; dailyMessage: { slackTs: string; discordId: string } },
): Promise<CommandFigures[]> {
  const samples = new Map<string, Sample[]>();
  const slackPeople = slackUsers(40, 'U0W');
  const discordPeople = discordUsers(40, 0);
  // A daily question counts once per person: each round's daily click is a new person.
  const slackDaily = slackUsers(options.warmup + options.rounds, 'U0D');
  const discordDaily = discordUsers(options.warmup + options.rounds, 500_000);
  const { date, correct, question } = todaysDaily();
  const wrong = (correct + 1) % question.choices.length;
  const queries = ALL_CASES.map((c) => c.query);

  const measure = async (
    key: string,
    measured: boolean,
    run: () => Promise<boolean>,
  ): Promise<void> => {
    meters.dynamo.reset();
    meters.http.reset();
    const started = performance.now();
    const ok = await run().catch(() => false);
    const elapsed = performance.now() - started;
    if (!measured) return;
    const dynamo = meters.dynamo.read();
    const list = samples.get(key) ?? [];
    list.push({
      ms: elapsed,
      dynamoMs: dynamo.ms,
      httpMs: meters.http.read().ms,
      reads: dynamo.reads,
      writes: dynamo.writes,
      requests: dynamo.requests,
      ok,
    });
    samples.set(key, list);
  };
  const ok = (a: Answer) => a.status === 200;

  for (let round = 0; round < options.warmup + options.rounds; round++) {
    const measured = round >= options.warmup;
    const su = slackPeople[round % slackPeople.length] as BenchUser;
    const du = discordPeople[round % discordPeople.length] as BenchUser;
    const query = queries[round % queries.length] as string;

    await measure('slack|help', measured, async () => ok(await h.slackCommand('help', su)));
    await measure('slack|search', measured, async () => ok(await h.slackCommand(query, su)));
    await measure('slack|topics', measured, async () => ok(await h.slackCommand('topics', su)));
    let quiz: Answer | undefined;
    await measure('slack|quiz', measured, async () => {
      quiz = await h.slackCommand('quiz', su);
      return ok(quiz);
    });
    const button = slackButtons(quiz?.json)[round % 4] ?? slackButtons(quiz?.json)[0];
    await measure('slack|answer (practice)', measured, async () => {
      if (!button) return false;
      const click = await h.slackClick(button, su);
      return ok(click) && h.slackApi.posted(click.responseId).length === 1;
    });
    await measure('slack|answer (daily)', measured, async () => {
      const value = `d:${date}:${round % 2 === 0 ? correct : wrong}`;
      const click = await h.slackClick(
        { action_id: 'aws:answer:0', value },
        slackDaily[round] as BenchUser,
        { channel: SLACK_CHANNEL, ephemeral: false, messageTs: options.dailyMessage.slackTs },
      );
      return ok(click) && h.slackApi.posted(click.responseId).length === 1;
    });
    await measure('slack|score', measured, async () => ok(await h.slackCommand('score', su)));
    await measure('slack|leaderboard', measured, async () =>
      ok(await h.slackCommand('leaderboard', su)),
    );

    const send = (interaction: unknown) => h.discordSend(interaction);
    // Discord's PING: signature check and nothing else, to compare with the same through npm run dev.
    await measure('discord|ping', measured, async () =>
      ok(await send({ type: 1, id: '1', application_id: '1', token: 't', version: 1 })),
    );
    await measure('discord|help', measured, async () => ok(await send(discordCommand(du, 'help'))));
    await measure('discord|search', measured, async () =>
      ok(await send(discordCommand(du, 'search', { query }))),
    );
    await measure('discord|topics', measured, async () =>
      ok(await send(discordCommand(du, 'topics'))),
    );
    let dquiz: Answer | undefined;
    await measure('discord|quiz', measured, async () => {
      dquiz = await send(discordCommand(du, 'quiz'));
      return ok(dquiz);
    });
    const customId = discordButtons(dquiz?.json)[round % 4] ?? discordButtons(dquiz?.json)[0];
    await measure('discord|answer (practice)', measured, async () =>
      customId ? ok(await send(discordClick(du, customId))) : false,
    );
    await measure('discord|answer (daily)', measured, async () => {
      const value = `d:${date}:${round % 2 === 0 ? correct : wrong}`;
      const click = discordClick(discordDaily[round] as BenchUser, value, {
        messageId: options.dailyMessage.discordId,
        ephemeral: false,
      });
      // The fixture channel is where the daily question was posted.
      click.channel_id = DISCORD_CHANNEL;
      // 202: answered out of band (the interaction callback), so the live count can follow.
      const answer = await send(click);
      return answer.status === 200 || answer.status === 202;
    });
    await measure('discord|score', measured, async () =>
      ok(await send(discordCommand(du, 'score'))),
    );
    await measure('discord|leaderboard', measured, async () =>
      ok(await send(discordCommand(du, 'leaderboard'))),
    );
    await measure('discord|autocomplete', measured, async () =>
      ok(await send(discordAutocomplete(du, 'search', 'query', query.slice(0, 1 + (round % 5))))),
    );
  }

  return [...samples].map(([key, list]) => {
    const [platform, command] = key.split('|') as [Platform, string];
    const ours = list.map((s) => Math.max(0, s.ms - s.dynamoMs - s.httpMs));
    const requests: Record<string, number> = {};
    for (const s of list) {
      for (const [name, count] of Object.entries(s.requests)) {
        requests[name] = (requests[name] ?? 0) + count / list.length;
      }
    }
    const average = (pick: (s: Sample) => number) =>
      list.reduce((sum, s) => sum + pick(s), 0) / list.length;
    return {
      platform,
      command,
      total: summarize(list.map((s) => s.ms)),
      ours: { p50: percentile(ours, 50), p99: percentile(ours, 99) },
      dynamoP50: percentile(
        list.map((s) => s.dynamoMs),
        50,
      ),
      httpP50: percentile(
        list.map((s) => s.httpMs),
        50,
      ),
      reads: average((s) => s.reads),
      writes: average((s) => s.writes),
      maxReads: Math.max(...list.map((s) => s.reads)),
      maxWrites: Math.max(...list.map((s) => s.writes)),
      requests,
      failures: list.filter((s) => !s.ok).length,
    };
  });
}
