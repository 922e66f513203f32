import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
  type APIInteractionResponseCallbackData,
  type APIStringSelectComponent,
  ButtonStyle,
  ComponentType,
  MessageFlags,
} from 'discord-api-types/v10';
import { renderNames } from '../tutor/display-name.js';
import type { ChoiceSet, Reply, ReplyButton } from '../tutor/reply.js';
import { clip, clipMarkdown, LIMITS } from './discord-limits.js';

/** AWS orange, down the side of every embed. */
export const EMBED_COLOR = 0xff9900;
const HTTP_URL = /^https?:\/\/\S+$/;
// `[text](url)`: Discord renders it as a link whose target is hidden behind `text`.
const MASKED_LINK = /\[([^\]\n]*)\]\(/g;

/**
 * A core `Reply` as a Discord message: plain text as content, anything richer as one embed;
 * buttons as action rows (answers first, then the rest, then the docs link). Every Discord limit
 * is enforced here, mentions never ping, and a private reply is ephemeral.
 */
export function renderMessage(reply: Reply): APIInteractionResponseCallbackData {
  const text = inert(reply.sections.filter((s) => s.length > 0).join('\n\n'));
  const plain =
    !reply.title && !reply.fields?.length && !reply.link && !reply.footnote && !reply.linkList;
  const message: APIInteractionResponseCallbackData = {};
  if (plain && text.length <= LIMITS.content) {
    // Discord refuses a message with nothing in it; the core never sends one, but be safe.
    message.content = text || '…';
  } else {
    message.embeds = [renderEmbed(reply, text)];
  }
  message.components = renderButtons(reply);
  message.allowed_mentions = { parse: [] };
  if (reply.visibility === 'private') message.flags = MessageFlags.Ephemeral;
  return message;
}

/**
 * The message for replacing an existing one (a button's message, or a deferred answer).
 * Discord keeps any field an edit leaves out, so content, embeds and buttons are always set,
 * and flags are left out: an edit cannot change whether a message is ephemeral.
 */
export function renderEdit(reply: Reply): APIInteractionResponseCallbackData {
  const { flags: _ephemeralIsFixed, ...message } = renderMessage(reply);
  return { ...message, content: message.content ?? '', embeds: message.embeds ?? [] };
}

function renderEmbed(reply: Reply, text: string): APIEmbed {
  const embed: APIEmbed = { color: EMBED_COLOR };
  // Title, then description, then fields get the 6,000 characters an embed may hold.
  let budget: number = LIMITS.embedTotal;
  // The footnote (the daily question's live count) is short and comes first, so it always fits.
  const footnote = reply.footnote ? inert(reply.footnote).trim() : undefined;
  if (footnote) {
    embed.footer = { text: clip(footnote, LIMITS.embedFooter) };
    budget -= embed.footer.text.length;
  }
  if (reply.title) {
    embed.title = clip(inert(reply.title), LIMITS.embedTitle);
    budget -= embed.title.length;
    if (reply.link && HTTP_URL.test(reply.link.url)) embed.url = reply.link.url;
  }
  if (text) {
    embed.description = clipMarkdown(text, Math.min(LIMITS.embedDescription, budget));
    budget -= embed.description.length;
  }
  if (reply.linkList) {
    const before = embed.description ?? '';
    const room = Math.min(LIMITS.embedDescription - before.length, budget) - 2;
    const list = linkListText(reply.linkList, room);
    if (list) {
      embed.description = before ? `${before}\n\n${list}` : list;
      budget -= list.length + (before ? 2 : 0);
    }
  }
  const fields: APIEmbedField[] = [];
  for (const field of (reply.fields ?? []).slice(0, LIMITS.embedFields)) {
    // Discord rejects an empty name or value.
    const name = clip(field.label || '—', LIMITS.fieldName);
    const room = Math.min(LIMITS.fieldValue, budget - name.length);
    if (room < 1) break;
    const value = clipMarkdown(inert(field.value) || '—', room);
    fields.push({ name, value, inline: true });
    budget -= name.length + value.length;
  }
  if (fields.length > 0) embed.fields = fields;
  return embed;
}

/**
 * A list of links as `• [label](url)` lines under a bold title, as many as fit in `room`, then
 * "…and 3 more". The links are ours (content), so they may be masked; labels are made inert.
 */
function linkListText(list: NonNullable<Reply['linkList']>, room: number): string {
  if (room < 40) return '';
  const more = (n: number) => `\n_…and ${n} more_`;
  let text = `**${clip(inert(list.title), 200)}**`;
  let shown = 0;
  for (const link of list.links) {
    const label = clip(discordName(link.label), 200);
    const line = HTTP_URL.test(link.url) ? `\n• [${label}](${link.url})` : `\n• ${label}`;
    const left = list.links.length - shown - 1;
    if (text.length + line.length + (left > 0 ? more(left).length : 0) > room) break;
    text += line;
    shown++;
  }
  return shown < list.links.length ? text + more(list.links.length - shown) : text;
}

/**
 * The core's text has no links of its own, so a masked link came from a user (a nickname such as
 * `[Claim prize](https://evil.example)` on the leaderboard); escaped, it shows as typed.
 */
function plainLinks(text: string): string {
  return text.replace(MASKED_LINK, '\\[$1\\](');
}

/**
 * A person's name made inert in Discord Markdown: every character that can start formatting
 * (headings, `-#` subtext, `>` quotes, spoilers, masked links, code, emphasis) is escaped.
 */
export function discordName(name: string): string {
  return name.replace(/[\\*_~`|>#\-[\]()<:]/g, '\\$&');
}

/** Text the core wrote, with names made inert and no masked link left. */
function inert(text: string): string {
  return plainLinks(renderNames(text, discordName));
}

/** A "choose two" question's choices as a string select of exactly that many values. */
function choiceSelect(set: ChoiceSet): APIStringSelectComponent | undefined {
  if (!set.action || set.action.length > LIMITS.customId) return undefined;
  const options = set.options.slice(0, LIMITS.selectOptions);
  return {
    type: ComponentType.StringSelect,
    custom_id: set.action,
    placeholder: clip(`Choose ${set.count}, then close the list`, LIMITS.selectPlaceholder),
    min_values: set.count,
    max_values: set.count,
    options: options.map((text, i) => ({
      label: clip(text, LIMITS.selectLabel) || '…',
      value: String(i),
    })),
  };
}

function renderButtons(
  reply: Reply,
): APIActionRowComponent<APIButtonComponent | APIStringSelectComponent>[] {
  const seen = new Set<string>();
  // custom_id is opaque to us: one that is too long cannot be shortened without breaking it,
  // and two equal ones make Discord reject the message, so such buttons are left out.
  const usable = (reply.buttons ?? []).filter((b) => {
    if (!b.action || b.action.length > LIMITS.customId || seen.has(b.action)) return false;
    seen.add(b.action);
    return true;
  });
  const select = reply.choiceSet && choiceSelect(reply.choiceSet);
  const rows: (APIButtonComponent | APIStringSelectComponent)[][] = [
    ...(select ? [[select]] : []),
    ...chunk(usable.filter((b) => b.kind === 'answer').map(actionButton), LIMITS.buttonsPerRow),
  ];
  const others = chunk(
    usable.filter((b) => b.kind !== 'answer').map(actionButton),
    LIMITS.buttonsPerRow,
  );
  rows.push(...others);
  const link = reply.link;
  if (link && HTTP_URL.test(link.url) && link.url.length <= LIMITS.buttonUrl) {
    const button: APIButtonComponent = {
      type: ComponentType.Button,
      style: ButtonStyle.Link,
      label: clip(link.label, LIMITS.buttonLabel) || 'Docs',
      url: link.url,
    };
    const last = others.at(-1);
    if (last && last.length < LIMITS.buttonsPerRow) last.push(button);
    else rows.push([button]);
  }
  return rows
    .slice(0, LIMITS.actionRows)
    .map((components) => ({ type: ComponentType.ActionRow, components }));
}

function actionButton(button: ReplyButton): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style:
      button.style === 'primary'
        ? ButtonStyle.Primary
        : button.style === 'danger'
          ? ButtonStyle.Danger
          : ButtonStyle.Secondary,
    label: clip(button.label, LIMITS.buttonLabel) || '…',
    custom_id: button.action,
  };
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
