import { describe, expect, it } from 'vitest';
import {
  readAllowLists,
  readDiscordConfig,
  readLocalDynamoPort,
  readSlackConfig,
  readStoreConfig,
  readTutorConfig,
} from '../src/config.js';
import { ConfigError } from '../src/errors.js';

describe('Module: config', () => {
  it('names the missing setting', () => {
    expect(() => readStoreConfig({})).toThrow(ConfigError);
    expect(() => readStoreConfig({})).toThrow(/TABLE_NAME/);
    expect(() => readSlackConfig({ SLACK_SIGNING_SECRET: 's' })).toThrow(/SLACK_BOT_TOKEN/);
    expect(() => readDiscordConfig({})).toThrow(/DISCORD_PUBLIC_KEY/);
  });

  it('treats an empty value as missing (no placeholder fallbacks)', () => {
    expect(() => readStoreConfig({ TABLE_NAME: '  ' })).toThrow(/TABLE_NAME is not set/);
  });

  it('applies the documented defaults', () => {
    expect(readStoreConfig({ TABLE_NAME: 't' })).toEqual({ tableName: 't', region: 'us-east-1' });
    expect(readTutorConfig({})).toEqual({
      timeZone: 'Europe/London',
      dailyCron: 'cron(0 9 ? * MON-FRI *)',
      weeklyCron: 'cron(0 16 ? * FRI *)',
      logMissedSearches: false,
    });
    expect(readSlackConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'b' })).toMatchObject({
      apiUrl: 'https://slack.com/api/',
      adminUserIds: [],
    });
  });

  it('rejects malformed values with the setting name', () => {
    expect(() => readTutorConfig({ DAILY_TIMEZONE: 'Mars/Olympus' })).toThrow(/DAILY_TIMEZONE/);
    expect(() => readTutorConfig({ DAILY_CRON: 'rate(1 day)' })).toThrow(/DAILY_CRON/);
    expect(() => readTutorConfig({ WEEKLY_CRON: 'cron(0 16 ? JAN FRI *)' })).toThrow(/WEEKLY_CRON/);
    expect(() => readStoreConfig({ TABLE_NAME: 't', DYNAMODB_ENDPOINT: 'nope' })).toThrow(
      /DYNAMODB_ENDPOINT/,
    );
    expect(() => readLocalDynamoPort({ DYNAMODB_PORT: '99999' })).toThrow(/DYNAMODB_PORT/);
    expect(() =>
      readDiscordConfig({
        DISCORD_PUBLIC_KEY: 'xyz',
        DISCORD_APPLICATION_ID: '1',
        DISCORD_BOT_TOKEN: 't',
      }),
    ).toThrow(/DISCORD_PUBLIC_KEY must be/);
  });

  it('reads the Slack admin list and normalises API URLs', () => {
    const slack = readSlackConfig({
      SLACK_SIGNING_SECRET: 's',
      SLACK_BOT_TOKEN: 'b',
      SLACK_API_URL: 'http://127.0.0.1:9/api',
      SLACK_ADMIN_USER_IDS: 'U1, U2,,',
    });
    expect(slack).toMatchObject({ apiUrl: 'http://127.0.0.1:9/api/', adminUserIds: ['U1', 'U2'] });
    const discord = readDiscordConfig({
      DISCORD_PUBLIC_KEY: 'a'.repeat(64),
      DISCORD_APPLICATION_ID: '1',
      DISCORD_BOT_TOKEN: 't',
      DISCORD_API_URL: 'http://127.0.0.1:9/api/v10/',
    });
    expect(discord.apiUrl).toBe('http://127.0.0.1:9/api/v10');
  });

  it('reads the allow-lists as sets of ids, empty when unset, naming a malformed one', () => {
    expect(readAllowLists({})).toEqual({ slack: new Set(), discord: new Set() });
    expect(
      readAllowLists({
        ALLOWED_SLACK_TEAM_IDS: ' T0AAA1111 , E0GRID222,',
        ALLOWED_DISCORD_GUILD_IDS: '1180000000000000001',
      }),
    ).toEqual({
      slack: new Set(['T0AAA1111', 'E0GRID222']),
      discord: new Set(['1180000000000000001']),
    });
    expect(() => readAllowLists({ ALLOWED_SLACK_TEAM_IDS: 'my team' })).toThrow(
      /ALLOWED_SLACK_TEAM_IDS/,
    );
    expect(() => readAllowLists({ ALLOWED_DISCORD_GUILD_IDS: 'T0AAA1111' })).toThrow(
      /ALLOWED_DISCORD_GUILD_IDS/,
    );
  });
});
