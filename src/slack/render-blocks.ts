import type { types } from '@slack/bolt';
import type { Reply, ReplyButton, ReplyField, ReplyLink } from '../tutor/reply.js';
import { choiceSetBlock } from './choice-set.js';
import {
  clipEscaped,
  closeFence,
  escapeSlack,
  plainText,
  splitMrkdwn,
  toMrkdwn,
} from './mrkdwn.js';
import { ACTION_ID_PREFIX, SLACK_LIMITS as LIMITS } from './slack-limits.js';

type KnownBlock = types.KnownBlock;
type Button = types.Button;

/** What Slack needs to show a reply: the blocks, and the plain `text` for notifications. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

const HTTP_URL = /^https?:\/\/[^\s<>|"]+$/;
const CUT_NOTE = '_…the rest did not fit in one Slack message._';

/**
 * A core `Reply` as Block Kit, within every limit: long paragraphs split across sections, never
 * cut, and all text escaped so nothing typed can ping a channel or a person.
 */
export function renderBlocks(reply: Reply): SlackMessage {
  const header: KnownBlock[] = reply.title
    ? [{ type: 'header', text: { type: 'plain_text', text: titleText(reply.title), emoji: true } }]
    : [];
  const link = reply.link ? [linkBlock(reply.link)] : [];
  const footnote = reply.footnote?.trim() ? [footnoteBlock(reply.footnote)] : [];
  // Header, link and footnote first, one block always kept for text, then fields, buttons,
  // more text.
  let room = LIMITS.blocks - header.length - link.length - footnote.length - 1;
  const fields = fieldBlocks(reply.fields ?? []).slice(0, Math.max(0, room));
  room -= fields.length;
  const choices = reply.choiceSet ? [choiceSetBlock(reply.choiceSet)] : [];
  const actions = [...choices, ...actionBlocks(reply.buttons ?? [])].slice(0, Math.max(0, room));
  room -= actions.length;
  const links = reply.linkList ? linkListBlocks(reply.linkList, Math.max(0, room - 1)) : [];
  room -= links.length;
  const text = textBlocks(reply.sections, room + 1);
  const blocks = [...header, ...text, ...links, ...fields, ...link, ...actions, ...footnote];
  if (blocks.length === 0) blocks.push(section('…'));
  return { text: fallbackText(reply), blocks };
}

function titleText(title: string): string {
  return plainText(title, LIMITS.headerText) || '…';
}

/** One section per paragraph; when they need more blocks than `room`, they are packed, then cut. */
function textBlocks(sections: string[], room: number): KnownBlock[] {
  const paragraphs = sections.filter((s) => s.trim().length > 0).map(toMrkdwn);
  let pieces = paragraphs.flatMap((p) => splitMrkdwn(p, LIMITS.sectionText));
  if (pieces.length > room) pieces = splitMrkdwn(paragraphs.join('\n\n'), LIMITS.sectionText);
  if (pieces.length > room) {
    pieces = pieces.slice(0, room);
    const last = pieces.length - 1;
    const kept = clipEscaped(pieces[last] ?? '', LIMITS.sectionText - CUT_NOTE.length - 5);
    pieces[last] = `${closeFence(kept)}\n${CUT_NOTE}`;
  }
  return pieces.map(section);
}

/**
 * A list of links (an exam's wrong questions) as `• <url|label>` lines under a bold title,
 * split across sections; what does not fit in `room` blocks is counted ("…and 3 more").
 */
function linkListBlocks(list: NonNullable<Reply['linkList']>, room: number): KnownBlock[] {
  const lines = list.links.map((l) => {
    const label = clipEscaped(escapeSlack(l.label.trim()), 200) || '…';
    return HTTP_URL.test(l.url.trim()) ? `• <${escapeSlack(l.url.trim())}|${label}>` : `• ${label}`;
  });
  const pieces: string[] = [];
  let current = `*${clipEscaped(escapeSlack(list.title.trim()), 200)}*`;
  let shown = 0;
  for (const line of lines) {
    if (current.length + line.length + 1 > LIMITS.sectionText - 40) {
      if (pieces.length + 1 >= room) break;
      pieces.push(current);
      current = line;
    } else {
      current += `\n${line}`;
    }
    shown++;
  }
  if (shown < lines.length) current += `\n_…and ${lines.length - shown} more_`;
  if (room <= 0) return [];
  return [...pieces, current].map(section);
}

