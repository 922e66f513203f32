/**
 * `npm start`: the terminal playground. Type what you would type after `/aws` in Slack or
 * Discord; answer buttons show as numbers. Reads a pipe too, printing each reply and exiting
 * at end of input: `printf 'help\nlamda\n' | npm start`.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { readTutorConfig } from '../config.js';
import type { Content } from '../content/content.js';
import { loadContent } from '../content/default-content.js';
import type { ChannelPoster } from '../daily/channel-poster.js';
import { currentDailyPost } from '../daily/live-count.js';
import { runDaily } from '../daily/run-daily.js';
import { createTerminalPoster } from '../daily/terminal-poster.js';
import { LocalDynamoError } from '../errors.js';
import { createSearch } from '../search/search-concepts.js';
import type { DynamoStore } from '../store/dynamo-store.js';
import { runWeekly } from '../team/run-weekly.js';
import type { Asker } from '../tutor/deps.js';
import { choiceSetAction, type Reply } from '../tutor/reply.js';
import { createTutor } from '../tutor/tutor.js';
import { openLocalStore } from './local-store.js';
import { renderText } from './render-text.js';

const { values } = parseArgs({
  options: { user: { type: 'string', default: process.env.USER || 'you' } },
  allowPositionals: true,
  strict: false,
});
const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
let asker: Asker = {
  platform: 'local',
  workspaceId: 'local',
  channelId: 'playground',
  userId: String(values.user),
  userName: String(values.user),
};

let opened: Awaited<ReturnType<typeof openLocalStore>> | undefined;
let opening: Promise<DynamoStore> | undefined;
const store = () => {
  if (!interactive && !opening) process.stderr.write('(starting the local DynamoDB…)\n');
  opening ??= openLocalStore().then((o) => {
    opened = o;
    return o.store;
  });
  return opening;
};

const content = await loadContent();
const log = {
  info: () => {},
  error: (message: string, fields?: Record<string, unknown>) =>
    process.stderr.write(`${message} ${JSON.stringify(fields)}\n`),
};
const { timeZone, dailyCron, weeklyCron } = readTutorConfig();
const tutor = createTutor({
  content,
  search: createSearch(content),
  store,
  clock: () => new Date(),
  random: Math.random,
  timeZone,
  dailyCron,
  weeklyCron,
  // No platform rate limits here: every answer shows the channel message's new count.
  dailyCountIntervalMs: 0,
  log,
});

/**
 * The playground's `daily`: one scheduled round, the same as the Lambda's, for the playground's
 * channels; the post is printed here. Today's question again if the round already ran.
 */
async function dailyRound(): Promise<Reply> {
  const { mine, summary } = await playgroundRound((deps) => runDaily({ ...deps, log }));
  if (mine) return mine;
  const existing = await currentDailyPost({ content }, await store(), asker, summary.date);
  return (
    existing ?? {
      sections: [
        "This channel does not get the daily question yet: `daily on` subscribes it, then `daily` posts today's.",
      ],
      visibility: 'private',
    }
  );
}

/**
 * The playground's `weekly`: one weekly recap round, the same as the Lambda's; this channel's
 * recap is shown here, other channels' are printed above it.
 */
async function weeklyRound(): Promise<Reply> {
  const { mine, summary } = await playgroundRound((deps) => runWeekly({ ...deps, dailyCron, log }));
  if (mine) return mine;
  const sub = await (await store()).getSubscription(asker, asker.channelId);
  const why = !sub
    ? 'The recap goes to channels that get the daily question: `daily on` first.'
    : sub.recap === false
      ? 'The recap is off here: `daily recap on` turns it on.'
      : `This channel already had its recap for ${summary.week}.`;
  return { sections: [why], visibility: 'private' };
}

