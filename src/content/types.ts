/** The topics every concept belongs to, in the order `/aws topics` lists them. */
export const TOPICS = [
  'compute',
  'containers',
  'serverless',
  'databases',
  'storage',
  'networking',
  'messaging',
  'architecture',
  'global-infrastructure',
  'tools',
] as const;

export type Topic = (typeof TOPICS)[number];

export const TOPIC_NAMES: Record<Topic, string> = {
  compute: 'Compute',
  containers: 'Containers',
  serverless: 'Serverless',
  databases: 'Databases',
  storage: 'Storage',
  networking: 'Networking',
  messaging: 'Messaging',
  architecture: 'Architecture',
  'global-infrastructure': 'Global infrastructure',
  tools: 'Tools',
};

/** A concept note, as compiled from `content/notes/<id>.md`. */
export interface Note {
  id: string;
  title: string;
  aliases: string[];
  topic: Topic;
  related: string[];
  docs: string;
  /** The short answer: one or two sentences. */
  summary: string;
  keyPoints: string[];
  /** The "Don't confuse with" paragraph, if the note has one. */
  confuse?: string;
}

/** A multiple-choice question, as compiled from `content/quizzes/*.yml`. */
export interface Question {
  id: string;
  concept: string;
  topic: Topic;
  difficulty: 1 | 2 | 3;
  question: string;
  /** Display order, already shuffled at build time so the answer is not always first. */
  choices: string[];
  /** Index into `choices` of the one correct answer. */
  answer: number;
  explanation: string;
}

/** What the build step emits and every runtime reads: no parsing left to do at cold start. */
export interface ContentBundle {
  notes: Note[];
  questions: Question[];
  /** Name documents (title, aliases), one per note and in the same order. */
  searchDocs: SearchDoc[];
  /** Fuse.js index JSON (`FuseIndex#toJSON()`) over `searchDocs` with `NAME_KEYS`. */
  nameIndex: unknown;
  /** Weighted word index over every note's text, for plain-English questions. */
  textIndex: TextIndex;
  /** Every indexed word, sorted, for typo-tolerant word lookup. */
  vocabulary: string[];
}

/** What name search looks at for one note. */
export interface SearchDoc {
  id: string;
  title: string;
  aliases: string[];
  /** Title, id and aliases squashed (lower case, no spaces or punctuation) for exact lookups. */
  names: string[];
}

/** An inverted index: term → [note index, weighted frequency] pairs. */
export interface TextIndex {
  postings: Record<string, [number, number][]>;
  docLengths: number[];
  averageLength: number;
}
