import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Values set while packaging; none may end up in what would be deployed. */
export const SENTINEL_SECRETS = {
  SLACK_SIGNING_SECRET: 'sentinel-signing-secret-5f1c',
  SLACK_BOT_TOKEN: 'xoxb-sentinel-bot-token-5f1c',
  DISCORD_PUBLIC_KEY: 'aa'.repeat(32),
  DISCORD_BOT_TOKEN: 'sentinel-discord-bot-token-5f1c',
};

export interface PackagedService {
  dir: string;
  template: CloudFormationTemplate;
  /** Every file serverless wrote except the zips, as text, for searching. */
  texts: string;
}

export interface CloudFormationTemplate {
  Resources: Record<string, Resource>;
  Conditions?: Record<string, unknown>;
  Outputs?: Record<string, unknown>;
}

export interface Resource {
  Type: string;
  Properties: Record<string, unknown> & { [key: string]: unknown };
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  Condition?: string;
  DependsOn?: string[];
}

/**
 * Runs `serverless package` the way CI does: offline, with an empty HOME and no AWS credentials,
 * so any step that needs an account fails here too. Secret-looking variables are set to
 * sentinels, to prove the template never picks them up.
 */
export async function packageService(stage: string): Promise<PackagedService> {
  const dir = await mkdtemp(join(tmpdir(), `aws-tutor-package-${stage}-`));
  const home = await mkdtemp(join(tmpdir(), 'aws-tutor-home-'));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('AWS_') && key !== 'SECRETS_SSM_PATH') {
      env[key] = value;
    }
  }
  await run('node_modules/.bin/serverless', ['package', '--stage', stage, '--package', dir], {
    env: { ...env, ...SENTINEL_SECRETS, HOME: home, DYNAMODB_ENDPOINT: '' },
    maxBuffer: 16 * 1024 * 1024,
  });
  const template = JSON.parse(
    await readFile(join(dir, 'cloudformation-template-update-stack.json'), 'utf8'),
  ) as CloudFormationTemplate;
  const texts = (
    await Promise.all(
      [
        'cloudformation-template-update-stack.json',
        'cloudformation-template-create-stack.json',
        'serverless-state.json',
      ].map((file) => readFile(join(dir, file), 'utf8')),
    )
  ).join('\n');
  return { dir, template, texts };
}
