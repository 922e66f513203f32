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
  concepts: 'cloud-concepts',
  cloud: 'cloud-concepts',
  basics: 'cloud-concepts',
  wellarchitected: 'cloud-concepts',
  arch: 'architecture',
  design: 'architecture',
  global: 'global-infrastructure',
  infrastructure: 'global-infrastructure',
  infra: 'global-infrastructure',
  globalinfra: 'global-infrastructure',
  regions: 'global-infrastructure',
  iam: 'identity',
  access: 'identity',
  identityandaccess: 'identity',
  security: 'security',
  compliance: 'security',
  encryption: 'security',
  governance: 'management',
  monitoring: 'management',
  mgmt: 'management',
  container: 'containers',
  docker: 'containers',
  storage: 'storage',
  database: 'databases',
  db: 'databases',
  network: 'networking',
  net: 'networking',
  vpc: 'networking',
  cdn: 'networking',
  queue: 'messaging',
  queues: 'messaging',
  queueing: 'messaging',
  queuing: 'messaging',
  integration: 'messaging',
  data: 'analytics',
  bigdata: 'analytics',
  ai: 'ai-ml',
  ml: 'ai-ml',
  aiml: 'ai-ml',
  machinelearning: 'ai-ml',
  genai: 'ai-ml',
  tool: 'tools',
  tooling: 'tools',
  devtools: 'tools',
  developer: 'tools',
  cicd: 'tools',
  migrate: 'migration',
  hybrid: 'migration',
  enduser: 'end-user',
  iot: 'end-user',
  desktops: 'end-user',
  pricing: 'billing',
  cost: 'billing',
  costs: 'billing',
  partners: 'support',
  supportplans: 'support',
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
