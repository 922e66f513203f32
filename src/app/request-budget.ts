/** The time one chat request has in all, from its arrival, shared by everything it does. */
export interface RequestBudget {
  /** A signal that fires when the budget has `reserveMs` left: for work that must leave room. */
  until(reserveMs?: number): AbortSignal;
  /** Milliseconds left, never below 0. */
  remainingMs(): number;
}

/** Starts a budget of `totalMs` now; pass it down explicitly, never through module state. */
export function startBudget(totalMs: number, now: () => number = Date.now): RequestBudget {
  const end = now() + totalMs;
  const remainingMs = () => Math.max(0, end - now());
  return {
    until: (reserveMs = 0) => AbortSignal.timeout(Math.max(0, remainingMs() - reserveMs)),
    remainingMs,
  };
}
