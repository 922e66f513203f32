/**
 * `npm run search:report`: how search does on the relevance suite (test/search), for whoever
 * edits notes' aliases, keywords and learner questions: the in-scope queries it gets wrong,
 * and how close the off-topic ones come to a card. `-- --note ID` shows one note's queries.
 */
import { loadContent } from '../src/content/default-content.js';
import { createSearch, SEARCH_TUNING } from '../src/search/search-concepts.js';
import { IN_SCOPE } from '../test/search/in-scope.js';
import { OFF_TOPIC } from '../test/search/off-topic-queries.js';

const search = createSearch(await loadContent());
const only = process.argv.includes('--note')
  ? process.argv[process.argv.indexOf('--note') + 1]
  : undefined;
const cases = IN_SCOPE.filter((c) => !only || c.expected === only);
const top = (query: string) =>
  search
    .explain(query, 3)
    .map((h) => `${h.note.id} ${h.coverage.toFixed(2)}`)
    .join(', ') || 'none';

let right = 0;
for (const c of cases) {
  const card = search.search(c.query, 1)[0]?.note.id;
  if (card === c.expected) right++;
  else
    console.log(`miss  "${c.query}" → ${card ?? 'no card'} (want ${c.expected}; ${top(c.query)})`);
}
const off = OFF_TOPIC.map((q) => ({ q, hit: search.explain(q, 1)[0] }))
  .sort((a, b) => (b.hit?.coverage ?? 0) - (a.hit?.coverage ?? 0))
  .slice(0, 5);
console.log(
  `\n${right} of ${cases.length} in-scope queries get the right card (${((100 * right) / cases.length).toFixed(1)}%).`,
);
console.log(
  `A card needs coverage ${SEARCH_TUNING.cardCoverage}; the off-topic queries closest to one:`,
);
for (const { q, hit } of off) {
  console.log(`  ${(hit?.coverage ?? 0).toFixed(2)}  "${q}" → ${hit?.note.id ?? 'nothing'}`);
}
