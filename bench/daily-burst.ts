import type { ChatPlatform, Handlers } from './handlers.js';
import { inPool, type Summary, summarize, timed } from './stats.js';

export interface BurstFigures {
  people: number;
  doubleClickers: number;
  inFlight: number;
  wallMs: number;
  latency: Summary;
  statuses: Record<string, number>;
  /** The channels' own count of answers, grown by the burst, against the people who clicked. */
  counted: number;
}

/**
 * `people` answer today's question at once, `inFlight` at a time, through the real handlers:
 * three in five on Slack, the rest on Discord, every tenth clicking twice at the same moment.
 * Exactly-once under contention is pinned by test/handlers/daily-burst.test.ts; this is speed.
 */
export async function measureBurst(
  h: Handlers,
  options: { people: number; inFlight: number },
): Promise<BurstFigures> {
  const date = h.daily.right.value.split(':')[1] ?? '';
  const count = async (p: ChatPlatform) =>
    (await h.store.countDailyAnswers(p.tenant, p.channelId, date)).answered;
  const before = (await count(h.slack)) + (await count(h.discord));
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};

  const { ms: wallMs } = await timed(() =>
    inPool(options.people, options.inFlight, async (i) => {
      const p = i % 5 < 3 ? h.slack : h.discord;
      const user = p.user(500_000 + i);
      const value = i % 3 ? h.daily.right : h.daily.wrong;
      await Promise.all(
        Array.from({ length: i % 10 === 0 ? 2 : 1 }, async () => {
          const { result, ms } = await timed(() => p.click(user, value, true));
          latencies.push(ms);
          statuses[result.status] = (statuses[result.status] ?? 0) + 1;
        }),
      );
      if (i % 100 === 99) h.forget();
    }),
  );
  return {
    people: options.people,
    doubleClickers: Math.ceil(options.people / 10),
    inFlight: options.inFlight,
    wallMs,
    latency: summarize(latencies),
    statuses,
    counted: (await count(h.slack)) + (await count(h.discord)) - before,
  };
}
