import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import table from './table.json' with { type: 'json' };

/**
 * The one definition of the table: `table.json` is read here (local bootstrap, tests) and by
 * `serverless.yml` (`${file(./src/store/table.json):…}`), so the three can never drift.
 */
export const TABLE = table;

/** The leaderboard and subscription index: `gsi1pk` groups, `gsi1sk` (a number) orders. */
export const GSI1 = 'gsi1';

/** The tenant index, keys only: every item of a workspace by the partition it belongs to. */
export const GSI2 = 'gsi2';

/** Name of the TTL attribute (epoch seconds) on transient items. */
export const TTL_ATTRIBUTE = table.TimeToLiveAttribute;

/** `CreateTable` input for the table definition, under the given name. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const { TimeToLiveAttribute: _ttl, ...definition } = table;
  return { TableName: tableName, ...definition } as CreateTableCommandInput;
}
