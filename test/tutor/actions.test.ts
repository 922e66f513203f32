import { describe, expect, it } from 'vitest';
import { getContent } from '../../src/content/default-content.js';
import { TOPICS } from '../../src/content/types.js';
import { UnknownActionError } from '../../src/errors.js';
import {
  type Action,
  decodeAction,
  encodeAction,
  MAX_ACTION_LENGTH,
} from '../../src/tutor/actions.js';

const content = getContent();
const longest = (ids: readonly string[]) => ids.reduce((a, b) => (b.length > a.length ? b : a), '');
const longestQuestionId = longest(content.questions.map((q) => q.id));
const longestNoteId = longest(content.notes.map((n) => n.id));
const longestTopic = longest(TOPICS);
/** The longest nonce the decoder accepts. */
const LONGEST_NONCE = 'z9'.repeat(8);

const EVERY_KIND: Action[] = [
  { kind: 'practice-answer', nonce: 'abc123', questionId: 'sqs-consumers-pull', choices: [0] },
  { kind: 'practice-answer', nonce: LONGEST_NONCE, questionId: longestQuestionId, choices: [1, 4] },
  {
    kind: 'exam-answer',
    examId: 'abc123def4',
    position: 64,
    questionId: 'sqs-consumers-pull',
    choices: [0, 2, 5],
  },
  { kind: 'daily-answer', date: '2026-11-23', choice: 2 },
  { kind: 'show-concept', conceptId: 'network-acls' },
  { kind: 'share-concept', conceptId: 'security-groups' },
  { kind: 'next-question', topic: 'global-infrastructure' },
  { kind: 'next-question' },
  { kind: 'practise-concept', conceptId: 'iam' },
];

describe('Function: encodeAction', () => {
  it.each(EVERY_KIND)('round-trips through decodeAction for $kind', (action) => {
    expect(decodeAction(encodeAction(action))).toEqual(action);
  });

  it('encodes each kind with its own short prefix', () => {
    expect(EVERY_KIND.map((a) => encodeAction(a).slice(0, 2))).toEqual([
      'p:',
      'p:',
      'e:',
      'd:',
      'c:',
      's:',
      'q:',
      'q:',
      'k:',
    ]);
  });

  it('encodes next-question without a topic as a bare prefix', () => {
    expect(encodeAction({ kind: 'next-question' })).toBe('q:');
  });

  it('stays within the button value limit for the longest ids in the real content', () => {
    const values = [
      encodeAction({
        kind: 'practice-answer',
        nonce: LONGEST_NONCE,
        questionId: longestQuestionId,
        choices: [3, 4, 5],
      }),
      encodeAction({
        kind: 'exam-answer',
        examId: LONGEST_NONCE,
        position: 64,
        questionId: longestQuestionId,
        choices: [3, 4, 5],
      }),
      encodeAction({ kind: 'daily-answer', date: '2026-12-31', choice: 3 }),
      encodeAction({ kind: 'show-concept', conceptId: longestNoteId }),
      encodeAction({ kind: 'share-concept', conceptId: longestNoteId }),
      encodeAction({ kind: 'next-question', topic: longestTopic }),
    ];

    expect(MAX_ACTION_LENGTH).toBe(100);
    for (const value of values) expect(value.length).toBeLessThanOrEqual(MAX_ACTION_LENGTH);
  });

  it('round-trips an answer to every question and a link to every note in the real content', () => {
    for (const q of content.questions) {
      const action: Action = {
        kind: 'practice-answer',
        nonce: 'n0nce1',
        questionId: q.id,
        choices: q.answers,
      };
      expect(decodeAction(encodeAction(action))).toEqual(action);
    }
    for (const n of content.notes) {
      const action: Action = { kind: 'show-concept', conceptId: n.id };
      expect(decodeAction(encodeAction(action))).toEqual(action);
    }
  });

  it('round-trips next-question for every topic', () => {
    for (const topic of TOPICS) {
      const action: Action = { kind: 'next-question', topic };
      expect(decodeAction(encodeAction(action))).toEqual(action);
    }
  });
});

describe('Function: decodeAction', () => {
  it.each([
    ['an empty value', ''],
    ['a wrong prefix', 'x:sqs'],
    ['an upper-case prefix', 'C:sqs'],
    ['no separator', 'csqs'],
    ['an extra field on show-concept', 'c:sqs:extra'],
    ['an extra field on practice-answer', 'p:abc123:sqs-one:1:9'],
    ['an extra field on daily-answer', 'd:2026-11-23:1:1'],
    ['a value over 100 characters', `c:${'a'.repeat(MAX_ACTION_LENGTH - 1)}`],
    ['an id over 60 characters', `c:${'a'.repeat(61)}`],
    ['a non-digit choice', 'p:abc123:sqs-one:x'],
    ['four choices', 'p:abc123:sqs-one:0123'],
    ['no choice', 'p:abc123:sqs-one:'],
    ['an exam position over two digits', 'e:abc123:100:sqs-one:1'],
    ['an exam answer without its question', 'e:abc123:3:1'],
    ['a negative choice', 'd:2026-11-23:-1'],
    ['a non-ASCII digit choice', 'd:2026-11-23:\u0663'],
    ['a nonce that is too short', 'p:abc12:sqs-one:1'],
    ['a nonce that is too long', `p:${'a'.repeat(17)}:sqs-one:1`],
    ['a nonce with punctuation', 'p:abc-123:sqs-one:1'],
    ['a malformed date', 'd:23-11-2026:1'],
    ['__proto__ as an id', 'c:__proto__'],
    ['__proto__ as a topic', 'q:__proto__'],
    ['__proto__ as a whole value', '__proto__'],
    ['constructor as a kind', 'constructor:sqs'],
    ['upper-case letters in an id', 'c:SQS'],
    ['a path in an id', 'c:../../etc/passwd'],
    ['a trailing newline', 'c:sqs\n'],
    ['a leading space', ' c:sqs'],
    ['JSON instead of a value', '{"kind":"show-concept","conceptId":"sqs"}'],
  ])('throws UnknownActionError for %s', (_label, value) => {
    expect(() => decodeAction(value)).toThrow(UnknownActionError);
  });

  it('accepts the longest practice-answer value its pattern allows', () => {
    // 16-character nonce and 60-character id: 81 characters, under the 100 limit.
    const value = `p:${LONGEST_NONCE}:${'a'.repeat(60)}:1`;

    expect(decodeAction(value)).toEqual({
      kind: 'practice-answer',
      nonce: LONGEST_NONCE,
      questionId: 'a'.repeat(60),
      choices: [1],
    });
  });

  it('quotes the forged value in the error but shows the user a safe message', () => {
    const error = (() => {
      try {
        decodeAction('x:evil');
      } catch (e) {
        return e as UnknownActionError;
      }
      throw new Error('expected decodeAction to throw');
    })();

    expect(error.message).toContain('"x:evil"');
    expect(error.userMessage).not.toContain('x:evil');
  });
});
