import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

/** Runs the playground as `npm start` does, with `input` piped to it. */
function play(input: string, args: string[] = [], env: Record<string, string> = {}) {
  // As a person runs it: without the test run's own quieting of the SDK's Node notice.
  const { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: _, ...inherited } = process.env;
  const result = spawnSync(tsx, ['src/local/playground.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...inherited, ...env },
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
    const { code, out, err } = play('quiz serverless\n1\nscore\n', ['--user', 'alice'], env);
    expect(code).toBe(0);
    expect(out).toMatch(/Correct!|Not quite/);
    expect(out).toContain('Your score');
    // The SDK's notice about Node versions is for operators, not for someone trying the tutor.
    expect(err).not.toMatch(/NodeVersionSupportWarning/);
    expect(out).toMatch(/Answered:\s+1/);
  });

  it('builds a local leaderboard from several users: those who scored, by the daily run', () => {
    const env = { DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), TABLE_NAME: `play-${randomUUID()}` };
    play('daily on\ndaily\n1\n', ['--user', 'alice'], env);
    for (const [user, choice] of [
      ['bob', 2],
      ['carol', 3],
      ['dave', 4],
    ] as const) {
      play(`daily\n${choice}\n`, ['--user', user], env);
    }
    const { out } = play('leaderboard all\n', ['--user', 'erin'], env);
    // One of the four picked the right answer; the three who scored 0 are not on the board.
    const named = ['alice', 'bob', 'carol', 'dave'].filter((name) => out.includes(name));
    expect(named).toHaveLength(1);
    expect(out).toMatch(/10 pts/);
  });

  it('says how to subscribe when `daily` runs in a channel that does not get the question', () => {
    const env = { DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), TABLE_NAME: `play-${randomUUID()}` };
    const { code, out } = play('daily\n', ['--user', 'alice'], env);
    expect(code).toBe(0);
    expect(out).toContain('`daily on` subscribes it');
  });

  it("shows the daily question's live count after each answer, and not after a double click", () => {
    const env = { DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), TABLE_NAME: `play-${randomUUID()}` };
    // `daily` again shows the channel's question (with its count) and its buttons to click.
    const input = 'daily on\ndaily\n1\ndaily\n1\nas bob\ndaily\n2\n';
    const { code, out } = play(input, ['--user', 'alice'], env);
    expect(code).toBe(0);
    expect(out).toContain('No answers yet. Be the first!');
    expect(out).toContain('[channel message updated] 1 answered so far');
    expect(out).toContain('[channel message updated] 2 answered so far');
    expect(out.match(/\[channel message updated\]/g)).toHaveLength(2);
    expect(out).toContain('already answered');
  });

  it('runs the weekly recap round with `weekly`, once a week, and shows `team`', () => {
    const env = { DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), TABLE_NAME: `play-${randomUUID()}` };
    const { code, out } = play('weekly\ndaily on\ndaily\n1\nteam\nweekly\nweekly\n', [], env);
    expect(code).toBe(0);
    expect(out).toContain('The recap goes to channels that get the daily question');
    expect(out).toMatch(/Weekly recap \(\d{4}-W\d{2}\)/);
    expect(out).toContain('already had its recap for');
    expect(out).toMatch(/this week +▓{10} 1 person/);
  });

  it('runs a short exam where "choose two" questions take two numbers, then lists it in history', () => {
    const env = { DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), TABLE_NAME: `play-${randomUUID()}` };
    // "1" answers a one-answer question, "1 2" a choose-two, "1 2 3" a choose-three. Whichever
    // does not fit gets a clear message and changes nothing, so each triple answers at least one.
    const answers = '1\n1 2\n1 2 3\n'.repeat(6);
    const { code, out, err } = play(`exam 5\n${answers}exam history\n`, [], env);
    expect(code).toBe(0);
    expect(out).toMatch(/Exam report: \d of 5 right/);
    expect(out).toMatch(/Your last exams[\s\S]*of 5\*{0,2} \(\d+%\)/);
    expect(`${out}${err}`).not.toMatch(/Error:| {4}at /);
  });
});
