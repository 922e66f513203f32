import { loadContent } from '../src/content/default-content.js';
import { type ConceptSearch, createSearch } from '../src/search/search-concepts.js';
import { HELD_OUT, HELD_OUT_OFF_TOPIC } from '../test/search/held-out.js';
import { IN_SCOPE } from '../test/search/in-scope.js';
import { OFF_TOPIC } from '../test/search/off-topic-queries.js';
import { PARAPHRASES } from '../test/search/paraphrases/index.js';
import type { RelevanceCase } from '../test/search/relevance-queries.js';
import { percent } from './format.js';
import { median, type Summary, summarize } from './stats.js';

const compiled = await loadContent();

/** What test/search/relevance.test.ts demands of a suite, as shares of its queries. */
interface Floor {
  right?: number;
  maxWrong?: number;
  refused?: number;
}

/** One suite of test/search: the share shown the right card, a wrong one, or none. */
export interface SuiteFigures {
  name: string;
  file: string;
  /** The floor, in words, and whether this run is above it. */
  floor: string;
  met: boolean;
  queries: number;
  right: number;
  wrong: number;
  refused: number;
}

export interface SearchFigures {
  /** Building the search from the compiled content, once per cold start. */
  createMs: number;
  queries: number;
  search: Summary;
  /** The slowest queries by their median, for whoever looks into the tail. */
  slowest: { query: string; ms: number }[];
  autocomplete: Summary;
  suites: SuiteFigures[];
}

/**
 * Each input timed `repeats` times, round-robin over all of them; its median is its cost, so a
 * moment when another process had the CPU is not counted as an input's cost.
 */
function costPerInput(inputs: string[], repeats: number, one: (input: string) => unknown) {
  const samples = inputs.map(() => [] as number[]);
  for (let r = 0; r < repeats; r++) {
    for (const [i, input] of inputs.entries()) {
      const t = performance.now();
      one(input);
      samples[i]?.push(performance.now() - t);
    }
  }
  return samples.map(median);
}

/** How the card shown for each query compares with the one expected (none, for off-topic). */
function score(
  search: ConceptSearch,
  [name, file, floor]: [string, string, Floor],
  cases: RelevanceCase[],
): SuiteFigures {
  const shown = cases.map((c) => ({ c, card: search.search(c.query, 1)[0]?.note.id }));
  const share = (n: number) => n / cases.length;
  const right = share(shown.filter((s) => s.card !== undefined && s.card === s.c.expected).length);
  const wrong = share(shown.filter((s) => s.card !== undefined && s.card !== s.c.expected).length);
  const refused = share(shown.filter((s) => s.card === undefined).length);
  const words = [
    floor.right === undefined ? '' : `≥ ${percent(floor.right)} right`,
    floor.maxWrong === undefined ? '' : `≤ ${percent(floor.maxWrong)} wrong`,
    floor.refused === undefined
      ? ''
      : floor.refused === 1
        ? 'all refused'
        : `≥ ${percent(floor.refused)} refused`,
  ];
  return {
    name,
    file,
    floor: words.filter(Boolean).join(', '),
    met:
      right >= (floor.right ?? 0) &&
      wrong <= (floor.maxWrong ?? 1) &&
      refused >= (floor.refused ?? 0),
    queries: cases.length,
    right,
    wrong,
    refused,
  };
}

/** Latency of search and autocomplete in one warm process, and relevance on each suite. */
export function measureSearch(repeats: number): SearchFigures {
  const t = performance.now();
  const search = createSearch(compiled);
  const createMs = performance.now() - t;
  const offTopic = (queries: string[]) => queries.map((query) => ({ query, expected: '' }));
  const queries = [...IN_SCOPE, ...HELD_OUT].map((c) => c.query);
  queries.push(...OFF_TOPIC, ...HELD_OUT_OFF_TOPIC);
  const prefixes = [...new Set(queries.map((q) => q.slice(0, 3)))];
  // Warm-up: let the JIT settle, as on a warm Lambda.
  for (const q of queries) search.search(q);
  const costs = costPerInput(queries, repeats, (q) => search.search(q));
  return {
    createMs,
    queries: queries.length,
    search: summarize(costs),
    slowest: queries
      .map((query, i) => ({ query, ms: costs[i] ?? 0 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3),
    autocomplete: summarize(costPerInput(prefixes, repeats, (q) => search.autocomplete(q, 25))),
    suites: [
      score(search, ['in scope (all)', 'in-scope.ts', { right: 0.95 }], IN_SCOPE),
      score(search, ["reviewers' paraphrases", 'paraphrases/', { right: 0.95 }], PARAPHRASES),
      score(search, ['held out', 'held-out.ts', { right: 0.88, maxWrong: 0.05 }], HELD_OUT),
      score(
        search,
        ['held out, off topic', 'held-out.ts', { refused: 36 / 40 }],
        offTopic(HELD_OUT_OFF_TOPIC),
      ),
      score(search, ['off topic', 'off-topic-queries.ts', { refused: 1 }], offTopic(OFF_TOPIC)),
    ],
  };
}
