import { afterEach, describe, expect, it } from 'vitest';
import { AnswerNotRecordedError, StoreUnavailableError } from '../../src/errors.js';
import { createDocumentClient } from '../../src/store/dynamo-client.js';
import { TRANSACTION_ATTEMPTS } from '../../src/store/dynamo-context.js';
import { DynamoStore } from '../../src/store/dynamo-store.js';
import { reviewCard } from '../../src/tutor/review-schedule.js';
import { freshStore } from '../helpers/dynamo.js';
import { type Fault, startFaultProxy } from '../helpers/fault-proxy.js';
import { startSlowProxy } from '../helpers/slow-proxy.js';

const alice = { platform: 'slack', workspaceId: 'T1', userId: 'U1', name: 'alice' };
const at = '2026-11-23T09:00:00.000Z';
const answer = {
  nonce: 'n1',
  questionId: 'q1',
  topic: 'messaging',
  choices: [0],
  correct: true,
  card: {
    questionId: 'q1',
    topic: 'messaging',
    fsrs: reviewCard(undefined, true, new Date(at)),
    lastCorrect: true,
    lastAnsweredAt: at,
  },
  at,
};

describe('Class: DynamoStore under faults', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((c) => c()));
  });

  async function storeBehindProxy() {
    const { tableName, endpoint, store: direct } = await freshStore();
    const proxy = await startFaultProxy(endpoint);
    closers.push(proxy.close);
    const db = createDocumentClient(
      { tableName, endpoint: proxy.endpoint, region: 'us-east-1' },
      { requestTimeoutMs: 10_000 },
    );
    return { proxy, store: new DynamoStore(db, tableName), direct };
  }

  it('retries throttling and records the answer exactly once', async () => {
    const { proxy, store, direct } = await storeBehindProxy();
    await direct.savePending(alice, { nonce: 'n1', questionId: 'q1', issuedAt: at }, 3600);
    proxy.faults.push('throttle', 'throttle');
    expect((await store.recordPractice(alice, answer)).status).toBe('recorded');
    expect(proxy.counts()).toEqual({ forwarded: 1, faulted: 2 });
    expect((await direct.getLearner(alice)).totals?.answered).toBe(1);
  });

  // Real DynamoDB cancels a transaction that meets another on the same item (a daily tally that
  // everyone's answer adds to); DynamoDB Local never does, so the proxy says it.
  it('retries a transaction that conflicted with a concurrent one, and records it once', async () => {
    const { proxy, store, direct } = await storeBehindProxy();
    await direct.savePending(alice, { nonce: 'n1', questionId: 'q1', issuedAt: at }, 3600);
    proxy.faults.push('conflict', 'conflict');
    expect((await store.recordPractice(alice, answer)).status).toBe('recorded');
    expect(proxy.counts()).toEqual({ forwarded: 1, faulted: 2 });
    expect((await direct.getLearner(alice)).totals?.answered).toBe(1);
  });

  it('stops retrying conflicts after a few tries, having written nothing', async () => {
    const { proxy, store, direct } = await storeBehindProxy();
    await direct.savePending(alice, { nonce: 'n1', questionId: 'q1', issuedAt: at }, 3600);
    proxy.faults.push(...Array<Fault>(TRANSACTION_ATTEMPTS).fill('conflict'));
    const error = await store.recordPractice(alice, answer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(proxy.counts().faulted).toBe(TRANSACTION_ATTEMPTS);
    expect((await direct.getLearner(alice)).totals).toBeUndefined();
  });

  it('gives up after the retries with StoreUnavailableError and writes nothing', async () => {
    const { proxy, store, direct } = await storeBehindProxy();
    await direct.savePending(alice, { nonce: 'n1', questionId: 'q1', issuedAt: at }, 3600);
    proxy.faults.push('server-error', 'server-error', 'server-error', 'server-error');
    const error = await store.recordPractice(alice, answer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).not.toBeInstanceOf(AnswerNotRecordedError);
    expect((await direct.getLearner(alice)).totals).toBeUndefined();
    // The answer can still be given once the store is back.
    expect((await store.recordPractice(alice, answer)).status).toBe('recorded');
  });

  // Regression: the SDK's request timeout only logged a warning unless told to throw, so a
  // DynamoDB that hung held the reply for as long as it hung.
  it('gives up on a DynamoDB that does not answer within the request timeout', async () => {
    const { tableName, endpoint } = await freshStore();
    const slow = await startSlowProxy(endpoint, 1500);
    closers.push(slow.close);
    const db = createDocumentClient(
      { tableName, endpoint: slow.endpoint, region: 'us-east-1' },
      { requestTimeoutMs: 200, maxAttempts: 1 },
    );
    const error = await new DynamoStore(db, tableName).getLearner(alice).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).cause).toMatchObject({ name: 'TimeoutError' });
  });
});
