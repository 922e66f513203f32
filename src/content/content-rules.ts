import type { ContentIssue } from '../errors.js';
import { DOMAINS, type Domain, type Question } from './types.js';

/** What the whole corpus must reach: the Cloud Practitioner syllabus, weighted like the exam. */
export interface CorpusTargets {
  minNotes: number;
  minQuestions: number;
  /** The smallest share of questions in the security and compliance domain. */
  minSecurityShare: number;
  /** The largest share of questions, overall and per file, whose right answer is the longest. */
  maxLongestRightShare: number;
}

/** The targets `npm run content:check` holds the real content to. */
export const SYLLABUS_TARGETS: CorpusTargets = {
  minNotes: 150,
  minQuestions: 700,
  minSecurityShare: 0.3,
  maxLongestRightShare: 0.35,
};

/** Figures that `content:check` prints, so a writer sees where the corpus stands. */
export interface ContentReport {
  notes: number;
  questions: number;
  multipleResponse: number;
  byDomain: Record<Domain, number>;
  longestRight: { overall: number; byFile: Record<string, number> };
}

/** True when one choice is strictly the longest and it is a right one: a cue to guess by. */
export function rightIsLongest(question: Pick<Question, 'choices' | 'answers'>): boolean {
  const lengths = question.choices.map((c) => c.length);
  const longest = Math.max(...lengths);
  const at = lengths.indexOf(longest);
  return lengths.lastIndexOf(longest) === at && question.answers.includes(at);
}

/** The report, and an issue for each target the corpus misses. */
export function checkCorpus(
  notes: number,
  questions: { file: string; item: Question }[],
  targets: CorpusTargets,
): { report: ContentReport; issues: ContentIssue[] } {
  const byDomain = Object.fromEntries(DOMAINS.map((d) => [d, 0])) as Record<Domain, number>;
  const files = new Map<string, { longest: number; total: number }>();
  let longest = 0;
  for (const { file, item } of questions) {
    byDomain[item.domain] += 1;
    const entry = files.get(file) ?? { longest: 0, total: 0 };
    entry.total += 1;
    if (rightIsLongest(item)) {
      entry.longest += 1;
      longest += 1;
    }
    files.set(file, entry);
  }
  const total = questions.length;
  const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
  const byFile = Object.fromEntries(
    [...files].map(([file, f]) => [file, share(f.longest, f.total)]),
  );
  const report: ContentReport = {
    notes,
    questions: total,
    multipleResponse: questions.filter((q) => q.item.answers.length > 1).length,
    byDomain,
    longestRight: { overall: share(longest, total), byFile },
  };
  const issues: ContentIssue[] = [];
  const corpus = (field: string, message: string) =>
    issues.push({ file: 'content/', field, message });
  const percent = (x: number) => `${Math.round(x * 100)}%`;
  if (notes < targets.minNotes)
    corpus('notes', `${notes} notes; the syllabus needs ${targets.minNotes}`);
  if (total < targets.minQuestions)
    corpus('questions', `${total} questions; the syllabus needs ${targets.minQuestions}`);
  const security = share(byDomain['security-compliance'], total);
  if (security < targets.minSecurityShare)
    corpus(
      'domain',
      `${percent(security)} of questions are in security-compliance; the exam needs ${percent(targets.minSecurityShare)}`,
    );
  const limit = targets.maxLongestRightShare;
  if (report.longestRight.overall > limit)
    corpus(
      'choices',
      `the right answer is the longest choice in ${percent(report.longestRight.overall)} of questions (limit ${percent(limit)})`,
    );
  for (const [file, value] of Object.entries(byFile)) {
    if (value > limit)
      issues.push({
        file,
        field: 'choices',
        message: `the right answer is the longest choice in ${percent(value)} of this file's questions (limit ${percent(limit)})`,
      });
  }
  return { report, issues };
}

/** The report as the lines `content:check` prints; `perFile` adds a line per quiz file. */
export function formatReport(report: ContentReport, perFile = false): string[] {
  const percent = (n: number) => `${Math.round((n / Math.max(1, report.questions)) * 100)}%`;
  const files = Object.entries(report.longestRight.byFile).map(
    ([file, share]) =>
      `  ${file}: right answer is the longest choice in ${Math.round(share * 100)}%`,
  );
  return [
    ...(perFile ? files : []),
    `${report.notes} notes, ${report.questions} questions (${report.multipleResponse} multiple response)`,
    `by exam domain: ${DOMAINS.map((d) => `${d} ${report.byDomain[d]} (${percent(report.byDomain[d])})`).join(', ')}`,
    `right answer is the longest choice: ${Math.round(report.longestRight.overall * 100)}% overall; worst file ${worstFile(report)}`,
  ];
}

function worstFile(report: ContentReport): string {
  const [file, value] = Object.entries(report.longestRight.byFile).sort(
    (a, b) => b[1] - a[1],
  )[0] ?? ['none', 0];
  return `${file} ${Math.round(value * 100)}%`;
}
