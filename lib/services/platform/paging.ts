import { count, type SQL } from "drizzle-orm";
import type { PgSelect, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";

// One page of a list, with the number of rows all pages hold. The /v1 lists keep their plain
// arrays on the wire; the http layer turns `total` into X-Total-Count and a `Link: rel="next"`.

export interface Page {
  limit: number;
  offset: number;
}

export interface Paged<T> {
  items: T[];
  total: number;
}

/**
 * Runs `query` for one page (every row when `page` is undefined: the server-rendered pages).
 * The query must have a stable order (end it with the id). The count runs only when the page
 * cannot tell the total itself (a full page, or an empty one past the first).
 */
export async function paginate<Q extends PgSelect>(query: Q, page: Page | undefined, countAll: () => Promise<number>): Promise<Paged<Awaited<Q>[number]>> {
  if (!page) {
    const items = (await query) as Awaited<Q>[number][];
    return { items, total: items.length };
  }
  const items = (await query.limit(page.limit).offset(page.offset)) as Awaited<Q>[number][];
  const exact = items.length < page.limit && (items.length > 0 || page.offset === 0);
  return { items, total: exact ? page.offset + items.length : await countAll() };
}

/** `select count(*) from table where …`, the total of a paginated list. */
export function countWhere(db: Db, table: PgTable, where: SQL | undefined): () => Promise<number> {
  return async () => {
    const [row] = await db.select({ n: count() }).from(table).where(where);
    return Number(row?.n ?? 0);
  };
}

export function mapPage<T, U>(paged: Paged<T>, fn: (item: T) => U): Paged<U> {
  return { items: paged.items.map(fn), total: paged.total };
}
