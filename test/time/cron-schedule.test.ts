import { describe, expect, it } from 'vitest';
import { DEFAULT_DAILY_CRON, nextRun, parseDailyCron } from '../../src/time/cron-schedule.js';

const weekdays = parseDailyCron(DEFAULT_DAILY_CRON);
const next = (now: string, tz = 'Europe/London') =>
  nextRun(weekdays, tz, new Date(now))?.toISOString();

describe('Function: nextRun', () => {
  it('gives today at 09:00 before nine, and the next weekday after', () => {
    expect(next('2026-11-23T08:00:00Z')).toBe('2026-11-23T09:00:00.000Z');
    expect(next('2026-11-23T09:00:00Z')).toBe('2026-11-24T09:00:00.000Z');
  });

  it('skips the weekend', () => {
    expect(next('2026-11-27T10:00:00Z')).toBe('2026-11-30T09:00:00.000Z');
  });

  it('follows daylight saving time (09:00 BST is 08:00 UTC)', () => {
    expect(next('2026-03-27T10:00:00Z')).toBe('2026-03-30T08:00:00.000Z');
  });

  it('uses the given time zone', () => {
    expect(next('2026-11-23T10:00:00Z', 'America/New_York')).toBe('2026-11-23T14:00:00.000Z');
  });
});

describe('Function: parseDailyCron', () => {
  it('reads day names, numbers (1 = Sunday), ranges and lists', () => {
    expect(parseDailyCron('cron(30 8 ? * 2-6 *)').daysOfWeek).toEqual([1, 2, 3, 4, 5]);
    expect(parseDailyCron('cron(0 9,17 ? * SUN,SAT *)')).toMatchObject({
      hours: [9, 17],
      daysOfWeek: [0, 6],
    });
  });

  it('rejects what is not a daily cron', () => {
    expect(() => parseDailyCron('rate(1 day)')).toThrow(/cron/);
    expect(() => parseDailyCron('cron(0 25 ? * * *)')).toThrow(/hours/);
    expect(() => parseDailyCron('cron(0 9 ? * FUNDAY *)')).toThrow(/day of the week/);
  });
});
