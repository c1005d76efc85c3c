// The one source of "now", so tests can move time (token expiry, timesheet weeks).
let override: (() => Date) | null = null;

export function now(): Date {
  return override ? override() : new Date();
}

export function setClock(fn: (() => Date) | null): void {
  override = fn;
}

/**
 * The whole second holding `d` (truncated, as every stored instant is: SPEC.md "Instants are
 * whole seconds"). Every write of an entry's instants and every reader's "now" for a running
 * entry goes through this, so sums at any grouping agree.
 */
export function wholeSecond(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

/** now(), truncated to the second: the end of a running entry for every reader and writer. */
export function nowWholeSecond(): Date {
  return wholeSecond(now());
}
