import { AppError } from "@/lib/errors";

// A circuit breaker for a database that is down: once a request finds it unreachable, the
// next requests answer 503 at once for a short while instead of queueing behind connection
// attempts, and requests already waiting give up at a deadline while the database is
// suspected down (it was found unreachable in the last SUSPECT_MS). When the database
// answers again, the first request after the pause goes through.

const OPEN_MS = 1000;
const SUSPECT_MS = 15_000;
const DEFAULT_DEADLINE_MS = 3500;
let openUntil = 0;
let lastTripAt = -Infinity;
let deadlineMs = DEFAULT_DEADLINE_MS;

export const unavailable = () =>
  new AppError("service_unavailable", "The database is unavailable; try again shortly", undefined, { "Retry-After": "5" });

export function tripBreaker(at = Date.now()): void {
  openUntil = at + OPEN_MS;
  lastTripAt = at;
}

/** The database was found unreachable recently: a request still waiting should give up. */
function suspectedDown(at = Date.now()): boolean {
  return breakerOpen(at) || at - lastTripAt < SUSPECT_MS;
}

export function breakerOpen(at = Date.now()): boolean {
  return at < openUntil;
}

/** Tests: close the breaker and set how long a request may wait once the database is known down. */
export function resetBreaker(opts: { deadlineMs?: number } = {}): void {
  openUntil = 0;
  lastTripAt = -Infinity;
  deadlineMs = opts.deadlineMs ?? DEFAULT_DEADLINE_MS;
}

/**
 * Resolves like `work`, except that a request still waiting at the deadline while the
 * database is suspected down answers 503 then (the work is left to fail on its own).
 * With a healthy database nothing changes: slow requests are not cut off.
 */
export function withDeadline<T>(work: Promise<T>, startedAt: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const check = () => {
      if (settled) return;
      if (suspectedDown()) {
        settled = true;
        reject(unavailable());
      } else {
        timer = setTimeout(check, 100);
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
