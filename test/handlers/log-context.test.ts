import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureLogs } from '../helpers/capture-logs.js';
import { loadEvent } from '../helpers/discord-request.js';
import { loadSlackEvent, signEvent } from '../helpers/slack-request.js';

const HANDLERS = [
  {
    name: 'slack',
    missing: 'SLACK_SIGNING_SECRET',
    load: () => import('../../src/handlers/slack.js'),
    event: () => signEvent(loadSlackEvent('url-verification')),
  },
  {
    name: 'discord',
    missing: 'DISCORD_PUBLIC_KEY',
    load: () => import('../../src/handlers/discord.js'),
    event: () => loadEvent('ping'),
  },
];

describe('Handlers: the invocation on every log line', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  // The request id used to sit in module-level state; Powertools' addContext is per invocation.
  it.each(HANDLERS)(
    '$name: tags each line with its request id, function name and cold start',
    async ({ name, missing, load, event }) => {
      vi.resetModules();
      // What Lambda sets; Powertools reports a cold start only on on-demand instances.
      vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
      vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'aws-tutor');
      // A missing setting makes each invocation log one line.
      vi.stubEnv(missing, '');
      const functionName = `aws-tutor-ci-${name}`;
      const logs = captureLogs();
      const { handler } = await load();
      for (const awsRequestId of ['req-1', 'req-2']) {
        await handler(event(), { awsRequestId, functionName } as Context);
      }
      logs.restore();

      const lines = logs.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.map((l) => [l.function_request_id, l.cold_start])).toEqual([
        ['req-1', true],
        ['req-2', false],
      ]);
      for (const line of lines) {
        expect(line).toMatchObject({ service: 'aws-tutor', function_name: functionName });
      }
    },
  );
});
