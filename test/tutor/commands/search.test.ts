import { describe, expect, it } from 'vitest';
import type { Note } from '../../../src/content/types.js';
import { GENERIC_ERROR_MESSAGE } from '../../../src/errors.js';
import type { Reply } from '../../../src/tutor/reply.js';
import { createTutor } from '../../../src/tutor/tutor.js';
import { asker, content, replyText, testDeps, tutorWithoutStore } from '../../helpers/test-deps.js';

const DOCS_URL = /^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//;

/** Stop words only: padding that makes a message long without changing what it asks for. */
const FILLER = 'please tell me about it '.repeat(500);

function noteById(id: string): Note {
  const note = content.note(id);
  if (!note) throw new Error(`no note ${id} in the content`);
  return note;
}

function relatedButtons(reply: Reply) {
  return (reply.buttons ?? []).filter((b) => b.action.startsWith('c:'));
}

describe('Function: searchReply', () => {
  it('answers "lambda" with the Lambda concept card', async () => {
    const { tutor, logged } = tutorWithoutStore();
    const lambda = noteById('lambda');

    const reply = await tutor.handleCommand(asker(), 'lambda');

    expect(reply.title).toBe(lambda.title);
    expect(reply.sections[0]).toBe(lambda.summary);
    const keyPoints = reply.sections.find((s) => s.startsWith('**Key points**'));
    expect(keyPoints).toBeDefined();
    for (const point of lambda.keyPoints) expect(keyPoints).toContain(point);
    expect(reply.link?.url).toMatch(DOCS_URL);
    expect(reply.visibility).toBe('private');
    expect(logged).toEqual([]);
  });

  it('offers 2–3 related concepts, a quiz and a share button on the Lambda card', async () => {
    const { tutor } = tutorWithoutStore();

    const reply = await tutor.handleCommand(asker(), 'lambda');

    const related = relatedButtons(reply);
    expect(related.length).toBeGreaterThanOrEqual(2);
    expect(related.length).toBeLessThanOrEqual(3);
    expect(related.map((b) => b.action)).not.toContain('c:lambda');
    const labels = (reply.buttons ?? []).map((b) => b.label);
    expect(labels).toContain('Quiz me on this');
    expect(labels).toContain('Share in channel');
  });

  it('shows the concept card when a 10,000-character message names a concept first', async () => {
    const { tutor } = tutorWithoutStore();
    const message = `lambda ${FILLER}`.slice(0, 10_000);

    const reply = await tutor.handleCommand(asker(), message);

    expect(reply.title).toBe(noteById('lambda').title);
  });
});

describe('Function: handleCommand', () => {
  it.each([
    ['names a concept', `lambda ${FILLER}`],
    ['names nothing', 'zq'.repeat(5_000)],
    ['compares two concepts', `sqs vs sns ${FILLER}`],
  ])(
    'says it read only the first 200 characters when a 10,000-character message %s',
    async (_kind, long) => {
      const { tutor, logged } = tutorWithoutStore();
      const message = long.slice(0, 10_000);
      expect(message).toHaveLength(10_000);

      const reply = await tutor.handleCommand(asker(), message);

      expect(reply.sections.length).toBeGreaterThan(0);
      expect(replyText(reply)).not.toContain(GENERIC_ERROR_MESSAGE);
      expect(replyText(reply)).toContain('first 200 characters');
      expect(logged).toEqual([]);
    },
  );
});

describe('Function: conceptCard', () => {
  it.each(content.notes.map((n) => n.id))(
    'links to the AWS docs and offers 2–3 related concepts on the %s card',
    async (id) => {
      const { tutor } = tutorWithoutStore();

      const reply = await tutor.handleAction(asker(), `c:${id}`);

      expect(reply.title).toBe(noteById(id).title);
      expect(reply.link?.url).toMatch(DOCS_URL);
      const related = relatedButtons(reply).length;
      expect(related).toBeGreaterThanOrEqual(2);
      expect(related).toBeLessThanOrEqual(3);
    },
  );

  it('shows the Lambda card when the "c:lambda" button is clicked', async () => {
    const { tutor, logged } = tutorWithoutStore();

    const reply = await tutor.handleAction(asker(), 'c:lambda');

    expect(reply.title).toBe(noteById('lambda').title);
    expect(reply.sections[0]).toBe(noteById('lambda').summary);
    expect(reply.visibility).toBe('private');
    expect(logged).toEqual([]);
  });

  it('posts the card to the channel without a share button when "s:lambda" is clicked', async () => {
    const { tutor, logged } = tutorWithoutStore();

    const reply = await tutor.handleAction(asker({ userName: 'alice' }), 's:lambda');

    expect(reply.title).toBe(noteById('lambda').title);
    expect(reply.visibility).toBe('channel');
    expect((reply.buttons ?? []).filter((b) => b.action.startsWith('s:'))).toEqual([]);
    expect(reply.buttons?.map((b) => b.label)).not.toContain('Share in channel');
    expect(replyText(reply)).toContain('alice');
    expect(logged).toEqual([]);
  });
});

