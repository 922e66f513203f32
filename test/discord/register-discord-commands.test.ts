import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  parseGuildArg,
  readRegistrationSettings,
  registerCommands,
} from '../../infra/register-discord-commands.js';
import { AWS_COMMAND } from '../../src/discord/command-definition.js';
import { ConfigError } from '../../src/errors.js';
import { type FakeDiscordApi, startFakeDiscordApi } from '../helpers/fake-discord-api.js';

const GUILD = '1180000000000000001';

describe('Function: registerCommands', () => {
  let fake: FakeDiscordApi;
  beforeAll(async () => {
    fake = await startFakeDiscordApi();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
  });

  const settings = () => ({ applicationId: '99', botToken: 'test-bot-token', apiUrl: fake.url });

  it('puts exactly /aws in the guild with --guild, authorised as the bot', async () => {
    await registerCommands(settings(), GUILD);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.method).toBe('PUT');
    expect(request?.path).toBe(`/applications/99/guilds/${GUILD}/commands`);
    expect(request?.headers.authorization).toBe('Bot test-bot-token');
    expect(request?.body).toEqual([JSON.parse(JSON.stringify(AWS_COMMAND))]);
  });

  it('registers globally without --guild', async () => {
    await registerCommands(settings());
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'PUT /applications/99/commands',
    ]);
  });

  it('fails when Discord refuses', async () => {
    fake.failNext('/applications/', 403);
    await expect(registerCommands(settings(), GUILD)).rejects.toThrow();
  });
});

describe('Function: readRegistrationSettings', () => {
  it('reads the application id and bot token, and defaults the API URL', () => {
    expect(
      readRegistrationSettings({ DISCORD_APPLICATION_ID: '99', DISCORD_BOT_TOKEN: 'tok' }),
    ).toEqual({ applicationId: '99', botToken: 'tok', apiUrl: 'https://discord.com/api/v10' });
  });

  it('does not need the public key', () => {
    expect(() =>
      readRegistrationSettings({ DISCORD_APPLICATION_ID: '99', DISCORD_BOT_TOKEN: 'tok' }),
    ).not.toThrow();
  });

  it('names every missing setting', () => {
    const error = (() => {
      try {
        readRegistrationSettings({ DISCORD_BOT_TOKEN: ' ' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('DISCORD_APPLICATION_ID');
    expect((error as Error).message).toContain('DISCORD_BOT_TOKEN');
    expect(() => readRegistrationSettings({ DISCORD_APPLICATION_ID: '99' })).toThrow(
      /DISCORD_BOT_TOKEN is not set/,
    );
  });
});

describe('Function: parseGuildArg', () => {
  it('reads --guild ID and --guild=ID, and nothing without it', () => {
    expect(parseGuildArg(['--guild', GUILD])).toBe(GUILD);
    expect(parseGuildArg([`--guild=${GUILD}`])).toBe(GUILD);
    expect(parseGuildArg([])).toBeUndefined();
  });

  it('refuses a missing or malformed server id', () => {
    expect(() => parseGuildArg(['--guild'])).toThrow(/server ID/);
    expect(() => parseGuildArg(['--guild', 'my-server'])).toThrow(/server ID/);
  });
});
