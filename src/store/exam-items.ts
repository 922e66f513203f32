import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { StoreUnavailableError } from '../errors.js';
import { type DynamoContext, epochSeconds } from './dynamo-context.js';
import { fromLearnerItems } from './item-mapping.js';
import { keys, tenantIndex, type UserKey } from './keys.js';
import type { CardRecord, ExamResult, ExamSession, Tally } from './records.js';
import { reviewItems } from './review-items.js';
import type { NamedUser, ReviewAnswer } from './tutor-store.js';

/** A session item outlives the time to finish it by a day, for the report; then TTL. */
const SESSION_TTL_EXTRA_SECONDS = 24 * 3600;
/** Exam results are kept this long for `/aws exam history`. */
const RESULT_TTL_SECONDS = 400 * 24 * 3600;

/** One answer of an exam, with what it does to the person's reviews. */
export interface ExamAnswer extends ReviewAnswer {
  examId: string;
  position: number;
  /** On the last answer: the result, written in the same transaction. */
  result?: ExamResult;
}

/**
 * Starts an exam unless one is running (not finished and not expired): one conditional Put,
 * so two `/aws exam` at once start one. `running` means the stored one stands.
 */
export async function startExam(
  ctx: DynamoContext,
  user: UserKey,
  session: ExamSession,
): Promise<'started' | 'running'> {
  const pk = keys.user(user);
  try {
    await ctx.send(
      new PutCommand({
        TableName: ctx.table,
        Item: {
          pk,
          sk: keys.exam,
          ...session,
          ttl: epochSeconds(session.expiresAt) + SESSION_TTL_EXTRA_SECONDS,
          ...tenantIndex(user, pk),
        },
        ConditionExpression:
          'attribute_not_exists(pk) OR attribute_exists(finishedAt) OR expiresAt <= :now',
        ExpressionAttributeValues: { ':now': session.startedAt },
      }),
    );
    return 'started';
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return 'running';
    throw new StoreUnavailableError(error);
  }
}

/** The person's exam session, and the review card of `questionId` (one BatchGet). */
export async function getExamContext(
  ctx: DynamoContext,
  user: UserKey,
  questionId?: string,
): Promise<{ session?: ExamSession; card?: CardRecord }> {
  const pk = keys.user(user);
  if (questionId === undefined) {
    const result = await ctx.call(() =>
      ctx.send(
        new GetCommand({ TableName: ctx.table, Key: { pk, sk: keys.exam }, ConsistentRead: true }),
      ),
    );
    return result.Item ? { session: toSession(result.Item) } : {};
  }
  const result = await ctx.call(() =>
    ctx.send(
      new BatchGetCommand({
        RequestItems: {
          [ctx.table]: {
            Keys: [
              { pk, sk: keys.exam },
              { pk, sk: keys.card(questionId) },
            ],
            ConsistentRead: true,
          },
        },
      }),
    ),
  );
  const items = (result.Responses?.[ctx.table] ?? []) as Record<string, unknown>[];
  const sessionItem = items.find((i) => i.sk === keys.exam);
  const card = fromLearnerItems(items.filter((i) => i.sk !== keys.exam)).cards[0];
  return {
    ...(sessionItem ? { session: toSession(sessionItem) } : {}),
    ...(card ? { card } : {}),
  };
}

/**
 * One exam answer, exactly once: the session moves on only from the position answered (a
 * double click or a retry fails the condition), with the review card, totals and topic in
 * the same transaction, and on the last answer the result. `moved-on`: it was already answered.
 */
export async function recordExamAnswer(
  ctx: DynamoContext,
  user: NamedUser,
  answer: ExamAnswer,
): Promise<'recorded' | 'moved-on' | 'card-conflict'> {
  const pk = keys.user(user);
  const next = answer.position + 1;
  const cancelled = await ctx.transact([
    {
      Update: {
        TableName: ctx.table,
        Key: { pk, sk: keys.exam },
        UpdateExpression: `SET answers.#p = :choices, rights.#p = :right, #position = :next${
          answer.result ? ', finishedAt = :at' : ''
        }`,
        ConditionExpression:
          'examId = :id AND #position = :pos AND attribute_not_exists(finishedAt) AND expiresAt > :at',
        ExpressionAttributeNames: { '#p': String(answer.position), '#position': 'position' },
        ExpressionAttributeValues: {
          ':choices': answer.choices,
          ':right': answer.correct,
          ':next': next,
          ':id': answer.examId,
          ':pos': answer.position,
          ':at': answer.at,
        },
      },
    },
    ...reviewItems(ctx, user, answer),
    ...(answer.result
      ? [
          {
            Put: {
              TableName: ctx.table,
              Item: {
                pk,
                sk: keys.examResult(answer.result.finishedAt),
                ...answer.result,
                ttl: epochSeconds(answer.result.finishedAt) + RESULT_TTL_SECONDS,
                ...tenantIndex(user, pk),
              },
            },
          },
        ]
      : []),
  ]);
  if (cancelled === 0) return 'moved-on';
  if (cancelled === 1) return 'card-conflict';
  return 'recorded';
}

/** Ends a running exam; the session as it stood, or undefined when none was running. */
export async function stopExam(
  ctx: DynamoContext,
  user: UserKey,
  now: string,
): Promise<ExamSession | undefined> {
  try {
    const result = await ctx.send(
      new DeleteCommand({
        TableName: ctx.table,
        Key: { pk: keys.user(user), sk: keys.exam },
        ConditionExpression:
          'attribute_exists(pk) AND attribute_not_exists(finishedAt) AND expiresAt > :now',
        ExpressionAttributeValues: { ':now': now },
        ReturnValues: 'ALL_OLD',
      }),
    );
    return result.Attributes ? toSession(result.Attributes) : undefined;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return undefined;
    throw new StoreUnavailableError(error);
  }
}

/** The person's last `limit` exam results, newest first (one Query). */
export async function examHistory(
  ctx: DynamoContext,
  user: UserKey,
  limit: number,
): Promise<ExamResult[]> {
  const result = await ctx.call(() =>
    ctx.send(
      new QueryCommand({
        TableName: ctx.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :results)',
        ExpressionAttributeValues: { ':pk': keys.user(user), ':results': keys.examResult('') },
        ScanIndexForward: false,
        Limit: limit,
      }),
    ),
  );
  return (result.Items ?? []).map((item) => ({
    examId: String(item.examId),
    startedAt: String(item.startedAt),
    finishedAt: String(item.finishedAt),
    total: Number(item.total),
    right: Number(item.right),
    domains: (item.domains ?? {}) as Record<string, Tally>,
  }));
}

function toSession(item: Record<string, unknown>): ExamSession {
  const map = <T>(value: unknown, read: (v: unknown) => T): Record<number, T> =>
    Object.fromEntries(
      Object.entries((value ?? {}) as Record<string, unknown>).map(([k, v]) => [
        Number(k),
        read(v),
      ]),
    );
  return {
    examId: String(item.examId),
    questionIds: (item.questionIds as string[]) ?? [],
    answers: map(item.answers, (v) => (v as unknown[]).map(Number)),
    rights: map(item.rights, (v) => v === true),
    position: Number(item.position ?? 0),
    startedAt: String(item.startedAt),
    expiresAt: String(item.expiresAt),
    ...(typeof item.finishedAt === 'string' ? { finishedAt: item.finishedAt } : {}),
  };
}
