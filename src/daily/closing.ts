import type { WorkspaceDaily } from '../store/records.js';
import { dayNumber } from '../time/calendar.js';
import { DEFAULT_DAILY_CRON, nextRun, parseDailyCron, startOfDay } from '../time/cron-schedule.js';

/** Where the closing rule reads the schedule: `DAILY_CRON` in `DAILY_TIMEZONE`. */
export interface DailyScheduleSettings {
  dailyCron?: string;
  timeZone: string;
}

/** The next scheduled run after a question's date: when it stops taking answers everywhere. */
export function closesAt(date: string, settings: DailyScheduleSettings): Date | undefined {
  const nextDay = new Date((dayNumber(date) + 1) * 86_400_000).toISOString().slice(0, 10);
  const schedule = parseDailyCron(settings.dailyCron ?? DEFAULT_DAILY_CRON);
  return nextRun(
    schedule,
    settings.timeZone,
    new Date(startOfDay(nextDay, settings.timeZone).getTime() - 1),
  );
}

/** Why a daily question no longer takes answers, or undefined while it still does. */
export type Closure = { by: 'schedule'; at: Date } | { by: 'newer'; date: string };

/**
 * A question closes at the next scheduled run after its date, in every channel of the
 * workspace; also as soon as a newer question was posted anywhere in the workspace.
 */
export function closureOf(
  date: string,
  settings: DailyScheduleSettings,
  workspace: WorkspaceDaily | undefined,
  now: Date,
): Closure | undefined {
  const at = closesAt(date, settings);
  if (at && now.getTime() >= at.getTime()) return { by: 'schedule', at };
  if (workspace && workspace.date > date) return { by: 'newer', date: workspace.date };
  return undefined;
}
