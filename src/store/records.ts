import type { CardInput } from 'ts-fsrs';

/** Running totals for one person in one workspace. */
export interface Totals {
  name: string;
  /** Every answer, practice and daily. */
  answered: number;
  correct: number;
  /** Leaderboard points: daily questions only, so practice cannot be farmed. */
  points: number;
  dailyAnswered: number;
  dailyCorrect: number;
  /** Consecutive daily questions answered, by question date. */
  streak: number;
  bestStreak: number;
  lastDailyDate?: string;
  lastQuestionId?: string;
  /** On the leaderboard index (has answered a daily question). */
  ranked: boolean;
}

export interface TopicStats {
  topic: string;
  answered: number;
  correct: number;
}

/** A question's review schedule (ts-fsrs card, dates as ISO strings) and last result. */
export interface CardRecord {
  questionId: string;
  topic: string;
  fsrs: StoredCard;
  lastCorrect: boolean;
  lastAnsweredAt: string;
  /** Bumped on every write: a write is conditional on the version it was computed from. */
  version?: number;
}

export type StoredCard = Omit<CardInput, 'due' | 'last_review'> & {
  due: string;
  last_review?: string;
};

/** A practice question handed out and waiting for its answer (transient: TTL). */
export interface PendingRecord {
  nonce: string;
  questionId: string;
  issuedAt: string;
  answeredAt?: string;
  /** The picked choices: one, or two or three for "choose two". */
  choices?: number[];
  correct?: boolean;
}

export interface WeekRecord {
  week: string;
  points: number;
}

/** Everything about one learner, read with one Query. */
export interface LearnerState {
  totals?: Totals;
  topics: TopicStats[];
  cards: CardRecord[];
  weeks: WeekRecord[];
  /** Points per calendar month (daily questions only), for the monthly board. */
  months: { month: string; points: number }[];
  /** Practice questions handed out and still stored (answered or not), oldest first. */
  pending: Pick<PendingRecord, 'nonce' | 'issuedAt'>[];
}

/** The question of the day in one channel. */
export interface DailyRecord {
  channelId: string;
  date: string;
  questionId: string;
  /** Date of the channel's previous daily question: its post reveals that one's answer. */
  prevDate?: string;
  /** How the previous question went in this channel, as its post revealed it. */
  reveal?: DailyTally & { questionId: string };
  postedAt?: string;
  messageId?: string;
  /** When the channel message's live count was last edited (epoch ms): the throttle's clock. */
  countShownAt?: number;
}

/** How many answered a daily question in one channel, and how many of them were right. */
export interface DailyTally {
  answered: number;
  correct: number;
}

/** The newest daily question date in a workspace, and the one before: the streak's chain. */
export interface WorkspaceDaily {
  date: string;
  prevDate?: string;
}

export interface BoardEntry {
  userId: string;
  name: string;
  points: number;
}

/** What happened to an answer: saved now, or saved before (a second click or a retry). */
export type AnswerOutcome<T> =
  | { status: 'recorded'; value: T }
  | { status: 'duplicate'; previous?: T };

/** A channel subscribed to the daily question. */
export interface Subscription {
  platform: string;
  workspaceId: string;
  channelId: string;
  /** Who turned it on: the display name shown in `/aws daily status`. */
  subscribedBy: string;
  /** Their user id, so that deleting a person's data finds it (`npm run data:delete`). */
  subscribedById?: string;
  subscribedAt: string;
  /** `failed`: posting failed permanently (bot removed, channel gone) until turned on again. */
  status: 'active' | 'failed';
  failure?: string;
  /** False when an admin turned the weekly recap off for this channel. */
  recap?: boolean;
}

/** Right and total answers of one kind. */
export interface Tally {
  answered: number;
  correct: number;
}

/** What a workspace did in one ISO week, practice and daily answers together. */
export interface TeamWeek {
  week: string;
  answered: number;
  correct: number;
  /** People who answered at least one question that week. */
  people: number;
  topics: Record<string, Tally>;
  domains: Record<string, Tally>;
  concepts: Record<string, Tally>;
}

/** One answer, as the team's weekly picture counts it. */
export interface TeamAnswer {
  week: string;
  userId: string;
  topic: string;
  domain: string;
  concept: string;
  correct: boolean;
  at: string;
}

/** A person's mock exam: its questions, in order, and what they answered so far. */
export interface ExamSession {
  examId: string;
  questionIds: string[];
  /** The picks for each position answered so far. */
  answers: Record<number, number[]>;
  rights: Record<number, boolean>;
  /** The position to answer next (`questionIds.length` once finished). */
  position: number;
  startedAt: string;
  /** After this the exam can no longer be resumed or answered. */
  expiresAt: string;
  finishedAt?: string;
}

/** A finished exam as its history keeps it. */
export interface ExamResult {
  examId: string;
  startedAt: string;
  finishedAt: string;
  total: number;
  right: number;
  domains: Record<string, Tally>;
}
