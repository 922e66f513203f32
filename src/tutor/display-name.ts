/** A person's name in reply text sits between these (Unicode isolates, invisible when shown). */
export const NAME_START = '\u2068';
export const NAME_END = '\u2069';
const MARKED = /\u2068([^\u2068\u2069]*)\u2069/g;

/**
 * A display name, marked as a name so that each renderer makes it inert for its platform
 * (Discord Markdown, Slack mrkdwn); it can never restyle or link the text around it.
 */
export function displayName(name: string): string {
  return `${NAME_START}${cleanName(name)}${NAME_END}`;
}

/** A name as platforms send it, minus control and format characters and line breaks. */
export function cleanName(name: string): string {
  const clean = name
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return Array.from(clean).slice(0, 80).join('') || 'someone';
}

/** `text` with each marked name replaced by `render(name)` (escaped for a platform). */
export function renderNames(text: string, render: (name: string) => string): string {
  return text.replace(MARKED, (_all, name: string) => render(name));
}
