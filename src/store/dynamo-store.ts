import { BatchGetCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrentUpdateError } from '../errors.js';
import * as board from './board-items.js';
import type { CountEditClaim } from './daily-count-items.js';
import * as dailyCount from './daily-count-items.js';
import * as daily from './daily-items.js';
import * as posts from './daily-posts.js';
import { createDynamoContext, type DynamoContext, epochSeconds } from './dynamo-context.js';
import * as exams from './exam-items.js';
import { fromLearnerItems, toPending } from './item-mapping.js';
import { type BoardKey, keys, type Tenant, tenantIndex, type UserKey } from './keys.js';
import * as recap from './recap-items.js';
import type {
  AnswerOutcome,
  ExamSession,
  LearnerState,
  PendingRecord,
  Subscription,
  TeamAnswer,
} from './records.js';
import { reviewItems } from './review-items.js';
import * as subscriptions from './subscription-items.js';
import * as team from './team-items.js';
import type {
  DailyAnswer,
  DailyRunStore,
  NamedUser,
  PracticeAnswer,
  RecapRunStore,
  TutorStore,
} from './tutor-store.js';

/**
 * The DynamoDB implementation of `TutorStore`: practice here, the rest in `*-items.ts`. An answer
 * is one `TransactWriteItems` with conditions: marked with every counter moved, or nothing.
 * Any other failure (after the SDK's retries) is a `StoreUnavailableError`.
 */
export class DynamoStore implements TutorStore, DailyRunStore, RecapRunStore {
  private readonly ctx: DynamoContext;

  constructor(db: DynamoDBDocumentClient, table: string, deadline?: AbortSignal) {
    this.ctx = createDynamoContext(db, table, deadline);
  }

  within(deadline: AbortSignal): DynamoStore {
    return new DynamoStore(this.ctx.db, this.ctx.table, deadline);
  }

