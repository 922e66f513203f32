import { type MemorySample, sampleGroup } from './process-memory.js';

const MB = 1024 * 1024;

/** The dev server's memory over the soak, and once serverless-offline retired its instances. */
export interface MemoryFigures {
  /** Before serverless-offline started its pool of handler instances for the soak. */
  beforePoolMb: number;
  beforePoolThreads: number;
  samples: number;
  /** RSS about every 5 s: [seconds into the run, MB]. */
  series: [number, number][];
  startMb: number;
  peakMb: number;
  endMb: number;
  /**
   * Medians of the first, middle and last third of the run. The instances' heaps grow while they
   * warm up (the first third); growth that keeps on shows as the last third above the middle.
   */
  firstThirdMb: number;
  middleThirdMb: number;
  lastThirdMb: number;
  largest: string;
  threadsStart: number;
  threadsPeak: number;
  /** Once the idle handler instances were retired (or the wait ran out). */
  afterRetireMb: number;
  afterRetireThreads: number;
  retireWaitedMs: number;
}

/** Samples until the handler threads are gone again, or `maxMs` has passed. */
export async function waitForRetirement(pgid: number, threadsBefore: number, maxMs: number) {
  const started = Date.now();
  let sample = sampleGroup(pgid, 0);
  while (Date.now() - started < maxMs && sample.largestThreads > threadsBefore + 2) {
    await new Promise((r) => setTimeout(r, 2000));
    sample = sampleGroup(pgid, Date.now() - started);
  }
  // Let the freed memory settle back: worker teardown frees it a moment later.
  await new Promise((r) => setTimeout(r, 2000));
  sample = sampleGroup(pgid, Date.now() - started);
  return {
    afterRetireMb: sample.totalRss / MB,
    afterRetireThreads: sample.largestThreads,
    retireWaitedMs: Date.now() - started,
  };
}

/** Start, peak, end and thirds of the samples taken while the soak ran. */
export function summarizeMemory(
  samples: MemorySample[],
  before: MemorySample,
): Omit<MemoryFigures, 'afterRetireMb' | 'afterRetireThreads' | 'retireWaitedMs'> {
  const totals = samples.map((s) => s.totalRss / MB);
  const third = Math.max(1, Math.floor(totals.length / 3));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const peak = samples.reduce(
    (a, b) => (b.totalRss > a.totalRss ? b : a),
    samples[0] as MemorySample,
  );
  const threadsPeak = Math.max(...samples.map((s) => s.largestThreads));
  return {
    beforePoolMb: before.totalRss / MB,
    beforePoolThreads: before.largestThreads,
    samples: samples.length,
    series: samples
      .filter((_, i) => i % 5 === 0 || i === samples.length - 1)
      .map((sample) => [Math.round(sample.atMs / 1000), Math.round(sample.totalRss / MB)]),
    startMb: totals[0] ?? 0,
    peakMb: Math.max(...totals),
    endMb: totals[totals.length - 1] ?? 0,
    firstThirdMb: median(totals.slice(0, third)),
    middleThirdMb: median(totals.slice(third, totals.length - third)),
    lastThirdMb: median(totals.slice(-third)),
    largest: `${Math.round(peak.largestRss / MB)} MB: ${peak.largestCommand}`,
    threadsStart: samples[0]?.largestThreads ?? 0,
    threadsPeak,
  };
}
