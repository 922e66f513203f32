/**
 * `npm run discord:register [-- --guild ID]`: registers `/aws` with Discord.
 *
 * Without `--guild` the command is global (every server the app is in; Discord may take a few
 * minutes to show changes). With `--guild ID` it is registered in that server only and shows
 * up at once, which is what you want while developing. Either way this overwrites the app's
 * commands in that scope with exactly `/aws`.
 *
 * Reads DISCORD_APPLICATION_ID and DISCORD_BOT_TOKEN, and DISCORD_API_URL if set.
 */

import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { REST, Routes } from 'discord.js';
import { DEFAULT_DISCORD_API_URL } from '../src/config.js';
import { AWS_COMMAND } from '../src/discord/command-definition.js';
import { ConfigError } from '../src/errors.js';
import { comparableDefinitions } from './discord-command-builder.js';

type Env = Record<string, string | undefined>;

/** The settings `discord:register` reads. */
export interface RegistrationSettings {
  applicationId: string;
  botToken: string;
  /** Discord's REST base including the version, e.g. `https://discord.com/api/v10`. */
  apiUrl: string;
}

/** The settings registration needs (not the public key), naming every one that is missing. */
export function readRegistrationSettings(env: Env = process.env): RegistrationSettings {
  const get = (name: string) => env[name]?.trim() || undefined;
  const applicationId = get('DISCORD_APPLICATION_ID');
  const botToken = get('DISCORD_BOT_TOKEN');
  const missing = [
    ...(applicationId ? [] : ['DISCORD_APPLICATION_ID']),
    ...(botToken ? [] : ['DISCORD_BOT_TOKEN']),
  ];
  if (!applicationId || !botToken) {
    throw new ConfigError(
      missing.join(' and '),
      `${missing.length > 1 ? 'are' : 'is'} not set (Discord developer portal: General Information → Application ID; Bot → Reset Token)`,
    );
  }
  return {
    applicationId,
    botToken,
    apiUrl: (get('DISCORD_API_URL') ?? DEFAULT_DISCORD_API_URL).replace(/\/+$/, ''),
  };
}

/** `--guild ID` or `--guild=ID` from the command line, if given. */
export function parseGuildArg(argv: string[]): string | undefined {
  const at = argv.findIndex((a) => a === '--guild' || a.startsWith('--guild='));
  if (at === -1) return undefined;
  const arg = argv[at] as string;
  const id = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[at + 1];
  if (!id || !/^\d{17,20}$/.test(id)) {
    throw new Error(`--guild needs a server ID (17–20 digits), got "${id ?? ''}"`);
  }
  return id;
}

/**
 * Puts `/aws` in place of the app's commands, globally or in one guild, after checking that the
 * discord.js builder and the data definition the Lambda routes from are the same command.
 */
export async function registerCommands(
  settings: RegistrationSettings,
  guildId?: string,
): Promise<void> {
  const { built, defined } = comparableDefinitions();
  if (!isDeepStrictEqual(built, defined)) {
    throw new Error(
      'infra/discord-command-builder.ts and src/discord/command-definition.ts disagree; make them match',
    );
  }
  // discord.js adds the version itself: its `api` is the base without `/v10`.
  const rest = new REST({ version: '10', api: settings.apiUrl.replace(/\/v\d+$/, '') }).setToken(
    settings.botToken,
  );
  const route = guildId
    ? Routes.applicationGuildCommands(settings.applicationId, guildId)
    : Routes.applicationCommands(settings.applicationId);
  await rest.put(route, { body: [AWS_COMMAND] });
}

async function main(): Promise<void> {
  try {
    const guildId = parseGuildArg(process.argv.slice(2));
    await registerCommands(readRegistrationSettings(), guildId);
    const count = AWS_COMMAND.options.length;
    console.log(
      guildId
        ? `Registered /aws (${count} subcommands) in server ${guildId}.`
        : `Registered /aws (${count} subcommands) globally; Discord may take a few minutes to show it.`,
    );
  } catch (error) {
    console.error(`discord:register failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
