import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { StaleTotalsError, StoreUnavailableError } from '../errors.js';
import { type DynamoContext, epochSeconds } from './dynamo-context.js';
import { toDailyRecord, toTotals } from './item-mapping.js';
import { keys, type Tenant, tenantIndex, tenantIndexUpdate, type UserKey } from './keys.js';
import type { AnswerOutcome, DailyRecord } from './records.js';
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
) {
  const result = await ctx.call(() =>
    ctx.db.send(
      new GetCommand({
        TableName: ctx.table,
        Key: { pk: keys.channel(tenant, channelId), sk: keys.daily(date) },
        ConsistentRead: true,
      }),
    ),
  );
  return result.Item ? toDailyRecord(result.Item) : undefined;
}

export async function createDaily(
  ctx: DynamoContext,
  tenant: Tenant,
  record: DailyRecord,
): Promise<DailyRecord> {
  const pk = keys.channel(tenant, record.channelId);
  const latest = await ctx.call(() =>
    ctx.db.send(
      new GetCommand({
        TableName: ctx.table,
        Key: { pk, sk: keys.latest },
        ConsistentRead: true,
      }),
    ),
  );
  const latestDate = typeof latest.Item?.date === 'string' ? latest.Item.date : undefined;
  if (latestDate === record.date) {
    const existing = await getDaily(ctx, tenant, record.channelId, record.date);
    if (existing) return existing;
  }
  const created: DailyRecord = {
    ...record,
    ...(latestDate && latestDate < record.date ? { prevDate: latestDate } : {}),
  };
  const cancelled = await ctx.transact([
    {
      Put: {
        TableName: ctx.table,
        // Posted straight away by the caller (the playground), so no claim is involved.
        Item: {
          pk,
          sk: keys.daily(record.date),
          ...created,
          status: 'posted',
          ...tenantIndex(tenant, pk),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      // The channel's most recent question date: the next one links back to it.
      Update: {
        TableName: ctx.table,
        Key: { pk, sk: keys.latest },
        UpdateExpression: `SET #date = :d, ${tenantIndexUpdate(tenant, pk).set}`,
        ConditionExpression: 'attribute_not_exists(#date) OR #date < :d',
        ExpressionAttributeNames: { '#date': 'date' },
        ExpressionAttributeValues: { ':d': record.date, ...tenantIndexUpdate(tenant, pk).values },
      },
    },
  ]);
  if (cancelled === -1) return created;
  const existing = await getDaily(ctx, tenant, record.channelId, record.date);
  if (!existing) throw new StoreUnavailableError(new Error('daily question vanished'));
  return existing;
}

export async function getDailyContext(
  ctx: DynamoContext,
  user: UserKey,
  channelId: string,
  date: string,
): Promise<DailyContext> {
  const dailyKey = { pk: keys.channel(user, channelId), sk: keys.daily(date) };
  const totalsKey = { pk: keys.user(user), sk: keys.totals };
  const answerKey = { pk: keys.dailyAnswers(user, date), sk: keys.answerer(user.userId) };
  const latestKey = { pk: keys.channel(user, channelId), sk: keys.latest };
  const result = await ctx.call(() =>
    ctx.db.send(
      new BatchGetCommand({
        RequestItems: {
          [ctx.table]: {
            Keys: [dailyKey, totalsKey, answerKey, latestKey],
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
  const latest = find(latestKey)?.date;
  return {
    ...(typeof latest === 'string' ? { latestDate: latest } : {}),
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
        Key: { pk: keys.channel(user, answer.channelId), sk: keys.daily(answer.date) },
        UpdateExpression: 'ADD answered :one, correctCount :c',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':one': 1, ':c': correct },
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
          'gsi1pk = :board, #name = :name, streak = :streak, lastDailyDate = :date, ' +
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
          ':date': answer.date,
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
  if (cancelled === 2) throw new StaleTotalsError();
  if (cancelled === 1) throw new StoreUnavailableError(new Error('daily question record missing'));
  return { status: 'recorded', value: answer };
}
