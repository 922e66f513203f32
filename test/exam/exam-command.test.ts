import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/types.js';
import { EXAM_HOURS } from '../../src/exam/exam-command.js';
import { domainCounts } from '../../src/exam/exam-draw.js';
import type { DynamoStore } from '../../src/store/dynamo-store.js';
import { decodeAction, encodeAction } from '../../src/tutor/actions.js';
import type { Reply } from '../../src/tutor/reply.js';
import { choiceSetAction } from '../../src/tutor/reply.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { answerWith } from '../helpers/answer-reply.js';
import { freshStore } from '../helpers/dynamo.js';
import { asker, content, fakeClock, testDeps } from '../helpers/test-deps.js';

const alice = asker({ platform: 'slack', workspaceId: 'T1', userId: 'U-alice', userName: 'alice' });
const user = { platform: 'slack', workspaceId: 'T1', userId: 'U-alice' };

/** The question an exam reply shows, found by its text. */
function questionOf(reply: Reply): Question {
  const text = reply.sections.find((s) => s.startsWith('**') && !s.startsWith('**Choose'));
  const question = content.questions.find((q) => `**${q.question}**` === text);
  if (!question) throw new Error(`no question in: ${reply.sections.join(' | ')}`);
  return question;
}

/** Right picks, or the first wrong ones of the same number. */
function picksFor(question: Question, right: boolean): number[] {
  if (right) return question.answers;
  return question.choices
    .map((_, i) => i)
    .filter((i) => !question.answers.includes(i))
    .slice(0, question.answers.length);
}

async function setup() {
  const fresh = await freshStore();
  const clock = fakeClock('2026-11-23T10:00:00Z');
  const tutor = createTutor(testDeps({ storeImpl: fresh.store, clock }));
  return { ...fresh, clock, tutor };
}

/** An exam of chosen questions, started as `/aws exam` starts one (the store's own call). */
async function startWith(store: DynamoStore, ids: string[], at = '2026-11-23T10:00:00.000Z') {
  await store.startExam(user, {
    examId: 'exam123456',
    questionIds: ids,
    answers: {},
    rights: {},
    position: 0,
    startedAt: at,
    expiresAt: new Date(Date.parse(at) + EXAM_HOURS * 3600_000).toISOString(),
  });
}

const examAction = (position: number, questionId: string, choices: number[]) =>
  encodeAction({ kind: 'exam-answer', examId: 'exam123456', position, questionId, choices });

