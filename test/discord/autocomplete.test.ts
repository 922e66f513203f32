import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../src/content/types.js';
import {
  autocompleteChoices,
  MAX_CHOICE_LENGTH,
  MAX_CHOICES,
} from '../../src/discord/autocomplete.js';
import { routeCommand } from '../../src/discord/route-command.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { asker, content, testDeps } from '../helpers/test-deps.js';

const tutor = createTutor(testDeps());

function typing(sub: string, option: string, value: string, others: Record<string, string> = {}) {
  return [
    {
      type: ApplicationCommandOptionType.Subcommand as const,
      name: sub,
      options: [
        ...Object.entries(others).map(([name, v]) => ({
          type: ApplicationCommandOptionType.String as const,
          name,
          value: v,
        })),
        { type: ApplicationCommandOptionType.String as const, name: option, value, focused: true },
      ],
    },
  ];
}

describe('Function: autocompleteChoices', () => {
  it('offers concepts for search, best match first, typos included', () => {
    const choices = autocompleteChoices(tutor, typing('search', 'query', 'lamda'));
    expect(choices[0]?.value).toBe('lambda');
    expect(choices[0]?.name).toBe(content.note('lambda')?.title);
  });

  it('offers at most 25 choices, each name and value 1-100 characters', () => {
    for (const [sub, option] of [
      ['search', 'query'],
      ['quiz', 'topic'],
      ['topics', 'topic'],
    ] as const) {
      for (const typed of ['', 'a', 's', 'x'.repeat(6000)]) {
        const choices = autocompleteChoices(tutor, typing(sub, option, typed));
        expect(choices.length).toBeLessThanOrEqual(MAX_CHOICES);
        for (const c of choices) {
          expect(c.name.length).toBeGreaterThan(0);
          expect(c.name.length).toBeLessThanOrEqual(MAX_CHOICE_LENGTH);
          expect(c.value.length).toBeGreaterThan(0);
          expect(c.value.length).toBeLessThanOrEqual(MAX_CHOICE_LENGTH);
        }
        expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
      }
    }
    // With nothing typed there are more concepts than Discord can show: the cap is what bites.
    expect(content.notes.length).toBeGreaterThan(MAX_CHOICES);
    expect(autocompleteChoices(tutor, typing('search', 'query', ''))).toHaveLength(MAX_CHOICES);
  });

  it('offers topics for topics, and topics then concepts for quiz', () => {
    const topics = autocompleteChoices(tutor, typing('topics', 'topic', ''));
    expect(topics.map((c) => c.value)).toEqual([...TOPICS]);
    const quiz = autocompleteChoices(tutor, typing('quiz', 'topic', ''));
    expect(quiz.slice(0, TOPICS.length).map((c) => c.value)).toEqual([...TOPICS]);
    expect(quiz.length).toBe(MAX_CHOICES);
    expect(quiz.slice(TOPICS.length).every((c) => content.note(c.value))).toBe(true);
  });

  it('offers values that find exactly the chosen concept when sent back as the query', async () => {
    const choices = autocompleteChoices(tutor, typing('search', 'query', ''));
    for (const choice of choices) {
      const routed = routeCommand({
        name: 'aws',
        options: typing('search', 'query', choice.value),
      });
      const reply = await tutor.handleCommand(asker(), routed?.text ?? '');
      expect(reply.title).toBe(choice.name);
    }
  });

  it('uses the focused option, not an earlier one', () => {
    const choices = autocompleteChoices(
      tutor,
      typing('search', 'query', 'dynamo', { other: 'lambda' }),
    );
    expect(choices[0]?.value).toBe('dynamodb');
  });

  it('offers nothing for an option without autocomplete or a malformed request', () => {
    expect(autocompleteChoices(tutor, typing('leaderboard', 'period', 'w'))).toEqual([]);
    expect(autocompleteChoices(tutor, undefined)).toEqual([]);
    expect(autocompleteChoices(tutor, [])).toEqual([]);
  });
});
