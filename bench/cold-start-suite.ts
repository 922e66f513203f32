import { createDiscordSigner, loadEvent } from '../test/helpers/discord-request.js';
import { startFakeSsm } from '../test/helpers/fake-ssm.js';
import { commandEvent, TEST_SIGNING_SECRET } from '../test/helpers/slack-request.js';
import type { ReferenceModules } from './build-reference.js';
import { type ColdSample, type ColdTarget, measureCold } from './cold-start.js';
import type { FunctionName, PackagedFunction } from './package-bundles.js';
import { progress } from './progress.js';
import { median } from './stats.js';

/** Goals from issue 8: module load above the floor, as a share of the reference's. */
export const GOALS: Record<FunctionName, number> = { slack: 0.5, discord: 0.25, dailyQuiz: 0.5 };

export interface LoadFigures {
  /** Median module load, without and with `--enable-source-maps`. */
  plain: number;
  maps: number;
  /** Median from process start to module loaded (Node's start-up included), with maps. */
  processToLoaded: number;
}

/** As deployed now, or the control: the same code bundled as before the fix (one file each). */
export type Variant = 'deployed' | 'one-file';

export interface BundleFigures extends LoadFigures {
  name: FunctionName;
  variant: Variant;
  zipBytes: number;
  entryBytes: number;
  codeBytes: number;
  files: number;
  /** (bundle − floor) / (reference − floor), per mode. */
  ratioPlain: number;
  ratioMaps: number;
  goal: number;
  /** Median from process start of the import to the first answer, secrets read from SSM. */
  firstAnswer: number;
  /** The same with the secrets in the environment (NaN for the control). */
  firstAnswerEnv: number;
  firstStatus: string;
}

export interface ColdStartFigures {
  rounds: number;
  firstRounds: number;
  bundles: BundleFigures[];
  reference: LoadFigures & { bytes: number };
  floor: LoadFigures;
}

const SECRETS_PATH = '/aws-tutor/bench';

/**
 * Module load of each deployed bundle, the reference Bolt app and an empty module, in fresh
 * processes; then, as deployed, the first answer of each function with its secrets read from
 * SSM (a local fake) and the DynamoDB client loaded where the answer needs it.
 */
export async function runColdStart(
  variants: { variant: Variant; functions: PackagedFunction[] }[],
  references: ReferenceModules,
  dynamo: { endpoint: string; tableName: string },
  rounds = 11,
): Promise<ColdStartFigures> {
  const discord = createDiscordSigner();
  const base = {
    TABLE_NAME: dynamo.tableName,
    AWS_REGION: 'eu-west-2',
    // Loopback addresses that refuse connections: nothing may leave the machine.
    SLACK_API_URL: 'http://127.0.0.1:9/api/',
    DISCORD_API_URL: 'http://127.0.0.1:9/api/v10',
  };
  const settings = {
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    DISCORD_PUBLIC_KEY: discord.publicKeyHex,
    DISCORD_APPLICATION_ID: '1180000000000000001',
  };
  const bundles = variants.flatMap(({ variant, functions }) =>
    functions.map((f) => ({ ...f, variant, label: `${f.name}|${variant}` })),
  );
  const loadTargets: ColdTarget[] = [
    ...bundles.map((f) => ({ label: f.label, module: f.entry, env: { ...base, ...settings } })),
    { label: 'reference', module: references.bolt, env: { ...base, ...settings } },
    { label: 'floor', module: references.empty, env: {} },
  ];
  progress(`cold start: module load, ${rounds} rounds × ${loadTargets.length} modules × 2 modes`);
  const loads = await measureCold(loadTargets, {
    rounds,
    sourceMaps: [false, true],
    onRound: (r) => r % 4 === 0 && progress(`cold start: round ${r}/${rounds}`),
  });

  const ssm = await startFakeSsm(
    Object.fromEntries(
      Object.entries({ ...settings, DISCORD_BOT_TOKEN: 'bench-bot' }).map(([k, v]) => [
        `${SECRETS_PATH}/${k}`,
        v,
      ]),
    ),
  );
  const deployed = {
    ...base,
    SECRETS_SSM_PATH: SECRETS_PATH,
    AWS_ENDPOINT_URL_SSM: ssm.endpoint,
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    DYNAMODB_ENDPOINT: dynamo.endpoint,
  };
  const events: Record<FunctionName, () => unknown> = {
    slack: () => commandEvent({ text: 'lambda' }),
    discord: () => discord.signEvent(loadEvent('command-search')),
    dailyQuiz: () => ({}),
  };
  // As deployed; and, for the deployed bundles, with the secrets in the environment instead,
  // which shows what reading them from SSM adds to a cold start.
  const firstTargets = [
    ...bundles.map((f) => ({
      label: f.label,
      module: f.entry,
      env: deployed,
      event: events[f.name],
    })),
    ...bundles
      .filter((f) => f.variant === 'deployed')
      .map((f) => ({
        label: `${f.label}|env`,
        module: f.entry,
        env: {
          ...base,
          ...settings,
          DISCORD_BOT_TOKEN: 'bench-bot',
          DYNAMODB_ENDPOINT: dynamo.endpoint,
        },
        event: events[f.name],
      })),
  ];
  const firstRounds = Math.max(9, Math.ceil(rounds / 2));
  progress(`cold start: first answers, ${firstRounds} rounds × ${firstTargets.length}`);
  let firsts: Map<string, ColdSample[]>;
  try {
    firsts = await measureCold(firstTargets, { rounds: firstRounds, sourceMaps: [true] });
  } finally {
    await ssm.close();
  }

  const figures = (label: string): LoadFigures => {
    const plain = loads.get(`${label}|plain`) ?? [];
    const maps = loads.get(`${label}|maps`) ?? [];
    return {
      plain: median(plain.map((s) => s.loadMs)),
      maps: median(maps.map((s) => s.loadMs)),
      processToLoaded: median(maps.map((s) => s.processToLoadedMs)),
    };
  };
  const floor = figures('floor');
  const reference = { ...figures('reference'), bytes: references.boltBytes };
  const ratio = (value: number, mode: 'plain' | 'maps') =>
    (value - floor[mode]) / (reference[mode] - floor[mode]);
  return {
    rounds,
    firstRounds,
    floor,
    reference,
    bundles: bundles.map((f) => {
      const load = figures(f.label);
      const first = firsts.get(`${f.label}|maps`) ?? [];
      const firstEnv = firsts.get(`${f.label}|env|maps`) ?? [];
      const statuses = [...new Set(first.map((s) => String(s.status)))];
      return {
        name: f.name,
        variant: f.variant,
        zipBytes: f.zipBytes,
        entryBytes: f.entryBytes,
        codeBytes: f.codeBytes,
        files: f.files,
        ...load,
        ratioPlain: ratio(load.plain, 'plain'),
        ratioMaps: ratio(load.maps, 'maps'),
        goal: GOALS[f.name],
        firstAnswer: median(first.map((s) => s.firstAnswerMs ?? Number.NaN)),
        firstAnswerEnv: median(firstEnv.map((s) => s.firstAnswerMs ?? Number.NaN)),
        firstStatus: statuses.join(', '),
      };
    }),
  };
}
