/** What the asker wants, parsed from the text after `/aws`. */
export type Command =
  | { kind: 'help' }
  | { kind: 'topics'; topic?: string }
  | { kind: 'search'; query: string; truncated: boolean }
  | { kind: 'compare'; left: string; right: string }
  | { kind: 'quiz'; topic?: string }
  | { kind: 'score' }
  | { kind: 'leaderboard'; period: LeaderboardPeriod }
  | { kind: 'daily'; action: DailyAction }
  | { kind: 'usage'; message: string };

export type LeaderboardPeriod = 'week' | 'all';
export type DailyAction = 'on' | 'off' | 'status';

/** Longer input is cut here; the reply says so. No concept name or question needs more. */
export const MAX_COMMAND_LENGTH = 200;

// Order matters: "compare x vs y" must not leave "compare" in the left-hand side.
const COMPARE = [
  /^compare\s+(.+?)\s+(?:and|with|to|vs\.?|versus)\s+(.+)$/i,
  /(?:^|\s)differences?\s+between\s+(.+?)\s+and\s+(.+?)\??$/i,
  /^(.+?)\s+(?:vs\.?|versus|v\.?|compared\s+(?:to|with))\s+(.+)$/i,
];

/**
 * Parses `/aws …` text. Never throws: anything that is not a known command is a search, and a
 * known command with a bad argument gets a `usage` message. Control and format characters
 * (including right-to-left marks) are dropped first, and the text is cut to a sane length.
 */
export function parseCommand(raw: string): Command {
  // Only the slash form: Slack and Discord send the text without the command, and a query
  // may well start with the word "aws" ("aws cli").
  const cleaned = cleanInput(raw).replace(/^\/aws\b\s*/i, '');
  const text = Array.from(cleaned).slice(0, MAX_COMMAND_LENGTH).join('').trim();
  const truncated = Array.from(cleaned).length > MAX_COMMAND_LENGTH;
  if (!text) return { kind: 'help' };
  const [head = '', ...rest] = text.split(' ');
  const args = rest.join(' ').trim();
  switch (head.toLowerCase()) {
    case 'help':
    case '?':
    case 'commands':
      return { kind: 'help' };
    case 'topics':
    case 'topic':
      return args ? { kind: 'topics', topic: args } : { kind: 'topics' };
    case 'search':
    case 'find':
    case 'lookup':
      return args
        ? searchOrCompare(args, truncated)
        : { kind: 'usage', message: 'Tell me what to look up, for example `/aws search sqs`.' };
    case 'quiz':
    case 'practice':
      return args ? { kind: 'quiz', topic: args } : { kind: 'quiz' };
    case 'score':
    case 'stats':
    case 'me':
      return { kind: 'score' };
    case 'leaderboard':
    case 'top':
    case 'scores':
      return parseLeaderboard(args);
    case 'daily':
      return parseDaily(args);
    default:
      return searchOrCompare(text, truncated);
  }
}

/**
 * Drops control and format characters (right-to-left overrides and the like) and collapses
 * white space. The zero-width joiner stays: it holds multi-part emoji together.
 */
export function cleanInput(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/(?!\u200d)[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function searchOrCompare(text: string, truncated: boolean): Command {
  for (const pattern of COMPARE) {
    const m = pattern.exec(text);
    if (m?.[1]?.trim() && m[2]?.trim()) {
      return { kind: 'compare', left: m[1].trim(), right: m[2].replace(/\?$/, '').trim() };
    }
  }
  return { kind: 'search', query: text, truncated };
}

function parseLeaderboard(args: string): Command {
  const word = args.toLowerCase();
  if (!word || ['week', 'weekly', 'this week'].includes(word)) {
    return { kind: 'leaderboard', period: 'week' };
  }
  if (['all', 'all-time', 'all time', 'alltime', 'ever'].includes(word)) {
    return { kind: 'leaderboard', period: 'all' };
  }
  return { kind: 'usage', message: 'Use `/aws leaderboard week` or `/aws leaderboard all`.' };
}

function parseDaily(args: string): Command {
  const word = args.toLowerCase();
  if (!word || word === 'status') return { kind: 'daily', action: 'status' };
  if (word === 'on' || word === 'off') return { kind: 'daily', action: word };
  return {
    kind: 'usage',
    message: 'Use `/aws daily on`, `/aws daily off` or `/aws daily status`.',
  };
}
