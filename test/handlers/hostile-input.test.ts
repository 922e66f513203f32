import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { InteractionResponseType } from 'discord-api-types/v10';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietLogs } from '../helpers/capture-logs.js';
import { type ChatDriver, PLATFORMS, type Seen } from '../helpers/chat-driver.js';
import {
  type DiscordHandlerHarness,
  type Interaction,
  startDiscordHandler,
} from '../helpers/discord-handler.js';
import { createDiscordSigner, interactionOf, loadEvent } from '../helpers/discord-request.js';
import {
  expectNoInternals,
  forgedAnswerValue,
  hostileText,
  MENTIONS,
  PROPERTY_RUNS,
} from '../helpers/hostile-input.js';
import type { LambdaAnswer } from '../helpers/lambda-harness.js';
import { expectEscaped, expectWithinSlackLimits, textsOf } from '../helpers/slack-blocks.js';
import { type SlackHandlerHarness, startSlackHandler } from '../helpers/slack-handler.js';
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

// ---- Slack: bodies of every shape and content type, signed or not ----

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
function slackEventWith(
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
const slackBody = fc.oneof(
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

/** Only the two Slack signature headers of `headers`. */
function pick(headers: APIGatewayProxyEventV2['headers']) {
  return {
    'x-slack-signature': headers['x-slack-signature'],
    'x-slack-request-timestamp': headers['x-slack-request-timestamp'],
  };
}

// ---- Discord: interactions of every shape, signed or not ----

const FIXTURES = [
  'ping',
  'command-help',
  'command-search',
  'command-quiz',
  'command-leaderboard',
  'command-daily-on',
  'component-answer',
  'autocomplete-search',
];

/** An event carrying `body` (bytes as sent), base64-encoded or not, unsigned. */
function discordEventWith(body: string | Uint8Array, base64: boolean): APIGatewayProxyEventV2 {
  const template = loadEvent('command-help');
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
  return {
    ...template,
    isBase64Encoded: base64,
    body: base64 ? bytes.toString('base64') : bytes.toString('utf8'),
    headers: { ...template.headers, 'content-length': String(bytes.length) },
  };
}

const deepOptions = (depth: number): unknown => {
  let options: unknown = [{ type: 3, name: 'query', value: 'lambda' }];
  for (let i = 0; i < depth; i++) options = [{ type: 1, name: 'search', options }];
  return options;
};

/** Interactions as Discord would never send them: every field of a real one, replaced. */
const strangeInteraction = fc
  .tuple(
    fc.constantFrom(...FIXTURES),
    fc.constantFrom('type', 'data', 'member', 'user', 'guild_id', 'channel_id', 'token', 'message'),
    fc.oneof(
      fc.integer({ min: -1, max: 100 }),
      fc.string({ unit: 'binary', maxLength: 50 }),
      fc.json({ maxDepth: 3 }).map((j) => JSON.parse(j) as unknown),
      fc.constantFrom(
        null,
        { __proto__: { type: 1 } },
        { component_type: 2, custom_id: '' },
        { component_type: 3, custom_id: 'p:aaaaaa:x:0', values: ['a'] },
        { name: 'aws', type: 1, options: deepOptions(2000) },
        { name: 'aws', type: 1, options: [{ type: 1, name: 'search', options: 5 }] },
        { name: 'aws', type: 2, options: [] },
        { user: { id: { $ne: null } } },
        { user: { id: '1', username: '@everyone' }, permissions: 'NaN' },
      ),
    ),
  )
  .map(([fixture, field, value]) => {
    const interaction = interactionOf(loadEvent(fixture));
    interaction[field] = value;
    return interaction;
  });

function toHeaders(signed: { signature: string; timestamp: string }) {
  return { 'x-signature-ed25519': signed.signature, 'x-signature-timestamp': signed.timestamp };
}

function withoutUndefined(headers: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined),
  );
}

/** Every message in a Discord answer must be unable to ping anyone, whatever text it carries. */
function expectNoDiscordPings(answer: LambdaAnswer) {
  const data = answer.json?.data;
  if (data && (data.content !== undefined || data.embeds !== undefined)) {
    expect(data.allowed_mentions).toEqual({ parse: [] });
  }
}

/** What differs between the platforms in these tests: how to forge, and what a safe answer is. */
interface HostileRow {
  /** Requests not signed by the platform, or signed wrongly, carrying anything. */
  forged(harness: ChatDriver['harness']): fc.Arbitrary<APIGatewayProxyEventV2>;
  /** The refusal, beyond its 401. */
  expectRefusal(answer: LambdaAnswer): void;
  /** Signed requests carrying junk, cut-off bodies and shapes the platform never sends. */
  signedJunk(harness: ChatDriver['harness']): fc.Arbitrary<APIGatewayProxyEventV2>;
  /** Whatever a signed request is answered with, it pings nobody and keeps the limits. */
  expectSafeAnswer(answer: LambdaAnswer): void;
  /** A reply to typed text: no mention, in whatever markup, can notify anyone. */
  expectNoPings(reply: Seen): void;
}

