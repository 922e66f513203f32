import { keys } from './keys.js';
import type {
  CardRecord,
  DailyRecord,
  LearnerState,
  PendingRecord,
  StoredCard,
  Subscription,
  Totals,
} from './records.js';

type Item = Record<string, unknown>;

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0) || 0);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Sorts the items of a user's partition into a `LearnerState`. */
export function fromLearnerItems(items: Item[]): LearnerState {
  const state: LearnerState = { topics: [], cards: [], weeks: [], months: [], pending: [] };
  for (const item of items) {
    const sk = String(item.sk);
    if (sk === keys.totals) state.totals = toTotals(item);
    else if (sk.startsWith('TOPIC#')) {
      state.topics.push({
        topic: sk.slice(6),
        answered: num(item.answered),
        correct: num(item.correct),
      });
    } else if (sk.startsWith('CARD#')) {
      state.cards.push({
        questionId: sk.slice(5),
        topic: String(item.topic ?? ''),
        fsrs: item.fsrs as StoredCard,
        lastCorrect: item.lastCorrect === true,
        lastAnsweredAt: String(item.lastAnsweredAt ?? ''),
        ...(typeof item.version === 'number' ? { version: item.version } : {}),
      });
    } else if (sk.startsWith('WEEK#')) {
      state.weeks.push({ week: sk.slice(5), points: num(item.points) });
    } else if (sk.startsWith('MONTH#')) {
      state.months.push({ month: sk.slice(6), points: num(item.points) });
    } else if (sk.startsWith('PENDING#')) {
      state.pending.push({ nonce: sk.slice(8), issuedAt: String(item.issuedAt ?? '') });
    }
  }
  state.pending.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
  return state;
}

export function toTotals(item: Item): Totals {
  const lastDailyDate = str(item.lastDailyDate);
  const lastQuestionId = str(item.lastQuestionId);
  return {
    name: String(item.name ?? ''),
    answered: num(item.answered),
    correct: num(item.correct),
    points: num(item.points),
    dailyAnswered: num(item.dailyAnswered),
    dailyCorrect: num(item.dailyCorrect),
    streak: num(item.streak),
    bestStreak: Math.max(num(item.bestStreak), num(item.streak)),
    ...(lastDailyDate ? { lastDailyDate } : {}),
    ...(lastQuestionId ? { lastQuestionId } : {}),
    ranked: typeof item.gsi1pk === 'string',
  };
}

export function toCardItem(card: CardRecord): Item {
  return {
    sk: keys.card(card.questionId),
    topic: card.topic,
    fsrs: card.fsrs,
    lastCorrect: card.lastCorrect,
    lastAnsweredAt: card.lastAnsweredAt,
    version: (card.version ?? 0) + 1,
  };
}

export function toPending(item: Item): PendingRecord {
  const answeredAt = str(item.answeredAt);
  return {
    nonce: String(item.nonce),
    questionId: String(item.questionId),
    issuedAt: String(item.issuedAt),
    ...(answeredAt ? { answeredAt, choices: toChoices(item), correct: item.correct === true } : {}),
  };
}

/** The picks stored with an answer: a list, or one number from before "choose two". */
function toChoices(item: Item): number[] {
  return Array.isArray(item.choices) ? item.choices.map(num) : [num(item.choice)];
}

export function toDailyRecord(item: Item): DailyRecord {
  const prevDate = str(item.prevDate);
  const postedAt = str(item.postedAt);
  const messageId = str(item.messageId);
  const revealed = str(item.revealQuestionId);
  return {
    channelId: String(item.channelId),
    date: String(item.date),
    questionId: String(item.questionId),
    ...(prevDate ? { prevDate } : {}),
    ...(revealed
      ? {
          reveal: {
            questionId: revealed,
            answered: num(item.revealAnswered),
            correct: num(item.revealCorrect),
          },
        }
      : {}),
    ...(postedAt ? { postedAt } : {}),
    ...(messageId ? { messageId } : {}),
    ...(typeof item.countShownAt === 'number' ? { countShownAt: item.countShownAt } : {}),
  };
}

export function toSubscription(item: Item): Subscription {
  const failure = str(item.failure);
  return {
    platform: String(item.platform),
    workspaceId: String(item.workspaceId),
    channelId: String(item.channelId),
    subscribedBy: String(item.subscribedBy ?? ''),
    ...(typeof item.subscribedById === 'string' ? { subscribedById: item.subscribedById } : {}),
    ...(item.recap === false ? { recap: false } : {}),
    subscribedAt: String(item.subscribedAt ?? ''),
    status: item.status === 'failed' ? 'failed' : 'active',
    ...(failure ? { failure } : {}),
  };
}
