import { expect } from 'vitest';

// Block Kit's limits, written out again here (not imported) so a wrong constant in the code
// under test cannot make its own tests pass.
const MAX_BLOCKS = 50;
const MAX_HEADER = 150;
const MAX_SECTION = 3000;
const MAX_FIELDS = 10;
const MAX_FIELD = 2000;
const MAX_ACTIONS = 25;
const MAX_BUTTON_TEXT = 75;
const MAX_ACTION_ID = 255;
const MAX_VALUE = 2000;

// biome-ignore lint/suspicious/noExplicitAny: blocks are checked as the JSON Slack receives
type Json = any;

/** Every text in a message, with where it came from. */
export function textsOf(message: { text: string; blocks: Json[] }): string[] {
  const texts = [message.text];
  for (const block of message.blocks) {
    if (block.text) texts.push(block.text.text);
    for (const field of block.fields ?? []) texts.push(field.text);
    for (const element of block.elements ?? []) {
      if (element.type === 'checkboxes') {
        for (const option of element.options) texts.push(option.text.text);
      } else {
        texts.push(element.type === 'button' ? element.text.text : element.text);
      }
    }
  }
  return texts;
}

/** Fails the test unless `message` keeps every Block Kit limit Slack enforces. */
export function expectWithinSlackLimits(message: { text: string; blocks: Json[] }): void {
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.blocks.length).toBeGreaterThan(0);
  expect(message.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
  const actionIds = new Set<string>();
  for (const block of message.blocks) {
    switch (block.type) {
      case 'header':
        expect(block.text.type).toBe('plain_text');
        expect(block.text.text.length).toBeGreaterThan(0);
        expect(block.text.text.length).toBeLessThanOrEqual(MAX_HEADER);
        break;
      case 'section':
        expect(Boolean(block.text) || Boolean(block.fields)).toBe(true);
        if (block.text) {
          expect(block.text.type).toBe('mrkdwn');
          expect(block.text.text.length).toBeGreaterThan(0);
          expect(block.text.text.length).toBeLessThanOrEqual(MAX_SECTION);
        }
        if (block.fields) {
          expect(block.fields.length).toBeGreaterThan(0);
          expect(block.fields.length).toBeLessThanOrEqual(MAX_FIELDS);
          for (const field of block.fields) {
            expect(field.text.length).toBeGreaterThan(0);
            expect(field.text.length).toBeLessThanOrEqual(MAX_FIELD);
          }
        }
        break;
      case 'context':
        expect(block.elements.length).toBeGreaterThan(0);
        expect(block.elements.length).toBeLessThanOrEqual(10);
        for (const element of block.elements) expect(element.text.length).toBeLessThanOrEqual(3000);
        break;
      case 'actions':
        expect(block.elements.length).toBeGreaterThan(0);
        expect(block.elements.length).toBeLessThanOrEqual(MAX_ACTIONS);
        for (const button of block.elements) {
          if (button.type === 'checkboxes') {
            expect(button.options.length).toBeGreaterThan(0);
            expect(button.options.length).toBeLessThanOrEqual(10);
            for (const option of button.options) {
              expect(option.text.text.length).toBeGreaterThan(0);
              expect(option.text.text.length).toBeLessThanOrEqual(150);
              expect(option.value.length).toBeLessThanOrEqual(150);
            }
            expect(actionIds.has(button.action_id)).toBe(false);
            actionIds.add(button.action_id);
            continue;
          }
          expect(button.type).toBe('button');
          expect(button.text.type).toBe('plain_text');
          expect(button.text.text.length).toBeGreaterThan(0);
          expect(button.text.text.length).toBeLessThanOrEqual(MAX_BUTTON_TEXT);
          expect(button.action_id.length).toBeLessThanOrEqual(MAX_ACTION_ID);
          expect(button.action_id).toMatch(/^aws:/);
          expect(actionIds.has(button.action_id)).toBe(false);
          actionIds.add(button.action_id);
          expect(button.value.length).toBeGreaterThan(0);
          expect(button.value.length).toBeLessThanOrEqual(MAX_VALUE);
        }
        break;
      default:
        throw new Error(`unexpected block type ${block.type}`);
    }
  }
  for (const text of textsOf(message)) expectEscaped(text);
}

/**
 * Fails unless `text` holds no live Slack markup but our own docs links: no `<!…>`, `<@…>`,
 * `<#…>` and no bare `&` (every `&` starts one of the three entities Slack decodes).
 */
export function expectEscaped(text: string): void {
  const withoutLinks = text.replace(/<https?:\/\/[^\s<>|]+\|[^<>]*>/g, '');
  expect(withoutLinks).not.toMatch(/[<>]/);
  expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
}
