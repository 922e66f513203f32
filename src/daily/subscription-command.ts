import { PermissionError } from '../errors.js';
import { formatInstant } from '../time/calendar.js';
import { DEFAULT_DAILY_CRON, nextRun, parseDailyCron } from '../time/cron-schedule.js';
import type { Asker, TutorDeps } from '../tutor/deps.js';
import { displayName } from '../tutor/display-name.js';
import type { DailyAction } from '../tutor/parse-command.js';
import type { Reply } from '../tutor/reply.js';

/** Who counts as an admin, in each platform's own words. */
const ADMINS: Record<Asker['platform'], string> = {
  slack: 'workspace admins and owners (or the users an admin listed)',
  discord: 'members with the Manage Server permission',
  local: 'admins',
};

/** `/aws daily on|off|status`: subscribe this channel to the question of the day. */
export async function dailySubscriptionReply(
  deps: TutorDeps,
  asker: Asker,
  action: DailyAction,
  isAdmin: () => Promise<boolean>,
): Promise<Reply> {
  const store = await deps.store();
  const next = describeNextRun(deps);
  if (action === 'status') {
    const sub = await store.getSubscription(asker, asker.channelId);
    if (!sub) {
      return reply(
        'This channel is not subscribed to the daily question. An admin can turn it on with `/aws daily on`.',
      );
    }
    if (sub.status === 'failed') {
      return reply(
        `Daily questions here stopped because posting failed (${sub.failure ?? 'unknown reason'}). Check that the bot is in this channel, then run \`/aws daily on\` again.`,
      );
    }
    return reply(
      `This channel gets the daily question (turned on by ${displayName(sub.subscribedBy || 'someone')}). The next one: ${next}.`,
    );
  }
  if (!(await isAdmin())) {
    throw new PermissionError('turn the daily question on or off', ADMINS[asker.platform]);
  }
  if (action === 'on') {
    const outcome = await store.subscribe({
      platform: asker.platform,
      workspaceId: asker.workspaceId,
      channelId: asker.channelId,
      subscribedBy: asker.userName,
      subscribedById: asker.userId,
      subscribedAt: deps.clock().toISOString(),
      status: 'active',
    });
    // A change is announced to the channel: everyone there is affected by it.
    return outcome === 'already'
      ? reply(`This channel already gets the daily question. The next one: ${next}.`)
      : reply(
          `${displayName(asker.userName)} turned on the daily question for this channel. The first one: ${next}.`,
          'channel',
        );
  }
  const removed = await store.unsubscribe(asker, asker.channelId);
  return removed
    ? reply(
        `${displayName(asker.userName)} turned off the daily question for this channel. Scores are kept.`,
        'channel',
      )
    : reply('This channel was not subscribed to the daily question.');
}

/** "Tuesday 24 November at 09:00 (Europe/London)", or a plain fallback. */
export function describeNextRun(deps: TutorDeps): string {
  const at = nextRun(
    parseDailyCron(deps.dailyCron ?? DEFAULT_DAILY_CRON),
    deps.timeZone,
    deps.clock(),
  );
  return at ? formatInstant(at, deps.timeZone) : 'not scheduled';
}

function reply(text: string, visibility: Reply['visibility'] = 'private'): Reply {
  return { sections: [text], visibility };
}
