import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * A request header of an HTTP API event, by its lower-case name. API Gateway lower-cases header
 * names, but serverless-offline and tests may not.
 */
export function eventHeader(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const headers = event.headers ?? {};
  const exact = headers[name];
  if (exact !== undefined) return exact;
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}
