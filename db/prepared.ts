import type { Sql } from "postgres";

// drizzle's postgres-js driver sends every query through `sql.unsafe(text, params, { prepare:
// false })` unless the code names a prepared statement, so PostgreSQL parses and plans each
// request's statements again (0.3–0.5 ms for a join, more than running it). This wraps the
// client so that parameterised statements are prepared once per connection and reused. The
// number of distinct statements is capped, so a query built with a variable shape (an IN list
// of any length) cannot grow the server's statement cache without bound; past the cap, new
// shapes run unprepared as before. DATABASE_PREPARED_STATEMENTS=off turns it off (for a
// transaction-mode pooler such as PgBouncer before 1.21).

const MAX_STATEMENTS = 500;

type Unsafe = (query: string, params?: unknown[], options?: { prepare?: boolean }) => unknown;

export function preparingClient<T extends Sql>(client: T, known: Set<string> = new Set()): T {
  const shouldPrepare = (query: string, params: unknown[] | undefined): boolean => {
    if (!params || params.length === 0) return false; // the simple protocol: nothing to prepare
    if (known.has(query)) return true;
    if (known.size >= MAX_STATEMENTS) return false;
    known.add(query);
    return true;
  };
  const wrapCallback = (args: unknown[]) => {
    const cb = args.at(-1) as (tx: Sql) => unknown;
    return [...args.slice(0, -1), (tx: Sql) => cb(preparingClient(tx, known))];
  };
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === "unsafe") {
        const unsafe = (target as unknown as { unsafe: Unsafe }).unsafe;
        return (query: string, params?: unknown[], options?: { prepare?: boolean }) =>
          unsafe(query, params as never, { ...options, prepare: Boolean(options?.prepare) || shouldPrepare(query, params) });
      }
      if (prop === "begin" || prop === "savepoint") {
        const fn = (target as unknown as Record<string, (...a: unknown[]) => unknown>)[prop]!;
        return (...args: unknown[]) => fn(...wrapCallback(args));
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}
