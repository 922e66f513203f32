import type { ContentBundle, Note, Question, Topic } from './types.js';
import { TOPICS } from './types.js';

/** Read-only lookups over the compiled content. Built once per process from the bundle. */
export interface Content {
  bundle: ContentBundle;
  notes: readonly Note[];
  questions: readonly Question[];
  note(id: string): Note | undefined;
  question(id: string): Question | undefined;
  notesByTopic(topic: Topic): Note[];
  questionsByTopic(topic: Topic): Question[];
}

/** Indexes a bundle by id and topic. */
export function createContent(bundle: ContentBundle): Content {
  const notes = new Map(bundle.notes.map((n) => [n.id, n]));
  const questions = new Map(bundle.questions.map((q) => [q.id, q]));
  const byTopic = new Map<Topic, Note[]>(TOPICS.map((t) => [t, []]));
  for (const note of bundle.notes) byTopic.get(note.topic)?.push(note);
  const questionsByTopic = new Map<Topic, Question[]>(TOPICS.map((t) => [t, []]));
  for (const q of bundle.questions) questionsByTopic.get(q.topic)?.push(q);
  return {
    bundle,
    notes: bundle.notes,
    questions: bundle.questions,
    note: (id) => notes.get(id),
    question: (id) => questions.get(id),
    notesByTopic: (topic) => byTopic.get(topic) ?? [],
    questionsByTopic: (topic) => questionsByTopic.get(topic) ?? [],
  };
}
