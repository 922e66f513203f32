import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { CorpusTargets } from '../../src/content/content-rules.js';
import {
  loadContent as loadWithTargets,
  MIN_QUESTIONS_PER_CONCEPT,
} from '../../src/content/load-content.js';
import { stablePermutation } from '../../src/content/shuffle-choices.js';
import { ContentError, type ContentIssue } from '../../src/errors.js';

/** No corpus-size targets for the small trees here; the length-bias limit as in production. */
const TREE_TARGETS: CorpusTargets = {
  minNotes: 0,
  minQuestions: 0,
  minSecurityShare: 0,
  maxLongestRightShare: 0.35,
};

function loadContent(root: string, targets: CorpusTargets = TREE_TARGETS) {
  return loadWithTargets(root, targets);
}

interface NoteSpec {
  front: Record<string, unknown>;
  body: string;
}

interface ChoiceSpec {
  text: string;
  correct?: boolean;
}

interface QuestionSpec {
  id: string;
  concept: string;
  difficulty: number;
  domain?: string;
  question: string;
  choices: ChoiceSpec[];
  explanation: string;
}

interface TreeSpec {
  notes: Record<string, NoteSpec>;
  quizzes: Record<string, QuestionSpec[] | string>;
}

const BODY = [
  'A short summary of the concept that is long enough to pass.',
  '',
  '## Key points',
  '- First point.',
  '- Second point,',
  '  wrapped onto a second line.',
  '- Third point.',
  '',
  "## Don't confuse with",
  'The neighbouring concept, which works differently.',
].join('\n');

function noteSpec(id: string, overrides: Record<string, unknown> = {}): NoteSpec {
  return {
    front: {
      id,
      title: `Amazon ${id.toUpperCase()}`,
      aliases: [`${id} alias`],
      topic: 'messaging',
      domain: 'technology',
      related: [id === 'sqs' ? 'sns' : 'sqs'],
      docs: `https://docs.aws.amazon.com/${id}/latest/dg/welcome.html`,
      ...overrides,
    },
    body: BODY,
  };
}

/** A valid question whose first choice is the correct one, and not the longest. */
function questionSpec(id: string, concept: string): QuestionSpec {
  return {
    id,
    concept,
    difficulty: 1,
    question: `What does ${concept} do in question ${id}?`,
    choices: [
      { text: `The right answer for ${id}`, correct: true },
      { text: 'A wrong answer that is written out longer than the rest' },
      { text: 'Another wrong answer' },
      { text: 'Yet another wrong answer' },
    ],
    explanation: 'Because that is how it works.',
  };
}

/** A "choose two" question: five choices, two of them right. */
function multipleResponseSpec(id: string, concept: string): QuestionSpec {
  return {
    id,
    concept,
    difficulty: 2,
    question: `Which two statements about ${concept} are true?`,
    choices: [
      { text: 'First right statement', correct: true },
      { text: 'Second right statement', correct: true },
      { text: 'A wrong statement, and the longest of them all' },
      { text: 'Another wrong statement' },
      { text: 'One more wrong statement' },
    ],
    explanation: 'The first two are true; the others describe something else.',
  };
}

const IDS = ['one', 'two', 'three', 'four'];

/** Two notes that relate to each other, with four questions each: a tree that loads. */
function validTree(): TreeSpec {
  return {
    notes: { 'sqs.md': noteSpec('sqs'), 'sns.md': noteSpec('sns') },
    quizzes: {
      'messaging.yml': [
        ...IDS.map((n) => questionSpec(`sqs-${n}`, 'sqs')),
        ...IDS.map((n) => questionSpec(`sns-${n}`, 'sns')),
      ],
    },
  };
}

const roots: string[] = [];

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** Writes the tree to a fresh temporary `content/` directory and returns its path. */
function writeTree(tree: TreeSpec): string {
  const root = mkdtempSync(join(tmpdir(), 'aws-tutor-content-'));
  roots.push(root);
  mkdirSync(join(root, 'notes'));
  mkdirSync(join(root, 'quizzes'));
  for (const [name, spec] of Object.entries(tree.notes)) {
    writeFileSync(join(root, 'notes', name), `---\n${stringify(spec.front)}---\n${spec.body}\n`);
  }
  for (const [name, questions] of Object.entries(tree.quizzes)) {
    const source = typeof questions === 'string' ? questions : stringify(questions);
    writeFileSync(join(root, 'quizzes', name), source);
  }
  return root;
}

