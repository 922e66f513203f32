import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { DISCORD_FIXTURE } from '../test/helpers/discord-handler.js';
import { createDiscordSigner, loadEvent } from '../test/helpers/discord-request.js';
import { freshStore } from '../test/helpers/dynamo.js';
import { startFakeSsm } from '../test/helpers/fake-ssm.js';
import { commandEvent, TEST_SIGNING_SECRET } from '../test/helpers/slack-request.js';
import { type Bundle, buildReferences, packageBundles } from './package-bundles.js';
import { median } from './stats.js';

const run = promisify(execFile);

/** Goals of issue 8: module load above the floor, as a share of the reference's. */
const GOALS: Record<string, number> = {
  slack: 0.5,
  discord: 0.25,
  dailyQuiz: 0.5,
  weeklyRecap: 0.5,
};

export interface ColdBundle extends Bundle {
  /** Median `import()` of the handler module, with source maps on as deployed. */
  loadMs: number;
  /** (bundle − floor) ÷ (reference − floor). */
  ratio: number;
  goal: number;
  /** Median import plus the answer to a first event, secrets read from SSM (as deployed). */
  firstMs: number;
  /** The same with the secrets in the environment: the difference is what SSM costs. */
  firstEnvMs: number;
  /** First answers that were not a success (200, or a run's summary): none, normally. */
  failed: string[];
}

export interface ColdStart {
  rounds: number;
  bundles: ColdBundle[];
  reference: { bytes: number; loadMs: number };
  /** The compiled content alone (src/content/generated), built like the reference. */
  content: { bytes: number; loadMs: number; ratio: number };
  floorMs: number;
}

interface Target {
  module: string;
  env: Record<string, string>;
  /** Made afresh for each process: signatures carry a timestamp. */
  event?: () => unknown;
}

/**
 * What each fresh process runs. It exits at once: a handler may leave timers or sockets open
 * (Bolt's `auth.test`, SDK keep-alive) that would only add noise to the next process.
 */
const CHILD = `
const t0 = performance.now();
const mod = await import(process.env.BENCH_MODULE);
const out = { loadMs: performance.now() - t0 };
if (process.env.BENCH_EVENT) {
  const result = await mod.handler(JSON.parse(process.env.BENCH_EVENT), { awsRequestId: 'bench' })
    .catch((error) => ({ statusCode: String(error) }));
  out.firstMs = performance.now() - t0;
  out.status = String(result?.statusCode ?? 'ok');
}
process.stdout.write('\\nBENCH ' + JSON.stringify(out) + '\\n');
process.exit(0);
`;

/** One fresh `node` with source maps on, as NODE_OPTIONS has it in serverless.yml. */
async function coldRun(target: Target) {
  const event = target.event?.();
  const { stdout } = await run(
    process.execPath,
    ['--enable-source-maps', '--input-type=module', '-e', CHILD],
    {
      // Only what the target needs: nothing from the bench's own environment leaks in.
      env: {
        PATH: process.env.PATH ?? '',
        ...target.env,
        BENCH_MODULE: pathToFileURL(target.module).href,
        ...(event === undefined ? {} : { BENCH_EVENT: JSON.stringify(event) }),
      },
      timeout: 30_000,
    },
  );
  // Handlers log JSON lines to stdout too; the figures are the line marked BENCH.
  const line = stdout.split('\n').find((l) => l.startsWith('BENCH '));
  if (!line) throw new Error(`${target.module} printed no figures:\n${stdout.slice(-2000)}`);
  return JSON.parse(line.slice(6)) as { loadMs: number; firstMs?: number; status?: string };
}

/**
 * `rounds` fresh processes per target, round-robin (every target once, then again), so a busy
 * moment on the shared machine lands on all targets alike; medians.
 */
