import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';

let client: SSMClient | undefined;

/**
 * The whole read, retries included, ends by then: a cold start is waiting on it, inside the
 * chat platforms' 3 seconds.
 */
export const SSM_DEADLINE_MS = 1500;

/**
 * SecureString parameters by name in one `GetParameters` call; missing names are left out for
 * the caller to report. One client per process (`AWS_ENDPOINT_URL_SSM` moves it in tests).
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
