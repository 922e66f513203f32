import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { packageService } from '../test/helpers/serverless-package.js';

/** One function's zip as `serverless package` wrote it, unpacked. */
export interface Bundle {
  name: string;
  /** The handler module, next to everything else in its zip. */
  entry: string;
  zipBytes: number;
  entryBytes: number;
  /** Every .mjs in the zip: the handler and its chunks, loaded or not. */
  codeBytes: number;
  codeFiles: number;
}

interface Settings {
  functions: Record<string, { handler: string }>;
  custom: {
    esbuild: { target: string; platform: 'node'; format: 'esm'; banner?: { js?: string } };
  };
}

const settings = () => parse(readFileSync('serverless.yml', 'utf8')) as Settings;

/**
 * Every function of serverless.yml, packaged as CI does (test/helpers/serverless-package.ts:
 * offline, no credentials), each zip unpacked into the package folder.
 */
export async function packageBundles(): Promise<{ dir: string; bundles: Bundle[] }> {
  const { dir } = await packageService('bench');
  const bundles = Object.entries(settings().functions).map(([name, f]) => {
    const zip = join(dir, `${name}.zip`);
    let codeBytes = 0;
    let codeFiles = 0;
    for (const [file, data] of readZip(zip)) {
      mkdirSync(dirname(join(dir, name, file)), { recursive: true });
      writeFileSync(join(dir, name, file), data);
      if (file.endsWith('.mjs')) [codeBytes, codeFiles] = [codeBytes + data.length, codeFiles + 1];
    }
    const entry = join(dir, name, f.handler.replace(/\.\w+$/, '.mjs'));
    const entryBytes = statSync(entry).size;
    return { name, entry, zipBytes: statSync(zip).size, entryBytes, codeBytes, codeFiles };
  });
  return { dir, bundles };
}

/**
 * The reference (bench/reference-bolt-app.ts) built with the target, platform, format and
 * banner of serverless.yml's `custom.esbuild`, minified, without a source map (the usual app
 * has none, so `--enable-source-maps` costs it nothing); the compiled content alone, built the
 * same way, to show its share of a handler's load; and an empty module, the floor.
 */
export async function buildReferences(out: string) {
  const { target, platform, format, banner } = settings().custom.esbuild;
  const bundle = async (entry: string, name: string) => {
    const outfile = join(out, name);
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      minify: true,
      target,
      platform,
      format,
      ...(banner?.js ? { banner: { js: banner.js } } : {}),
      logLevel: 'error',
    });
    return outfile;
  };
  const bolt = await bundle('bench/reference-bolt-app.ts', 'reference-bolt-app.mjs');
  const content = await bundle('src/content/generated/bundle.ts', 'content.mjs');
  const empty = join(out, 'empty.mjs');
  writeFileSync(empty, 'export {};\n');
  return {
    bolt,
    boltBytes: statSync(bolt).size,
    content,
    contentBytes: statSync(content).size,
    empty,
  };
}

/**
 * The files of a zip, by name: enough of the format for what `serverless package` writes
 * (stored or deflated entries, no zip64), so the bench needs no `unzip` on the machine.
 */
function readZip(path: string): Map<string, Buffer> {
  const zip = readFileSync(path);
  // The end-of-central-directory record is the last 22 bytes, unless the zip has a comment.
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${path} is not a zip`);
  const files = new Map<string, Buffer>();
  let entry = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(entry + 10);
    const size = zip.readUInt32LE(entry + 20);
    const nameLength = zip.readUInt16LE(entry + 28);
    const local = zip.readUInt32LE(entry + 42);
    const name = zip.toString('utf8', entry + 46, entry + 46 + nameLength);
    // The local header repeats the name and extra field, with lengths of its own.
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    if (!name.endsWith('/'))
      files.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    entry += 46 + nameLength + zip.readUInt16LE(entry + 30) + zip.readUInt16LE(entry + 32);
  }
  return files;
}
