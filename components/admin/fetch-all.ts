import { api } from "@/lib/api-client";

const PAGE = 100;
const MAX_PAGES = 50;

/** Every row of a paginated /v1 list (a bare array per page, `page` and `limit` parameters). */
export async function fetchAllPages<T>(path: string, query: Record<string, string | undefined> = {}, get = api): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const rows = await get<T[]>(path, { query: { ...query, page, limit: PAGE } });
    all.push(...rows);
    if (rows.length < PAGE) break;
  }
  return all;
}

/** Every item of a paginated /api/timesheet list (`{ items, total }` per page). */
export async function fetchAllItems<T>(path: string, query: Record<string, string | undefined> = {}, get = api): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { items, total } = await get<{ items: T[]; total: number }>(path, { query: { ...query, page, limit: PAGE } });
    all.push(...items);
    if (items.length < PAGE || all.length >= total) break;
  }
  return all;
}
