import type { Question } from '../../src/content/types.js';
import type { DynamoStore } from '../../src/store/dynamo-store.js';
import { content } from './test-deps.js';

/**
 * An exam of a "choose two" question then a one-answer one, started for `user` as `/aws exam`
 * starts one (the store's own call) and an hour from expiring; `/aws exam` resumes it.
 */
export async function startChooseTwoExam(
  store: DynamoStore,
  user: Parameters<DynamoStore['startExam']>[0],
  examId: string,
) {
  const multi = content.questions.find((q) => q.answers.length === 2) as Question;
  const single = content.questions.find((q) => q.answers.length === 1) as Question;
  await store.startExam(user, {
    examId,
    questionIds: [multi.id, single.id],
    answers: {},
    rights: {},
    position: 0,
    startedAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  });
  return { multi, single };
}
