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
/** A best score this high needs no fuzzy name search on top. */
const CONVINCING = 1;

// BM25 constants: k1 caps how much repeating a word helps; b evens out note length.
const K1 = 1.2;
const B = 0.5;

/**
 * Concept search. Three signals are added up:
 * - an exact name (id, title or alias; case and spacing ignored, so "cloud front" is CloudFront),
 *   over the whole query or any run of up to four of its words;
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
  const docCount = searchDocs.length;
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

  function textScores(queryWords: string[], add: (doc: number, value: number) => void) {
    const queryTerms = [...new Set(queryWords.map(stem))];
    const raw = new Map<number, number>();
    let ceiling = 0;
    for (const term of queryTerms) {
      const expanded = expand(term);
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

    const claimed = new Set<number>();
    for (let size = Math.min(4, queryWords.length); size >= 1; size--) {
      for (let start = 0; start + size <= queryWords.length; start++) {
        const span = Array.from({ length: size }, (_, i) => start + i);
        if (span.some((i) => claimed.has(i))) continue;
        const doc = byName.get(squash(queryWords.slice(start, start + size).join('')));
        if (doc === undefined) continue;
        for (const i of span) claimed.add(i);
        add(doc, size === queryWords.length ? 3 : (1.5 * size) / queryWords.length);
      }
    }
    textScores(queryWords, add);
    // Fuse over the names is the slower, wider net: only cast it when nothing above convinced.
    // Not for single words: those already had a typo-tolerant lookup, and Fuse rates a
    // nonsense word that half-matches many aliases ("banana" ~ "load balancer") too well.
    const best = Math.max(0, ...scores.values());
    if (best < CONVINCING && queryWords.length >= 2 && queryWords.length <= 4) {
      for (const r of names.search(queryWords.join(' '), { limit: 5 })) {
        add(r.refIndex, 1.2 * (1 - (r.score ?? 1)));
      }
    }

    return [...scores]
      .filter(([, score]) => score >= MIN_SCORE)
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
