import type { FanOutFigures } from './fan-out.js';
import type { LoadFigures } from './load.js';
import { table, verdict } from './markdown.js';
import type { SoakFigures } from './soak.js';
import { ms } from './stats.js';
import type { CommandFigures } from './warm-latency.js';

/** The load section: a burst of daily answers through npm run dev, read back from DynamoDB. */
export function loadSection(load: LoadFigures, warm: CommandFigures[]): string {
  const c = load.check;
  const people = load.slackUsers + load.discordUsers;
  const exact = c.recorded === people && !c.lost.length && !c.doubled.length;
  const inProcessPing = warm.find((f) => f.command === 'ping')?.total.p50 ?? Number.NaN;
  return `## Load: a burst of answers to one daily question

${table(
  ['', ''],
  [
    ['people (Slack + Discord)', `${load.slackUsers} + ${load.discordUsers}`],
    ['double-clickers (both clicks at once)', load.doubleClickers],
    ['requests', load.requests],
    ['in flight at once', load.concurrency],
    ['wall time', `${ms(load.wallMs / 1000)} s`],
    ['throughput', `${Math.round(load.perSecond)} answers/s`],
    ['latency p50 / p99', `${ms(load.latency.p50)} / ${ms(load.latency.p99)} ms`],
    [
      'statuses',
      Object.entries(load.statuses)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', '),
    ],
    ['answers in DynamoDB, once each', `${c.recorded} of ${people} ${verdict(exact)}`],
    ['lost / doubled', `${c.lost.length} / ${c.doubled.length}`],
    ['points expected / stored', `${c.pointsExpected} / ${c.pointsFound}`],
    [
      'replies right (one result, "already answered" for the rest)',
      `${c.repliesRight} of ${people}`,
    ],
    [
      "channels' own counts (answered / expected)",
      c.channelCounts.map((x) => `${x.platform} ${x.answered}/${x.expected}`).join(', '),
    ],
    [
      'transactions cancelled for contention',
      load.conflicts
        ? `${load.conflicts.conflicts} of ${load.conflicts.transactions}`
        : 'not measured',
    ],
  ],
)}${bullets([...c.lost, ...c.doubled, ...c.repliesWrong])}

**What it means.** ${
    exact && c.repliesRight === people
      ? "Nothing was lost or counted twice: every person's answer is in the table once, with the points it earned, double clicks included, and each was told so."
      : `Not every answer came through exactly once (${c.lost.length} lost, ${c.doubled.length} doubled, ${c.repliesWrong.length} told something else): see the lines above.`
  } The throughput is that of this
2-core machine running serverless-offline, its worker threads, DynamoDB Local (Java) and the load
generator together; on Lambda each concurrent request gets an instance of its own.

**serverless-offline's overhead, honestly.** It runs every handler instance in a worker thread and
starts a new one whenever all are busy, each a cold start with its own copy of the bundle. Before the
burst, ${2 * load.concurrency} requests at once to each function (double clicks put up to twice the
clients in flight), three times, started those instances
(p50 ${ms(load.warmUp.p50)} ms, p99 ${ms(load.warmUp.p99)} ms while they started); unwarmed, the first
burst's p99 runs to seconds. A signed Discord PING, which does nothing but check the signature, takes
p50 ${ms(load.ping.p50)} ms (p99 ${ms(load.ping.p99)} ms) through serverless-offline against
${ms(inProcessPing)} ms in process: about ${ms(load.ping.p50 - inProcessPing)} ms a request is
serverless-offline (HTTP, routing, the hop to the worker). Under the burst the rest of the latency is
queueing for the two cores.

**Contention, as on real DynamoDB.** DynamoDB Local runs transactions one at a time, so it never
cancels one for contention. Here a proxy in front of it (test/helpers/conflict-proxy.ts) does what
DynamoDB does: each transaction holds its items for 25 ms, and another transaction or write on a held
item is cancelled with \`TransactionConflict\`. An answer's transaction writes only the person's own
items (their answer, totals and week); the channel's count is read from the answers, so the burst
has no shared item to contend for.

**How.** \`npm run dev\` (src/local/dev-server.ts, under tsx, in a snapshot of the project) on free
loopback ports, on a fresh table of the bench's DynamoDB Local, with fake Slack and Discord APIs for
response URLs and the live count's edits. The question of the day was posted to one Slack and one
Discord channel by the real daily run. Each person clicks once on a random answer; a quarter click
twice at the same moment (half of them the same answer, half another). Every click is signed as
Slack or Discord signs it. Afterwards each person's daily answer, totals and points, and each
channel's counts, are read back from DynamoDB.`;
}

