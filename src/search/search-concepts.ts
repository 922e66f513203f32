import Fuse, { type FuseIndex } from 'fuse.js';
import type { Content } from '../content/content.js';
import type { Note, SearchDoc, TextIndex } from '../content/types.js';
import { editDistance, letterMask, typoBudget, withinLetters } from './edit-distance.js';
import { contentWords, normalizeText, squash } from './normalize.js';
import { NAME_KEYS, splitHyphens } from './search-docs.js';
import { stem } from './stem.js';

/** A note, how well it ranked, and how much of the query its defining words explain (0–1). */
export interface SearchHit {
  note: Note;
  score: number;
  coverage: number;
}

export interface ConceptSearch {
  /** Notes that answer the query, best first; empty when none does: the tutor says so. */
  search(query: string, limit?: number): SearchHit[];
  /** When `search` found nothing: notes plausibly related to the query, or none at all. */
  suggest(query: string, limit?: number): Note[];
  /** Choices for an autocomplete box (Discord allows at most 25), all related to the input. */
  autocomplete(query: string, limit?: number): Note[];
  /** Every note the query touches, best first, whatever its coverage: for tuning and reports. */
  explain(query: string, limit?: number): SearchHit[];
}

/** Queries are cut to this many characters: no concept needs more, and cost grows with length. */
export const MAX_QUERY_LENGTH = 200;

/** The knobs of relevance, tuned on the relevance suite (docs/ARCHITECTURE.md, Search). */
export interface SearchTuning {
  /** A note is the answer only when its defining words explain this share of the query. */
  cardCoverage: number;
  /** A note this related (but not enough for a card) may be offered as a button. */
  relatedCoverage: number;
  /** A word found only in a note's body counts this much towards coverage. */
  bodyCredit: number;
  /** A word the tutor has never seen weighs this many times the rarest known word. */
  unknownWeight: number;
  /** How much coverage, besides BM25, decides the order of the notes that qualify. */
  coverageRank: number;
}

export const SEARCH_TUNING: SearchTuning = {
  cardCoverage: 0.5,
  relatedCoverage: 0.34,
  bodyCredit: 0.7,
  unknownWeight: 1,
  coverageRank: 3,
};

// BM25 constants: k1 caps how much repeating a word helps; b evens out note length.
const K1 = 1.2;
const B = 0.5;

interface QueryWord {
  /** Index terms the word may stand for (itself, or typo neighbours), with a likeness factor. */
  expansions: [string, number][];
  /** How much the word means: its IDF among the defining words, or the most when unknown. */
  weight: number;
}

/**
 * Concept search in two layers: a note qualifies when its defining words (names, aliases,
 * keywords, learner questions) explain enough of the query, and qualifying notes are ranked by
 * BM25 over those words and, with less weight, over the rest of the note. All prebuilt.
 */
