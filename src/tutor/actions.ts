import { UnknownActionError } from '../errors.js';

/**
 * What a button does, encoded into the short string platforms hand back on a click
 * (Slack `value`, Discord `custom_id`, at most 100 characters). Nothing in it is trusted:
 * the server looks answers up in its own records and only uses these as keys.
 */
export type Action =
  | { kind: 'practice-answer'; nonce: string; questionId: string; choices: number[] }
  | {
      kind: 'exam-answer';
      examId: string;
      position: number;
      questionId: string;
      choices: number[];
    }
  | { kind: 'daily-answer'; date: string; choice: number }
  | { kind: 'show-concept'; conceptId: string }
  | { kind: 'share-concept'; conceptId: string }
  | { kind: 'next-question'; topic?: string }
  | { kind: 'practise-concept'; conceptId: string };

/** Discord's `custom_id` limit; Slack's `value` allows more, so this is the binding one. */
export const MAX_ACTION_LENGTH = 100;

const ID = '[a-z0-9-]{1,60}';
/** One picked choice, or the two or three of a "choose two" question, as digits. */
const CHOICES = '([0-9]{1,3})';
const digits = (text: string) => Array.from(text, Number);
const PATTERNS: [RegExp, (m: RegExpExecArray) => Action][] = [
  [
    new RegExp(`^p:([a-z0-9]{6,16}):(${ID}):${CHOICES}$`),
    (m) => ({
      kind: 'practice-answer',
      nonce: m[1] as string,
      questionId: m[2] as string,
      choices: digits(m[3] as string),
    }),
  ],
  [
    new RegExp(`^e:([a-z0-9]{6,16}):([0-9]{1,2}):(${ID}):${CHOICES}$`),
    (m) => ({
      kind: 'exam-answer',
      examId: m[1] as string,
      position: Number(m[2]),
      questionId: m[3] as string,
      choices: digits(m[4] as string),
    }),
  ],
  [
    /^d:(\d{4}-\d{2}-\d{2}):([0-9])$/,
    (m) => ({ kind: 'daily-answer', date: m[1] as string, choice: Number(m[2]) }),
  ],
  [new RegExp(`^c:(${ID})$`), (m) => ({ kind: 'show-concept', conceptId: m[1] as string })],
  [new RegExp(`^s:(${ID})$`), (m) => ({ kind: 'share-concept', conceptId: m[1] as string })],
  [new RegExp(`^k:(${ID})$`), (m) => ({ kind: 'practise-concept', conceptId: m[1] as string })],
  [
    new RegExp(`^q:(${ID})?$`),
    (m) => (m[1] ? { kind: 'next-question', topic: m[1] } : { kind: 'next-question' }),
  ],
];

/** The string to put on a button. */
export function encodeAction(action: Action): string {
  switch (action.kind) {
    case 'practice-answer':
      return `p:${action.nonce}:${action.questionId}:${action.choices.join('')}`;
    case 'exam-answer':
      return `e:${action.examId}:${action.position}:${action.questionId}:${action.choices.join('')}`;
    case 'daily-answer':
      return `d:${action.date}:${action.choice}`;
    case 'show-concept':
      return `c:${action.conceptId}`;
    case 'share-concept':
      return `s:${action.conceptId}`;
    case 'next-question':
      return `q:${action.topic ?? ''}`;
    case 'practise-concept':
      return `k:${action.conceptId}`;
  }
}

/** Parses a clicked button's value; anything we did not issue throws `UnknownActionError`. */
export function decodeAction(value: string): Action {
  if (value.length <= MAX_ACTION_LENGTH) {
    for (const [pattern, build] of PATTERNS) {
      const match = pattern.exec(value);
      if (match) return build(match);
    }
  }
  throw new UnknownActionError(JSON.stringify(value.slice(0, 120)));
}
