import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One module to load in fresh processes, and optionally a first event for its handler. */
export interface ColdTarget {
  label: string;
  module: string;
  env: Record<string, string>;
  /** Built afresh for each process: signatures carry a timestamp. */
  event?: () => unknown;
}

export interface ColdSample {
  /** `import()` of the module, start to resolved. */
  loadMs: number;
  /** Process start (Node's time origin) to the module loaded: includes Node's own start-up. */
  processToLoadedMs: number;
  /** Import plus the handler's answer to the first event, when there is one. */
  firstAnswerMs?: number;
  status?: unknown;
}

/**
 * What runs in each fresh process. `process.exit` at once: a handler may leave timers or
 * sockets (Bolt's `auth.test`, SDK keep-alive) that would only add noise to the next run.
 */
const CHILD = `
const t0 = performance.now();
const mod = await import(process.env.BENCH_MODULE);
const loaded = performance.now();
const out = { loadMs: loaded - t0, processToLoadedMs: loaded };
if (process.env.BENCH_EVENT) {
  try {
    const result = await mod.handler(JSON.parse(process.env.BENCH_EVENT), { awsRequestId: 'bench' });
    out.firstAnswerMs = performance.now() - t0;
    out.status = result && typeof result === 'object' && 'statusCode' in result ? result.statusCode : 'ok';
  } catch (error) {
    out.status = String(error);
  }
}
process.stdout.write('\\nBENCH ' + JSON.stringify(out) + '\\n');
process.exit(0);
`;

/** Loads `target` once in a new `node` process, with or without source maps. */
export async function coldRun(target: ColdTarget, sourceMaps: boolean): Promise<ColdSample> {
  const event = target.event?.();
  const { stdout } = await run(
    process.execPath,
    [...(sourceMaps ? ['--enable-source-maps'] : []), '--input-type=module', '-e', CHILD],
    {
      // Only what the target needs: nothing from the shell running the bench leaks in.
      env: {
        PATH: process.env.PATH ?? '',
        ...target.env,
        BENCH_MODULE: pathToFileURL(target.module).href,
        ...(event === undefined ? {} : { BENCH_EVENT: JSON.stringify(event) }),
      },
      timeout: 30_000,
    },
  );
  // Handlers log JSON lines to stdout too; the figures are the line marked BENCH.
  const line = stdout.split('\n').find((l) => l.startsWith('BENCH '));
  if (!line) throw new Error(`${target.label} printed no figures:\n${stdout.slice(-2000)}`);
  return JSON.parse(line.slice('BENCH '.length)) as ColdSample;
}

/**
 * `rounds` fresh processes per target and mode, taken round-robin (every target once, then
 * again), so a busy moment on the machine lands on all targets alike rather than on one.
 */
export async function measureCold(
  targets: ColdTarget[],
  options: { rounds: number; sourceMaps: boolean[]; onRound?: (round: number) => void },
): Promise<Map<string, ColdSample[]>> {
  const samples = new Map<string, ColdSample[]>();
  for (let round = 0; round < options.rounds; round++) {
    for (const sourceMaps of options.sourceMaps) {
      for (const target of targets) {
        const key = `${target.label}|${sourceMaps ? 'maps' : 'plain'}`;
        const list = samples.get(key) ?? [];
        list.push(await coldRun(target, sourceMaps));
        samples.set(key, list);
      }
    }
    options.onRound?.(round + 1);
  }
  return samples;
}
