import type { Content } from '../content/content.js';
import type { ConceptSearch } from '../search/search-concepts.js';
import type { TutorStore } from '../store/tutor-store.js';

export type Platform = 'slack' | 'discord' | 'local';

/** Who is asking, and where. Adapters fill this from a verified request. */
export interface Asker {
  platform: Platform;
  /** Slack team id, Discord guild id, or `local`. */
  workspaceId: string;
  channelId: string;
  userId: string;
  /** Display name, stored beside scores for the leaderboard. */
  userName: string;
}

/** Logs with structured fields; never pass secrets or raw request bodies. */
export interface Logger {
  error(message: string, fields?: Record<string, unknown>): void;
  info?(message: string, fields?: Record<string, unknown>): void;
}

/** What the core needs from outside. Time and randomness are injected so tests control them. */
export interface TutorDeps {
  content: Content;
  search: ConceptSearch;
  /** Resolved on first use: commands that need no storage never load the DynamoDB client. */
  store: () => Promise<TutorStore>;
  clock: () => Date;
  random: () => number;
  /** Time zone of "today" and "this week", and of the daily schedule. */
  timeZone: string;
  /** The daily question's schedule (EventBridge cron); defaults to weekdays at 09:00. */
  dailyCron?: string;
  /** The weekly recap's schedule (EventBridge cron); defaults to Fridays at 16:00. */
  weeklyCron?: string;
  /**
   * At most one edit of a daily message's "N answered" count per this long, across all
   * processes (default `DAILY_COUNT_EDIT_INTERVAL_MS`). The playground, with no rate limits to
   * respect, uses 0.
   */
  dailyCountIntervalMs?: number;
  log: Logger;
  /** What the operators learn from use, with nothing about who asked. */
  observe?: {
    /** A search that found no note: counted (and, if enabled, its text logged). */
    missedSearch(query: string): void;
  };
}
