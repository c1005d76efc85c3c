// Reads the PostgreSQL error behind a driver or Drizzle error (postgres.js and PGlite
// both expose `code`; Drizzle wraps them in an error whose `cause` is the original).
export interface PgErrorInfo {
  code: string;
  constraint?: string;
  detail?: string;
}

export function pgErrorOf(err: unknown): PgErrorInfo | null {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const o = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown; detail?: unknown; cause?: unknown };
    if (typeof o.code === "string" && /^[0-9A-Z]{5}$/.test(o.code)) {
      const constraint = (o.constraint_name ?? o.constraint) as string | undefined;
      return { code: o.code, constraint, detail: o.detail as string | undefined };
    }
    e = o.cause;
  }
  return null;
}

export const isUniqueViolation = (err: unknown, constraint?: string) => {
  const pg = pgErrorOf(err);
  return pg?.code === "23505" && (!constraint || pg.constraint === constraint);
};

export const isExclusionViolation = (err: unknown, constraint?: string) => {
  const pg = pgErrorOf(err);
  return pg?.code === "23P01" && (!constraint || pg.constraint === constraint);
};

/** Serialization failure or deadlock: the transaction may simply be run again. */
export const isRetryable = (err: unknown) => {
  const code = pgErrorOf(err)?.code;
  return code === "40001" || code === "40P01";
};

/** The database cannot be reached (down, restarting, refusing connections). */
export function isUnavailable(err: unknown): boolean {
  const pg = pgErrorOf(err);
  if (pg && (pg.code.startsWith("08") || pg.code === "57P01" || pg.code === "57P02" || pg.code === "57P03")) return true;
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const o = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof o.code === "string" && ["ECONNREFUSED", "ECONNRESET", "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "ETIMEDOUT", "EPIPE"].includes(o.code)) return true;
    if (typeof o.message === "string" && /PGlite is closed/i.test(o.message)) return true;
    e = o.cause;
  }
  return false;
}
