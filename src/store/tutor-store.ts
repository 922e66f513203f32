import type { CountEditClaim } from './daily-count-items.js';
import type { ClaimOutcome, ClaimRequest, PostedDaily } from './daily-posts.js';
import type { ExamAnswer } from './exam-items.js';
import type { BoardKey, Tenant, UserKey } from './keys.js';
import type { RecapClaim } from './recap-items.js';
import type {
  AnswerOutcome,
  BoardEntry,
  CardRecord,
  DailyRecord,
  DailyTally,
  ExamResult,
  ExamSession,
  LearnerState,
  PendingRecord,
  Subscription,
  TeamAnswer,
  TeamWeek,
  Totals,
  WorkspaceDaily,
} from './records.js';

/** A user with the display name to store beside their scores. */
export interface NamedUser extends UserKey {
  name: string;
}

/** An answer that trains memory (practice or exam): what it picked and the card it schedules. */
export interface ReviewAnswer {
  questionId: string;
  topic: string;
  choices: number[];
  correct: boolean;
  card: CardRecord;
  at: string;
}

export interface PracticeAnswer extends ReviewAnswer {
  nonce: string;
}

export interface DailyAnswer {
  channelId: string;
  date: string;
  week: string;
  choice: number;
  correct: boolean;
  points: number;
  streak: number;
  bestStreak: number;
  /** The totals' `lastDailyDate` after this answer: it only ever moves forward. */
  lastDailyDate: string;
  /** The totals' `lastDailyDate` this answer was computed from (optimistic concurrency). */
  expectedLastDailyDate?: string;
  at: string;
}

export interface DailyContext {
  daily?: DailyRecord;
  totals?: Totals;
  /** The workspace's newest question date and the one before it. */
  workspace?: WorkspaceDaily;
  /** Set when this person already answered today's question in this workspace. */
  previous?: { choice: number; correct: boolean; channelId: string };
}

/**
 * Everything the core asks of storage. The DynamoDB implementation is `DynamoStore`; the core
 * only sees this interface, so it stays platform- and storage-neutral. Each method is one
 * DynamoDB request unless its comment says otherwise.
 */
export interface TutorStore {
  /** The same store, with every request cut off when `deadline` fires (one chat request). */
  within(deadline: AbortSignal): TutorStore;
  /** Totals, topic stats, review cards and weekly points of one learner (one Query). */
  getLearner(user: UserKey): Promise<LearnerState>;
  /**
   * Remembers a practice question handed out, for `ttlSeconds`; forgets the one `replacing`
   * names in the same request (one PutItem, or one TransactWrite with its Delete).
   */
  savePending(
    user: UserKey,
    pending: PendingRecord,
    ttlSeconds: number,
    replacing?: string,
  ): Promise<void>;
  /** The pending question and its review card (one BatchGet). */
  getPracticeContext(
    user: UserKey,
    nonce: string,
    questionId: string,
  ): Promise<{ pending?: PendingRecord; card?: CardRecord }>;
  /** Records a practice answer exactly once (one TransactWrite). */
  recordPractice(user: NamedUser, answer: PracticeAnswer): Promise<AnswerOutcome<PracticeAnswer>>;
  /** A channel's question of the day. */
  getDaily(tenant: Tenant, channelId: string, date: string): Promise<DailyRecord | undefined>;
  /** The daily question, totals, any earlier answer and the workspace chain (one BatchGet). */
  getDailyContext(user: UserKey, channelId: string, date: string): Promise<DailyContext>;
  /** Records a daily answer exactly once per person per workspace and day (one TransactWrite). */
  recordDaily(user: NamedUser, answer: DailyAnswer): Promise<AnswerOutcome<DailyAnswer>>;
  /** How a channel did on a daily question, counted from the answers (one Query). */
  countDailyAnswers(
    tenant: Tenant,
    channelId: string | undefined,
    date: string,
  ): Promise<DailyTally>;
  /**
   * Claims the next edit of a daily question's live count: at most one per `intervalMs` per
   * question across all processes (one conditional UpdateItem). Undefined: not yet.
   */
  claimDailyCountEdit(tenant: Tenant, claim: CountEditClaim): Promise<DailyRecord | undefined>;
  /** The workspace's newest daily question date and the one before (one GetItem). */
  getWorkspaceDaily(tenant: Tenant): Promise<WorkspaceDaily | undefined>;
  /** The top `limit` of a board, highest points first (one Query on the index). */
  leaderboard(tenant: Tenant, board: BoardKey, limit: number): Promise<BoardEntry[]>;
  /** How many people on a board have more than `points` (one Query, count only). */
  countAhead(tenant: Tenant, board: BoardKey, points: number): Promise<number>;
  /** Counts an answer in the team's week: two small writes, outside the answer's transaction. */
  recordTeamAnswer(user: UserKey, answer: TeamAnswer): Promise<void>;
  /** The team's weeks asked for, in order (one BatchGet). */
  getTeamWeeks(tenant: Tenant, weeks: string[]): Promise<TeamWeek[]>;
  /** Adds a daily answer's points to the monthly board, once per question date (one UpdateItem). */
  addMonthPoints(
    user: NamedUser,
    entry: { month: string; date: string; points: number; at: string },
  ): Promise<void>;
  /** Starts an exam unless one is running (one conditional Put). */
  startExam(user: UserKey, session: ExamSession): Promise<'started' | 'running'>;
  /** The exam session, and the review card of `questionId` when given (one request). */
  getExamContext(
    user: UserKey,
    questionId?: string,
  ): Promise<{ session?: ExamSession; card?: CardRecord }>;
  /** One exam answer, exactly once (one TransactWrite with the reviews, and the result last). */
  recordExamAnswer(
    user: NamedUser,
    answer: ExamAnswer,
  ): Promise<'recorded' | 'moved-on' | 'card-conflict'>;
  /** Ends a running exam (one conditional Delete); the session, or undefined if none ran. */
  stopExam(user: UserKey, now: string): Promise<ExamSession | undefined>;
  /** The last `limit` exam results, newest first (one Query). */
  examHistory(user: UserKey, limit: number): Promise<ExamResult[]>;
  /** Turns a channel's weekly recap on or off; false when the channel is not subscribed. */
  setRecap(tenant: Tenant, channelId: string, on: boolean): Promise<boolean>;
  /** Subscribes a channel to the daily question (or re-activates a failed one). */
  subscribe(subscription: Subscription): Promise<'subscribed' | 'already'>;
  /** Unsubscribes a channel; false when it was not subscribed. */
  unsubscribe(tenant: Tenant, channelId: string): Promise<boolean>;
  /** A channel's subscription, if any. */
  getSubscription(tenant: Tenant, channelId: string): Promise<Subscription | undefined>;
}

