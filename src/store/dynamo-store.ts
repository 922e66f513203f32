import {
  BatchGetCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { StaleTotalsError, StoreUnavailableError } from '../errors.js';
import {
  fromLearnerItems,
  toCardItem,
  toDailyRecord,
  toPending,
  toSubscription,
  toTotals,
} from './item-mapping.js';
import { type BoardKey, keys, type Tenant, type UserKey, userIdFromPk } from './keys.js';
import type {
  AnswerOutcome,
  BoardEntry,
  DailyRecord,
  LearnerState,
  PendingRecord,
  Subscription,
} from './records.js';
import { GSI1 } from './table-definition.js';
import type {
  DailyAnswer,
  DailyContext,
  NamedUser,
  PracticeAnswer,
  TutorStore,
} from './tutor-store.js';

/** Weekly board items are kept this long, then DynamoDB's TTL removes them. */
const WEEK_TTL_SECONDS = 70 * 24 * 3600;
/** Daily answer records are kept for the reveal and disputes, then expire. */
const DAILY_TTL_SECONDS = 40 * 24 * 3600;

/**
 * The DynamoDB implementation of `TutorStore`. Exactly-once scoring rests on conditional
 * writes inside one `TransactWriteItems`: either the answer is marked and every counter moves,
 * or nothing changes. Any other failure (after the SDK's retries) is a `StoreUnavailableError`.
 */
export class DynamoStore implements TutorStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async getLearner(user: UserKey): Promise<LearnerState> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.call(() =>
        this.db.send(
          new QueryCommand({
            TableName: this.table,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': keys.user(user) },
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        ),
      );
      items.push(...((page.Items ?? []) as Record<string, unknown>[]));
      start = page.LastEvaluatedKey;
    } while (start);
    return fromLearnerItems(items);
  }

  async savePending(user: UserKey, pending: PendingRecord, ttlSeconds: number): Promise<void> {
    await this.call(() =>
      this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            pk: keys.user(user),
            sk: keys.pending(pending.nonce),
            ...pending,
            ttl: epochSeconds(pending.issuedAt) + ttlSeconds,
          },
        }),
      ),
    );
  }

  async getPracticeContext(user: UserKey, nonce: string, questionId: string) {
    const pk = keys.user(user);
    const result = await this.call(() =>
      this.db.send(
        new BatchGetCommand({
          RequestItems: {
            [this.table]: {
              Keys: [
                { pk, sk: keys.pending(nonce) },
                { pk, sk: keys.card(questionId) },
              ],
              ConsistentRead: true,
            },
          },
        }),
      ),
    );
    const items = (result.Responses?.[this.table] ?? []) as Record<string, unknown>[];
    const pendingItem = items.find((i) => i.sk === keys.pending(nonce));
    const cardItem = items.find((i) => i.sk === keys.card(questionId));
    const card = cardItem ? fromLearnerItems([cardItem]).cards[0] : undefined;
    return {
      ...(pendingItem ? { pending: toPending(pendingItem) } : {}),
      ...(card ? { card } : {}),
    };
  }

  async recordPractice(
    user: NamedUser,
    answer: PracticeAnswer,
  ): Promise<AnswerOutcome<PracticeAnswer>> {
    const pk = keys.user(user);
    const correct = answer.correct ? 1 : 0;
    const cancelled = await this.transact([
      {
        Update: {
          TableName: this.table,
          Key: { pk, sk: keys.pending(answer.nonce) },
          UpdateExpression: 'SET answeredAt = :at, choice = :choice, correct = :correct',
          ConditionExpression:
            'attribute_exists(pk) AND attribute_not_exists(answeredAt) AND questionId = :q',
          ExpressionAttributeValues: {
            ':at': answer.at,
            ':choice': answer.choice,
            ':correct': answer.correct,
            ':q': answer.questionId,
          },
        },
      },
      { Put: { TableName: this.table, Item: { pk, ...toCardItem(answer.card) } } },
      {
        Update: {
          TableName: this.table,
          Key: { pk, sk: keys.totals },
          UpdateExpression: 'ADD answered :one, correct :c SET #name = :name, lastQuestionId = :q',
          ExpressionAttributeNames: { '#name': 'name' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':c': correct,
            ':name': user.name,
            ':q': answer.questionId,
          },
        },
      },
      {
        Update: {
          TableName: this.table,
          Key: { pk, sk: keys.topic(answer.topic) },
          UpdateExpression: 'ADD answered :one, correct :c',
          ExpressionAttributeValues: { ':one': 1, ':c': correct },
        },
      },
    ]);
    return cancelled === 0 ? { status: 'duplicate' } : { status: 'recorded', value: answer };
  }

  async getDaily(tenant: Tenant, channelId: string, date: string) {
    const result = await this.call(() =>
      this.db.send(
        new GetCommand({
          TableName: this.table,
          Key: { pk: keys.channel(tenant, channelId), sk: keys.daily(date) },
          ConsistentRead: true,
        }),
      ),
    );
    return result.Item ? toDailyRecord(result.Item) : undefined;
  }

  async createDaily(tenant: Tenant, record: DailyRecord): Promise<DailyRecord> {
    const pk = keys.channel(tenant, record.channelId);
    const latest = await this.call(() =>
      this.db.send(
        new GetCommand({
          TableName: this.table,
          Key: { pk, sk: keys.latest },
          ConsistentRead: true,
        }),
      ),
    );
    const latestDate = typeof latest.Item?.date === 'string' ? latest.Item.date : undefined;
    if (latestDate === record.date) {
      const existing = await this.getDaily(tenant, record.channelId, record.date);
      if (existing) return existing;
    }
    const created: DailyRecord = {
      ...record,
      ...(latestDate && latestDate < record.date ? { prevDate: latestDate } : {}),
    };
    const cancelled = await this.transact([
      {
        Put: {
          TableName: this.table,
          Item: { pk, sk: keys.daily(record.date), ...created },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        // The channel's most recent question date: the next one links back to it.
        Update: {
          TableName: this.table,
          Key: { pk, sk: keys.latest },
          UpdateExpression: 'SET #date = :d',
          ConditionExpression: 'attribute_not_exists(#date) OR #date < :d',
          ExpressionAttributeNames: { '#date': 'date' },
          ExpressionAttributeValues: { ':d': record.date },
        },
      },
    ]);
    if (cancelled === -1) return created;
    const existing = await this.getDaily(tenant, record.channelId, record.date);
    if (!existing) throw new StoreUnavailableError(new Error('daily question vanished'));
    return existing;
  }

  async getDailyContext(user: UserKey, channelId: string, date: string): Promise<DailyContext> {
    const dailyKey = { pk: keys.channel(user, channelId), sk: keys.daily(date) };
    const totalsKey = { pk: keys.user(user), sk: keys.totals };
    const answerKey = { pk: keys.dailyAnswers(user, date), sk: keys.answerer(user.userId) };
    const result = await this.call(() =>
      this.db.send(
        new BatchGetCommand({
          RequestItems: {
            [this.table]: { Keys: [dailyKey, totalsKey, answerKey], ConsistentRead: true },
          },
        }),
      ),
    );
    const items = (result.Responses?.[this.table] ?? []) as Record<string, unknown>[];
    const find = (k: { pk: string; sk: string }) =>
      items.find((i) => i.pk === k.pk && i.sk === k.sk);
    const daily = find(dailyKey);
    const totals = find(totalsKey);
    const answer = find(answerKey);
    return {
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

  async recordDaily(user: NamedUser, answer: DailyAnswer): Promise<AnswerOutcome<DailyAnswer>> {
    const userPk = keys.user(user);
    const correct = answer.correct ? 1 : 0;
    const at = epochSeconds(answer.at);
    const cancelled = await this.transact([
      {
        Put: {
          TableName: this.table,
          Item: {
            pk: keys.dailyAnswers(user, answer.date),
            sk: keys.answerer(user.userId),
            channelId: answer.channelId,
            choice: answer.choice,
            correct: answer.correct,
            at: answer.at,
            ttl: at + DAILY_TTL_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Update: {
          TableName: this.table,
          Key: { pk: keys.channel(user, answer.channelId), sk: keys.daily(answer.date) },
          UpdateExpression: 'ADD answered :one, correctCount :c',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1, ':c': correct },
        },
      },
      {
        Update: {
          TableName: this.table,
          Key: { pk: userPk, sk: keys.totals },
          // gsi1sk mirrors points so the leaderboard index sorts by it; both are computed
          // from the old value in one expression.
          UpdateExpression:
            'SET points = if_not_exists(points, :zero) + :p, gsi1sk = if_not_exists(points, :zero) + :p, ' +
            'gsi1pk = :board, #name = :name, streak = :streak, lastDailyDate = :date, ' +
            'bestStreak = :best ' +
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
            ...(answer.expectedLastDailyDate === undefined
              ? {}
              : { ':expected': answer.expectedLastDailyDate }),
          },
        },
      },
      {
        Update: {
          TableName: this.table,
          Key: { pk: userPk, sk: keys.week(answer.week) },
          UpdateExpression:
            'SET points = if_not_exists(points, :zero) + :p, gsi1sk = if_not_exists(points, :zero) + :p, ' +
            'gsi1pk = :board, #name = :name, #ttl = :ttl',
          ExpressionAttributeNames: { '#name': 'name', '#ttl': 'ttl' },
          ExpressionAttributeValues: {
            ':zero': 0,
            ':p': answer.points,
            ':board': keys.board(user, answer.week),
            ':name': user.name,
            ':ttl': at + WEEK_TTL_SECONDS,
          },
        },
      },
    ]);
    if (cancelled === 0) return { status: 'duplicate' };
    if (cancelled === 2) throw new StaleTotalsError();
    if (cancelled === 1)
      throw new StoreUnavailableError(new Error('daily question record missing'));
    return { status: 'recorded', value: answer };
  }

  async leaderboard(tenant: Tenant, board: BoardKey, limit: number): Promise<BoardEntry[]> {
    const result = await this.call(() =>
      this.db.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: GSI1,
          KeyConditionExpression: 'gsi1pk = :b',
          ExpressionAttributeValues: { ':b': keys.board(tenant, board) },
          ScanIndexForward: false,
          Limit: limit,
        }),
      ),
    );
    return (result.Items ?? []).map((item) => ({
      userId: userIdFromPk(String(item.pk)),
      name: String(item.name ?? 'someone'),
      points: Number(item.gsi1sk ?? 0),
    }));
  }

  async countAhead(tenant: Tenant, board: BoardKey, points: number): Promise<number> {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.call(() =>
        this.db.send(
          new QueryCommand({
            TableName: this.table,
            IndexName: GSI1,
            KeyConditionExpression: 'gsi1pk = :b AND gsi1sk > :p',
            ExpressionAttributeValues: { ':b': keys.board(tenant, board), ':p': points },
            Select: 'COUNT',
            ExclusiveStartKey: start,
          }),
        ),
      );
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    return count;
  }

  async subscribe(subscription: Subscription): Promise<'subscribed' | 'already'> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            pk: keys.channel(subscription, subscription.channelId),
            sk: keys.subscription,
            ...subscription,
            status: 'active',
            // Every subscription sits under one index key, so the daily run lists them with
            // a Query rather than a Scan; the sort key keeps the listing stable.
            gsi1pk: keys.subscriptions,
            gsi1sk: Date.parse(subscription.subscribedAt),
          },
          ConditionExpression: 'attribute_not_exists(pk) OR #status <> :active',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':active': 'active' },
        }),
      );
      return 'subscribed';
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return 'already';
      throw new StoreUnavailableError(error);
    }
  }

  async unsubscribe(tenant: Tenant, channelId: string): Promise<boolean> {
    const result = await this.call(() =>
      this.db.send(
        new DeleteCommand({
          TableName: this.table,
          Key: { pk: keys.channel(tenant, channelId), sk: keys.subscription },
          ReturnValues: 'ALL_OLD',
        }),
      ),
    );
    return result.Attributes !== undefined;
  }

  async getSubscription(tenant: Tenant, channelId: string): Promise<Subscription | undefined> {
    const result = await this.call(() =>
      this.db.send(
        new GetCommand({
          TableName: this.table,
          Key: { pk: keys.channel(tenant, channelId), sk: keys.subscription },
          ConsistentRead: true,
        }),
      ),
    );
    return result.Item ? toSubscription(result.Item) : undefined;
  }

  /**
   * Runs a transaction. Returns -1 when it committed, or the index of the first item whose
   * condition failed. Anything else is a `StoreUnavailableError`: nothing was written.
   */
  private async transact(items: NonNullable<TransactWriteCommand['input']['TransactItems']>) {
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
      return -1;
    } catch (error) {
      const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
      const failed = reasons?.findIndex((r) => r.Code === 'ConditionalCheckFailed') ?? -1;
      if ((error as Error).name === 'TransactionCanceledException' && failed >= 0) return failed;
      throw new StoreUnavailableError(error);
    }
  }

  private async call<T>(send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw new StoreUnavailableError(error);
    }
  }
}

function epochSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}
