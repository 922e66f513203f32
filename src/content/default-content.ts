import { type Content, createContent } from './content.js';
import { bundle } from './generated/bundle.js';

let content: Content | undefined;

/** The compiled content of this build, indexed on first use and kept for the process. */
export function getContent(): Content {
  content ??= createContent(bundle);
  return content;
}
