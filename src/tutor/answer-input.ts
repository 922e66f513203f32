import type { Question } from '../content/types.js';
import type { Reply, ReplyButton } from './reply.js';

const COUNT_WORDS = ['', 'one', 'two', 'three'];

/** "Choose two." for a multiple-response question, from its data; undefined for one answer. */
export function chooseLine(question: Pick<Question, 'answers'>): string | undefined {
  const count = question.answers.length;
  return count > 1 ? `Choose ${COUNT_WORDS[count] ?? count}.` : undefined;
}

/**
 * How a question is answered: a button per choice, or a choice set for "choose two". Either way
 * the action is `prefix` followed by the picked indexes as digits.
 */
export function answerInput(
  question: Pick<Question, 'choices' | 'answers'>,
  prefix: string,
): Pick<Reply, 'buttons' | 'choiceSet'> {
  if (question.answers.length > 1) {
    return {
      choiceSet: { count: question.answers.length, options: [...question.choices], action: prefix },
    };
  }
  return {
    buttons: question.choices.map(
      (label, choice): ReplyButton => ({ label, action: `${prefix}${choice}`, kind: 'answer' }),
    ),
  };
}

/** Whether picks answer the question: each a choice, none twice, as many as it asks for. */
export function validPicks(
  question: Pick<Question, 'choices' | 'answers'>,
  picks: number[],
): boolean {
  return (
    picks.length === question.answers.length &&
    new Set(picks).size === picks.length &&
    picks.every((p) => Number.isInteger(p) && p >= 0 && p < question.choices.length)
  );
}

/** All or nothing, as on the exam: right only when the picks are exactly the right choices. */
export function isRight(question: Pick<Question, 'answers'>, picks: number[]): boolean {
  const sorted = [...picks].sort((a, b) => a - b);
  return (
    sorted.length === question.answers.length && sorted.every((p, i) => p === question.answers[i])
  );
}

/** The choices as text, joined: "A and B". */
export function choiceText(question: Pick<Question, 'choices'>, picks: number[]): string {
  return picks.map((p) => `“${question.choices[p] ?? '?'}”`).join(' and ');
}
