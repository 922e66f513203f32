/** What the asker wants, parsed from the text after `/aws`. */
export type Command =
  | { kind: 'help' }
  | { kind: 'topics'; topic?: string }
  | { kind: 'search'; query: string; truncated: boolean }
  /**
   * Two or three concepts side by side. `loose`: from "x or y", which is only a comparison
   * when every side names a concept (otherwise it is searched as typed).
   */
  | { kind: 'compare'; sides: string[]; loose: boolean; text: string }
  | { kind: 'quiz'; topic?: string }
  | { kind: 'score' }
  | { kind: 'team' }
  | { kind: 'exam'; action: ExamAction }
  | { kind: 'leaderboard'; period: LeaderboardPeriod }
  | { kind: 'daily'; action: DailyAction }
  | { kind: 'usage'; message: string };

/** `/aws exam [questions]`, `/aws exam stop`, `/aws exam history`. */
export type ExamAction = { kind: 'start'; count?: number } | { kind: 'stop' } | { kind: 'history' };

export type LeaderboardPeriod = 'week' | 'month' | 'all';
export type DailyAction = 'on' | 'off' | 'status' | 'recap on' | 'recap off';

/** Longer input is cut here; the reply says so. No concept name or question needs more. */
export const MAX_COMMAND_LENGTH = 200;

/** At most this many concepts are compared at once. */
export const MAX_COMPARED = 3;

/** "x, y and z" / "x vs y vs z": the sides of a list. */
const LIST_SEPARATOR = /\s*,\s*(?:and\s+)?|\s+(?:and|vs\.?|versus|v\.?|with|to)\s+/i;
const VS_SEPARATOR = /\s+(?:vs\.?|versus|v\.?|compared\s+(?:to|with))\s+/i;

/** The forms people write a comparison in, each giving its sides. */
const COMPARE: { pattern: RegExp; sides: (m: RegExpExecArray) => string[]; loose?: boolean }[] = [
  { pattern: /^compare\s+(.+)$/i, sides: (m) => (m[1] ?? '').split(LIST_SEPARATOR) },
  {
    pattern: /(?:^|\s)differences?\s+between\s+(.+)$/i,
    sides: (m) => (m[1] ?? '').split(LIST_SEPARATOR),
  },
  {
    pattern:
      /^when\s+(?:should\s+i\s+|do\s+i\s+|would\s+i\s+|to\s+)?(?:use|choose|pick)\s+(.+?)\s+(?:instead\s+of|rather\s+than|over|and\s+not)\s+(.+)$/i,
    sides: (m) => [m[1] ?? '', m[2] ?? ''],
  },
  {
    pattern: /^(.+?\s+(?:vs\.?|versus|v\.?|compared\s+(?:to|with))\s+.+)$/i,
    sides: (m) => (m[1] ?? '').split(VS_SEPARATOR),
  },
  {
    pattern:
      /^(?:(?:should|do|shall|would)\s+i\s+(?:use|choose|pick)\s+|(?:which|what)\s+(?:is\s+)?(?:better|best)[,:]?\s+|which\s+(?:one\s+)?(?:should\s+i\s+use|to\s+use)[,:]?\s+)?(.+?\s+or\s+.+)$/i,
    sides: (m) => (m[1] ?? '').split(/\s*,\s*(?:or\s+)?|\s+or\s+/i),
    loose: true,
  },
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
    case 'team':
      return { kind: 'team' };
    case 'exam':
      return parseExam(args);
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
  for (const form of COMPARE) {
    const m = form.pattern.exec(text);
    if (!m) continue;
    const sides = form.sides(m).map(cleanSide).filter(Boolean);
    if (sides.length >= 2) {
      return {
        kind: 'compare',
        sides: sides.slice(0, MAX_COMPARED),
        loose: form.loose === true,
        text,
      };
    }
  }
  return { kind: 'search', query: text, truncated };
}

/** One side of a comparison without the punctuation and articles around it. */
function cleanSide(side: string): string {
  return side
    .replace(/[?!.]+$/, '')
    .replace(/^(?:an?|the)\s+/i, '')
    .trim();
}

function parseLeaderboard(args: string): Command {
  const word = args.toLowerCase();
  if (!word || ['week', 'weekly', 'this week'].includes(word)) {
    return { kind: 'leaderboard', period: 'week' };
  }
  if (['month', 'monthly', 'this month'].includes(word)) {
    return { kind: 'leaderboard', period: 'month' };
  }
  if (['all', 'all-time', 'all time', 'alltime', 'ever'].includes(word)) {
    return { kind: 'leaderboard', period: 'all' };
  }
  return {
    kind: 'usage',
    message: 'Use `/aws leaderboard week`, `/aws leaderboard month` or `/aws leaderboard all`.',
  };
}

const EXAM_USAGE =
  'Use `/aws exam` (20 questions), `/aws exam 40` (5 to 65), `/aws exam stop` or `/aws exam history`.';

function parseExam(args: string): Command {
  // Discord sends its options together (`exam 20 stop`): a stop or history word decides.
  const words = args
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w && w !== 'start');
  if (words.some((w) => ['stop', 'end', 'quit', 'cancel'].includes(w))) {
    return { kind: 'exam', action: { kind: 'stop' } };
  }
  if (words.some((w) => ['history', 'results'].includes(w))) {
    return { kind: 'exam', action: { kind: 'history' } };
  }
  if (words.length === 0) return { kind: 'exam', action: { kind: 'start' } };
  const count = words.length === 1 && /^\d{1,3}$/.test(words[0] as string) ? Number(words[0]) : 0;
  if (count >= 5 && count <= 65) return { kind: 'exam', action: { kind: 'start', count } };
  return { kind: 'usage', message: EXAM_USAGE };
}

function parseDaily(args: string): Command {
  const word = args.toLowerCase().replace(/\s+/g, ' ');
  if (!word || word === 'status') return { kind: 'daily', action: 'status' };
  if (word === 'on' || word === 'off') return { kind: 'daily', action: word };
  if (word === 'recap on' || word === 'recap off') return { kind: 'daily', action: word };
  return {
    kind: 'usage',
    message:
      'Use `/aws daily on`, `/aws daily off` or `/aws daily status`; `/aws daily recap on|off` for the weekly recap.',
  };
}
