/** The topics every concept belongs to, in the order `/aws topics` lists them. */
export const TOPICS = [
  'cloud-concepts',
  'architecture',
  'global-infrastructure',
  'identity',
  'security',
  'management',
  'compute',
  'containers',
  'serverless',
  'storage',
  'databases',
  'networking',
  'messaging',
  'analytics',
  'ai-ml',
  'tools',
  'migration',
  'end-user',
  'billing',
  'support',
] as const;

export type Topic = (typeof TOPICS)[number];

export const TOPIC_NAMES: Record<Topic, string> = {
  'cloud-concepts': 'Cloud concepts',
  architecture: 'Architecture',
  'global-infrastructure': 'Global infrastructure',
  identity: 'Identity and access',
  security: 'Security services',
  management: 'Management and governance',
  compute: 'Compute',
  containers: 'Containers',
  serverless: 'Serverless',
  storage: 'Storage',
  databases: 'Databases',
  networking: 'Networking and content delivery',
  messaging: 'Messaging and integration',
  analytics: 'Analytics',
  'ai-ml': 'AI and machine learning',
  tools: 'Developer tools',
  migration: 'Migration and hybrid',
  'end-user': 'End-user computing and IoT',
  billing: 'Billing and pricing',
  support: 'Support and partners',
};

/** The four domains of the AWS Certified Cloud Practitioner (CLF-C02) exam, with their weights. */
export const DOMAINS = [
  'cloud-concepts',
  'security-compliance',
  'technology',
  'billing-support',
] as const;

export type Domain = (typeof DOMAINS)[number];

export const DOMAIN_NAMES: Record<Domain, string> = {
  'cloud-concepts': 'Cloud Concepts',
  'security-compliance': 'Security and Compliance',
  technology: 'Cloud Technology and Services',
  'billing-support': 'Billing, Pricing and Support',
};

/** Each domain's share of the scored exam questions, from the CLF-C02 exam guide. */
export const DOMAIN_WEIGHTS: Record<Domain, number> = {
  'cloud-concepts': 0.24,
  'security-compliance': 0.3,
  technology: 0.34,
  'billing-support': 0.12,
};

/** A concept note, as compiled from `content/notes/<id>.md`. */
export interface Note {
  id: string;
  title: string;
  aliases: string[];
  topic: Topic;
  domain: Domain;
  related: string[];
  docs: string;
  /** Defining terms people use for this concept; they count as a match, like aliases. */
  keywords: string[];
  /** Questions in learners' words that this note answers. */
  asks: string[];
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
  domain: Domain;
  difficulty: 1 | 2 | 3;
  question: string;
  /** Display order, already shuffled at build time so the answer is not always first. */
  choices: string[];
  /** Index into `choices` of the correct answer (the first, for a multiple-response question). */
  answer: number;
  /** Indexes of every correct choice, ascending: one, or two or three ("choose two"). */
  answers: number[];
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
  /** What defines each note: its names, keywords and learner questions. A match must be here. */
  definingIndex: TextIndex;
  /** The rest of each note's text: it ranks notes, but never makes a match on its own. */
  bodyIndex: TextIndex;
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
  /** Aliases and keywords of two words or more, squashed: a query containing one is a strong match. */
  phrases: string[];
}

/** An inverted index: term → [note index, weighted frequency] pairs. */
export interface TextIndex {
  postings: Record<string, [number, number][]>;
  docLengths: number[];
  averageLength: number;
}
