import { describe, expect, it } from 'vitest';
import { askerFrom, isServerAdmin } from '../../src/discord/interaction-asker.js';

const user = {
  id: '42',
  username: 'alice_aws',
  global_name: 'Alice',
  discriminator: '0',
  avatar: null,
};
const bits = (...b: number[]) => b.reduce((a, x) => a | (1n << BigInt(x)), 0n).toString();

describe('Function: askerFrom', () => {
  it('takes a server member: guild as workspace, server nickname first', () => {
    expect(
      askerFrom({
        guild_id: 'G1',
        channel_id: 'C1',
        member: { user, nick: 'Ali', permissions: '0' },
      }),
    ).toEqual({
      platform: 'discord',
      workspaceId: 'G1',
      channelId: 'C1',
      userId: '42',
      userName: 'Ali',
    });
  });

  it('falls back from nickname to display name to username', () => {
    const member = { user, nick: null, permissions: '0' };
    expect(askerFrom({ guild_id: 'G1', channel_id: 'C1', member })?.userName).toBe('Alice');
    const plain = { ...user, global_name: null };
    expect(
      askerFrom({ guild_id: 'G1', channel_id: 'C1', member: { ...member, user: plain } })?.userName,
    ).toBe('alice_aws');
  });

  it('gives a DM its own workspace, so DM scores never join a server board', () => {
    expect(askerFrom({ channel_id: 'D1', user })).toMatchObject({
      workspaceId: 'dm:42',
      channelId: 'D1',
      userId: '42',
      userName: 'Alice',
    });
  });

  it('returns undefined when the interaction names no user', () => {
    expect(askerFrom({ guild_id: 'G1', channel_id: 'C1' })).toBeUndefined();
  });

  // Regression: a number or object where Discord sends a string id used to fail inside the
  // store's key builder, and the user was told the score store was down.
  it('returns undefined when an id is not a string id', () => {
    const member = { user, nick: null, permissions: '0' };
    const broken = [
      { guild_id: 7, channel_id: 'C1', member },
      { guild_id: 'G1', channel_id: { id: 'C1' }, member },
      { guild_id: 'G1#x', channel_id: 'C1', member },
      { guild_id: 'G1', channel_id: 'C1', member: { ...member, user: { ...user, id: 42 } } },
    ];
    for (const interaction of broken) {
      expect(askerFrom(interaction as unknown as Parameters<typeof askerFrom>[0])).toBeUndefined();
    }
  });
});

describe('Function: isServerAdmin', () => {
  it('allows Manage Server and Administrator', () => {
    expect(isServerAdmin({ permissions: bits(5) })).toBe(true);
    expect(isServerAdmin({ permissions: bits(3) })).toBe(true);
    expect(isServerAdmin({ permissions: bits(3, 5, 10, 11) })).toBe(true);
  });

  it('refuses an ordinary member, even with many other permissions', () => {
    expect(isServerAdmin({ permissions: '0' })).toBe(false);
    expect(isServerAdmin({ permissions: bits(0, 1, 2, 4, 6, 10, 11, 14, 16, 31, 46) })).toBe(false);
  });

  it('reads bitfields wider than a JavaScript number exactly (BigInt)', () => {
    // 2^60 + 32 is 1152921504606846976 + 32: as a Number the low bits are lost.
    expect(isServerAdmin({ permissions: bits(60, 5) })).toBe(true);
    expect(isServerAdmin({ permissions: bits(60, 4, 6) })).toBe(false);
  });

  it('refuses malformed permissions and a missing member (a DM)', () => {
    for (const permissions of ['', 'abc', '-32', '0x20', '3.2e1', ' 32']) {
      expect(isServerAdmin({ permissions })).toBe(false);
    }
    expect(isServerAdmin(undefined)).toBe(false);
  });
});
