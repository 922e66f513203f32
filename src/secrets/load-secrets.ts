import { readSecretsPath, type SecretName } from '../config.js';
import { ConfigError } from '../errors.js';

type Env = Record<string, string | undefined>;

/** Reads SecureString parameters by full name; the SSM client by default. */
export type ParameterReader = (
  names: readonly string[],
  region: string,
) => Promise<Map<string, string>>;

export interface SecretLoaderOptions {
  env?: Env;
  read?: ParameterReader;
  clock?: () => number;
  /** How long fetched values are trusted before they are read again (rotation). */
  maxAgeMs?: number;
}

/**
 * Warm processes re-read SSM this often, so a rotated secret is picked up within this time
 * without a redeploy, at the cost of one ~30 ms call per process per period.
 */
export const SECRET_MAX_AGE_MS = 15 * 60_000;
const RETRY_AFTER_FAILURE_MS = 60_000;

/**
 * The named secrets over the environment: a value set there wins, the rest come from SSM in one
 * call when `SECRETS_SSM_PATH` is set. Cached for `maxAgeMs` (compare the result by identity);
 * a failed refresh keeps the last values. See README, admin guide step 4.
 */
export function createSecretLoader(
  names: readonly SecretName[],
  options: SecretLoaderOptions = {},
) {
  const env = options.env ?? process.env;
  const clock = options.clock ?? (() => Date.now());
  const maxAgeMs = options.maxAgeMs ?? SECRET_MAX_AGE_MS;
  let current: { env: Env; at: number } | undefined;
  let pending: Promise<Env> | undefined;

  async function fetchMissing(): Promise<Env> {
    const path = readSecretsPath(env);
    const missing = names.filter((name) => !env[name]?.trim());
    if (!path || missing.length === 0) return env;
    const read = options.read ?? (await import('./ssm-parameters.js')).getSecureParameters;
    const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
    let values: Map<string, string>;
    try {
      values = await read(
        missing.map((name) => `${path}/${name}`),
        region,
      );
    } catch (error) {
      throw new ConfigError(
        missing.join(', '),
        `could not be read from SSM Parameter Store under ${path}/: ${(error as Error).name}: ${(error as Error).message}`,
      );
    }
    const filled: Env = { ...env };
    for (const name of missing) {
      const value = values.get(`${path}/${name}`);
      if (value !== undefined) filled[name] = value;
    }
    return filled;
  }

  return {
    /** Where a missing secret was looked for, for error messages. */
    describe(name: string): string {
      const path = readSecretsPath(env);
      return path ? `the environment or SSM parameter ${path}/${name}` : 'the environment';
    },
    /**
     * The secrets, read again when older than `freshWithinMs` (default: the loader's max age).
     * A caller that suspects a rotation (a Slack signature that does not verify) asks for a
     * shorter age, and so re-reads SSM at most once per that period.
     */
    async load(freshWithinMs = maxAgeMs): Promise<Env> {
      if (current && clock() - current.at < freshWithinMs) return current.env;
      pending ??= fetchMissing()
        .then((fresh) => {
          // Keep the old object when nothing changed, so nothing derived from it is rebuilt.
          const same = current && names.every((n) => current?.env[n] === fresh[n]);
          current = { env: same && current ? current.env : fresh, at: clock() };
          return current.env;
        })
        .catch((error: unknown) => {
          if (!current) throw error;
          // SSM is down but we have working values: keep them, and try again in a minute
          // rather than on every request.
          current.at = clock() - maxAgeMs + RETRY_AFTER_FAILURE_MS;
          return current.env;
        })
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
  };
}
