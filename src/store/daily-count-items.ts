import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { StoreUnavailableError } from '../errors.js';
import type { DynamoContext } from './dynamo-context.js';
import { toDailyRecord } from './item-mapping.js';
import { keys, type Tenant } from './keys.js';
import type { DailyRecord } from './records.js';

export interface CountEditClaim {
  channelId: string;
  date: string;
  /** Now, in epoch milliseconds, from the caller's (injectable) clock. */
  nowMs: number;
  /** No other edit of this message may have been claimed within this long before `nowMs`. */
  intervalMs: number;
}

/**
 * Claims the next edit of a posted daily message's live count: one conditional UpdateItem on
 * `countShownAt`, so however many Lambdas answer at once the message is edited at most once
 * per `intervalMs`. Undefined when another edit was claimed too recently, or it is not posted.
 */
export async function claimDailyCountEdit(
  ctx: DynamoContext,
  tenant: Tenant,
  claim: CountEditClaim,
): Promise<DailyRecord | undefined> {
  try {
    const result = await ctx.send(
      new UpdateCommand({
        TableName: ctx.table,
        Key: { pk: keys.channel(tenant, claim.channelId), sk: keys.daily(claim.date) },
        UpdateExpression: 'SET countShownAt = :now',
        ConditionExpression:
          '#status = :posted AND (attribute_not_exists(countShownAt) OR countShownAt <= :cutoff)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':now': claim.nowMs,
          ':cutoff': claim.nowMs - claim.intervalMs,
          ':posted': 'posted',
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return result.Attributes ? toDailyRecord(result.Attributes) : undefined;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return undefined;
    throw new StoreUnavailableError(error);
  }
}
