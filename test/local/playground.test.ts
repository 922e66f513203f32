import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

/** Runs the playground as `npm start` does, with `input` piped to it. */
function play(input: string, args: string[] = [], env: Record<string, string> = {}) {
  const result = spawnSync(tsx, ['src/local/playground.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('Program: playground', () => {
  it('answers piped commands and exits 0 at end of input, without starting a database', () => {
    const { code, out, err } = play('help\nlamda\ntopics\n', [], {
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
    });
    expect(code).toBe(0);
    expect(out).toContain('AWS tutor');
    expect(out).toContain('AWS Lambda');
    expect(out).toContain('Topics: ');
    expect(err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('gives a clear answer to bad input, never a stack trace', () => {
    const hostile = [
      '',
      'x'.repeat(10_000),
      '🚀🔥',
      '\u0000\u0007\u202e lambda',
      '<!channel> @everyone',
    ];
    const { code, out, err } = play(`${hostile.join('\n')}\n`, [], {
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
    });
    expect(code).toBe(0);
    expect(out).toContain('first 200 characters');
    expect(out).toContain('AWS Lambda');
    expect(`${out}${err}`).not.toMatch(/Error:| {4}at /);
  });

  it('answers a quiz by number and shows the score', () => {
    const env = { DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), TABLE_NAME: `play-${randomUUID()}` };
    const { code, out } = play('quiz\n1\nscore\n', ['--user', 'alice'], env);
    expect(code).toBe(0);
    expect(out).toMatch(/Correct!|Not quite/);
    expect(out).toMatch(/Answered:\s+1/);
  });

  it('builds a local leaderboard from several users', () => {
    const env = { DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), TABLE_NAME: `play-${randomUUID()}` };
    play('daily\n1\n', ['--user', 'alice'], env);
    play('daily\n2\n', ['--user', 'bob'], env);
    const { out } = play('leaderboard all\n', ['--user', 'carol'], env);
    expect(out).toContain('alice');
    expect(out).toContain('bob');
  });

  it("shows the daily question's live count after each answer, and not after a double click", () => {
    const env = { DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), TABLE_NAME: `play-${randomUUID()}` };
    // `daily` again shows the channel's question (with its count) and its buttons to click.
    const input = 'daily\n1\ndaily\n1\nas bob\ndaily\n2\n';
    const { code, out } = play(input, ['--user', 'alice'], env);
    expect(code).toBe(0);
    expect(out).toContain('No answers yet. Be the first!');
    expect(out).toContain('[channel message updated] 1 answered so far');
    expect(out).toContain('[channel message updated] 2 answered so far');
    expect(out.match(/\[channel message updated\]/g)).toHaveLength(2);
    expect(out).toContain('already answered');
  });
});
