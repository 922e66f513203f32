import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { StoreUnavailableError } from '../errors.js';
import type { DynamoContext } from './dynamo-context.js';
import { toDailyRecord } from './item-mapping.js';
import { keys, type Tenant, tenantIndexUpdate } from './keys.js';
import type { DailyRecord, DailyTally, Subscription } from './records.js';
import { GSI1 } from './table-definition.js';

export type ClaimOutcome = 'claimed' | 'posted' | 'busy';

export interface ClaimRequest {
  channelId: string;
  date: string;
  questionId: string;
  /** Unique per run: only the run holding the claim may mark the post done. */
  claimId: string;
  now: string;
  /** A claim older than this was left by a run that crashed: take it over. */
  staleBefore: string;
}

/**
 * Claims the right to post a channel's question of the day: a conditional write on the
 * per-day, per-channel item, so two concurrent runs cannot both post. A claim that was released,
 * or left by a crashed run (older than `staleBefore`), can be taken over.
 */
export async function claimDaily(
  ctx: DynamoContext,
  tenant: Tenant,
  claim: ClaimRequest,
): Promise<{ outcome: ClaimOutcome; record: DailyRecord }> {
  const pk = keys.channel(tenant, claim.channelId);
  const index = tenantIndexUpdate(tenant, pk);
  const latest = await ctx.call(() =>
    ctx.send(
      new GetCommand({ TableName: ctx.table, Key: { pk, sk: keys.latest }, ConsistentRead: true }),
    ),
  );
  const latestDate = typeof latest.Item?.date === 'string' ? latest.Item.date : undefined;
  const prevDate =
    typeof latest.Item?.prevOf === 'string' && latestDate === claim.date
      ? latest.Item.prevOf
      : latestDate && latestDate < claim.date
        ? latestDate
        : undefined;
  const cancelled = await ctx.transact([
    {
      Update: {
        TableName: ctx.table,
        Key: { pk, sk: keys.daily(claim.date) },
        UpdateExpression:
          'SET #status = :claimed, claimId = :claimId, claimedAt = :now, channelId = :channel, ' +
          '#date = :date, questionId = if_not_exists(questionId, :q), ' +
          index.set +
          (prevDate ? ', prevDate = :prev' : ''),
        ConditionExpression:
          'attribute_not_exists(pk) OR #status = :released OR (#status = :claimed AND claimedAt < :stale)',
        ExpressionAttributeNames: { '#status': 'status', '#date': 'date' },
        ExpressionAttributeValues: {
          ':claimed': 'claimed',
          ':released': 'released',
          ':claimId': claim.claimId,
          ':now': claim.now,
          ':stale': claim.staleBefore,
          ':channel': claim.channelId,
          ':date': claim.date,
          ':q': claim.questionId,
          ...index.values,
          ...(prevDate ? { ':prev': prevDate } : {}),
        },
      },
    },
    {
      // The channel's latest question date (and the one before it, so a re-claim of the same
      // day still links back): the next day's post reveals this one.
      Update: {
        TableName: ctx.table,
        Key: { pk, sk: keys.latest },
        UpdateExpression: `SET #date = :d, ${index.set}${prevDate ? ', prevOf = :prev' : ''}`,
        ConditionExpression: 'attribute_not_exists(#date) OR #date <= :d',
        ExpressionAttributeNames: { '#date': 'date' },
        ExpressionAttributeValues: {
          ':d': claim.date,
          ...index.values,
          ...(prevDate ? { ':prev': prevDate } : {}),
        },
      },
    },
  ]);
  const stored = await ctx.call(() =>
    ctx.send(
      new GetCommand({
        TableName: ctx.table,
        Key: { pk, sk: keys.daily(claim.date) },
        ConsistentRead: true,
      }),
    ),
  );
  const record = toDailyRecord(stored.Item ?? { ...claim });
  if (cancelled === -1) return { outcome: 'claimed', record };
  return { outcome: stored.Item?.status === 'posted' ? 'posted' : 'busy', record };
}

export interface PostedDaily {
  channelId: string;
  date: string;
  claimId: string;
  messageId: string;
  at: string;
  /** What the post revealed of the channel's previous question, so a redraw shows the same. */
  reveal?: DailyTally & { questionId: string };
}

