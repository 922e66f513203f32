import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forwardRequest } from './forward-request.js';

/**
 * `unprocessed` answers a BatchWriteItem as DynamoDB does when it throttles part of a batch:
 * 200, nothing written, every request handed back in `UnprocessedItems`.
 */
/**
 * `conflict` answers a TransactWriteItems as DynamoDB does when a concurrent transaction was
 * writing one of its items: cancelled with a `TransactionConflict` reason, nothing written.
 * (DynamoDB Local runs transactions one at a time, so it never says this itself.)
 */
export type Fault = 'throttle' | 'server-error' | 'unprocessed' | 'conflict' | 'pass';

/** A fault for one kind of request only: let `skip` of them through, then fault `times`. */
export interface FaultRule {
  operation: string;
  skip: number;
  times: number;
  fault: Fault;
}

/**
 * An HTTP proxy in front of DynamoDB Local that answers the next requests with the faults
 * queued in `faults` (a real DynamoDB throttling or 500 reply), then forwards the rest.
 * `always(fault)` applies a fault to every request until `always('pass')`; `stop()` closes
 * the port, as a DynamoDB that is down would (connections refused), and `start()` reopens it.
 * `rules` fault requests of one operation (`UpdateItem`, `Query`…) by their order.
 */
export async function startFaultProxy(target: string) {
  const faults: Fault[] = [];
  const rules: FaultRule[] = [];
  const ruleFor = (operation: string): Fault | undefined => {
    const rule = rules.find((r) => r.operation === operation && r.times > 0);
    if (!rule) return undefined;
    if (rule.skip > 0) {
      rule.skip--;
      return undefined;
    }
    rule.times--;
    return rule.fault;
  };
  let standing: Fault = 'pass';
  let forwarded = 0;
  let faulted = 0;
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      const fault = ruleFor(operation) ?? faults.shift() ?? standing;
      if (fault === 'unprocessed') {
        faulted++;
        const { RequestItems = {} } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify({ UnprocessedItems: RequestItems }));
        return;
      }
      if (fault === 'conflict') {
        faulted++;
        const { TransactItems = [] } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        const reasons = (TransactItems as unknown[]).map((_, i) =>
          i === TransactItems.length - 1
            ? { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }
            : { Code: 'None' },
        );
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(
          JSON.stringify({
            __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
            Message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
            CancellationReasons: reasons,
          }),
        );
        return;
      }
      if (fault !== 'pass') {
        faulted++;
        const throttle = fault === 'throttle';
        res.writeHead(throttle ? 400 : 500, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(
          JSON.stringify({
            __type: throttle
              ? 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException'
              : 'com.amazonaws.dynamodb.v20120810#InternalServerError',
            message: throttle
              ? 'Rate of requests exceeds the allowed throughput'
              : 'Internal error',
          }),
        );
        return;
      }
      forwarded++;
      forwardRequest(upstream, req, Buffer.concat(chunks), res);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const stop = () =>
    new Promise<void>((done) => {
      if (!server.listening) return done();
      server.closeAllConnections();
      server.close(() => done());
    });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    faults,
    rules,
    always: (fault: Fault) => {
      standing = fault;
    },
    counts: () => ({ forwarded, faulted }),
    stop,
    start: () => new Promise<void>((done) => server.listen(port, '127.0.0.1', done)),
    close: stop,
  };
}
