import { describe, expect, it } from 'vitest';
import { asker, replyText, tutorWithoutStore } from '../../helpers/test-deps.js';

describe('Function: helpReply', () => {
  it.each(['quiz', 'score', 'leaderboard', 'topics', 'daily', 'exam', 'team'])(
    'mentions the "/aws %s" command when asked for help',
    async (command) => {
      const { tutor, logged } = tutorWithoutStore();

      const reply = await tutor.handleCommand(asker(), 'help');

      expect(replyText(reply)).toContain(`/aws ${command}`);
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
    const help = replyText(await tutor.handleCommand(asker(), 'help'));

    const reply = await tutor.handleCommand(asker(), example);

    expect(help).toContain(example);
    expect(reply.title).toBe(title);
  });
});
