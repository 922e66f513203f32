import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startBudget } from '../../src/app/request-budget.js';
import { AnswerNotRecordedError, StoreUnavailableError } from '../../src/errors.js';
import { createDocumentClient } from '../../src/store/dynamo-client.js';
import { DynamoStore } from '../../src/store/dynamo-store.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { freshStore } from '../helpers/dynamo.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { asker, testDeps } from '../helpers/test-deps.js';

describe('Function: startBudget', () => {
  it('counts down from its start, never below zero', () => {
    let now = 1_000;
    const budget = startBudget(2500, () => now);
    expect(budget.remainingMs()).toBe(2500);
    now += 1800;
    expect(budget.remainingMs()).toBe(700);
    now += 5000;
    expect(budget.remainingMs()).toBe(0);
  });

  it('gives a signal that has already fired when the reserve is all that is left', async () => {
    let now = 0;
    const budget = startBudget(2500, () => now);
    now = 1800;
    const signal = budget.until(700);
    await new Promise((r) => setTimeout(r, 5));
    expect(signal.aborted).toBe(true);
    expect(budget.until(0).aborted).toBe(false);
  });
});

describe('Method: DynamoStore.within (one request deadline over every store call)', () => {
  let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
  let store: DynamoStore;

  beforeAll(async () => {
    const fresh = await freshStore();
    proxy = await startFaultProxy(inject('dynamoEndpoint'));
    const db = createDocumentClient(
      { tableName: fresh.tableName, endpoint: proxy.endpoint, region: 'us-east-1' },
      {},
    );
    store = new DynamoStore(db, fresh.tableName);
  });
  afterAll(() => proxy.close());

  it('stops the calls of a request whose deadline has passed, without sending them', async () => {
    const before = proxy.counts().forwarded;
    const error = await store
      .within(AbortSignal.abort())
      .getLearner({ platform: 'slack', workspaceId: 'T1', userId: 'U1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(((error as Error).cause as Error).name).toBe('AbortError');
    expect(proxy.counts().forwarded).toBe(before);
    // An aborted write may or may not have landed: the person is told to click again.
    expect(new AnswerNotRecordedError(error).userMessage).toMatch(/can't tell whether/);
  });

  it('leaves calls alone while the deadline is ahead, and other requests unaffected', async () => {
    const before = proxy.counts().forwarded;
    const user = { platform: 'slack', workspaceId: 'T1', userId: 'U2' };
    await expect(store.within(AbortSignal.timeout(60_000)).getLearner(user)).resolves.toBeDefined();
    await expect(store.getLearner(user)).resolves.toBeDefined();
    expect(proxy.counts().forwarded).toBe(before + 2);
  });

  it('is what the tutor uses when an adapter passes a deadline', async () => {
    const tutor = createTutor(testDeps({ storeImpl: store }));
    const reply = await tutor.handleCommand(asker(), 'score', { deadline: AbortSignal.abort() });
    expect(reply.sections.join(' ')).toMatch(/couldn't reach the score store/);
    const fine = await tutor.handleCommand(asker(), 'score');
    expect(fine.title).toBe('Your score');
  });
});
