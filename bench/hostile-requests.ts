import { randomBytes } from 'node:crypto';
import type { DiscordSigner } from '../test/helpers/discord-request.js';
import { slackSignature } from '../test/helpers/slack-request.js';
import {
  type BenchUser,
  discordClick,
  discordCommand,
  discordHeaders,
  slackClickBody,
  slackCommandBody,
  slackHeaders,
} from './platform-requests.js';

export interface HostileRequest {
  kind: string;
  path: string;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** Text that must come back harmless: markup that pings or links, invisible characters. */
const NASTY_TEXT = [
  '<!channel> <!here> @everyone <@&123456789012345678>',
  '[Claim your prize](https://evil.example) <https://evil.example|docs.aws.amazon.com>',
  '\u202e\u200b\u0000\u001b lambda \ufeff',
  '💥'.repeat(500),
  'a'.repeat(5000),
  '%F0%9F%92%A5 %00 %ZZ',
];

export interface HostileContext {
  slackSecret: string;
  signer: DiscordSigner;
  user: BenchUser;
  responseUrl: string;
}

type Maker = (ctx: HostileContext, random: () => number) => HostileRequest;

const slackForm = 'application/x-www-form-urlencoded';

/**
 * Requests nobody should be able to hurt us with: bad or stale signatures, bodies that are not
 * what they claim, huge bodies, random bytes, forged buttons, hostile text in signed commands.
 * Each must get a 4xx, or a polite 200, and change no score.
 */
const MAKERS: Record<string, Maker> = {
  'slack: wrong secret': ({ user, responseUrl }) => {
    const body = slackCommandBody('score', user, responseUrl);
    return { kind: '', path: '/slack/events', headers: slackHeaders(body, 'not-the-secret'), body };
  },
  'slack: stale timestamp': ({ user, responseUrl, slackSecret }) => {
    const body = slackCommandBody('help', user, responseUrl);
    const old = String(Math.floor(Date.now() / 1000) - 600);
    const headers = {
      'content-type': slackForm,
      'x-slack-request-timestamp': old,
      'x-slack-signature': slackSignature(slackSecret, old, body),
    };
    return { kind: '', path: '/slack/events', headers, body };
  },
  'slack: unsigned': ({ user, responseUrl }) => ({
    kind: '',
    path: '/slack/events',
    headers: { 'content-type': slackForm },
    body: slackCommandBody('leaderboard', user, responseUrl),
  }),
  'slack: signed garbage': ({ slackSecret }, random) => {
    const body = randomBytes(64 + Math.floor(random() * 512)).toString('latin1');
    return { kind: '', path: '/slack/events', headers: slackHeaders(body, slackSecret), body };
  },
  'slack: signed payload that is not JSON': ({ slackSecret }) => {
    const body = 'payload=%7Bnot%20json';
    return { kind: '', path: '/slack/events', headers: slackHeaders(body, slackSecret), body };
  },
  'slack: signed JSON that is not an object': ({ slackSecret }) => {
    const body = '[1,2,3]';
    const headers = { ...slackHeaders(body, slackSecret), 'content-type': 'application/json' };
    return { kind: '', path: '/slack/events', headers, body };
  },
  'slack: signed forged button': ({ slackSecret, user, responseUrl }, random) => {
    const values = ['p:zzzzzzzz:no-such-question:9', 'd:1999-01-01:1', 'q:../../etc', "c:'; DROP"];
    const value = values[Math.floor(random() * values.length)] as string;
    const body = slackClickBody({ action_id: 'aws:answer:0', value }, user, responseUrl);
    return { kind: '', path: '/slack/events', headers: slackHeaders(body, slackSecret), body };
  },
  'slack: signed hostile text': ({ slackSecret, user, responseUrl }, random) => {
    const text = NASTY_TEXT[Math.floor(random() * NASTY_TEXT.length)] as string;
    const body = slackCommandBody(text, user, responseUrl);
    return { kind: '', path: '/slack/events', headers: slackHeaders(body, slackSecret), body };
  },
  'slack: huge signed body (2 MB)': ({ slackSecret, user, responseUrl }) => {
    const body = slackCommandBody('x'.repeat(2 * 1024 * 1024), user, responseUrl);
    return { kind: '', path: '/slack/events', headers: slackHeaders(body, slackSecret), body };
  },
  'discord: bad signature': ({ user }) => {
    const body = JSON.stringify(discordCommand(user, 'score'));
    const headers = {
      'content-type': 'application/json',
      'x-signature-ed25519': 'ab'.repeat(64),
      'x-signature-timestamp': String(Math.floor(Date.now() / 1000)),
    };
    return { kind: '', path: '/discord/interactions', headers, body };
  },
  'discord: signature of another body': ({ user, signer }) => {
    const headers = discordHeaders(JSON.stringify({ type: 1 }), signer);
    const body = JSON.stringify(discordCommand(user, 'leaderboard'));
    return { kind: '', path: '/discord/interactions', headers, body };
  },
  'discord: random bytes': (_, random) => ({
    kind: '',
    path: '/discord/interactions',
    headers: { 'content-type': random() < 0.5 ? 'application/octet-stream' : 'application/json' },
    body: new Uint8Array(randomBytes(1 + Math.floor(random() * 4096))),
  }),
  'discord: signed malformed JSON': ({ signer }) => {
    const body = '{"type": 2, "data": {"name": "aws", "options": [';
    return { kind: '', path: '/discord/interactions', headers: discordHeaders(body, signer), body };
  },
  'discord: signed wrong shape': ({ signer }, random) => {
    const shapes = ['[]', 'null', '"x"', '{"type":99}', '{"type":2}', '{"type":3,"data":{}}'];
    const body = shapes[Math.floor(random() * shapes.length)] as string;
    return { kind: '', path: '/discord/interactions', headers: discordHeaders(body, signer), body };
  },
  'discord: signed forged button': ({ signer, user }) => {
    const body = JSON.stringify(discordClick(user, 'p:aaaaaaaa:made-up:3'));
    return { kind: '', path: '/discord/interactions', headers: discordHeaders(body, signer), body };
  },
  'discord: huge signed body (3 MB)': ({ signer, user }) => {
    const body = JSON.stringify(discordCommand(user, 'search', { query: 'y'.repeat(3 << 20) }));
    return { kind: '', path: '/discord/interactions', headers: discordHeaders(body, signer), body };
  },
  'any: unknown route': () => ({
    kind: '',
    path: '/admin/../../etc/passwd',
    headers: { 'content-type': 'text/plain' },
    body: 'hello',
  }),
};

const KINDS = Object.keys(MAKERS);

/** The `n`-th hostile request: every kind in turn, details drawn from `random`. */
export function hostileRequest(
  n: number,
  ctx: HostileContext,
  random: () => number,
): HostileRequest {
  const kind = KINDS[n % KINDS.length] as string;
  return { ...(MAKERS[kind] as Maker)(ctx, random), kind };
}
