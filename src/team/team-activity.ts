import type { Question } from '../content/types.js';
import { describeError } from '../errors.js';
import { dateIn, isoWeek } from '../time/calendar.js';
import type { Asker, TutorDeps } from '../tutor/deps.js';
import { userKey } from '../tutor/user-key.js';

/** A daily answer's part in the monthly board. */
export interface DailyPoints {
  date: string;
  points: number;
}

/**
 * After an answer is recorded: counts it in the team's week and adds a right daily answer's
 * points to the monthly board, in small writes outside the answer's transaction; a failure is
 * only logged and costs the learner nothing (docs/ARCHITECTURE.md, Team activity).
 */
export async function recordTeamActivity(
  deps: TutorDeps,
  asker: Asker,
  answer: { question: Question; correct: boolean; daily?: DailyPoints },
): Promise<void> {
  const store = await deps.store();
  const now = deps.clock();
  const at = now.toISOString();
  const date = answer.daily?.date ?? dateIn(now, deps.timeZone);
  const writes: Promise<void>[] = [
    store.recordTeamAnswer(userKey(asker), {
      week: isoWeek(date),
      userId: asker.userId,
      topic: answer.question.topic,
      domain: answer.question.domain,
      concept: answer.question.concept,
      correct: answer.correct,
      at,
    }),
  ];
  if (answer.daily && answer.daily.points > 0) {
    writes.push(
      store.addMonthPoints(
        { ...userKey(asker), name: asker.userName },
        {
          month: answer.daily.date.slice(0, 7),
          date: answer.daily.date,
          points: answer.daily.points,
          at,
        },
      ),
    );
  }
  const results = await Promise.allSettled(writes);
  for (const result of results) {
    if (result.status === 'rejected') {
      deps.log.error('team activity not counted', { error: describeError(result.reason) });
    }
  }
}
