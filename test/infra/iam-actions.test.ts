import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { ChannelPoster, PostResult } from '../../src/daily/channel-poster.js';
import { runDaily } from '../../src/daily/run-daily.js';
import { ensureTable } from '../../src/local/dynamodb-local.js';
import { createDocumentClient } from '../../src/store/dynamo-client.js';
import { DynamoStore } from '../../src/store/dynamo-store.js';
import { runWeekly } from '../../src/team/run-weekly.js';
import type { Reply } from '../../src/tutor/reply.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { firstAnswer } from '../helpers/answer-reply.js';
import { type CloudFormationTemplate, packageService } from '../helpers/serverless-package.js';
import { asker, content, fakeClock, testDeps } from '../helpers/test-deps.js';

/**
 * The IAM actions a DynamoDB request needs. A transaction is authorised item by item, as the
 * underlying PutItem/UpdateItem/DeleteItem/ConditionCheckItem: IAM has no TransactWriteItems.
 */
function iamActions(commandName: string, input: unknown): { action: string; index: boolean }[] {
  const operation = commandName.replace(/Command$/, '');
  const index = Boolean((input as { IndexName?: string }).IndexName);
  if (operation === 'TransactWriteItems') {
    const items = (input as { TransactItems: Record<string, unknown>[] }).TransactItems;
    const names: Record<string, string> = {
      Put: 'PutItem',
      Update: 'UpdateItem',
      Delete: 'DeleteItem',
      ConditionCheck: 'ConditionCheckItem',
    };
    return items.flatMap((item) =>
      Object.keys(item).map((key) => ({ action: `dynamodb:${names[key]}`, index: false })),
    );
  }
  return [{ action: `dynamodb:${operation}`, index }];
}

/** A store on a shared table that lists the IAM actions of every request it makes. */
function recordingStore(endpoint: string, tableName: string) {
  const table = new Set<string>();
  const index = new Set<string>();
  const db = createDocumentClient(
    { tableName, endpoint, region: 'us-east-1' },
    {
      requestTimeoutMs: 10_000,
      onRequest: (name, input) => {
        for (const a of iamActions(name, input)) (a.index ? index : table).add(a.action);
      },
    },
  );
  return { store: new DynamoStore(db, tableName), table, index };
}

function allowed(template: CloudFormationTemplate, role: string, sid: string): string[] {
  const policies = template.Resources[role]?.Properties.Policies as {
    PolicyDocument: { Statement: { Sid: string; Action: string[] }[] };
  }[];
  const statement = policies.flatMap((p) => p.PolicyDocument.Statement).find((s) => s.Sid === sid);
  return [...(statement?.Action ?? [])].sort();
}

const answerButtons = (reply: Reply) => (reply.buttons ?? []).filter((b) => b.kind === 'answer');
const admin = { isAdmin: async () => true };