/** The issues of the ContentError that loading `root` throws; fails if it throws nothing. */
function issuesOf(root: string, targets: CorpusTargets = TREE_TARGETS): ContentIssue[] {
  try {
    loadContent(root, targets);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).issues;
  }
  throw new Error('expected loadContent to throw a ContentError');
}

/** Matches an issue in `file` (path suffix), on `field`, whose message contains `message`. */
function issue(file: string, field: string, message: string | RegExp = '') {
  return expect.objectContaining({
    file: expect.stringMatching(new RegExp(`(^|/)${file.replace(/[.]/g, '\\.')}$`)),
    field,
    message:
      typeof message === 'string'
        ? expect.stringContaining(message)
        : expect.stringMatching(message),
  });
}

function questions(tree: TreeSpec, file = 'messaging.yml'): QuestionSpec[] {
  const list = tree.quizzes[file];
  if (!Array.isArray(list)) throw new Error(`${file} is not a question list`);
  return list;
}

function firstQuestion(tree: TreeSpec): QuestionSpec {
  const question = questions(tree)[0];
  if (!question) throw new Error('the tree has no questions');
  return question;
}

function noteOf(tree: TreeSpec, name: string): NoteSpec {
  const spec = tree.notes[name];
  if (!spec) throw new Error(`no note ${name}`);
  return spec;
}

