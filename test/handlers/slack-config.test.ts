import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSlackEvent, signEvent, TEST_SIGNING_SECRET } from '../helpers/slack-request.js';

describe('Handler: slack (settings)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('answers 500 and logs each missing setting by name, then works once they are set', async () => {
    vi.stubEnv('SLACK_SIGNING_SECRET', '');
    vi.stubEnv('SLACK_BOT_TOKEN', 'xoxb-test-token');
    vi.stubEnv('TABLE_NAME', '');
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => logged.push(line));
    const { handler } = await import('../../src/handlers/slack.js');
    const event = signEvent(loadSlackEvent('url-verification'));

    const noSecret = await handler(event);
    expect(noSecret.statusCode).toBe(500);
    expect(noSecret.body).not.toContain('SLACK_SIGNING_SECRET');
    expect(logged.at(-1)).toContain('"setting":"SLACK_SIGNING_SECRET"');

    // The table is checked at cold start too, not first on someone's quiz.
    vi.stubEnv('SLACK_SIGNING_SECRET', TEST_SIGNING_SECRET);
    expect((await handler(event)).statusCode).toBe(500);
    expect(logged.at(-1)).toContain('"setting":"TABLE_NAME"');

    vi.stubEnv('TABLE_NAME', 'aws-tutor-test');
    const ok = await handler(event);
    expect(ok.statusCode).toBe(200);
  });
});
