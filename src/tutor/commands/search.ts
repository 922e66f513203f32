import type { Note } from '../../content/types.js';
import { TOPIC_NAMES } from '../../content/types.js';
import { encodeAction } from '../actions.js';
import type { TutorDeps } from '../deps.js';
import type { Reply, ReplyButton } from '../reply.js';
import { truncate } from '../reply.js';

/** How many related concepts a card offers. */
const RELATED = 3;

/** `/aws <query>`: the best concept card, or "did you mean …" when nothing matches. */
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

/** `/aws x vs y`: both concepts side by side, with their "Don't confuse with" lines. */
export function compareReply(deps: TutorDeps, left: string, right: string): Reply {
  const a = deps.search.search(left, 1)[0]?.note;
  const b = deps.search.search(right, 1)[0]?.note;
  if (!a) return didYouMean(deps, left);
  if (!b) return didYouMean(deps, right);
  if (a.id === b.id) return conceptCard(deps, a);
  const sections = [`**${a.title}:** ${a.summary}`, `**${b.title}:** ${b.summary}`];
  for (const note of [a, b]) {
    if (note.confuse) sections.push(`**${note.title}, don't confuse with:** ${note.confuse}`);
  }
  return {
    title: `${a.title} vs ${b.title}`,
    sections,
    buttons: [a, b].map((n) => ({
      label: n.title,
      action: encodeAction({ kind: 'show-concept', conceptId: n.id }),
      kind: 'other' as const,
    })),
    visibility: 'private',
  };
}

/** Nothing matched: the nearest names as buttons, never an empty reply. */
export function didYouMean(deps: TutorDeps, query: string): Reply {
  const near = deps.search.suggest(query, 3);
  const shown = truncate(query.trim(), 60) || 'that';
  if (near.length === 0) {
    return {
      sections: [
        `I don't know a concept called “${shown}”. Try \`/aws topics\` to see everything I can explain.`,
      ],
      visibility: 'private',
    };
  }
  return {
    sections: [
      `I couldn't find “${shown}”. Did you mean ${near.map((n) => `**${n.title}**`).join(', ')}?`,
    ],
    buttons: near.map((n) => ({
      label: n.title,
      action: encodeAction({ kind: 'show-concept', conceptId: n.id }),
      kind: 'other',
    })),
    visibility: 'private',
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
