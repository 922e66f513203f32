import { describe, expect, it } from 'vitest';
import { AnswerNotRecordedError, StoreUnavailableError } from '../src/errors.js';

/** A failure as the AWS SDK reports it, wrapped the way the store wraps it. */
const storeFailure = (fields: Record<string, unknown>) =>
  new StoreUnavailableError(Object.assign(new Error('sdk failure'), fields));

describe('Class: AnswerNotRecordedError', () => {
  it.each([
    [
      'throttled',
      { name: 'ProvisionedThroughputExceededException', $metadata: { httpStatusCode: 400 } },
    ],
    ['refused (DynamoDB stopped)', { code: 'ECONNREFUSED' }],
  ])('says plainly the answer was not recorded when the write was %s', (_, fields) => {
    const error = new AnswerNotRecordedError(storeFailure(fields));
    expect(error.userMessage).toMatch(/^Your answer was not recorded/);
  });

  // A write that timed out or got a 5xx may still have been applied by DynamoDB: saying "not
  // recorded" would then be untrue, so the message says it cannot tell, and that clicking
  // again is safe.
  it.each([
    ['timed out', { name: 'TimeoutError' }],
    ['cut off', { code: 'ECONNRESET' }],
    ['answered 500', { name: 'InternalServerError', $metadata: { httpStatusCode: 500 } }],
  ])('does not claim either way when the write %s', (_, fields) => {
    const error = new AnswerNotRecordedError(storeFailure(fields));
    expect(error.userMessage).toMatch(/can't tell whether your answer was saved/);
    expect(error.userMessage).toMatch(/never counts twice/);
    expect(error.userMessage).not.toMatch(/not recorded/);
  });
});
