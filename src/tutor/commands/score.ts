import { TOPIC_NAMES, TOPICS } from '../../content/types.js';
import { closureOf } from '../../daily/closing.js';
import { currentStreak } from '../../daily/streak.js';
import type { LearnerState } from '../../store/records.js';
import { dateIn, isoWeek } from '../../time/calendar.js';
import { bar } from '../bars.js';
import type { Asker, TutorDeps } from '../deps.js';
import type { Reply } from '../reply.js';
import { userKey } from '../user-key.js';

/** `/aws score`: points, rank, streak, accuracy, mastery per topic as bars, reviews due. */
export async function scoreReply(deps: TutorDeps, asker: Asker): Promise<Reply> {
  const store = await deps.store();
  const now = deps.clock();
  const [state, workspace] = await Promise.all([
    store.getLearner(userKey(asker)),
    store.getWorkspaceDaily(asker),
  ]);
  const totals = state.totals;
  if (!totals || totals.answered === 0) {
    return {
      title: 'Your score',
      sections: [
        "You haven't answered anything yet. Try `/aws quiz` for a practice question, or answer today's daily question to get on the leaderboard.",
      ],
      visibility: 'private',
    };
  }
  const rank = totals.ranked
    ? (await store.countAhead(asker, 'all', totals.points)) + 1
    : undefined;
  const week = isoWeek(dateIn(now, deps.timeZone));
  const weekPoints = state.weeks.find((w) => w.week === week)?.points ?? 0;
  const due = state.cards.filter((c) => Date.parse(c.fsrs.due) <= now.getTime()).length;
  const accuracy = Math.round((100 * totals.correct) / totals.answered);
  const newestOpen = workspace ? !closureOf(workspace.date, deps, workspace, now) : false;
  const streak = currentStreak(totals, workspace, newestOpen);
  return {
    title: 'Your score',
    fields: [
      { label: 'Points', value: `${totals.points} (${weekPoints} this week)` },
      { label: 'Rank', value: rank ? `#${rank} in this workspace` : 'not ranked yet' },
      {
        label: 'Streak',
        value: `${streak} daily question${streak === 1 ? '' : 's'} in a row (best ${totals.bestStreak})`,
      },
      { label: 'Answered', value: `${totals.answered} (${accuracy}% right)` },
      {
        label: 'Due for review',
        value: due === 0 ? 'nothing yet' : `${due} question${due === 1 ? '' : 's'}`,
      },
    ],
    sections: [
      `**Mastery by topic**\n\`\`\`\n${masteryBars(deps, state).join('\n')}\n\`\`\``,
      rank
        ? 'Points come from daily questions; practice builds mastery.'
        : 'Answer a daily question to join the leaderboard; practice builds mastery.',
    ],
    visibility: 'private',
  };
}

/**
 * One bar per topic: the share of the topic's concepts whose most recent answer was right. A
 * topic never practised shows an empty bar rather than being hidden, so the gaps are visible.
 */
export function masteryBars(deps: TutorDeps, state: LearnerState): string[] {
  const latest = new Map<string, { at: string; right: boolean }>();
  for (const card of state.cards) {
    const concept = deps.content.question(card.questionId)?.concept;
    const seen = concept ? latest.get(concept) : undefined;
    if (concept && (!seen || card.lastAnsweredAt > seen.at)) {
      latest.set(concept, { at: card.lastAnsweredAt, right: card.lastCorrect });
    }
  }
  const width = Math.max(...TOPICS.map((t) => TOPIC_NAMES[t].length));
  return TOPICS.map((topic) => {
    const notes = deps.content.notesByTopic(topic);
    const known = notes.filter((n) => latest.get(n.id)?.right).length;
    const share = notes.length === 0 ? 0 : known / notes.length;
    return `${TOPIC_NAMES[topic].padEnd(width)} ${bar(share)} ${String(Math.round(share * 100)).padStart(3)}%`;
  });
}
