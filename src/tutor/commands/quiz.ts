import type { Question } from '../../content/types.js';
import { TOPIC_NAMES, TOPICS } from '../../content/types.js';
import {
  AnswerNotRecordedError,
  ConcurrentUpdateError,
  StoreUnavailableError,
  UnknownActionError,
} from '../../errors.js';
import { recordTeamActivity } from '../../team/team-activity.js';
import { encodeAction } from '../actions.js';
import { answerInput, choiceText, chooseLine, isRight, validPicks } from '../answer-input.js';
import type { Asker, TutorDeps } from '../deps.js';
import { randomNonce } from '../nonce.js';
import { type PickReason, pickQuestion, type QuizFilter } from '../pick-question.js';
import type { Reply, ReplyButton } from '../reply.js';
import { resolveTopic } from '../resolve-topic.js';
import { describeDue, reviewAnswer } from '../review-schedule.js';
import { userKey } from '../user-key.js';

/** A practice question stays answerable this long; then its buttons say it expired. */
export const PENDING_TTL_SECONDS = 24 * 3600;
/** At most this many practice questions are kept per person; a new one replaces the oldest. */
export const MAX_PENDING = 20;

const REASONS: Record<PickReason, string> = {
  due: 'Due for review',
  weakest: 'From your weakest topic',
  new: 'New question',
  ahead: 'Review ahead of schedule',
};

/**
 * `/aws quiz [topic|concept]`: a practice question for the asker, chosen by the schedule. A
 * button that names its concept passes the filter itself.
 */
export async function startQuiz(
  deps: TutorDeps,
  asker: Asker,
  wanted?: string | { concept: string },
): Promise<Reply> {
  const filter =
    typeof wanted === 'object'
      ? deps.content.note(wanted.concept) && wanted
      : wanted
        ? resolveFilter(deps, wanted)
        : {};
  if (!filter) return unknownTopic(typeof wanted === 'object' ? wanted.concept : (wanted ?? ''));
  const store = await deps.store();
  const now = deps.clock();
  const state = await store.getLearner(userKey(asker));
  const picked = pickQuestion(deps.content, state, filter, now, deps.random);
  if (!picked) return { sections: ['There are no questions for that yet.'], visibility: 'private' };
  const nonce = randomNonce(deps.random);
  // Spamming /aws quiz cannot grow the table: past the cap, the oldest question is forgotten.
  const oldest = state.pending.length >= MAX_PENDING ? state.pending[0]?.nonce : undefined;
  await store.savePending(
    userKey(asker),
    { nonce, questionId: picked.question.id, issuedAt: now.toISOString() },
    PENDING_TTL_SECONDS,
    oldest,
  );
  return questionReply(
    deps,
    picked.question,
    REASONS[picked.reason],
    encodeAction({ kind: 'practice-answer', nonce, questionId: picked.question.id, choices: [] }),
  );
}

/** The question with its answer buttons (or choice set); `prefix` starts what a pick sends. */
export function questionReply(
  deps: Pick<TutorDeps, 'content'>,
  question: Question,
  context: string,
  prefix: string,
  visibility: Reply['visibility'] = 'private',
): Reply {
  const concept = deps.content.note(question.concept);
  const dots = '●'.repeat(question.difficulty) + '○'.repeat(3 - question.difficulty);
  const choose = chooseLine(question);
  return {
    title: visibility === 'channel' ? 'Question of the day' : 'Practice question',
    sections: [
      `**${question.question}**`,
      ...(choose ? [`**${choose}**`] : []),
      `_${context} · ${TOPIC_NAMES[question.topic]}${concept ? ` · ${concept.title}` : ''} · difficulty ${dots}_`,
    ],
    ...answerInput(question, prefix),
    visibility,
  };
}

/** A click on a practice answer: checked against our own records, saved exactly once. */
export async function answerPractice(
  deps: TutorDeps,
  asker: Asker,
  action: { nonce: string; questionId: string; choices: number[] },
): Promise<Reply> {
  const question = deps.content.question(action.questionId);
  if (!question || action.choices.some((c) => c >= question.choices.length)) {
    throw new UnknownActionError(`practice ${action.questionId}#${action.choices.join('')}`);
  }
  if (!validPicks(question, action.choices)) return pickCountReply(question);
  const store = await deps.store();
  const user = userKey(asker);
  const now = deps.clock();
  for (let attempt = 0; ; attempt++) {
    const { pending, card } = await store.getPracticeContext(user, action.nonce, question.id);
    if (!pending || pending.questionId !== question.id) return expiredReply();
    // A retried or repeated click: show the recorded result again, in place of the question.
    if (pending.answeredAt !== undefined && pending.choices !== undefined) {
      return recordedAgain(deps, question, pending.choices);
    }
    const answer = reviewAnswer(question, action.choices, card, now);
    let outcome: Awaited<ReturnType<typeof store.recordPractice>>;
    try {
      outcome = await store.recordPractice(
        { ...user, name: asker.userName },
        { nonce: action.nonce, ...answer },
      );
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw new AnswerNotRecordedError(error);
      // Another answer to this question changed its card first: re-read and schedule again.
      if (error instanceof ConcurrentUpdateError && attempt < 2) continue;
      throw error;
    }
    // Lost a race with another click of the same question: that one counted, not this one.
    if (outcome.status === 'duplicate') return alreadyAnswered();
    await recordTeamActivity(deps, asker, { question, correct: answer.correct });
    return feedbackReply(deps, question, action.choices, describeDue(answer.card.fsrs.due, now));
  }
}

