import { execFile } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { readZip } from './read-zip.js';

const run = promisify(execFile);

/** The three functions of serverless.yml and the file each zip's handler is in. */
export const FUNCTIONS = {
  slack: 'src/handlers/slack.mjs',
  discord: 'src/handlers/discord.mjs',
  dailyQuiz: 'src/handlers/daily-quiz.mjs',
} as const;

export type FunctionName = keyof typeof FUNCTIONS;

export interface PackagedFunction {
  name: FunctionName;
  /** The handler module, unzipped with everything else in its zip. */
  entry: string;
  zipBytes: number;
  /** Bytes of the handler file alone, and of every .mjs in the zip. */
  entryBytes: number;
  codeBytes: number;
  files: number;
}

/**
 * `serverless package --stage bench` in `projectDir`, as CI runs it: offline, an empty HOME, no
 * AWS credentials and no secrets in the environment. Unzips each function's zip.
 */
export async function packageFunctions(projectDir: string): Promise<PackagedFunction[]> {
  // Inside the work copy, so they go when it goes.
  const out = join(projectDir, '.bench-package');
  const home = join(projectDir, '.bench-home');
  mkdirSync(home, { recursive: true });
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    const secret = /^(AWS_|SLACK_|DISCORD_|SECRETS_SSM_PATH$|DYNAMODB_)/.test(key);
    if (value !== undefined && !secret) env[key] = value;
  }
  await run(
    join(projectDir, 'node_modules/.bin/serverless'),
    ['package', '--stage', 'bench', '--package', out],
    {
      cwd: projectDir,
      env: { ...env, HOME: home },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return (Object.keys(FUNCTIONS) as FunctionName[]).map((name) => {
    const zipPath = join(out, `${name}.zip`);
    const dir = join(out, name);
    const files = readZip(zipPath);
    let codeBytes = 0;
    for (const [file, data] of files) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), data);
      if (file.endsWith('.mjs')) codeBytes += data.length;
    }
    const entry = join(dir, FUNCTIONS[name]);
    return {
      name,
      entry,
      zipBytes: statSync(zipPath).size,
      entryBytes: statSync(entry).size,
      codeBytes,
      files: files.size,
    };
  });
}
