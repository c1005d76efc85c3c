import { describe, expect, it } from "vitest";
import { fetchAll } from "./queries";

function pager(total: number) {
  const calls: Array<Record<string, unknown>> = [];
  const rows = Array.from({ length: total }, (_, i) => i);
  const get = async <T,>(_path: string, init?: { query?: Record<string, string | number | undefined> }) => {
    calls.push(init?.query ?? {});
    const page = Number(init?.query?.page);
    const limit = Number(init?.query?.limit);
    return rows.slice((page - 1) * limit, page * limit) as T;
  };
  return { get, calls };
}

describe("fetchAll", () => {
  it("stops at the first short page", async () => {
    const { get, calls } = pager(230);
    const all = await fetchAll<number>("/v1/projects", {}, get as never);
    expect(all).toHaveLength(230);
    expect(calls.map((c) => c.page)).toEqual([1, 2, 3]);
  });
  it("asks once more after an exactly full page", async () => {
    const { get, calls } = pager(100);
    expect(await fetchAll<number>("/v1/projects", {}, get as never)).toHaveLength(100);
    expect(calls).toHaveLength(2);
  });
});

describe("fetchAll", () => {
  it("stops when the total is reached", async () => {
    const calls: unknown[] = [];
    const get = async <T,>(_p: string, init?: { query?: Record<string, string | number | undefined> }) => {
      calls.push(init?.query);
      const page = Number(init?.query?.page);
      const items = Array.from({ length: page === 1 ? 100 : 0 }, (_, i) => i);
      return { items, total: 100 } as T;
    };
    expect(await fetchAll<number>("/api/timesheet", { status: "PENDING" }, get as never)).toHaveLength(100);
    expect(calls).toEqual([{ status: "PENDING", page: 1, limit: 100 }]);
  });
});
