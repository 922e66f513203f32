import type { Note } from '../../content/types.js';
import { TOPIC_NAMES } from '../../content/types.js';
import { encodeAction } from '../actions.js';
import type { TutorDeps } from '../deps.js';
import type { Reply, ReplyButton } from '../reply.js';
import { truncate } from '../reply.js';

/** How many related concepts a card offers. */
const RELATED = 3;

/** `/aws <query>`: the concept card that answers it, or an honest "I don't have that yet". */
export function searchReply(deps: TutorDeps, query: string): Reply {
  const hits = deps.search.search(query, RELATED + 1);
  const best = hits[0];
  return best
    ? conceptCard(
        deps,
        best.note,
        hits.slice(1).map((h) => h.note),
      )
    : didYouMean(deps, query);
}

/** A concept's card: summary, key points, the mix-up to avoid, docs link, related buttons. */
export function conceptCard(deps: TutorDeps, note: Note, alsoFound: Note[] = []): Reply {
  const related = relatedNotes(deps, note, alsoFound);
  const sections = [
    note.summary,
    `**Key points**\n${note.keyPoints.map((p) => `• ${p}`).join('\n')}`,
  ];
  if (note.confuse) sections.push(`**Don't confuse with:** ${note.confuse}`);
  if (related.length > 0) {
    sections.push(`**Related:** ${related.map((n) => n.title).join(' · ')}`);
  }
  const buttons: ReplyButton[] = related.map((n) => ({
    label: n.title,
    action: encodeAction({ kind: 'show-concept', conceptId: n.id }),
    kind: 'other',
  }));
  buttons.push({
    label: 'Quiz me on this',
    action: encodeAction({ kind: 'next-question', topic: note.id }),
    kind: 'other',
    style: 'primary',
  });
  buttons.push({
    label: 'Share in channel',
    action: encodeAction({ kind: 'share-concept', conceptId: note.id }),
    kind: 'other',
  });
  return {
    title: note.title,
    sections,
    fields: [{ label: 'Topic', value: TOPIC_NAMES[note.topic] }],
    link: { label: 'AWS documentation', url: note.docs },
    buttons,
    visibility: 'private',
  };
}

/**
 * `/aws x vs y` (or "x or y", "difference between x and y", three at once): the concepts side
 * by side with their "Don't confuse with" lines. A side with no note is named as unknown.
 */
export function compareReply(
  deps: TutorDeps,
  command: { sides: string[]; loose: boolean; text: string },
): Reply {
  const found = command.sides.map((side) => ({ side, note: deps.search.search(side, 1)[0]?.note }));
  const missing = found.filter((f) => !f.note);
  // "x or y" is a comparison only when both are concepts ("store files or objects" is not).
  if (command.loose && missing.length > 0) return searchReply(deps, command.text);
  const notes = [...new Map(found.flatMap((f) => (f.note ? [[f.note.id, f.note]] : []))).values()];
  if (missing.length > 0) {
    for (const m of missing) deps.observe?.missedSearch(m.side);
    const known = notes.map((n) => `**${n.title}**`).join(' and ');
    const unknown = missing.map((m) => `“${truncate(m.side, 60)}”`).join(' or ');
    return {
      sections: [
        `${known ? `I know ${known}, but ` : ''}I don't have a note on ${unknown} yet, so I can't compare them.`,
      ],
      buttons: notes.map(showButton),
      visibility: 'private',
    };
  }
  const [first] = notes;
  if (notes.length === 1 && first) return conceptCard(deps, first);
  const sections = notes.map((n) => `**${n.title}:** ${n.summary}`);
  for (const note of notes) {
    if (note.confuse) sections.push(`**${note.title}, don't confuse with:** ${note.confuse}`);
  }
  return {
    title: notes.map((n) => n.title).join(' vs '),
    sections,
    buttons: notes.map(showButton),
    visibility: 'private',
  };
}

/**
 * Nothing answers the query: say so, and offer up to three notes that are plausibly related
 * (none when nothing is). The miss is counted, never with who asked.
 */
export function didYouMean(deps: TutorDeps, query: string): Reply {
  deps.observe?.missedSearch(query);
  const near = deps.search.suggest(query, 3);
  const shown = truncate(query.trim(), 60) || 'that';
  if (near.length === 0) {
    return {
      sections: [
        `I don't have a note on “${shown}” yet. \`/aws topics\` lists everything I can explain.`,
      ],
      visibility: 'private',
    };
  }
  return {
    sections: [
      `I don't have a note on “${shown}” yet. Closest I have: ${near.map((n) => `**${n.title}**`).join(', ')}.`,
    ],
    buttons: near.map(showButton),
    visibility: 'private',
  };
}

function showButton(note: Note): ReplyButton {
  return {
    label: note.title,
    action: encodeAction({ kind: 'show-concept', conceptId: note.id }),
    kind: 'other',
  };
}

function relatedNotes(deps: TutorDeps, note: Note, alsoFound: Note[]): Note[] {
  const out: Note[] = [];
  const add = (n: Note | undefined) => {
    if (n && n.id !== note.id && !out.some((o) => o.id === n.id)) out.push(n);
  };
  // Curated links first; other search hits fill in when a note lists few.
  for (const id of note.related) add(deps.content.note(id));
  for (const n of alsoFound) add(n);
  return out.slice(0, RELATED);
}
