import type { RelevanceCase } from '../relevance-queries.js';
import { AI_ML_PARAPHRASES } from './ai-ml.js';
import { BILLING_PARAPHRASES } from './billing.js';
import { COMPUTE_STORAGE_PARAPHRASES } from './compute-storage.js';
import { DATABASES_PARAPHRASES } from './databases.js';
import { DEVTOOLS_MIGRATION_PARAPHRASES } from './devtools-migration.js';
import { FOUNDATIONS_PARAPHRASES } from './foundations.js';
import { IDENTITY_PARAPHRASES } from './identity.js';
import { INTEGRATION_ANALYTICS_PARAPHRASES } from './integration-analytics.js';
import { MANAGEMENT_PARAPHRASES } from './management.js';
import { NETWORKING_SERVICES_PARAPHRASES } from './networking-services.js';
import { SECURITY_SERVICES_PARAPHRASES } from './security-services.js';
import { SUPPORT_CLOUD_CONCEPTS_PARAPHRASES } from './support-cloud-concepts.js';

/**
 * Every note in learners' words: two queries a note, written by the second reader of each batch
 * (not the note's writer), so they test whether search generalises beyond the curated fields.
 */
export const PARAPHRASES: RelevanceCase[] = [
  ...FOUNDATIONS_PARAPHRASES,
  ...IDENTITY_PARAPHRASES,
  ...SECURITY_SERVICES_PARAPHRASES,
  ...BILLING_PARAPHRASES,
  ...SUPPORT_CLOUD_CONCEPTS_PARAPHRASES,
  ...COMPUTE_STORAGE_PARAPHRASES,
  ...DATABASES_PARAPHRASES,
  ...NETWORKING_SERVICES_PARAPHRASES,
  ...MANAGEMENT_PARAPHRASES,
  ...INTEGRATION_ANALYTICS_PARAPHRASES,
  ...AI_ML_PARAPHRASES,
  ...DEVTOOLS_MIGRATION_PARAPHRASES,
];
