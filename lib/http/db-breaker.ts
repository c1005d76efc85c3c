import { AppError } from "@/lib/errors";

// A circuit breaker for a database that is down: once a request finds it unreachable, the
// next requests answer 503 at once for a short while instead of queueing behind connection
// attempts, and requests already waiting give up at a deadline. When the database answers
// again, the first request after the pause goes through and closes the breaker.

const OPEN_MS = 1000;
let openUntil = 0;
let deadlineMs = 4500;

export const unavailable = () =>
  new AppError("service_unavailable", "The database is unavailable; try again shortly", undefined, { "Retry-After": "5" });

export function tripBreaker(at = Date.now()): void {
  openUntil = at + OPEN_MS;
}

export function breakerOpen(at = Date.now()): boolean {
  return at < openUntil;
}

/** Tests: close the breaker and set how long a request may wait once the database is known down. */
export function resetBreaker(opts: { deadlineMs?: number } = {}): void {
  openUntil = 0;
  deadlineMs = opts.deadlineMs ?? 4500;
}

/**
 * Resolves like `work`, except that a request still waiting at the deadline while the
 * database is known to be down answers 503 then (the work is left to fail on its own).
 * With a healthy database nothing changes: slow requests are not cut off.
 */
export function withDeadline<T>(work: Promise<T>, startedAt: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const check = () => {
      if (settled) return;
      if (breakerOpen()) {
        settled = true;
        reject(unavailable());
      } else {
        timer = setTimeout(check, 250);
      }
    };
    let timer = setTimeout(check, Math.max(0, startedAt + deadlineMs - Date.now()));
    work.then(
      (v) => {
        clearTimeout(timer);
        if (!settled) {
          settled = true;
          resolve(v);
        }
      },
      (e) => {
        clearTimeout(timer);
        if (!settled) {
          settled = true;
          reject(e);
        }
      },
    );
  });
}
