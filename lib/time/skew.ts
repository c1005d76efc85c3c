// The "not in the future" check of every write that records when something happened (time
// entries, activities, activity slots, screenshots): a client clock running up to a minute
// ahead of the server's is tolerated.

export const FUTURE_SKEW_MS = 60_000;

/** Whether an instant lies beyond `at` by more than the tolerated skew. */
export function isInFuture(instant: Date, at: Date): boolean {
  return instant.getTime() > at.getTime() + FUTURE_SKEW_MS;
}