describe('Function: compareReply', () => {
  it('shows both concepts and both "Don\'t confuse with" lines for "sqs vs sns"', async () => {
    const { tutor, logged } = tutorWithoutStore();
    const sqs = noteById('sqs');
    const sns = noteById('sns');

    const reply = await tutor.handleCommand(asker(), 'sqs vs sns');

    expect(reply.title).toContain(sqs.title);
    expect(reply.title).toContain(sns.title);
    const confuseLines = reply.sections.filter((s) => /don't confuse with/i.test(s));
    expect(confuseLines).toHaveLength(2);
    expect(confuseLines.some((s) => s.includes(sqs.confuse ?? '∅'))).toBe(true);
    expect(confuseLines.some((s) => s.includes(sns.confuse ?? '∅'))).toBe(true);
    expect(reply.visibility).toBe('private');
    expect(logged).toEqual([]);
  });
});

describe('Function: didYouMean', () => {
  it.each(['redshift leader node slices', 'kinesis shard iterator age'])(
    'says it has no note on "%s" yet and offers the closest notes as buttons',
    async (query) => {
      const { tutor, logged } = tutorWithoutStore();

      const reply = await tutor.handleCommand(asker(), query);

      expect(reply.title).toBeUndefined();
      expect(reply.sections.join('\n')).toContain(`I don't have a note on “${query}” yet`);
      expect(relatedButtons(reply).length).toBeGreaterThan(0);
      expect(relatedButtons(reply).length).toBeLessThanOrEqual(3);
      expect(logged).toEqual([]);
    },
  );

  it.each(['flibbertigibbet', 'how do i bake sourdough bread', 'weather tomorrow in london'])(
    'offers no buttons when nothing is related to "%s"',
    async (query) => {
      const { tutor } = tutorWithoutStore();

      const reply = await tutor.handleCommand(asker(), query);

      expect(replyText(reply)).toContain("I don't have a note on");
      expect(replyText(reply)).toContain('/aws topics');
      expect(reply.buttons ?? []).toEqual([]);
    },
  );

  it('counts a search that found nothing, with nothing about who asked', async () => {
    const missed: string[] = [];
    const tutor = createTutor(testDeps({ observe: { missedSearch: (q) => missed.push(q) } }));

    await tutor.handleCommand(asker({ userName: 'secret-person' }), 'gnarfle bargle');
    await tutor.handleCommand(asker(), 'lambda');

    expect(missed).toEqual(['gnarfle bargle']);
  });

  it.each(['gnarfle', 'xyzzy qwerty', 'what is the', '🚀', '???', '\u200f\u200e'])(
    'never gives an empty reply when the query %j matches nothing',
    async (query) => {
      const { tutor, logged } = tutorWithoutStore();

      const reply = await tutor.handleCommand(asker(), query);

      expect(reply.sections.length).toBeGreaterThan(0);
      for (const section of reply.sections) expect(section.trim()).not.toBe('');
      expect(replyText(reply)).not.toContain(GENERIC_ERROR_MESSAGE);
      expect(logged).toEqual([]);
    },
  );
});

describe('Function: handleAction', () => {
  it.each([
    'bogus',
    '',
    'c:',
    'c:no-such-concept',
    's:no-such-concept',
    `c:${'x'.repeat(500)}`,
    '<script>alert(1)</script>',
  ])('answers politely, with no error text, when the button value is %j', async (value) => {
    const { tutor } = tutorWithoutStore();

    const reply = await tutor.handleAction(asker(), value);

    const shown = replyText(reply);
    expect(reply.visibility).toBe('private');
    expect(shown.trim()).not.toBe('');
    expect(shown).not.toContain('Error:');
    expect(shown).not.toMatch(/\n\s+at /);
    expect(shown).not.toContain(GENERIC_ERROR_MESSAGE);
  });
});
