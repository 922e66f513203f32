import { renderNames } from '../tutor/display-name.js';
import type { Reply } from '../tutor/reply.js';

/**
 * Renders a `Reply` for the terminal: the title, its paragraphs, fields as "label: value",
 * the docs link, the footnote, and buttons as numbered choices (type the number to click one).
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
  if (reply.footnote) lines.push(dim(inline(reply.footnote)));
  if (reply.buttons?.length) {
    lines.push(reply.buttons.map((b, i) => `  [${i + 1}] ${b.label}`).join('\n'));
    lines.push(dim('Type a number to choose.'));
  }
  return lines.join('\n\n');
}
