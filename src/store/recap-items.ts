import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { StoreUnavailableError } from '../errors.js';
import type { ClaimOutcome } from './daily-posts.js';
import { updateUnderClaim } from './daily-posts.js';
import { type DynamoContext, epochSeconds } from './dynamo-context.js';
import { keys, type Tenant, tenantIndexUpdate } from './keys.js';

/** A week's recap claim is kept this long, then expires. */
const RECAP_TTL_SECONDS = 60 * 24 * 3600;

export interface RecapClaim {
  channelId: string;
  week: string;
  claimId: string;
  now: string;
  /** A claim older than this was left by a run that crashed: take it over. */
  staleBefore: string;
}

/**
 * Claims the right to post a channel's recap of `week`: one conditional write, so duplicate or
 * concurrent deliveries post once; a released or stale claim can be taken over.
 */
export async function claimRecap(
  ctx: DynamoContext,
  tenant: Tenant,
  claim: RecapClaim,
): Promise<ClaimOutcome> {
  const pk = keys.channel(tenant, claim.channelId);
  const index = tenantIndexUpdate(tenant, pk);
  try {
    await ctx.send(
      new UpdateCommand({
        TableName: ctx.table,
        Key: { pk, sk: keys.recap(claim.week) },
        UpdateExpression: `SET #status = :claimed, claimId = :id, claimedAt = :now, #ttl = :ttl, ${index.set}`,
        ConditionExpression:
          'attribute_not_exists(pk) OR #status = :released OR (#status = :claimed AND claimedAt < :stale)',
        ExpressionAttributeNames: { '#status': 'status', '#ttl': 'ttl' },
        ExpressionAttributeValues: {
          ':claimed': 'claimed',
          ':released': 'released',
          ':id': claim.claimId,
          ':now': claim.now,
          ':stale': claim.staleBefore,
          ':ttl': epochSeconds(claim.now) + RECAP_TTL_SECONDS,
          ...index.values,
        },
      }),
    );
    return 'claimed';
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') {
      throw new StoreUnavailableError(error);
    }
  }
  const stored = await ctx.call(() =>
    ctx.send(
      new GetCommand({
        TableName: ctx.table,
        Key: { pk, sk: keys.recap(claim.week) },
        ConsistentRead: true,
      }),
    ),
  );
  return stored.Item?.status === 'posted' ? 'posted' : 'busy';
}

/** Records the posted recap and ends the claim. */
export function markRecapPosted(
  ctx: DynamoContext,
  tenant: Tenant,
  post: { channelId: string; week: string; claimId: string; messageId: string; at: string },
): Promise<void> {
  return updateUnderClaim(
    ctx,
    tenant,
    { channelId: post.channelId, claimId: post.claimId, sk: keys.recap(post.week) },
    'SET #status = :status, messageId = :m, postedAt = :at',
    { ':status': 'posted', ':m': post.messageId, ':at': post.at },
  );
}

/** Gives a recap claim back after a post that failed for now. */
export function releaseRecap(
  ctx: DynamoContext,
  tenant: Tenant,
  claim: { channelId: string; week: string; claimId: string },
): Promise<void> {
  return updateUnderClaim(
    ctx,
    tenant,
    { channelId: claim.channelId, claimId: claim.claimId, sk: keys.recap(claim.week) },
    'SET #status = :status',
    { ':status': 'released' },
  );
}
