import { encodeAction } from './actions.js';
import type { ReplyButton } from './reply.js';

/** For each concept someone keeps missing: a button to read its card, and one to practise it. */
export function conceptButtons(concepts: { id: string; title: string }[]): ReplyButton[] {
  return concepts.flatMap(({ id, title }) => [
    {
      label: `Read: ${title}`,
      action: encodeAction({ kind: 'show-concept', conceptId: id }),
      kind: 'other' as const,
    },
    {
      label: `Practise: ${title}`,
      action: encodeAction({ kind: 'practise-concept', conceptId: id }),
      kind: 'other' as const,
    },
  ]);
}
