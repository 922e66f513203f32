import { type Card, createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import type { Question } from '../content/types.js';
import type { CardRecord, StoredCard } from '../store/records.js';
import type { ReviewAnswer } from '../store/tutor-store.js';
import { isRight } from './answer-input.js';

// Fuzz off: the same answers at the same times give the same schedule, which tests rely on.
const scheduler = fsrs({ enable_fuzz: false });

/** The next review card after an answer: "Good" when right, "Again" when wrong. */
export function reviewCard(
  previous: StoredCard | undefined,
  correct: boolean,
  now: Date,
): StoredCard {
  const card = previous ?? toStored(createEmptyCard(now));
  const next = scheduler.next(card, now, correct ? Rating.Good : Rating.Again).card;
  return toStored(next);
}

/** What a practice or exam answer writes: right or not, and the card conditional on its version. */
export function reviewAnswer(
  question: Pick<Question, 'id' | 'topic' | 'answers'>,
  choices: number[],
  previous: CardRecord | undefined,
  now: Date,
): ReviewAnswer {
  const correct = isRight(question, choices);
  const at = now.toISOString();
  const card: CardRecord = {
    questionId: question.id,
    topic: question.topic,
    fsrs: reviewCard(previous?.fsrs, correct, now),
    lastCorrect: correct,
    lastAnsweredAt: at,
    ...(previous?.version === undefined ? {} : { version: previous.version }),
  };
  return { questionId: question.id, topic: question.topic, choices, correct, card, at };
}

function toStored(card: Card): StoredCard {
  const { due, last_review, ...rest } = card;
  return {
    ...rest,
    due: due.toISOString(),
    ...(last_review ? { last_review: last_review.toISOString() } : {}),
  };
}

/** "in 10 minutes", "tomorrow", "in 4 days": when a review comes round again. */
export function describeDue(due: string, now: Date): string {
  const minutes = Math.max(1, Math.round((Date.parse(due) - now.getTime()) / 60_000));
  if (minutes < 60) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `in ${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.round(hours / 24);
  return days === 1 ? 'tomorrow' : `in ${days} days`;
}
