/**
 * The soak of issue 9: a few thousand mixed, signed requests from many people on Slack and
 * Discord through `npm run dev`, interleaved with hostile ones, bounded in time, on loopback.
 * Run alone with `npx tsx bench/soak.ts` (prints the figures as JSON); `npm run bench` runs it
 * as part of BENCHMARKS.md.
 */
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../test/helpers/test-deps.js';
import { type DevStack, startDevStack } from './dev-stack.js';
import { hostileRequest } from './hostile-requests.js';
import { post, statusClasses } from './http-post.js';
import { startBenchDynamo } from './local-dynamo.js';
import {
  DISCORD_CHANNEL,
  DISCORD_GUILD,
  discordUsers,
  SLACK_CHANNEL,
  SLACK_TEAM,
  slackUsers,
} from './platform-requests.js';
import { postDaily, todaysDaily } from './post-daily.js';
import { sampleGroup, watchGroup } from './process-memory.js';
import { progress, quietSdkWarnings } from './progress.js';
import { type MemoryFigures, summarizeMemory, waitForRetirement } from './soak-memory.js';
import { readBack, type ScoreCheck } from './soak-read-back.js';
import type { Outcome, Person } from './soak-traffic.js';
import { createTraffic } from './soak-traffic.js';
import { startInstances } from './start-instances.js';
import { type Summary, summarize } from './stats.js';
import { makeWorkCopy } from './work-copy.js';

export interface SoakOptions {
  requests: number;
  maxMs: number;
  concurrency: number;
  slackUsers: number;
  discordUsers: number;
  /** Share of actions that are hostile requests. */
  hostileShare: number;
  /**
   * After the soak, how long to wait for serverless-offline to retire its idle handler
   * instances (it does after 60 s idle, checking every 60 s), to see what memory comes back.
   */
  retireWaitMs: number;
}

export const SOAK_DEFAULTS: SoakOptions = {
  // Enough requests for each handler instance to handle hundreds, so growth that keeps on would
  // show; few clients, so the pool of instances (one per request in flight) stays small.
  requests: 12_000,
  maxMs: 150_000,
  concurrency: 4,
  slackUsers: 120,
  discordUsers: 120,
  hostileShare: 0.2,
  retireWaitMs: 130_000,
};

export interface SoakFigures {
  options: SoakOptions;
  durationMs: number;
  stoppedBy: 'requests' | 'time';
  requests: number;
  legit: number;
  hostile: number;
  statuses: Record<string, number>;
  byKind: Record<string, Record<string, number>>;
  /** Every 5xx or unanswered request, with what it was. */
  failures: string[];
  /** Legitimate answers that said something a person should not have been told. */
  unexpected: string[];
  legitLatency: Summary;
  scores: ScoreCheck;
  memory: MemoryFigures;
}

