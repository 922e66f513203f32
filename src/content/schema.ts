import { z } from 'zod';
import { TOPICS } from './types.js';

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Front matter of a concept note. Cross-file rules (related ids exist) live in validate-content. */
export const noteFrontMatterSchema = z.strictObject({
  id: z.string().regex(kebab, 'must be kebab-case'),
  title: z.string().min(1).max(80),
  aliases: z
    .array(
      z
        .string()
        .min(1)
        .max(60)
        .refine((a) => a === a.toLowerCase(), 'aliases are lower case'),
    )
    .min(1),
  topic: z.enum(TOPICS),
  related: z.array(z.string().regex(kebab, 'must be kebab-case ids')).min(1).max(5),
  docs: z
    .url()
    .refine(
      (u) =>
        u.startsWith('https://docs.aws.amazon.com/') || u.startsWith('https://aws.amazon.com/'),
      'must be an official AWS documentation URL (https://docs.aws.amazon.com/ or https://aws.amazon.com/)',
    ),
});

/** The parsed body of a note. */
export const noteBodySchema = z.object({
  summary: z.string().min(20, 'the summary is missing or too short').max(320),
  keyPoints: z.array(z.string().min(1)).min(3, 'needs at least 3 key points').max(6),
  confuse: z.string().min(10).optional(),
});

const choiceSchema = z.strictObject({
  text: z.string().trim().min(1).max(70, 'at most 70 characters (it becomes a button)'),
  correct: z.boolean().optional(),
});

/** One question in a `content/quizzes/*.yml` file. */
export const questionSchema = z.strictObject({
  id: z.string().regex(kebab, 'must be kebab-case').max(48),
  concept: z.string().min(1),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  question: z.string().trim().min(10).max(300),
  choices: z
    .array(choiceSchema)
    .length(4, 'needs exactly 4 choices')
    .refine((cs) => cs.filter((c) => c.correct === true).length === 1, {
      message: 'needs exactly one choice with correct: true',
    })
    .refine((cs) => new Set(cs.map((c) => c.text.toLowerCase())).size === cs.length, {
      message: 'choices must all be different',
    }),
  explanation: z.string().trim().min(1, 'the explanation is empty'),
});

export const quizFileSchema = z.array(z.unknown()).min(1, 'the file has no questions');

export type NoteFrontMatter = z.infer<typeof noteFrontMatterSchema>;
export type QuestionInput = z.infer<typeof questionSchema>;
