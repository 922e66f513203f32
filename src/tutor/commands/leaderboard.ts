import type { BoardEntry } from '../../store/records.js';
import { dateIn, isoWeek, monthName } from '../../time/calendar.js';
import type { Asker, TutorDeps } from '../deps.js';
import { displayName } from '../display-name.js';
import type { LeaderboardPeriod } from '../parse-command.js';
import type { Reply } from '../reply.js';

export const BOARD_SIZE = 10;
/**
 * Entries read by the board's one Query (about 1 read unit): a team up to this size gets the top
 * 10 and the asker's rank from it; beyond, an asker not among them costs two more requests.
 */
export const BOARD_READ = 100;
const MEDALS = ['🥇', '🥈', '🥉'];

/** Each board: its key in the store, its heading, when it is empty, and where to go next. */
function boardOf(period: LeaderboardPeriod, today: string) {
  switch (period) {
    case 'week': {
      const week = isoWeek(today);
      return {
        board: week,
        heading: `Leaderboard: this week (${week})`,
        empty: 'Nobody has scored yet this week.',
        more: '`/aws leaderboard month` for this month.',
      };
    }
    case 'month': {
      const month = today.slice(0, 7);
      return {
        board: month,
        heading: `Leaderboard: ${monthName(month)}`,
        empty: 'Nobody has scored yet this month.',
        more: '`/aws leaderboard all` for all time.',
      };
    }
    case 'all':
      return {
        board: 'all',
        heading: 'Leaderboard: all time',
        empty: 'Nobody has scored yet.',
        more: '`/aws leaderboard week` for this week.',
      };
  }
}

/**
 * `/aws leaderboard [week|month|all]`: the top 10, posted to the channel, plus the asker's rank.
 * Weeks and months are those of `DAILY_TIMEZONE`.
 */
export async function leaderboardReply(
  deps: TutorDeps,
  asker: Asker,
  period: LeaderboardPeriod,
): Promise<Reply> {
  const store = await deps.store();
  const { board, heading, empty, more } = boardOf(period, dateIn(deps.clock(), deps.timeZone));
  const read = await store.leaderboard(asker, board, BOARD_READ);
  // A board lists those who scored; a 0 is shown only to its owner.
  const entries = read.filter((e) => e.points > 0 || e.userId === asker.userId);
  if (entries.length === 0) {
    return {
      title: heading,
      sections: [`${empty} Answer the daily question to be first on the board!`],
      visibility: 'channel',
    };
  }
  const ranked = rankEntries(entries);
  const top = ranked.slice(0, BOARD_SIZE);
  const lines = top.map(({ rank, entry }) => formatLine(rank, entry, asker));
  if (!top.some(({ entry }) => entry.userId === asker.userId)) {
    const own = ranked.find(({ entry }) => entry.userId === asker.userId);
    if (own) {
      lines.push('…', formatLine(own.rank, own.entry, asker));
    } else if (read.length === BOARD_READ) {
      // A board bigger than one read, and the asker is further down it (or not on it).
      const mine = await ownEntry(deps, asker, board);
      if (mine) {
        const rank = (await store.countAhead(asker, board, mine.points)) + 1;
        lines.push('…', formatLine(rank, mine, asker));
      }
    }
  }
  return {
    title: heading,
    sections: [lines.join('\n'), `_Points come from daily questions. ${more}_`],
    visibility: 'channel',
  };
}

/** Standard competition ranking: equal points share a rank, and the next rank skips ("1, 2, 2, 4"). */
export function rankEntries(entries: BoardEntry[]): { rank: number; entry: BoardEntry }[] {
  const sorted = [...entries].sort((a, b) => b.points - a.points || a.name.localeCompare(b.name));
  return sorted.map((entry) => ({
    rank: sorted.findIndex((e) => e.points === entry.points) + 1,
    entry,
  }));
}

function formatLine(rank: number, entry: BoardEntry, asker: Asker): string {
  const badge = MEDALS[rank - 1] ?? `${rank}.`;
  const you = entry.userId === asker.userId ? ' (you)' : '';
  return `${badge} **${displayName(entry.name)}**${you}: ${entry.points} pts`;
}

async function ownEntry(
  deps: TutorDeps,
  asker: Asker,
  board: string,
): Promise<BoardEntry | undefined> {
  const state = await (await deps.store()).getLearner({
    platform: asker.platform,
    workspaceId: asker.workspaceId,
    userId: asker.userId,
  });
  const points =
    board === 'all'
      ? state.totals?.ranked
        ? state.totals.points
        : undefined
      : (state.weeks.find((w) => w.week === board) ?? state.months.find((m) => m.month === board))
          ?.points;
  return points === undefined ? undefined : { userId: asker.userId, name: asker.userName, points };
}
