import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { createSecretLoader } from '../../src/secrets/load-secrets.js';
import { startFakeSsm } from '../helpers/fake-ssm.js';

const PATH = '/aws-tutor/test';

describe('createSecretLoader', () => {
  let ssm: Awaited<ReturnType<typeof startFakeSsm>>;

  beforeAll(async () => {
    ssm = await startFakeSsm({
      [`${PATH}/SLACK_SIGNING_SECRET`]: 'signing-from-ssm',
      [`${PATH}/SLACK_BOT_TOKEN`]: 'xoxb-from-ssm',
    });
    // The real SDK client, moved to the local server by its own setting.
    process.env.AWS_ENDPOINT_URL_SSM = ssm.endpoint;
    process.env.AWS_ACCESS_KEY_ID = 'test';
    process.env.AWS_SECRET_ACCESS_KEY = 'test';
  });
  afterAll(async () => {
    delete process.env.AWS_ENDPOINT_URL_SSM;
    await ssm.close();
  });

  it('reads every missing secret from SSM in one decrypted call', async () => {
    const before = ssm.calls.length;
    const loader = createSecretLoader(['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN'], {
      env: { SECRETS_SSM_PATH: PATH, AWS_REGION: 'eu-west-2' },
    });
    const env = await loader.load();
    expect(env.SLACK_SIGNING_SECRET).toBe('signing-from-ssm');
    expect(env.SLACK_BOT_TOKEN).toBe('xoxb-from-ssm');
    expect(ssm.calls.slice(before)).toEqual([
      {
        names: [`${PATH}/SLACK_SIGNING_SECRET`, `${PATH}/SLACK_BOT_TOKEN`],
        withDecryption: true,
      },
    ]);
  });

  it('prefers values already in the environment and asks SSM only for the rest', async () => {
    const before = ssm.calls.length;
    const loader = createSecretLoader(['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN'], {
      env: { SECRETS_SSM_PATH: PATH, SLACK_SIGNING_SECRET: 'local-secret' },
    });
    const env = await loader.load();
    expect(env.SLACK_SIGNING_SECRET).toBe('local-secret');
    expect(env.SLACK_BOT_TOKEN).toBe('xoxb-from-ssm');
    expect(ssm.calls.slice(before).map((c) => c.names)).toEqual([[`${PATH}/SLACK_BOT_TOKEN`]]);
  });

  it('never calls SSM when no path is set (local runs)', async () => {
    const before = ssm.calls.length;
    const env = await createSecretLoader(['DISCORD_BOT_TOKEN'], { env: {} }).load();
    expect(env.DISCORD_BOT_TOKEN).toBeUndefined();
    expect(ssm.calls.length).toBe(before);
  });

  it('leaves a secret SSM does not have unset and says where it looked', async () => {
    const loader = createSecretLoader(['DISCORD_BOT_TOKEN'], {
      env: { SECRETS_SSM_PATH: PATH },
    });
    const env = await loader.load();
    expect(env.DISCORD_BOT_TOKEN).toBeUndefined();
    expect(loader.describe('DISCORD_BOT_TOKEN')).toBe(
      `the environment or SSM parameter ${PATH}/DISCORD_BOT_TOKEN`,
    );
  });

  it('caches values, re-reads them when stale, and keeps the same object if unchanged', async () => {
    let now = 0;
    const loader = createSecretLoader(['SLACK_BOT_TOKEN'], {
      env: { SECRETS_SSM_PATH: PATH },
      clock: () => now,
      maxAgeMs: 1000,
    });
    const before = ssm.calls.length;
    const first = await loader.load();
    now = 500;
    expect(await loader.load()).toBe(first);
    expect(ssm.calls.length).toBe(before + 1);

    now = 1500;
    expect(await loader.load()).toBe(first);
    expect(ssm.calls.length).toBe(before + 2);

    // Rotation: the new value arrives in a new object, so handlers rebuild what they derived.
    ssm.parameters[`${PATH}/SLACK_BOT_TOKEN`] = 'xoxb-rotated';
    now = 3000;
    const rotated = await loader.load();
    expect(rotated).not.toBe(first);
    expect(rotated.SLACK_BOT_TOKEN).toBe('xoxb-rotated');
    ssm.parameters[`${PATH}/SLACK_BOT_TOKEN`] = 'xoxb-from-ssm';
  });

  it('names the secrets and the path when SSM refuses, and keeps old values on a failed refresh', async () => {
    let now = 0;
    const loader = createSecretLoader(['SLACK_SIGNING_SECRET'], {
      env: { SECRETS_SSM_PATH: PATH },
      clock: () => now,
      maxAgeMs: 1000,
    });
    ssm.fail(true);
    try {
      const error = await loader.load().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).setting).toBe('SLACK_SIGNING_SECRET');
      expect((error as Error).message).toMatch(
        /SSM Parameter Store under \/aws-tutor\/test\/.*AccessDenied/,
      );

      ssm.fail(false);
      const good = await loader.load();
      expect(good.SLACK_SIGNING_SECRET).toBe('signing-from-ssm');

      ssm.fail(true);
      now = 5000;
      expect(await loader.load()).toBe(good);
    } finally {
      ssm.fail(false);
    }
  });

  it('refuses a malformed SSM path by name', async () => {
    const loader = createSecretLoader(['SLACK_BOT_TOKEN'], {
      env: { SECRETS_SSM_PATH: 'aws-tutor/prod/' },
    });
    await expect(loader.load()).rejects.toThrow(/SECRETS_SSM_PATH/);
  });
});
