import { type IncomingMessage, request, type ServerResponse } from 'node:http';

/**
 * Sends a request the test proxies received (its body already read) on to `upstream`, DynamoDB
 * Local, and pipes the answer back. An upstream that cannot be reached answers 502, as a
 * gateway would, rather than throwing in the proxy.
 */
export function forwardRequest(
  upstream: URL,
  req: IncomingMessage,
  body: Buffer,
  res: ServerResponse,
): void {
  const proxied = request(
    {
      host: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers: req.headers,
    },
    (reply) => {
      res.writeHead(reply.statusCode ?? 500, reply.headers);
      reply.pipe(res);
    },
  );
  proxied.on('error', () => {
    res.writeHead(502);
    res.end();
  });
  proxied.end(body);
}