/** What the scheduled daily run needs besides the core's `TutorStore`. */
export interface DailyRunStore {
  /** Active subscriptions, a page at a time (Query on the index, never a Scan). */
  listSubscriptions(): AsyncGenerator<Subscription[]>;
  claimDaily(
    tenant: Tenant,
    claim: ClaimRequest,
  ): Promise<{ outcome: ClaimOutcome; record: DailyRecord }>;
  markDailyPosted(tenant: Tenant, post: PostedDaily): Promise<void>;
  releaseDaily(
    tenant: Tenant,
    claim: { channelId: string; date: string; claimId: string },
  ): Promise<void>;
  advanceWorkspaceDaily(tenant: Tenant, date: string): Promise<void>;
  markSubscriptionFailed(tenant: Tenant, channelId: string, failure: string): Promise<void>;
  getDaily(tenant: Tenant, channelId: string, date: string): Promise<DailyRecord | undefined>;
  countDailyAnswers(tenant: Tenant, channelId: string, date: string): Promise<DailyTally>;
}

/** What the weekly recap run needs. */
export interface RecapRunStore {
  listSubscriptions(): AsyncGenerator<Subscription[]>;
  getSubscription(tenant: Tenant, channelId: string): Promise<Subscription | undefined>;
  markSubscriptionFailed(tenant: Tenant, channelId: string, failure: string): Promise<void>;
  claimRecap(tenant: Tenant, claim: RecapClaim): Promise<ClaimOutcome>;
  markRecapPosted(
    tenant: Tenant,
    post: { channelId: string; week: string; claimId: string; messageId: string; at: string },
  ): Promise<void>;
  releaseRecap(
    tenant: Tenant,
    claim: { channelId: string; week: string; claimId: string },
  ): Promise<void>;
  leaderboard(tenant: Tenant, board: BoardKey, limit: number): Promise<BoardEntry[]>;
  getTeamWeeks(tenant: Tenant, weeks: string[]): Promise<TeamWeek[]>;
  dailyRecordsBetween(
    tenant: Tenant,
    channelId: string,
    from: string,
    to: string,
  ): Promise<DailyRecord[]>;
  countDailyAnswers(
    tenant: Tenant,
    channelId: string | undefined,
    date: string,
  ): Promise<DailyTally>;
  boardTotals(tenant: Tenant): Promise<(Totals & { userId: string })[]>;
  getWorkspaceDaily(tenant: Tenant): Promise<WorkspaceDaily | undefined>;
}