describe('IAM: each role allows exactly the DynamoDB actions its function uses', () => {
  let template: CloudFormationTemplate;
  const chat = { table: new Set<string>(), index: new Set<string>() };
  const daily = { table: new Set<string>(), index: new Set<string>() };
  const weekly = { table: new Set<string>(), index: new Set<string>() };

  beforeAll(async () => {
    template = (await packageService('ci')).template;
    const endpoint = inject('dynamoEndpoint');
    const tableName = `iam-${randomUUID()}`;
    await ensureTable(endpoint, tableName);
    const chatStore = recordingStore(endpoint, tableName);
    const dailyStore = recordingStore(endpoint, tableName);
    const weeklyStore = recordingStore(endpoint, tableName);
    chat.table = chatStore.table;
    chat.index = chatStore.index;
    daily.table = dailyStore.table;
    daily.index = dailyStore.index;
    weekly.table = weeklyStore.table;
    weekly.index = weeklyStore.index;

    // Everything a person can do through /aws and the buttons (the slack and discord functions).
    const clock = fakeClock('2026-11-23T08:00:00Z');
    const tutor = createTutor(testDeps({ storeImpl: chatStore.store, clock }));
    const alice = asker({ platform: 'slack', userId: 'alice', userName: 'alice' });
    const commands = ['help', 'lamda', 'topics', 'score', 'team', 'leaderboard'];
    for (const text of [...commands, 'leaderboard month', 'leaderboard all']) {
      await tutor.handleCommand(alice, text);
    }
    const practice = await tutor.handleCommand(alice, 'quiz');
    await tutor.handleAction(alice, firstAnswer(practice));
    await tutor.handleCommand(alice, 'score');

    // A whole practice exam, its history, and one stopped part-way.
    let exam = await tutor.handleCommand(alice, 'exam 5');
    for (let i = 0; i < 5; i++) exam = await tutor.handleAction(alice, firstAnswer(exam));
    await tutor.handleCommand(alice, 'exam history');
    await tutor.handleCommand(alice, 'exam 5');
    await tutor.handleCommand(alice, 'exam stop');
    for (const channelId of ['C1', 'C2', 'C3']) {
      await tutor.handleCommand({ ...alice, channelId }, 'daily on', admin);
    }
    await tutor.handleCommand(alice, 'daily status', admin);
    await tutor.handleCommand({ ...alice, channelId: 'C4' }, 'daily on', admin);
    await tutor.handleCommand({ ...alice, channelId: 'C4' }, 'daily off', admin);
    await tutor.handleCommand({ ...alice, channelId: 'C3' }, 'daily recap off', admin);
    await tutor.handleCommand({ ...alice, channelId: 'C3' }, 'daily recap on', admin);

    // The daily function: a post, a channel gone for good, one that keeps failing, a reveal.
    const posts: Reply[] = [];
    const poster: ChannelPoster = {
      async post(channel, reply): Promise<PostResult> {
        if (channel.channelId === 'C2') return { ok: false, scope: 'channel', error: 'gone' };
        if (channel.channelId === 'C3') return { ok: false, scope: 'transient', error: '500' };
        posts.push(reply);
        return { ok: true, messageId: `m-${posts.length}` };
      },
    };
    // What both scheduled rounds get besides their store.
    const round = {
      content,
      posters: { slack: poster },
      clock,
      timeZone: 'Europe/London',
      log: { error: () => {}, info: () => {} },
      sleep: async () => {},
    };
    const run = () => runDaily({ store: dailyStore.store, ...round });
    clock.set('2026-11-23T09:00:00Z');
    await run();
    await run();

    // Answering the daily message, twice, back in the chat functions.
    const monday = posts[0] as Reply;
    await tutor.handleAction(alice, answerButtons(monday)[0]?.action as string);
    await tutor.handleAction(alice, answerButtons(monday)[0]?.action as string);
    await tutor.handleCommand(alice, 'leaderboard');

    await tutor.handleCommand(alice, 'team');

    clock.set('2026-11-24T09:00:00Z');
    await run();

    // The weekly recap: a post, a channel gone, one that keeps failing, then a repeat.
    const recap = () => runWeekly({ store: weeklyStore.store, ...round });
    clock.set('2026-11-27T16:00:00Z');
    await recap();
    await recap();
  }, 180_000);

  it('slack and discord: the table actions of every command and click, one by one', () => {
    expect(chat.table.size).toBeGreaterThan(3);
    expect(allowed(template, 'SlackRole', 'Table')).toEqual([...chat.table].sort());
    expect(allowed(template, 'DiscordRole', 'Table')).toEqual([...chat.table].sort());
  });

  it('dailyQuiz: the table actions of a run, its retries, dead channels and the reveal', () => {
    expect(daily.table.size).toBeGreaterThan(1);
    expect(allowed(template, 'DailyQuizRole', 'Table')).toEqual([...daily.table].sort());
  });

  it('weeklyRecap: the table actions of a recap round, a dead channel and a repeat', () => {
    expect(weekly.table.size).toBeGreaterThan(1);
    expect(allowed(template, 'WeeklyRecapRole', 'Table')).toEqual([...weekly.table].sort());
  });

  it('only Query touches the index, for every function', () => {
    expect([...chat.index]).toEqual(['dynamodb:Query']);
    expect([...daily.index]).toEqual(['dynamodb:Query']);
    expect([...weekly.index]).toEqual(['dynamodb:Query']);
    for (const role of ['SlackRole', 'DiscordRole', 'DailyQuizRole', 'WeeklyRecapRole']) {
      expect(allowed(template, role, 'Index')).toEqual(['dynamodb:Query']);
    }
  });

  it('never scans', () => {
    const all = [chat, daily, weekly].flatMap((f) => [...f.table, ...f.index]);
    expect(all).not.toContain('dynamodb:Scan');
  });
});
