/**
 * `npm run data:delete -- --workspace slack:T123 [--user U456] [--stage prod | --table NAME]
 * [--region R] [--local] [--yes]`: deletes everything the tutor keeps about a workspace, or
 * about one person in it. Shows what it found and asks before deleting anything.
 *
 * Where: `--local` (or DYNAMODB_ENDPOINT) means the local DynamoDB of `npm start` (data in
 * `.data/dynamodb`); otherwise the AWS table of `--stage` (`aws-tutor-<stage>`) or `--table`,
 * in `--region` (or AWS_REGION), with the usual AWS credentials.
 */

import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DataDeletionError } from '../src/errors.js';
import { ensureTable, startDynamoLocal } from '../src/local/dynamodb-local.js';
import { LOCAL_TABLE } from '../src/local/local-store.js';
import {
  type DeletionPlan,
  type DeletionTarget,
  executeDeletion,
  planDeletion,
} from '../src/store/delete-data.js';
import { createDocumentClient } from '../src/store/dynamo-client.js';

type Env = Record<string, string | undefined>;

/** What the command reads and writes, so a test can drive it without a terminal. */
export interface CliIo {
  env: Env;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Asks a question and returns the answer (or '' at the end of input). */
  ask: (question: string) => Promise<string>;
}

const SERVICE = 'aws-tutor';
const PLATFORMS = ['slack', 'discord', 'local'];

export const USAGE = `Usage: npm run data:delete -- --workspace <platform>:<id> [--user <user id>]
       [--stage <stage> | --table <name>] [--region <region>] [--local] [--yes]

  --workspace  whose data: slack:<team id>, discord:<server id>, discord:dm:<user id> (their DMs),
               or local:local (the playground)
  --user       only this person's data in that workspace (their Slack or Discord user id)
  --stage      the deployed stage; the table is ${SERVICE}-<stage>
  --table      the table name, instead of --stage (default: TABLE_NAME)
  --region     the table's AWS region (default: AWS_REGION)
  --local      the local DynamoDB of npm start (.data/dynamodb); also when DYNAMODB_ENDPOINT is set
  --yes        do not ask before deleting`;

/** A usage problem: the command line is wrong, or a setting is missing. */
class UsageError extends Error {}

/** The workspace as the store scopes it: `platform:workspace id` (the id may contain `:`). */
export function parseWorkspace(text: string): DeletionTarget {
  const at = text.indexOf(':');
  const platform = text.slice(0, at);
  const workspaceId = text.slice(at + 1);
  if (at < 1 || !PLATFORMS.includes(platform) || !workspaceId.trim()) {
    throw new UsageError(
      `--workspace must be <platform>:<id> with platform ${PLATFORMS.join(', ')}, for example slack:T0123ABCD or discord:123456789012345678; got "${text}"`,
    );
  }
  return { platform, workspaceId };
}

interface Where {
  table: string;
  region: string;
  endpoint?: string;
  /** Starts the local DynamoDB when `--local` has nothing running to talk to. */
  local: boolean;
}

