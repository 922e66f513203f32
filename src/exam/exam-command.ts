import { DOMAIN_NAMES, type Question } from '../content/types.js';
import {
  AnswerNotRecordedError,
  ConcurrentUpdateError,
  StoreUnavailableError,
  UnknownActionError,
} from '../errors.js';
import type { ExamSession } from '../store/records.js';
import { recordTeamActivity } from '../team/team-activity.js';
import { encodeAction } from '../tutor/actions.js';
import { answerInput, choiceText, chooseLine, validPicks } from '../tutor/answer-input.js';
import { pickCountReply } from '../tutor/commands/quiz.js';
import type { Asker, TutorDeps } from '../tutor/deps.js';
import { randomNonce } from '../tutor/nonce.js';
import type { ExamAction } from '../tutor/parse-command.js';
import type { Reply } from '../tutor/reply.js';
import { reviewAnswer } from '../tutor/review-schedule.js';
import { userKey } from '../tutor/user-key.js';
import { drawExam, EXAM_DEFAULT } from './exam-draw.js';
import { examReport, examResultOf, historyReply } from './exam-report.js';

/** An exam can be resumed (and answered) this long after it starts. */
export const EXAM_HOURS = 24;
/** `/aws exam history` shows this many results. */
const HISTORY = 5;

/** `/aws exam [questions|stop|history]`: a private mock exam, one question at a time. */
export async function examReply(deps: TutorDeps, asker: Asker, action: ExamAction): Promise<Reply> {
  const store = await deps.store();
  const user = userKey(asker);
  const now = deps.clock();
  if (action.kind === 'history') {
    return historyReply(await store.examHistory(user, HISTORY), deps.timeZone);
  }
  if (action.kind === 'stop') {
    const stopped = await store.stopExam(user, now.toISOString());
    return {
      sections: [
        stopped
          ? `Exam stopped after ${stopped.position} of ${stopped.questionIds.length} questions. Your answers still count for your reviews; nothing was reported. \`/aws exam\` starts a new one.`
          : 'You have no exam running. `/aws exam` starts one.',
      ],
      visibility: 'private',
    };
  }
  const { session } = await store.getExamContext(user);
  if (session && running(session, now)) return resumed(deps, session, action.count);
  const state = await store.getLearner(user);
  const count = action.count ?? EXAM_DEFAULT;
  const questions = drawExam(deps.content, state.cards, count, deps.random);
  const fresh: ExamSession = {
    examId: randomNonce(deps.random),
    questionIds: questions.map((q) => q.id),
    answers: {},
    rights: {},
    position: 0,
    startedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + EXAM_HOURS * 3600_000).toISOString(),
  };
  if ((await store.startExam(user, fresh)) === 'running') {
    // Another `/aws exam` started one a moment ago: that one stands.
    const again = (await store.getExamContext(user)).session;
    if (again && running(again, now)) return resumed(deps, again, action.count);
  }
  const reply = examQuestion(deps, fresh);
  reply.sections.unshift(
    `_A ${count}-question mock exam, weighted like the real one. No answers are shown until the end; \`/aws exam stop\` ends it._`,
  );
  return reply;
}

/** A click on an exam answer: recorded once, at its position; then the next question or the report. */
export async function answerExam(
  deps: TutorDeps,
  asker: Asker,
  action: { examId: string; position: number; questionId: string; choices: number[] },
): Promise<Reply> {
  const question = deps.content.question(action.questionId);
  if (!question) throw new UnknownActionError(`exam ${action.questionId}`);
  if (!validPicks(question, action.choices)) return pickCountReply(question);
  const store = await deps.store();
  const user = userKey(asker);
  const now = deps.clock();
  for (let attempt = 0; ; attempt++) {
    const { session, card } = await store.getExamContext(user, question.id);
    if (!session || session.examId !== action.examId) return gone();
    if (attempt >= 3) return examQuestion(deps, session);
    if (session.finishedAt) return finishedReport(deps, session);
    if (!running(session, now)) return gone();
    // A double click or a retry of an answered question: show where the exam is now.
    if (
      session.position !== action.position ||
      session.questionIds[action.position] !== question.id
    ) {
      return examQuestion(deps, session);
    }
    const answer = reviewAnswer(question, action.choices, card, now);
    const { correct } = answer;
    const last = action.position === session.questionIds.length - 1;
    const after: ExamSession = {
      ...session,
      answers: { ...session.answers, [action.position]: action.choices },
      rights: { ...session.rights, [action.position]: correct },
      position: action.position + 1,
      ...(last ? { finishedAt: now.toISOString() } : {}),
    };
    const result = last ? examResultOf(deps.content, after, now.toISOString()) : undefined;
    let outcome: Awaited<ReturnType<typeof store.recordExamAnswer>>;
    try {
      outcome = await store.recordExamAnswer(
        { ...user, name: asker.userName },
        {
          examId: session.examId,
          position: action.position,
          ...answer,
          ...(result ? { result } : {}),
        },
      );
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw new AnswerNotRecordedError(error);
      throw error;
    }
    if (outcome === 'card-conflict') {
      if (attempt < 2) continue;
      throw new ConcurrentUpdateError('review card');
    }
    // Another click of this question won the race: show where the exam is now.
    if (outcome === 'moved-on') continue;
    await recordTeamActivity(deps, asker, { question, correct });
    if (result) return examReport(deps.content, after, result);
    const next = examQuestion(deps, after);
    next.sections.unshift(
      `_Saved for question ${action.position + 1}: ${clip(choiceText(question, action.choices))}._`,
    );
    return next;
  }
}

/** The question at the session's position, private, in place of the one answered. */
export function examQuestion(deps: Pick<TutorDeps, 'content'>, session: ExamSession): Reply {
  const position = session.position;
  const question = deps.content.question(session.questionIds[position] ?? '') as Question;
  const choose = chooseLine(question);
  return {
    title: `Exam: question ${position + 1} of ${session.questionIds.length}`,
    sections: [
      `**${question.question}**`,
      ...(choose ? [`**${choose}**`] : []),
      `_${DOMAIN_NAMES[question.domain]} · answers are shown at the end_`,
    ],
    ...answerInput(
      question,
      encodeAction({
        kind: 'exam-answer',
        examId: session.examId,
        position,
        questionId: question.id,
        choices: [],
      }),
    ),
    footnote: '/aws exam stop ends the exam',
    visibility: 'private',
    replaceOriginal: true,
  };
}

function running(session: ExamSession, now: Date): boolean {
  return !session.finishedAt && Date.parse(session.expiresAt) > now.getTime();
}

function resumed(deps: TutorDeps, session: ExamSession, asked?: number): Reply {
  const reply = examQuestion(deps, session);
  reply.replaceOriginal = false;
  reply.sections.unshift(
    asked !== undefined && asked !== session.questionIds.length
      ? `_You have a ${session.questionIds.length}-question exam running, so here it is again. \`/aws exam stop\` ends it first._`
      : '_Your exam, where you left it._',
  );
  return reply;
}

function finishedReport(deps: TutorDeps, session: ExamSession): Reply {
  const reply = examReport(
    deps.content,
    session,
    examResultOf(deps.content, session, session.finishedAt ?? session.startedAt),
  );
  reply.sections.unshift('_This exam is finished; here is its report again._');
  return reply;
}

function gone(): Reply {
  return {
    sections: [
      'That exam has ended (stopped, replaced or past 24 hours), so nothing was recorded. `/aws exam` starts a new one.',
    ],
    visibility: 'private',
  };
}

/** A saved answer's text, short enough to sit above the next question. */
function clip(text: string): string {
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}