/** The fan-out section: daily runs to 1,000 channels. */
export function fanOutSection(runs: FanOutFigures[]): string {
  const rows = runs.map((r) => [
    r.channels,
    `${r.apiLatencyMs} ms`,
    r.busyChannels,
    r.duplicateDelivery ? 'yes (2 runs at once)' : 'no',
    `${ms(r.wallMs / 1000)} s`,
    Math.round(r.perSecond),
    r.summaries.reduce((n, s) => n + s.retries, 0),
    r.slack429,
    `${r.postedOnce} / ${r.postedTwice} / ${r.missing}`,
    `${r.dynamoPerChannel.reads.toFixed(1)} r + ${r.dynamoPerChannel.writes.toFixed(1)} w`,
  ]);
  const realistic = runs.find((r) => r.apiLatencyMs > 0) ?? runs[0];
  const perRun = realistic ? Math.floor(realistic.perSecond * 900) : 0;
  return `## Fan-out: the daily question to 1,000 channels

${table(
  [
    'channels',
    'Slack answers in',
    'busy channels',
    'delivered twice',
    'wall',
    'channels/s',
    'retries',
    '429s',
    'posted once / twice / not',
    'DynamoDB per channel',
  ],
  rows,
)}

**What it means.** At ${realistic ? Math.round(realistic.perSecond) : '–'} channels a second with Slack
taking ${realistic?.apiLatencyMs ?? '–'} ms a post, one 15-minute run (the function's timeout) would reach
about ${perRun.toLocaleString('en-GB')} channels before the split into an SQS fan-out (README,
Operations) is needed. ${
    runs.every((r) => r.postedTwice === 0 && r.missing === 0)
      ? 'Every channel got exactly one question, also when the run was delivered twice at the same moment.'
      : 'Some channels got no question or two: see the table.'
  } Busy channels (a message posted there just before) got Slack's 429 with \`Retry-After\` when the
run reached them within the second, and were waited out and posted (the retries column).

**How.** The real daily run (src/daily/run-daily.ts, 8 channels at a time) with its Slack poster and
the DynamoDB store, in process, against DynamoDB Local and the local Slack API fake
(test/helpers/fake-chat-apis.ts), which allows one message a second per channel and answers 429 with
\`Retry-After\` beyond that; a delaying proxy (test/helpers/slow-proxy.ts) in front of it stands in for
Slack's own answer time. 1,000 channels across 10 workspaces, subscribed first. "Busy channels" had a
message posted just before the run. DynamoDB requests per channel are for both runs together when
delivered twice.`;
}

/** The soak section (issue 9). */
export function soakSection(soak: SoakFigures): string {
  const m = soak.memory;
  const fiveXX = soak.failures.length;
  const kinds = Object.entries(soak.byKind)
    .filter(([kind]) => kind.startsWith('hostile'))
    .map(([kind, statuses]) => [
      kind.replace(/^hostile /, ''),
      Object.entries(statuses)
        .map(([status, n]) => `${status} × ${n}`)
        .join(', '),
    ]);
  return `## Soak (issue 9)

${table(
  ['outcome', ''],
  [
    [
      'requests',
      `${soak.requests} in ${ms(soak.durationMs / 1000)} s (${soak.legit} legitimate, ${soak.hostile} hostile), stopped by ${soak.stoppedBy === 'requests' ? 'the request budget' : 'the time limit'}`,
    ],
    ['people', `${soak.options.slackUsers} on Slack, ${soak.options.discordUsers} on Discord`],
    ['5xx or no answer', `${fiveXX} ${verdict(fiveXX === 0)}`],
    [
      'statuses',
      Object.entries(soak.statuses)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', '),
    ],
    ['legitimate requests answered unexpectedly', soak.unexpected.length],
    [
      'legitimate latency p50 / p99',
      `${ms(soak.legitLatency.p50)} / ${ms(soak.legitLatency.p99)} ms`,
    ],
    [
      'scores read back = what people were told',
      `${soak.scores.matched} of ${soak.scores.people} ${verdict(soak.scores.matched === soak.scores.people)}`,
    ],
    ['hostile requests changed no score', verdict(soak.scores.hostileUntouched)],
    [
      'RSS of the dev server (all its processes), pool full: start → peak → end',
      `${Math.round(m.startMb)} → ${Math.round(m.peakMb)} → ${Math.round(m.endMb)} MB`,
    ],
    [
      'median RSS, first → middle → last third of the run',
      `${Math.round(m.firstThirdMb)} → ${Math.round(m.middleThirdMb)} → ${Math.round(m.lastThirdMb)} MB`,
    ],
    ['RSS about every 5 s (s: MB)', m.series.map(([t, mb]) => `${t}: ${mb}`).join(', ')],
    [
      'serverless-offline threads (one per handler instance, pool started first): start → peak',
      `${m.threadsStart} → ${m.threadsPeak}`,
    ],

    [
      'RSS before the pool was started',
      `${Math.round(m.beforePoolMb)} MB, ${m.beforePoolThreads} threads`,
    ],
    [
      'RSS once its idle handler instances were retired',
      `${Math.round(m.afterRetireMb)} MB, ${m.afterRetireThreads} threads, after ${ms(m.retireWaitedMs / 1000)} s idle`,
    ],
  ],
)}${bullets([...soak.failures, ...soak.unexpected, ...soak.scores.mismatches])}

Hostile requests and what they got:

${table(['hostile request', 'statuses'], kinds)}

Signed garbage on the Slack route gets Bolt's own 404 (no listener takes it). A signed Discord body
that is JSON \`null\` or a bare string gets 401 here because serverless-offline hands the handler the
parsed value (or nothing) instead of the raw bytes, so the signature no longer matches; API Gateway
passes the raw bytes, and the handler would answer 400.

**What it means.** ${
    fiveXX === 0 && soak.scores.hostileUntouched
      ? 'Nothing a stranger can send (bad or stale signatures, bodies that are not what they say, megabytes of body, random bytes, forged buttons, hostile text) produced a server error or changed a score'
      : 'Some requests got a server error or no answer, or changed a score: see the lines above'
  }${
    soak.scores.matched === soak.scores.people
      ? ", and every person's score is exactly what they were told."
      : `; ${soak.scores.people - soak.scores.matched} people's scores differ from what they were told.`
  } ${memoryVerdict(soak)}
