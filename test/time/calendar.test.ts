import { describe, expect, it } from 'vitest';
import { dateIn, dayNumber, isoWeek } from '../../src/time/calendar.js';

describe('Function: dateIn', () => {
  it('returns the next day in Berlin but the same day in London late in the UTC evening', () => {
    const instant = new Date('2026-11-22T23:30:00Z');

    expect(dateIn(instant, 'Europe/Berlin')).toBe('2026-11-23');
    expect(dateIn(instant, 'Europe/London')).toBe('2026-11-22');
    expect(dateIn(instant, 'UTC')).toBe('2026-11-22');
  });

  it('returns the previous day in Los Angeles early in the UTC morning', () => {
    const instant = new Date('2026-11-23T05:30:00Z');

    expect(dateIn(instant, 'America/Los_Angeles')).toBe('2026-11-22');
    expect(dateIn(instant, 'Europe/London')).toBe('2026-11-23');
  });

  it('follows daylight saving time in Los Angeles', () => {
    // PDT is UTC-7 in July, PST is UTC-8 in November: 07:30Z is the same day only in summer.
    expect(dateIn(new Date('2026-07-10T07:30:00Z'), 'America/Los_Angeles')).toBe('2026-07-10');
    expect(dateIn(new Date('2026-11-10T07:30:00Z'), 'America/Los_Angeles')).toBe('2026-11-09');
  });

  it('follows British Summer Time in London', () => {
    expect(dateIn(new Date('2026-07-10T23:30:00Z'), 'Europe/London')).toBe('2026-07-11');
    expect(dateIn(new Date('2026-01-10T23:30:00Z'), 'Europe/London')).toBe('2026-01-10');
  });

  it('crosses the year boundary by time zone', () => {
    const instant = new Date('2026-12-31T23:30:00Z');

    expect(dateIn(instant, 'Asia/Tokyo')).toBe('2027-01-01');
    expect(dateIn(instant, 'America/Los_Angeles')).toBe('2026-12-31');
  });

  it('formats the date as yyyy-mm-dd with zero padding', () => {
    expect(dateIn(new Date('2026-03-05T12:00:00Z'), 'UTC')).toMatch(/^2026-03-05$/);
  });

  it('throws for a time zone that does not exist', () => {
    expect(() => dateIn(new Date('2026-11-23T00:00:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('Function: isoWeek', () => {
  it.each([
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2024-12-30', '2025-W01'],
    ['2026-11-23', '2026-W48'],
    ['2026-11-22', '2026-W47'],
    ['2026-11-29', '2026-W48'],
    ['2026-11-30', '2026-W49'],
    ['2026-12-31', '2026-W53'],
    ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'],
    ['2024-02-29', '2024-W09'],
  ])('returns the ISO week of %s as %s', (date, week) => {
    expect(isoWeek(date)).toBe(week);
  });

  it('puts Monday to Sunday in one week', () => {
    const days = ['23', '24', '25', '26', '27', '28', '29'].map((d) => isoWeek(`2026-11-${d}`));

    expect(new Set(days)).toEqual(new Set(['2026-W48']));
  });
});

describe('Function: dayNumber', () => {
  it('returns 0 for 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
  });

  it('returns 1 between consecutive days', () => {
    expect(dayNumber('2026-11-23') - dayNumber('2026-11-22')).toBe(1);
  });

  it('counts across a month end, a leap day and a year end', () => {
    expect(dayNumber('2026-12-01') - dayNumber('2026-11-30')).toBe(1);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(dayNumber('2027-01-01') - dayNumber('2026-01-01')).toBe(365);
    expect(dayNumber('2025-01-01') - dayNumber('2024-01-01')).toBe(366);
  });

  it('counts a daylight saving change as one day', () => {
    // Dates are calendar dates, not instants: the clocks changing must not make a 0 or 2.
    expect(dayNumber('2026-03-30') - dayNumber('2026-03-29')).toBe(1);
    expect(dayNumber('2026-10-26') - dayNumber('2026-10-25')).toBe(1);
  });

  it('returns a whole number', () => {
    expect(Number.isInteger(dayNumber('2026-11-23'))).toBe(true);
  });
});
