/**
 * Key layout of the single table. Everything is scoped by platform and workspace, so two
 * workspaces never share a partition or an index key.
 *
 * | item                 | pk                           | sk                 | gsi1pk                   |
 * | -------------------- | ---------------------------- | ------------------ | ------------------------ |
 * | user totals          | U#{tenant}#{user}            | TOTALS             | LB#{tenant}#ALL (ranked) |
 * | topic stats          | U#{tenant}#{user}            | TOPIC#{topic}      |                          |
 * | review card (FSRS)   | U#{tenant}#{user}            | CARD#{question}    |                          |
 * | pending practice q.  | U#{tenant}#{user}            | PENDING#{nonce}    |                          |
 * | weekly points        | U#{tenant}#{user}            | WEEK#{yyyy-Www}    | LB#{tenant}#W#{week}     |
 * | monthly points       | U#{tenant}#{user}            | MONTH#{yyyy-mm}    | LB#{tenant}#M#{month}    |
 * | exam session         | U#{tenant}#{user}            | EXAM               |                          |
 * | exam result          | U#{tenant}#{user}            | EXAMRESULT#{at}    |                          |
 * | team week            | TEAM#{tenant}                | WEEK#{yyyy-Www}    |                          |
 * | weekly recap claim   | C#{tenant}#{channel}         | RECAP#{yyyy-Www}   |                          |
 * | daily question       | C#{tenant}#{channel}         | DAILY#{date}       |                          |
 * | latest daily date    | C#{tenant}#{channel}         | LATEST             |                          |
 * | workspace daily      | W#{tenant}                   | LATEST             |                          |
 * | daily answer         | D#{tenant}#{date}            | U#{user}           |                          |
 * | subscription         | C#{tenant}#{channel}         | SUB                | SUBS                     |
 *
 * A user's practice state is one partition, so `quiz` and `score` read it with one Query.
 *
 * Every item also carries the tenant index (`gsi2`, keys only): `gsi2pk` = `T#{tenant}` and
 * `gsi2sk` = the partition the item belongs to (the user's `U#…`, or the channel's `C#…`; a
 * daily answer belongs to the user who gave it). Nothing in the app reads it: it exists so
 * that all of a workspace's data, or all of one person's in it, can be found with a Query and
 * deleted (`npm run data:delete`). Without it, people who only practised and channels no longer
 * subscribed could only be found by scanning the table, and daily answers (partitioned by
 * date) not at all.
 */
export interface Tenant {
  platform: string;
  workspaceId: string;
}

export interface UserKey extends Tenant {
  userId: string;
}

const part = (value: string) => value.replace(/#/g, '%23');
const tenantKey = (t: Tenant) => `${part(t.platform)}#${part(t.workspaceId)}`;

export const keys = {
  user: (u: UserKey) => `U#${tenantKey(u)}#${part(u.userId)}`,
  channel: (t: Tenant, channelId: string) => `C#${tenantKey(t)}#${part(channelId)}`,
  workspace: (t: Tenant) => `W#${tenantKey(t)}`,
  dailyAnswers: (t: Tenant, date: string) => `D#${tenantKey(t)}#${date}`,
  board: (t: Tenant, period: BoardKey) =>
    period === 'all'
      ? `LB#${tenantKey(t)}#ALL`
      : /^\d{4}-\d{2}$/.test(period)
        ? `LB#${tenantKey(t)}#M#${period}`
        : `LB#${tenantKey(t)}#W#${period}`,
  team: (t: Tenant) => `TEAM#${tenantKey(t)}`,
  month: (month: string) => `MONTH#${month}`,
  recap: (week: string) => `RECAP#${week}`,
  exam: 'EXAM',
  examResult: (at: string) => `EXAMRESULT#${at}`,
  totals: 'TOTALS',
  topic: (topic: string) => `TOPIC#${topic}`,
  card: (questionId: string) => `CARD#${questionId}`,
  pending: (nonce: string) => `PENDING#${nonce}`,
  week: (week: string) => `WEEK#${week}`,
  daily: (date: string) => `DAILY#${date}`,
  latest: 'LATEST',
  subscription: 'SUB',
  subscriptions: 'SUBS',
  answerer: (userId: string) => `U#${part(userId)}`,
};

/**
 * The tenant index attributes of an item that belongs to partition `owner` (a user's or a
 * channel's partition key). Spread into a Put's item.
 */
export function tenantIndex(t: Tenant, owner: string): { gsi2pk: string; gsi2sk: string } {
  return { gsi2pk: tenantIndexKey(t), gsi2sk: owner };
}

/** The same for an UpdateExpression: a `SET` clause and its values. */
export function tenantIndexUpdate(t: Tenant, owner: string) {
  return {
    set: 'gsi2pk = :gsi2pk, gsi2sk = :gsi2sk',
    values: { ':gsi2pk': tenantIndexKey(t), ':gsi2sk': owner },
  };
}

/** The tenant index partition of a workspace. */
export function tenantIndexKey(t: Tenant): string {
  return `T#${tenantKey(t)}`;
}

/** `all`, an ISO week such as `2026-W48`, or a calendar month such as `2026-11`. */
export type BoardKey = 'all' | string;

/** The user id back from a user partition key. */
export function userIdFromPk(pk: string): string {
  return (pk.split('#').pop() ?? '').replace(/%23/g, '#');
}
