import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/local/render-text.js';

describe('Function: renderText', () => {
  it('shows the title, sections, fields, link and numbered buttons without markup', () => {
    const text = renderText({
      title: 'Amazon SQS',
      sections: ['A **queue**.', '_Difficulty_ high'],
      fields: [{ label: 'Topic', value: 'Messaging' }],
      link: { label: 'Docs', url: 'https://docs.aws.amazon.com/sqs' },
      buttons: [
        { label: 'First', action: 'c:a', kind: 'answer' },
        { label: 'Second', action: 'c:b', kind: 'answer' },
      ],
      visibility: 'private',
    });
    expect(text).toContain('Amazon SQS');
    expect(text).toContain('A queue.');
    expect(text).not.toContain('**');
    expect(text).toContain('Topic: Messaging');
    expect(text).toContain('Docs: https://docs.aws.amazon.com/sqs');
    expect(text).toMatch(/\[1\] First\n\s+\[2\] Second/);
    expect(text).toContain('only you can see this');
  });

  it('shows the footnote (the daily live count)', () => {
    const text = renderText({
      sections: ['q'],
      visibility: 'channel',
      footnote: '2 answered so far',
    });
    expect(text).toContain('2 answered so far');
  });

  it('marks channel posts as such', () => {
    expect(renderText({ sections: ['hi'], visibility: 'channel' })).toContain(
      'posted to the channel',
    );
  });

  it('numbers a choice set first, then the buttons, and lists a link list', () => {
    const text = renderText({
      sections: ['q'],
      choiceSet: { count: 2, options: ['Alpha', 'Beta', 'Gamma'], action: 'p:n:q:' },
      buttons: [{ label: 'Stop', action: 's', kind: 'other' }],
      linkList: {
        title: 'Wrong answers',
        links: [{ label: 'Q2 · IAM', url: 'https://x.test/iam' }],
      },
      visibility: 'private',
    });
    expect(text).toMatch(/\[1\] Alpha\n\s+\[2\] Beta\n\s+\[3\] Gamma/);
    expect(text).toContain('Type 2 numbers to answer, like 1 3.');
    expect(text).toContain('[4] Stop');
    expect(text).toContain('Wrong answers\n• Q2 · IAM: https://x.test/iam');
  });
});
