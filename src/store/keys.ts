/**
 * Key layout of the single table (docs/ARCHITECTURE.md, Keys). Everything is scoped by platform
 * and workspace, so two workspaces never share a partition or an index key.
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