describe('Function: loadContent', () => {
  describe('with valid content', () => {
    it('returns every note with its front matter and parsed body', () => {
      const { notes } = loadContent(writeTree(validTree()));

      expect(notes.map((n) => n.id)).toEqual(['sns', 'sqs']);
      expect(notes[1]).toEqual({
        id: 'sqs',
        title: 'Amazon SQS',
        aliases: ['sqs alias'],
        topic: 'messaging',
        domain: 'technology',
        related: ['sns'],
        docs: 'https://docs.aws.amazon.com/sqs/latest/dg/welcome.html',
        keywords: [],
        asks: [],
        summary: 'A short summary of the concept that is long enough to pass.',
        keyPoints: ['First point.', 'Second point, wrapped onto a second line.', 'Third point.'],
        confuse: 'The neighbouring concept, which works differently.',
      });
    });

    it('returns every question with the topic of its concept', () => {
      const { questions: loaded } = loadContent(writeTree(validTree()));

      expect(loaded).toHaveLength(8);
      expect(loaded.map((q) => q.id)).toContain('sns-three');
      for (const q of loaded) expect(q.topic).toBe('messaging');
    });

    it("gives a question its concept's exam domain unless it names its own", () => {
      const tree = validTree();
      firstQuestion(tree).domain = 'security-compliance';
      const { questions: loaded } = loadContent(writeTree(tree));

      expect(loaded.find((q) => q.id === 'sqs-one')?.domain).toBe('security-compliance');
      expect(loaded.find((q) => q.id === 'sqs-two')?.domain).toBe('technology');
    });

    it('keeps the keywords and learner questions a note lists, lower case', () => {
      const tree = validTree();
      noteOf(tree, 'sqs.md').front.keywords = ['poll for messages'];
      noteOf(tree, 'sqs.md').front.asks = ['how do workers get jobs from a queue'];
      const sqs = loadContent(writeTree(tree)).notes.find((n) => n.id === 'sqs');

      expect(sqs?.keywords).toEqual(['poll for messages']);
      expect(sqs?.asks).toEqual(['how do workers get jobs from a queue']);
    });

    it('loads an empty tree as no notes and no questions', () => {
      const { notes, questions: loaded } = loadContent(writeTree({ notes: {}, quizzes: {} }));

      expect({ notes, loaded }).toEqual({ notes: [], loaded: [] });
    });

    it('ignores files that are neither .md notes nor .yml quizzes', () => {
      const root = writeTree(validTree());
      writeFileSync(join(root, 'notes', 'README.txt'), 'not a note');
      writeFileSync(join(root, 'quizzes', 'draft.yaml'), 'not: [valid');

      expect(loadContent(root).notes).toHaveLength(2);
    });
  });

  describe('shuffling choices', () => {
    it('puts the choices in the same order on every load', () => {
      const root = writeTree(validTree());

      const first = loadContent(root).questions;
      const second = loadContent(root).questions;

      expect(second.map((q) => q.choices)).toEqual(first.map((q) => q.choices));
    });

    it('points answer at the text that was marked correct', () => {
      const { questions: loaded } = loadContent(writeTree(validTree()));

      for (const q of loaded) expect(q.choices[q.answer]).toBe(`The right answer for ${q.id}`);
    });

    it('orders the choices by the stable permutation seeded with the question id', () => {
      const tree = validTree();
      const { questions: loaded } = loadContent(writeTree(tree));

      for (const q of loaded) {
        const authored = questions(tree).find((spec) => spec.id === q.id)?.choices ?? [];
        const expected = stablePermutation(authored.length, q.id).map((i) => authored[i]?.text);
        expect(q.choices).toEqual(expected);
      }
    });

    it('moves the answer away from where the author put it for some questions', () => {
      const { questions: loaded } = loadContent(writeTree(validTree()));

      // Every authored question has the right answer first.
      expect(new Set(loaded.map((q) => q.answer)).size).toBeGreaterThan(1);
    });
  });

  describe('note rules', () => {
    it('reports a related id that names no note', () => {
      const tree = validTree();
      noteOf(tree, 'sqs.md').front.related = ['sns', 'no-such-note'];

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue('notes/sqs.md', 'related', 'unknown id "no-such-note"'),
      );
    });

    it('reports a note that lists itself as related', () => {
      const tree = validTree();
      noteOf(tree, 'sqs.md').front.related = ['sns', 'sqs'];

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue('notes/sqs.md', 'related', 'lists the note itself'),
      );
    });

    it('reports an id that does not match the file name', () => {
      const tree = validTree();
      noteOf(tree, 'sqs.md').front.id = 'simple-queue';

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue('notes/sqs.md', 'id', '"simple-queue" must match the file name'),
      );
    });

    it('reports a duplicate id when two files declare the same id', () => {
      const tree = validTree();
      // The only way to repeat an id, since each id must also match its file name.
      noteOf(tree, 'sns.md').front.id = 'sqs';
      const issues = issuesOf(writeTree(tree));

      expect(issues).toContainEqual(issue('notes/sns.md', 'id', 'must match the file name'));
      expect(issues).toContainEqual(
        expect.objectContaining({ field: 'id', message: 'duplicate id "sqs"' }),
      );
    });

    it('reports an alias that two notes share', () => {
      const tree = validTree();
      noteOf(tree, 'sqs.md').front.aliases = ['message queue', 'queue'];
      noteOf(tree, 'sns.md').front.aliases = ['queue'];
      const issues = issuesOf(writeTree(tree));

      expect(issues).toContainEqual(
        issue('notes/sqs.md', 'aliases', '"queue" is also an alias of sns'),
      );
      expect(issues).toHaveLength(1);
    });

    it('reports an alias with capitals (aliases are lower case)', () => {
      const tree = validTree();
      noteOf(tree, 'sqs.md').front.aliases = ['Queue'];

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue('notes/sqs.md', 'aliases[0]', 'lower case'),
      );
    });

    it('accepts the same alias twice within one note', () => {
      const tree = validTree();
      noteOf(tree, 'sqs.md').front.aliases = ['queue', 'queue'];

      expect(() => loadContent(writeTree(tree))).not.toThrow();
    });

    it('reports a topic that is not one of the topic slugs', () => {
      const tree = validTree();
      noteOf(tree, 'sqs.md').front.topic = 'queues';

      expect(issuesOf(writeTree(tree))).toContainEqual(issue('notes/sqs.md', 'topic'));
    });

    it.each([
      'https://example.com/sqs',
      'http://docs.aws.amazon.com/sqs/',
      'https://docs.aws.amazon.com.example.net/sqs',
      'https://aws.amazon.com.evil.example/sqs',
      'https://en.wikipedia.org/wiki/Amazon_Simple_Queue_Service',
    ])('reports a docs URL that is not official AWS documentation: %s', (docs) => {
      const tree = validTree();
      noteOf(tree, 'sqs.md').front.docs = docs;

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue('notes/sqs.md', 'docs', 'must be an official AWS documentation URL'),
      );
    });

    it('accepts a docs URL on aws.amazon.com', () => {
      const tree = validTree();
      noteOf(tree, 'sqs.md').front.docs = 'https://aws.amazon.com/sqs/';

      expect(loadContent(writeTree(tree)).notes[1]?.docs).toBe('https://aws.amazon.com/sqs/');
    });

    it('reports a front matter field that the schema does not know', () => {
      const tree = validTree();
      noteOf(tree, 'sqs.md').front.colour = 'blue';

      expect(issuesOf(writeTree(tree))).toContainEqual(issue('notes/sqs.md', '(root)', 'colour'));
    });

    it('reports a note with fewer than 3 key points', () => {
      const tree = validTree();
      noteOf(tree, 'sqs.md').body =
        'A short summary of the concept that is long enough.\n\n## Key points\n- One\n- Two';

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue('notes/sqs.md', 'keyPoints', 'needs at least 3 key points'),
      );
    });

    it('reports a note whose summary is missing', () => {
      const tree = validTree();
      noteOf(tree, 'sqs.md').body = '## Key points\n- One\n- Two\n- Three';

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue('notes/sqs.md', 'summary', 'the summary is missing or too short'),
      );
    });

    it('reports a note file without front matter as a problem with the file', () => {
      const root = writeTree(validTree());
      writeFileSync(join(root, 'notes', 'sqs.md'), 'Just text.\n');

      expect(issuesOf(root)).toContainEqual(
        issue('notes/sqs.md', '(file)', 'must start with YAML front matter'),
      );
    });

    it('reports a note whose front matter is invalid YAML as a problem with the file', () => {
      const root = writeTree(validTree());
      writeFileSync(join(root, 'notes', 'sqs.md'), `---\nid: [sqs\n---\n${BODY}\n`);

      expect(issuesOf(root)).toContainEqual(issue('notes/sqs.md', '(file)'));
    });
  });

  describe('question rules', () => {
    it('reports a question id used in two quiz files, naming the other file', () => {
      const tree = validTree();
      tree.quizzes['networking.yml'] = [{ ...questionSpec('sqs-one', 'sqs') }];

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue(
          'quizzes/networking.yml',
          '[0] (sqs-one).id',
          /^duplicate id \(also in .*messaging\.yml\)$/,
        ),
      );
    });

    it('reports a question id used twice in one file', () => {
      const tree = validTree();
      questions(tree).push(questionSpec('sns-two', 'sns'));

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue('quizzes/messaging.yml', '[8] (sns-two).id', 'duplicate id'),
      );
    });

    it('reports a question with no choice marked correct', () => {
      const tree = validTree();
      firstQuestion(tree).choices = firstQuestion(tree).choices.map((c) => ({ text: c.text }));

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue(
          'quizzes/messaging.yml',
          '[0] (sqs-one).choices',
          '4 choices with exactly one correct: true',
        ),
      );
    });

    it('reports a question of four choices with two marked correct', () => {
      const tree = validTree();
      firstQuestion(tree).choices[1] = { text: 'A wrong answer', correct: true };

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue(
          'quizzes/messaging.yml',
          '[0] (sqs-one).choices',
          '4 choices with exactly one correct: true',
        ),
      );
    });

    it('reports a question whose explanation is empty', () => {
      const tree = validTree();
      firstQuestion(tree).explanation = '';

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue('quizzes/messaging.yml', '[0] (sqs-one).explanation', 'the explanation is empty'),
      );
    });

    it('reports a question whose explanation is only white space', () => {
      const tree = validTree();
      firstQuestion(tree).explanation = '   ';

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue('quizzes/messaging.yml', '[0] (sqs-one).explanation', 'the explanation is empty'),
      );
    });

    it('reports a question with 3 choices instead of 4', () => {
      const tree = validTree();
      firstQuestion(tree).choices.pop();

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue('quizzes/messaging.yml', '[0] (sqs-one).choices', 'expected array to have >=4 items'),
      );
    });

    it('reports a question with 5 choices and only one of them right', () => {
      const tree = validTree();
      firstQuestion(tree).choices.push({ text: 'A fifth answer' });

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue('quizzes/messaging.yml', '[0] (sqs-one).choices', 'or 5–6 choices with two or three'),
      );
    });

    it('loads a "choose two" question with every right choice in answers', () => {
      const tree = validTree();
      questions(tree).push(multipleResponseSpec('sqs-choose-two', 'sqs'));
      const loaded = loadContent(writeTree(tree)).questions.find((q) => q.id === 'sqs-choose-two');

      expect(loaded?.choices).toHaveLength(5);
      expect(loaded?.answers.map((i) => loaded.choices[i]).sort()).toEqual([
        'First right statement',
        'Second right statement',
      ]);
      expect(loaded?.answer).toBe(loaded?.answers[0]);
    });

    it('reports a question with four right choices out of six', () => {
      const tree = validTree();
      const spec = multipleResponseSpec('sqs-choose-four', 'sqs');
      spec.choices.push({ text: 'A sixth statement', correct: true });
      spec.choices[2] = { text: 'A third right statement', correct: true };
      questions(tree).push(spec);

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue('quizzes/messaging.yml', '[8] (sqs-choose-four).choices', 'two or three correct'),
      );
    });

    it('reports a question that types "Choose two" itself', () => {
      const tree = validTree();
      const spec = multipleResponseSpec('sqs-typed', 'sqs');
      spec.question = 'Which statements about SQS are true? (Choose two.)';
      questions(tree).push(spec);

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue('quizzes/messaging.yml', '[8] (sqs-typed).question', 'leave out "Choose two/three"'),
      );
    });

    it('reports a file where the right answer is too often the longest choice', () => {
      const tree = validTree();
      for (const q of questions(tree).slice(0, 3))
        q.choices[0] = { text: `${'long '.repeat(12)}`.trim(), correct: true };

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue('quizzes/messaging.yml', 'choices', 'the longest choice in 38% of this file'),
      );
    });

    it('accepts a file where the right answer is the longest choice in at most 35%', () => {
      const tree = validTree();
      for (const q of questions(tree).slice(0, 2))
        q.choices[0] = { text: `${'long '.repeat(12)}`.trim(), correct: true };

      expect(() => loadContent(writeTree(tree))).not.toThrow();
    });

    it('reports a corpus below its targets: notes, questions and the security share', () => {
      const root = writeTree(validTree());
      const targets = { ...TREE_TARGETS, minNotes: 3, minQuestions: 9, minSecurityShare: 0.3 };

      expect(issuesOf(root, targets)).toEqual([
        issue('content/', 'notes', '2 notes; the syllabus needs 3'),
        issue('content/', 'questions', '8 questions; the syllabus needs 9'),
        issue(
          'content/',
          'domain',
          '0% of questions are in security-compliance; the exam needs 30%',
        ),
      ]);
    });

    it('reports a note too long for one chat message', () => {
      const tree = validTree();
      noteOf(tree, 'sqs.md').body =
        `${'A summary. '.repeat(25)}\n\n## Key points\n${'- '.concat('word '.repeat(59), '\n').repeat(6)}`;

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue('notes/sqs.md', '(root)', 'keep it chat-sized'),
      );
    });

    it('reports a choice over 70 characters, naming the choice', () => {
      const tree = validTree();
      firstQuestion(tree).choices[2] = { text: 'x'.repeat(71) };

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue('quizzes/messaging.yml', '[0] (sqs-one).choices[2].text', 'at most 70 characters'),
      );
    });

    it('accepts a choice of exactly 70 characters', () => {
      const tree = validTree();
      firstQuestion(tree).choices[2] = { text: 'x'.repeat(70) };

      expect(loadContent(writeTree(tree)).questions[0]?.choices).toContain('x'.repeat(70));
    });

    it('reports two choices with the same text, ignoring case', () => {
      const tree = validTree();
      firstQuestion(tree).choices[2] = { text: 'yet ANOTHER wrong answer' };

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue('quizzes/messaging.yml', '[0] (sqs-one).choices', 'choices must all be different'),
      );
    });

    it('reports a question whose concept names no note', () => {
      const tree = validTree();
      firstQuestion(tree).concept = 'no-such-note';

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue('quizzes/messaging.yml', '[0] (sqs-one).concept', 'unknown concept "no-such-note"'),
      );
    });

    it('reports a question with a difficulty outside 1 to 3', () => {
      const tree = validTree();
      firstQuestion(tree).difficulty = 4;

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue('quizzes/messaging.yml', '[0] (sqs-one).difficulty'),
      );
    });

    it('reports a concept with fewer than 4 questions on its note', () => {
      const tree = validTree();
      tree.quizzes['messaging.yml'] = questions(tree).filter((q) => q.id !== 'sns-three');

      expect(MIN_QUESTIONS_PER_CONCEPT).toBe(4);
      expect(issuesOf(writeTree(tree))).toEqual([
        issue('notes/sns.md', 'questions', 'has 3 questions; every concept needs at least 4'),
      ]);
    });

    it('reports a concept with no questions at all', () => {
      const tree = validTree();
      tree.quizzes['messaging.yml'] = questions(tree).filter((q) => q.concept !== 'sns');

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue('notes/sns.md', 'questions', 'has 0 questions'),
      );
    });

    it('reports a quiz file that is not valid YAML', () => {
      const tree = validTree();
      tree.quizzes['broken.yml'] = '- id: [unclosed\n  concept: sqs\n';

      expect(issuesOf(writeTree(tree))).toContainEqual(issue('quizzes/broken.yml', '(yaml)'));
    });

    it('reports a quiz file that holds no questions', () => {
      const tree = validTree();
      tree.quizzes['empty.yml'] = '[]\n';

      expect(issuesOf(writeTree(tree))).toContainEqual(
        issue('quizzes/empty.yml', '(root)', 'the file has no questions'),
      );
    });

    it('collects every problem in one error instead of stopping at the first', () => {
      const tree = validTree();
      noteOf(tree, 'sqs.md').front.topic = 'queues';
      firstQuestion(tree).explanation = '';
      tree.quizzes['broken.yml'] = '- id: [unclosed\n';
      const issues = issuesOf(writeTree(tree));

      expect(issues).toContainEqual(issue('notes/sqs.md', 'topic'));
      expect(issues).toContainEqual(issue('quizzes/messaging.yml', '[0] (sqs-one).explanation'));
      expect(issues).toContainEqual(issue('quizzes/broken.yml', '(yaml)'));
    });

    it('puts the file and field of every issue in the error message', () => {
      const tree = validTree();
      firstQuestion(tree).explanation = '';

      expect(() => loadContent(writeTree(tree))).toThrow(
        /messaging\.yml: \[0\] \(sqs-one\)\.explanation: the explanation is empty/,
      );
    });
  });

  describe('with the repository content', () => {
    const root = fileURLToPath(new URL('../../content', import.meta.url));
    const REQUIRED_NOTES = [
      'cloud-service-models',
      'pay-as-you-go',
      'elasticity',
      'api-centric',
      'monolith',
      'microservices',
      'loose-coupling',
      'tight-coupling',
      'messaging-and-queuing',
      'sqs',
      'sns',
      'serverless-computing',
      'lambda',
      'fargate',
      'containers',
      'ecs',
      'eks',
      'api-gateway',
      'dynamodb',
      'ec2',
      'ec2-auto-scaling',
      'elastic-load-balancing',
      's3',
      'cloudfront',
      'regions',
      'availability-zones',
      'edge-locations',
      'outposts',
      'management-console',
      'aws-cli',
      'aws-sdks',
      'vpc',
      'subnets',
      'internet-gateway',
      'virtual-private-gateway',
      'direct-connect',
      'network-acls',
      'security-groups',
      'example-web-architecture',
    ];
    const content = loadWithTargets(root);
    const note = (id: string) => {
      const found = content.notes.find((n) => n.id === id);
      if (!found) throw new Error(`no note ${id}`);
      return found;
    };
    const allText = (id: string) => {
      const n = note(id);
      return [n.summary, ...n.keyPoints, n.confuse ?? ''].join(' ');
    };

    it('loads without any content problem, against the syllabus targets', () => {
      expect(() => loadWithTargets(root)).not.toThrow();
    });

    it('has at least 150 questions', () => {
      expect(content.questions.length).toBeGreaterThanOrEqual(150);
    });

    it('has at least 4 questions for every note', () => {
      const thin = content.notes
        .map((n) => ({
          id: n.id,
          count: content.questions.filter((q) => q.concept === n.id).length,
        }))
        .filter((n) => n.count < 4);

      expect(thin).toEqual([]);
    });

    it('has a note for every required concept', () => {
      const ids = new Set(content.notes.map((n) => n.id));

      expect(REQUIRED_NOTES.filter((id) => !ids.has(id))).toEqual([]);
    });

    it('defines CloudFront as a content delivery network, not a web server', () => {
      const cloudfront = note('cloudfront');

      expect(cloudfront.summary).toMatch(/content delivery network/i);
      expect(cloudfront.summary).not.toMatch(/web server/i);
    });

    it('says network ACLs are stateless', () => {
      expect(note('network-acls').summary).toMatch(/\bstateless\b/i);
      expect(note('network-acls').summary).not.toMatch(/\bstateful\b/i);
      expect(allText('network-acls')).toMatch(/\bstateless\b/i);
    });

    it('says security groups are stateful', () => {
      expect(note('security-groups').summary).toMatch(/\bstateful\b/i);
      expect(note('security-groups').summary).not.toMatch(/\bstateless\b/i);
      expect(allText('security-groups')).toMatch(/\bstateful\b/i);
    });

    it('does not say serverless computing means a virtual server you manage', () => {
      const serverless = note('serverless-computing');

      expect(serverless.summary).not.toMatch(/virtual server/i);
      expect(serverless.summary).toMatch(/without (provisioning or )?managing/i);
      expect(allText('serverless-computing')).not.toMatch(
        /\b(you|user) (manage|run)s? (a|the|your) virtual server/i,
      );
    });
  });
});
