import { describe, expect, it } from 'vitest';
import { ms, percent, requestsText, table } from '../../bench/format.js';
import { percentile } from '../../bench/stats.js';

describe('bench: the report writer’s formatting', () => {
  it('lists DynamoDB requests reads first, with the items of a batch or transaction', () => {
    const requests = {
      TransactWriteItems: 1,
      'TransactWriteItems items': 5,
      UpdateItem: 2,
      BatchGetItem: 1,
      'BatchGetItem items': 2,
    };
    expect(requestsText(requests)).toBe(
      '1 BatchGetItem (2 items) + 1 TransactWriteItems (5 items) + 2 UpdateItem',
    );
    expect(requestsText({ Query: 1.6149 })).toBe('1.61 Query');
    expect(requestsText({})).toBe('0');
  });

  it('writes a Markdown table from a header line, escaping pipes in cells', () => {
    expect(table(' | p99 ms', [['a | b', 1.5]])).toBe(
      ['|  | p99 ms |', '| --- | --- |', '| a \\| b | 1.5 |'].join('\n'),
    );
  });

  it('rounds times and shares for reading, and shows a missing figure as a dash', () => {
    expect([ms(0.456), ms(12.34), ms(1234.5), ms(Number.NaN)]).toEqual([
      '0.46',
      '12.3',
      '1235',
      '–',
    ]);
    expect([percent(0.89), percent(0.038), percent(1)]).toEqual(['89%', '3.8%', '100%']);
  });

  it('takes percentiles by nearest rank, never between two samples', () => {
    const samples = [5, 1, 4, 2, 3];
    expect([percentile(samples, 50), percentile(samples, 99), percentile([], 50)]).toEqual([
      3,
      5,
      Number.NaN,
    ]);
  });
});
