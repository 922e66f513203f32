import { EXAM_GUIDE, ISSUE_QUESTIONS } from './exam-guide-queries.js';
import { PARAPHRASES } from './paraphrases/index.js';
import { ALL_CASES, type RelevanceCase } from './relevance-queries.js';

/** Everything in scope: names, typos, questions, the exam guide, and every note paraphrased. */
export const IN_SCOPE: RelevanceCase[] = [
  ...ALL_CASES,
  ...EXAM_GUIDE,
  ...ISSUE_QUESTIONS,
  ...PARAPHRASES,
];