describe('Command: /aws exam', () => {
  it('draws 20 questions to the domain weights and shows one at a time, no answer shown', async () => {
    const { tutor, store } = await setup();
    const first = await tutor.handleCommand(alice, 'exam');
    expect(first.title).toBe('Exam: question 1 of 20');
    expect(first.visibility).toBe('private');
    expect(first.sections[0]).toMatch(/20-question mock exam/);
    const { session } = await store.getExamContext(user);
    const drawn = (session?.questionIds ?? []).map((id) => content.question(id) as Question);
    const counts = domainCounts(20);
    for (const [domain, count] of Object.entries(counts)) {
      expect(drawn.filter((q) => q.domain === domain)).toHaveLength(count);
    }
    const picks = picksFor(questionOf(first), true);
    const second = await tutor.handleAction(alice, answerWith(first, picks));
    expect(second.title).toBe('Exam: question 2 of 20');
    expect(second.replaceOriginal).toBe(true);
    // It confirms what was saved, and says nothing of whether it was right.
    const [saved, ...rest] = second.sections;
    expect(saved).toContain('Saved for question 1: ');
    expect(saved).toContain(`“${questionOf(first).choices[picks[0] as number]?.slice(0, 100)}`);
    expect(rest.join('\n')).not.toMatch(/Correct|right|wrong/i);
    expect(questionOf(second).id).toBe(session?.questionIds[1]);
  });

  it('resumes the running exam within 24 hours, and starts afresh after', async () => {
    const { tutor, clock } = await setup();
    const first = await tutor.handleCommand(alice, 'exam 5');
    const second = await tutor.handleAction(alice, answerWith(first, [0]));
    clock.advance(3 * 3600_000);
    const resumed = await tutor.handleCommand(alice, 'exam');
    expect(resumed.title).toBe('Exam: question 2 of 5');
    expect(questionOf(resumed).id).toBe(questionOf(second).id);
    expect(resumed.sections[0]).toBe('_Your exam, where you left it._');
    const other = await tutor.handleCommand(alice, 'exam 30');
    expect(other.title).toBe('Exam: question 2 of 5');
    expect(other.sections[0]).toMatch(/5-question exam running/);

    clock.advance(EXAM_HOURS * 3600_000);
    const late = await tutor.handleAction(alice, answerWith(second, [0]));
    expect(late.sections[0]).toMatch(/That exam has ended/);
    expect((await tutor.handleCommand(alice, 'exam')).title).toBe('Exam: question 1 of 20');
  });

  it('`/aws exam stop` ends it: its buttons record nothing, and `/aws exam` starts a new one', async () => {
    const { tutor, store } = await setup();
    const first = await tutor.handleCommand(alice, 'exam 5');
    const second = await tutor.handleAction(alice, answerWith(first, [1]));
    const stop = await tutor.handleCommand(alice, 'exam stop');
    expect(stop.sections[0]).toMatch(/^Exam stopped after 1 of 5 questions/);
    expect((await tutor.handleCommand(alice, 'exam stop')).sections[0]).toMatch(/no exam running/);
    const after = await tutor.handleAction(alice, answerWith(second, [0]));
    expect(after.sections[0]).toMatch(/That exam has ended/);
    expect(await store.examHistory(user, 5)).toEqual([]);
    expect((await tutor.handleCommand(alice, 'exam')).title).toBe('Exam: question 1 of 20');
  });

  it('a double click, a retry or two clicks at once answer a question once, never skipping one', async () => {
    const { tutor, store } = await setup();
    const first = await tutor.handleCommand(alice, 'exam 5');
    const click = answerWith(first, [0]);
    const [a, b] = await Promise.all([
      tutor.handleAction(alice, click),
      tutor.handleAction(alice, answerWith(first, [1])),
    ]);
    expect(a.title).toBe('Exam: question 2 of 5');
    expect(b.title).toBe('Exam: question 2 of 5');
    const retried = await tutor.handleAction(alice, click);
    expect(retried.title).toBe('Exam: question 2 of 5');
    const { session } = await store.getExamContext(user);
    expect(session?.position).toBe(1);
    expect(Object.keys(session?.answers ?? {})).toEqual(['0']);
    const { totals } = await store.getLearner(user);
    expect(totals?.answered).toBe(1);
  });

  it('scores "choose two" all or nothing (right, wrong, partly right) and reports by domain', async () => {
    const { tutor, store, clock } = await setup();
    const multi = content.questions.filter((q) => q.answers.length === 2).slice(0, 3);
    const single = content.questions.filter(
      (q) => q.answers.length === 1 && q.domain === 'billing-support',
    )[0] as Question;
    const ids = [...multi.map((q) => q.id), single.id];
    await startWith(store, ids);
    const [right, wrong, partly] = multi as [Question, Question, Question];
    const partlyPicks = [partly.answers[0] as number, picksFor(partly, false)[0] as number];
    const plan: [Question, number[]][] = [
      [right, right.answers],
      [wrong, picksFor(wrong, false)],
      [partly, partlyPicks],
      [single, single.answers],
    ];
    let reply = await tutor.handleCommand(alice, 'exam');
    expect(reply.choiceSet).toMatchObject({ count: 2, options: right.choices });
    expect(reply.sections).toContain('**Choose two.**');
    // A Submit with the wrong number ticked records nothing and keeps the question.
    const one = await tutor.handleAction(
      alice,
      examAction(0, right.id, [right.answers[0] as number]),
    );
    expect(one.sections[0]).toMatch(/^Choose two\. Nothing was recorded/);
    for (const [i, [question, picks]] of plan.entries()) {
      clock.advance(60_000);
      expect(questionOf(reply).id).toBe(question.id);
      reply = await tutor.handleAction(alice, examAction(i, question.id, picks));
    }
    expect(reply.title).toBe('Exam report: 2 of 4 right (50%)');
    const text = reply.sections.join('\n');
    expect(text).toMatch(/Billing, Pricing and Support +▓{10} +100% of 1\n/);
    expect(text).toMatch(/needs work/);
    expect(text).toContain("**Time:** 4 min for 4 questions, within the exam's pace of 6 min");
    expect(reply.linkList?.links.map((l) => l.label)).toEqual([
      expect.stringMatching(/^Q2 · /),
      expect.stringMatching(/^Q3 · /),
    ]);
    expect(reply.linkList?.links[0]?.url).toBe(content.note(wrong.concept)?.docs);
    const practise = reply.buttons?.filter((b) => b.label.startsWith('Practise:')) ?? [];
    expect(practise.map((b) => decodeAction(b.action))).toEqual(
      expect.arrayContaining([{ kind: 'practise-concept', conceptId: wrong.concept }]),
    );

    // Reviews and mastery move; the leaderboards do not.
    const state = await store.getLearner(user);
    expect(state.totals).toMatchObject({ answered: 4, correct: 2, points: 0 });
    expect(state.cards.map((c) => c.questionId).sort()).toEqual([...ids].sort());
    expect(await store.leaderboard(user, 'all', 10)).toEqual([]);
    const [result] = await store.examHistory(user, 5);
    expect(result).toMatchObject({ total: 4, right: 2 });
    // The report again, for a click on a finished exam.
    const again = await tutor.handleAction(alice, examAction(3, single.id, single.answers));
    expect(again.sections[0]).toMatch(/finished; here is its report again/);
  });

  it('`/aws exam history` lists the last five results, newest first', async () => {
    const { tutor, store, clock } = await setup();
    expect((await tutor.handleCommand(alice, 'exam history')).sections[0]).toMatch(
      /No finished exams/,
    );
    for (let n = 0; n < 6; n++) {
      const q = content.questions[n] as Question;
      await startWith(store, [q.id], clock().toISOString());
      await tutor.handleAction(alice, examAction(0, q.id, n % 2 ? picksFor(q, false) : q.answers));
      clock.advance(24 * 3600_000 + 60_000);
    }
    const history = await tutor.handleCommand(alice, 'exam history');
    const lines = history.sections[0]?.split('\n') ?? [];
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^• 28 Nov 2026: \*\*0 of 1\*\* \(0%\)/);
    expect(lines[4]).toMatch(/^• 24 Nov 2026: \*\*0 of 1\*\*/);
  });
});

