import { ConfigError } from './errors.js';
import { DEFAULT_DAILY_CRON, DEFAULT_WEEKLY_CRON, parseDailyCron } from './time/cron-schedule.js';

/**
 * The single place that reads settings. Each reader runs once per process (cold start) and
 * fails with the name of the missing setting: no placeholder fallbacks. Explicit values passed
 * in win over the environment, which wins over the documented defaults.
 */
export type Env = Record<string, string | undefined>;

export interface StoreConfig {
  tableName: string;
  /** Only set locally (DynamoDB Local); in AWS the SDK finds the regional endpoint. */
  endpoint?: string;
  region: string;
}

export interface TutorConfig {
  /** IANA time zone used for "today" and "this week" (the daily question's zone). */
  timeZone: string;
  /** When the daily question is posted, in EventBridge Scheduler's cron syntax. */
  dailyCron: string;
  /** When the weekly recap is posted, in the same syntax and time zone. */
  weeklyCron: string;
  /** `LOG_MISSED_SEARCHES=true`: log the text of searches that found no note (never who). */
  logMissedSearches: boolean;
}

/** Default time zone of the daily question and of weekly boards. */
export const DEFAULT_TIME_ZONE = 'Europe/London';

/** Settings for the DynamoDB store. */
export function readStoreConfig(env: Env = process.env): StoreConfig {
  const endpoint = optional(env, 'DYNAMODB_ENDPOINT');
  if (endpoint && !/^https?:\/\/[^\s]+$/.test(endpoint)) {
    throw new ConfigError('DYNAMODB_ENDPOINT', `must be an http(s) URL, got "${endpoint}"`);
  }
  return {
    tableName: required(env, 'TABLE_NAME'),
    ...(endpoint ? { endpoint } : {}),
    region: optional(env, 'AWS_REGION') ?? optional(env, 'AWS_DEFAULT_REGION') ?? 'us-east-1',
  };
}

/** Settings the core needs. */
export function readTutorConfig(env: Env = process.env): TutorConfig {
  const timeZone = optional(env, 'DAILY_TIMEZONE') ?? DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
  } catch {
    throw new ConfigError('DAILY_TIMEZONE', `is not a known IANA time zone: "${timeZone}"`);
  }
  const dailyCron = cron(env, 'DAILY_CRON', DEFAULT_DAILY_CRON);
  const weeklyCron = cron(env, 'WEEKLY_CRON', DEFAULT_WEEKLY_CRON);
  const logMissed = (optional(env, 'LOG_MISSED_SEARCHES') ?? 'false').toLowerCase();
  if (logMissed !== 'true' && logMissed !== 'false') {
    throw new ConfigError('LOG_MISSED_SEARCHES', `must be true or false, got "${logMissed}"`);
  }
  return { timeZone, dailyCron, weeklyCron, logMissedSearches: logMissed === 'true' };
}

/** A schedule setting, checked as the tutor reads it. */
function cron(env: Env, name: string, fallback: string): string {
  const expression = optional(env, name) ?? fallback;
  try {
    parseDailyCron(expression);
  } catch (error) {
    throw new ConfigError(name, (error as Error).message);
  }
  return expression;
}

/** The workspaces this deployment serves; an empty list means every one. */
export interface AllowLists {
  slack: ReadonlySet<string>;
  discord: ReadonlySet<string>;
}

/** `ALLOWED_SLACK_TEAM_IDS`, `ALLOWED_DISCORD_GUILD_IDS`: comma separated; empty allows all. */
export function readAllowLists(env: Env = process.env): AllowLists {
  return {
    slack: idList(env, 'ALLOWED_SLACK_TEAM_IDS', /^[TE][A-Z0-9]{2,20}$/),
    discord: idList(env, 'ALLOWED_DISCORD_GUILD_IDS', /^\d{5,25}$/),
  };
}

