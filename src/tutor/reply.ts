/**
 * The platform-neutral answer the core gives. Adapters render it as Block Kit, as a Discord
 * message, or as terminal text. Text uses a small Markdown subset that all three can show:
 * `**bold**`, `_italic_`, `` `code` `` and lines starting with `• `.
 */
export interface Reply {
  /** A heading: the concept title, "Question of the day", … */
  title?: string;
  /** Paragraphs, in order. */
  sections: string[];
  /** Short label/value pairs shown side by side where the platform can. */
  fields?: ReplyField[];
  /** One link, shown as a footer (the AWS docs for a concept). */
  link?: ReplyLink;
  /** Buttons. `action` is an opaque value from `actions.ts`, handed back when clicked. */
  buttons?: ReplyButton[];
  /** A "choose two" question's choices: ticked (Slack) or selected (Discord), then sent. */
  choiceSet?: ChoiceSet;
  /** Links listed under the sections, such as an exam's wrong questions; cut to fit. */
  linkList?: { title: string; links: ReplyLink[] };
  /** `private`: only the asker sees it (ephemeral). `channel`: everyone in the channel. */
  visibility: Visibility;
  /** When answering a button click: replace the message the button was on. */
  replaceOriginal?: boolean;
  /** One short status line under everything else (Slack context block, Discord embed footer). */
  footnote?: string;
  /**
   * Not shown. Set on the private feedback to a daily answer that was just recorded: the
   * channel's question message may now show a new "N answered" count. Adapters hand it back to
   * `Tutor.refreshChannel` once the reply itself is on its way.
   */
  channelRefresh?: ChannelRefresh;
}

/** Which channel message an answer changed; opaque to adapters apart from `messageId`. */
export interface ChannelRefresh {
  date: string;
  /** The platform's id of the posted message (Slack `ts`, Discord message id), when recorded. */
  messageId?: string;
}

/** A channel message to edit in place, and how it should look now. */
export interface ChannelUpdate {
  channelId: string;
  /** Missing for a question the playground posted: there is no platform message to edit. */
  messageId?: string;
  reply: Reply;
}

export type Visibility = 'private' | 'channel';

export interface ReplyField {
  label: string;
  value: string;
}

export interface ReplyLink {
  label: string;
  url: string;
}

/** Exactly `count` of `options` are picked; the adapter appends their indexes, ascending, to `action`. */
export interface ChoiceSet {
  count: number;
  options: string[];
  action: string;
}

/** The action a choice set sends for the picked indexes (digits, ascending). */
export function choiceSetAction(set: Pick<ChoiceSet, 'action'>, picked: number[]): string {
  return set.action + [...new Set(picked)].sort((a, b) => a - b).join('');
}

export interface ReplyButton {
  label: string;
  action: string;
  /** `answer` buttons are the choices of a question; `other` buttons are everything else. */
  kind: 'answer' | 'other';
  style?: 'primary' | 'danger';
}

/** A private reply with plain paragraphs: the common case for messages and errors. */
export function textReply(...sections: string[]): Reply {
  return { sections, visibility: 'private' };
}

/** Cuts `text` to `max` characters, ending with an ellipsis when it had to cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${Array.from(text)
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}…`;
}