function resolveWhere(values: Record<string, string | boolean | undefined>, env: Env): Where {
  const str = (name: string) => {
    const v = values[name];
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  if (str('stage') && str('table')) throw new UsageError('Give --stage or --table, not both.');
  const endpoint = env.DYNAMODB_ENDPOINT?.trim() || undefined;
  const named = str('table') ?? (str('stage') ? `${SERVICE}-${str('stage')}` : undefined);
  const table = named ?? (env.TABLE_NAME?.trim() || undefined);
  const region = str('region') ?? (env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim());
  if (values.local === true || endpoint) {
    return {
      table: table ?? LOCAL_TABLE,
      region: region ?? 'us-east-1',
      ...(endpoint ? { endpoint } : {}),
      local: !endpoint,
    };
  }
  if (!table) {
    throw new UsageError(
      `Missing setting: which table. Pass --stage <stage> (table ${SERVICE}-<stage>) or --table <name>, or set TABLE_NAME; --local for the local store.`,
    );
  }
  if (!region) {
    throw new UsageError(
      'Missing setting: the AWS region of the table. Pass --region (a deploy uses eu-west-2 unless told otherwise) or set AWS_REGION.',
    );
  }
  return { table, region, local: false };
}

/** Runs the command; resolves to the exit code. */
export async function runDeleteData(argv: string[], io: CliIo): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let target: DeletionTarget;
  let where: Where;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        workspace: { type: 'string' },
        user: { type: 'string' },
        stage: { type: 'string' },
        table: { type: 'string' },
        region: { type: 'string' },
        local: { type: 'boolean' },
        yes: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (typeof values.workspace !== 'string') {
      throw new UsageError(
        'Missing setting: --workspace <platform>:<id> says whose data to delete.',
      );
    }
    const user = typeof values.user === 'string' ? values.user.trim() : undefined;
    if (values.user !== undefined && !user) throw new UsageError('--user needs a user id.');
    target = { ...parseWorkspace(values.workspace), ...(user ? { userId: user } : {}) };
    where = resolveWhere(values, io.env);
  } catch (error) {
    io.err(`data:delete: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }

  let stopLocal = async () => {};
  try {
    let endpoint = where.endpoint;
    if (where.local) {
      io.err(
        '(starting the local DynamoDB in .data/dynamodb; stop npm start first if it is running)',
      );
      const local = await startDynamoLocal({ dataDir: '.data/dynamodb' });
      endpoint = local.endpoint;
      stopLocal = local.stop;
    }
    // A local table from an older version gets the tenant index added here.
    if (endpoint) await ensureTable(endpoint, where.table);
    const db = createDocumentClient(
      { tableName: where.table, region: where.region, ...(endpoint ? { endpoint } : {}) },
      { requestTimeoutMs: 10_000, maxAttempts: 6 },
    );
    const plan = await planDeletion(db, where.table, target);
    const place = endpoint ? `${where.table} at ${endpoint}` : `${where.table} (${where.region})`;
    io.out(describePlan(plan, place));
    if (plan.items.length === 0 && plan.subscriptionsToCheck.length === 0) return 0;
    if (!values.yes) {
      const answer = await io.ask(
        plan.items.length > 0
          ? `Delete these ${plan.items.length} items? Type "yes" to go on: `
          : `Remove their name from any of the workspace's subscriptions? Type "yes" to go on: `,
      );
      if (answer.trim().toLowerCase() !== 'yes') {
        io.out('Not confirmed: nothing was deleted.');
        return 1;
      }
    }
    const done = await executeDeletion(db, where.table, plan, {
      onProgress: ({ deleted, total }) => io.out(`Deleted ${deleted}/${total} items…`),
    });
    io.out(
      `Done: deleted ${done.deleted} items${
        done.subscriptionsCleared
          ? `; ${done.subscriptionsCleared} subscription(s) no longer name who turned them on`
          : ''
      }.`,
    );
    return 0;
  } catch (error) {
    io.err(`data:delete failed: ${explain(error, where)}`);
    return 1;
  } finally {
    await stopLocal();
  }
}

function describePlan(plan: DeletionPlan, place: string): string {
  const { platform, workspaceId, userId } = plan.target;
  const whose = userId
    ? `user ${userId} in ${platform}:${workspaceId}`
    : `workspace ${platform}:${workspaceId}`;
  if (plan.items.length === 0) return `Table ${place}: nothing stored for ${whose}.`;
  const rows = Object.entries(plan.counts).map(
    ([kind, n]) => `  ${kind.padEnd(18)} ${String(n).padStart(6)}`,
  );
  const lines = [
    `Table ${place}: all data of ${whose}:`,
    ...rows,
    `  ${'total'.padEnd(18)} ${String(plan.items.length).padStart(6)} items`,
  ];
  if (userId) {
    lines.push(
      "The workspace's subscriptions and daily questions stay; any subscription this person turned on will no longer name them.",
    );
  }
  return lines.join('\n');
}

/** A failure in words an admin can act on. */
function explain(error: unknown, where: Where): string {
  const e = error as Error;
  const message = e?.message ?? String(error);
  if (error instanceof DataDeletionError) return message;
  if (e?.name === 'ResourceNotFoundException') {
    return `table ${where.table} was not found in ${where.endpoint ?? where.region}. Check --stage/--table and --region.`;
  }
  if (/specified index/i.test(message)) {
    return `table ${where.table} has no tenant index (gsi2) yet: deploy this version first (npm run deploy -- --stage <stage>), which adds it.`;
  }
  if (e?.name === 'CredentialsProviderError' || /credential/i.test(message)) {
    return `no AWS credentials found (${message}). Set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.`;
  }
  return `${e?.name ?? 'Error'}: ${message}`;
}

async function main(): Promise<void> {
  // Lines are queued as they come: a piped "yes" may arrive before the question is asked.
  const rl = createInterface({ input: process.stdin });
  const lines: string[] = [];
  let waiting: ((line: string) => void) | undefined;
  rl.on('line', (line) => (waiting ? waiting(line) : lines.push(line)));
  rl.once('close', () => waiting?.(''));
  const code = await runDeleteData(process.argv.slice(2), {
    env: process.env,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    ask: (question) => {
      process.stdout.write(question);
      const next = lines.shift();
      if (next !== undefined) return Promise.resolve(next);
      if (process.stdin.readableEnded) return Promise.resolve('');
      return new Promise((answer) => {
        waiting = answer;
      });
    },
  });
  rl.close();
  process.exitCode = code;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
