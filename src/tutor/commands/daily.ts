import type { Content } from '../../content/content.js';
import { stablePermutation } from '../../content/shuffle-choices.js';
import type { Question } from '../../content/types.js';
import {
  AnswerNotRecordedError,
  StaleTotalsError,
  StoreUnavailableError,
  UnknownActionError,
} from '../../errors.js';
import type { DailyRecord } from '../../store/records.js';
import { encodeAction } from '../actions.js';
import { dateIn, dayNumber, isoWeek } from '../calendar.js';
import type { Asker, TutorDeps } from '../deps.js';
import type { ChannelRefresh, ChannelUpdate, Reply } from '../reply.js';
import { userKey } from '../user-key.js';
import { answeredLine, channelRefreshFor, DAILY_COUNT_EDIT_INTERVAL_MS } from './daily-count.js';
import { feedbackReply, questionReply } from './quiz.js';

/** Points for a right answer to the daily question. Wrong answers score nothing but keep the streak. */
export const DAILY_POINTS = 10;
/** A daily question that nothing replaced can still be answered this many days after its date. */
const ANSWER_WINDOW_DAYS = 7;

/**
 * The question of the day for a date: the same everywhere, and no repeat until the whole bank
 * has been used. Each pass through the bank gets its own order.
 */
export function dailyQuestionFor(content: Content, date: string): Question {
  const n = content.questions.length;
  const day = dayNumber(date);
  const cycle = Math.floor(day / n);
  const order = stablePermutation(n, `daily-${cycle}`);
  return content.questions[order[day % n] as number] as Question;
}

/**
 * The channel message for a question of the day: first the reveal of the channel's previous
 * question (its answer, how many answered, the share who were right), then today's question.
 */
export function dailyPostReply(
  deps: Pick<TutorDeps, 'content'>,
  record: DailyRecord,
  previous?: DailyRecord,
): Reply | undefined {
  const question = deps.content.question(record.questionId);
  if (!question) return undefined;
  const reply = questionReply(
    deps,
    question,
    `Question of the day, ${record.date}`,
    (choice) => encodeAction({ kind: 'daily-answer', date: record.date, choice }),
    'channel',
  );
  const before = previous && deps.content.question(previous.questionId);
  if (previous && before) {
    const share =
      previous.answered === 0 ? 0 : Math.round((100 * previous.correctCount) / previous.answered);
    const people = `${previous.answered} ${previous.answered === 1 ? 'person' : 'people'} answered`;
    reply.sections.unshift(
      `**Last time (${previous.date}):** ${before.question}\nThe answer: **${before.choices[before.answer]}**. ${people}${previous.answered ? `, ${share}% got it right` : ''}.`,
    );
  }
  // The live count: answers edit this line (throttled), everything else stays as posted.
  reply.footnote = answeredLine(record.answered);
  return reply;
}

/** Today's question in the asker's channel, created if it is not there yet (playground `daily`). */
export async function postDaily(deps: TutorDeps, asker: Asker): Promise<Reply> {
  const store = await deps.store();
  const date = dateIn(deps.clock(), deps.timeZone);
  const question = dailyQuestionFor(deps.content, date);
  const record = await store.createDaily(asker, {
    channelId: asker.channelId,
    date,
    questionId: question.id,
    answered: 0,
    correctCount: 0,
    postedAt: deps.clock().toISOString(),
  });
  const previous = record.prevDate
    ? await store.getDaily(asker, asker.channelId, record.prevDate)
    : undefined;
  const reply = dailyPostReply(deps, record, previous);
  if (!reply) throw new UnknownActionError(`daily question ${record.questionId} left the bank`);
  return reply;
}

/** A click on a daily question: first answer per person per day counts, scored exactly once. */
export async function answerDaily(
  deps: TutorDeps,
  asker: Asker,
  action: { date: string; choice: number },
): Promise<Reply> {
  const store = await deps.store();
  const now = deps.clock();
  const today = dateIn(now, deps.timeZone);
  for (let attempt = 0; ; attempt++) {
    const ctx = await store.getDailyContext(userKey(asker), asker.channelId, action.date);
    const question = ctx.daily && deps.content.question(ctx.daily.questionId);
    if (!ctx.daily || !question || action.choice >= question.choices.length) {
      throw new UnknownActionError(`daily ${action.date}#${action.choice}`);
    }
    if (ctx.previous) return alreadyAnswered(question, ctx.previous.choice);
    // Closed once the next question has revealed the answer, or when it is simply too old.
    const superseded = ctx.latestDate !== undefined && ctx.latestDate > action.date;
    if (superseded || dayNumber(today) - dayNumber(action.date) > ANSWER_WINDOW_DAYS) {
      return {
        sections: [
          'That daily question has closed and its answer is out. Look out for the next one!',
        ],
        visibility: 'private',
      };
    }
    const totals = ctx.totals;
    const correct = action.choice === question.answer;
    // By question date, not by clock: answering Monday's question after Friday's continues it.
    const streak =
      totals?.lastDailyDate && totals.lastDailyDate === ctx.daily.prevDate ? totals.streak + 1 : 1;
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
          ...(totals?.lastDailyDate ? { expectedLastDailyDate: totals.lastDailyDate } : {}),
          at: now.toISOString(),
        },
      );
      if (outcome.status === 'duplicate') return alreadyAnswered(question);
    } catch (error) {
      if (error instanceof StaleTotalsError && attempt === 0) continue;
      if (error instanceof StoreUnavailableError) throw new AnswerNotRecordedError(error);
      throw error;
    }
    const reply = feedbackReply(deps, question, action.choice);
    reply.replaceOriginal = false;
    reply.sections.push(
      `${correct ? `+${points} points. ` : ''}Daily streak: ${streak} 🔥. The answer is revealed to the channel with the next daily question.`,
    );
    const refresh = channelRefreshFor(ctx.daily, now.getTime(), countInterval(deps));
    if (refresh) reply.channelRefresh = refresh;
    return reply;
  }
}

/**
 * After a daily answer (`Reply.channelRefresh`): the channel message with its new count, when
 * the throttle grants an edit now, else undefined. The count is read from the store as
 * committed, so it includes this answer and any that landed meanwhile. Nothing once a newer
 * question is out: its post revealed this one's result.
 */
export async function refreshDailyCount(
  deps: TutorDeps,
  asker: Asker,
  refresh: ChannelRefresh,
): Promise<ChannelUpdate | undefined> {
  const store = await deps.store();
  const grant = await store.claimDailyCountEdit(asker, {
    channelId: asker.channelId,
    date: refresh.date,
    nowMs: deps.clock().getTime(),
    intervalMs: countInterval(deps),
  });
  if (!grant || (grant.latestDate !== undefined && grant.latestDate > refresh.date)) {
    return undefined;
  }
  const reply = dailyPostReply(deps, grant.daily, grant.previous);
  if (!reply) return undefined;
  const { messageId } = grant.daily;
  return { channelId: asker.channelId, ...(messageId ? { messageId } : {}), reply };
}

function countInterval(deps: TutorDeps): number {
  return deps.dailyCountIntervalMs ?? DAILY_COUNT_EDIT_INTERVAL_MS;
}

function alreadyAnswered(question: Question, choice?: number): Reply {
  const picked = choice === undefined ? '' : ` You picked “${question.choices[choice]}”.`;
  return {
    sections: [`You already answered today's question.${picked} Only your first answer counts.`],
    visibility: 'private',
  };
}
