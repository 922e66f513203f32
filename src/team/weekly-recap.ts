import type { Content } from '../content/content.js';
import { TOPIC_NAMES, type Topic } from '../content/types.js';
import type { BoardEntry, DailyTally, Tally } from '../store/records.js';
import { addDays, isoWeek, mondayOf } from '../time/calendar.js';
import { encodeAction } from '../tutor/actions.js';
import { displayName } from '../tutor/display-name.js';
import type { Reply } from '../tutor/reply.js';

/** The week's top this many are named. */
export const RECAP_TOP = 5;
/** A topic needs this many answers in the week to be called the weakest. */
const WEAKEST_TOPIC_MIN_ANSWERS = 3;

/** What a recap says about one channel's week; gathered by recap-facts.ts. */
export interface RecapFacts {
  week: string;
  /** Whether the week is still running (a Friday recap) or over (a Monday one). */
  current: boolean;
  /** The week's board, best first, points above 0 only. */
  top: BoardEntry[];
  /** People who answered anything (practice or daily) in the workspace this week. */
  people: number;
  /** Answers given in the workspace this week, practice and daily. */
  answered: number;
  /** Daily questions this channel was asked this week. */
  dailyAsked: number;
  /** The channel's daily question with the lowest share right (among those answered). */
  hardest?: { questionId: string } & DailyTally;
  /** The topic with the lowest share right this week. */
  weakest?: { topic: Topic } & Tally;
  /** The longest current daily streak, and who holds it (only people on the board). */
  streak?: { days: number; names: string[] };
  /** When the next daily question comes, for a quiet week's nudge. */
  nextDaily: string;
}

/**
 * The ISO week a recap run covers: its own week from Wednesday on (the default Friday run),
 * the week just ended when it runs on a Monday or Tuesday.
 */
export function recapWeek(today: string): RecapWeek {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  const early = weekday === 1 || weekday === 2;
  const day = early ? addDays(today, -7) : today;
  return { week: isoWeek(day), monday: mondayOf(day), current: !early };
}

/** A week as the recap covers it. */
export interface RecapWeek {
  week: string;
  /** The week's first day, `yyyy-mm-dd`. */
  monday: string;
  /** Whether the week is still running when the recap is posted. */
  current: boolean;
}

/** The recap message: one channel post, or a short nudge after a quiet week. */
export function recapReply(content: Content, facts: RecapFacts): Reply {
  const title = `Weekly recap (${facts.week})`;
  const afresh = facts.current
    ? '_The weekly board starts afresh on Monday; `/aws leaderboard month` keeps the month._'
    : '_The weekly board has started afresh; `/aws leaderboard month` keeps the month._';
  if (facts.answered === 0 && facts.top.length === 0) {
    return {
      title,
      sections: [
        `A quiet week: nobody answered a question. The next daily question comes ${facts.nextDaily}; or start now with \`/aws quiz\`.`,
      ],
      visibility: 'channel',
    };
  }
  const sections: string[] = [];
  if (facts.top.length > 0) {
    sections.push(
      `**This week's top ${Math.min(RECAP_TOP, facts.top.length)}**\n${facts.top
        .slice(0, RECAP_TOP)
        .map((e, i) => `${i + 1}. **${displayName(e.name)}**: ${e.points} pts`)
        .join('\n')}`,
    );
  }
  const asked = `${facts.dailyAsked} daily question${facts.dailyAsked === 1 ? '' : 's'} here`;
  sections.push(
    `${facts.people} ${facts.people === 1 ? 'person' : 'people'} answered ${facts.answered} question${facts.answered === 1 ? '' : 's'} (practice and daily); ${asked}.`,
  );
  const hardest = facts.hardest && content.question(facts.hardest.questionId);
  const note = hardest && content.note(hardest.concept);
  if (facts.hardest && hardest) {
    const share = Math.round((100 * facts.hardest.correct) / facts.hardest.answered);
    const answer = hardest.answers.map((i) => hardest.choices[i]).join('**, **');
    sections.push(
      `**Hardest question:** ${hardest.question}\nThe answer: **${answer}**. ${share}% of ${facts.hardest.answered} got it right.`,
    );
  }
  if (facts.weakest) {
    const share = Math.round((100 * facts.weakest.correct) / facts.weakest.answered);
    sections.push(
      `**Weakest topic:** ${TOPIC_NAMES[facts.weakest.topic]}, ${share}% right. \`/aws quiz ${facts.weakest.topic}\` to practise it.`,
    );
  }
  if (facts.streak && facts.streak.days > 0) {
    const names = facts.streak.names.map((n) => `**${displayName(n)}**`).join(', ');
    sections.push(
      `**Longest current streak:** ${facts.streak.days} daily question${facts.streak.days === 1 ? '' : 's'} in a row, ${names} 🔥`,
    );
  }
  sections.push(afresh);
  return {
    title,
    sections,
    ...(note
      ? {
          buttons: [
            {
              label: `Read: ${note.title}`,
              action: encodeAction({ kind: 'show-concept', conceptId: note.id }),
              kind: 'other' as const,
            },
          ],
          link: { label: `${note.title} in the AWS docs`, url: note.docs },
        }
      : {}),
    visibility: 'channel',
  };
}

/** The topic with the lowest share right, among those answered often enough to say (and not all right). */
export function weakestTopic(
  topics: Record<string, Tally>,
): ({ topic: Topic } & Tally) | undefined {
  return Object.entries(topics)
    .filter(([, t]) => t.answered >= WEAKEST_TOPIC_MIN_ANSWERS && t.correct < t.answered)
    .map(([topic, t]) => ({ topic: topic as Topic, ...t }))
    .sort((a, b) => a.correct / a.answered - b.correct / b.answered || b.answered - a.answered)[0];
}
