import type { ColdStartFigures } from './cold-start-suite.js';
import type { FanOutFigures } from './fan-out.js';
import type { LoadFigures } from './load.js';
import type { Machine } from './machine.js';
import { coldStartSection, LAMBDA_CPU_SHARE } from './report-cold.js';
import { fanOutSection, loadSection, soakSection } from './report-server.js';
import { searchSection, warmSection } from './report-warm.js';
import type { SearchFigures } from './search.js';
import type { SoakFigures } from './soak.js';
import { ms, times } from './stats.js';
import type { CommandFigures } from './warm-latency.js';

export interface BenchResults {
  machine: Machine;
  totalMs: number;
  cold: ColdStartFigures;
  warm: CommandFigures[];
  warmRounds: number;
  search: SearchFigures;
  load: LoadFigures;
  fanOut: FanOutFigures[];
  soak: SoakFigures;
}

/** BENCHMARKS.md: the summary first, then each part with what it means and how it was taken. */
export function renderReport(r: BenchResults): string {
  const deployed = r.cold.bundles.filter((b) => b.variant === 'deployed');
  const worst = deployed
    .filter((b) => b.name !== 'dailyQuiz')
    .reduce((a, b) => (b.firstAnswer > a.firstAnswer ? b : a));
  const goals = deployed
    .map(
      (b) =>
        `${b.name} ${times(b.ratioMaps)} (goal ≤ ${times(b.goal)}${b.ratioPlain <= b.goal && b.ratioMaps <= b.goal ? ', met' : ', **missed**'})`,
    )
    .join(', ');
  const slowestWarm = r.warm.reduce((a, b) => (b.total.p99 > a.total.p99 ? b : a));
  const m = r.machine;
  const c = r.load.check;
  const realistic = r.fanOut.find((f) => f.apiLatencyMs > 0) ?? r.fanOut[0];
  return `# Benchmarks

Written by \`npm run bench\` (bench/run-bench.ts); do not edit by hand. Taken ${m.date.slice(0, 16).replace('T', ' ')} UTC
on ${m.cores} cores of an ${m.cpu}, ${m.memoryGb} GB, Node ${m.node} (Lambda runs Node 22), Java ${m.java}
for DynamoDB Local. Load average ${m.loadStart.toFixed(2)} at the start and ${(m.loadEnd ?? 0).toFixed(2)} at the end:
other work on the machine shows up as noise. The whole run took ${ms(r.totalMs / 60_000)} minutes.

## Summary

- **Cold start**: module load above an empty module's, as a share of the usual Bolt app's, with
  source maps as deployed: ${goals}. The slower cold first answer of the chat functions (secrets from SSM, as deployed) is
  ${worst.name}'s ${ms(worst.firstAnswer)} ms, leaving ${ms(3000 - worst.firstAnswer)} ms of Slack's 3 s here, or about
  ${ms(3000 - worst.firstAnswer / LAMBDA_CPU_SHARE)} ms on a 512 MB Lambda's share of a CPU.
- **Warm**: every command answers in ${ms(slowestWarm.total.p99)} ms or less at p99 through the real
  handlers (slowest: ${slowestWarm.platform} ${slowestWarm.command}), most of it waiting on DynamoDB Local.
- **Search**: ${Math.round(r.search.search.qps).toLocaleString('en-GB')} searches a second in one process, p99 ${ms(r.search.search.p99)} ms;
  the relevance suite ranks the right concept first for ${Math.round(r.search.relevance.top1 * 100)}% of its ${r.search.relevance.cases} queries.
- **Load**: ${r.load.requests} answer clicks from ${r.load.slackUsers + r.load.discordUsers} people on one daily question through
  \`npm run dev\`, ${Math.round(r.load.perSecond)} a second, p99 ${ms(r.load.latency.p99)} ms; ${c.recorded} of
  ${r.load.slackUsers + r.load.discordUsers} recorded exactly once, ${c.lost.length} lost, ${c.doubled.length} doubled.
- **Fan-out**: ${realistic?.channels ?? 0} channels in ${ms((realistic?.wallMs ?? 0) / 1000)} s with Slack taking ${realistic?.apiLatencyMs ?? 0} ms a post
  (${Math.round(realistic?.perSecond ?? 0)} a second).
- **Soak**: ${r.soak.requests} mixed requests, ${r.soak.hostile} of them hostile: ${r.soak.failures.length} 5xx,
  ${r.soak.scores.matched} of ${r.soak.scores.people} scores exactly as told; dev server RSS, its pool of handler instances full,
  ${Math.round(r.soak.memory.middleThirdMb)} MB in the middle third of the run and ${Math.round(r.soak.memory.lastThirdMb)} MB in the last
  (${Math.round(r.soak.memory.beforePoolMb)} MB before the pool, ${Math.round(r.soak.memory.afterRetireMb)} MB once it was retired).

${coldStartSection(r.cold)}

${warmSection(r.warm, r.warmRounds)}

${searchSection(r.search)}

${loadSection(r.load, r.warm)}

${fanOutSection(r.fanOut)}

${soakSection(r.soak)}

## Running it

\`npm run bench\` runs everything (about ${Math.ceil(r.totalMs / 60_000)} minutes here) and rewrites this file;
\`npx tsx bench/soak.ts\` runs the soak alone and prints its figures. Both need Java 17+ for DynamoDB
Local and use loopback only. Nothing here runs in \`npm test\`, and no test asserts a time.
`;
}
