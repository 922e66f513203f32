import type { types } from '@slack/bolt';
import { type ChoiceSet, choiceSetAction } from '../tutor/reply.js';
import { plainText } from './mrkdwn.js';
import { ACTION_ID_PREFIX, SLACK_LIMITS as LIMITS } from './slack-limits.js';

/** The checkboxes of a "choose two" question, and the button that sends what is ticked. */
export const PICK_ACTION_ID = `${ACTION_ID_PREFIX}pick`;
export const SUBMIT_ACTION_ID = `${ACTION_ID_PREFIX}submit`;

/** A choice set as checkboxes and a Submit button, in one actions block. */
export function choiceSetBlock(set: ChoiceSet): types.KnownBlock {
  return {
    type: 'actions',
    elements: [
      {
        type: 'checkboxes',
        action_id: PICK_ACTION_ID,
        options: set.options.slice(0, LIMITS.checkboxOptions).map((text, i) => ({
          text: {
            type: 'plain_text',
            text: plainText(text, LIMITS.optionText) || '…',
            emoji: true,
          },
          value: String(i),
        })),
      },
      {
        type: 'button',
        action_id: SUBMIT_ACTION_ID,
        text: { type: 'plain_text', text: 'Submit', emoji: true },
        style: 'primary',
        value: set.action,
      },
    ],
  };
}

type StateValues = Record<string, Record<string, { selected_options?: { value?: string }[] }>>;

/**
 * The core action a click stands for: a button's value, or for Submit its value with the
 * ticked boxes of the same message (Slack sends them as `state.values`). Undefined for a
 * checkbox being ticked, which only acknowledges.
 */
export function clickedAction(
  action: { action_id: string; value?: string },
  state: { values?: StateValues } | undefined,
): string | undefined {
  if (action.action_id === PICK_ACTION_ID) return undefined;
  if (action.action_id !== SUBMIT_ACTION_ID) return String(action.value ?? '');
  const ticked = Object.values(state?.values ?? {})
    .flatMap((block) => block[PICK_ACTION_ID]?.selected_options ?? [])
    .map((option) => Number(option.value))
    .filter((i) => Number.isInteger(i) && i >= 0 && i <= 9);
  return choiceSetAction({ action: String(action.value ?? '') }, ticked);
}