/** Records the posted message (for the live count and its redraws) and ends the claim. */
export async function markDailyPosted(
  ctx: DynamoContext,
  tenant: Tenant,
  post: PostedDaily,
): Promise<void> {
  const { reveal } = post;
  await updateUnderClaim(
    ctx,
    tenant,
    post,
    `SET #status = :status, messageId = :m, postedAt = :at${reveal ? ', revealQuestionId = :rq, revealAnswered = :ra, revealCorrect = :rc' : ''}`,
    {
      ':status': 'posted',
      ':m': post.messageId,
      ':at': post.at,
      ...(reveal
        ? { ':rq': reveal.questionId, ':ra': reveal.answered, ':rc': reveal.correct }
        : {}),
    },
  );
}

/**
 * Moves the workspace's newest daily date forward (never back), keeping the date before it:
 * the chain that streaks follow, and what closes an older question. Idempotent per date.
 */
export async function advanceWorkspaceDaily(
  ctx: DynamoContext,
  tenant: Tenant,
  date: string,
): Promise<void> {
  const pk = keys.workspace(tenant);
  const index = tenantIndexUpdate(tenant, pk);
  try {
    await ctx.send(
      new UpdateCommand({
        TableName: ctx.table,
        Key: { pk, sk: keys.latest },
        // Operands are read before the update: prevDate takes the old date.
        UpdateExpression: `SET prevDate = if_not_exists(#date, :none), #date = :d, ${index.set}`,
        ConditionExpression: 'attribute_not_exists(#date) OR #date < :d',
        ExpressionAttributeNames: { '#date': 'date' },
        ExpressionAttributeValues: { ':d': date, ':none': '', ...index.values },
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return;
    throw new StoreUnavailableError(error);
  }
}

/** Gives a claim back after a post that failed for now, so the next run can retry at once. */
export async function releaseDaily(
  ctx: DynamoContext,
  tenant: Tenant,
  claim: { channelId: string; date: string; claimId: string },
): Promise<void> {
  await updateUnderClaim(ctx, tenant, claim, 'SET #status = :status', { ':status': 'released' });
}

/** An update of a channel's claimed item (a day's question, a week's recap) that only its current claim holder may make. */
export async function updateUnderClaim(
  ctx: DynamoContext,
  tenant: Tenant,
  claim: { channelId: string; claimId: string } & ({ date: string } | { sk: string }),
  update: string,
  values: Record<string, unknown>,
): Promise<void> {
  const sk = 'sk' in claim ? claim.sk : keys.daily(claim.date);
  await ctx.call(() =>
    ctx.send(
      new UpdateCommand({
        TableName: ctx.table,
        Key: { pk: keys.channel(tenant, claim.channelId), sk },
        UpdateExpression: update,
        ConditionExpression: 'claimId = :claimId',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ...values, ':claimId': claim.claimId },
      }),
    ),
  );
}

/**
 * Marks a subscription failed for good (bot removed, channel deleted) and takes it out of the
 * index the daily run lists, so later runs do not try it again until `/aws daily on`.
 */
export async function markSubscriptionFailed(
  ctx: DynamoContext,
  tenant: Tenant,
  channelId: string,
  failure: string,
): Promise<void> {
  await ctx
    .call(() =>
      ctx.send(
        new UpdateCommand({
          TableName: ctx.table,
          Key: { pk: keys.channel(tenant, channelId), sk: keys.subscription },
          UpdateExpression: 'SET #status = :failed, failure = :f REMOVE gsi1pk, gsi1sk',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':failed': 'failed', ':f': failure.slice(0, 200) },
        }),
      ),
    )
    .catch(() => undefined);
}

/** Every active subscription, one Query page at a time on the subscriptions index key. */
export async function* listSubscriptions(ctx: DynamoContext): AsyncGenerator<Subscription[]> {
  for await (const page of ctx.queryPages({
    IndexName: GSI1,
    KeyConditionExpression: 'gsi1pk = :subs',
    ExpressionAttributeValues: { ':subs': keys.subscriptions },
  })) {
    yield (page.Items ?? []).map((item) => fromChannelKey(String(item.pk), Number(item.gsi1sk)));
  }
}

/** The index only projects keys, so the channel is read back from its partition key. */
function fromChannelKey(pk: string, subscribedAtMs: number): Subscription {
  const [, platform = '', workspaceId = '', channelId = ''] = pk
    .split('#')
    .map((p) => p.replace(/%23/g, '#'));
  return {
    platform,
    workspaceId,
    channelId,
    subscribedBy: '',
    subscribedAt: new Date(subscribedAtMs).toISOString(),
    status: 'active',
  };
}
