import { DOMAIN_NAMES, DOMAINS, TOPIC_NAMES, TOPICS } from '../content/types.js';
import type { Tally, TeamWeek } from '../store/records.js';
import { addDays, dateIn, isoWeek } from '../time/calendar.js';
import { barChart } from '../tutor/bars.js';
import { conceptButtons } from '../tutor/concept-buttons.js';
import type { Asker, TutorDeps } from '../tutor/deps.js';
import type { Reply, ReplyButton } from '../tutor/reply.js';

/** `/aws team` looks back this many ISO weeks, this one included. */
export const TEAM_WEEKS = 4;
/** The concepts the team gets wrong most, each with Read and Practise buttons. */
export const WEAKEST_CONCEPTS = 3;

/**
 * `/aws team`: how the workspace learns, with nobody named: people active per week, share right
 * per exam domain and topic (practice and daily answers), and the concepts most often missed.
 */
export async function teamReply(deps: TutorDeps, asker: Asker): Promise<Reply> {
  const store = await deps.store();
  const weeks = recentWeeks(dateIn(deps.clock(), deps.timeZone), TEAM_WEEKS);
  return teamWeeksReply(deps, await store.getTeamWeeks(asker, weeks));
}

/** The `/aws team` message for the weeks read, oldest first (the last is this week). */
export function teamWeeksReply(deps: Pick<TutorDeps, 'content'>, team: TeamWeek[]): Reply {
  const title = `Team: the last ${TEAM_WEEKS} weeks`;
  const total = sumTallies(team.map((w) => ({ answered: w.answered, correct: w.correct })));
  if (total.answered === 0) {
    return {
      title,
      sections: [
        `Nobody here has answered a question in the last ${TEAM_WEEKS} weeks. Start with \`/aws quiz\`, or ask an admin for \`/aws daily on\` in a channel.`,
      ],
      visibility: 'private',
    };
  }
  const most = Math.max(...team.map((w) => w.people));
  const active = barChart(
    team.map((w, i) => ({
      label: i === team.length - 1 ? 'this week' : w.week,
      share: most === 0 ? 0 : w.people / most,
      note: `${w.people} ${w.people === 1 ? 'person' : 'people'}`,
    })),
  );
  const domains = merged(team, 'domains');
  const topics = merged(team, 'topics');
  const weakest = weakestConcepts(deps, team);
  const sections = [
    `**People active each week**\n${active}`,
    `**Share right by exam domain**\n${shareChart(DOMAINS.map((d) => [DOMAIN_NAMES[d], domains[d]]))}`,
    `**Share right by topic**\n${shareChart(TOPICS.map((t) => [TOPIC_NAMES[t], topics[t]]))}`,
  ];
  const buttons: ReplyButton[] = [];
  if (weakest.length > 0) {
    sections.push(
      `**Missed most often**\n${weakest
        .map((w, i) => `${i + 1}. ${w.title}: ${w.wrong} wrong of ${w.answered}`)
        .join('\n')}`,
    );
    buttons.push(...conceptButtons(weakest));
  }
  return {
    title,
    sections,
    ...(buttons.length > 0 ? { buttons } : {}),
    footnote: `${total.answered} answers, practice and daily questions together. Nobody is named.`,
    visibility: 'private',
  };
}

/** The ISO weeks of the `count` weeks up to the one of `date`, oldest first. */
export function recentWeeks(date: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => isoWeek(addDays(date, -7 * (count - 1 - i))));
}

/** The concepts with the most wrong answers over the weeks (ties: the lower share right). */
export function weakestConcepts(
  deps: Pick<TutorDeps, 'content'>,
  weeks: TeamWeek[],
  count = WEAKEST_CONCEPTS,
): { id: string; title: string; answered: number; wrong: number }[] {
  return Object.entries(merged(weeks, 'concepts'))
    .map(([id, t]) => ({ id, note: deps.content.note(id), ...t, wrong: t.answered - t.correct }))
    .filter((c) => c.note && c.wrong > 0)
    .sort((a, b) => b.wrong - a.wrong || a.correct / a.answered - b.correct / b.answered)
    .slice(0, count)
    .map((c) => ({ id: c.id, title: c.note?.title ?? c.id, answered: c.answered, wrong: c.wrong }));
}

/** One kind of tally (topics, domains or concepts) added up over the weeks. */
export function merged(
  weeks: TeamWeek[],
  kind: 'topics' | 'domains' | 'concepts',
): Record<string, Tally> {
  const out: Record<string, Tally> = {};
  for (const week of weeks) {
    for (const [name, tally] of Object.entries(week[kind])) {
      out[name] = sumTallies([out[name] ?? { answered: 0, correct: 0 }, tally]);
    }
  }
  return out;
}

function sumTallies(tallies: Tally[]): Tally {
  return tallies.reduce(
    (sum, t) => ({ answered: sum.answered + t.answered, correct: sum.correct + t.correct }),
    { answered: 0, correct: 0 },
  );
}

/** Share-right bars for the rows with answers. */
function shareChart(rows: [string, Tally | undefined][]): string {
  const answered = rows.filter((r): r is [string, Tally] => (r[1]?.answered ?? 0) > 0);
  if (answered.length === 0) return '_No answers yet._';
  return barChart(
    answered.map(([label, t]) => {
      const share = t.correct / t.answered;
      return {
        label,
        share,
        note: `${String(Math.round(share * 100)).padStart(3)}% of ${t.answered}`,
      };
    }),
  );
}
