import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** A handler's answer as a test reads it: status, body, and the body parsed when it is JSON. */
export interface LambdaAnswer {
  status: number;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: inspected as the JSON the platform receives
  json: any;
}

/**
 * Sets `values` in the environment, for handlers that read their settings on first use, and
 * returns what puts the previous values back.
 */
export function setEnv(values: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return () => setEnv(saved);
}

/** Calls an API Gateway HTTP API (payload v2) handler as API Gateway would. */
export function invoker(
  handler: (event: APIGatewayProxyEventV2) => Promise<unknown>,
): (event: APIGatewayProxyEventV2) => Promise<LambdaAnswer> {
  return async (event) => {
    const result = (await handler(event)) as APIGatewayProxyStructuredResultV2;
    const body = typeof result.body === 'string' ? result.body : '';
    const isJson = String(result.headers?.['Content-Type'] ?? '').includes('json');
    return { status: result.statusCode ?? 0, body, json: isJson ? JSON.parse(body) : undefined };
  };
}
