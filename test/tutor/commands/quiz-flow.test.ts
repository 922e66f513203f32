import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../../src/store/dynamo-client.js';
import { DynamoStore } from '../../../src/store/dynamo-store.js';
import { MAX_PENDING } from '../../../src/tutor/commands/quiz.js';
import { renderNames } from '../../../src/tutor/display-name.js';
import type { Reply } from '../../../src/tutor/reply.js';
import { createTutor } from '../../../src/tutor/tutor.js';
import { postDaily } from '../../helpers/daily-round.js';
import { freshStore } from '../../helpers/dynamo.js';
import { asker, content, fakeClock, testDeps } from '../../helpers/test-deps.js';

const answerButtons = (reply: Reply) => (reply.buttons ?? []).filter((b) => b.kind === 'answer');

/** The index of the right answer, looked up from the question text the reply shows. */
function rightChoice(reply: Reply): number {
  const text = reply.sections[0]?.replace(/\*\*/g, '');
  const question = content.questions.find((q) => q.question === text);
  if (!question) throw new Error(`question not found: ${text}`);
  return question.answer;
}

async function setup() {
  const fresh = await freshStore();
  const clock = fakeClock('2026-11-23T09:00:00Z');
  const tutor = createTutor(testDeps({ storeImpl: fresh.store, clock }));
  return { ...fresh, clock, tutor };
}

