import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/content/parse-note.js';

const FRONT = ['---', 'id: sqs', 'title: Amazon SQS', 'aliases: [queue]', '---'].join('\n');

/** A note source: the front matter above, then the given body lines. */
function note(...body: string[]): string {
  return `${FRONT}\n${body.join('\n')}\n`;
}

describe('Function: parseNote', () => {
  it('parses the front matter as YAML when the file starts with --- lines', () => {
    const parsed = parseNote(note('A summary.'));

    expect(parsed.frontMatter).toEqual({ id: 'sqs', title: 'Amazon SQS', aliases: ['queue'] });
  });

  it('takes the text before the first heading as the summary, with white space collapsed', () => {
    const parsed = parseNote(
      note(
        '',
        'Amazon SQS is a message queue:',
        '  producers put   messages in.',
        '',
        '## Key points',
      ),
    );

    expect(parsed.summary).toBe('Amazon SQS is a message queue: producers put messages in.');
  });

  it('returns an empty summary when the body starts with a heading', () => {
    const parsed = parseNote(note('## Key points', '- One'));

    expect(parsed.summary).toBe('');
  });

  it('returns one key point per bullet when the bullets use - or *', () => {
    const parsed = parseNote(
      note('Summary.', '', '## Key points', '- First', '* Second', '- Third'),
    );

    expect(parsed.keyPoints).toEqual(['First', 'Second', 'Third']);
  });

  it('joins a wrapped bullet line onto the bullet above it', () => {
    const parsed = parseNote(
      note(
        'Summary.',
        '## Key points',
        '- Standard queues are at-least-once and best-effort ordered; FIFO queues keep order and',
        '  deduplicate.',
        '- Consumers pull;',
        'nothing is pushed to them.',
        '- Last one.',
      ),
    );

    expect(parsed.keyPoints).toEqual([
      'Standard queues are at-least-once and best-effort ordered; FIFO queues keep order and deduplicate.',
      'Consumers pull; nothing is pushed to them.',
      'Last one.',
    ]);
  });

  it('ignores blank lines between bullets and text before the first bullet', () => {
    const parsed = parseNote(
      note('Summary.', '## Key points', 'Stray text.', '', '- One', '', '- Two', ''),
    );

    expect(parsed.keyPoints).toEqual(['One', 'Two']);
  });

  it('matches the Key points heading whatever its case', () => {
    const parsed = parseNote(note('Summary.', '## KEY POINTS', '- One'));

    expect(parsed.keyPoints).toEqual(['One']);
  });

  it('returns no key points when the section is missing', () => {
    const parsed = parseNote(note('Summary only.'));

    expect(parsed.keyPoints).toEqual([]);
  });

  it("reads the Don't confuse with paragraph when it is present", () => {
    const parsed = parseNote(
      note(
        'Summary.',
        '## Key points',
        '- One',
        "## Don't confuse with",
        'SNS pushes each message to every subscriber;',
        'SQS holds messages until a consumer pulls them.',
      ),
    );

    expect(parsed.confuse).toBe(
      'SNS pushes each message to every subscriber; SQS holds messages until a consumer pulls them.',
    );
    expect(parsed.keyPoints).toEqual(['One']);
  });

  it("reads the Don't confuse with paragraph when the heading uses a curly apostrophe", () => {
    const parsed = parseNote(note('Summary.', '## Don\u2019t confuse with', 'SNS is push.'));

    expect(parsed.confuse).toBe('SNS is push.');
  });

  it("leaves confuse out when there is no Don't confuse with section", () => {
    const parsed = parseNote(note('Summary.', '## Key points', '- One'));

    expect(parsed).not.toHaveProperty('confuse');
  });

  it("leaves confuse out when the Don't confuse with section is empty", () => {
    const parsed = parseNote(note('Summary.', "## Don't confuse with", '', '   '));

    expect(parsed).not.toHaveProperty('confuse');
  });

  it('parses a file with Windows line endings like one with Unix line endings', () => {
    const unix = note(
      'Summary line',
      'two.',
      '## Key points',
      '- One',
      '  wrapped',
      "## Don't confuse with",
      'Other.',
    );

    expect(parseNote(unix.replace(/\n/g, '\r\n'))).toEqual(parseNote(unix));
  });

  it('throws when the file has no front matter', () => {
    expect(() => parseNote('Amazon SQS is a queue.\n\n## Key points\n- One\n')).toThrow(
      /must start with YAML front matter/,
    );
  });

  it('throws when the front matter is never closed', () => {
    expect(() => parseNote('---\nid: sqs\ntitle: Amazon SQS\nSummary.\n')).toThrow(
      /must start with YAML front matter/,
    );
  });

  it('throws when the front matter does not start on the first line', () => {
    expect(() => parseNote(`\n${note('Summary.')}`)).toThrow(/must start with YAML front matter/);
  });

  it('throws when the front matter is not valid YAML', () => {
    expect(() => parseNote('---\nid: [sqs\n---\nSummary.\n')).toThrow();
  });
});
