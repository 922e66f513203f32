import type { DevStack } from './dev-stack.js';
import { post, type Sent } from './http-post.js';
import {
  type BenchUser,
  discordCommand,
  discordHeaders,
  discordUsers,
  slackCommandBody,
  slackHeaders,
  slackUsers,
} from './platform-requests.js';

/**
 * serverless-offline runs each handler instance in a worker thread and starts a new one
 * whenever all are busy: a first burst would pay those cold starts, and a soak would see its
 * memory grow with the pool. Sends as many signed `help` commands to each function at once as
 * `clients` can have in flight, three times, so the pool is full before anything is measured.
 */
export async function startInstances(stack: DevStack, clients: number): Promise<Sent[]> {
  // A double-clicker has two requests in flight: twice as many instances may be busy at once.
  const concurrency = 2 * clients;
  const [user] = slackUsers(1, 'U0WARM');
  const [member] = discordUsers(1, 990_000);
  const sent: Sent[] = [];
  for (let round = 0; round < 3; round++) {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        const slackBody = slackCommandBody('help', user as BenchUser, 'http://127.0.0.1:9/');
        const discordBody = JSON.stringify(discordCommand(member as BenchUser, 'help'));
        // Both at once, so each function has all of them in flight together.
        sent.push(
          ...(await Promise.all([
            post(
              `${stack.server.url}/slack/events`,
              slackHeaders(slackBody, stack.slackSecret),
              slackBody,
            ),
            post(
              `${stack.server.url}/discord/interactions`,
              discordHeaders(discordBody, stack.signer),
              discordBody,
            ),
          ])),
        );
      }),
    );
  }
  return sent;
}
