import { PermissionError } from '../errors.js';
import { formatInstant } from '../time/calendar.js';
import {
  DEFAULT_DAILY_CRON,
  DEFAULT_WEEKLY_CRON,
  nextRun,
  parseDailyCron,
} from '../time/cron-schedule.js';
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

/**
 * `/aws daily on|off|status`: subscribe this channel to the question of the day;
 * `/aws daily recap on|off`: its weekly recap (on with the subscription).
 */
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
    const recap =
      sub.recap === false
        ? 'The weekly recap is off (`/aws daily recap on` turns it on).'
        : `The weekly recap comes ${describeNextRun(deps, 'weekly')}.`;
    return reply(
      `This channel gets the daily question (turned on by ${displayName(sub.subscribedBy || 'someone')}). The next one: ${next}. ${recap}`,
    );
  }
  if (!(await isAdmin())) {
    throw new PermissionError(
      action.startsWith('recap')
        ? 'turn the weekly recap on or off'
        : 'turn the daily question on or off',
      ADMINS[asker.platform],
    );
  }
  if (action === 'recap on' || action === 'recap off') {
    const on = action === 'recap on';
    if (!(await store.setRecap(asker, asker.channelId, on))) {
      return reply(
        'The weekly recap goes to channels that get the daily question, and this one does not: `/aws daily on` first.',
      );
    }
    return reply(
      on
        ? `${displayName(asker.userName)} turned on the weekly recap for this channel. The next one: ${describeNextRun(deps, 'weekly')}.`
        : `${displayName(asker.userName)} turned off the weekly recap for this channel. The daily question carries on.`,
      'channel',
    );
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

/** When the daily question (or the weekly recap) comes next: "Tuesday 24 November at 09:00 (Europe/London)". */
export function describeNextRun(
  deps: Pick<TutorDeps, 'dailyCron' | 'weeklyCron' | 'timeZone' | 'clock'>,
  which: 'daily' | 'weekly' = 'daily',
): string {
  const cron =
    which === 'daily'
      ? (deps.dailyCron ?? DEFAULT_DAILY_CRON)
      : (deps.weeklyCron ?? DEFAULT_WEEKLY_CRON);
  const at = nextRun(parseDailyCron(cron), deps.timeZone, deps.clock());
  return at ? formatInstant(at, deps.timeZone) : 'not scheduled';
}

function reply(text: string, visibility: Reply['visibility'] = 'private'): Reply {
  return { sections: [text], visibility };
}
