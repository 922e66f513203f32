import { describe, expect, it } from 'vitest';
import { askerFromAction, askerFromCommand } from '../../src/slack/slack-asker.js';

describe('Function: askerFromCommand', () => {
  it('maps team, channel, user id and user name', () => {
    expect(
      askerFromCommand({
        team_id: 'T0AWS',
        channel_id: 'C0STUDY',
        user_id: 'U0ALICE',
        user_name: 'alice',
      }),
    ).toEqual({
      platform: 'slack',
      workspaceId: 'T0AWS',
      channelId: 'C0STUDY',
      userId: 'U0ALICE',
      userName: 'alice',
    });
  });

  it('falls back to the user id for a missing name, and refuses a payload without ids', () => {
    expect(askerFromCommand({ team_id: 'T1', channel_id: 'C1', user_id: 'U1' })?.userName).toBe(
      'U1',
    );
    expect(askerFromCommand({ team_id: 'T1', channel_id: 'C1' })).toBeUndefined();
    expect(askerFromCommand({ team_id: 'T1#x', channel_id: 'C1', user_id: 'U1' })).toBeUndefined();
  });
});

describe('Function: askerFromAction', () => {
  it('uses the container channel and the user’s team when the payload has no channel or team', () => {
    expect(
      askerFromAction({
        user: { id: 'U0BOB', name: 'bob', team_id: 'T0AWS' },
        container: { type: 'message', channel_id: 'D0BOB', message_ts: '1.2', is_ephemeral: true },
      } as never),
    ).toEqual({
      platform: 'slack',
      workspaceId: 'T0AWS',
      channelId: 'D0BOB',
      userId: 'U0BOB',
      userName: 'bob',
    });
  });
});