export function createSearch(
  content: Content,
  tuning: SearchTuning = SEARCH_TUNING,
): ConceptSearch {
  const { searchDocs, nameIndex, definingIndex, bodyIndex, vocabulary } = content.bundle;
  const parsedNames = Fuse.parseIndex<SearchDoc>(nameIndex as FuseIndex<SearchDoc>);
  const names = new Fuse(
    searchDocs,
    { keys: NAME_KEYS, includeScore: true, ignoreLocation: true, threshold: 0.3 },
    parsedNames,
  );
  const vocabularyByLength = new Map<number, { term: string; mask: number }[]>();
  for (const term of vocabulary) {
    const list = vocabularyByLength.get(term.length) ?? [];
    list.push({ term, mask: letterMask(term) });
    vocabularyByLength.set(term.length, list);
  }
  const byName = new Map<string, number>();
  searchDocs.forEach((doc, i) => {
    for (const name of doc.names) if (!byName.has(name)) byName.set(name, i);
  });
  const nameList = [...byName.keys()].map((name) => ({ name, mask: letterMask(name) }));
  const docCount = searchDocs.length;
  const idf = (df: number) => Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
  const maxIdf = idf(0);

  /** The note a squashed name belongs to: exactly, or within a typo budget ("lamdbafnction"). */
  function nameMatch(name: string): { doc: number; factor: number } | undefined {
    const exact = byName.get(name);
    if (exact !== undefined) return { doc: exact, factor: 1 };
    const budget = typoBudget(name.length);
    if (budget === 0) return undefined;
    let best: { doc: number; factor: number } | undefined;
    const mask = letterMask(name);
    for (const { name: candidate, mask: other } of nameList) {
      if (!withinLetters(mask, other, budget)) continue;
      const distance = editDistance(name, candidate, budget);
      const factor = 1 - distance / (name.length + 1);
      if (distance <= budget && (!best || factor > best.factor)) {
        best = { doc: byName.get(candidate) as number, factor };
      }
    }
    return best;
  }

  /** Index terms for a term: itself, or the vocabulary words within its typo budget. */
  function expand(term: string): [string, number][] {
    if (definingIndex.postings[term] || bodyIndex.postings[term]) return [[term, 1]];
    const budget = typoBudget(term.length);
    const out: [string, number][] = [];
    const mask = letterMask(term);
    for (let length = term.length - budget; length <= term.length + budget; length++) {
      for (const { term: candidate, mask: other } of vocabularyByLength.get(length) ?? []) {
        // Most words differ in too many letters to be a typo: skip them before the full check.
        if (!withinLetters(mask, other, budget)) continue;
        const distance = editDistance(term, candidate, budget);
        if (distance <= budget) out.push([candidate, 1 - distance / (term.length + 1)]);
      }
    }
    return out.sort((a, b) => b[1] - a[1]).slice(0, 3);
  }

  /** A query word's expansions, trying its stem first and then the word as typed. */
  function analyse(word: string): QueryWord {
    const stemmed = stem(word);
    let expansions = expand(stemmed);
    if (stemmed !== word && expansions[0]?.[1] !== 1) {
      // A typo can defeat the stemmer ("serverles" stems to "serverl"): try the word too.
      expansions = [...expansions, ...expand(word)].sort((a, b) => b[1] - a[1]).slice(0, 3);
    }
    let weight = expansions.length === 0 ? tuning.unknownWeight * maxIdf : maxIdf;
    for (const [term, factor] of expansions) {
      const df = definingIndex.postings[term]?.length;
      if (df) weight = Math.min(weight, idf(df) / factor);
    }
    return { expansions, weight };
  }

  /**
   * Per note, how strongly `word` appears in `index`: its likeness, scaled by how prominently
   * the note uses it (a word only in a "don't confuse with" line is about a neighbour).
   */
  function matches(index: TextIndex, word: QueryWord, full: number): Map<number, number> {
    const found = new Map<number, number>();
    for (const [term, factor] of word.expansions) {
      for (const [doc, tf] of index.postings[term] ?? []) {
        const strength = factor * Math.min(1, tf / full);
        found.set(doc, Math.max(found.get(doc) ?? 0, strength));
      }
    }
    return found;
  }

  /** BM25 of the query over one index, scaled so that a perfect match is about 1. */
  function bm25(index: TextIndex, words: QueryWord[], add: (doc: number, v: number) => void) {
    let ceiling = 0;
    const raw = new Map<number, number>();
    for (const word of words) {
      let best = 0;
      for (const [term, factor] of word.expansions) {
        const postings = index.postings[term] ?? [];
        const weight = idf(postings.length) * factor;
        best = Math.max(best, weight);
        for (const [doc, tf] of postings) {
          const norm = K1 * (1 - B + (B * (index.docLengths[doc] ?? 0)) / index.averageLength);
          raw.set(doc, (raw.get(doc) ?? 0) + (weight * tf * (K1 + 1)) / (tf + norm));
        }
      }
      ceiling += (best || maxIdf) * (K1 + 1);
    }
    for (const [doc, value] of raw) add(doc, value / ceiling);
  }

  /** Every note the query touches, with its coverage and ranking score. */
  function rank(query: string): { doc: number; score: number; coverage: number }[] {
    const normalized = normalizeText(query.slice(0, MAX_QUERY_LENGTH));
    const queryWords = contentWords(normalized);
    const whole = squash(normalized);
    // Only stop words: nothing to find, unless together they name something ("amazon q").
    if (queryWords.length === 0 && !byName.has(whole)) return [];
    const words = [...new Set(queryWords.flatMap(splitHyphens))].map(analyse);
    const total = words.reduce((sum, w) => sum + w.weight, 0) || 1;
    const explained = new Map<number, number>();
    for (const word of words) {
      const defining = matches(definingIndex, word, 1);
      const body = matches(bodyIndex, word, 1);
      for (const doc of new Set([...defining.keys(), ...body.keys()])) {
        const credit = Math.max(defining.get(doc) ?? 0, tuning.bodyCredit * (body.get(doc) ?? 0));
        explained.set(doc, (explained.get(doc) ?? 0) + word.weight * credit);
      }
    }
    const scores = new Map<number, number>();
    const add = (doc: number, value: number) => scores.set(doc, (scores.get(doc) ?? 0) + value);
    bm25(definingIndex, words, (doc, v) => add(doc, 2 * v));
    bm25(bodyIndex, words, (doc, v) => add(doc, 0.5 * v));
    const coverage = new Map<number, number>();
    for (const [doc, value] of explained) coverage.set(doc, value / total);

    // The whole query as a name, typos allowed: "cloud front", "dynamo db", "lamdba fnction";
    // stop words and single letters count here ("amazon q", "internet of things").
    const named = byName.has(whole) ? nameMatch(whole) : nameMatch(squash(queryWords.join('')));
    if (named) {
      add(named.doc, 3 * named.factor);
      coverage.set(named.doc, Math.max(coverage.get(named.doc) ?? 0, named.factor));
    }
    // An alias or keyword of several words, whole, inside the query: "rotate database passwords".
    searchDocs.forEach((doc, i) => {
      if (doc.phrases.some((p) => whole.includes(p))) add(i, 1);
    });
    return [...coverage]
      .map(([doc, cover]) => ({
        doc,
        coverage: cover,
        score: (scores.get(doc) ?? 0) + tuning.coverageRank * cover,
      }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  function search(query: string, limit = 3): SearchHit[] {
    return rank(query)
      .filter((r) => r.coverage >= tuning.cardCoverage)
      .slice(0, limit)
      .map((r) => ({ note: content.notes[r.doc] as Note, score: r.score, coverage: r.coverage }));
  }

  function suggest(query: string, limit = 3): Note[] {
    const related = rank(query)
      .filter((r) => r.coverage >= tuning.relatedCoverage)
      .map((r) => content.notes[r.doc] as Note);
    // A concept named inside the query ("redshift leader node slices") is related to it.
    const words = contentWords(normalizeText(query.slice(0, MAX_QUERY_LENGTH)));
    const named = words
      .flatMap((w, i) => [w, `${w}${words[i + 1] ?? ''}`])
      .map((w) => byName.get(squash(w)))
      .filter((doc): doc is number => doc !== undefined)
      .map((doc) => content.notes[doc] as Note);
    // A name typed almost right ("elastik beanstock") that the word index could not place.
    const text = normalizeText(query.slice(0, MAX_QUERY_LENGTH));
    const near = text
      ? names.search(text, { limit }).map((r) => content.notes[r.refIndex] as Note)
      : [];
    return [...new Set([...named, ...related, ...near])].slice(0, limit);
  }

  function autocomplete(query: string, limit = 25): Note[] {
    const text = normalizeText(query.slice(0, MAX_QUERY_LENGTH));
    if (!text) {
      return [...content.notes].sort((a, b) => a.title.localeCompare(b.title)).slice(0, limit);
    }
    // What is being typed: names that start with it ("cloud" → CloudFront, CloudTrail…).
    // Shortest name first: "lam" offers Lambda before Lambda@Edge.
    const prefix = squash(text);
    const started =
      prefix.length < 2
        ? []
        : searchDocs
            .map((doc, i) => ({
              i,
              length: Math.min(
                ...doc.names.filter((n) => n.startsWith(prefix)).map((n) => n.length),
              ),
            }))
            .filter((d) => Number.isFinite(d.length))
            .sort((a, b) => a.length - b.length || a.i - b.i)
            .map((d) => content.notes[d.i] as Note);
    // A name being typed comes before a card the words happen to match.
    const found = search(query, limit).map((h) => h.note);
    return [...new Set([...started, ...found, ...suggest(query, limit)])].slice(0, limit);
  }

  function explain(query: string, limit = 10): SearchHit[] {
    return rank(query)
      .slice(0, limit)
      .map((r) => ({ note: content.notes[r.doc] as Note, score: r.score, coverage: r.coverage }));
  }

  return { search, suggest, autocomplete, explain };
}