/** Fields as label/value pairs, ten to a section (Slack's maximum). */
function fieldBlocks(fields: ReplyField[]): KnownBlock[] {
  const texts = fields.map((f) => {
    const label = clipEscaped(escapeSlack(f.label.trim()), 200);
    const value = toMrkdwn(f.value.trim()) || '—';
    const head = label ? `*${label}*\n` : '';
    return mrkdwn(head + clipEscaped(value, LIMITS.fieldText - head.length));
  });
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < texts.length; i += LIMITS.sectionFields) {
    blocks.push({ type: 'section', fields: texts.slice(i, i + LIMITS.sectionFields) });
  }
  return blocks;
}

/** The docs link as `<url|label>`; a URL that is not plain http(s) is shown, not linked. */
function linkBlock(link: ReplyLink): KnownBlock {
  const label = escapeSlack(link.label.trim()) || 'Documentation';
  const url = escapeSlack(link.url.trim());
  const text = HTTP_URL.test(link.url.trim())
    ? `:book: <${url}|${clipEscaped(label, LIMITS.contextText - url.length - 16)}>`
    : clipEscaped(`:book: ${label}: ${url}`, LIMITS.contextText);
  return { type: 'context', elements: [mrkdwn(text)] };
}

/** The footnote (the daily question's live count) as a small context line under the buttons. */
function footnoteBlock(footnote: string): KnownBlock {
  return {
    type: 'context',
    elements: [mrkdwn(clipEscaped(toMrkdwn(footnote.trim()), LIMITS.contextText))],
  };
}

/**
 * Answer buttons, then the others, 25 to an actions block. A button's value is the core's
 * opaque action, which cannot be shortened without breaking it: one that is too long or empty
 * is left out. `action_id`s are unique in the whole message, so unique in each block too.
 */
function actionBlocks(buttons: ReplyButton[]): KnownBlock[] {
  const usable = buttons.filter(
    (b) => b.action.length > 0 && b.action.length <= LIMITS.buttonValue,
  );
  const rows: KnownBlock[] = [];
  let index = 0;
  for (const group of [
    usable.filter((b) => b.kind === 'answer'),
    usable.filter((b) => b.kind !== 'answer'),
  ]) {
    const elements = group.map((b) => button(b, index++));
    for (let i = 0; i < elements.length; i += LIMITS.actionsElements) {
      rows.push({ type: 'actions', elements: elements.slice(i, i + LIMITS.actionsElements) });
    }
  }
  return rows;
}

function button(b: ReplyButton, index: number): Button {
  return {
    type: 'button',
    action_id: `${ACTION_ID_PREFIX}${b.kind}:${index}`,
    text: { type: 'plain_text', text: plainText(b.label, LIMITS.buttonText) || '…', emoji: true },
    value: b.action,
    ...(b.style ? { style: b.style } : {}),
  };
}

/** Title and paragraphs as one mrkdwn string: what notifications and screen readers show. */
function fallbackText(reply: Reply): string {
  const parts = [reply.title ? `*${escapeSlack(reply.title.trim())}*` : '']
    .concat(reply.sections.map(toMrkdwn))
    .filter((p) => p.trim().length > 0);
  const [first = '…', ...more] = splitMrkdwn(parts.join('\n\n'), LIMITS.fallbackText - 2);
  return more.length > 0 ? `${first} …` : first;
}

function section(text: string): KnownBlock {
  return { type: 'section', text: mrkdwn(text) };
}

// `verbatim` stops Slack's automatic parsing, which would turn a plain `@channel` or `#name`
// in user text into a mention or link; our own `<url|label>` links still work.
function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}