/** The soak against a running dev stack (its own table, so its scores are its own). */
export async function runSoak(stack: DevStack, options: SoakOptions): Promise<SoakFigures> {
  const { date, question, correct } = todaysDaily();
  await postDaily(
    stack.store,
    [
      { platform: 'slack', workspaceId: SLACK_TEAM, channelId: SLACK_CHANNEL },
      { platform: 'discord', workspaceId: DISCORD_GUILD, channelId: DISCORD_CHANNEL },
    ],
    { slackApiUrl: stack.slackApi.apiUrl, discordApiUrl: stack.discordApi.url },
  );
  const slackPost = await stack.store.getDaily(
    { platform: 'slack', workspaceId: SLACK_TEAM },
    SLACK_CHANNEL,
    date,
  );
  const discordPost = await stack.store.getDaily(
    { platform: 'discord', workspaceId: DISCORD_GUILD },
    DISCORD_CHANNEL,
    date,
  );
  const act = createTraffic(stack, {
    date,
    correct,
    choices: question.choices.length,
    slackTs: slackPost?.messageId ?? '',
    discordId: discordPost?.messageId ?? '',
  });
  const people: Person[] = [
    ...slackUsers(options.slackUsers, 'U0S').map((user) => ({ platform: 'slack' as const, user })),
    ...discordUsers(options.discordUsers, 200_000).map((user) => ({
      platform: 'discord' as const,
      user,
    })),
  ].map((p) => ({
    ...p,
    answeredDaily: false,
    expected: { practiceAnswered: 0, practiceCorrect: 0, dailyAnswered: 0, dailyCorrect: 0 },
  }));
  // Hostile requests come as people of their own, whose scores must stay empty.
  const [slackHostile] = slackUsers(1, 'U0H');
  const [discordHostile] = discordUsers(1, 900_000);

  // The pool of handler instances first, full size, so what memory does next is the handlers'.
  progress('soak: starting serverless-offline handler instances');
  const beforePool = sampleGroup(stack.server.pgid, 0);
  await startInstances(stack, options.concurrency);
  const outcomes: Outcome[] = [];
  const memory = watchGroup(stack.server.pgid, 1000);
  const started = Date.now();
  let hostileCount = 0;
  let stoppedBy: SoakFigures['stoppedBy'] = 'requests';
  const more = () => {
    if (outcomes.length >= options.requests) return false;
    if (Date.now() - started > options.maxMs) {
      stoppedBy = 'time';
      return false;
    }
    return true;
  };
  let lastReport = 0;
  const worker = async (w: number) => {
    const random = seededRandom(1000 + w);
    // Each worker speaks for its own people, so nobody does two things at once (except on
    // purpose: double clicks).
    const mine = people.filter((_, i) => i % options.concurrency === w);
    while (more()) {
      if (random() < options.hostileShare) {
        const n = hostileCount++;
        const request = hostileRequest(
          n,
          {
            slackSecret: stack.slackSecret,
            signer: stack.signer,
            user: (n % 2 ? slackHostile : discordHostile) as Person['user'],
            responseUrl: stack.slackApi.responseUrl(`hostile-${n}`),
          },
          random,
        );
        const sent = await post(
          `${stack.server.url}${request.path}`,
          request.headers,
          request.body,
        );
        outcomes.push({ kind: `hostile ${request.kind}`, ...sent });
      } else {
        const person = mine[Math.floor(random() * mine.length)] as Person;
        outcomes.push(...(await act(person, random)));
      }
      if (outcomes.length - lastReport >= 500) {
        lastReport = outcomes.length;
        progress(`soak: ${outcomes.length} requests`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, w) => worker(w)));
  const durationMs = Date.now() - started;
  const samples = memory.stop();
  progress('soak: waiting for serverless-offline to retire its idle handler instances');
  const retired = await waitForRetirement(
    stack.server.pgid,
    beforePool.largestThreads,
    options.retireWaitMs,
  );

  const byKind: Record<string, Record<string, number>> = {};
  for (const o of outcomes) {
    const kind = byKind[o.kind] ?? {};
    const key = o.status === 0 ? 'none' : String(o.status);
    kind[key] = (kind[key] ?? 0) + 1;
    byKind[o.kind] = kind;
  }
  const legitOutcomes = outcomes.filter((o) => !o.kind.startsWith('hostile'));
  return {
    options,
    durationMs,
    stoppedBy,
    requests: outcomes.length,
    legit: legitOutcomes.length,
    hostile: outcomes.length - legitOutcomes.length,
    statuses: statusClasses(outcomes),
    byKind,
    failures: outcomes
      .filter((o) => o.status >= 500 || o.status === 0)
      .map((o) => `${o.kind}: ${o.status || o.error} ${o.text.slice(0, 200)}`),
    unexpected: legitOutcomes
      // 202: a Discord answer sent out of band (the interaction callback), as designed.
      .filter((o) => o.unexpected || (o.status !== 200 && o.status !== 202))
      .map((o) => `${o.kind}: ${o.status} ${o.unexpected ?? o.text.slice(0, 200)}`),
    legitLatency: summarize(legitOutcomes.map((o) => o.ms)),
    scores: await readBack(stack, people, [slackHostile, discordHostile]),
    memory: { ...summarizeMemory(samples, beforePool), ...retired },
  };
}

/** `npx tsx bench/soak.ts`: the soak alone, on a DynamoDB Local and dev server of its own. */
async function main() {
  quietSdkWarnings();
  const copy = makeWorkCopy();
  const dynamo = await startBenchDynamo();
  let stack: DevStack | undefined;
  try {
    progress('soak: starting npm run dev');
    stack = await startDevStack(copy.dir, dynamo.endpoint, 'soak');
    const figures = await runSoak(stack, SOAK_DEFAULTS);
    console.log(JSON.stringify(figures, null, 2));
    const fiveXX = figures.failures.length;
    progress(
      `soak: ${figures.requests} requests, ${fiveXX} 5xx or unanswered, scores ${figures.scores.matched}/${figures.scores.people} exact, RSS ${Math.round(figures.memory.startMb)} → peak ${Math.round(figures.memory.peakMb)} → ${Math.round(figures.memory.endMb)} MB`,
    );
  } finally {
    await stack?.stop();
    await dynamo.stop();
    copy.remove();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
