import { describe, expect, it } from 'vitest';
import { type RequestBudget, startBudget } from '../../src/app/request-budget.js';
import { createSlackHandler } from '../../src/slack/slack-app.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { freshStore } from '../helpers/dynamo.js';
import { commandEvent, TEST_SIGNING_SECRET } from '../helpers/slack-request.js';
import { testDeps } from '../helpers/test-deps.js';

/** A budget with nothing left: every signal it gives has already fired. */
const spent: RequestBudget = { until: () => AbortSignal.abort(), remainingMs: () => 0 };

describe('Function: createSlackHandler (the request budget)', () => {
  it('hands the listeners the budget it is given with the request, not one of its own', async () => {
    const { store } = await freshStore();
    const handle = createSlackHandler({
      config: {
        signingSecret: TEST_SIGNING_SECRET,
        botToken: 'xoxb-budget',
        apiUrl: 'http://127.0.0.1:9/api/',
        adminUserIds: [],
      },
      tutor: createTutor(testDeps({ storeImpl: store })),
      log: { info: () => {}, error: () => {} },
    });
    const late = await handle(commandEvent({ text: 'score' }), undefined, spent);
    expect(late.body).toMatch(/couldn't reach the score store/);
    const timely = await handle(commandEvent({ text: 'score' }), undefined, startBudget(2500));
    expect(timely.body).toMatch(/Your score/);
    expect(timely.body).not.toMatch(/couldn't reach/);
  });
});
