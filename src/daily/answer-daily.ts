import type { Question } from '../content/types.js';
import {
  AnswerNotRecordedError,
  ConcurrentUpdateError,
  StoreUnavailableError,
  UnknownActionError,
} from '../errors.js';
import { recordTeamActivity } from '../team/team-activity.js';
import { formatInstant, isoWeek } from '../time/calendar.js';
import { feedbackReply } from '../tutor/commands/quiz.js';
import type { Asker, TutorDeps } from '../tutor/deps.js';
import type { Reply } from '../tutor/reply.js';
import { userKey } from '../tutor/user-key.js';
import { type Closure, closureOf } from './closing.js';
import { channelRefreshFor, countInterval } from './live-count.js';
import { nextStreak, previousQuestionDate } from './streak.js';

/** Points for a right answer to the daily question. Wrong answers score nothing but keep the streak. */
export const DAILY_POINTS = 10;

/**
 * A click on a daily question: the first answer per person per workspace and day counts,
 * exactly once, while the question is open (closing.ts); the streak follows the workspace.
 */
export async function answerDaily(
  deps: TutorDeps,
  asker: Asker,
  action: { date: string; choice: number },
): Promise<Reply> {
  const store = await deps.store();
  const now = deps.clock();
  for (let attempt = 0; ; attempt++) {
    const ctx = await store.getDailyContext(userKey(asker), asker.channelId, action.date);
    const question = ctx.daily && deps.content.question(ctx.daily.questionId);
    if (!ctx.daily || !question || action.choice >= question.choices.length) {
      throw new UnknownActionError(`daily ${action.date}#${action.choice}`);
    }
    if (ctx.previous) return alreadyAnswered(question, ctx.previous.choice);
    const closure = closureOf(action.date, deps, ctx.workspace, now);
    if (closure) return closedReply(deps, question, closure);
    const totals = ctx.totals;
    const correct = question.answers.includes(action.choice);
    const { streak, lastDailyDate } = nextStreak(
      totals,
      action.date,
      previousQuestionDate(ctx.workspace, ctx.daily),
    );
    const points = correct ? DAILY_POINTS : 0;
    try {
      const outcome = await store.recordDaily(
        { ...userKey(asker), name: asker.userName },
        {
          channelId: asker.channelId,
          date: action.date,
          week: isoWeek(action.date),
          choice: action.choice,
          correct,
          points,
          streak,
          bestStreak: Math.max(streak, totals?.bestStreak ?? 0),
          lastDailyDate,
          ...(totals?.lastDailyDate ? { expectedLastDailyDate: totals.lastDailyDate } : {}),
          at: now.toISOString(),
        },
      );
      if (outcome.status === 'duplicate') return alreadyAnswered(question);
      await recordTeamActivity(deps, asker, {
        question,
        correct,
        daily: { date: action.date, points },
      });
    } catch (error) {
      if (error instanceof ConcurrentUpdateError && attempt < 2) continue;
      if (error instanceof StoreUnavailableError) throw new AnswerNotRecordedError(error);
      throw error;
    }
    const reply = feedbackReply(deps, question, [action.choice]);
    reply.replaceOriginal = false;
    reply.sections.push(
      `${correct ? `+${points} points. ` : ''}Daily streak: ${streak} 🔥. The answer is revealed to the channel with the next daily question.`,
    );
    const refresh = channelRefreshFor(ctx.daily, now.getTime(), countInterval(deps));
    if (refresh) reply.channelRefresh = refresh;
    return reply;
  }
}

function alreadyAnswered(question: Question, choice?: number): Reply {
  const picked = choice === undefined ? '' : ` You picked “${question.choices[choice]}”.`;
  return {
    sections: [`You already answered today's question.${picked} Only your first answer counts.`],
    visibility: 'private',
  };
}

function closedReply(deps: TutorDeps, question: Question, closure: Closure): Reply {
  const when =
    closure.by === 'schedule'
      ? `on ${formatInstant(closure.at, deps.timeZone)}`
      : `when the question of ${closure.date} was posted`;
  const answer = question.answers.map((i) => `“${question.choices[i]}”`).join(' and ');
  return {
    sections: [
      `This question closed ${when}; the answer was ${answer}. Nothing was scored. Look out for the next one!`,
    ],
    visibility: 'private',
  };
}
