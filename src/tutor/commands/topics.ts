import { TOPIC_NAMES, TOPICS, type Topic } from '../../content/types.js';
import type { TutorDeps } from '../deps.js';
import type { Reply } from '../reply.js';
import { truncate } from '../reply.js';
import { resolveTopic } from '../resolve-topic.js';

/** How many titles the overview shows per topic; `/aws topics <topic>` shows them all. */
const EXAMPLES = 4;

/** `/aws topics [topic]`: every topic with a few of its concepts, or one topic's concepts. */
export function topicsReply(deps: TutorDeps, topicArg?: string): Reply {
  if (topicArg) {
    const topic = resolveTopic(topicArg);
    return topic ? oneTopic(deps, topic) : unknownTopic(deps, topicArg);
  }
  const sections = nonEmpty(deps).map((topic) => {
    const notes = deps.content.notesByTopic(topic);
    const shown = notes.slice(0, EXAMPLES).map((n) => n.title);
    const more = notes.length > EXAMPLES ? `, and ${notes.length - EXAMPLES} more` : '';
    return `**${TOPIC_NAMES[topic]}** (${notes.length}): ${shown.join(', ')}${more}`;
  });
  sections.push(
    'See a whole topic with `/aws topics <topic>`, look a concept up with `/aws <name>`, or practise with `/aws quiz <topic>`.',
  );
  return {
    title: `Topics: ${deps.content.notes.length} concepts`,
    sections,
    visibility: 'private',
  };
}

function oneTopic(deps: TutorDeps, topic: Topic): Reply {
  const notes = deps.content.notesByTopic(topic);
  return {
    title: `${TOPIC_NAMES[topic]}: ${notes.length} concepts`,
    sections: [
      notes.map((n) => `• **${n.title}**: ${truncate(n.summary, 90)}`).join('\n'),
      `Look one up with \`/aws <name>\`, or practise with \`/aws quiz ${topic}\`.`,
    ],
    visibility: 'private',
  };
}

function unknownTopic(deps: TutorDeps, text: string): Reply {
  const names = nonEmpty(deps).map((t) => TOPIC_NAMES[t]);
  return {
    sections: [
      `I don't know a topic called “${truncate(text.trim(), 60)}”. The topics are: ${names.join(', ')}.`,
    ],
    visibility: 'private',
  };
}

function nonEmpty(deps: TutorDeps): Topic[] {
  return TOPICS.filter((topic) => deps.content.notesByTopic(topic).length > 0);
}
