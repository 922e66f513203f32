import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StoreConfig } from '../config.js';

export interface ClientOptions {
  /** Attempts per request, first try included; the SDK backs off between them. */
  maxAttempts?: number;
  /** Per-attempt socket timeout. Kept short in Lambda: a chat reply has 3 s in all. */
  requestTimeoutMs?: number;
  /**
   * Called once per logical request (not per retry) with the command name and its input, e.g.
   * for counting requests or for listing the IAM actions a flow needs.
   */
  onRequest?: (commandName: string, input: unknown) => void;
}

/**
 * Creates the DynamoDB document client. Call once per process and reuse it: creating clients
 * per request would redo credential and endpoint resolution every time.
 */
export function createDocumentClient(
  config: StoreConfig,
  options: ClientOptions = {},
): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: config.region,
    maxAttempts: options.maxAttempts ?? 3,
    requestHandler: {
      connectionTimeout: 500,
      requestTimeout: options.requestTimeoutMs ?? 800,
      // Without this the SDK (smithy node-http-handler 4.x) only logs a warning when the
      // request timeout passes and keeps waiting, so a hung DynamoDB would hold a chat reply
      // past Slack's and Discord's 3 seconds. With it, the attempt fails and is retried.
      throwOnRequestTimeout: true,
    },
    ...(config.endpoint
      ? {
          endpoint: config.endpoint,
          // DynamoDB Local accepts any credentials; fixed ones keep local runs from
          // searching the machine for real AWS credentials.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
  const onRequest = options.onRequest;
  if (onRequest) {
    client.middlewareStack.add(
      (next, context) => (args) => {
        onRequest(context.commandName ?? 'unknown', args.input);
        return next(args);
      },
      { step: 'initialize', name: 'countRequests' },
    );
  }
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}
