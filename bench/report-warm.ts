import { percent, table, verdict } from './markdown.js';
import type { SearchFigures } from './search.js';
import { ms } from './stats.js';
import type { CommandFigures } from './warm-latency.js';

const TARGETS: Record<string, { text: string; met: (f: CommandFigures) => boolean }> = {
  search: { text: '0', met: (f) => f.maxReads + f.maxWrites === 0 },
  'answer (practice)': { text: '1 write', met: (f) => Math.round(f.writes) === 1 },
  'answer (daily)': { text: '1 write', met: (f) => Math.round(f.writes) === 1 },
  score: { text: '1–2 reads', met: (f) => f.maxWrites === 0 && f.reads >= 1 && f.reads <= 2 },
  leaderboard: {
    text: '1 query',
    met: (f) => f.maxWrites === 0 && Math.round(f.requests.Query ?? 0) === 1 && f.reads <= 1,
  },
};

function requestsText(f: CommandFigures): string {
  const names = Object.entries(f.requests)
    .map(([name, n]) => `${Math.round(n * 100) / 100} ${name}`)
    .join(' + ');
  const most =
    f.maxReads > Math.round(f.reads) || f.maxWrites > Math.round(f.writes)
      ? ` (at most ${f.maxReads} reads, ${f.maxWrites} writes)`
      : '';
  return names ? `${names}${most}` : '0';
}

/** The warm latency and DynamoDB requests sections of BENCHMARKS.md. */
export function warmSection(figures: CommandFigures[], rounds: number): string {
  const rows = figures.map((f) => [
    f.platform,
    f.command,
    ms(f.total.p50),
    ms(f.total.p99),
    `${ms(f.ours.p50)} / ${ms(f.ours.p99)}`,
    ms(f.dynamoP50),
    ms(f.httpP50),
    requestsText(f),
    f.failures ? `${f.failures} failed` : 'ok',
  ]);
  const targeted = figures.filter((f) => TARGETS[f.command]);
  const slowest = figures.reduce((a, b) => (b.total.p99 > a.total.p99 ? b : a));
  const oursWorst = figures.reduce((a, b) => (b.ours.p99 > a.ours.p99 ? b : a));
  return `## Warm latency per command

${table(
  [
    'platform',
    'command',
    'p50 ms',
    'p99 ms',
    'our code p50 / p99',
    'DynamoDB p50',
    'Slack/Discord HTTP p50',
    'DynamoDB requests per call',
    'answers',
  ],
  rows,
)}

**What it means.** Once warm, our own code takes at most ${ms(oursWorst.ours.p99)} ms at p99
(${oursWorst.platform} ${oursWorst.command}); the rest is waiting on DynamoDB (here DynamoDB Local, a
Java process on the same two cores: real DynamoDB answers a GetItem in a few milliseconds from inside
the region) and, for Slack clicks, posting the answer to the response URL. The slowest command at p99
is ${slowest.platform} ${slowest.command}, ${ms(slowest.total.p99)} ms: a tiny part of the 3 s.

**How.** Through the real Lambda handlers (src/handlers/slack.ts and discord.ts) in one process,
each request a signed API Gateway v2 event, against DynamoDB Local (in memory) and local fakes of
Slack's Web API and response URLs and of Discord's REST API. ${rounds} rounds after a warm-up, each
round every command once, round-robin, 40 people per platform taking turns (the daily question: a new
person each round, since it counts once). Time in DynamoDB is measured by an SDK middleware
(\`initialize\` step, so once per logical request, around the whole of it) that the bench adds to every
DynamoDB client the process creates, the handlers' own included (bench/dynamo-meter.ts); time on
Slack or Discord HTTP by wrapping the global \`fetch\` (bench/fetch-meter.ts). "Our code" is the total
minus both.

## DynamoDB requests per command

${table(
  ['platform', 'command', 'requests per call', 'target', ''],
  targeted.map((f) => [
    f.platform,
    f.command,
    requestsText(f),
    TARGETS[f.command]?.text ?? '',
    verdict(TARGETS[f.command]?.met(f) ?? false),
  ]),
)}

Counted by the same middleware. The leaderboard reads up to 100 entries in one Query, which gives
the top 10 and the asker's own rank on any board of up to 100 people. Here the board grows past 100
(every round's daily click is a new person) and the askers, who never answer a daily question, are
not on it: past 100 the tutor reads their own points to find that out (a second Query), and would
count who is ahead of them (a third) if they had any. A team of up to 100 gets 1 Query. A daily answer is one BatchGet and
one transaction; when the channel message's live count is due (at most once per 10 s per channel) the
click also claims the edit with one conditional update and edits the message.`;
}

/** The search section. */
export function searchSection(s: SearchFigures): string {
  return `## Search

${table(
  ['', 'per second', 'p50 ms', 'p99 ms', 'max ms'],
  [
    ['search', Math.round(s.search.qps), ms(s.search.p50), ms(s.search.p99), ms(s.search.max)],
    [
      'autocomplete (25 choices)',
      Math.round(s.autocomplete.qps),
      ms(s.autocomplete.p50),
      ms(s.autocomplete.p99),
      ms(s.autocomplete.max),
    ],
  ],
)}

Relevance suite (test/search/relevance-queries.ts, ${s.relevance.cases} queries people type, each with
its one right answer): **${percent(s.relevance.top1)} ranked first**, ${percent(s.relevance.top3)} in the
top 3, mean reciprocal rank ${s.relevance.mrr.toFixed(3)}.${s.relevance.misses.length ? ` Misses: ${s.relevance.misses.join('; ')}.` : ''}

**What it means.** A search costs well under a millisecond at the median, and building the search from
the compiled content at cold start ${ms(s.createMs)} ms: search is never what a user waits for.

**How.** In one process, over ${s.queries} queries covering the whole content: the relevance suite,
every note's title and aliases, each of those with a letter dropped, and \`x vs y\` comparisons; each
timed on its own, repeated for a few seconds after a warm-up. Autocomplete gets the first three
letters of each.`;
}
