import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { makeWorkCopy } from './work-copy.js';

/**
 * The cold-start fix was in how the functions are bundled (serverless.yml `custom.esbuild`):
 * code splitting, source maps without sources, and the slim discord-api-types alias. The
 * control is a copy of `projectDir` with those three taken out again, so before and after are
 * measured in the same run, on the same code. (The source change that came with the fix,
 * dailyQuiz importing the store lazily, stays: in one file it is parsed at load either way.)
 */
export function makeOneFileControl(projectDir: string) {
  const copy = makeWorkCopy(projectDir);
  const file = join(copy.dir, 'serverless.yml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.deleteIn(['custom', 'esbuild', 'splitting']);
  doc.deleteIn(['custom', 'esbuild', 'sourcesContent']);
  doc.deleteIn(['custom', 'esbuild', 'alias', 'discord-api-types/v10']);
  writeFileSync(file, doc.toString());
  return copy;
}
