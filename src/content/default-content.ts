import type { Content } from './content.js';

let content: Promise<Content> | undefined;

/**
 * The compiled content of this build, indexed on first use and kept for the process. A chunk
 * of its own in Lambda bundles, imported at init beside the SSM read (docs/ARCHITECTURE.md).
 */
export function loadContent(): Promise<Content> {
  content ??= Promise.all([import('./generated/bundle.js'), import('./content.js')]).then(
    ([{ bundle }, { createContent }]) => createContent(bundle),
  );
  return content;
}
