/**
 * `npm run dev`: serverless-offline on PORT (default 3000) with DynamoDB Local, exposing the
 * same routes as API Gateway (`POST /slack/events`, `POST /discord/interactions`). DynamoDB
 * Local listens on DYNAMODB_PORT (default 8000) unless DYNAMODB_ENDPOINT points elsewhere.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readLocalDynamoPort } from '../config.js';
import { LocalDynamoError } from '../errors.js';
import { ensureTable, startDynamoLocal } from './dynamodb-local.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const stage = 'dev';
// serverless.yml names the table `${service}-${stage}`.
const tableName = process.env.TABLE_NAME?.trim() || `aws-tutor-${stage}`;
/** Settings given in this environment reach the functions as the stage params they come from. */
const PARAMS: [setting: string, param: string][] = [
  ['DAILY_CRON', 'dailyCron'],
  ['WEEKLY_CRON', 'weeklyCron'],
  ['DAILY_TIMEZONE', 'dailyTimezone'],
  ['SLACK_ADMIN_USER_IDS', 'slackAdminUserIds'],
  ['LOG_MISSED_SEARCHES', 'logMissedSearches'],
  ['ALLOWED_SLACK_TEAM_IDS', 'allowedSlackTeamIds'],
  ['ALLOWED_DISCORD_GUILD_IDS', 'allowedDiscordGuildIds'],
];

async function main() {
  // serverless-esbuild leaves earlier builds behind, and serverless-offline would load a
  // stale one; start from a clean build folder.
  rmSync(`${root}.esbuild`, { recursive: true, force: true });
  let endpoint = process.env.DYNAMODB_ENDPOINT?.trim();
  let stopDynamo = async () => {};
  if (!endpoint) {
    const local = await startDynamoLocal({
      dataDir: '.data/dev',
      port: readLocalDynamoPort() ?? 8000,
    });
    endpoint = local.endpoint;
    stopDynamo = local.stop;
  }
  await ensureTable(endpoint, tableName);
  console.log(`DynamoDB Local: ${endpoint} (table ${tableName})`);

  const offline = spawn(
    `${root}node_modules/.bin/serverless`,
    [
      'offline',
      'start',
      '--stage',
      stage,
      '--param',
      `tableName=${tableName}`,
      ...PARAMS.flatMap(([setting, param]) =>
        process.env[setting] !== undefined ? ['--param', `${param}=${process.env[setting]}`] : [],
      ),
      // Secrets, DYNAMODB_ENDPOINT and the API URLs reach the handlers from this environment;
      // serverless.yml keeps them out of the deployed template.
      '--localEnvironment',
    ],
    {
      cwd: root,
      stdio: 'inherit',
      // No SSM locally: the secrets come from this environment (see serverless.yml).
      env: {
        ...process.env,
        DYNAMODB_ENDPOINT: endpoint,
        TABLE_NAME: tableName,
        SECRETS_SSM_PATH: '',
      },
    },
  );
  const shutdown = (signal: NodeJS.Signals) => {
    offline.kill(signal);
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  const code = await new Promise<number>((done) => offline.once('exit', (c) => done(c ?? 0)));
  await stopDynamo();
  process.exitCode = code;
}

main().catch((error: unknown) => {
  console.error(error instanceof LocalDynamoError ? error.message : error);
  process.exitCode = 1;
});
