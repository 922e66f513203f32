import {
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteractionData,
  ApplicationCommandOptionType,
} from 'discord-api-types/v10';
import type { Visibility } from '../tutor/reply.js';
import { AWS_COMMAND, findSubcommand } from './command-definition.js';

/** A slash command turned into the core's text command, with how to defer it if it is slow. */
export interface RoutedCommand {
  subcommand: string;
  /** What a user would type after `/aws` (`quiz networking`): the core's parser decides. */
  text: string;
  /**
   * How a deferred answer is shown. Discord fixes a message's visibility when it is deferred,
   * before the core has said, so it is chosen per subcommand: only the leaderboard is public.
   */
  deferAs: Visibility;
}

const PUBLIC_SUBCOMMANDS = new Set(['leaderboard']);
/** An option value is cut here before it reaches the core (which reads 200 characters). */
const MAX_VALUE_LENGTH = 1000;

/**
 * Routes `/aws <subcommand> <options>` by the command definition: the subcommand must be one
 * it declares, and only its declared options are read, in declared order. `undefined` for
 * another command or an unknown subcommand.
 */
export function routeCommand(
  data: Pick<APIChatInputApplicationCommandInteractionData, 'name' | 'options'>,
): RoutedCommand | undefined {
  if (data.name !== AWS_COMMAND.name) return undefined;
  const given = data.options?.[0];
  if (given?.type !== ApplicationCommandOptionType.Subcommand) return undefined;
  const declared = findSubcommand(given.name);
  if (!declared) return undefined;
  const values = (declared.options ?? []).map((option) =>
    optionText(given.options?.find((o) => o.name === option.name)),
  );
  return {
    subcommand: declared.name,
    text: [declared.name, ...values].join(' ').trim(),
    deferAs: PUBLIC_SUBCOMMANDS.has(declared.name) ? 'channel' : 'private',
  };
}

function optionText(option: APIApplicationCommandInteractionDataOption | undefined): string {
  if (!option || !('value' in option)) return '';
  return String(option.value).slice(0, MAX_VALUE_LENGTH);
}