async function medians(targets: Target[], rounds: number) {
  const samples = targets.map(() => [] as Awaited<ReturnType<typeof coldRun>>[]);
  for (let round = 0; round < rounds; round++) {
    for (const [i, target] of targets.entries()) samples[i]?.push(await coldRun(target));
  }
  return samples.map((list) => ({
    loadMs: median(list.map((s) => s.loadMs)),
    firstMs: median(list.map((s) => s.firstMs ?? Number.NaN)),
    failed: list.flatMap((s) =>
      s.status && s.status !== '200' && s.status !== 'ok' ? [s.status] : [],
    ),
  }));
}

/**
 * Each function as packaged for deployment, against the usual Bolt app and an empty module:
 * module load in fresh processes, then the first answer (a signed `/aws lambda` on Slack, a
 * signed `/aws search` on Discord, a scheduled run over an empty table) against DynamoDB Local.
 */
export async function measureColdStart(dynamoEndpoint: string, rounds: number): Promise<ColdStart> {
  const { dir, bundles } = await packageBundles();
  const references = await buildReferences(dir);
  const { tableName } = await freshStore(dynamoEndpoint);
  const signer = createDiscordSigner();
  const secrets = {
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    DISCORD_PUBLIC_KEY: signer.publicKeyHex,
    DISCORD_APPLICATION_ID: DISCORD_FIXTURE.applicationId,
    DISCORD_BOT_TOKEN: 'bench-bot-token',
  };
  const base = {
    TABLE_NAME: tableName,
    AWS_REGION: 'eu-west-2',
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    // Loopback addresses that refuse connections: nothing may leave the machine.
    SLACK_API_URL: 'http://127.0.0.1:9/api/',
    DISCORD_API_URL: 'http://127.0.0.1:9/api/v10',
  };
  const ssm = await startFakeSsm(
    Object.fromEntries(Object.entries(secrets).map(([k, v]) => [`/aws-tutor/bench/${k}`, v])),
  );
  const deployed = {
    ...base,
    SECRETS_SSM_PATH: '/aws-tutor/bench',
    AWS_ENDPOINT_URL_SSM: ssm.endpoint,
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
  };
  const events: Record<string, () => unknown> = {
    slack: () => commandEvent({ text: 'lambda' }),
    discord: () => signer.signEvent(loadEvent('command-search')),
  };
  const event = (name: string) => events[name] ?? (() => ({}));
  try {
    const loads = await medians(
      [
        ...bundles.map((b) => ({ module: b.entry, env: { ...base, ...secrets } })),
        { module: references.bolt, env: { ...base, ...secrets } },
        { module: references.content, env: {} },
        { module: references.empty, env: {} },
      ],
      rounds,
    );
    const firsts = await medians(
      bundles.flatMap((b) => [
        { module: b.entry, env: deployed, event: event(b.name) },
        { module: b.entry, env: { ...base, ...secrets }, event: event(b.name) },
      ]),
      rounds,
    );
    const [reference, content, floor] = loads.slice(bundles.length).map((l) => l.loadMs);
    const floorMs = floor ?? Number.NaN;
    const referenceMs = reference ?? Number.NaN;
    const contentMs = content ?? Number.NaN;
    return {
      rounds,
      floorMs,
      reference: { bytes: references.boltBytes, loadMs: referenceMs },
      content: {
        bytes: references.contentBytes,
        loadMs: contentMs,
        ratio: (contentMs - floorMs) / (referenceMs - floorMs),
      },
      bundles: bundles.map((b, i) => {
        const loadMs = loads[i]?.loadMs ?? Number.NaN;
        const [first, firstEnv] = [firsts[2 * i], firsts[2 * i + 1]];
        return {
          ...b,
          loadMs,
          ratio: (loadMs - floorMs) / (referenceMs - floorMs),
          goal: GOALS[b.name] ?? Number.NaN,
          firstMs: first?.firstMs ?? Number.NaN,
          firstEnvMs: firstEnv?.firstMs ?? Number.NaN,
          failed: [...(first?.failed ?? []), ...(firstEnv?.failed ?? [])],
        };
      }),
    };
  } finally {
    await ssm.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