/** Runs a round on the terminal poster: this channel's post is returned, the others printed. */
async function playgroundRound<S>(
  run: (deps: {
    store: DynamoStore;
    content: Content;
    posters: { local: ChannelPoster };
    clock: () => Date;
    timeZone: string;
  }) => Promise<S>,
): Promise<{ mine?: Reply; summary: S }> {
  let mine: Reply | undefined;
  const others: string[] = [];
  const poster = createTerminalPoster((reply, channel) => {
    if (channel === asker.channelId) mine = reply;
    else others.push(`── #${channel} ──\n${renderText(reply)}`);
  });
  const summary = await run({
    store: await store(),
    content,
    posters: { local: poster },
    clock: () => new Date(),
    timeZone,
  });
  for (const text of others) console.log(`${text}\n`);
  return { mine, summary };
}

let lastReply: Reply | undefined;

/** What typed numbers click, numbered as `renderText` shows them: choice-set options, then buttons. */
function numberedAction(reply: Reply, numbers: number[]): string | { error: string } {
  const options = reply.choiceSet?.options.length ?? 0;
  const buttons = reply.buttons ?? [];
  const total = options + buttons.length;
  if (numbers.some((n) => n < 1 || n > total)) return { error: `Choose from 1 to ${total}.` };
  if (reply.choiceSet && numbers.every((n) => n <= options)) {
    return choiceSetAction(
      reply.choiceSet,
      numbers.map((n) => n - 1),
    );
  }
  const button = numbers.length === 1 ? buttons[(numbers[0] as number) - options - 1] : undefined;
  return button ? button.action : { error: 'Type one number to click a button.' };
}

async function handle(line: string): Promise<string | undefined> {
  const text = line.trim();
  const switchUser = /^(?:as|user)\s+(\S{1,40})$/i.exec(text);
  if (switchUser?.[1]) {
    asker = { ...asker, userId: switchUser[1], userName: switchUser[1] };
    return `You are now ${switchUser[1]}.`;
  }
  const clicked = lastReply && /^\d{1,3}(?:[\s,]+\d{1,3})*$/.test(text);
  let reply: Reply;
  if (lastReply && clicked) {
    const action = numberedAction(lastReply, text.split(/[\s,]+/).map(Number));
    if (typeof action !== 'string') return action.error;
    reply = await tutor.handleAction(asker, action);
  } else if (/^\/?(?:aws\s+)?daily$/i.test(text)) {
    reply = await dailyRound();
  } else if (/^\/?(?:aws\s+)?weekly$/i.test(text)) {
    reply = await weeklyRound();
  } else {
    reply = await tutor.handleCommand(asker, text, { isAdmin: async () => true });
  }
  // A reply without buttons (e.g. "already answered") keeps the previous numbers usable.
  if (reply.buttons?.length || reply.choiceSet) lastReply = reply;
  const out = renderText(reply, { color: interactive });
  // A daily answer edits the channel's question in Slack and Discord; here, say what it shows.
  const update = reply.channelRefresh && (await tutor.refreshChannel(asker, reply.channelRefresh));
  const count = update ? update.reply.footnote : undefined;
  return count ? `${out}\n\n[channel message updated] ${count}` : out;
}

async function main() {
  const rl = createInterface({ input: process.stdin, terminal: interactive });
  if (interactive) {
    console.log(
      `AWS tutor playground. You are ${asker.userName}. Try "help", "lambda", "quiz"; "as bob" switches user; Ctrl-D quits.`,
    );
    rl.setPrompt('aws> ');
    rl.prompt();
  }
  for await (const line of rl) {
    if (/^(quit|exit)$/i.test(line.trim())) break;
    try {
      const out = await handle(line);
      if (out) console.log(`${out}\n`);
    } catch (error) {
      if (error instanceof LocalDynamoError) {
        console.error(error.message);
        process.exitCode = 1;
        break;
      }
      console.error('Sorry, something went wrong. Please try again.');
    }
    if (interactive) rl.prompt();
  }
  rl.close();
  await opened?.stop();
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void (opened?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

await main();
