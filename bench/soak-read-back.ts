import type { DevStack } from './dev-stack.js';
import { DISCORD_GUILD, SLACK_TEAM } from './platform-requests.js';
import type { Person } from './soak-traffic.js';

export interface ScoreCheck {
  people: number;
  matched: number;
  mismatches: string[];
  /** The people hostile requests claimed to be have no score at all. */
  hostileUntouched: boolean;
}

/** Every person's totals from DynamoDB against what they were told. */
export async function readBack(
  stack: DevStack,
  people: Person[],
  hostile: (Person['user'] | undefined)[],
): Promise<ScoreCheck> {
  const mismatches: string[] = [];
  for (const p of people) {
    const workspaceId = p.platform === 'slack' ? SLACK_TEAM : DISCORD_GUILD;
    const { totals } = await stack.store.getLearner({
      platform: p.platform,
      workspaceId,
      userId: p.user.id,
    });
    const e = p.expected;
    const want = {
      answered: e.practiceAnswered + e.dailyAnswered,
      correct: e.practiceCorrect + e.dailyCorrect,
      dailyAnswered: e.dailyAnswered,
      points: 10 * e.dailyCorrect,
    };
    const got = {
      answered: totals?.answered ?? 0,
      correct: totals?.correct ?? 0,
      dailyAnswered: totals?.dailyAnswered ?? 0,
      points: totals?.points ?? 0,
    };
    if (JSON.stringify(want) !== JSON.stringify(got)) {
      mismatches.push(
        `${p.platform}:${p.user.id} told ${JSON.stringify(want)}, stored ${JSON.stringify(got)}`,
      );
    }
  }
  let hostileUntouched = true;
  for (const [i, user] of hostile.entries()) {
    if (!user) continue;
    const platform = i === 0 ? 'slack' : 'discord';
    const workspaceId = platform === 'slack' ? SLACK_TEAM : DISCORD_GUILD;
    const { totals } = await stack.store.getLearner({ platform, workspaceId, userId: user.id });
    if (totals) hostileUntouched = false;
  }
  return {
    people: people.length,
    matched: people.length - mismatches.length,
    mismatches,
    hostileUntouched,
  };
}
