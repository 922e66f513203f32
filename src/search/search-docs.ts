import Fuse from 'fuse.js';
import type { Note, SearchDoc, TextIndex } from '../content/types.js';
import { contentWords, normalizeText, squash } from './normalize.js';
import { stem } from './stem.js';

/**
 * Fuse keys for name matching: a title match beats an alias. Only short strings go into Fuse,
 * which keeps fuzzy matching of typos fast; longer text is searched through the word indexes.
 */
export const NAME_KEYS = [
  { name: 'title', weight: 3 },
  { name: 'aliases', weight: 2 },
];

/** How much a word counts, by where in the note it appears. */
const DEFINING_WEIGHTS = { title: 3, aliases: 3, keywords: 2, asks: 1 };
const BODY_WEIGHTS = { summary: 1, keyPoints: 0.5, confuse: 0.2 };

const VENDOR_PREFIX = /^(amazon|aws)\s+/i;

/** What name search sees of a note. */
export function toSearchDoc(note: Note): SearchDoc {
  const bare = note.title.replace(VENDOR_PREFIX, '').replace(/\s*\(.*\)\s*$/, '');
  const names = new Set([note.id, note.title, bare, ...note.aliases].map(squash).filter(Boolean));
  const phrases = new Set(
    [...note.aliases, ...note.keywords]
      .filter((p) => contentWords(normalizeText(p)).length >= 2)
      .map(squash),
  );
  return {
    id: note.id,
    title: note.title,
    aliases: note.aliases,
    names: [...names],
    phrases: [...phrases],
  };
}

/** The words of `text` as index terms: "well-architected" is "well", "architect" and both joined. */
export function terms(text: string): string[] {
  return contentWords(normalizeText(text)).flatMap(splitHyphens).map(stem);
}

/** A hyphenated word, its parts, and its parts joined, so every way of writing it meets. */
export function splitHyphens(word: string): string[] {
  if (!word.includes('-')) return [word];
  const parts = word.split('-').filter((p) => p.length > 1);
  return [...parts, word.replace(/-/g, '')];
}

/** A weighted inverted index of one kind of field over every note. */
function buildIndex(notes: Note[], fields: (note: Note) => [string, number][]): TextIndex {
  const postings: Record<string, [number, number][]> = {};
  const docLengths = notes.map((note, doc) => {
    const weights = new Map<string, number>();
    for (const [text, weight] of fields(note)) {
      for (const term of terms(text)) weights.set(term, (weights.get(term) ?? 0) + weight);
    }
    let length = 0;
    for (const [term, weight] of weights) {
      const list = postings[term] ?? [];
      list.push([doc, Math.round(weight * 10) / 10]);
      postings[term] = list;
      length += weight;
    }
    return Math.round(length);
  });
  return {
    postings,
    docLengths,
    averageLength: docLengths.reduce((a, b) => a + b, 0) / Math.max(1, docLengths.length),
  };
}

/**
 * The indexes search needs, built once at build time: names for exact and fuzzy lookups, the
 * defining words of each note (what may make a match), and the rest of its text (for ranking).
 */
export function buildSearchIndexes(notes: Note[]) {
  const docs = notes.map(toSearchDoc);
  const definingIndex = buildIndex(notes, (n) => [
    [`${n.title} ${n.id.replace(/-/g, ' ')}`, DEFINING_WEIGHTS.title],
    [n.aliases.join(' '), DEFINING_WEIGHTS.aliases],
    [n.keywords.join(' '), DEFINING_WEIGHTS.keywords],
    [n.asks.join(' '), DEFINING_WEIGHTS.asks],
  ]);
  const bodyIndex = buildIndex(notes, (n) => [
    [n.summary, BODY_WEIGHTS.summary],
    [n.keyPoints.join(' '), BODY_WEIGHTS.keyPoints],
    [n.confuse ?? '', BODY_WEIGHTS.confuse],
  ]);
  const vocabulary = [
    ...new Set([...Object.keys(definingIndex.postings), ...Object.keys(bodyIndex.postings)]),
  ].sort();
  return {
    searchDocs: docs,
    nameIndex: Fuse.createIndex(
      NAME_KEYS.map((k) => k.name),
      docs,
    ).toJSON(),
    definingIndex,
    bodyIndex,
    vocabulary,
  };
}
