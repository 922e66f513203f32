import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ContentError, type ContentIssue } from '../errors.js';
import {
  type ContentReport,
  type CorpusTargets,
  checkCorpus,
  formatReport,
  SYLLABUS_TARGETS,
} from './content-rules.js';
import { parseNote } from './parse-note.js';
import { noteBodySchema, noteFrontMatterSchema, questionSchema, quizFileSchema } from './schema.js';
import { stablePermutation } from './shuffle-choices.js';
import type { Note, Question } from './types.js';

/** Fewer questions than this for a concept is an error: a quiz needs variety. */
export const MIN_QUESTIONS_PER_CONCEPT = 4;

/**
 * Reads and validates every note and question under `root` (`content/`). Build time only: no
 * Lambda calls this. Collects every problem, naming file and field, before failing.
 */
export function loadContent(
  root: string,
  targets: CorpusTargets = SYLLABUS_TARGETS,
): { notes: Note[]; questions: Question[]; report: ContentReport } {
  const issues: ContentIssue[] = [];
  const rel = (file: string) => relative(process.cwd(), file) || file;
  const notes = loadNotes(join(root, 'notes'), issues, rel);
  const questions = loadQuestions(join(root, 'quizzes'), notes, issues, rel);
  checkCrossReferences(notes, questions, issues);
  const corpus = checkCorpus(notes.size, questions, targets);
  issues.push(...corpus.issues);
  if (issues.length > 0) throw new ContentError(issues, formatReport(corpus.report, true));
  return {
    notes: [...notes.values()].map((n) => n.item),
    questions: questions.map((q) => q.item),
    report: corpus.report,
  };
}

interface Located<T> {
  file: string;
  item: T;
}

function loadNotes(dir: string, issues: ContentIssue[], rel: (f: string) => string) {
  const notes = new Map<string, Located<Note>>();
  for (const name of listFiles(dir, '.md')) {
    const file = rel(join(dir, name));
    let parsed: ReturnType<typeof parseNote>;
    try {
      parsed = parseNote(readFileSync(join(dir, name), 'utf8'));
    } catch (error) {
      issues.push({ file, field: '(file)', message: (error as Error).message });
      continue;
    }
    const front = noteFrontMatterSchema.safeParse(parsed.frontMatter);
    const body = noteBodySchema.safeParse(parsed);
    if (!front.success) pushZodIssues(issues, file, front.error);
    if (!body.success) pushZodIssues(issues, file, body.error);
    if (!front.success || !body.success) continue;
    const meta = front.data;
    if (meta.id !== basename(name, '.md')) {
      issues.push({ file, field: 'id', message: `"${meta.id}" must match the file name` });
    }
    if (notes.has(meta.id)) {
      issues.push({ file, field: 'id', message: `duplicate id "${meta.id}"` });
      continue;
    }
    notes.set(meta.id, { file, item: { ...meta, ...body.data } });
  }
  return notes;
}

function loadQuestions(
  dir: string,
  notes: Map<string, Located<Note>>,
  issues: ContentIssue[],
  rel: (f: string) => string,
): Located<Question>[] {
  const seen = new Map<string, string>();
  const out: Located<Question>[] = [];
  for (const name of listFiles(dir, '.yml')) {
    const file = rel(join(dir, name));
    let items: unknown[];
    try {
      const list = quizFileSchema.safeParse(parseYaml(readFileSync(join(dir, name), 'utf8')));
      if (!list.success) {
        pushZodIssues(issues, file, list.error);
        continue;
      }
      items = list.data;
    } catch (error) {
      issues.push({
        file,
        field: '(yaml)',
        message: (error as Error).message.split('\n')[0] ?? '',
      });
      continue;
    }
    items.forEach((item, index) => {
      const result = questionSchema.safeParse(item);
      const label = `[${index}]${idOf(item)}`;
      if (!result.success) {
        pushZodIssues(issues, file, result.error, label);
        return;
      }
      const q = result.data;
      const previous = seen.get(q.id);
      if (previous) {
        issues.push({ file, field: `${label}.id`, message: `duplicate id (also in ${previous})` });
        return;
      }
      seen.set(q.id, file);
      const note = notes.get(q.concept)?.item;
      if (!note) {
        issues.push({ file, field: `${label}.concept`, message: `unknown concept "${q.concept}"` });
        return;
      }
      const order = stablePermutation(q.choices.length, q.id);
      const choices = order.map((i) => q.choices[i] as { text: string; correct?: boolean });
      const answers = choices.flatMap((c, i) => (c.correct === true ? [i] : []));
      out.push({
        file,
        item: {
          id: q.id,
          concept: q.concept,
          topic: note.topic,
          domain: q.domain ?? note.domain,
          difficulty: q.difficulty,
          question: q.question,
          choices: choices.map((c) => c.text),
          answer: answers[0] as number,
          answers,
          explanation: q.explanation,
        },
      });
    });
  }
  return out;
}

function checkCrossReferences(
  notes: Map<string, Located<Note>>,
  questions: Located<Question>[],
  issues: ContentIssue[],
) {
  const perConcept = new Map<string, number>();
  for (const { item: question } of questions) {
    perConcept.set(question.concept, (perConcept.get(question.concept) ?? 0) + 1);
  }
  const aliasOwner = new Map<string, string>();
  for (const { file, item: note } of notes.values()) {
    for (const id of note.related) {
      if (id === note.id) issues.push({ file, field: 'related', message: 'lists the note itself' });
      else if (!notes.has(id))
        issues.push({ file, field: 'related', message: `unknown id "${id}"` });
    }
    for (const alias of note.aliases) {
      const key = alias.toLowerCase();
      const owner = aliasOwner.get(key);
      if (owner && owner !== note.id) {
        issues.push({ file, field: 'aliases', message: `"${alias}" is also an alias of ${owner}` });
      }
      aliasOwner.set(key, note.id);
    }
    const count = perConcept.get(note.id) ?? 0;
    if (count < MIN_QUESTIONS_PER_CONCEPT) {
      issues.push({
        file,
        field: 'questions',
        message: `has ${count} question${count === 1 ? '' : 's'}; every concept needs at least ${MIN_QUESTIONS_PER_CONCEPT}`,
      });
    }
  }
}

function listFiles(dir: string, extension: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith(extension))
      .sort();
  } catch {
    return [];
  }
}

function idOf(item: unknown): string {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? ` (${id})` : '';
}

function pushZodIssues(issues: ContentIssue[], file: string, error: z.ZodError, prefix = '') {
  for (const issue of error.issues) {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`));
    const field = `${prefix}${path.join('')}`.replace(/^\./, '') || '(root)';
    issues.push({ file, field, message: issue.message });
  }
}
