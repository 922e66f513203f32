import { type Env, readDiscordPosting, readSlackPosting } from '../config.js';
import type { ChannelPoster } from '../daily/channel-poster.js';
import { createDiscordPoster } from '../discord/discord-poster.js';
import { createSlackPoster } from '../slack/slack-poster.js';

/** A poster for each platform whose bot token is set: the daily run posts only to those. */
export function platformPosters(env?: Env): Record<string, ChannelPoster> {
  const posters: Record<string, ChannelPoster> = {};
  const slack = readSlackPosting(env);
  if (slack) posters.slack = createSlackPoster(slack);
  const discord = readDiscordPosting(env);
  if (discord) posters.discord = createDiscordPoster(discord);
  return posters;
}
