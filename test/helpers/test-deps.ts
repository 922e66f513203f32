import { createContent } from '../../src/content/content.js';
import { loadContent } from '../../src/content/default-content.js';
import { createSearch } from '../../src/search/search-concepts.js';
import type { TutorStore } from '../../src/store/tutor-store.js';
import type { Asker, TutorDeps } from '../../src/tutor/deps.js';
import type { Reply } from '../../src/tutor/reply.js';
import { createTutor } from '../../src/tutor/tutor.js';

export const content = await loadContent();
export const search = createSearch(content);
export { createContent };

/** A seeded pseudo-random source, so picks and nonces repeat from run to run. */
export function seededRandom(seed = 42): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A clock the test moves by hand. */
export function fakeClock(start = '2026-11-23T09:00:00Z') {
  let now = new Date(start);
  const clock = () => new Date(now);
  clock.set = (iso: string) => {
    now = new Date(iso);
  };
  clock.advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  return clock;
}

/** Deps for core tests. Without a store, any command that needs one fails the test loudly. */
export function testDeps(
  overrides: Partial<TutorDeps> & { storeImpl?: TutorStore } = {},
): TutorDeps {
  const { storeImpl, ...rest } = overrides;
  return {
    content,
    search,
    store: async () => {
      if (!storeImpl) throw new Error('this test did not expect the store to be used');
      return storeImpl;
    },
    clock: fakeClock(),
    random: seededRandom(),
    timeZone: 'Europe/London',
    log: { error: () => {} },
    ...rest,
  };
}

export function asker(overrides: Partial<Asker> = {}): Asker {
  return {
    platform: 'local',
    workspaceId: 'T1',
    channelId: 'C1',
    userId: 'U1',
    userName: 'alice',
    ...overrides,
  };
}

/**
 * A tutor with no store. `testDeps` throws if a store is asked for, and the tutor logs what it
 * catches, so an empty `logged` proves a command never touched storage.
 */
export function tutorWithoutStore() {
  const logged: string[] = [];
  const tutor = createTutor(testDeps({ log: { error: (message) => logged.push(message) } }));
  return { tutor, logged };
}

/** A reply's title and sections, as one text to match against. */
export function replyText(reply: Reply): string {
  return [reply.title ?? '', ...reply.sections].join('\n');
}
