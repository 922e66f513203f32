import type { BundleFigures, ColdStartFigures } from './cold-start-suite.js';
import { table, verdict } from './markdown.js';
import { bytes, ms, times } from './stats.js';

/** Lambda gives a function one vCPU at 1,769 MB; ours have 512 MB (serverless.yml). */
export const LAMBDA_CPU_SHARE = 512 / 1769;

const SLACK_DEADLINE_MS = 3000;

/** The cold-start section of BENCHMARKS.md. */
export function coldStartSection(cold: ColdStartFigures): string {
  const deployed = cold.bundles.filter((b) => b.variant === 'deployed');
  const control = cold.bundles.filter((b) => b.variant === 'one-file');
  const met = (b: BundleFigures) => b.ratioPlain <= b.goal && b.ratioMaps <= b.goal;
  // Only the chat functions answer a person within 3 s; dailyQuiz has 15 minutes.
  const chat = deployed.filter((b) => b.name !== 'dailyQuiz');
  const worst = chat.reduce((a, b) => (b.firstAnswer > a.firstAnswer ? b : a));
  const daily = deployed.find((b) => b.name === 'dailyQuiz');
  const ssmCost = chat.map((b) => b.firstAnswer - b.firstAnswerEnv);
  const row = (b: BundleFigures) => [
    b.name,
    b.variant === 'deployed' ? 'as deployed (split)' : 'one file (before the fix)',
    bytes(b.zipBytes),
    `${bytes(b.entryBytes)} (${b.files > 2 ? `${bytes(b.codeBytes)} in ${b.files / 2} files` : 'one file'})`,
    ms(b.plain),
    ms(b.maps),
    `${times(b.ratioPlain)} / ${times(b.ratioMaps)}`,
    `≤ ${times(b.goal)} ${b.variant === 'deployed' ? verdict(met(b)) : `(${met(b) ? 'met' : 'missed'})`}`,
    ms(b.firstAnswer),
    ms(b.firstAnswerEnv),
  ];
  return `## Cold start

${table(
  [
    'function',
    'bundle',
    'zip',
    'handler file (JS in zip)',
    'module load ms',
    'with source maps',
    '× reference, above floor (plain / maps)',
    'goal',
    'first answer ms (secrets from SSM)',
    'first answer ms (secrets in env)',
  ],
  [...deployed.map(row), ...control.map(row)],
)}

| reference | size | module load ms | with source maps | process start → loaded |
| --- | --- | --- | --- | --- |
| the usual Bolt app (\`App\` + \`AwsLambdaReceiver\`, one command) | ${bytes(cold.reference.bytes)} | ${ms(cold.reference.plain)} | ${ms(cold.reference.maps)} | ${ms(cold.reference.processToLoaded)} |
| empty module (the floor) | – | ${ms(cold.floor.plain)} | ${ms(cold.floor.maps)} | ${ms(cold.floor.processToLoaded)} |

Ratios are (bundle − floor) ÷ (reference − floor) in the same mode; the raw ones are
${deployed.map((b) => `${b.name} ${times(b.plain / cold.reference.plain)}`).join(', ')} (plain).
Process start → module loaded, with source maps, as deployed: ${deployed.map((b) => `${b.name} ${ms(b.processToLoaded)} ms`).join(', ')}.

**What it means.** The slower cold first answer of the two chat functions is ${worst.name}'s,
${ms(worst.firstAnswer)} ms from the start of the import to the answer, with the secrets read from SSM (a
local fake on loopback). That leaves ${ms(SLACK_DEADLINE_MS - worst.firstAnswer)} ms of the 3 s Slack and
Discord allow. Reading the secrets from SSM adds ${ssmCost.map((c) => ms(c)).join(' and ')} ms of that here
(loading the SSM client, which is most of the AWS SDK, and one call), before SSM's real round trip:
the largest single part of a chat cold start now. The AWS Parameters and Secrets Lambda Extension
(a local HTTP endpoint, read with plain \`fetch\`) would avoid loading the SDK for it. The
first answer gains less from the fix than the load does because as deployed the first request still
loads that client; a search or help never loads the DynamoDB client. (dailyQuiz's first run, over an
empty table, takes ${ms(daily?.firstAnswer ?? Number.NaN)} ms; nobody waits for it.) On Lambda this is CPU-bound work on a smaller share of a CPU: at 512 MB a
function gets about ${Math.round(LAMBDA_CPU_SHARE * 100)}% of a vCPU, so expect up to ~${ms(worst.firstAnswer / LAMBDA_CPU_SHARE)} ms, plus
Lambda's own start (fetching the zip, starting Node) and real network round trips, none of which is
measured here.

**What was found and fixed.** Bundled as one file per function, every cold start parsed the whole
bundle, AWS SDK included (about half of it), although the chat handlers import the DynamoDB and SSM
clients with \`import()\` and a search never touches them: esbuild inlines a dynamic import into the
same file, which defers running that code but not parsing it. With \`--enable-source-maps\` (set
in NODE_OPTIONS when deployed) Node also parsed each file's whole source map, sources included, at
load. And the Discord code's few enums came from \`discord-api-types/v10\`, CommonJS that esbuild
cannot tree-shake: the whole API's enums and routes, ~10 ms to evaluate. Three changes to
\`custom.esbuild\` in serverless.yml: \`splitting: true\` (what is imported with \`import()\` goes into
chunks of its own, loaded on first use), \`sourcesContent: false\` (maps a fraction of the size; stack
traces still point at src/), and an alias of \`discord-api-types/v10\` to
[infra/discord-api-enums.ts](infra/discord-api-enums.ts) (only the enums we use, from the package's own
files). dailyQuiz now imports the store lazily too (src/handlers/daily-quiz.ts), like the chat handlers;
it needs the store on every run, so its first run pays what its load no longer does. The "one file"
rows are the same code with those three settings taken out, measured in the same run. The price: each
zip also carries the other functions' chunks (serverless-esbuild builds each function into one folder),
a few hundred KB that nothing loads.

**How.** \`serverless package --stage bench\` in a snapshot of the project (empty HOME, no
credentials), each zip unpacked with a small zip reader (bench/read-zip.ts). Each module is imported in
a fresh \`node\` process (${cold.rounds} processes per module and mode, taken round-robin so a busy
moment hits all alike; medians): \`performance.now()\` around \`await import(file)\`, with and
without \`--enable-source-maps\`, with TABLE_NAME and the platform settings in the environment and no
SSM path. "First answer" is the same with SECRETS_SSM_PATH set, as deployed, and a fake SSM on
loopback: import, then the handler's answer to a signed \`/aws lambda\` (Slack), a signed \`/aws search\`
(Discord) or a daily run (dailyQuiz) against DynamoDB Local (${cold.firstRounds} processes each,
source maps on). The reference is bench/reference-bolt-app.ts, bundled with esbuild's JS API, minified,
with serverless.yml's target, platform, format and banner, and no source map (so the flag costs it
nothing).`;
}
