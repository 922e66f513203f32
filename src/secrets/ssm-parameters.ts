import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';

let client: SSMClient | undefined;

/**
 * The whole read, retries included, ends by then: a cold start is waiting on it, inside the
 * chat platforms' 3 seconds.
 */
export const SSM_DEADLINE_MS = 1500;

/**
 * Reads SecureString parameters in one `GetParameters` call (up to 10 names, which is more than
 * any function needs). Returns the values found by name; names that do not exist are left out
 * for the caller to report. The client is created once per process; its endpoint can be moved
 * with the SDK's own `AWS_ENDPOINT_URL_SSM`, which the tests use for a local server.
 */
export async function getSecureParameters(
  names: readonly string[],
  region: string,
): Promise<Map<string, string>> {
  client ??= new SSMClient({
    region,
    maxAttempts: 2,
    requestHandler: {
      connectionTimeout: 500,
      requestTimeout: 1000,
      // Without it the SDK only logs a warning when the timeout passes, and keeps waiting.
      throwOnRequestTimeout: true,
    },
  });
  // The SDK itself, not Powertools Parameters: its SSMProvider calls send() with no options, so
  // this abort signal could not reach the request, and its cache (5 s at least) would fight ours.
  const out = await client.send(
    new GetParametersCommand({ Names: [...names], WithDecryption: true }),
    { abortSignal: AbortSignal.timeout(SSM_DEADLINE_MS) },
  );
  const values = new Map<string, string>();
  for (const parameter of out.Parameters ?? []) {
    if (parameter.Name && parameter.Value !== undefined)
      values.set(parameter.Name, parameter.Value);
  }
  return values;
}
