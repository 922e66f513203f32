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
 * Who is asking, and where, from a verified interaction; `undefined` when it names no user.
 * In a server `member.user` is set (and `user` is not); in a DM only `user`. DMs get a
 * workspace of their own (`dm:<user id>`), so DM scores never mix with a server's board.
 */
export function askerFrom(interaction: InteractionOrigin): Asker | undefined {
  const user = interaction.member?.user ?? interaction.user;
  if (!user?.id) return undefined;
  return {
    platform: 'discord',
    workspaceId: interaction.guild_id ?? `dm:${user.id}`,
    channelId: interaction.channel_id ?? interaction.channel?.id ?? `dm:${user.id}`,
    userId: user.id,
    userName: interaction.member?.nick || user.global_name || user.username || user.id,
  };
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
