import type { Content } from '../content/content.js';
import { stablePermutation } from '../content/shuffle-choices.js';
import type { Question } from '../content/types.js';
import type { DailyRecord, DailyTally } from '../store/records.js';
import { dayNumber } from '../time/calendar.js';
import { questionReply } from '../tutor/commands/quiz.js';
import type { Reply } from '../tutor/reply.js';

/**
 * The question of the day for a date: the same everywhere, and no repeat until the whole bank
 * has been used; each pass through the bank gets its own order. One-click questions only.
 */
export function dailyQuestionFor(content: Content, date: string): Question {
  const bank = content.questions.filter((q) => q.answers.length === 1);
  const day = dayNumber(date);
  const cycle = Math.floor(day / bank.length);
  const order = stablePermutation(bank.length, `daily-${cycle}`);
  return bank[order[day % bank.length] as number] as Question;
}

/** The line under the daily question saying how many have answered. */
export function answeredLine(answered: number): string {
  return answered === 0 ? 'No answers yet. Be the first!' : `${answered} answered so far`;
}

/**
 * The channel message for a question of the day: the reveal of the channel's previous question
 * (its answer, how many answered, the share right), today's question, and the live count.
 */
export function dailyPostReply(
  content: Content,
  record: DailyRecord,
  tally: DailyTally,
): Reply | undefined {
  const question = content.question(record.questionId);
  if (!question) return undefined;
  const reply = questionReply(
    { content },
    question,
    `Question of the day, ${record.date}`,
    `d:${record.date}:`,
    'channel',
  );
  const reveal = record.reveal;
  const before = reveal && content.question(reveal.questionId);
  if (reveal && before) {
    const share = reveal.answered === 0 ? 0 : Math.round((100 * reveal.correct) / reveal.answered);
    const people = `${reveal.answered} ${reveal.answered === 1 ? 'person' : 'people'} answered`;
    reply.sections.unshift(
      `**Last time (${record.prevDate ?? 'before'}):** ${before.question}\nThe answer: **${before.answers.map((i) => before.choices[i]).join('**, **')}**. ${people}${reveal.answered ? `, ${share}% got it right` : ''}.`,
    );
  }
  reply.footnote = answeredLine(tally.answered);
  return reply;
}
