import Fuse from 'fuse.js';
import type { Note, SearchDoc, TextIndex } from '../content/types.js';
import { contentWords, normalizeText, squash } from './normalize.js';
import { stem } from './stem.js';

/**
 * Fuse keys for name matching: a title match beats an alias. Only short strings go into Fuse,
 * which keeps fuzzy matching of typos ("availibility zone") fast; longer text is searched
 * through the word index below.
 */
export const NAME_KEYS = [
  { name: 'title', weight: 3 },
  { name: 'aliases', weight: 2 },
];

/** How much a word counts, by where in the note it appears. */
const FIELD_WEIGHTS = { title: 2, aliases: 2, summary: 2, keyPoints: 1, confuse: 0.3 };

const VENDOR_PREFIX = /^(amazon|aws)\s+/i;

/** What name search sees of a note. */
export function toSearchDoc(note: Note): SearchDoc {
  const bare = note.title.replace(VENDOR_PREFIX, '').replace(/\s*\(.*\)\s*$/, '');
  const names = new Set([note.id, note.title, bare, ...note.aliases].map(squash).filter(Boolean));
  return { id: note.id, title: note.title, aliases: note.aliases, names: [...names] };
}

/** The words of `text` as index terms. */
export function terms(text: string): string[] {
  return contentWords(normalizeText(text)).map(stem);
}

/**
 * A weighted word index over every note (for plain-English questions and typos), and the Fuse
 * index over names (for the fuzzy fallback and "did you mean"). Built once at build time.
 */
export function buildSearchIndexes(notes: Note[]) {
  const docs = notes.map(toSearchDoc);
  const postings: Record<string, [number, number][]> = {};
  const docLengths = notes.map((note, doc) => {
    const weights = new Map<string, number>();
    const addField = (text: string, weight: number) => {
      for (const term of terms(text)) weights.set(term, (weights.get(term) ?? 0) + weight);
    };
    addField(note.title, FIELD_WEIGHTS.title);
    addField(note.aliases.join(' '), FIELD_WEIGHTS.aliases);
    addField(note.summary, FIELD_WEIGHTS.summary);
    addField(note.keyPoints.join(' '), FIELD_WEIGHTS.keyPoints);
    addField(note.confuse ?? '', FIELD_WEIGHTS.confuse);
    let length = 0;
    for (const [term, weight] of weights) {
      const list = postings[term] ?? [];
      list.push([doc, Math.round(weight * 10) / 10]);
      postings[term] = list;
      length += weight;
    }
    return Math.round(length);
  });
  const vocabulary = Object.keys(postings).sort();
  const textIndex: TextIndex = {
    postings,
    docLengths,
    averageLength: docLengths.reduce((a, b) => a + b, 0) / Math.max(1, docLengths.length),
  };
  return {
    searchDocs: docs,
    nameIndex: Fuse.createIndex(
      NAME_KEYS.map((k) => k.name),
      docs,
    ).toJSON(),
    textIndex,
    vocabulary,
  };
}
