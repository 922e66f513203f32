import { describe, expect, it } from 'vitest';
import {
  type Command,
  cleanInput,
  MAX_COMMAND_LENGTH,
  parseCommand,
} from '../../src/tutor/parse-command.js';
import { seededRandom } from '../helpers/test-deps.js';

const LEADERBOARD_USAGE = {
  kind: 'usage',
  message: 'Use `/aws leaderboard week`, `/aws leaderboard month` or `/aws leaderboard all`.',
};
const DAILY_USAGE = {
  kind: 'usage',
  message:
    'Use `/aws daily on`, `/aws daily off` or `/aws daily status`; `/aws daily recap on|off` for the weekly recap.',
};

/** Every string a command carries, so hostile-input tests can check them all. */
function stringsOf(command: Command): string[] {
  return Object.values(command).filter((v): v is string => typeof v === 'string');
}

describe('Function: parseCommand', () => {
  describe('help', () => {
    it.each(['', '   ', 'help', 'HELP', '?', 'commands', '/aws', '/aws help', '/aws ?'])(
      'returns help when the text is %j',
      (text) => {
        expect(parseCommand(text)).toEqual({ kind: 'help' });
      },
    );

    it('returns help when the text is only control characters', () => {
      expect(parseCommand('\u0000\u202e\u200f\t\n')).toEqual({ kind: 'help' });
    });
  });

  describe('topics', () => {
    it('returns topics without a topic when there is no argument', () => {
      expect(parseCommand('topics')).toEqual({ kind: 'topics' });
    });

    it('returns topics with the argument as the topic when there is one', () => {
      expect(parseCommand('topics global infrastructure')).toEqual({
        kind: 'topics',
        topic: 'global infrastructure',
      });
    });

    it('accepts topic as a synonym of topics', () => {
      expect(parseCommand('Topic networking')).toEqual({ kind: 'topics', topic: 'networking' });
    });
  });

  describe('search', () => {
    it.each(['search', 'find', 'lookup', 'search   '])(
      'returns a usage message when %j has no argument',
      (text) => {
        expect(parseCommand(text)).toEqual({
          kind: 'usage',
          message: 'Tell me what to look up, for example `/aws search sqs`.',
        });
      },
    );

    it.each(['search', 'find', 'lookup'])('searches for the argument after %j', (prefix) => {
      expect(parseCommand(`${prefix} security groups`)).toEqual({
        kind: 'search',
        query: 'security groups',
        truncated: false,
      });
    });

    it('searches for the whole text when it is no known command', () => {
      expect(parseCommand('what is a subnet')).toEqual({
        kind: 'search',
        query: 'what is a subnet',
        truncated: false,
      });
    });

    it('collapses runs of white space in the query', () => {
      expect(parseCommand('  elastic \t  load\n balancing ')).toEqual({
        kind: 'search',
        query: 'elastic load balancing',
        truncated: false,
      });
    });

    it('compares when a search prefix is followed by "x vs y"', () => {
      expect(parseCommand('search sqs vs sns')).toMatchObject({
        kind: 'compare',
        sides: ['sqs', 'sns'],
        loose: false,
      });
    });
  });

  describe('compare', () => {
    it.each([
      ['sqs vs sns', 'sqs', 'sns'],
      ['SQS VS SNS', 'SQS', 'SNS'],
      ['sqs vs. sns', 'sqs', 'sns'],
      ['sqs v sns', 'sqs', 'sns'],
      ['network acl versus security group', 'network acl', 'security group'],
      ['sqs compared to sns', 'sqs', 'sns'],
      ['sqs compared with sns', 'sqs', 'sns'],
      ['difference between regions and availability zones', 'regions', 'availability zones'],
      ['the difference between ec2 and lambda?', 'ec2', 'lambda'],
      ['differences between sqs and sns', 'sqs', 'sns'],
      ['compare ecs and eks', 'ecs', 'eks'],
      ['compare ecs with eks', 'ecs', 'eks'],
      ['compare ecs to eks', 'ecs', 'eks'],
      ['sqs vs sns?', 'sqs', 'sns'],
      ['when should i use sqs instead of sns', 'sqs', 'sns'],
      ['when to use ecs rather than eks?', 'ecs', 'eks'],
      ['when would i use lambda over fargate', 'lambda', 'fargate'],
    ])('compares when the text is %j', (text, left, right) => {
      expect(parseCommand(text)).toEqual({
        kind: 'compare',
        sides: [left, right],
        loose: false,
        text,
      });
    });

    it.each([
      ['sqs vs sns vs eventbridge', ['sqs', 'sns', 'eventbridge']],
      ['compare ebs, efs and s3', ['ebs', 'efs', 's3']],
      [
        'difference between shield, waf and firewall manager',
        ['shield', 'waf', 'firewall manager'],
      ],
    ])('compares three at once when the text is %j', (text, sides) => {
      expect(parseCommand(text)).toMatchObject({ kind: 'compare', sides, loose: false });
    });

    it('compares at most three, dropping the rest', () => {
      expect(parseCommand('a1 vs b2 vs c3 vs d4')).toMatchObject({ sides: ['a1', 'b2', 'c3'] });
    });

    it.each([
      ['sqs or sns', ['sqs', 'sns']],
      ['should i use dynamodb or rds?', ['dynamodb', 'rds']],
      ['which is better: spot or on-demand', ['spot', 'on-demand']],
    ])('reads %j as a loose comparison, only if both are concepts', (text, sides) => {
      expect(parseCommand(text)).toEqual({ kind: 'compare', sides, loose: true, text });
    });

    it('searches when "vs" is part of a word rather than a separator', () => {
      expect(parseCommand('vpc vsphere')).toEqual({
        kind: 'search',
        query: 'vpc vsphere',
        truncated: false,
      });
    });

    it('searches when "vs" has nothing on one side', () => {
      expect(parseCommand('vs sns')).toEqual({ kind: 'search', query: 'vs sns', truncated: false });
    });
  });

  describe('quiz', () => {
    it.each(['quiz', 'practice', 'Quiz'])('returns quiz without a topic for %j', (text) => {
      expect(parseCommand(text)).toEqual({ kind: 'quiz' });
    });

    it('returns quiz with the topic when one is given', () => {
      expect(parseCommand('quiz networking')).toEqual({ kind: 'quiz', topic: 'networking' });
    });
  });

  describe('score', () => {
    it.each(['score', 'stats', 'me', 'SCORE'])('returns score for %j', (text) => {
      expect(parseCommand(text)).toEqual({ kind: 'score' });
    });
  });

  describe('leaderboard', () => {
    it.each([
      'leaderboard',
      'top',
      'scores',
      'leaderboard week',
      'leaderboard weekly',
      'leaderboard this week',
    ])('returns the weekly leaderboard for %j', (text) => {
      expect(parseCommand(text)).toEqual({ kind: 'leaderboard', period: 'week' });
    });

    it.each([
      'leaderboard all',
      'leaderboard ALL',
      'leaderboard all-time',
      'leaderboard all time',
      'leaderboard alltime',
      'top ever',
    ])('returns the all-time leaderboard for %j', (text) => {
      expect(parseCommand(text)).toEqual({ kind: 'leaderboard', period: 'all' });
    });

    it.each(['leaderboard month', 'leaderboard monthly', 'top this month'])(
      'returns the monthly leaderboard for %j',
      (text) => {
        expect(parseCommand(text)).toEqual({ kind: 'leaderboard', period: 'month' });
      },
    );

    it.each(['leaderboard november', 'leaderboard 2026', 'leaderboard all week'])(
      'returns a usage message for %j',
      (text) => {
        expect(parseCommand(text)).toEqual(LEADERBOARD_USAGE);
      },
    );
  });

  it('parses `team`', () => {
    expect(parseCommand('team')).toEqual({ kind: 'team' });
  });

  describe('daily', () => {
    it.each([
      ['daily on', 'on'],
      ['daily ON', 'on'],
      ['daily off', 'off'],
      ['daily status', 'status'],
      ['daily', 'status'],
      ['daily recap on', 'recap on'],
      ['daily recap  OFF', 'recap off'],
    ])('returns daily %j as %s', (text, action) => {
      expect(parseCommand(text)).toEqual({ kind: 'daily', action });
    });

    it.each(['daily maybe', 'daily on please', 'daily 1', 'daily recap', 'daily recap maybe'])(
      'returns a usage message for %j',
      (text) => {
        expect(parseCommand(text)).toEqual(DAILY_USAGE);
      },
    );
  });

  describe('hostile input', () => {
    it('cuts 10,000 characters to MAX_COMMAND_LENGTH and says it did', () => {
      const command = parseCommand('a'.repeat(10_000));

      expect(command).toEqual({
        kind: 'search',
        query: 'a'.repeat(MAX_COMMAND_LENGTH),
        truncated: true,
      });
    });

    it('flags a long search after the search prefix as truncated', () => {
      const command = parseCommand(`search ${'b'.repeat(10_000)}`);

      expect(command).toMatchObject({ kind: 'search', truncated: true });
      expect(Array.from((command as { query: string }).query).length).toBeLessThanOrEqual(
        MAX_COMMAND_LENGTH,
      );
    });

    it('does not flag text of exactly MAX_COMMAND_LENGTH characters', () => {
      expect(parseCommand('c'.repeat(MAX_COMMAND_LENGTH))).toEqual({
        kind: 'search',
        query: 'c'.repeat(MAX_COMMAND_LENGTH),
        truncated: false,
      });
    });

    it('counts an emoji as one character when cutting, so none is split in half', () => {
      const command = parseCommand('🚀'.repeat(10_000));

      expect(command).toEqual({
        kind: 'search',
        query: '🚀'.repeat(MAX_COMMAND_LENGTH),
        truncated: true,
      });
    });

    it('removes right-to-left override and right-to-left marks', () => {
      expect(parseCommand('\u202elambda\u200f')).toEqual({
        kind: 'search',
        query: 'lambda',
        truncated: false,
      });
    });

    it('treats a right-to-left mark between words as a space', () => {
      expect(parseCommand('quiz\u200fnetworking')).toEqual({ kind: 'quiz', topic: 'networking' });
    });

    it('keeps emoji in the query', () => {
      expect(parseCommand('lambda 🚀')).toEqual({
        kind: 'search',
        query: 'lambda 🚀',
        truncated: false,
      });
    });

    it('removes NUL bytes', () => {
      expect(parseCommand('nat\u0000gateway\u0000')).toEqual({
        kind: 'search',
        query: 'nat gateway',
        truncated: false,
      });
    });

    it('removes zero-width spaces and byte order marks', () => {
      expect(parseCommand('\ufeffhe\u200blp')).toEqual({
        kind: 'search',
        query: 'he lp',
        truncated: false,
      });
    });

    it('removes a lone surrogate', () => {
      expect(parseCommand('\ud800dynamodb')).toEqual({
        kind: 'search',
        query: 'dynamodb',
        truncated: false,
      });
    });

    it('never throws and never returns control characters for random strings', () => {
      const random = seededRandom(2026);
      const alphabet = [
        ...'abcxyz -?/.:',
        ' vs ',
        ' and ',
        'difference between ',
        'compare ',
        'search ',
        'daily ',
        'leaderboard ',
        'quiz ',
        '/aws ',
        '\u0000',
        '\u202e',
        '\u200f',
        '\u200b',
        '\ufeff',
        '\t',
        '\n',
        '\ud800',
        '\udfff',
        '🚀',
        '👩\u200d💻',
        'ﷺ',
        'é',
        'e\u0301',
      ];
      const allowed = [
        'help',
        'topics',
        'search',
        'compare',
        'quiz',
        'score',
        'leaderboard',
        'daily',
        'usage',
      ];
      for (let i = 0; i < 400; i++) {
        const length = Math.floor(random() * 300);
        let text = '';
        for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];

        const command = parseCommand(text);

        expect(allowed).toContain(command.kind);
        for (const value of stringsOf(command)) {
          // The zero-width joiner is kept on purpose: it holds multi-part emoji together.
          expect(value).not.toMatch(/(?!\u200d)[\p{Cc}\p{Cf}\p{Cs}]/u);
          expect(Array.from(value).length).toBeLessThanOrEqual(MAX_COMMAND_LENGTH);
        }
      }
    });
  });
});

