/**
 * `npm run content:build`: validate content/ and write src/content/generated/bundle.ts.
 * `npm run content:check`: validate only (`-- --files` adds the length-bias share of each file). Both exit 1 and list every problem (file and field)
 * when the content breaks a rule.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileContent, renderBundleModule } from '../src/content/compile-content.js';
import { formatReport } from '../src/content/content-rules.js';
import { ContentError } from '../src/errors.js';

const root = fileURLToPath(new URL('../content', import.meta.url));
const target = fileURLToPath(new URL('../src/content/generated/bundle.ts', import.meta.url));
const checkOnly = process.argv.includes('--check');
const quiet = process.argv.includes('--quiet');
const verbose = process.argv.includes('--files');

try {
  const { bundle, report } = compileContent(root);
  const summary = `${bundle.notes.length} notes, ${bundle.questions.length} questions`;
  if (checkOnly) {
    console.log(`content OK: ${formatReport(report, verbose).join('\n  ')}`);
  } else {
    const source = renderBundleModule(bundle);
    // Leave the file alone when nothing changed, so watchers and bundlers do not rebuild.
    if (!existsSync(target) || readFileSync(target, 'utf8') !== source) {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, source);
    }
    if (!quiet) console.log(`content built: ${summary} → src/content/generated/bundle.ts`);
  }
} catch (error) {
  if (error instanceof ContentError) {
    console.error(error.message);
    if (verbose) console.error(error.summary.join('\n'));
    process.exit(1);
  }
  throw error;
}
