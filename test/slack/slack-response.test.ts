import { describe, expect, it } from 'vitest';
import { actionResponse, commandResponse } from '../../src/slack/slack-response.js';
import type { Reply } from '../../src/tutor/reply.js';

const feedback: Reply = {
  title: '✅ Correct!',
  sections: ['Right.'],
  visibility: 'private',
  replaceOriginal: true,
};

describe('Function: commandResponse', () => {
  it('answers a private reply ephemerally and a channel reply in the channel', () => {
    expect(commandResponse({ sections: ['x'], visibility: 'private' }).response_type).toBe(
      'ephemeral',
    );
    expect(commandResponse({ sections: ['x'], visibility: 'channel' }).response_type).toBe(
      'in_channel',
    );
  });
});

describe('Function: actionResponse', () => {
  it('replaces a private question with private feedback', () => {
    expect(actionResponse(feedback, true)).toMatchObject({
      response_type: 'ephemeral',
      replace_original: true,
    });
  });

  it('never replaces a channel message with private feedback: it sends an ephemeral one', () => {
    expect(actionResponse(feedback, false)).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
    });
  });

  it('posts a shared card to the channel without touching the private message', () => {
    const shared: Reply = { title: 'Amazon SQS', sections: ['Queues.'], visibility: 'channel' };
    expect(actionResponse(shared, true)).toMatchObject({
      response_type: 'in_channel',
      replace_original: false,
    });
  });

  it('sends a new message when the core does not ask to replace', () => {
    const next: Reply = { sections: ['Next question'], visibility: 'private' };
    expect(actionResponse(next, true).replace_original).toBe(false);
  });
});
