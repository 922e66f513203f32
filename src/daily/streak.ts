import type { DailyRecord, Totals, WorkspaceDaily } from '../store/records.js';

/** The streak and last daily date after answering the question of `date`. */
export function nextStreak(
  totals: Totals | undefined,
  date: string,
  previousDate: string | undefined,
): { streak: number; lastDailyDate: string } {
  const last = totals?.lastDailyDate;
  // Never backwards: an older question answered late leaves the streak as it is.
  if (totals && last && last >= date) return { streak: totals.streak, lastDailyDate: last };
  const streak = totals && last && last === previousDate ? totals.streak + 1 : 1;
  return { streak, lastDailyDate: date };
}

/**
 * The workspace's question before the one of `date`, in any channel: a streak continues when
 * the person answered that one. Falls back to the channel's own previous question.
 */
export function previousQuestionDate(
  workspace: WorkspaceDaily | undefined,
  daily: Pick<DailyRecord, 'date' | 'prevDate'>,
): string | undefined {
  if (workspace?.date === daily.date) return workspace.prevDate;
  return daily.prevDate;
}

/**
 * The streak as it stands now: kept while the person answered the newest question, or the
 * one before it while the newest is still open; 0 once a question was missed.
 */
export function currentStreak(
  totals: Totals | undefined,
  workspace: WorkspaceDaily | undefined,
  newestIsOpen: boolean,
): number {
  const last = totals?.lastDailyDate;
  if (!totals || !last) return 0;
  if (!workspace || last >= workspace.date) return totals.streak;
  return newestIsOpen && last === workspace.prevDate ? totals.streak : 0;
}