/** Right or wrong, the right choices (each marked, for "choose two"), why, and where to read more. */
export function feedbackReply(
  deps: Pick<TutorDeps, 'content'>,
  question: Question,
  picks: number[],
  nextReview?: string,
): Reply {
  const correct = isRight(question, picks);
  const concept = deps.content.note(question.concept);
  const sections = [`**${question.question}**`, `Your answer: ${choiceText(question, picks)}`];
  if (question.answers.length > 1) {
    sections.push(choiceMarks(question, picks));
  } else if (!correct) {
    sections.push(`Correct answer: **${question.choices[question.answer]}**`);
  }
  sections.push(question.explanation);
  if (nextReview) sections.push(`_I'll bring this question back ${nextReview}._`);
  const buttons: ReplyButton[] = [
    {
      label: 'Next question',
      action: encodeAction({ kind: 'next-question' }),
      kind: 'other',
      style: 'primary',
    },
  ];
  if (concept) {
    buttons.push({
      label: `Read: ${concept.title}`,
      action: encodeAction({ kind: 'show-concept', conceptId: concept.id }),
      kind: 'other',
    });
  }
  const partly = question.answers.filter((a) => picks.includes(a)).length;
  return {
    title: correct
      ? '✅ Correct!'
      : partly > 0
        ? `❌ Not quite: ${partly} of ${question.answers.length} right`
        : '❌ Not quite',
    sections,
    ...(concept ? { link: { label: `${concept.title} in the AWS docs`, url: concept.docs } } : {}),
    buttons,
    visibility: 'private',
    replaceOriginal: true,
  };
}

/** Each choice of a "choose two" question: right or not, and whether it was picked. */
function choiceMarks(question: Question, picks: number[]): string {
  return question.choices
    .map((text, i) => {
      const right = question.answers.includes(i);
      const picked = picks.includes(i);
      const mark = right ? (picked ? '✅' : '⬜') : picked ? '❌' : '▫️';
      const why = right
        ? picked
          ? 'right, you picked it'
          : 'right, you missed it'
        : picked
          ? 'wrong, you picked it'
          : 'wrong';
      return `${mark} ${text} (${why})`;
    })
    .join('\n');
}

/** A set of picks of the wrong size: nothing is recorded, and the question stays. */
export function pickCountReply(question: Pick<Question, 'answers'>): Reply {
  return {
    sections: [`${chooseLine(question) ?? 'Choose one.'} Nothing was recorded yet; pick again.`],
    visibility: 'private',
  };
}

function recordedAgain(deps: TutorDeps, question: Question, picks: number[]): Reply {
  const reply = feedbackReply(deps, question, picks);
  reply.sections.unshift('_You already answered this one; only your first answer counts._');
  return reply;
}

function alreadyAnswered(): Reply {
  return {
    sections: [`You already answered this one. Only your first answer counts.`],
    buttons: [nextButton()],
    visibility: 'private',
  };
}

function expiredReply(): Reply {
  return {
    sections: [
      'That question has expired or was not asked to you, so I did not record anything. Here is a fresh one if you like.',
    ],
    buttons: [nextButton()],
    visibility: 'private',
  };
}

function nextButton(): ReplyButton {
  return {
    label: 'Next question',
    action: encodeAction({ kind: 'next-question' }),
    kind: 'other',
    style: 'primary',
  };
}

function resolveFilter(deps: TutorDeps, text: string): QuizFilter | undefined {
  const topic = resolveTopic(text);
  if (topic) return { topic };
  if (deps.content.note(text)) return { concept: text };
  // A concept name ("quiz lambda") narrows to that concept when the name matches exactly.
  const hit = deps.search.search(text, 1)[0];
  return hit && hit.score >= 1 ? { concept: hit.note.id } : undefined;
}

function unknownTopic(text: string): Reply {
  return {
    sections: [
      `I don't know a topic or concept called “${text.slice(0, 60)}”. Topics: ${TOPICS.map((t) => TOPIC_NAMES[t]).join(', ')}.`,
    ],
    visibility: 'private',
  };
}
