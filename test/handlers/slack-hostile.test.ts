import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietLogs } from '../helpers/capture-logs.js';
import {
  expectNoInternals,
  forgedAnswerValue,
  hostileText,
  MENTIONS,
  PROPERTY_RUNS,
} from '../helpers/hostile-input.js';
import { expectEscaped, expectWithinSlackLimits, textsOf } from '../helpers/slack-blocks.js';
import { type SlackHandlerHarness, startSlackHandler, USERS } from '../helpers/slack-handler.js';
import {
  actionEvent,
  commandEvent,
  loadSlackEvent,
  nowSeconds,
  rawBodyOf,
  signEvent,
} from '../helpers/slack-request.js';
import { content } from '../helpers/test-deps.js';

// biome-ignore lint/suspicious/noExplicitAny: replies are inspected as the JSON Slack receives
type Json = any;

const CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=utf-8',
  'application/json',
  'APPLICATION/JSON; charset=UTF-8',
  'text/plain',
  'multipart/form-data; boundary=xyz',
  '',
  undefined,
  '\u0000;;;',
];

/** An event like the command fixture's, with `body` (sent base64 or not) and `contentType`. */
function eventWith(
  body: string | Uint8Array,
  contentType: string | undefined,
  base64: boolean,
): APIGatewayProxyEventV2 {
  const template = loadSlackEvent('command');
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
  const { 'content-type': _type, ...headers } = template.headers;
  return {
    ...template,
    isBase64Encoded: base64,
    body: base64 ? bytes.toString('base64') : bytes.toString('utf8'),
    headers: {
      ...headers,
      ...(contentType === undefined ? {} : { 'content-type': contentType }),
      'content-length': String(bytes.length),
    },
  };
}

