import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoContext } from './dynamo-context.js';
import { toCardItem } from './item-mapping.js';
import { keys, tenantIndex, tenantIndexUpdate } from './keys.js';
import type { CardRecord } from './records.js';
import type { NamedUser } from './tutor-store.js';

type TransactItem = NonNullable<TransactWriteCommand['input']['TransactItems']>[number];

/**
 * What an answer that trains memory writes besides its own guard, in one transaction: the
 * review card (conditional on the version it was computed from, so two answers at once cannot
 * overwrite each other), the person's totals and the topic's counts. No points: not a board.
 */
export function reviewItems(
  ctx: DynamoContext,
  user: NamedUser,
  answer: { questionId: string; topic: string; correct: boolean; card: CardRecord },
): TransactItem[] {
  const pk = keys.user(user);
  const correct = answer.correct ? 1 : 0;
  const index = tenantIndexUpdate(user, pk);
  return [
    {
      Put: {
        TableName: ctx.table,
        Item: { pk, ...toCardItem(answer.card), ...tenantIndex(user, pk) },
        ConditionExpression:
          answer.card.version === undefined ? 'attribute_not_exists(pk)' : 'version = :version',
        ...(answer.card.version === undefined
          ? {}
          : { ExpressionAttributeValues: { ':version': answer.card.version } }),
      },
    },
    {
      Update: {
        TableName: ctx.table,
        Key: { pk, sk: keys.totals },
        UpdateExpression: `ADD answered :one, correct :c SET #name = :name, lastQuestionId = :q, ${index.set}`,
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':c': correct,
          ':name': user.name,
          ':q': answer.questionId,
          ...index.values,
        },
      },
    },
    {
      Update: {
        TableName: ctx.table,
        Key: { pk, sk: keys.topic(answer.topic) },
        UpdateExpression: `ADD answered :one, correct :c SET ${index.set}`,
        ExpressionAttributeValues: { ':one': 1, ':c': correct, ...index.values },
      },
    },
  ];
}