const ROWS: Record<'slack' | 'discord', HostileRow> = {
  slack: {
    forged: () => {
      const signing = fc.constantFrom(
        'none',
        'wrong secret',
        'other body',
        'stale',
        'future',
        'junk header',
      );
      return fc
        .tuple(
          slackBody.filter((b) => !String(b).includes('ssl_check')),
          fc.constantFrom(...CONTENT_TYPES),
          fc.boolean(),
          signing,
        )
        .map(([raw, contentType, base64, how]) => {
          const event = slackEventWith(raw, contentType, base64);
          const now = Number(nowSeconds());
          if (how === 'wrong secret')
            return signEvent(event, { secret: 'not-ours-0123456789abcdef' });
          if (how === 'stale') return signEvent(event, { timestamp: String(now - 6 * 60) });
          if (how === 'future') return signEvent(event, { timestamp: String(now + 6 * 60) });
          if (how === 'other body') {
            // A valid signature, made for a different body.
            const other = signEvent(slackEventWith(`${rawBodyOf(event)}x`, contentType, base64));
            return { ...event, headers: { ...event.headers, ...pick(other.headers) } };
          }
          if (how === 'junk header') {
            return {
              ...event,
              headers: {
                ...event.headers,
                'x-slack-signature': `v0=${'0'.repeat(64)}`,
                'x-slack-request-timestamp': `${now}; DROP TABLE`,
              },
            };
          }
          return event;
        });
    },
    expectRefusal: (answer) => expect(answer.body).toBe('invalid signature'),
    signedJunk: () =>
      fc
        .tuple(slackBody, fc.constantFrom(...CONTENT_TYPES), fc.boolean())
        .map(([raw, contentType, base64]) => signEvent(slackEventWith(raw, contentType, base64))),
    expectSafeAnswer: (answer) => {
      if (answer.json?.blocks) expectWithinSlackLimits(answer.json);
    },
    expectNoPings: (reply) => {
      // Within Slack's limits (checked by the driver) means every text is escaped too.
      for (const mention of ['<!channel>', '<!here>', '<!everyone>', '<!subteam^', '<@U']) {
        expect(reply.body).not.toContain(mention);
      }
    },
  },
  discord: {
    forged: (harness) => {
      const h = harness as DiscordHandlerHarness;
      const stranger = createDiscordSigner();
      const body = fc.oneof(
        fc.uint8Array({ maxLength: 300 }),
        fc.json({ maxDepth: 3 }),
        fc.constantFrom(...FIXTURES).map((f) => JSON.stringify(interactionOf(loadEvent(f)))),
      );
      const signing = fc.constantFrom(
        'none',
        'another key',
        'another body',
        'another timestamp',
        'truncated',
        'junk',
      );
      return fc.tuple(body, fc.boolean(), signing).map(([raw, base64, how]) => {
        const event = discordEventWith(raw, base64);
        const bytes = typeof raw === 'string' ? Buffer.from(raw) : Buffer.from(raw);
        const ours = h.signer.sign(bytes);
        const headers: Record<string, string | undefined> = {
          'x-signature-ed25519': ours.signature,
          'x-signature-timestamp': ours.timestamp,
        };
        if (how === 'none') headers['x-signature-ed25519'] = undefined;
        if (how === 'another key') Object.assign(headers, toHeaders(stranger.sign(bytes)));
        if (how === 'another body') {
          Object.assign(headers, toHeaders(h.signer.sign(Buffer.concat([bytes, Buffer.of(32)]))));
        }
        if (how === 'another timestamp') headers['x-signature-timestamp'] = `${ours.timestamp}1`;
        if (how === 'truncated') headers['x-signature-ed25519'] = ours.signature.slice(0, 126);
        if (how === 'junk') headers['x-signature-ed25519'] = 'zz'.repeat(64);
        return { ...event, headers: { ...event.headers, ...withoutUndefined(headers) } };
      });
    },
    expectRefusal: (answer) => expect(answer.json).toEqual({ error: 'invalid request signature' }),
    signedJunk: (harness) => {
      const h = harness as DiscordHandlerHarness;
      const body = fc.oneof(
        fc.uint8Array({ maxLength: 300 }),
        fc.json({ maxDepth: 4 }),
        fc.constantFrom(...FIXTURES).chain((f) => {
          const json = JSON.stringify(interactionOf(loadEvent(f)));
          return fc.nat({ max: json.length }).map((n) => json.slice(0, n));
        }),
        strangeInteraction.map((i) => JSON.stringify(i)),
        fc.constantFrom(
          '{"__proto__":{"type":1},"type":2}',
          `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
        ),
      );
      return fc
        .tuple(body, fc.boolean())
        .map(([raw, base64]) => h.signer.signEvent(discordEventWith(raw, base64)));
    },
    expectSafeAnswer: expectNoDiscordPings,
    expectNoPings: (reply) => {
      // Mentions are shown as typed; allowed_mentions (checked by the driver) disarms them.
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body).type).toBe(InteractionResponseType.ChannelMessageWithSource);
    },
  },
};

describe.each(PLATFORMS)('Handler: %s (hostile input)', (platform, start) => {
  const row = ROWS[platform];
  let d: ChatDriver;
  // The handlers log every refusal on purpose; keep the test output readable.
  quietLogs();
  beforeAll(async () => {
    d = await start();
  });
  afterAll(() => d.stop());

  it('refuses every unsigned or wrongly signed request with 401, whatever it carries', async () => {
    await fc.assert(
      fc.asyncProperty(row.forged(d.harness), async (event) => {
        const answer = await d.harness.invoke(event);
        expect(answer.status).toBe(401);
        expectNoInternals(answer.body);
        row.expectRefusal(answer);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('answers every signed request with a 4xx or a polite 200: never a 5xx or a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(row.signedJunk(d.harness), async (event) => {
        const answer = await d.harness.invoke(event);
        expect(answer.status).toBeLessThan(500);
        expect(answer.status).not.toBe(401);
        expectNoInternals(answer.body);
        row.expectSafeAnswer(answer);
      }),
      { numRuns: PROPERTY_RUNS * 2 },
    );
    // A `__proto__` key in a form or JSON body must never reach Object.prototype.
    expect(({} as Record<string, unknown>).type).toBeUndefined();
    expect(({} as Record<string, unknown>).command).toBeUndefined();
  });

  it('escapes whatever is typed and whoever types it: no mention, ping or link gets through', async () => {
    const user = d.user('hostile');
    await fc.assert(
      fc.asyncProperty(
        // Typed anywhere, or as the query, topic or quiz topic (those answers are private).
        fc.constantFrom('', 'search ', 'topics ', 'quiz '),
        fc.oneof(hostileText(), fc.string({ minLength: 5000, maxLength: 20_000 })),
        fc.constantFrom('alice', ...MENTIONS),
        async (where, text, name) => {
          const reply = await d.command(`${where}${text}`, { user, name });
          expect(reply.status).toBe(200);
          if (where) expect(reply.private).toBe(true);
          row.expectNoPings(reply);
        },
      ),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('answers clicks carrying values we never issued privately and politely, and scores nothing', async () => {
    const user = d.user('forger');
    await fc.assert(
      fc.asyncProperty(forgedAnswerValue(content.questions.map((q) => q.id)), async (value) => {
        const shown = await d.click(value, { user });
        expect(shown.status).toBe(200);
        expect(shown.private).toBe(true);
        expect(shown.text).not.toMatch(/Correct!|Not quite|points/);
        expectNoInternals(shown.text);
        expectNoInternals(shown.body);
      }),
      { numRuns: PROPERTY_RUNS },
    );
    const learner = await d.learner(user);
    expect(learner.totals).toBeUndefined();
    expect(learner.cards).toEqual([]);
  });
});

describe('Handler: slack (hostile input: huge bodies, shared cards)', () => {
  let h: SlackHandlerHarness;
  quietLogs();
  beforeAll(async () => {
    h = await startSlackHandler();
  });
  afterAll(() => h.stop());

  it('handles a 1 MB body, a 100,000-character command and 50,000-deep JSON without a 5xx', async () => {
    const huge = [
      commandEvent({ text: `lambda ${'x'.repeat(100_000)}` }),
      signEvent(slackEventWith(`text=${'a'.repeat(1_000_000)}`, CONTENT_TYPES[0], true)),
      signEvent(
        slackEventWith(`payload=${encodeURIComponent(deep(50_000))}`, CONTENT_TYPES[0], true),
      ),
      signEvent(slackEventWith(deep(50_000), 'application/json', false)),
    ];
    for (const event of huge) {
      const res = await h.invoke(event);
      expect(res.status).toBeLessThan(500);
      expectNoInternals(res.body);
    }
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
});

describe('Handler: discord (hostile input: interaction types)', () => {
  let h: DiscordHandlerHarness;
  quietLogs();
  beforeAll(async () => {
    h = await startDiscordHandler();
  });
  afterAll(() => h.stop());

  it('answers component types and interaction types we never use with a 4xx or a hint', async () => {
    const kinds: [string, (i: Interaction) => void][] = [
      ['a select menu', (i) => Object.assign(i.data, { component_type: 3, values: ['x'] })],
      ['a modal submit', (i) => Object.assign(i, { type: 5 })],
      ['an unknown type', (i) => Object.assign(i, { type: 99 })],
      ['a user command', (i) => Object.assign(i, { type: 2, data: { name: 'aws', type: 2 } })],
    ];
    for (const [, change] of kinds) {
      const res = await h.send('component-answer', change);
      expect(res.status).toBeLessThan(500);
      expectNoInternals(res.body);
      expectNoDiscordPings(res);
    }
  });
});
