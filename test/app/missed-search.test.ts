import { afterEach, describe, expect, it, vi } from 'vitest';
import { missedSearchObserver } from '../../src/app/tutor-runtime.js';
import { readTutorConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';
import { captureLogs } from '../helpers/capture-logs.js';

describe('Function: missedSearchObserver', () => {
  afterEach(() => vi.restoreAllMocks());

  const capture = () => {
    // Powertools writes the metric line to stdout itself, not through the global console.
    const { lines } = captureLogs();
    const logged: { message: string; fields?: Record<string, unknown> }[] = [];
    const log = {
      info: (message: string, fields?: Record<string, unknown>) => logged.push({ message, fields }),
    };
    return { lines, logged, log };
  };

  it('counts a miss as an embedded metric with no text in it, and logs nothing by default', () => {
    const { lines, logged, log } = capture();
    missedSearchObserver(log, false).missedSearch('my secret project falcon');

    expect(lines).toHaveLength(1);
    const metric = JSON.parse(lines[0] ?? '{}');
    expect(metric.SearchMisses).toBe(1);
    expect(metric._aws.CloudWatchMetrics[0].Metrics).toEqual([
      { Name: 'SearchMisses', Unit: 'Count' },
    ]);
    expect(lines[0]).not.toContain('falcon');
    expect(logged).toEqual([]);
  });

  it('logs the normalised query, cut to 100 characters, and nothing else, when turned on', () => {
    const { logged, log } = capture();
    missedSearchObserver(log, true).missedSearch(`  HOW do I Bake ${'x'.repeat(200)}?! `);

    expect(logged).toHaveLength(1);
    expect(logged[0]?.message).toBe('search found no note');
    expect(Object.keys(logged[0]?.fields ?? {})).toEqual(['query']);
    const query = String(logged[0]?.fields?.query);
    expect(query.startsWith('how do i bake xxx')).toBe(true);
    expect(query).toHaveLength(100);
  });
});

describe('Setting: LOG_MISSED_SEARCHES', () => {
  it('is off unless set to true, and names itself when it is neither true nor false', () => {
    expect(readTutorConfig({}).logMissedSearches).toBe(false);
    expect(readTutorConfig({ LOG_MISSED_SEARCHES: 'TRUE' }).logMissedSearches).toBe(true);
    expect(() => readTutorConfig({ LOG_MISSED_SEARCHES: 'yes' })).toThrow(ConfigError);
    expect(() => readTutorConfig({ LOG_MISSED_SEARCHES: 'yes' })).toThrow(/LOG_MISSED_SEARCHES/);
  });
});
