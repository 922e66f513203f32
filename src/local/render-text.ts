import { renderNames } from '../tutor/display-name.js';
import type { Reply } from '../tutor/reply.js';

/**
 * Renders a `Reply` for the terminal: the title, its paragraphs, fields as "label: value",
 * the docs link, the footnote, and a choice set's options then the buttons as one numbered
 * list (type a number to click, or several to answer a "choose two").
 */
export function renderText(reply: Reply, options: { color?: boolean } = {}): string {
  const bold = (s: string) => (options.color ? `\x1b[1m${s}\x1b[22m` : s);
  const dim = (s: string) => (options.color ? `\x1b[2m${s}\x1b[22m` : s);
  const inline = (text: string) =>
    renderNames(text, (name) => name)
      .replace(/\*\*(.+?)\*\*/g, (_, s: string) => bold(s))
      .replace(/(^|[\s(])_(.+?)_(?=[\s).,]|$)/gm, (_, pre: string, s: string) => pre + dim(s))
      .replace(/```\n?/g, '');
  const lines: string[] = [];
  const audience =
    reply.visibility === 'channel' ? '[posted to the channel]' : '[only you can see this]';
  if (reply.title) lines.push(`${bold(reply.title)}  ${dim(audience)}`);
  else lines.push(dim(audience));
  for (const section of reply.sections) lines.push(inline(section));
  if (reply.fields?.length) {
    lines.push(reply.fields.map((f) => `${bold(`${f.label}:`)} ${inline(f.value)}`).join('\n'));
  }
  if (reply.link) lines.push(`${reply.link.label}: ${reply.link.url}`);
  if (reply.linkList) {
    const { title, links } = reply.linkList;
    lines.push([bold(title), ...links.map((l) => `• ${l.label}: ${l.url}`)].join('\n'));
  }
  if (reply.footnote) lines.push(dim(inline(reply.footnote)));
  const set = reply.choiceSet;
  if (set) {
    lines.push(set.options.map((o, i) => `  [${i + 1}] ${inline(o)}`).join('\n'));
    lines.push(dim(`Type ${set.count} numbers to answer, like ${examplePicks(set.count)}.`));
  }
  const first = (set?.options.length ?? 0) + 1;
  if (reply.buttons?.length) {
    lines.push(reply.buttons.map((b, i) => `  [${first + i}] ${b.label}`).join('\n'));
    lines.push(dim('Type a number to choose.'));
  }
  return lines.join('\n\n');
}

const examplePicks = (count: number) =>
  Array.from({ length: count }, (_, i) => String(2 * i + 1)).join(' ');
