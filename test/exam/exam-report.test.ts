import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/types.js';
import { renderMessage } from '../../src/discord/render-message.js';
import { examQuestion } from '../../src/exam/exam-command.js';
import { examReport, examResultOf } from '../../src/exam/exam-report.js';
import { renderBlocks } from '../../src/slack/render-blocks.js';
import type { ExamSession } from '../../src/store/records.js';
import type { Reply } from '../../src/tutor/reply.js';
import { expectWithinDiscordLimits } from '../helpers/expect-discord-limits.js';
import { expectWithinSlackLimits } from '../helpers/slack-blocks.js';
import { content } from '../helpers/test-deps.js';

/** A finished 65-question exam with every answer wrong, on the notes with the longest titles. */
function worstSession(): ExamSession {
  const byTitle = [...content.questions].sort(
    (a, b) =>
      (content.note(b.concept)?.title.length ?? 0) - (content.note(a.concept)?.title.length ?? 0),
  );
  const questions = byTitle.slice(0, 65);
  return {
    examId: 'worst12345',
    questionIds: questions.map((q) => q.id),
    answers: Object.fromEntries(questions.map((_, i) => [i, [9]])),
    rights: Object.fromEntries(questions.map((_, i) => [i, false])),
    position: 65,
    startedAt: '2026-11-23T10:00:00.000Z',
    expiresAt: '2026-11-24T10:00:00.000Z',
    finishedAt: '2026-11-23T12:30:00.000Z',
  };
}

function expectWithinBothLimits(reply: Reply) {
  expectWithinSlackLimits(renderBlocks(reply) as never);
  expectWithinDiscordLimits(renderMessage(reply));
}

describe('Rendering: exams at their largest', () => {
  it('a 65-question report with every answer wrong fits one message on Slack and Discord', () => {
    const session = worstSession();
    const result = examResultOf(content, session, session.finishedAt as string);
    const reply = examReport(content, session, result);
    expect(reply.title).toBe('Exam report: 0 of 65 right (0%)');
    expect(reply.linkList?.links).toHaveLength(65);
    expect(reply.sections.join('\n')).toContain("over the exam's pace of 90 min");
    expectWithinBothLimits(reply);
    // Slack shows every wrong question; Discord as many as fit, then says how many more.
    const slack = JSON.stringify(renderBlocks(reply).blocks);
    expect(slack).toContain('Q65 · ');
    const discord = renderMessage(reply).embeds?.[0]?.description ?? '';
    expect(discord).toMatch(/Q1 · /);
    expect(discord).toMatch(/_…and \d+ more_$/);
  });

  it('a "choose three" question with the longest choices: checkboxes on Slack, a select on Discord', () => {
    const question = [...content.questions]
      .filter((q) => q.answers.length === 3)
      .sort((a, b) => b.choices.join('').length - a.choices.join('').length)[0] as Question;
    const reply = examQuestion({ content }, {
      ...worstSession(),
      position: 0,
      questionIds: [question.id],
      finishedAt: undefined,
    } as never);
    expect(reply.sections).toContain('**Choose three.**');
    expectWithinBothLimits(reply);
    const [actions] = renderBlocks(reply).blocks.filter((b) => b.type === 'actions') as never as [
      { elements: { type: string; options?: unknown[]; value?: string }[] },
    ];
    expect(actions.elements.map((e) => e.type)).toEqual(['checkboxes', 'button']);
    expect(actions.elements[0]?.options).toHaveLength(question.choices.length);
    const [row] = (renderMessage(reply).components ?? []) as { components: unknown[] }[];
    expect(row?.components[0]).toMatchObject({
      type: 3,
      min_values: 3,
      max_values: 3,
      custom_id: reply.choiceSet?.action,
    });
  });

  it('says "under a minute" rather than rounding a quick exam up to a minute', () => {
    const session = { ...worstSession(), finishedAt: '2026-11-23T10:00:20.000Z' };
    const result = examResultOf(content, session, session.finishedAt);
    const text = examReport(content, session, result).sections.join('\n');
    expect(text).toContain('**Time:** under a minute for 65 questions, within');
  });
});
