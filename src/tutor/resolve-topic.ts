import { TOPIC_NAMES, TOPICS, type Topic } from '../content/types.js';
import { editDistance, typoBudget } from '../search/edit-distance.js';
import { squash } from '../search/normalize.js';

const BY_NAME = new Map<string, Topic>();
for (const topic of TOPICS) {
  BY_NAME.set(squash(topic), topic);
  BY_NAME.set(squash(TOPIC_NAMES[topic]), topic);
}
// Words people use for a topic that are not its name.
const SYNONYMS: Record<string, Topic> = {
  network: 'networking',
  net: 'networking',
  vpc: 'networking',
  database: 'databases',
  db: 'databases',
  container: 'containers',
  docker: 'containers',
  queue: 'messaging',
  queues: 'messaging',
  queueing: 'messaging',
  queuing: 'messaging',
  global: 'global-infrastructure',
  infrastructure: 'global-infrastructure',
  infra: 'global-infrastructure',
  globalinfra: 'global-infrastructure',
  regions: 'global-infrastructure',
  tool: 'tools',
  tooling: 'tools',
  cloud: 'architecture',
  arch: 'architecture',
};
for (const [word, topic] of Object.entries(SYNONYMS)) BY_NAME.set(word, topic);

/**
 * The topic a user means by `text` ("Networking", "network", "global infra", and small typos
 * such as "netwrking"), if any.
 */
export function resolveTopic(text: string): Topic | undefined {
  const key = squash(text);
  const exact = BY_NAME.get(key);
  if (exact) return exact;
  const budget = typoBudget(key.length);
  for (const [name, topic] of BY_NAME) {
    if (budget > 0 && editDistance(key, name, budget) <= budget) return topic;
  }
  return undefined;
}
