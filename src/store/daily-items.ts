import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrentUpdateError } from '../errors.js';
import { type DynamoContext, epochSeconds } from './dynamo-context.js';
import { toDailyRecord, toTotals } from './item-mapping.js';
import { keys, type Tenant, tenantIndex, tenantIndexUpdate, type UserKey } from './keys.js';
import type { AnswerOutcome, DailyRecord, DailyTally, WorkspaceDaily } from './records.js';
import type { DailyAnswer, DailyContext, NamedUser } from './tutor-store.js';

/** Weekly board items are kept this long, then DynamoDB's TTL removes them. */
const WEEK_TTL_SECONDS = 70 * 24 * 3600;
/** Daily answer records are kept for the reveal and disputes, then expire. */
const DAILY_TTL_SECONDS = 40 * 24 * 3600;

export async function getDaily(
  ctx: DynamoContext,
  tenant: Tenant,
  channelId: string,
  date: string,
): Promise<DailyRecord | undefined> {
  const result = await ctx.call(() =>
    ctx.send(
      new GetCommand({
        TableName: ctx.table,
        Key: { pk: keys.channel(tenant, channelId), sk: keys.daily(date) },
        ConsistentRead: true,
      }),
    ),
  );
  return result.Item ? toDailyRecord(result.Item) : undefined;
}

export async function getWorkspaceDaily(
  ctx: DynamoContext,
  tenant: Tenant,
): Promise<WorkspaceDaily | undefined> {
  const result = await ctx.call(() =>
    ctx.send(
      new GetCommand({
        TableName: ctx.table,
        Key: { pk: keys.workspace(tenant), sk: keys.latest },
        ConsistentRead: true,
      }),
    ),
  );
  return toWorkspaceDaily(result.Item);
}

/** One BatchGet: the channel's question, the person's totals and answer, the workspace chain. */
export async function getDailyContext(
  ctx: DynamoContext,
  user: UserKey,
  channelId: string,
  date: string,
): Promise<DailyContext> {
  const dailyKey = { pk: keys.channel(user, channelId), sk: keys.daily(date) };
  const totalsKey = { pk: keys.user(user), sk: keys.totals };
  const answerKey = { pk: keys.dailyAnswers(user, date), sk: keys.answerer(user.userId) };
  const workspaceKey = { pk: keys.workspace(user), sk: keys.latest };
  const result = await ctx.call(() =>
    ctx.send(
      new BatchGetCommand({
        RequestItems: {
          [ctx.table]: {
            Keys: [dailyKey, totalsKey, answerKey, workspaceKey],
            ConsistentRead: true,
          },
        },
      }),
    ),
  );
  const items = (result.Responses?.[ctx.table] ?? []) as Record<string, unknown>[];
  const find = (k: { pk: string; sk: string }) => items.find((i) => i.pk === k.pk && i.sk === k.sk);
  const daily = find(dailyKey);
  const totals = find(totalsKey);
  const answer = find(answerKey);
  const workspace = toWorkspaceDaily(find(workspaceKey));
  return {
    ...(workspace ? { workspace } : {}),
    ...(daily ? { daily: toDailyRecord(daily) } : {}),
    ...(totals ? { totals: toTotals(totals) } : {}),
    ...(answer
      ? {
          previous: {
            choice: Number(answer.choice),
            correct: answer.correct === true,
            channelId: String(answer.channelId),
          },
        }
      : {}),
  };
}

/**
 * One daily answer, exactly once per person per workspace and day: the answer item (its
 * condition is the exactly-once guard), the person's totals and their week. Nothing shared by
 * the channel is written, so a burst of answers has no item to contend for.
 */
