import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forwardRequest } from './forward-request.js';

type Key = Record<string, { S?: string; N?: string }>;
interface TransactItem {
  Put?: { TableName: string; Item: Key };
  Update?: { TableName: string; Key: Key };
  Delete?: { TableName: string; Key: Key };
  ConditionCheck?: { TableName: string; Key: Key };
}

const keyOf = (table: string, key: Key) =>
  `${table}|${key.pk?.S ?? key.pk?.N}|${key.sk?.S ?? key.sk?.N}`;

function itemKey(item: TransactItem): string {
  if (item.Put) return keyOf(item.Put.TableName, item.Put.Item);
  const op = item.Update ?? item.Delete ?? item.ConditionCheck;
  return op ? keyOf(op.TableName, op.Key) : '';
}

/**
 * DynamoDB Local runs transactions one at a time, so it never cancels one for contention. This
 * proxy in front of it does what DynamoDB does: a transaction holds its items for `holdMs`
 * while it runs, and another transaction, or a plain write, touching a held item is refused
 * (`TransactionCanceledException` with a `TransactionConflict` reason, or
 * `TransactionConflictException`), with nothing written.
 */
export async function startConflictProxy(target: string, holdMs = 25) {
  const held = new Set<string>();
  let conflicts = 0;
  let transactions = 0;
  const upstream = new URL(target);
  const refuse = (res: ServerResponse, body: unknown) => {
    conflicts++;
    res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      const input = JSON.parse(body.toString('utf8') || '{}');
      if (operation === 'TransactWriteItems') {
        transactions++;
        const keys = (input.TransactItems as TransactItem[]).map(itemKey);
        if (keys.some((k) => held.has(k))) {
          const reasons = keys.map((k) =>
            held.has(k)
              ? { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }
              : { Code: 'None' },
          );
          return refuse(res, {
            __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
            Message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
            CancellationReasons: reasons,
          });
        }
        for (const k of keys) held.add(k);
        res.on('close', () => {
          for (const k of keys) held.delete(k);
        });
        setTimeout(() => forwardRequest(upstream, req, body, res), holdMs);
        return;
      }
      if (['PutItem', 'UpdateItem', 'DeleteItem'].includes(operation)) {
        const key = keyOf(input.TableName, input.Key ?? input.Item ?? {});
        if (held.has(key)) {
          return refuse(res, {
            __type: 'com.amazonaws.dynamodb.v20120810#TransactionConflictException',
            message: 'Transaction is ongoing for the item',
          });
        }
      }
      forwardRequest(upstream, req, body, res);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    counts: () => ({ conflicts, transactions }),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
