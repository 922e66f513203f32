import { getContent } from '../src/content/default-content.js';
import { createSearch } from '../src/search/search-concepts.js';
import { ALL_CASES } from '../test/search/relevance-queries.js';
import { type Summary, summarize } from './stats.js';

export interface SearchFigures {
  /** Building the search from the compiled content, once per cold start. */
  createMs: number;
  queries: number;
  search: Summary & { qps: number };
  autocomplete: Summary & { qps: number };
  relevance: { cases: number; top1: number; top3: number; mrr: number; misses: string[] };
}

/**
 * What people type, over the whole content: the relevance suite, every note's title and
 * aliases, each of those with a typo (a letter dropped), and `x vs y` comparisons.
 */
function queryMix(): string[] {
  const notes = getContent().notes;
  const names = notes.flatMap((n) => [n.title, ...n.aliases]);
  const typos = names.map((n) => (n.length > 4 ? n.slice(0, 2) + n.slice(3) : n));
  const compares = notes
    .slice(0, 20)
    .map((n, i) => `${n.title} vs ${notes[i + 1]?.title ?? 'ec2'}`);
  return [...ALL_CASES.map((c) => c.query), ...names, ...typos, ...compares];
}

/** Runs `one` over `inputs` again and again for `forMs`, timing each call. */
function timeFor(inputs: string[], forMs: number, one: (input: string) => unknown) {
  const samples: number[] = [];
  const started = performance.now();
  let elapsed = 0;
  for (let i = 0; elapsed < forMs; i++) {
    const t = performance.now();
    one(inputs[i % inputs.length] as string);
    samples.push(performance.now() - t);
    elapsed = performance.now() - started;
  }
  return { ...summarize(samples), qps: samples.length / (elapsed / 1000) };
}

/** Throughput and tail latency of search and autocomplete in one process, and relevance. */
export function runSearchBench(forMs = 3000): SearchFigures {
  const content = getContent();
  const t = performance.now();
  const search = createSearch(content);
  const createMs = performance.now() - t;
  const queries = queryMix();
  // Warm-up: let the JIT settle, as on a warm Lambda.
  for (const q of queries) search.search(q);
  const searchFigures = timeFor(queries, forMs, (q) => search.search(q));
  const prefixes = queries.map((q) => q.slice(0, 3));
  const autocompleteFigures = timeFor(prefixes, forMs / 2, (q) => search.autocomplete(q, 25));

  let top1 = 0;
  let top3 = 0;
  let reciprocal = 0;
  const misses: string[] = [];
  for (const c of ALL_CASES) {
    const ids = search.search(c.query, 10).map((h) => h.note.id);
    const rank = ids.indexOf(c.expected) + 1;
    if (rank === 1) top1++;
    else misses.push(`"${c.query}" → ${ids[0] ?? 'nothing'} (wanted ${c.expected})`);
    if (rank >= 1 && rank <= 3) top3++;
    if (rank >= 1) reciprocal += 1 / rank;
  }
  const cases = ALL_CASES.length;
  return {
    createMs,
    queries: queries.length,
    search: searchFigures,
    autocomplete: autocompleteFigures,
    relevance: { cases, top1: top1 / cases, top3: top3 / cases, mrr: reciprocal / cases, misses },
  };
}
