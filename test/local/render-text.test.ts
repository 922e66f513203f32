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
});