  async getLearner(user: UserKey): Promise<LearnerState> {
    const items: Record<string, unknown>[] = [];
    for await (const page of this.ctx.queryPages({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.user(user) },
      ConsistentRead: true,
    })) {
      items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    }
    return fromLearnerItems(items);
  }

  async savePending(
    user: UserKey,
    pending: PendingRecord,
    ttlSeconds: number,
    replacing?: string,
  ): Promise<void> {
    const item = {
      pk: keys.user(user),
      sk: keys.pending(pending.nonce),
      ...pending,
      ttl: epochSeconds(pending.issuedAt) + ttlSeconds,
      ...tenantIndex(user, keys.user(user)),
    };
    if (replacing === undefined) {
      await this.ctx.call(() =>
        this.ctx.send(new PutCommand({ TableName: this.ctx.table, Item: item })),
      );
      return;
    }
    await this.ctx.transact([
      { Put: { TableName: this.ctx.table, Item: item } },
      {
        Delete: {
          TableName: this.ctx.table,
          Key: { pk: keys.user(user), sk: keys.pending(replacing) },
        },
      },
    ]);
  }

  async getPracticeContext(user: UserKey, nonce: string, questionId: string) {
    const pk = keys.user(user);
    const result = await this.ctx.call(() =>
      this.ctx.send(
        new BatchGetCommand({
          RequestItems: {
            [this.ctx.table]: {
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
    const items = (result.Responses?.[this.ctx.table] ?? []) as Record<string, unknown>[];
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
    const cancelled = await this.ctx.transact([
      {
        Update: {
          TableName: this.ctx.table,
          Key: { pk: keys.user(user), sk: keys.pending(answer.nonce) },
          UpdateExpression: 'SET answeredAt = :at, choices = :choices, correct = :correct',
          ConditionExpression:
            'attribute_exists(pk) AND attribute_not_exists(answeredAt) AND questionId = :q',
          ExpressionAttributeValues: {
            ':at': answer.at,
            ':choices': answer.choices,
            ':correct': answer.correct,
            ':q': answer.questionId,
          },
        },
      },
      ...reviewItems(this.ctx, user, answer),
    ]);
    if (cancelled === 0) return { status: 'duplicate' };
    if (cancelled === 1) throw new ConcurrentUpdateError('review card');
    return { status: 'recorded', value: answer };
  }

  getDaily(tenant: Tenant, channelId: string, date: string) {
    return daily.getDaily(this.ctx, tenant, channelId, date);
  }

  getDailyContext(user: UserKey, channelId: string, date: string) {
    return daily.getDailyContext(this.ctx, user, channelId, date);
  }

  recordDaily(user: NamedUser, answer: DailyAnswer): Promise<AnswerOutcome<DailyAnswer>> {
    return daily.recordDaily(this.ctx, user, answer);
  }

  countDailyAnswers(tenant: Tenant, channelId: string | undefined, date: string) {
    return daily.countDailyAnswers(this.ctx, tenant, channelId, date);
  }

  claimDailyCountEdit(tenant: Tenant, claim: CountEditClaim) {
    return dailyCount.claimDailyCountEdit(this.ctx, tenant, claim);
  }

  getWorkspaceDaily(tenant: Tenant) {
    return daily.getWorkspaceDaily(this.ctx, tenant);
  }

  dailyRecordsBetween(tenant: Tenant, channelId: string, from: string, to: string) {
    return daily.dailyRecordsBetween(this.ctx, tenant, channelId, from, to);
  }

  recordTeamAnswer(user: UserKey, answer: TeamAnswer) {
    return team.recordTeamAnswer(this.ctx, user, answer);
  }

  getTeamWeeks(tenant: Tenant, weeks: string[]) {
    return team.getTeamWeeks(this.ctx, tenant, weeks);
  }

  addMonthPoints(
    user: NamedUser,
    entry: { month: string; date: string; points: number; at: string },
  ) {
    return team.addMonthPoints(this.ctx, user, entry);
  }

  boardTotals(tenant: Tenant) {
    return board.boardTotals(this.ctx, tenant);
  }

  startExam(user: UserKey, session: ExamSession) {
    return exams.startExam(this.ctx, user, session);
  }

  getExamContext(user: UserKey, questionId?: string) {
    return exams.getExamContext(this.ctx, user, questionId);
  }

  recordExamAnswer(user: NamedUser, answer: exams.ExamAnswer) {
    return exams.recordExamAnswer(this.ctx, user, answer);
  }

  stopExam(user: UserKey, now: string) {
    return exams.stopExam(this.ctx, user, now);
  }

  examHistory(user: UserKey, limit: number) {
    return exams.examHistory(this.ctx, user, limit);
  }

  setRecap(tenant: Tenant, channelId: string, on: boolean) {
    return subscriptions.setRecap(this.ctx, tenant, channelId, on);
  }

  claimRecap(tenant: Tenant, claim: recap.RecapClaim) {
    return recap.claimRecap(this.ctx, tenant, claim);
  }

  markRecapPosted(
    tenant: Tenant,
    post: { channelId: string; week: string; claimId: string; messageId: string; at: string },
  ) {
    return recap.markRecapPosted(this.ctx, tenant, post);
  }

  releaseRecap(tenant: Tenant, claim: { channelId: string; week: string; claimId: string }) {
    return recap.releaseRecap(this.ctx, tenant, claim);
  }

  leaderboard(tenant: Tenant, key: BoardKey, limit: number) {
    return board.leaderboard(this.ctx, tenant, key, limit);
  }

  countAhead(tenant: Tenant, key: BoardKey, points: number) {
    return board.countAhead(this.ctx, tenant, key, points);
  }

  subscribe(subscription: Subscription) {
    return subscriptions.subscribe(this.ctx, subscription);
  }

  unsubscribe(tenant: Tenant, channelId: string) {
    return subscriptions.unsubscribe(this.ctx, tenant, channelId);
  }

  getSubscription(tenant: Tenant, channelId: string) {
    return subscriptions.getSubscription(this.ctx, tenant, channelId);
  }

  listSubscriptions() {
    return posts.listSubscriptions(this.ctx);
  }

  claimDaily(tenant: Tenant, claim: posts.ClaimRequest) {
    return posts.claimDaily(this.ctx, tenant, claim);
  }

  markDailyPosted(tenant: Tenant, post: posts.PostedDaily) {
    return posts.markDailyPosted(this.ctx, tenant, post);
  }

  advanceWorkspaceDaily(tenant: Tenant, date: string) {
    return posts.advanceWorkspaceDaily(this.ctx, tenant, date);
  }

  releaseDaily(tenant: Tenant, claim: { channelId: string; date: string; claimId: string }) {
    return posts.releaseDaily(this.ctx, tenant, claim);
  }

  markSubscriptionFailed(tenant: Tenant, channelId: string, failure: string) {
    return posts.markSubscriptionFailed(this.ctx, tenant, channelId, failure);
  }
}
