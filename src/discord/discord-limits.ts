/**
 * Discord's message limits. A message that breaks any of them is rejected whole ("Invalid Form
 * Body"), which the user sees as "This interaction failed", so the renderer enforces each one.
 * Lengths are counted in UTF-16 code units, which is never less than Discord's own count.
 */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  embedFooter: 2048,
  /** Title, description, field names and values, footer and author of all embeds together. */
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  selectLabel: 100,
  selectPlaceholder: 150,
  buttonUrl: 512,
} as const;

const ELLIPSIS = '…';
const FENCE = '```';

/**
 * `text` cut to at most `max` UTF-16 code units, ending with an ellipsis when it had to cut.
 * Never splits a surrogate pair (an emoji cut in half is an invalid string to Discord).
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let end = max - ELLIPSIS.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, Math.max(0, end)).trimEnd()}${ELLIPSIS}`;
}

/**
 * Like `clip`, but a cut inside a code fence closes the fence, so the rest of the message is
 * not swallowed into a code block.
 */
export function clipMarkdown(text: string, max: number): string {
  const cut = clip(text, max);
  if (cut === text || fenceCount(cut) % 2 === 0) return cut;
  const shorter = clip(text, max - (FENCE.length + 1));
  return fenceCount(shorter) % 2 === 0 ? shorter : `${shorter}\n${FENCE}`;
}

function fenceCount(text: string): number {
  return text.split(FENCE).length - 1;
}
