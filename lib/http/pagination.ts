import type { Page, Paged } from "@/lib/services/platform";

// A paged list keeps its seed's plain array; the headers say how many rows exist and where the
// next page is (RFC 8288), so a client never loses rows silently.

export const TOTAL_COUNT_HEADER = "x-total-count";

/** X-Total-Count, and `Link: <next page>; rel="next"` while rows remain. */
export function pageHeaders(requestUrl: URL, page: Page, total: number): Record<string, string> {
  const headers: Record<string, string> = { [TOTAL_COUNT_HEADER]: String(total) };
  const next = page.offset + page.limit;
  if (next < total) {
    const url = new URL(requestUrl);
    url.searchParams.delete("page");
    url.searchParams.set("offset", String(next));
    url.searchParams.set("limit", String(page.limit));
    headers.link = `<${url.toString()}>; rel="next"`;
  }
  return headers;
}

export function isPaged(value: unknown): value is Paged<unknown> {
  return typeof value === "object" && value !== null && Array.isArray((value as Paged<unknown>).items) && typeof (value as Paged<unknown>).total === "number";
}

export function isPage(value: unknown): value is Page {
  return typeof value === "object" && value !== null && typeof (value as Page).limit === "number" && typeof (value as Page).offset === "number";
}
