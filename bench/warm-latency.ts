import { IN_SCOPE } from '../test/search/in-scope.js';
import { metered, type Requests } from './dynamo-meter.js';
import type { ChatPlatform, Handlers, Pick, Shown } from './handlers.js';
import { type Summary, summarize, timed } from './stats.js';

/** One operation on one platform, over the measured rounds. */
export interface OperationFigures {
  platform: string;
  operation: string;
  latency: Summary;
  /** DynamoDB requests per call, on average, by operation name. */
  requests: Requests;
  /** Calls answered with an error status, or without what the operation shows. */
  failures: number;
}

export interface WarmFigures {
  rounds: number;
  askers: number;
  examQuestions: number;
  operations: OperationFigures[];
  /** The soak: heap after a full GC, and RSS, as the requests add up. */
  memory: { requests: number; heapMb: number; rssMb: number }[];
}

const ASKERS = 40;
/** The shortest exam `/aws exam` takes: its answers, then the last one, which writes the result. */
const EXAM_QUESTIONS = 5;
const QUERIES = IN_SCOPE.map((c) => c.query);
const MB = 1024 * 1024;
/** Clicked when a reply showed no question: the tutor refuses it, and the call counts as failed. */
const NO_ANSWER: Pick = { value: 'p:none' };

/** What a reply must show for the call to count as answered as meant. */
const SHOWS: Record<string, RegExp> = {
  'practice answer': /Correct|Not quite/,
  'daily answer': /Correct|Not quite|already answered/,
  'exam start': /Exam: question 1 of/,
  'exam answer': /Exam: question \d+ of/,
  'exam last answer': /Exam report/,
  'exam history': /Your (last )?exams/,
};

/**
 * Every command and click through the real handlers, round-robin (each operation once a round,
 * on both platforms), so warm-up and busy moments on the machine are shared by all. The askers
 * take turns; the daily question is answered by a new person each round, as it counts once;
 * each round's asker takes a whole exam. After the measured rounds, `soakRounds` more, sampling
 * memory every `soakEvery` rounds.
 */
export async function measureWarm(
  h: Handlers,
  options: { warmup: number; rounds: number; soakRounds: number; soakEvery: number },
): Promise<WarmFigures> {
  const samples = new Map<string, { ms: number; requests: Requests; ok: boolean }[]>();
  const memory: WarmFigures['memory'] = [];
  let requests = 0;
  let record = false;

  const time = async (p: ChatPlatform, operation: string, work: () => Promise<Shown>) => {
    const { result, requests: used } = await metered(() => timed(work));
    requests++;
    const { status, message } = result.result;
    const shows = SHOWS[operation];
    const ok =
      (status === 200 || status === 202) &&
      message !== undefined &&
      (!shows || shows.test(JSON.stringify(message)));
    if (record) {
      const key = `${p.name}|${operation}`;
      const list = samples.get(key) ?? [];
      list.push({ ms: result.ms, requests: used, ok });
      samples.set(key, list);
    }
    return result.result;
  };

  const round = async (p: ChatPlatform, r: number) => {
    const asker = p.user(r % ASKERS);
    const query = QUERIES[r % QUERIES.length] as string;
    await time(p, 'help', () => p.command(asker, 'help'));
    await time(p, 'search', () => p.command(asker, `search ${query}`));
    await time(p, 'topics', () => p.command(asker, 'topics'));
    const quiz = await time(p, 'quiz', () => p.command(asker, 'quiz'));
    const practice = p.answer(quiz.message, r) ?? NO_ANSWER;
    await time(p, 'practice answer', () => p.click(asker, practice));
    const daily = r % 2 ? h.daily.right : h.daily.wrong;
    await time(p, 'daily answer', () => p.click(p.user(100_000 + r), daily, true));
    await time(p, 'score', () => p.command(asker, 'score'));
    await time(p, 'leaderboard', () => p.command(asker, 'leaderboard'));
    await time(p, 'team', () => p.command(asker, 'team'));
    const { autocomplete } = p;
    if (autocomplete) {
      await time(p, 'autocomplete', () => autocomplete(asker, query.slice(0, 1 + (r % 5))));
    }
    let shown = await time(p, 'exam start', () => p.command(asker, `exam ${EXAM_QUESTIONS}`));
    for (let q = 1; q <= EXAM_QUESTIONS; q++) {
      const pick = p.answer(shown.message, r + q) ?? NO_ANSWER;
      const operation = q < EXAM_QUESTIONS ? 'exam answer' : 'exam last answer';
      shown = await time(p, operation, () => p.click(asker, pick));
    }
    await time(p, 'exam history', () => p.command(asker, 'exam history'));
  };

  const end = options.warmup + options.rounds + options.soakRounds;
  for (let r = 0; r < end; r++) {
    record = r >= options.warmup && r < options.warmup + options.rounds;
    await round(h.slack, r);
    await round(h.discord, r);
    h.forget();
    if (r >= options.warmup && (r - options.warmup) % options.soakEvery === 0) {
      globalThis.gc?.();
      const { heapUsed, rss } = process.memoryUsage();
      memory.push({ requests, heapMb: heapUsed / MB, rssMb: rss / MB });
    }
  }

  return {
    rounds: options.rounds,
    askers: ASKERS,
    examQuestions: EXAM_QUESTIONS,
    memory,
    operations: [...samples].map(([key, list]) => {
      const [platform = '', operation = ''] = key.split('|');
      const requests: Requests = {};
      for (const s of list) {
        for (const [name, n] of Object.entries(s.requests)) {
          requests[name] = (requests[name] ?? 0) + n / list.length;
        }
      }
      return {
        platform,
        operation,
        latency: summarize(list.map((s) => s.ms)),
        requests,
        failures: list.filter((s) => !s.ok).length,
      };
    }),
  };
}
