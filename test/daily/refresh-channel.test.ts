import { describe, expect, it } from 'vitest';
import { type EditChannelMessage, refreshChannelMessage } from '../../src/daily/refresh-channel.js';
import type { ChannelUpdate } from '../../src/tutor/reply.js';
import { asker } from '../helpers/test-deps.js';

const refresh = { date: '2026-11-23', messageId: 'ts-1' };
const update: ChannelUpdate = {
  channelId: 'C1',
  messageId: 'ts-1',
  reply: { sections: ['q'], visibility: 'channel', footnote: '1 answered so far' },
};

function harness(options: {
  update?: Promise<ChannelUpdate | undefined>;
  edit?: EditChannelMessage;
}) {
  const logged: { message: string; fields?: Record<string, unknown> }[] = [];
  const edits: string[] = [];
  const deps = {
    tutor: { refreshChannel: () => options.update ?? Promise.resolve(update) },
    edit:
      options.edit ??
      (async ({ messageId }: { messageId: string }) => {
        edits.push(messageId);
      }),
    log: {
      error: (message: string, fields?: Record<string, unknown>) =>
        logged.push({ message, fields }),
    },
    timeoutMs: 50,
  };
  return { deps, logged, edits };
}

describe('Function: refreshChannelMessage', () => {
  it('edits the message the core hands back', async () => {
    const { deps, edits, logged } = harness({});
    expect(await refreshChannelMessage(deps, asker(), refresh)).toBe(true);
    expect(edits).toEqual(['ts-1']);
    expect(logged).toEqual([]);
  });

  it('does nothing when no edit is due, or there is no platform message to edit', async () => {
    for (const due of [undefined, { ...update, messageId: undefined }]) {
      const { deps, edits, logged } = harness({ update: Promise.resolve(due) });
      expect(await refreshChannelMessage(deps, asker(), refresh)).toBe(false);
      expect(edits).toEqual([]);
      expect(logged).toEqual([]);
    }
  });

  it('gives up at its deadline, cancelling the edit request, and only logs', async () => {
    let signalled: AbortSignal | undefined;
    const { deps, logged } = harness({
      edit: (_message, signal) => {
        signalled = signal;
        return new Promise((_, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason)),
        );
      },
    });
    expect(await refreshChannelMessage(deps, asker(), refresh)).toBe(false);
    expect(signalled?.aborted).toBe(true);
    expect(logged[0]?.message).toMatch(/could not update the answer count/);
    expect(logged[0]?.fields).toMatchObject({ channel: 'C1', error: { name: 'TimeoutError' } });
  });

  it('gives up on a core that never answers', async () => {
    const { deps, edits, logged } = harness({ update: new Promise(() => {}) });
    expect(await refreshChannelMessage(deps, asker(), refresh)).toBe(false);
    expect(edits).toEqual([]);
    expect(logged).toHaveLength(1);
  });

  it('logs a failed edit and never throws', async () => {
    const { deps, logged } = harness({
      edit: async () => {
        throw new Error('HTTP 500');
      },
    });
    expect(await refreshChannelMessage(deps, asker(), refresh)).toBe(false);
    expect(logged[0]?.fields?.error).toEqual({ name: 'Error', message: 'HTTP 500' });
  });
});
