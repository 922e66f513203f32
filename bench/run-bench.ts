/**
 * `npm run bench`: cold start, warm latency and memory, DynamoDB requests, the daily burst, the
 * scheduled rounds and search, then BENCHMARKS.md (bench/report.ts says what each figure is).
 * Progress goes to stderr. `npm run bench -- --quick` takes a few of everything, to try the
 * bench out, and writes BENCHMARKS.quick.md instead.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { startDynamoLocal } from '../src/local/dynamodb-local.js';
import { measureColdStart } from './cold-start.js';
import { measureBurst } from './daily-burst.js';
import { installDynamoMeter } from './dynamo-meter.js';
import { startHandlers } from './handlers.js';
import { renderReport } from './report.js';
import { measureFanOut, measureRoundCosts } from './scheduled-rounds.js';
import { measureSearch } from './search.js';
import { measureWarm } from './warm-latency.js';

const quick = process.argv.includes('--quick');
/** How much of each: the full run's sizes keep run-to-run spread small within ~10 minutes here. */
const SIZES = {
  coldRounds: quick ? 3 : 11,
  warm: quick
    ? { warmup: 2, rounds: 10, soakRounds: 20, soakEvery: 10 }
    : { warmup: 20, rounds: 200, soakRounds: 100, soakEvery: 50 },
  burst: { people: quick ? 100 : 1000, inFlight: 16 },
  weekPeople: quick ? 20 : 120,
  fanOut: { channels: quick ? 100 : 1000, slackMs: 150 },
  searchRepeats: quick ? 2 : 7,
};

/** Files and lines of bench/ as it is now. */
function benchSize() {
  const files = readdirSync('bench').filter((f) => f.endsWith('.ts'));
  const lines = files.reduce(
    (n, f) => n + readFileSync(`bench/${f}`, 'utf8').split('\n').length - 1,
    0,
  );
  return { files: files.length, lines };
}

/** Bytes of content/ (notes and questions as written), which every handler carries compiled. */
function contentBytes(dir = 'content'): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) =>
      n + (e.isDirectory() ? contentBytes(`${dir}/${e.name}`) : statSync(`${dir}/${e.name}`).size),
    0,
  );
}

/** What the figures were taken on: others' work on a shared machine shows up as noise. */
function describeMachine() {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    java: /version "([^"]+)"/.exec(`${java.stderr}${java.stdout}`)?.[1] ?? 'unknown',
    loadStart: loadavg()[0] ?? 0,
    bench: benchSize(),
    contentBytes: contentBytes(),
  };
}

export type Machine = ReturnType<typeof describeMachine>;

const started = Date.now();
function progress(message: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[bench ${seconds}s] ${message}\n`);
}

async function main() {
  // The AWS SDK warns, for every client, that it will need Node 22 from 2027 (DESIGN.md picks
  // Node 22 for Lambda): noise in the bench's output.
  process.removeAllListeners('warning');
  process.on(
    'warning',
    (w) => !/NodeVersionSupport/.test(`${w.name} ${w.message}`) && console.warn(w),
  );
  const machine = describeMachine();
  progress(`${machine.cores} × ${machine.cpu}, load ${machine.loadStart.toFixed(2)}`);
  installDynamoMeter();
  const dynamo = await startDynamoLocal();
  try {
    progress(`cold start: serverless package, then ${SIZES.coldRounds} rounds of fresh processes`);
    const cold = await measureColdStart(dynamo.endpoint, SIZES.coldRounds);
    progress('search: latency and relevance');
    const search = measureSearch(SIZES.searchRepeats);
    progress(`warm: ${SIZES.warm.rounds} rounds through the handlers, then the memory soak`);
    const handlers = await startHandlers(dynamo.endpoint);
    const warm = await measureWarm(handlers, SIZES.warm);
    progress(`daily burst: ${SIZES.burst.people} people`);
    const burst = await measureBurst(handlers, SIZES.burst);
    await handlers.stop();
    progress('scheduled rounds: a week with 1 and with 10 channels');
    const rounds = await measureRoundCosts(dynamo.endpoint, SIZES.weekPeople);
    progress(`fan-out: ${SIZES.fanOut.channels} channels`);
    const fanOut = await measureFanOut(dynamo.endpoint, SIZES.fanOut);
    const file = quick ? 'BENCHMARKS.quick.md' : 'BENCHMARKS.md';
    const figures = { cold, search, warm, burst, rounds, fanOut };
    writeFileSync(file, renderReport(machine, Date.now() - started, figures));
    progress(`done: ${file} written`);
  } finally {
    await dynamo.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