describe('Function: parseCommand (regressions)', () => {
  it('keeps a leading "aws" that belongs to the query, stripping only "/aws"', () => {
    expect(parseCommand('aws cli')).toEqual({ kind: 'search', query: 'aws cli', truncated: false });
  });

  it('reads "compare x vs y" as a comparison of x and y', () => {
    expect(parseCommand('compare sqs vs sns')).toMatchObject({
      kind: 'compare',
      sides: ['sqs', 'sns'],
    });
  });

  it('finds "difference between x and y" inside a question', () => {
    expect(parseCommand('what is the difference between sqs and sns?')).toMatchObject({
      kind: 'compare',
      sides: ['sqs', 'sns'],
      loose: false,
    });
  });

  it('keeps emoji joined by a zero-width joiner', () => {
    expect(parseCommand('👩\u200d💻 lambda')).toMatchObject({ query: '👩\u200d💻 lambda' });
  });
});

describe('Function: cleanInput', () => {
  it('replaces control and format characters with spaces and collapses them', () => {
    expect(cleanInput('a\u0000\u0000b\u202ec')).toBe('a b c');
  });

  it('normalises compatibility characters to their plain form', () => {
    expect(cleanInput('ＥＣ２')).toBe('EC2');
  });

  it('trims the result', () => {
    expect(cleanInput('  \u200f sqs \u200f ')).toBe('sqs');
  });
});
