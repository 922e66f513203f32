import type { APIInteractionResponse } from 'discord-api-types/v10';
import type { RequestBudget } from '../app/request-budget.js';
import { describeError } from '../errors.js';
import type { Logger } from '../tutor/deps.js';
import type { Reply } from '../tutor/reply.js';
import type { DiscordRest } from './discord-rest.js';
import { renderEdit } from './render-message.js';

/**
 * Discord gives an interaction 3 seconds for its first response, counted until our answer
 * reaches it; this leaves room for the network and for sending the deferral itself.
 */
export const ANSWER_WITHIN_MS = 2000;

/**
 * The first response (the answer out of band, or the deferral) must reach Discord within
 * 3 seconds of the interaction: the budget a request starts with, less room for the network.
 */
export const INTERACTION_BUDGET_MS = 2500;

/** Finishing a deferred answer has the interaction token's 15 minutes; one try gets this long. */
const EDIT_TIMEOUT_MS = 2500;

/** What the handler returns: a JSON body, or none (202) when Discord was answered out of band. */
export interface InteractionResult {
  status: number;
  body?: unknown;
}

/** What `answerInTime` needs: where to send a deferral, where to log, and the time limits. */
export interface AnswerInTime {
  rest: DiscordRest;
  log: Logger;
  answerWithinMs: number;
  /** The request's budget, started when it arrived: the first response must land within it. */
  budget: RequestBudget;
}

/** One interaction being answered: the work in flight and both ways to answer it. */
export interface PendingAnswer {
  interaction: { id: string; token: string; application_id: string };
  /** The core at work; it never rejects. */
  work: Promise<Reply>;
  /** The normal, direct HTTP response for the reply. */
  direct: (reply: Reply) => APIInteractionResponse;
  /** The deferral to send if the core is slow (type 5, or 6 to update a button's message). */
  deferral: APIInteractionResponse;
  /**
   * Work to run once the reply has reached Discord (the daily live count), if this reply asks
   * for any. It must never throw, and should be short: the invocation waits for it.
   */
  after?: (reply: Reply) => (() => Promise<unknown>) | undefined;
}

/**
 * Answers directly when the core is quick; otherwise sends the deferral out of band, finishes
 * the same work in this invocation and returns 202 (docs/ARCHITECTURE.md, Answering Discord in
 * time). If the callback fails, the answer is returned directly as a last resort.
 */
export async function answerInTime(
  { rest, log, answerWithinMs, budget }: AnswerInTime,
  pending: PendingAnswer,
): Promise<InteractionResult> {
  const quick = await raceTimeout(pending.work, answerWithinMs);
  const { id, token, application_id: appId } = pending.interaction;
  if (quick) {
    const after = pending.after?.(quick.reply);
    if (!after) return { status: 200, body: pending.direct(quick.reply) };
    // Work after the answer: the answer goes out of band first (the same callback as a
    // deferral), so the person has it before the extra work starts and whatever that work
    // does cannot change it. If the callback fails, answer directly and skip the extra work.
    try {
      await rest.createResponse(id, token, pending.direct(quick.reply), budget.until());
    } catch (error) {
      log.error('could not answer out of band; answering directly', {
        error: describeError(error),
      });
      return { status: 200, body: pending.direct(quick.reply) };
    }
    await after();
    return { status: 202 };
  }

  try {
    await rest.createResponse(id, token, pending.deferral, budget.until());
  } catch (error) {
    log.error('could not defer a slow interaction; answering directly', {
      error: describeError(error),
    });
    return { status: 200, body: pending.direct(await pending.work) };
  }
  const reply = await pending.work;
  try {
    // For a deferred message (type 5) @original is the "thinking…" message; for a deferred
    // update (type 6) it is the message the button was on. Either way: replace it.
    await rest.editOriginal(appId, token, renderEdit(reply), AbortSignal.timeout(EDIT_TIMEOUT_MS));
  } catch (error) {
    log.error('could not finish a deferred interaction', { error: describeError(error) });
  }
  await pending.after?.(reply)?.();
  return { status: 202 };
}

async function raceTimeout(
  work: Promise<Reply>,
  ms: number,
): Promise<{ reply: Reply } | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  try {
    return await Promise.race([work.then((reply) => ({ reply })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
