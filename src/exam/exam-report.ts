import type { Content } from '../content/content.js';
import { DOMAIN_NAMES, DOMAINS, type Question, TOPIC_NAMES } from '../content/types.js';
import type { ExamResult, ExamSession, Tally } from '../store/records.js';
import { barChart } from '../tutor/bars.js';
import { conceptButtons } from '../tutor/concept-buttons.js';
import type { Reply, ReplyButton } from '../tutor/reply.js';

/** The real exam's pace: 65 questions in 90 minutes. */
export const EXAM_SECONDS_PER_QUESTION = (90 * 60) / 65;
/** Below this share right, a domain "needs work". */
export const NEEDS_WORK = 0.7;
/** The report names this many weakest concepts, each with Read and Practise buttons. */
const WEAKEST = 3;

/** The result a finished session keeps for `/aws exam history`: totals by domain. */
export function examResultOf(
  content: Content,
  session: ExamSession,
  finishedAt: string,
): ExamResult {
  const domains: Record<string, Tally> = {};
  let right = 0;
  session.questionIds.forEach((id, i) => {
    const question = content.question(id);
    if (!question) return;
    const tally = domains[question.domain] ?? { answered: 0, correct: 0 };
    tally.answered++;
    if (session.rights[i]) {
      tally.correct++;
      right++;
    }
    domains[question.domain] = tally;
  });
  return {
    examId: session.examId,
    startedAt: session.startedAt,
    finishedAt,
    total: session.questionIds.length,
    right,
    domains,
  };
}

/**
 * The report at the end: the share right overall and by domain ("needs work" below 70%), the
 * time against the exam's pace, the weakest concepts with buttons, and each wrong question as
 * its topic and a link.
 */
export function examReport(content: Content, session: ExamSession, result: ExamResult): Reply {
  const share = (t: Tally) => (t.answered === 0 ? 0 : t.correct / t.answered);
  const percent = (t: Tally) => Math.round(share(t) * 100);
  const overall = { answered: result.total, correct: result.right };
  const domains = barChart(
    DOMAINS.filter((d) => result.domains[d]).map((d) => {
      const t = result.domains[d] as Tally;
      const flag = share(t) < NEEDS_WORK ? '  needs work' : '';
      return {
        label: DOMAIN_NAMES[d],
        share: share(t),
        note: `${String(percent(t)).padStart(3)}% of ${t.answered}${flag}`,
      };
    }),
  );
  const wrong = session.questionIds
    .map((id, i) => ({ position: i, question: content.question(id) }))
    .filter(
      (w): w is { position: number; question: Question } =>
        !!w.question && !session.rights[w.position],
    );
  const weakest = weakestConcepts(
    content,
    wrong.map((w) => w.question),
  );
  const sections = [`**By exam domain**\n${domains}`, timeLine(result)];
  const buttons: ReplyButton[] = [];
  if (weakest.length > 0) {
    sections.push(
      `**Weakest concepts**\n${weakest.map((w, i) => `${i + 1}. ${w.title}: ${w.wrong} wrong`).join('\n')}`,
    );
    buttons.push(...conceptButtons(weakest));
  }
  sections.push(
    '_Exam answers update your reviews and mastery, not the leaderboards. `/aws exam history` shows your last five; `/aws exam` starts another._',
  );
  return {
    title: `Exam report: ${result.right} of ${result.total} right (${percent(overall)}%)`,
    sections,
    ...(wrong.length > 0
      ? {
          linkList: {
            title: 'Wrong answers',
            links: wrong.map(({ position, question }) => {
              const note = content.note(question.concept);
              return {
                label: `Q${position + 1} · ${TOPIC_NAMES[question.topic]}: ${note?.title ?? question.concept}`,
                url: note?.docs ?? '',
              };
            }),
          },
        }
      : {}),
    ...(buttons.length > 0 ? { buttons } : {}),
    visibility: 'private',
    replaceOriginal: true,
  };
}

/** "Time: 12 min for 20 questions, within the exam's pace of 28 min (90 minutes for 65)." */
function timeLine(result: ExamResult): string {
  const taken = (Date.parse(result.finishedAt) - Date.parse(result.startedAt)) / 1000;
  const pace = result.total * EXAM_SECONDS_PER_QUESTION;
  const verdict = taken <= pace ? 'within' : 'over';
  return `**Time:** ${minutes(taken)} for ${result.total} questions, ${verdict} the exam's pace of ${minutes(pace)} (90 minutes for 65).`;
}

function minutes(seconds: number): string {
  return seconds < 30 ? 'under a minute' : `${Math.max(1, Math.round(seconds / 60))} min`;
}

/** The concepts with the most wrong answers in the exam, then by first appearance. */
function weakestConcepts(content: Content, wrong: Question[]) {
  const counts = new Map<string, number>();
  for (const q of wrong) counts.set(q.concept, (counts.get(q.concept) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, WEAKEST)
    .flatMap(([id, count]) => {
      const note = content.note(id);
      return note ? [{ id, title: note.title, wrong: count }] : [];
    });
}

/** `/aws exam history`: the last five results, newest first. */
export function historyReply(results: ExamResult[], timeZone: string): Reply {
  if (results.length === 0) {
    return {
      title: 'Your exams',
      sections: ['No finished exams yet. `/aws exam` starts a 20-question mock exam.'],
      visibility: 'private',
    };
  }
  const day = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone,
  });
  const lines = results.map((r) => {
    const percent = Math.round((100 * r.right) / r.total);
    const weak = DOMAINS.filter((d) => {
      const t = r.domains[d];
      return t && t.answered > 0 && t.correct / t.answered < NEEDS_WORK;
    }).map((d) => DOMAIN_NAMES[d]);
    const taken = minutes((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000);
    return `• ${day.format(new Date(r.finishedAt))}: **${r.right} of ${r.total}** (${percent}%) in ${taken}${
      weak.length > 0 ? `; needs work: ${weak.join(', ')}` : ''
    }`;
  });
  return { title: 'Your last exams', sections: [lines.join('\n')], visibility: 'private' };
}
