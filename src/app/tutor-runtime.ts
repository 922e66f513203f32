import { readStoreConfig, readTutorConfig } from '../config.js';
import { loadContent } from '../content/default-content.js';
import { normalizeText } from '../search/normalize.js';
import { createSearch } from '../search/search-concepts.js';
import type { TutorStore } from '../store/tutor-store.js';
import type { Logger } from '../tutor/deps.js';
import { createTutor, type Tutor } from '../tutor/tutor.js';
import { createMetrics, MetricUnit } from './metrics.js';

let tutor: Tutor | undefined;
let store: Promise<TutorStore> | undefined;

/**
 * The tutor for a Lambda process, created on first use and kept while the process is warm.
 * The DynamoDB client is imported and created only when a command first needs the store, so a
 * cold `/aws lambda` never loads the AWS SDK.
 */
export async function getTutor(
  log: Logger & { info(message: string, fields?: Record<string, unknown>): void },
): Promise<Tutor> {
  if (tutor) return tutor;
  const content = await loadContent();
  if (tutor) return tutor;
  tutor = createTutor({
    content,
    search: createSearch(content),
    store: () => {
      // A failed start (a blip at cold start) must not be cached for the life of the process.
      store ??= openStore().catch((error: unknown) => {
        store = undefined;
        throw error;
      });
      return store;
    },
    clock: () => new Date(),
    random: Math.random,
    ...pickSchedule(),
    log,
    observe: missedSearchObserver(log, readTutorConfig().logMissedSearches),
  });
  return tutor;
}

/**
 * Counts searches that found no note (the `SearchMisses` metric, no text in it) and, only when
 * an admin turned it on, logs the normalised query, cut to 100 characters, and nothing else.
 */
export function missedSearchObserver(
  log: { info(message: string, fields?: Record<string, unknown>): void },
  logQueries: boolean,
) {
  // One metric line per miss, written at once: nothing to flush when the request ends.
  const metrics = createMetrics({ singleMetric: true });
  return {
    missedSearch(query: string) {
      metrics.addMetric('SearchMisses', MetricUnit.Count, 1);
      if (logQueries) {
        log.info('search found no note', { query: normalizeText(query).slice(0, 100) });
      }
    },
  };
}

async function openStore(): Promise<TutorStore> {
  const config = readStoreConfig();
  const [{ createDocumentClient }, { DynamoStore }] = await Promise.all([
    import('../store/dynamo-client.js'),
    import('../store/dynamo-store.js'),
  ]);
  return new DynamoStore(createDocumentClient(config), config.tableName);
}

function pickSchedule() {
  const { timeZone, dailyCron, weeklyCron } = readTutorConfig();
  return { timeZone, dailyCron, weeklyCron };
}