function idList(env: Env, name: string, shape: RegExp): Set<string> {
  const ids = (optional(env, name) ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const bad = ids.find((id) => !shape.test(id));
  if (bad) throw new ConfigError(name, `has "${bad}", which is not an id of that kind`);
  return new Set(ids);
}

export interface SlackConfig {
  signingSecret: string;
  botToken: string;
  /** Base URL of Slack's Web API, ending in `/`; tests point it at a local server. */
  apiUrl: string;
  /** Users who may change daily subscriptions besides workspace admins and owners. */
  adminUserIds: string[];
}

export interface DiscordConfig {
  publicKey: string;
  applicationId: string;
  /** Base URL of Discord's REST API (v10), without a trailing slash. */
  apiUrl: string;
}

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';
export const DEFAULT_DISCORD_API_URL = 'https://discord.com/api/v10';

/** Settings for the Slack app. The bot token is only needed to call the Web API. */
export function readSlackConfig(env: Env = process.env): SlackConfig {
  return {
    signingSecret: required(env, 'SLACK_SIGNING_SECRET'),
    botToken: required(env, 'SLACK_BOT_TOKEN'),
    apiUrl: slackApiUrl(env),
    adminUserIds: (optional(env, 'SLACK_ADMIN_USER_IDS') ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  };
}

/**
 * Settings for the Discord interactions endpoint. The bot token is not among them: answering
 * interactions never needs it, and requiring it would fail every request of a deployment that
 * only posts daily questions elsewhere (see `readDiscordPosting`).
 */
export function readDiscordConfig(env: Env = process.env): DiscordConfig {
  const publicKey = required(env, 'DISCORD_PUBLIC_KEY');
  if (!/^[0-9a-fA-F]{64}$/.test(publicKey)) {
    throw new ConfigError('DISCORD_PUBLIC_KEY', 'must be the 64-character hex public key');
  }
  return {
    publicKey,
    applicationId: required(env, 'DISCORD_APPLICATION_ID'),
    apiUrl: discordApiUrl(env),
  };
}

/** What the daily run needs to post to Slack: the bot token, or undefined when not set up. */
export function readSlackPosting(
  env: Env = process.env,
): { botToken: string; apiUrl: string } | undefined {
  const botToken = optional(env, 'SLACK_BOT_TOKEN');
  return botToken ? { botToken, apiUrl: slackApiUrl(env) } : undefined;
}

/** What the daily run needs to post to Discord: the bot token, or undefined when not set up. */
export function readDiscordPosting(
  env: Env = process.env,
): { botToken: string; apiUrl: string } | undefined {
  const botToken = optional(env, 'DISCORD_BOT_TOKEN');
  return botToken ? { botToken, apiUrl: discordApiUrl(env) } : undefined;
}

/** Slack's Web API base URL, always ending in `/` (method names are appended). */
function slackApiUrl(env: Env): string {
  const url = optional(env, 'SLACK_API_URL') ?? DEFAULT_SLACK_API_URL;
  return url.endsWith('/') ? url : `${url}/`;
}

/** Discord's REST base URL, never ending in `/` (paths start with one). */
function discordApiUrl(env: Env): string {
  return (optional(env, 'DISCORD_API_URL') ?? DEFAULT_DISCORD_API_URL).replace(/\/+$/, '');
}

/**
 * The settings kept in SSM Parameter Store under `SECRETS_SSM_PATH` when deployed: four secrets
 * as SecureStrings, and the Discord application id beside them as a String so every platform
 * setting sits in one place. Locally they are plain environment variables.
 */
export type SecretName =
  | 'SLACK_SIGNING_SECRET'
  | 'SLACK_BOT_TOKEN'
  | 'DISCORD_PUBLIC_KEY'
  | 'DISCORD_APPLICATION_ID'
  | 'DISCORD_BOT_TOKEN';

/** The SSM path that holds this stage's secrets, e.g. `/aws-tutor/prod`; unset locally. */
export function readSecretsPath(env: Env = process.env): string | undefined {
  const path = optional(env, 'SECRETS_SSM_PATH');
  if (path === undefined) return undefined;
  if (!/^\/[A-Za-z0-9_.\-/]+[^/]$/.test(path)) {
    throw new ConfigError(
      'SECRETS_SSM_PATH',
      `must be an SSM path like /aws-tutor/prod, got "${path}"`,
    );
  }
  return path;
}

/** The port of the local DynamoDB when one is started for you (`DYNAMODB_PORT`, default 8000). */
export function readLocalDynamoPort(env: Env = process.env): number | undefined {
  const raw = optional(env, 'DYNAMODB_PORT');
  if (raw === undefined) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError('DYNAMODB_PORT', `must be a port number, got "${raw}"`);
  }
  return port;
}

function required(env: Env, name: string): string {
  const value = optional(env, name);
  if (value === undefined) throw new ConfigError(name, 'is not set');
  return value;
}

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}
