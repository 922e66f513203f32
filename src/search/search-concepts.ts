import Fuse, { type FuseIndex } from 'fuse.js';
import type { Content } from '../content/content.js';
import type { Note, SearchDoc } from '../content/types.js';
import { editDistance, typoBudget } from './edit-distance.js';
import { contentWords, normalizeText, squash } from './normalize.js';
import { NAME_KEYS } from './search-docs.js';
import { stem } from './stem.js';

/** A note and how well it matched: about 0.3 (barely) to 4 (its exact name). */
export interface SearchHit {
  note: Note;
  score: number;
}

export interface ConceptSearch {
  /** The best matches, best first; empty when nothing is a convincing match. */
  search(query: string, limit?: number): SearchHit[];
  /** The nearest concept names, for "did you mean …" when `search` found nothing. */
  suggest(query: string, limit?: number): Note[];
  /** Choices for an autocomplete box (Discord allows at most 25). */
  autocomplete(query: string, limit?: number): Note[];
}

/** Queries are cut to this many characters: no concept needs more, and cost grows with length. */
export const MAX_QUERY_LENGTH = 200;
/** A hit must score at least this to be shown as an answer rather than as "did you mean". */
export const MIN_SCORE = 0.35;
/** The bar for a one-word query that is not a concept's name. */
const MIN_SINGLE_WORD_SCORE = 1;
/** A best score this high needs no fuzzy name search on top. */
const CONVINCING = 1;

// BM25 constants: k1 caps how much repeating a word helps; b evens out note length.
const K1 = 1.2;
const B = 0.5;

/**
 * Concept search. Three signals are added up:
 * - the whole query as a name (id, title or alias; case and spacing ignored, so "cloud front"
 *   is CloudFront), exactly or within a small typo budget;
 * - a BM25 score over the words of every note, typo-tolerant word by word ("lamda",
 *   "availibility zone") and good at plain-English questions ("run containers without
 *   managing servers");
 * - when those are not convincing, a fuzzy match of the names through Fuse.
 * Everything it needs is prebuilt into the content bundle, so creating it costs little.
 */
