import { TOPIC_NAMES, TOPICS, type Topic } from '../../content/types.js';
import type { TutorDeps } from '../deps.js';
import type { Reply } from '../reply.js';
import { resolveTopic } from '../resolve-topic.js';
import { didYouMean } from './search.js';

/** `/aws topics [topic]`: every concept grouped by topic, or one topic's concepts in detail. */
export function topicsReply(deps: TutorDeps, topicArg?: string): Reply {
  if (topicArg) {
    const topic = resolveTopic(topicArg);
    if (!topic) return didYouMean(deps, topicArg);
    return oneTopic(deps, topic);
  }
  const sections = TOPICS.filter((topic) => deps.content.notesByTopic(topic).length > 0).map(
    (topic) => {
      const notes = deps.content.notesByTopic(topic);
      return `**${TOPIC_NAMES[topic]}** (${notes.length}): ${notes.map((n) => n.title).join(', ')}`;
    },
  );
  sections.push('Look one up with `/aws <name>`, or practise a topic with `/aws quiz <topic>`.');
  return {
    title: `Topics: ${deps.content.notes.length} concepts`,
    sections,
    visibility: 'private',
  };
}

function oneTopic(deps: TutorDeps, topic: Topic): Reply {
  const notes = deps.content.notesByTopic(topic);
  return {
    title: TOPIC_NAMES[topic],
    sections: [notes.map((n) => `• **${n.title}**: ${n.summary}`).join('\n')],
    visibility: 'private',
  };
}