export async function recordDaily(
  ctx: DynamoContext,
  user: NamedUser,
  answer: DailyAnswer,
): Promise<AnswerOutcome<DailyAnswer>> {
  const userPk = keys.user(user);
  const correct = answer.correct ? 1 : 0;
  const at = epochSeconds(answer.at);
  // Every item written here belongs to the user (the daily answer too, wherever it is kept).
  const index = tenantIndexUpdate(user, userPk);
  const cancelled = await ctx.transact([
    {
      Put: {
        TableName: ctx.table,
        Item: {
          pk: keys.dailyAnswers(user, answer.date),
          sk: keys.answerer(user.userId),
          channelId: answer.channelId,
          choice: answer.choice,
          correct: answer.correct,
          at: answer.at,
          ttl: at + DAILY_TTL_SECONDS,
          ...tenantIndex(user, userPk),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: ctx.table,
        Key: { pk: userPk, sk: keys.totals },
        // gsi1sk mirrors points so the leaderboard index sorts by it; both are computed
        // from the old value in one expression.
        UpdateExpression:
          'SET points = if_not_exists(points, :zero) + :p, gsi1sk = if_not_exists(points, :zero) + :p, ' +
          'gsi1pk = :board, #name = :name, streak = :streak, lastDailyDate = :last, ' +
          `bestStreak = :best, ${index.set} ` +
          'ADD answered :one, correct :c, dailyAnswered :one, dailyCorrect :c',
        ConditionExpression:
          answer.expectedLastDailyDate === undefined
            ? 'attribute_not_exists(lastDailyDate)'
            : 'lastDailyDate = :expected',
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: {
          ':zero': 0,
          ':p': answer.points,
          ':board': keys.board(user, 'all'),
          ':name': user.name,
          ':streak': answer.streak,
          ':best': answer.bestStreak,
          ':last': answer.lastDailyDate,
          ':one': 1,
          ':c': correct,
          ...index.values,
          ...(answer.expectedLastDailyDate === undefined
            ? {}
            : { ':expected': answer.expectedLastDailyDate }),
        },
      },
    },
    {
      Update: {
        TableName: ctx.table,
        Key: { pk: userPk, sk: keys.week(answer.week) },
        UpdateExpression:
          'SET points = if_not_exists(points, :zero) + :p, gsi1sk = if_not_exists(points, :zero) + :p, ' +
          `gsi1pk = :board, #name = :name, #ttl = :ttl, ${index.set}`,
        ExpressionAttributeNames: { '#name': 'name', '#ttl': 'ttl' },
        ExpressionAttributeValues: {
          ':zero': 0,
          ':p': answer.points,
          ':board': keys.board(user, answer.week),
          ':name': user.name,
          ':ttl': at + WEEK_TTL_SECONDS,
          ...index.values,
        },
      },
    },
  ]);
  if (cancelled === 0) return { status: 'duplicate' };
  if (cancelled === 1) throw new ConcurrentUpdateError('score totals');
  return { status: 'recorded', value: answer };
}

/**
 * How a channel (or, with no channel, the whole workspace) did on one daily question,
 * counted from the answers (a Query, paged).
 */
export async function countDailyAnswers(
  ctx: DynamoContext,
  tenant: Tenant,
  channelId: string | undefined,
  date: string,
): Promise<DailyTally> {
  const tally = { answered: 0, correct: 0 };
  for await (const page of ctx.queryPages({
    KeyConditionExpression: 'pk = :pk',
    ProjectionExpression: 'correct',
    ...(channelId === undefined
      ? { ExpressionAttributeValues: { ':pk': keys.dailyAnswers(tenant, date) } }
      : {
          FilterExpression: 'channelId = :channel',
          ExpressionAttributeValues: {
            ':pk': keys.dailyAnswers(tenant, date),
            ':channel': channelId,
          },
        }),
    ConsistentRead: true,
  })) {
    for (const item of page.Items ?? []) {
      tally.answered++;
      if (item.correct === true) tally.correct++;
    }
  }
  return tally;
}

function toWorkspaceDaily(item: Record<string, unknown> | undefined): WorkspaceDaily | undefined {
  if (typeof item?.date !== 'string') return undefined;
  const prevDate = typeof item.prevDate === 'string' && item.prevDate ? item.prevDate : undefined;
  return { date: item.date, ...(prevDate ? { prevDate } : {}) };
}

/** A channel's daily questions from `from` to `to` (dates, both included), oldest first. */
export async function dailyRecordsBetween(
  ctx: DynamoContext,
  tenant: Tenant,
  channelId: string,
  from: string,
  to: string,
): Promise<DailyRecord[]> {
  const result = await ctx.call(() =>
    ctx.send(
      new QueryCommand({
        TableName: ctx.table,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': keys.channel(tenant, channelId),
          ':from': keys.daily(from),
          ':to': keys.daily(to),
        },
      }),
    ),
  );
  return (result.Items ?? []).map(toDailyRecord);
}
