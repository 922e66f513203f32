import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/tutor/reply.js';
import { createTutor } from '../../../src/tutor/tutor.js';
import { asker, testDeps } from '../../helpers/test-deps.js';

/**
 * A tutor with no store. `testDeps` throws if a store is asked for, and the tutor logs what it
 * catches, so an empty `logged` proves `help` never touched storage.
 */
function tutorWithoutStore() {
  const logged: string[] = [];
  const tutor = createTutor(testDeps({ log: { error: (message) => logged.push(message) } }));
  return { tutor, logged };
}

function text(reply: Reply): string {
  return [reply.title ?? '', ...reply.sections].join('\n');
}

describe('Function: helpReply', () => {
  it.each(['quiz', 'score', 'leaderboard', 'topics', 'daily', 'exam', 'team'])(
    'mentions the "/aws %s" command when asked for help',
    async (command) => {
      const { tutor, logged } = tutorWithoutStore();

      const reply = await tutor.handleCommand(asker(), 'help');

      expect(text(reply)).toContain(`/aws ${command}`);
      expect(logged).toEqual([]);
    },
  );

  it('answers privately when asked for help', async () => {
    const { tutor } = tutorWithoutStore();

    const reply = await tutor.handleCommand(asker(), 'help');

    expect(reply.visibility).toBe('private');
    expect(reply.title).toBeTruthy();
  });

  it.each(['', '   ', '?', 'commands', 'HELP', '/aws help'])(
    'gives the same help reply when the text is %j',
    async (input) => {
      const { tutor } = tutorWithoutStore();

      const help = await tutor.handleCommand(asker(), 'help');
      const reply = await tutor.handleCommand(asker(), input);

      expect(reply).toEqual(help);
    },
  );

  it.each([
    ['lambda', 'AWS Lambda'],
    ['lamda', 'AWS Lambda'],
    ['cloud front', 'Amazon CloudFront'],
    ['sqs vs sns', 'Amazon SQS vs Amazon SNS'],
  ])('keeps its promise that "/aws %s" works as typed', async (example, title) => {
    const { tutor } = tutorWithoutStore();
    const help = text(await tutor.handleCommand(asker(), 'help'));

    const reply = await tutor.handleCommand(asker(), example);

    expect(help).toContain(example);
    expect(reply.title).toBe(title);
  });
});
