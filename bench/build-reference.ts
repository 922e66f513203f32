import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { ROOT } from './work-copy.js';

export interface ReferenceModules {
  /** The usual Bolt-on-Lambda app, bundled and minified. */
  bolt: string;
  boltBytes: number;
  /** An empty ES module: what loading any module costs at least. */
  empty: string;
}

interface EsbuildSettings {
  target: string;
  platform: 'node';
  format: 'esm';
  banner?: { js?: string };
}

/**
 * Builds the reference modules with esbuild's JS API and the target, platform, format and banner
 * of `custom.esbuild` in serverless.yml, so they load under the same rules as our bundles.
 * No source map: the usual app has none, so `--enable-source-maps` costs it nothing.
 */
export async function buildReferences(out: string): Promise<ReferenceModules> {
  const config = parse(readFileSync(join(ROOT, 'serverless.yml'), 'utf8')) as {
    custom: { esbuild: EsbuildSettings };
  };
  const { target, platform, format, banner } = config.custom.esbuild;
  mkdirSync(out, { recursive: true });
  const bolt = join(out, 'reference-bolt-app.mjs');
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['bench/reference-bolt-app.ts'],
    outfile: bolt,
    bundle: true,
    minify: true,
    target,
    platform,
    format,
    ...(banner?.js ? { banner: { js: banner.js } } : {}),
    logLevel: 'error',
  });
  const empty = join(out, 'empty.mjs');
  writeFileSync(empty, 'export {};\n');
  return { bolt, boltBytes: statSync(bolt).size, empty };
}