export function createSearch(content: Content): ConceptSearch {
  const { searchDocs, nameIndex, textIndex, vocabulary } = content.bundle;
  const parsedNames = Fuse.parseIndex<SearchDoc>(nameIndex as FuseIndex<SearchDoc>);
  const names = new Fuse(
    searchDocs,
    { keys: NAME_KEYS, includeScore: true, ignoreLocation: true, threshold: 0.34 },
    parsedNames,
  );
  let looseNames: Fuse<SearchDoc> | undefined;
  const vocabularyByLength = new Map<number, string[]>();
  for (const term of vocabulary) {
    const list = vocabularyByLength.get(term.length) ?? [];
    list.push(term);
    vocabularyByLength.set(term.length, list);
  }
  const byName = new Map<string, number>();
  searchDocs.forEach((doc, i) => {
    for (const name of doc.names) if (!byName.has(name)) byName.set(name, i);
  });
  const nameList = [...byName.keys()];
  const docCount = searchDocs.length;

  function exactName(name: string): { doc: number; factor: number } | undefined {
    const doc = byName.get(name);
    return doc === undefined ? undefined : { doc, factor: 1 };
  }

  /** The note a squashed name belongs to: exactly, or within a typo budget ("lamdbafnction"). */
  function nameMatch(name: string): { doc: number; factor: number } | undefined {
    const exact = exactName(name);
    if (exact) return exact;
    const budget = typoBudget(name.length);
    if (budget === 0) return undefined;
    let best: { doc: number; factor: number } | undefined;
    for (const candidate of nameList) {
      const distance = editDistance(name, candidate, budget);
      const factor = 1 - distance / (name.length + 1);
      if (distance <= budget && (!best || factor > best.factor)) {
        best = { doc: byName.get(candidate) as number, factor };
      }
    }
    return best;
  }
  const maxIdf = idf(1);

  function idf(df: number): number {
    return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
  }

  /**
   * Index terms for a query word: itself, or the vocabulary words within its typo budget,
   * discounted by distance. A bounded edit distance over words of similar length measured
   * ~20x faster than Fuse over the vocabulary, which kept a search over a millisecond.
   */
  function expand(term: string): [string, number][] {
    if (textIndex.postings[term]) return [[term, 1]];
    const budget = typoBudget(term.length);
    const out: [string, number][] = [];
    for (let length = term.length - budget; length <= term.length + budget; length++) {
      for (const candidate of vocabularyByLength.get(length) ?? []) {
        const distance = editDistance(term, candidate, budget);
        if (distance <= budget) out.push([candidate, 1 - distance / (term.length + 1)]);
      }
    }
    return out.sort((a, b) => b[1] - a[1]).slice(0, 3);
  }

  /** Index terms for a query word, trying its stem first and then the word as typed. */
  function lookup(word: string): [string, number][] {
    const stemmed = stem(word);
    const found = expand(stemmed);
    if (stemmed === word || found[0]?.[1] === 1) return found;
    // A typo can defeat the stemmer ("serverles" stems to "serverl"): try the word as typed
    // too, and keep the closer matches of the two.
    return [...found, ...expand(word)].sort((a, b) => b[1] - a[1]).slice(0, 3);
  }

  function textScores(queryWords: string[], add: (doc: number, value: number) => void) {
    const raw = new Map<number, number>();
    let ceiling = 0;
    for (const word of new Set(queryWords)) {
      const expanded = lookup(word);
      let best = 0;
      for (const [match, factor] of expanded) {
        const postings = textIndex.postings[match] ?? [];
        const weight = idf(postings.length) * factor;
        best = Math.max(best, weight);
        for (const [doc, tf] of postings) {
          const norm =
            K1 * (1 - B + (B * (textIndex.docLengths[doc] ?? 0)) / textIndex.averageLength);
          raw.set(doc, (raw.get(doc) ?? 0) + (weight * tf * (K1 + 1)) / (tf + norm));
        }
      }
      // A word that matches nothing still counts against every note: it is unexplained.
      ceiling += (best || maxIdf) * (K1 + 1);
    }
    for (const [doc, value] of raw) add(doc, (1.5 * value) / ceiling);
  }

  function search(query: string, limit = 3): SearchHit[] {
    const queryWords = contentWords(normalizeText(query.slice(0, MAX_QUERY_LENGTH)));
    if (queryWords.length === 0) return [];
    const scores = new Map<number, number>();
    const add = (doc: number, value: number) => scores.set(doc, (scores.get(doc) ?? 0) + value);

    // The whole query as a name (typos allowed): "cloud front", "dynamo db", "lamdba fnction".
    const named = nameMatch(squash(queryWords.join('')));
    if (named) add(named.doc, 3 * named.factor);
    textScores(queryWords, add);
    // Fuse over the names is the slower, wider net: only cast it when nothing above convinced.
    // Not for single words: those already had a typo-tolerant lookup, and Fuse rates a
    // nonsense word that half-matches many aliases ("banana" ~ "load balancer") too well.
    const best = Math.max(0, ...scores.values());
    if (best < CONVINCING && queryWords.length >= 2 && queryWords.length <= 4) {
      for (const r of names.search(queryWords.join(' '), { limit: 5 })) {
        // Fuse rates loose partial matches generously; only near-exact names count here.
        if ((r.score ?? 1) < 0.25) add(r.refIndex, 1 - (r.score ?? 1));
      }
    }

    // One word that is no concept's name ("cloudwatch", "rds") merely mentioned in passing
    // somewhere is not an answer: better "did you mean" than a wrong card.
    const floor = queryWords.length === 1 && !named ? MIN_SINGLE_WORD_SCORE : MIN_SCORE;
    return [...scores]
      .filter(([, score]) => score >= floor)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([doc, score]) => ({ note: content.notes[doc] as Note, score }));
  }

  function suggest(query: string, limit = 3): Note[] {
    const text = normalizeText(query.slice(0, MAX_QUERY_LENGTH));
    if (!text) return [];
    looseNames ??= new Fuse(
      searchDocs,
      { keys: NAME_KEYS, includeScore: true, ignoreLocation: true, threshold: 0.6 },
      parsedNames,
    );
    return looseNames.search(text, { limit }).map((r) => content.notes[r.refIndex] as Note);
  }

  function autocomplete(query: string, limit = 25): Note[] {
    if (!normalizeText(query)) {
      return [...content.notes].sort((a, b) => a.title.localeCompare(b.title)).slice(0, limit);
    }
    const found = search(query, limit).map((h) => h.note);
    const more = suggest(query, limit).filter((n) => !found.includes(n));
    return [...found, ...more].slice(0, limit);
  }

  return { search, suggest, autocomplete };
}
