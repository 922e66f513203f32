/**
 * `npm run bench`: cold start, warm latency, DynamoDB requests, search, load, fan-out and the
 * soak, then BENCHMARKS.md. Prints progress on stderr as it goes. See BENCHMARKS.md for what
 * each figure is and how it is taken.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalDynamo } from '../src/local/dynamodb-local.js';
import { startConflictProxy } from '../test/helpers/conflict-proxy.js';
import { buildReferences } from './build-reference.js';
import { runColdStart } from './cold-start-suite.js';
import { startDevStack } from './dev-stack.js';
import { installDynamoMeter } from './dynamo-meter.js';
import { runFanOut } from './fan-out.js';
import { installFetchMeter } from './fetch-meter.js';
import { startInProcessHandlers } from './in-process-handlers.js';
import { runLoad } from './load.js';
import { benchStore, freshTable, startBenchDynamo } from './local-dynamo.js';
import { currentLoad, describeMachine } from './machine.js';
import { makeOneFileControl } from './one-file-control.js';
import { packageFunctions } from './package-bundles.js';
import { DISCORD_CHANNEL, DISCORD_GUILD, SLACK_CHANNEL, SLACK_TEAM } from './platform-requests.js';
import { postDaily, todaysDaily } from './post-daily.js';
import { progress, quietSdkWarnings } from './progress.js';
import { renderReport } from './report.js';
import { runSearchBench } from './search.js';
import { runSoak, SOAK_DEFAULTS } from './soak.js';
import { runWarmLatency } from './warm-latency.js';
import { makeWorkCopy, ROOT } from './work-copy.js';

const WARM_ROUNDS = 200;

async function main() {
  quietSdkWarnings();
  const started = Date.now();
  const machine = describeMachine();
  progress(
    `${machine.cores} × ${machine.cpu}, Node ${machine.node}, load ${machine.loadStart.toFixed(2)}`,
  );
  const copy = makeWorkCopy();
  const control = makeOneFileControl(copy.dir);
  let dynamo: LocalDynamo | undefined;
  try {
    progress('starting DynamoDB Local (in memory)');
    dynamo = await startBenchDynamo();
    const { endpoint } = dynamo;

    progress('serverless package: as deployed, and the one-file control');
    const [deployed, oneFile] = await Promise.all([
      packageFunctions(copy.dir),
      packageFunctions(control.dir),
    ]);
    const references = await buildReferences(join(copy.dir, '.bench-reference'));
    const cold = await runColdStart(
      [
        { variant: 'deployed', functions: deployed },
        { variant: 'one-file', functions: oneFile },
      ],
      references,
      { endpoint, tableName: await freshTable(endpoint, 'cold') },
    );

    progress('search: throughput and relevance');
    const search = runSearchBench();

    progress(`warm latency: ${WARM_ROUNDS} rounds of every command through the handlers`);
    const dynamoMeter = installDynamoMeter();
    const fetchMeter = installFetchMeter();
    const warmTable = await freshTable(endpoint, 'warm');
    const handlers = await startInProcessHandlers({ endpoint, tableName: warmTable });
    const warmStore = benchStore(endpoint, warmTable);
    await postDaily(
      warmStore,
      [
        { platform: 'slack', workspaceId: SLACK_TEAM, channelId: SLACK_CHANNEL },
        { platform: 'discord', workspaceId: DISCORD_GUILD, channelId: DISCORD_CHANNEL },
      ],
      { slackApiUrl: handlers.slackApi.apiUrl, discordApiUrl: handlers.discordApi.url },
    );
    const { date } = todaysDaily();
    const slackDaily = await warmStore.getDaily(
      { platform: 'slack', workspaceId: SLACK_TEAM },
      SLACK_CHANNEL,
      date,
    );
    const discordDaily = await warmStore.getDaily(
      { platform: 'discord', workspaceId: DISCORD_GUILD },
      DISCORD_CHANNEL,
      date,
    );
    const warm = await runWarmLatency(
      handlers,
      { dynamo: dynamoMeter, http: fetchMeter },
      {
        rounds: WARM_ROUNDS,
        warmup: 20,
        dailyMessage: {
          slackTs: slackDaily?.messageId ?? '',
          discordId: discordDaily?.messageId ?? '',
        },
      },
    );
    await handlers.stop();

    const fanOut = [];
    for (const options of [
      { channels: 1000, apiLatencyMs: 0, busyChannels: 50, duplicate: true },
      { channels: 1000, apiLatencyMs: 150, busyChannels: 0, duplicate: false },
    ]) {
      progress(
        `fan-out: ${options.channels} channels, Slack answering in ${options.apiLatencyMs} ms${options.duplicate ? ', delivered twice' : ''}`,
      );
      fanOut.push(await runFanOut(endpoint, dynamoMeter, options));
    }

    progress('load: starting npm run dev, behind a DynamoDB that cancels conflicting transactions');
    const conflicts = await startConflictProxy(endpoint);
    const loadStack = await startDevStack(copy.dir, conflicts.endpoint, 'load');
    let load: Awaited<ReturnType<typeof runLoad>>;
    try {
      progress('load: a burst of 1,000 daily answers');
      load = await runLoad(loadStack, { slackUsers: 600, discordUsers: 400, concurrency: 16 });
      load.conflicts = conflicts.counts();
    } finally {
      await loadStack.stop();
      await conflicts.close();
    }

    progress('soak: starting npm run dev');
    const soakStack = await startDevStack(copy.dir, endpoint, 'soak');
    let soak: Awaited<ReturnType<typeof runSoak>>;
    try {
      soak = await runSoak(soakStack, SOAK_DEFAULTS);
    } finally {
      await soakStack.stop();
    }

    const report = renderReport({
      machine: { ...machine, loadEnd: currentLoad() },
      totalMs: Date.now() - started,
      cold,
      warm,
      warmRounds: WARM_ROUNDS,
      search,
      load,
      fanOut,
      soak,
    });
    writeFileSync(join(ROOT, 'BENCHMARKS.md'), report);
    progress(`done in ${Math.round((Date.now() - started) / 1000)} s: BENCHMARKS.md written`);
  } finally {
    await dynamo?.stop();
    copy.remove();
    control.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
