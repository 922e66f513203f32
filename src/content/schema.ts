import { z } from 'zod';
import { DOMAINS, TOPICS } from './types.js';

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function lowerCasePhrase(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .refine((a) => a === a.toLowerCase(), 'lower case, as people type it');
}

/** How big a note may be: it has to read well in one chat message. */
export const NOTE_LIMITS = { summary: 320, keyPoint: 300, confuse: 400, body: 1500 };

/** Front matter of a concept note. Cross-file rules (related ids exist) live in validate-content. */
export const noteFrontMatterSchema = z.strictObject({
  id: z.string().regex(kebab, 'must be kebab-case'),
  title: z.string().min(1).max(80),
  aliases: z.array(lowerCasePhrase(60)).min(1),
  topic: z.enum(TOPICS),
  domain: z.enum(DOMAINS),
  related: z.array(z.string().regex(kebab, 'must be kebab-case ids')).min(1).max(5),
  docs: z
    .url()
    .refine(
      (u) =>
        u.startsWith('https://docs.aws.amazon.com/') || u.startsWith('https://aws.amazon.com/'),
      'must be an official AWS documentation URL (https://docs.aws.amazon.com/ or https://aws.amazon.com/)',
    ),
  keywords: z.array(lowerCasePhrase(60)).max(16).default([]),
  asks: z.array(lowerCasePhrase(120)).max(8).default([]),
});

/** The parsed body of a note. */
export const noteBodySchema = z
  .object({
    summary: z.string().min(20, 'the summary is missing or too short').max(NOTE_LIMITS.summary),
    keyPoints: z
      .array(z.string().min(1).max(NOTE_LIMITS.keyPoint))
      .min(3, 'needs at least 3 key points')
      .max(6),
    confuse: z.string().min(10).max(NOTE_LIMITS.confuse).optional(),
  })
  .refine(
    (b) =>
      b.summary.length + b.keyPoints.join('').length + (b.confuse ?? '').length <= NOTE_LIMITS.body,
    `the note is longer than ${NOTE_LIMITS.body} characters; keep it chat-sized`,
  );

const choiceSchema = z.strictObject({
  text: z.string().trim().min(1).max(70, 'at most 70 characters (it becomes a button)'),
  correct: z.boolean().optional(),
});

/** One question in a `content/quizzes/*.yml` file. */
export const questionSchema = z.strictObject({
  id: z.string().regex(kebab, 'must be kebab-case').max(48),
  concept: z.string().min(1),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** Only when the question's exam domain differs from its concept's. */
  domain: z.enum(DOMAINS).optional(),
  question: z
    .string()
    .trim()
    .min(10)
    .max(300)
    .refine((q) => !/\bchoose (two|three|2|3)\b/i.test(q), {
      message: 'leave out "Choose two/three": the tutor adds it from the number of right choices',
    }),
  choices: z
    .array(choiceSchema)
    .min(4)
    .max(6)
    .refine((cs) => rightChoicesFit(cs.length, cs.filter((c) => c.correct === true).length), {
      message:
        'needs 4 choices with exactly one correct: true, or 5–6 choices with two or three correct',
    })
    .refine((cs) => new Set(cs.map((c) => c.text.toLowerCase())).size === cs.length, {
      message: 'choices must all be different',
    }),
  explanation: z.string().trim().min(1, 'the explanation is empty'),
});

/** One right answer out of four, or two or three ("choose two") out of five or six. */
function rightChoicesFit(choices: number, right: number): boolean {
  return choices === 4 ? right === 1 : right === 2 || right === 3;
}

export const quizFileSchema = z.array(z.unknown()).min(1, 'the file has no questions');

export type NoteFrontMatter = z.infer<typeof noteFrontMatterSchema>;
export type QuestionInput = z.infer<typeof questionSchema>;
