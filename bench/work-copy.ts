import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (this file is in bench/). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Left out of the copy: big, generated, or another run's state. */
const SKIP = new Set(['node_modules', '.git', '.data', '.esbuild', '.serverless', 'scratch']);

/**
 * A snapshot of the project in a temporary folder, sharing node_modules by symlink.
 * `serverless package` and `npm run dev` build into `.esbuild/` of the folder they run in, and
 * delete it afterwards; in a copy, a bench run and anyone else's build or test run cannot
 * overwrite each other's bundles, and edits made while the bench runs do not change it.
 */
export function makeWorkCopy(from = ROOT): { dir: string; remove(): void } {
  const root = from.endsWith('/') ? from : `${from}/`;
  const dir = mkdtempSync(join(tmpdir(), 'aws-tutor-bench-'));
  cpSync(root, dir, {
    recursive: true,
    filter: (source) => {
      const relative = source.slice(root.length).split('/')[0] ?? '';
      return !SKIP.has(relative);
    },
  });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