(On Lambda each instance is a process of its own, with 512 MB.)

**How.** \`npx tsx bench/soak.ts\` (also run by \`npm run bench\`): \`npm run dev\` as in the load
test, on its own table; ${soak.options.concurrency} clients, each speaking for its own people so nobody
does two things at once except on purpose; each step a random action: a command (help, search, topics,
score, leaderboard, autocomplete, PING), a quiz and a click on an answer (a fifth of clicks doubled, at
the same moment), or the daily question, once per person; ${Math.round(soak.options.hostileShare * 100)}% of steps are
a hostile request instead, every kind in turn. What each person was told (counted, or "already
answered") sets what their score must be; afterwards every score is read back from DynamoDB. RSS is
the sum of VmRSS over the dev server's process group (tsx, the dev-server script, serverless-offline),
from /proc, once a second, from the moment serverless-offline's pool was full: before the soak, as
many signed requests at once to each function as the clients can have in flight (double clicks
included), three times. Afterwards the bench waits, up to ${ms(soak.options.retireWaitMs / 1000)} s, for
serverless-offline to retire the idle instances (after 60 s idle). Bounded by ${soak.options.requests} requests or ${ms(soak.options.maxMs / 1000)} s, loopback only.`;
}

/**
 * Whether memory levelled off with the pool of handler instances full (started before the
 * soak), and came back once serverless-offline retired them.
 */
function memoryVerdict(soak: SoakFigures): string {
  const m = soak.memory;
  const steady = m.threadsPeak <= m.threadsStart + 2;
  const thirds = `${Math.round(m.firstThirdMb)}, ${Math.round(m.middleThirdMb)} and ${Math.round(m.lastThirdMb)} MB (medians of the first, middle and last third of the run)`;
  const pool = steady
    ? `With serverless-offline's pool of handler instances full from the start (${m.threadsStart} threads, one per instance) RSS was ${thirds}`
    : `serverless-offline started more handler instances during the run (${m.threadsStart} → ${m.threadsPeak} threads), so RSS, ${thirds}, mixes the pool's growth with the handlers'`;
  const drift = m.lastThirdMb - m.middleThirdMb;
  const flat = steady && Math.abs(drift) < 0.05 * m.middleThirdMb;
  const back = `Once serverless-offline retired the idle instances it was ${Math.round(m.afterRetireMb)} MB, against ${Math.round(m.beforePoolMb)} MB before the pool was started.`;
  return flat
    ? `${pool}: it rose while the instances warmed up, then held (${drift >= 0 ? '+' : ''}${Math.round(drift)} MB from the middle third to the last). No growth without bound. ${back}`
    : `${pool}: ${drift >= 0 ? '+' : ''}${Math.round(drift)} MB from the middle third to the last, worth a look. ${back}`;
}

/** Up to ten problem lines as a list, or nothing at all. */
function bullets(lines: string[]): string {
  return lines.length
    ? `\n${lines
        .slice(0, 10)
        .map((line) => `- ${line}`)
        .join('\n')}\n`
    : '';
}
