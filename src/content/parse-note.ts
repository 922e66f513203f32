import { parse as parseYaml } from 'yaml';

/** A note split into its front matter (still unvalidated) and its body parts. */
export interface ParsedNote {
  frontMatter: unknown;
  summary: string;
  keyPoints: string[];
  confuse?: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/**
 * Splits a note file into YAML front matter and the three body parts the tutor shows: the
 * summary (text before the first heading), the `## Key points` bullets and the optional
 * `## Don't confuse with` paragraph. Throws with a plain message when the shape is wrong.
 */
export function parseNote(source: string): ParsedNote {
  const match = FRONT_MATTER.exec(source);
  if (!match) throw new Error('the file must start with YAML front matter between --- lines');
  const frontMatter = parseYaml(match[1] ?? '');
  const sections = splitSections(match[2] ?? '');
  const keyPoints = parseBullets(sections.get('key points') ?? '');
  const confuseText = collapse(sections.get("don't confuse with") ?? '');
  return {
    frontMatter,
    summary: collapse(sections.get('') ?? ''),
    keyPoints,
    ...(confuseText ? { confuse: confuseText } : {}),
  };
}

/** Maps lower-cased `## ` headings (and '' for the text before any) to their raw text. */
function splitSections(body: string): Map<string, string> {
  const sections = new Map<string, string>();
  let current = '';
  let lines: string[] = [];
  for (const line of body.split(/\r?\n/)) {
    const heading = /^##\s+(.*?)\s*$/.exec(line);
    if (heading) {
      sections.set(current, lines.join('\n'));
      current = (heading[1] ?? '').toLowerCase().replace(/[\u2018\u2019]/g, "'");
      lines = [];
    } else {
      lines.push(line);
    }
  }
  sections.set(current, lines.join('\n'));
  return sections;
}

/** `- item` lines; an indented or plain line that follows continues the item above it. */
function parseBullets(text: string): string[] {
  const items: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    if (bullet) items.push(bullet[1] ?? '');
    else if (line.trim() && items.length > 0) items[items.length - 1] += ` ${line.trim()}`;
  }
  return items.map(collapse).filter(Boolean);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
