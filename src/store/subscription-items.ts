import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { StoreUnavailableError } from '../errors.js';
import type { DynamoContext } from './dynamo-context.js';
import { toSubscription } from './item-mapping.js';
import { keys, type Tenant, tenantIndex } from './keys.js';
import type { Subscription } from './records.js';

export async function subscribe(
  ctx: DynamoContext,
  subscription: Subscription,
): Promise<'subscribed' | 'already'> {
  try {
    await ctx.send(
      new PutCommand({
        TableName: ctx.table,
        Item: {
          pk: keys.channel(subscription, subscription.channelId),
          sk: keys.subscription,
          ...subscription,
          status: 'active',
          // Every subscription sits under one index key, so the daily run lists them with
          // a Query rather than a Scan; the sort key keeps the listing stable.
          gsi1pk: keys.subscriptions,
          gsi1sk: Date.parse(subscription.subscribedAt),
          ...tenantIndex(subscription, keys.channel(subscription, subscription.channelId)),
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

export async function unsubscribe(
  ctx: DynamoContext,
  tenant: Tenant,
  channelId: string,
): Promise<boolean> {
  const result = await ctx.call(() =>
    ctx.send(
      new DeleteCommand({
        TableName: ctx.table,
        Key: { pk: keys.channel(tenant, channelId), sk: keys.subscription },
        ReturnValues: 'ALL_OLD',
      }),
    ),
  );
  return result.Attributes !== undefined;
}

export async function getSubscription(
  ctx: DynamoContext,
  tenant: Tenant,
  channelId: string,
): Promise<Subscription | undefined> {
  const result = await ctx.call(() =>
    ctx.send(
      new GetCommand({
        TableName: ctx.table,
        Key: { pk: keys.channel(tenant, channelId), sk: keys.subscription },
        ConsistentRead: true,
      }),
    ),
  );
  return result.Item ? toSubscription(result.Item) : undefined;
}

/** Turns the weekly recap on or off for a subscribed channel; false when it is not subscribed. */
export async function setRecap(
  ctx: DynamoContext,
  tenant: Tenant,
  channelId: string,
  on: boolean,
): Promise<boolean> {
  try {
    await ctx.send(
      new UpdateCommand({
        TableName: ctx.table,
        Key: { pk: keys.channel(tenant, channelId), sk: keys.subscription },
        UpdateExpression: 'SET recap = :on',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':on': on },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw new StoreUnavailableError(error);
  }
}