describe('Feature: practice quiz, score and leaderboard', () => {
  it('asks a question with four answer buttons and scores the click once', async () => {
    const { tutor, requests } = await setup();
    requests.length = 0;
    const question = await tutor.handleCommand(asker(), 'quiz');
    expect(requests).toEqual(['QueryCommand', 'PutItemCommand']);
    const buttons = answerButtons(question);
    expect(buttons).toHaveLength(4);
    expect(question.visibility).toBe('private');
    const right = buttons[rightChoice(question)]?.action as string;

    requests.length = 0;
    const feedback = await tutor.handleAction(asker(), right);
    // The answer in one transaction; then, outside it, the person's and the team's week.
    expect(requests).toEqual([
      'BatchGetItemCommand',
      'TransactWriteItemsCommand',
      'UpdateItemCommand',
      'UpdateItemCommand',
    ]);
    expect(feedback.title).toContain('Correct');
    expect(feedback.replaceOriginal).toBe(true);
    expect(feedback.sections.join('\n')).toMatch(/bring this question back/);

    // Regression: a retried click used to leave the question on screen with a second message.
    const again = await tutor.handleAction(asker(), right);
    expect(again.sections[0]).toMatch(/already answered/);
    expect(again.replaceOriginal).toBe(true);
    expect(again.title).toContain('Correct');

    requests.length = 0;
    const score = await tutor.handleCommand(asker(), 'score');
    // The learner's partition, and the workspace's daily dates for the current streak, at once.
    expect([...requests].sort()).toEqual(['GetItemCommand', 'QueryCommand']);
    expect(score.fields?.find((f) => f.label === 'Answered')?.value).toBe('1 (100% right)');
    expect(score.sections[0]).toMatch(/▓/);
  });

  it('says a wrong answer is wrong and shows the right one', async () => {
    const { tutor } = await setup();
    const question = await tutor.handleCommand(asker(), 'quiz networking');
    const wrong = (rightChoice(question) + 1) % 4;
    const feedback = await tutor.handleAction(
      asker(),
      answerButtons(question)[wrong]?.action as string,
    );
    expect(feedback.title).toContain('Not quite');
    expect(feedback.sections.join('\n')).toMatch(/Correct answer:/);
  });

  it('never asks the question just answered again straight away', async () => {
    const { tutor } = await setup();
    let previous = '';
    for (let i = 0; i < 6; i++) {
      const question = await tutor.handleCommand(asker(), 'quiz sqs');
      expect(question.sections[0]).not.toBe(previous);
      previous = question.sections[0] as string;
      const wrong = (rightChoice(question) + 1) % 4;
      await tutor.handleAction(asker(), answerButtons(question)[wrong]?.action as string);
    }
  });

  it('refuses a button for a question asked to someone else', async () => {
    const { tutor } = await setup();
    const question = await tutor.handleCommand(asker(), 'quiz');
    const stolen = answerButtons(question)[0]?.action as string;
    const reply = await tutor.handleAction(asker({ userId: 'U2', userName: 'mallory' }), stolen);
    expect(reply.sections[0]).toMatch(/expired or was not asked to you/);
  });

  it('gives "did you mean" for an unknown quiz topic', async () => {
    const { tutor } = await setup();
    const reply = await tutor.handleCommand(asker(), 'quiz basketweaving');
    expect(reply.sections[0]).toMatch(/don't know a topic/);
  });

  it('ranks daily answers on the weekly board, which starts afresh next week', async () => {
    const { tutor, clock, requests, store } = await setup();
    const { C1: post } = await postDaily(
      store,
      { platform: 'local', workspaceId: 'T1' },
      ['C1'],
      clock(),
    );
    if (!post) throw new Error('no daily post');
    for (const name of ['alice', 'bob']) {
      const who = asker({ userId: name, userName: name });
      const pick = name === 'alice' ? rightChoice(post) : (rightChoice(post) + 1) % 4;
      await tutor.handleAction(who, answerButtons(post)[pick]?.action as string);
    }
    requests.length = 0;
    const board = await tutor.handleCommand(
      asker({ userId: 'alice', userName: 'alice' }),
      'leaderboard',
    );
    expect(requests).toEqual(['QueryCommand']);
    expect(board.visibility).toBe('channel');
    const plain = (reply: Reply) => renderNames(reply.sections[0] ?? '', (n) => n);
    expect(plain(board)).toMatch(/🥇 \*\*alice\*\* \(you\): 10 pts/);
    // Bob's wrong answer scored 0: off the board for others, shown to him as his own row.
    expect(plain(board)).not.toMatch(/bob/);
    const bobs = await tutor.handleCommand(
      asker({ userId: 'bob', userName: 'bob' }),
      'leaderboard',
    );
    expect(plain(bobs)).toMatch(/\*\*bob\*\* \(you\): 0 pts/);

    clock.set('2026-11-30T09:00:00Z');
    const nextWeek = await tutor.handleCommand(asker(), 'leaderboard');
    expect(nextWeek.sections[0]).toMatch(/Nobody has scored yet this week/);
    const allTime = await tutor.handleCommand(asker(), 'leaderboard all');
    expect(plain(allTime)).toMatch(/alice/);
  });

  it('keeps at most 20 practice questions per person: spamming quiz replaces the oldest', async () => {
    const { tutor, store, clock } = await setup();
    const questions = [];
    for (let i = 0; i < MAX_PENDING + 5; i++) {
      questions.push(await tutor.handleCommand(asker(), 'quiz'));
      clock.advance(1000);
    }
    const { pending } = await store.getLearner({
      platform: 'local',
      workspaceId: 'T1',
      userId: 'U1',
    });

    expect(MAX_PENDING).toBe(20);
    expect(pending).toHaveLength(MAX_PENDING);
    // The first five were forgotten: their buttons say so; the newest still scores.
    const first = answerButtons(questions[0] as Reply)[0]?.action as string;
    expect((await tutor.handleAction(asker(), first)).sections[0]).toMatch(/expired/);
    const last = answerButtons(questions.at(-1) as Reply)[0]?.action as string;
    expect((await tutor.handleAction(asker(), last)).title).toMatch(/Correct|Not quite/);
  });

  it('never claims success when the store is down', async () => {
    const db = createDocumentClient(
      { tableName: 'x', endpoint: 'http://127.0.0.1:9', region: 'us-east-1' },
      { maxAttempts: 1, requestTimeoutMs: 300 },
    );
    const tutor = createTutor(testDeps({ storeImpl: new DynamoStore(db, 'x') }));
    const q = content.questions[0];
    const reply = await tutor.handleAction(asker(), `p:abcdef1234:${q?.id}:${q?.answer}`);
    expect(reply.sections.join(' ')).toMatch(/couldn't reach|not recorded/);
    expect(reply.title ?? '').not.toMatch(/Correct/);
  });
});
