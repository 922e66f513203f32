import { renderNames } from '../tutor/display-name.js';

const ELLIPSIS = '…';
const FENCE = '```';
// Code fences and inline code: left as they are, apart from escaping.
const CODE = /(```[\s\S]*?```|`[^`\n]*`)/;

/**
 * Slack's escaping: `&`, `<` and `>` become entities, so text a user typed can never become a
 * mention (`<!channel>`, `<@U123>`), a user-group ping or a disguised link. Slack decodes only
 * these three, so nothing else may be entity-encoded.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A person's name made inert in mrkdwn: Slack has no escape for `*_~\``, so they become
 * look-alikes (`∗ˍ∼ˋ`); `&<>` are escaped with the rest of the text.
 */
export function slackName(name: string): string {
  return name.replace(/[*_~`]/g, (c) => SLACK_LOOKALIKES[c] ?? c);
}

const SLACK_LOOKALIKES: Record<string, string> = { '*': '∗', _: 'ˍ', '~': '∼', '`': 'ˋ' };

/**
 * The core's Markdown subset as Slack mrkdwn, escaped. Only bold differs (`**x**` → `*x*`);
 * `_italic_`, code and `• ` bullets mean the same in both. Code is never reformatted.
 */
export function toMrkdwn(markdown: string): string {
  return escapeSlack(renderNames(markdown, slackName))
    .split(CODE)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\*\*(?=\S)(.+?)\*\*/g, '*$1*')))
    .join('');
}

/** Plain text for a `plain_text` object (header, button): escaped, cut to `max`. */
export function plainText(text: string, max: number): string {
  return clipEscaped(
    escapeSlack(
      renderNames(text, (n) => n)
        .replace(/\s+/g, ' ')
        .trim(),
    ),
    max,
  );
}

/**
 * An escaped string cut to at most `max` code units, ending with an ellipsis when cut. Never
 * cuts through an entity (`&amp;`) or an emoji's surrogate pair, which Slack would reject or
 * show as garbage.
 */
export function clipEscaped(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return '';
  return `${text.slice(0, safeCut(text, max - ELLIPSIS.length)).trimEnd()}${ELLIPSIS}`;
}

/**
 * Splits escaped mrkdwn into pieces of at most `max` code units, at a blank line, line break or
 * space; a code block cut in two is closed and reopened.
 */
export function splitMrkdwn(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  let inCode = false;
  while (rest.length > 0) {
    const prefix: string = inCode ? `${FENCE}\n` : '';
    if (prefix.length + rest.length <= max) {
      pieces.push(prefix + rest);
      break;
    }
    // Room for the prefix and, if the cut lands inside code, a closing fence.
    const { cut, skip } = findCut(rest, max - prefix.length - (FENCE.length + 1));
    const piece: string = prefix + rest.slice(0, cut);
    inCode = countFences(piece) % 2 === 1;
    pieces.push(closeFence(piece));
    rest = rest.slice(cut + skip);
  }
  return pieces.filter((p) => p.trim().length > 0);
}

/** Where to cut `text` to keep at most `limit` code units, and how many separator chars to drop. */
function findCut(text: string, limit: number): { cut: number; skip: number } {
  // Only break early at a separator in the second half, or the pieces get silly.
  const floor = Math.floor(limit / 2);
  for (const separator of ['\n\n', '\n', ' ']) {
    const at = text.lastIndexOf(separator, limit - separator.length);
    if (at > floor) return { cut: at, skip: separator.length };
  }
  return { cut: safeCut(text, limit), skip: 0 };
}

/** The largest position ≤ `limit` that splits neither an entity nor a surrogate pair. */
function safeCut(text: string, limit: number): number {
  let cut = Math.max(0, limit);
  const amp = text.lastIndexOf('&', cut - 1);
  // Entities are at most 5 long (`&amp;`); one that starts before the cut must end before it.
  if (amp !== -1 && amp > cut - 5) {
    const end = text.indexOf(';', amp);
    if (end === -1 || end >= cut) cut = amp;
  }
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return cut;
}

/** `text` with a closing fence added when it ends inside a code block. */
export function closeFence(text: string): string {
  return countFences(text) % 2 === 1 ? `${text}\n${FENCE}` : text;
}

function countFences(text: string): number {
  return text.split(FENCE).length - 1;
}
