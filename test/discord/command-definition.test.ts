import { isDeepStrictEqual } from 'node:util';
import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
} from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { buildAwsCommand, comparableDefinitions } from '../../infra/discord-command-builder.js';
import { AUTOCOMPLETE_SOURCES } from '../../src/discord/autocomplete.js';
import { AWS_COMMAND } from '../../src/discord/command-definition.js';
import { routeCommand } from '../../src/discord/route-command.js';
import { parseCommand } from '../../src/tutor/parse-command.js';

/** A sample value for an option: each declared choice, or a word that fits the option. */
function samples(option: APIApplicationCommandBasicOption): string[] {
  if ('choices' in option && option.choices?.length)
    return option.choices.map((c) => String(c.value));
  if (option.type === ApplicationCommandOptionType.Integer) {
    return [String(option.min_value), String(option.max_value)];
  }
  return option.name === 'query' ? ['lambda'] : ['networking'];
}

function invocation(sub: string, options: { name: string; value: string }[] = []) {
  return {
    name: 'aws',
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand as const,
        name: sub,
        options: options.map((o) => ({ type: ApplicationCommandOptionType.String as const, ...o })),
      },
    ],
  };
}

const subcommands = AWS_COMMAND.options;

describe('Data: AWS_COMMAND', () => {
  it('is exactly what the discord.js builder produces', () => {
    const { built, defined } = comparableDefinitions();
    expect(built).toEqual(defined);
    expect(isDeepStrictEqual(built, defined)).toBe(true);
  });

  it('declares the seven subcommands of issue 5, `team` and `exam`', () => {
    expect(subcommands.map((s) => s.name).sort()).toEqual(
      ['daily', 'exam', 'help', 'leaderboard', 'quiz', 'score', 'search', 'team', 'topics'].sort(),
    );
  });

  it('passes the builder validation of names, descriptions and lengths', () => {
    expect(() => buildAwsCommand().toJSON()).not.toThrow();
  });
});

describe('Function: routeCommand', () => {
  it.each(subcommands.map((s) => [s.name, s] as const))(
    'routes /aws %s to the core command of the same name, for every declared option value',
    (name, sub) => {
      const options = (sub.options ?? []) as APIApplicationCommandBasicOption[];
      // Each declared option on its own, with each of its sample values.
      const variants =
        options.length === 0
          ? [[]]
          : options.flatMap((option) =>
              samples(option).map((value) => [{ name: option.name, value }]),
            );
      for (const given of variants) {
        const routed = routeCommand(invocation(name, given));
        expect(routed?.subcommand).toBe(name);
        const parsed = parseCommand(routed?.text ?? '');
        expect(parsed.kind).not.toBe('usage');
        expect(parsed.kind === 'compare' ? 'search' : parsed.kind).toBe(name);
      }
    },
  );

  it('routes a subcommand with its option left out (optional options)', () => {
    expect(parseCommand(routeCommand(invocation('quiz'))?.text ?? '')).toEqual({ kind: 'quiz' });
    expect(parseCommand(routeCommand(invocation('leaderboard'))?.text ?? '')).toEqual({
      kind: 'leaderboard',
      period: 'week',
    });
  });

  it('keeps a query that looks like another command a search ("search help")', () => {
    const text = routeCommand(invocation('search', [{ name: 'query', value: 'help' }]))?.text;
    expect(parseCommand(text ?? '')).toMatchObject({ kind: 'search', query: 'help' });
  });

  it('turns "x vs y" into a comparison', () => {
    const text = routeCommand(invocation('search', [{ name: 'query', value: 'sqs vs sns' }]))?.text;
    expect(parseCommand(text ?? '')).toMatchObject({ kind: 'compare', sides: ['sqs', 'sns'] });
  });

  it('ignores options the definition does not declare', () => {
    const routed = routeCommand(invocation('score', [{ name: 'user', value: 'someone-else' }]));
    expect(routed?.text).toBe('score');
  });

  it('refuses an unknown subcommand and another command', () => {
    expect(routeCommand(invocation('dance'))).toBeUndefined();
    expect(routeCommand({ ...invocation('help'), name: 'gcp' })).toBeUndefined();
    expect(routeCommand({ name: 'aws' })).toBeUndefined();
  });

  it('defers only the leaderboard publicly', () => {
    const publicOnes = subcommands
      .filter((s) => routeCommand(invocation(s.name))?.deferAs === 'channel')
      .map((s) => s.name);
    expect(publicOnes).toEqual(['leaderboard']);
  });

  it('caps a 6,000-character option value before it reaches the core', () => {
    const routed = routeCommand(invocation('search', [{ name: 'query', value: 'x'.repeat(6000) }]));
    expect(routed?.text.length).toBeLessThanOrEqual(1000 + 'search '.length);
    expect(parseCommand(routed?.text ?? '')).toMatchObject({ kind: 'search', truncated: true });
  });
});

describe('Data: AUTOCOMPLETE_SOURCES', () => {
  const autocompleted = subcommands.flatMap((s) =>
    ((s.options ?? []) as APIApplicationCommandBasicOption[])
      .filter((o) => 'autocomplete' in o && o.autocomplete)
      .map((o) => `${s.name}.${o.name}`),
  );

  it('has a source for every option the definition marks autocomplete, and no other', () => {
    expect(autocompleted.length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(AUTOCOMPLETE_SOURCES).sort()).toEqual([...autocompleted].sort());
  });
});
