import {
  type APIInteractionGuildMember,
  type APIUser,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import type { Asker } from '../tutor/deps.js';

/** The parts of any interaction that say who and where. */
export interface InteractionOrigin {
  guild_id?: string;
  channel_id?: string;
  channel?: { id: string };
  member?: Pick<APIInteractionGuildMember, 'user' | 'nick' | 'permissions'>;
  user?: APIUser;
}

/**
 * Who is asking, and where; `undefined` when no user is named or an id is not a string id (it
 * would fail deep in the store, reported as the store being down). In a server `member.user` is
 * set, in a DM only `user`; a DM is a workspace of its own (`dm:<user id>`).
 */
export function askerFrom(interaction: InteractionOrigin): Asker | undefined {
  const user = interaction.member?.user ?? interaction.user;
  if (!isId(user?.id)) return undefined;
  // `?? undefined`: a JSON null means "not in a server" as much as a missing field does.
  const guildId = interaction.guild_id ?? undefined;
  const channel = interaction.channel_id ?? interaction.channel?.id ?? undefined;
  if ((guildId !== undefined && !isId(guildId)) || (channel !== undefined && !isId(channel))) {
    return undefined;
  }
  const workspaceId = guildId ?? `dm:${user.id}`;
  const channelId = channel ?? `dm:${user.id}`;
  const name = [interaction.member?.nick, user.global_name, user.username].find(
    (n): n is string => typeof n === 'string' && n.trim().length > 0,
  );
  return {
    platform: 'discord',
    workspaceId,
    channelId,
    userId: user.id,
    userName: (name ?? user.id).slice(0, 80),
  };
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value);
}

const SERVER_ADMIN = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator;

/**
 * Whether the member may change the server's daily question: Manage Server or Administrator.
 * `permissions` is the member's computed permissions in the channel, a decimal bitfield too
 * wide for a JavaScript number, hence BigInt. Outside a server (DMs) there is no member.
 */
export function isServerAdmin(member: Pick<APIInteractionGuildMember, 'permissions'> | undefined) {
  if (!member || !/^\d{1,40}$/.test(member.permissions ?? '')) return false;
  return (BigInt(member.permissions) & SERVER_ADMIN) !== 0n;
}
