import fc from 'fast-check';
import { expect } from 'vitest';

/**
 * Runs per property. Each run of a handler property is a real request (and often a DynamoDB
 * Local round trip), so this stays modest for a 2-core machine; fast-check prints the seed
 * and the shrunk counterexample of any failure, so a failure can be replayed.
 */
export const PROPERTY_RUNS = 60;

/** Characters that look like nothing, or like a space: direction marks, zero-width, controls. */
export const HOSTILE_SEPARATORS = [
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\u00a0', // no-break space
  '\u2028', // line separator
  '\u200b', // zero-width space
  '\u200e', // left-to-right mark
  '\u200f', // right-to-left mark
  '\u202e', // right-to-left override
  '\u2066', // left-to-right isolate
  '\u061c', // Arabic letter mark
  '\ufeff', // byte order mark
  '\u0000',
  '\u0007',
  '\u001b',
];

/**
 * Markup that would ping, link or format if it reached Slack or Discord unescaped: Slack's
 * special mentions and user-group mentions, Discord's @everyone and role mentions, disguised
 * links, and text that is already entity-encoded (which must not be decoded back).
 */
export const MENTIONS = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!here|here>',
  '<@U0BOB0001>',
  '<@W0BOB0001|bob>',
  '<!subteam^S0123ABCD>',
  '<!subteam^S0123ABCD|@devs>',
  '<!date^1392734382^{date}|Feb 18>',
  '<#C0123ABCD|general>',
  '<https://evil.example|docs.aws.amazon.com>',
  '@everyone',
  '@here',
  '@channel',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<@&123456789012345678>',
  '[Claim your prize](https://evil.example)',
  '&lt;!channel&gt;',
  '&amp;',
  '&',
  '<',
  '>',
  '*bold* _it_ ~s~ `code`',
  '```',
  '> quote',
];

const EMOJI = ['🚀', '👩\u200d💻', '🏳️\u200d🌈', '👍🏽', 'ﷺ', 'e\u0301', 'ＥＣ２', '🇬🇧'];
const WORDS = ['lambda', 'sqs', 'vs', 'sns', 'quiz', 'score', 'daily', 'on', 'leaderboard', 'x'];

/**
 * Text a hostile or careless user might type after `/aws`: mention markup, direction marks,
 * control characters, emoji and real command words, in any order.
 */
export function hostileText(maxParts = 12): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        fc.constantFrom(...MENTIONS),
        fc.constantFrom(...HOSTILE_SEPARATORS),
        fc.constantFrom(...EMOJI),
        fc.constantFrom(...WORDS),
        fc.string({ unit: 'grapheme', maxLength: 8 }),
      ),
      { maxLength: maxParts },
    )
    .map((parts) => parts.join(' '));
}

const NONCE = fc.stringMatching(/^[a-z0-9]{6,16}$/);
const ID = fc.stringMatching(/^[a-z0-9-]{1,60}$/);

/**
 * Button values a user could send by editing a click: shaped like our answer values (practice
 * `p:nonce:question:choice`, daily `d:date:choice`) but never issued, or plain junk.
 */
export function forgedAnswerValue(questionIds: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc
      .tuple(NONCE, fc.oneof(fc.constantFrom(...questionIds), ID), fc.integer({ min: 0, max: 9 }))
      .map(([nonce, question, choice]) => `p:${nonce}:${question}:${choice}`),
    fc
      .tuple(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 9 }),
      )
      .map(([date, choice]) => `d:${date.toISOString().slice(0, 10)}:${choice}`),
    fc.constantFrom('p:', 'd:', 'p::::', 'd:2026-13-45:0', 'p:<!channel>:x:0', '__proto__'),
    fc.string({ unit: 'binary', maxLength: 120 }),
  );
}

/** Fails if a response body gives away internals: stack frames or error class names. */
export function expectNoInternals(body: string | undefined): void {
  const text = body ?? '';
  expect(text).not.toMatch(/\n\s*at [^\n]*\(|\bat [\w.<>]+ \(\/|node:internal/);
  expect(text).not.toMatch(
    /\b(?:TypeError|SyntaxError|ReferenceError|RangeError|StoreUnavailableError|ConditionalCheckFailed\w*|TransactionCanceled\w*)\b/,
  );
}
