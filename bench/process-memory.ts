import { readdirSync, readFileSync } from 'node:fs';

export interface MemorySample {
  atMs: number;
  /** Resident memory of every process in the group, in bytes. */
  totalRss: number;
  /** The largest process in the group (serverless-offline, with its worker threads). */
  largestRss: number;
  largestCommand: string;
  /** Threads of the largest process: serverless-offline runs each handler instance in one. */
  largestThreads: number;
}

/** Resident memory of each process in process group `pgid`, from /proc (Linux only). */
export function sampleGroup(pgid: number, atMs: number): MemorySample {
  let totalRss = 0;
  let largestRss = 0;
  let largestCommand = '';
  let largestThreads = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the parenthesised command name: state, ppid, pgrp, …
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgrp !== pgid) continue;
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      totalRss += rss;
      if (rss > largestRss) {
        largestRss = rss;
        largestThreads = Number(/Threads:\s+(\d+)/.exec(status)?.[1] ?? 0);
        largestCommand = readFileSync(`/proc/${entry}/cmdline`, 'utf8')
          .split('\0')
          .join(' ')
          .trim()
          .slice(0, 120);
      }
    } catch {
      // The process ended between listing and reading.
    }
  }
  return { atMs, totalRss, largestRss, largestCommand, largestThreads };
}

/** Samples the group every `everyMs` until stopped. */
export function watchGroup(pgid: number, everyMs = 1000) {
  const started = Date.now();
  const samples: MemorySample[] = [sampleGroup(pgid, 0)];
  const timer = setInterval(() => samples.push(sampleGroup(pgid, Date.now() - started)), everyMs);
  return {
    samples,
    stop: () => {
      clearInterval(timer);
      samples.push(sampleGroup(pgid, Date.now() - started));
      return samples;
    },
  };
}
