import { BatchGetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { StoreUnavailableError } from '../errors.js';
import { type DynamoContext, epochSeconds } from './dynamo-context.js';
import { keys, type Tenant, tenantIndexKey, type UserKey } from './keys.js';
import type { Tally, TeamAnswer, TeamWeek } from './records.js';

/** A team's week is kept this long: the recap and `/aws team` look back four weeks. */
const TEAM_WEEK_TTL_SECONDS = 120 * 24 * 3600;
/** Monthly board items outlive their month by a year. */
const MONTH_TTL_SECONDS = 400 * 24 * 3600;

/**
 * Counts an answer in the team's week (two small writes, outside the answer's transaction):
 * the person's week item says whether they were already counted as active, then the team's
 * week item adds the answer to its totals per topic, exam domain and concept.
 */
export async function recordTeamAnswer(
  ctx: DynamoContext,
  user: UserKey,
  answer: TeamAnswer,
): Promise<void> {
  const userPk = keys.user(user);
  const at = epochSeconds(answer.at);
  let first = true;
  try {
    await ctx.send(
      new UpdateCommand({
        TableName: ctx.table,
        Key: { pk: userPk, sk: keys.week(answer.week) },
        UpdateExpression:
          'SET active = :yes, #ttl = if_not_exists(#ttl, :ttl), gsi2pk = :g2pk, gsi2sk = :g2sk',
        ConditionExpression: 'attribute_not_exists(active)',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: {
          ':yes': true,
          ':ttl': at + TEAM_WEEK_TTL_SECONDS,
          ':g2pk': tenantIndexKey(user),
          ':g2sk': userPk,
        },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') {
      throw new StoreUnavailableError(error);
    }
    first = false;
  }
  const right = answer.correct ? 1 : 0;
  const names = {
    '#ta': `t:${answer.topic}:a`,
    '#tc': `t:${answer.topic}:c`,
    '#da': `d:${answer.domain}:a`,
    '#dc': `d:${answer.domain}:c`,
    '#ca': `c:${answer.concept}:a`,
    '#cc': `c:${answer.concept}:c`,
    '#ttl': 'ttl',
  };
  const pk = keys.team(user);
  await ctx.call(() =>
    ctx.send(
      new UpdateCommand({
        TableName: ctx.table,
        Key: { pk, sk: keys.week(answer.week) },
        UpdateExpression:
          'ADD answered :one, correct :c, people :p, #ta :one, #tc :c, #da :one, #dc :c, #ca :one, #cc :c ' +
          'SET #ttl = if_not_exists(#ttl, :ttl), gsi2pk = :g2pk, gsi2sk = :g2sk',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: {
          ':one': 1,
          ':c': right,
          ':p': first ? 1 : 0,
          ':ttl': at + TEAM_WEEK_TTL_SECONDS,
          ':g2pk': tenantIndexKey(user),
          ':g2sk': pk,
        },
      }),
    ),
  );
}

/** The team's weeks asked for, in that order (one BatchGet); a quiet week is all zeros. */
export async function getTeamWeeks(
  ctx: DynamoContext,
  tenant: Tenant,
  weeks: string[],
): Promise<TeamWeek[]> {
  const pk = keys.team(tenant);
  const result = await ctx.call(() =>
    ctx.send(
      new BatchGetCommand({
        RequestItems: {
          [ctx.table]: { Keys: weeks.map((w) => ({ pk, sk: keys.week(w) })), ConsistentRead: true },
        },
      }),
    ),
  );
  const items = (result.Responses?.[ctx.table] ?? []) as Record<string, unknown>[];
  return weeks.map((week) =>
    toTeamWeek(
      week,
      items.find((i) => i.sk === keys.week(week)),
    ),
  );
}

/**
 * Adds a daily answer's points to the person's monthly board, once per question date: the
 * condition makes a retried or repeated write count once.
 */
export async function addMonthPoints(
  ctx: DynamoContext,
  user: UserKey & { name: string },
  entry: { month: string; date: string; points: number; at: string },
): Promise<void> {
  const pk = keys.user(user);
  try {
    await ctx.send(
      new UpdateCommand({
        TableName: ctx.table,
        Key: { pk, sk: keys.month(entry.month) },
        UpdateExpression:
          'SET points = if_not_exists(points, :zero) + :p, gsi1sk = if_not_exists(points, :zero) + :p, ' +
          'gsi1pk = :board, #name = :name, #ttl = :ttl, gsi2pk = :g2pk, gsi2sk = :g2sk ADD dates :date',
        ConditionExpression: 'attribute_not_exists(dates) OR NOT contains(dates, :day)',
        ExpressionAttributeNames: { '#name': 'name', '#ttl': 'ttl' },
        ExpressionAttributeValues: {
          ':zero': 0,
          ':p': entry.points,
          ':board': keys.board(user, entry.month),
          ':name': user.name,
          ':ttl': epochSeconds(entry.at) + MONTH_TTL_SECONDS,
          ':date': new Set([entry.date]),
          ':day': entry.date,
          ':g2pk': tenantIndexKey(user),
          ':g2sk': pk,
        },
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return;
    throw new StoreUnavailableError(error);
  }
}

function toTeamWeek(week: string, item: Record<string, unknown> | undefined): TeamWeek {
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  const group = (prefix: string) => {
    const out: Record<string, Tally> = {};
    for (const [name, value] of Object.entries(item ?? {})) {
      const m = new RegExp(`^${prefix}:(.+):([ac])$`).exec(name);
      if (!m?.[1]) continue;
      const tally = out[m[1]] ?? { answered: 0, correct: 0 };
      if (m[2] === 'a') tally.answered = num(value);
      else tally.correct = num(value);
      out[m[1]] = tally;
    }
    return out;
  };
  return {
    week,
    answered: num(item?.answered),
    correct: num(item?.correct),
    people: num(item?.people),
    topics: group('t'),
    domains: group('d'),
    concepts: group('c'),
  };
}
