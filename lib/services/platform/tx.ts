import type { Db } from "@/db/client";

/** Runs `fn` in one transaction (a savepoint when `db` already is one). */
export function inTx<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => fn(tx as unknown as Db));
}
