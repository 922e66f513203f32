import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDocumentClient } from '../../src/store/dynamo-client.js';
import { DynamoStore } from '../../src/store/dynamo-store.js';
import { recentWeeks } from '../../src/team/team-command.js';
import { decodeAction } from '../../src/tutor/actions.js';
import type { Asker } from '../../src/tutor/deps.js';
import type { Reply } from '../../src/tutor/reply.js';
import { createTutor, type Tutor } from '../../src/tutor/tutor.js';
import { answerAction, postDaily } from '../helpers/daily-round.js';
import { freshStore } from '../helpers/dynamo.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { asker, content, fakeClock, testDeps } from '../helpers/test-deps.js';

const tenant = { platform: 'slack' as const, workspaceId: 'T1' };
const person = (userId: string): Asker =>
  asker({ ...tenant, channelId: 'C1', userId, userName: `${userId}-name` });

/** The question a practice reply shows. */
function questionOf(reply: Reply) {
  const text = reply.sections[0]?.replace(/\*\*/g, '');
  const question = content.questions.find((q) => q.question === text);
  if (!question) throw new Error(`no question in: ${text}`);
  return question;
}

/** `/aws quiz [topic]` and a click on a right (or wrong) answer; returns the question. */
async function practise(tutor: Tutor, who: Asker, right: boolean, topic?: string) {
  const reply = await tutor.handleCommand(who, topic ? `quiz ${topic}` : 'quiz');
  const question = questionOf(reply);
  const choice = right
    ? question.answer
    : question.choices.findIndex((_, i) => !question.answers.includes(i));
  const button = reply.buttons?.filter((b) => b.kind === 'answer')[choice];
  await tutor.handleAction(who, button?.action as string);
  return question;
}

const body = (reply: Reply) => [reply.title, ...reply.sections, reply.footnote].join('\n');

describe('Command: /aws team', () => {
  it('counts practice and daily answers by week, domain, topic and concept, naming nobody', async () => {
    const { store } = await freshStore();
    const clock = fakeClock('2026-11-23T09:00:00Z');
    const tutor = createTutor(testDeps({ storeImpl: store, clock }));
    const daily = await postDaily(store, tenant, ['C1'], clock());
    const missed = await practise(tutor, person('alice'), false, 'networking');
    await practise(tutor, person('alice'), true, 'networking');
    await tutor.handleAction(person('bob'), answerAction(daily.C1 as Reply, false));
    const dailyQuestion = questionOf(daily.C1 as Reply);

    const reply = await tutor.handleCommand(person('carol'), 'team');
    const text = body(reply);
    expect(reply.visibility).toBe('private');
    expect(reply.title).toBe('Team: the last 4 weeks');
    expect(text).toMatch(/this week +▓+░* 2 people/);
    expect(text).toContain('Share right by exam domain');
    expect(text).toContain('Share right by topic');
    expect(text).toMatch(/Networking and content delivery +▓{5}░{5} +50% of 2/);
    expect(text).toContain(`${content.note(missed.concept)?.title}: 1 wrong of`);
    expect(text).toContain(`${content.note(dailyQuestion.concept)?.title}: 1 wrong of 1`);
    expect(reply.footnote).toMatch(/^3 answers/);
    for (const name of ['alice', 'bob', 'carol']) expect(text).not.toContain(name);

    // Each concept missed has a Read and a Practise button; Practise asks about that concept.
    const practiseButton = reply.buttons?.find((b) => b.label.startsWith('Practise:'));
    const action = decodeAction(practiseButton?.action as string);
    expect(action.kind).toBe('practise-concept');
    const next = await tutor.handleAction(person('carol'), practiseButton?.action as string);
    expect(questionOf(next).concept).toBe((action as { conceptId: string }).conceptId);
    expect(reply.buttons?.filter((b) => b.label.startsWith('Read:'))).toHaveLength(2);
  });

  it('looks back four weeks: people per week, and nothing older', async () => {
    const { store } = await freshStore();
    const clock = fakeClock('2026-10-26T10:00:00Z');
    const tutor = createTutor(testDeps({ storeImpl: store, clock }));
    await practise(tutor, person('old'), true); // week 44: five weeks before week 48
    clock.set('2026-11-04T10:00:00Z'); // week 45
    await practise(tutor, person('alice'), true);
    await practise(tutor, person('bob'), true);
    clock.set('2026-11-18T10:00:00Z'); // week 47
    await practise(tutor, person('alice'), true);
    clock.set('2026-11-27T10:00:00Z'); // week 48

    const text = body(await tutor.handleCommand(person('alice'), 'team'));
    expect(recentWeeks('2026-11-27', 4)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(text).toMatch(/2026-W45 +▓{10} 2 people/);
    expect(text).toMatch(/2026-W46 +░{10} 0 people/);
    expect(text).toMatch(/2026-W47 +▓{5}░{5} 1 person/);
    expect(text).toMatch(/this week +░{10} 0 people/);
    expect(text).not.toContain('W44');
    expect(text).toMatch(/3 answers/);
  });

  it('says how to start when nobody has answered yet', async () => {
    const { store } = await freshStore();
    const tutor = createTutor(testDeps({ storeImpl: store }));
    const reply = await tutor.handleCommand(person('alice'), 'team');
    expect(reply.sections.join('\n')).toMatch(/Nobody here has answered a question .*`\/aws quiz`/);
    expect(reply.buttons).toBeUndefined();
  });

  describe('when the team writes fail', () => {
    let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
    afterAll(() => proxy?.close());

    it('the answer is still scored and its feedback shown; the failure is logged', async () => {
      const fresh = await freshStore();
      proxy = await startFaultProxy(inject('dynamoEndpoint'));
      const db = createDocumentClient(
        { tableName: fresh.tableName, endpoint: proxy.endpoint, region: 'us-east-1' },
        { requestTimeoutMs: 5000 },
      );
      const store = new DynamoStore(db, fresh.tableName);
      const errors: string[] = [];
      const tutor = createTutor(
        testDeps({ storeImpl: store, log: { error: (message) => errors.push(message) } }),
      );
      const reply = await tutor.handleCommand(person('alice'), 'quiz');
      const question = questionOf(reply);
      // Every UpdateItem fails from now on: only the team's writes use one on this path.
      proxy.rules.push({ operation: 'UpdateItem', skip: 0, times: 1000, fault: 'server-error' });
      const button = reply.buttons?.filter((b) => b.kind === 'answer')[question.answer];
      const feedback = await tutor.handleAction(person('alice'), button?.action as string);
      proxy.rules.length = 0;

      expect(feedback.title).toBe('✅ Correct!');
      expect(errors).toContain('team activity not counted');
      const { totals } = await fresh.store.getLearner({ ...tenant, userId: 'alice' });
      expect(totals).toMatchObject({ answered: 1, correct: 1 });
    });
  });
});