/** Bodies a broken or hostile client might send: real ones cut short, junk, odd shapes. */
const realCommand = rawBodyOf(loadSlackEvent('command'));
const realAction = rawBodyOf(loadSlackEvent('block-actions'));
const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const body = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.nat({ max: realCommand.length }).map((n) => realCommand.slice(0, n)),
  fc.nat({ max: realAction.length }).map((n) => realAction.slice(0, n)),
  fc.json({ maxDepth: 4 }),
  fc.json({ maxDepth: 3 }).map((j) => `payload=${encodeURIComponent(j)}`),
  fc
    .dictionary(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'type', 'command', 'payload', 'x'),
      fc.json({ maxDepth: 2 }).map((j) => JSON.parse(j) as unknown),
      { maxKeys: 4 },
    )
    .map((fields) => {
      // Written by hand: JSON.stringify would drop a `__proto__` key set by assignment.
      const json = `{${Object.entries(fields)
        .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`)
        .join(',')}}`;
      return `payload=${encodeURIComponent(json)}`;
    }),
  fc
    .array(
      fc.tuple(
        fc.constantFrom('__proto__', 'constructor', 'command', 'text', 'team_id', 'user_id', 'x'),
        fc.string({ maxLength: 20 }),
      ),
      { maxLength: 6 },
    )
    .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')),
  fc.constantFrom(
    `payload=${encodeURIComponent(deep(5000))}`,
    deep(5000),
    `payload=${encodeURIComponent('{"type":"view_submission","user":{"id":"U1"}}')}`,
    `payload=${encodeURIComponent('{"type":"shortcut","callback_id":"x"}')}`,
    `payload=${encodeURIComponent('{"type":"block_suggestion","action_id":"aws:x"}')}`,
    `payload=${encodeURIComponent('{"type":"block_actions","actions":[{"action_id":"aws:answer:0"}]}')}`,
    '{"type":"event_callback","event":{"type":"app_mention","text":"<!channel>"}}',
    '{"type":"url_verification"}',
  ),
);

describe('Handler: slack (hostile input)', () => {
  let h: SlackHandlerHarness;
  // Bolt and the handlers log every refusal on purpose; keep the test output readable.
  quietLogs();
  beforeAll(async () => {
    h = await startSlackHandler();
  });
  afterAll(() => h.stop());

  it('refuses every unsigned or wrongly signed request with 401, whatever it carries', async () => {
    const signing = fc.constantFrom(
      'none',
      'wrong secret',
      'other body',
      'stale',
      'future',
      'junk header',
    );
    await fc.assert(
      fc.asyncProperty(
        body.filter((b) => !String(b).includes('ssl_check')),
        fc.constantFrom(...CONTENT_TYPES),
        fc.boolean(),
        signing,
        async (raw, contentType, base64, how) => {
          const event = eventWith(raw, contentType, base64);
          const now = Number(nowSeconds());
          let sent: APIGatewayProxyEventV2 = event;
          if (how === 'wrong secret')
            sent = signEvent(event, { secret: 'not-ours-0123456789abcdef' });
          if (how === 'stale') sent = signEvent(event, { timestamp: String(now - 6 * 60) });
          if (how === 'future') sent = signEvent(event, { timestamp: String(now + 6 * 60) });
          if (how === 'other body') {
            // A valid signature, made for a different body.
            const other = signEvent(eventWith(`${rawBodyOf(event)}x`, contentType, base64));
            sent = { ...event, headers: { ...event.headers, ...pick(other.headers) } };
          }
          if (how === 'junk header') {
            sent = {
              ...event,
              headers: {
                ...event.headers,
                'x-slack-signature': `v0=${'0'.repeat(64)}`,
                'x-slack-request-timestamp': `${now}; DROP TABLE`,
              },
            };
          }
          const res = await h.invoke(sent);
          expect(res.status).toBe(401);
          expectNoInternals(res.body);
        },
      ),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('answers every signed request with a 4xx or a polite 200: never a 5xx or a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom(...CONTENT_TYPES),
        fc.boolean(),
        async (raw, contentType, base64) => {
          const res = await h.invoke(signEvent(eventWith(raw, contentType, base64)));
          expect(res.status).toBeLessThan(500);
          expectNoInternals(res.body);
          if (res.json?.blocks) expectWithinSlackLimits(res.json);
        },
      ),
      { numRuns: PROPERTY_RUNS * 2 },
    );
    // A `__proto__` key in a form or JSON body must never reach Object.prototype.
    expect(({} as Record<string, unknown>).type).toBeUndefined();
    expect(({} as Record<string, unknown>).command).toBeUndefined();
  });

  it('handles a 1 MB body, a 100,000-character command and 50,000-deep JSON without a 5xx', async () => {
    const huge = [
      commandEvent({ text: `lambda ${'x'.repeat(100_000)}` }),
      signEvent(eventWith(`text=${'a'.repeat(1_000_000)}`, CONTENT_TYPES[0], true)),
      signEvent(eventWith(`payload=${encodeURIComponent(deep(50_000))}`, CONTENT_TYPES[0], true)),
      signEvent(eventWith(deep(50_000), 'application/json', false)),
    ];
    for (const event of huge) {
      const res = await h.invoke(event);
      expect(res.status).toBeLessThan(500);
      expectNoInternals(res.body);
    }
  });

  it('escapes whatever is typed and whoever types it: no mention, ping or link gets through', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileText(),
        fc.constantFrom('alice', ...MENTIONS),
        async (text, userName) => {
          const res = await h.invoke(
            commandEvent({ text, user_id: USERS.bob, user_name: userName }),
          );
          expect(res.status).toBe(200);
          expectWithinSlackLimits(res.json); // checks every text is escaped too
          for (const mention of ['<!channel>', '<!here>', '<!everyone>', '<!subteam^', '<@U']) {
            expect(JSON.stringify(res.json)).not.toContain(mention);
          }
        },
      ),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('escapes a hostile user name on a card shared to the channel', async () => {
    const card = (await h.invoke(commandEvent({ text: 'lambda' }))).json as Json;
    const share = card.blocks
      .filter((b: Json) => b.type === 'actions')
      .flatMap((b: Json) => b.elements)
      .find((b: Json) => b.value.startsWith('s:'));
    const res = await h.invoke(
      actionEvent((p) => {
        p.actions[0].action_id = share.action_id;
        p.actions[0].value = share.value;
        p.response_url = h.fake.responseUrl('hostile-share');
        p.user = { ...p.user, username: '<!channel> <@U0BOB0001> &lt;!here&gt;' };
      }),
    );
    expect(res.status).toBe(200);
    const [shared] = h.fake.posted('hostile-share') as Json[];
    expect(shared.response_type).toBe('in_channel');
    for (const text of textsOf(shared)) expectEscaped(text);
    expect(JSON.stringify(shared)).toContain('&lt;!channel&gt;');
  });

  it('answers clicks carrying values we never issued privately and politely, and scores nothing', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(forgedAnswerValue(content.questions.map((q) => q.id)), async (value) => {
        const id = `forged-${n++}`;
        const res = await h.invoke(
          actionEvent((p) => {
            p.actions[0].action_id = 'aws:answer:0';
            p.actions[0].value = value;
            p.response_url = h.fake.responseUrl(id);
          }),
        );
        expect(res.status).toBe(200);
        expect(res.body).toBe('');
        const posted = h.fake.posted(id) as Json[];
        expect(posted).toHaveLength(1);
        expect(posted[0].response_type).toBe('ephemeral');
        const shown = JSON.stringify(posted[0].blocks);
        expect(shown).not.toMatch(/Correct!|Not quite|points/);
        expectNoInternals(shown);
      }),
      { numRuns: PROPERTY_RUNS },
    );
    const alice = await h.store.getLearner({
      platform: 'slack',
      workspaceId: 'T0AWSTUTOR',
      userId: USERS.alice,
    });
    expect(alice.totals).toBeUndefined();
    expect(alice.cards).toEqual([]);
  });
});

/** Only the two Slack signature headers of `headers`. */
function pick(headers: APIGatewayProxyEventV2['headers']) {
  return {
    'x-slack-signature': headers['x-slack-signature'],
    'x-slack-request-timestamp': headers['x-slack-request-timestamp'],
  };
}
