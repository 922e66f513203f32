import { TOPIC_NAMES, TOPICS } from '../content/types.js';
import { answerDaily } from '../daily/answer-daily.js';
import { refreshDailyCount } from '../daily/live-count.js';
import { dailySubscriptionReply } from '../daily/subscription-command.js';
import { describeError, TutorError, userMessageFor } from '../errors.js';
import { answerExam, examReply } from '../exam/exam-command.js';
import { squash } from '../search/normalize.js';
import { teamReply } from '../team/team-command.js';
import { decodeAction } from './actions.js';
import { helpReply } from './commands/help.js';
import { leaderboardReply } from './commands/leaderboard.js';
import { answerPractice, startQuiz } from './commands/quiz.js';
import { scoreReply } from './commands/score.js';
import { compareReply, conceptCard, searchReply } from './commands/search.js';
import { topicsReply } from './commands/topics.js';
import type { Asker, TutorDeps } from './deps.js';
import { displayName } from './display-name.js';
import { type Command, cleanInput, MAX_COMMAND_LENGTH, parseCommand } from './parse-command.js';
import { type ChannelRefresh, type ChannelUpdate, type Reply, textReply } from './reply.js';
import { resolveTopic } from './resolve-topic.js';

export interface RequestOptions {
  /** Every store call of this request is cut off when it fires: the chat platform's deadline. */
  deadline?: AbortSignal;
}

export interface CommandOptions extends RequestOptions {
  /** Asked only for admin commands; adapters look it up (Slack users.info, Discord permissions). */
  isAdmin?: () => Promise<boolean>;
}

export interface Tutor {
  /** `/aws <text>`. Never throws: errors become a polite private reply. */
  handleCommand(asker: Asker, text: string, options?: CommandOptions): Promise<Reply>;
  /** A button click, with the value we put on the button. Never throws. */
  handleAction(asker: Asker, value: string, options?: RequestOptions): Promise<Reply>;
  /**
   * After a reply with `channelRefresh` is on its way: the channel message to edit and how it
   * should look now, or undefined when no edit is due (throttled, closed). Never throws.
   */
  refreshChannel(
    asker: Asker,
    refresh: ChannelRefresh,
    options?: RequestOptions,
  ): Promise<ChannelUpdate | undefined>;
  /** Autocomplete choices for a concept or topic box, best first (at most `limit`). */
  autocomplete(kind: 'concept' | 'topic', query: string, limit?: number): Choice[];
}

/** One autocomplete suggestion: what to show and the value to send back. */
export interface Choice {
  name: string;
  value: string;
}

/** The platform-neutral tutor: a request in, a `Reply` out. */
export function createTutor(deps: TutorDeps): Tutor {
  const guard = async (what: string, run: () => Promise<Reply>): Promise<Reply> => {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof TutorError) || error.cause) {
        deps.log.error(`${what} failed`, { error: describeError(error) });
      }
      return textReply(userMessageFor(error));
    }
  };

  // The same deps with a store whose calls end at this request's deadline.
  const within = ({ deadline }: RequestOptions): TutorDeps =>
    deadline ? { ...deps, store: async () => (await deps.store()).within(deadline) } : deps;

  return {
    handleCommand: (asker, text, options = {}) =>
      guard('command', async () => {
        const reply = await runCommand(within(options), asker, parseCommand(text), options);
        if (Array.from(cleanInput(text)).length > MAX_COMMAND_LENGTH) {
          reply.sections.push(
            `_Your message was long, so I only read its first ${MAX_COMMAND_LENGTH} characters._`,
          );
        }
        return reply;
      }),
    handleAction: (asker, value, options = {}) =>
      guard('action', () => runAction(within(options), asker, value)),
    refreshChannel: async (asker, refresh, options = {}) => {
      try {
        return await refreshDailyCount(within(options), asker, refresh);
      } catch (error) {
        // Only the live count is missed; the answer and its feedback are already done.
        deps.log.error('channel refresh failed', { error: describeError(error) });
        return undefined;
      }
    },
    autocomplete: (kind, query, limit = 25) =>
      kind === 'topic'
        ? topicChoices(query, limit)
        : deps.search.autocomplete(query, limit).map((n) => ({ name: n.title, value: n.id })),
  };
}

async function runCommand(
  deps: TutorDeps,
  asker: Asker,
  command: Command,
  options: CommandOptions,
): Promise<Reply> {
  switch (command.kind) {
    case 'help':
      return helpReply();
    case 'search':
      return searchReply(deps, command.query);
    case 'compare':
      return compareReply(deps, command);
    case 'topics':
      return topicsReply(deps, command.topic);
    case 'quiz':
      return startQuiz(deps, asker, command.topic);
    case 'score':
      return scoreReply(deps, asker);
    case 'team':
      return teamReply(deps, asker);
    case 'exam':
      return examReply(deps, asker, command.action);
    case 'leaderboard':
      return leaderboardReply(deps, asker, command.period);
    case 'daily':
      return dailySubscriptionReply(
        deps,
        asker,
        command.action,
        options.isAdmin ?? (async () => false),
      );
    case 'usage':
      return textReply(command.message);
  }
}

async function runAction(deps: TutorDeps, asker: Asker, value: string): Promise<Reply> {
  const action = decodeAction(value);
  switch (action.kind) {
    case 'practice-answer':
      return answerPractice(deps, asker, action);
    case 'daily-answer':
      return answerDaily(deps, asker, action);
    case 'show-concept':
    case 'share-concept': {
      const note = deps.content.note(action.conceptId);
      if (!note) return textReply("I don't know that concept any more. Try `/aws topics`.");
      const card = conceptCard(deps, note);
      if (action.kind === 'share-concept') {
        card.visibility = 'channel';
        card.sections.push(`_Shared by ${displayName(asker.userName)}._`);
        card.buttons = card.buttons?.filter((b) => !b.action.startsWith('s:'));
      }
      return card;
    }
    case 'next-question':
      return startQuiz(deps, asker, action.topic);
    case 'practise-concept':
      return startQuiz(deps, asker, { concept: action.conceptId });
    case 'exam-answer':
      return answerExam(deps, asker, action);
  }
}

function topicChoices(query: string, limit: number): Choice[] {
  const wanted = squash(query);
  return TOPICS.filter(
    (t) => !wanted || squash(TOPIC_NAMES[t]).includes(wanted) || resolveTopic(query) === t,
  )
    .slice(0, limit)
    .map((t) => ({ name: TOPIC_NAMES[t], value: t }));
}
