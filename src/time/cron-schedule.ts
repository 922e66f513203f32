/**
 * A schedule in EventBridge Scheduler's cron syntax and an IANA time zone, as serverless.yml
 * gives Scheduler, so the tutor can say when the next run comes. Supports fixed minutes and
 * hours, day-of-month lists, `*` months, and day-of-week names, numbers (1 = Sunday) and ranges.
 */
export interface DailySchedule {
  minutes: number[];
  hours: number[];
  daysOfMonth?: number[];
  /** 0 = Sunday … 6 = Saturday; undefined = every day. */
  daysOfWeek?: number[];
}

/** Weekdays at 09:00: the default schedule. */
export const DEFAULT_DAILY_CRON = 'cron(0 9 ? * MON-FRI *)';
/** Fridays at 16:00: the weekly recap's default schedule. */
export const DEFAULT_WEEKLY_CRON = 'cron(0 16 ? * FRI *)';

const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** Parses a daily cron expression; throws with a plain message when it is not one. */
export function parseDailyCron(expression: string): DailySchedule {
  const inner = /^cron\((.*)\)$/i.exec(expression.trim())?.[1];
  const fields = inner?.trim().split(/\s+/);
  if (fields?.length !== 6) {
    throw new Error(
      `"${expression}" is not cron(minutes hours day-of-month month day-of-week year)`,
    );
  }
  const [min = '', hour = '', dom = '', month = '', dow = ''] = fields;
  if (month !== '*') throw new Error('only * is supported for the month field');
  return {
    minutes: numbers(min, 0, 59, 'minutes'),
    hours: numbers(hour, 0, 23, 'hours'),
    ...(dom === '*' || dom === '?' ? {} : { daysOfMonth: numbers(dom, 1, 31, 'day-of-month') }),
    ...(dow === '*' || dow === '?' ? {} : { daysOfWeek: weekdays(dow) }),
  };
}

/** The first scheduled instant strictly after `now`, looking up to a year ahead. */
export function nextRun(schedule: DailySchedule, timeZone: string, now: Date): Date | undefined {
  const today = localParts(now, timeZone);
  for (let offset = 0; offset <= 366; offset++) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    if (schedule.daysOfWeek && !schedule.daysOfWeek.includes(day.getUTCDay())) continue;
    if (schedule.daysOfMonth && !schedule.daysOfMonth.includes(day.getUTCDate())) continue;
    const times = schedule.hours.flatMap((h) => schedule.minutes.map((m) => [h, m] as const));
    for (const [hour, minute] of times.sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
      const at = zonedToUtc(
        day.getUTCFullYear(),
        day.getUTCMonth() + 1,
        day.getUTCDate(),
        hour,
        minute,
        timeZone,
      );
      if (at.getTime() > now.getTime()) return at;
    }
  }
  return undefined;
}

/** The instant a calendar date (`yyyy-mm-dd`) begins in `timeZone`. */
export function startOfDay(date: string, timeZone: string): Date {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return zonedToUtc(y, m, d, 0, 0, timeZone);
}

function numbers(field: string, min: number, max: number, name: string): number[] {
  const values = field.split(',').map(Number);
  if (values.some((v) => !Number.isInteger(v) || v < min || v > max)) {
    throw new Error(`the ${name} field must be numbers from ${min} to ${max}, got "${field}"`);
  }
  return values;
}

function weekdays(field: string): number[] {
  const day = (token: string) => {
    const upper = token.toUpperCase();
    const named = DAY_NAMES.indexOf(upper);
    if (named >= 0) return named;
    const n = Number(token);
    if (Number.isInteger(n) && n >= 1 && n <= 7) return n - 1; // AWS: 1 = Sunday
    throw new Error(`"${token}" is not a day of the week`);
  };
  const out = new Set<number>();
  for (const part of field.split(',')) {
    const [from, to] = part.split('-');
    if (to === undefined) out.add(day(from ?? ''));
    else
      for (let d = day(from ?? ''); ; d = (d + 1) % 7) {
        out.add(d);
        if (d === day(to)) break;
      }
  }
  return [...out].sort();
}

function localParts(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Wall-clock time in `timeZone` → the instant, correct across daylight-saving changes. */
function zonedToUtc(y: number, mo: number, d: number, h: number, mi: number, timeZone: string) {
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const offsetAt = (instant: number) => {
    const p = localParts(new Date(instant), timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - instant;
  };
  let guess = wall - offsetAt(wall);
  guess = wall - offsetAt(guess);
  return new Date(guess);
}
