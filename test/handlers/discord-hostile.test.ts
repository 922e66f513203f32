import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietLogs } from '../helpers/capture-logs.js';
import {
  DISCORD_FIXTURE,
  type DiscordAnswer,
  type DiscordHandlerHarness,
  type Interaction,
  startDiscordHandler,
  textOf,
} from '../helpers/discord-handler.js';
import { createDiscordSigner, interactionOf, loadEvent } from '../helpers/discord-request.js';
import {
  expectNoInternals,
  forgedAnswerValue,
  hostileText,
  MENTIONS,
  PROPERTY_RUNS,
} from '../helpers/hostile-input.js';
import { content } from '../helpers/test-deps.js';

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
function eventWith(body: string | Uint8Array, base64: boolean): APIGatewayProxyEventV2 {
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

/** Every message in an answer must never ping anyone, whatever text it carries. */
function expectNoPings(answer: DiscordAnswer) {
  const data = answer.json?.data;
  if (data && (data.content !== undefined || data.embeds !== undefined)) {
    expect(data.allowed_mentions).toEqual({ parse: [] });
  }
}

describe('Handler: discord (hostile input)', () => {
  let h: DiscordHandlerHarness;
  // Bolt and the handlers log every refusal on purpose; keep the test output readable.
  quietLogs();
  beforeAll(async () => {
    h = await startDiscordHandler();
  });
  afterAll(() => h.stop());

  it('refuses every unsigned or wrongly signed request with 401, whatever it carries', async () => {
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
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), signing, async (raw, base64, how) => {
        const event = eventWith(raw, base64);
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
        const res = await h.invoke({
          ...event,
          headers: { ...event.headers, ...withoutUndefined(headers) },
        });
        expect(res.status).toBe(401);
        expect(res.json).toEqual({ error: 'invalid request signature' });
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('answers signed junk and strange interactions with a 4xx or a polite 200, never a 5xx', async () => {
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
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (raw, base64) => {
        const res = await h.invoke(h.signer.signEvent(eventWith(raw, base64)));
        expect(res.status).toBeLessThan(500);
        expect(res.status).not.toBe(401);
        expectNoInternals(res.body);
        expectNoPings(res);
      }),
      { numRuns: PROPERTY_RUNS * 2 },
    );
    expect(({} as Record<string, unknown>).type).toBeUndefined();
  });

  it('never lets typed text or a nickname ping anyone, and keeps huge option values in bounds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(hostileText(), fc.string({ minLength: 5000, maxLength: 20_000 })),
        fc.constantFrom('Alice', ...MENTIONS),
        fc.constantFrom('command-search', 'command-topics', 'command-quiz'),
        async (text, nick, fixture) => {
          const res = await h.send(fixture, (i) => {
            const option = i.data.options[0].options?.[0];
            if (option) option.value = text;
            i.member.nick = nick;
          });
          expect(res.status).toBe(200);
          expect(res.json.type).toBe(InteractionResponseType.ChannelMessageWithSource);
          expectNoPings(res);
          expect(res.json.data.flags).toBe(MessageFlags.Ephemeral);
        },
      ),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('answers clicks with ids we never issued privately and politely, and scores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(forgedAnswerValue(content.questions.map((q) => q.id)), async (customId) => {
        const res = await h.send('component-answer', (i) => {
          i.data.custom_id = customId;
        });
        expect(res.status).toBe(200);
        expectNoPings(res);
        expect(res.json.data.flags).toBe(MessageFlags.Ephemeral);
        expect(textOf(res.json.data)).not.toMatch(/Correct!|Not quite|points/);
        expectNoInternals(res.body);
      }),
      { numRuns: PROPERTY_RUNS },
    );
    const alice = await h.store.getLearner({
      platform: 'discord',
      workspaceId: DISCORD_FIXTURE.guildId,
      userId: DISCORD_FIXTURE.aliceId,
    });
    expect(alice.totals).toBeUndefined();
  });

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
      expectNoPings(res);
    }
  });
});

function toHeaders(signed: { signature: string; timestamp: string }) {
  return { 'x-signature-ed25519': signed.signature, 'x-signature-timestamp': signed.timestamp };
}

function withoutUndefined(headers: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined),
  );
}
