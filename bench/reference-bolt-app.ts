/**
 * The reference for cold starts: the usual Bolt app on Lambda, as Bolt's own guide writes it
 * (`App` + `AwsLambdaReceiver`, one command), bundled like our functions. Not deployed; only
 * `bench/cold-start.ts` loads it. `SLACK_API_URL` keeps the `auth.test` call Bolt starts on
 * construction on the loopback interface; it does not change what loads.
 */
import { App, AwsLambdaReceiver } from '@slack/bolt';

const receiver = new AwsLambdaReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
});

const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  receiver,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});

app.command('/aws', async ({ command, ack }) => {
  await ack(`You asked about ${command.text}`);
});

type AwsHandler = Awaited<ReturnType<AwsLambdaReceiver['start']>>;

/** The Lambda entry point, as in Bolt's guide. */
export async function handler(event: Parameters<AwsHandler>[0], context: unknown) {
  const handle = await receiver.start();
  return handle(event, context);
}
