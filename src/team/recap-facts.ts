import { closureOf } from '../daily/closing.js';
import { currentStreak } from '../daily/streak.js';
import { describeNextRun } from '../daily/subscription-command.js';
import type { Tenant } from '../store/keys.js';
import type { DailyTally } from '../store/records.js';
import type { RecapRunStore } from '../store/tutor-store.js';
import { addDays } from '../time/calendar.js';
import { type RecapFacts, type RecapWeek, weakestTopic } from './weekly-recap.js';

/** The board is read this deep for the week's top five (one Query). */
const BOARD_READ = 10;

export interface RecapSettings {
  clock: () => Date;
  timeZone: string;
  dailyCron?: string;
}

/**
 * Gathers recap facts for the channels of one run. What belongs to a workspace (its week, its
 * board, its streaks, each day's answers) is read once per workspace, however many of its
 * channels get the recap; only the channel's own questions are read per channel.
 */
export function recapFactsReader(store: RecapRunStore, settings: RecapSettings) {
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, read: () => Promise<T>): Promise<T> => {
    let found = cache.get(key) as Promise<T> | undefined;
    if (!found) {
      found = read();
      cache.set(key, found);
      // A failed read is not kept: the channel's retry reads again.
      found.catch(() => cache.delete(key));
    }
    return found;
  };
  const tenantKey = (t: Tenant) => `${t.platform}#${t.workspaceId}`;

  const workspaceWeek = (tenant: Tenant, week: string) =>
    once(`week#${tenantKey(tenant)}#${week}`, async () => {
      const [[team], board] = await Promise.all([
        store.getTeamWeeks(tenant, [week]),
        store.leaderboard(tenant, week, BOARD_READ),
      ]);
      return { team, top: board.filter((e) => e.points > 0) };
    });

  const longestStreak = (tenant: Tenant) =>
    once(`streak#${tenantKey(tenant)}`, async () => {
      const [people, workspace] = await Promise.all([
        store.boardTotals(tenant),
        store.getWorkspaceDaily(tenant),
      ]);
      const now = settings.clock();
      const open = workspace ? !closureOf(workspace.date, settings, workspace, now) : false;
      let days = 0;
      let names: string[] = [];
      // Only people on the all-time board are named (points above 0), as on the board itself.
      for (const person of people.filter((p) => p.points > 0)) {
        const streak = currentStreak(person, workspace, open);
        if (streak > days) [days, names] = [streak, [person.name]];
        else if (streak === days && streak > 0) names.push(person.name);
      }
      return days > 0 ? { days, names: names.sort().slice(0, 3) } : undefined;
    });

  const dayTally = (tenant: Tenant, date: string) =>
    once(`day#${tenantKey(tenant)}#${date}`, () =>
      store.countDailyAnswers(tenant, undefined, date),
    );

  /** The facts of `week` for one channel. */
  return async (channel: Tenant & { channelId: string }, week: RecapWeek): Promise<RecapFacts> => {
    const [{ team, top }, streak, records] = await Promise.all([
      workspaceWeek(channel, week.week),
      longestStreak(channel),
      store.dailyRecordsBetween(channel, channel.channelId, week.monday, addDays(week.monday, 6)),
    ]);
    const tallies = await Promise.all(records.map((r) => dayTally(channel, r.date)));
    let hardest: ({ questionId: string } & DailyTally) | undefined;
    records.forEach((record, i) => {
      const tally = tallies[i] as DailyTally;
      if (tally.answered === 0) return;
      const share = tally.correct / tally.answered;
      const worst = hardest && hardest.correct / hardest.answered;
      if (
        worst === undefined ||
        share < worst ||
        (share === worst && tally.answered > (hardest?.answered ?? 0))
      ) {
        hardest = { questionId: record.questionId, ...tally };
      }
    });
    const weakest = team ? weakestTopic(team.topics) : undefined;
    return {
      week: week.week,
      current: week.current,
      top,
      people: team?.people ?? 0,
      answered: team?.answered ?? 0,
      dailyAsked: records.length,
      ...(hardest ? { hardest } : {}),
      ...(weakest ? { weakest } : {}),
      ...(streak ? { streak } : {}),
      nextDaily: describeNextRun(settings),
    };
  };
}