describe('Practice: "choose two" questions', () => {
  it('shows which choices were right, scoring all or nothing', async () => {
    const { tutor } = await setup();
    // Practice picks by schedule; ask until a "choose two" question comes up.
    let reply: Reply | undefined;
    for (let i = 0; i < 60 && !reply?.choiceSet; i++) {
      reply = await tutor.handleCommand(alice, 'quiz ai-ml');
      if (!reply.choiceSet) await tutor.handleAction(alice, answerWith(reply, [0]));
    }
    if (!reply?.choiceSet)
      throw new Error('no "choose two" question came up in 60 practice questions');
    const question = questionOf(reply);
    const picks = [question.answers[0] as number, picksFor(question, false)[0] as number];
    const feedback = await tutor.handleAction(alice, choiceSetAction(reply.choiceSet, picks));
    expect(feedback.title).toBe(`❌ Not quite: 1 of ${question.answers.length} right`);
    const marks = feedback.sections.find((s) => s.includes('you picked it')) ?? '';
    expect(marks).toContain(`✅ ${question.choices[picks[0] as number]} (right, you picked it)`);
    expect(marks).toContain(`❌ ${question.choices[picks[1] as number]} (wrong, you picked it)`);
    expect(marks.split('\n')).toHaveLength(question.choices.length);
  });
});
