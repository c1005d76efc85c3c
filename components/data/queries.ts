import { api } from "@/lib/api-client";

// The client pages' one "fetch every page" helper (admin, approvals, screenshots, profile and
// the employee pages). Query keys live in lib/query-keys.ts.

const PAGE = 100;
const MAX_PAGES = 50;

type Query = Record<string, string | undefined>;

/**
 * Every row of a paginated list: a /v1 list answers a bare array per page, an /api/timesheet
 * list `{ items, total }`. Stops at the first short page, when the total is reached, or after
 * `maxPages` pages.
 */
export async function fetchAll<T>(path: string, query: Query = {}, get = api, maxPages = MAX_PAGES): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const body = await get<{ items: T[]; total: number } | T[]>(path, { query: { ...query, page, limit: PAGE } });
    const batch = Array.isArray(body) ? body : body.items;
    all.push(...batch);
    if (batch.length < PAGE || (!Array.isArray(body) && all.length >= body.total)) break;
  }
  return all;
}
