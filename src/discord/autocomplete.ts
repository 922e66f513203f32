import {
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOptionChoice,
  ApplicationCommandOptionType,
} from 'discord-api-types/v10';
import type { Tutor } from '../tutor/tutor.js';
import { clip } from './discord-limits.js';

/** Discord shows at most 25 choices. */
export const MAX_CHOICES = 25;
/** Each choice name and string value is 1–100 characters. */
export const MAX_CHOICE_LENGTH = 100;
/** The typed text is cut here: no name is longer, and search cost grows with length. */
const MAX_TYPED = 200;

type Source = 'topic' | 'concept';

/**
 * Where each autocompleted option (`subcommand.option`) takes its choices from. `quiz topic:`
 * accepts a topic or a concept, so it offers both. A test checks this covers every option
 * the command definition marks `autocomplete`.
 */
export const AUTOCOMPLETE_SOURCES: Record<string, readonly Source[]> = {
  'search.query': ['concept'],
  'quiz.topic': ['topic', 'concept'],
  'topics.topic': ['topic'],
};

/**
 * Choices for the option the user is typing in, from the core's own search, within
 * Discord's limits. Anything unexpected gets no choices rather than an error: an autocomplete
 * failure must not break typing the command.
 */
export function autocompleteChoices(
  tutor: Tutor,
  options: APIApplicationCommandInteractionDataOption[] | undefined,
): APIApplicationCommandOptionChoice<string>[] {
  const sub = options?.[0];
  if (sub?.type !== ApplicationCommandOptionType.Subcommand) return [];
  const focused = sub.options?.find((o) => 'focused' in o && o.focused);
  if (!focused || !('value' in focused)) return [];
  const sources = AUTOCOMPLETE_SOURCES[`${sub.name}.${focused.name}`] ?? [];
  const typed = String(focused.value).slice(0, MAX_TYPED);

  const choices: APIApplicationCommandOptionChoice<string>[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    for (const { name, value } of tutor.autocomplete(source, typed, MAX_CHOICES)) {
      // A value cannot be shortened without changing what it means: leave such a choice out.
      if (!value || value.length > MAX_CHOICE_LENGTH || seen.has(value)) continue;
      seen.add(value);
      choices.push({ name: clip(name, MAX_CHOICE_LENGTH) || value, value });
    }
  }
  return choices.slice(0, MAX_CHOICES);
}
