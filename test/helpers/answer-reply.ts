import { choiceSetAction, type Reply } from '../../src/tutor/reply.js';

/** The action that answers a question reply with `picks`: its buttons, or its choice set. */
export function answerWith(reply: Reply, picks: number[]): string {
  if (reply.choiceSet) return choiceSetAction(reply.choiceSet, picks);
  const button = reply.buttons?.filter((b) => b.kind === 'answer')[picks[0] as number];
  if (!button) throw new Error(`no answer button ${picks[0]} in: ${reply.sections.join(' | ')}`);
  return button.action;
}

/** A valid first answer to any question reply (choice 1, or choices 1 and 2 for choose-two). */
export function firstAnswer(reply: Reply): string {
  return answerWith(reply, reply.choiceSet ? [0, 1] : [0]);
}
