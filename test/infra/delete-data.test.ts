import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { type CliIo, parseWorkspace, runDeleteData } from '../../infra/delete-data.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { freshStore } from '../helpers/dynamo.js';
import { asker, testDeps } from '../helpers/test-deps.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const T1 = { platform: 'slack', workspaceId: 'T1' };

/** Gives two people in T1 a subscription's worth of data and a score each. */
async function seed(store: Awaited<ReturnType<typeof freshStore>>['store']) {
  // U1 turns on the question of the day, as `/aws daily on` does.
  const tutor = createTutor(testDeps({ storeImpl: store }));
  await tutor.handleCommand(
    asker({
      platform: 'slack',
      workspaceId: 'T1',
      channelId: 'C1',
      userId: 'U1',
      userName: 'alice',
    }),
    'daily on',
    { isAdmin: async () => true },
  );
  for (const userId of ['U1', 'U2']) {
    await store.savePending(
      { ...T1, userId },
      { nonce: `n${userId}`, questionId: 'q', issuedAt: '2026-11-23T09:00:00.000Z' },
      3600,
    );
  }
}

function io(env: Record<string, string>, answer = 'yes') {
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  const cli: CliIo = {
    env,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    ask: async (question) => {
      asked.push(question);
      return answer;
    },
  };
  return { cli, out, err, asked };
}

describe('CLI: data:delete', () => {
  let fresh: Awaited<ReturnType<typeof freshStore>>;
  let env: Record<string, string>;
  beforeEach(async () => {
    fresh = await freshStore();
    await seed(fresh.store);
    env = { DYNAMODB_ENDPOINT: fresh.endpoint };
  });
  const pendingOf = async (userId: string) =>
    (await fresh.store.getPracticeContext({ ...T1, userId }, `n${userId}`, 'q')).pending;

  it('shows what it found, asks, deletes one person with progress, and leaves the others', async () => {
    const run = io(env);
    const args = ['--workspace', 'slack:T1', '--user', 'U1', '--table', fresh.tableName];
    expect(await runDeleteData(args, run.cli)).toBe(0);
    const text = run.out.join('\n');
    expect(text).toContain('all data of user U1 in slack:T1');
    expect(text).toMatch(/pending questions\s+1/);
    expect(run.asked).toEqual(['Delete these 1 items? Type "yes" to go on: ']);
    expect(text).toContain('Deleted 1/1 items');
    expect(text).toContain('1 subscription(s) no longer name who turned them on');
    expect(await pendingOf('U1')).toBeUndefined();
    expect(await pendingOf('U2')).toBeDefined();
    expect((await fresh.store.getSubscription(T1, 'C1'))?.subscribedBy).toBe('');
  });

  it('deletes nothing unless the answer is yes', async () => {
    const run = io(env, 'no');
    const args = ['--workspace', 'slack:T1', '--table', fresh.tableName];
    expect(await runDeleteData(args, run.cli)).toBe(1);
    expect(run.out.at(-1)).toBe('Not confirmed: nothing was deleted.');
    expect(await pendingOf('U1')).toBeDefined();
    expect(await fresh.store.getSubscription(T1, 'C1')).toBeDefined();
  });

  it.each([
    [[], /Missing setting: --workspace/],
    [['--workspace', 'T1'], /--workspace must be <platform>:<id>/],
    [['--workspace', 'teams:T1'], /--workspace must be <platform>:<id>/],
    [['--workspace', 'slack:T1', '--user', ''], /--user needs a user id/],
    [
      ['--workspace', 'slack:T1', '--stage', 'prod', '--table', 'x'],
      /--stage or --table, not both/,
    ],
    [['--workspace', 'slack:T1', '--bogus'], /Unknown option '--bogus'/],
  ])('refuses %j with a clear message and exit code 2', async (args, message) => {
    const run = io(env);
    expect(await runDeleteData(args as string[], run.cli)).toBe(2);
    expect(run.err.join('\n')).toMatch(message);
    expect(run.err.join('\n')).toContain('Usage: npm run data:delete');
  });

  it('names the missing table or region for a deployed stage', async () => {
    const noTable = io({});
    expect(
      await runDeleteData(['--workspace', 'slack:T1', '--region', 'eu-west-2'], noTable.cli),
    ).toBe(2);
    expect(noTable.err.join('\n')).toMatch(/Missing setting: which table. Pass --stage/);
    const noRegion = io({});
    expect(await runDeleteData(['--workspace', 'slack:T1', '--stage', 'prod'], noRegion.cli)).toBe(
      2,
    );
    expect(noRegion.err.join('\n')).toMatch(/Missing setting: the AWS region/);
  });

  it('reads a workspace id that itself contains a colon (a Discord DM)', () => {
    expect(parseWorkspace('discord:dm:1180000000000000003')).toEqual({
      platform: 'discord',
      workspaceId: 'dm:1180000000000000003',
    });
  });

  it('runs as `npm run data:delete` does, confirmed by a piped "yes"', () => {
    const result = spawnSync(
      `${root}node_modules/.bin/tsx`,
      ['infra/delete-data.ts', '--workspace', 'slack:T1', '--table', fresh.tableName],
      {
        cwd: root,
        input: 'yes\n',
        encoding: 'utf8',
        env: { ...process.env, DYNAMODB_ENDPOINT: fresh.endpoint },
        timeout: 60_000,
      },
    );
    expect(result.stderr).not.toMatch(/failed/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Done: deleted 3 items/);
  });
});
