import { describe, expect, it } from "vitest";
import { GET as listProjects } from "@/app/v1/projects/route";
import { GET as listProjectTasks } from "@/app/v1/projects/[projectId]/tasks/route";
import { GET as listTasks } from "@/app/v1/tasks/route";
import { GET as listTracks } from "@/app/v1/tasks/[taskId]/tracks/route";
import { GET as listUsers } from "@/app/v1/users/route";
import { GET as listInvitations } from "@/app/v1/invitations/route";
import { GET as listTeams } from "@/app/v1/teams/route";
import { GET as listApiKeys } from "@/app/v1/api-keys/route";
import { GET as listSessions } from "@/app/v1/auth/sessions/route";
import { GET as listRules } from "@/app/v1/productivity-rules/route";
import { routeTable } from "@/app/routes.generated";
import { handlerOf } from "@/lib/openapi/build";
import { apiKeys, authSessions, invitations, productivityRules, projects, tasks, teams, timeEntries } from "@/db/schema";
import { testDbKind } from "../db";
import { addUser, call, db, makeOrg, type TestOrg } from "../helpers";

// Issue 14: the /v1 lists keep the seed's plain arrays, but no longer stop at 50 silently.
const N = 53;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const hourMs = 3600_000;

interface ListCase {
  name: string;
  handler: typeof listProjects;
  /** Creates at least N rows in the list and returns its path and params. */
  seed: (org: TestOrg) => Promise<{ path: string; params?: Record<string, string>; token?: string; extra?: number }>;
}

const cases: ListCase[] = [
  {
    name: "GET /v1/projects",
    handler: listProjects,
    seed: async (org) => {
      await (await db()).insert(projects).values(range(N).map((i) => ({ organizationId: org.id, userId: org.admin.id, name: `p${i}` })));
      return { path: "/v1/projects" };
    },
  },
  {
    name: "GET /v1/projects/{projectId}/tasks",
    handler: listProjectTasks,
    seed: async (org) => {
      const [p] = await (await db()).insert(projects).values({ organizationId: org.id, userId: org.admin.id, name: "p" }).returning();
      await (await db()).insert(tasks).values(range(N).map((i) => ({ organizationId: org.id, userId: org.admin.id, projectId: p!.id, name: `t${i}` })));
      return { path: `/v1/projects/${p!.id}/tasks`, params: { projectId: p!.id } };
    },
  },
  {
    name: "GET /v1/tasks",
    handler: listTasks,
    seed: async (org) => {
      await (await db()).insert(tasks).values(range(N).map((i) => ({ organizationId: org.id, userId: org.admin.id, name: `t${i}` })));
      return { path: "/v1/tasks" };
    },
  },
  {
    name: "GET /v1/tasks/{taskId}/tracks",
    handler: listTracks,
    seed: async (org) => {
      const [t] = await (await db()).insert(tasks).values({ organizationId: org.id, userId: org.admin.id, name: "t" }).returning();
      const base = Date.parse("2026-01-05T00:00:00Z");
      await (await db()).insert(timeEntries).values(
        range(N).map((i) => ({
          organizationId: org.id,
          userId: org.admin.id,
          taskId: t!.id,
          startedAt: new Date(base + i * 2 * hourMs),
          stoppedAt: new Date(base + i * 2 * hourMs + hourMs),
        })),
      );
      return { path: `/v1/tasks/${t!.id}/tracks`, params: { taskId: t!.id } };
    },
  },
  {
    name: "GET /v1/users",
    handler: listUsers,
    seed: async (org) => {
      for (let i = 0; i < N - 4; i++) await addUser(org.id);
      return { path: "/v1/users" };
    },
  },
  {
    name: "GET /v1/invitations",
    handler: listInvitations,
    seed: async (org) => {
      const at = new Date(Date.now() + 86_400_000);
      await (await db()).insert(invitations).values(
        range(N).map((i) => ({ organizationId: org.id, email: `inv${i}-${org.id.slice(0, 8)}@example.test`, role: "member" as const, tokenHash: `h${i}-${org.id}`, expiresAt: at })),
      );
      return { path: "/v1/invitations" };
    },
  },
  {
    name: "GET /v1/teams",
    handler: listTeams,
    seed: async (org) => {
      await (await db()).insert(teams).values(range(N).map((i) => ({ organizationId: org.id, name: `team ${String(i).padStart(3, "0")}` })));
      return { path: "/v1/teams" };
    },
  },
  {
    name: "GET /v1/api-keys",
    handler: listApiKeys,
    seed: async (org) => {
      await (await db()).insert(apiKeys).values(range(N).map((i) => ({ organizationId: org.id, userId: org.admin.id, name: `k${i}`, keyHash: `kh${i}-${org.id}`, last4: "abcd", scopes: ["time:read"] })));
      return { path: "/v1/api-keys" };
    },
  },
  {
    name: "GET /v1/auth/sessions",
    handler: listSessions,
    seed: async (org) => {
      const at = new Date();
      const until = new Date(Date.now() + 86_400_000);
      await (await db()).insert(authSessions).values(
        range(N).map((i) => ({ organizationId: org.id, userId: org.member.id, kind: "password" as const, startedAt: at, expiresAt: until, accessTokenHash: `a${i}-${org.id}`, accessExpiresAt: until, refreshTokenHash: `r${i}-${org.id}` })),
      );
      return { path: "/v1/auth/sessions" };
    },
  },
  {
    name: "GET /v1/productivity-rules",
    handler: listRules,
    seed: async (org) => {
      await (await db()).insert(productivityRules).values(range(N).map((i) => ({ organizationId: org.id, matchType: "APP" as const, pattern: `app${i}`, classification: "PRODUCTIVE" as const })));
      return { path: "/v1/productivity-rules" };
    },
  },
];

async function all(c: ListCase, org: TestOrg, seeded: Awaited<ReturnType<ListCase["seed"]>>) {
  const first = await call(c.handler, "GET", seeded.path, { token: org.admin.token, params: seeded.params });
  return first;
}

describe(`/v1 list pagination (${testDbKind()})`, () => {
  it("covers every paginated route of the route table", () => {
    const paged = routeTable.flatMap((r) => {
      const h = handlerOf(r.module, "GET");
      return h?.spec.paginated ? [`GET ${r.pattern}`] : [];
    });
    expect(paged.sort()).toEqual(cases.map((c) => c.name).sort());
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s: 50 by default, X-Total-Count, Link to the next page, none on the last", async (_name, c) => {
    const org = await makeOrg();
    const seeded = await c.seed(org);
    const first = await all(c, org, seeded);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(Array.isArray(first.body)).toBe(true);
    expect(first.body).toHaveLength(50);
    const total = Number(first.headers.get("x-total-count"));
    expect(total).toBeGreaterThanOrEqual(N);
    const link = first.headers.get("link");
    expect(link).toMatch(/^<http:\/\/localhost:3000\/[^>]+>; rel="next"$/);
    const next = new URL(link!.slice(1, link!.indexOf(">")));
    expect(next.pathname).toBe(seeded.path);
    expect(next.searchParams.get("offset")).toBe("50");
    expect(next.searchParams.get("limit")).toBe("50");

    const last = await call(c.handler, "GET", next.pathname + next.search, { token: org.admin.token, params: seeded.params });
    expect(last.status).toBe(200);
    expect(last.body).toHaveLength(total - 50);
    expect(last.headers.get("x-total-count")).toBe(String(total));
    expect(last.headers.get("link")).toBeNull();
    // the two pages hold every row once
    const ids = [...first.body, ...last.body].map((x: { id: string }) => x.id);
    expect(new Set(ids).size).toBe(total);
  });

  it("keeps the other query parameters in the Link, honours limit and offset, and `page` still works", async () => {
    const org = await makeOrg();
    await cases[2]!.seed(org);
    const res = await call(listTasks, "GET", "/v1/tasks", { token: org.admin.token, query: { status: "open", limit: 20, offset: 10 } });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(20);
    expect(res.headers.get("x-total-count")).toBe(String(N));
    const next = new URL(res.headers.get("link")!.match(/^<([^>]+)>/)![1]!);
    expect(Object.fromEntries(next.searchParams)).toEqual({ status: "open", limit: "20", offset: "30" });
    const byPage = await call(listTasks, "GET", "/v1/tasks", { token: org.admin.token, query: { page: 2, limit: 20 } });
    expect(byPage.body.map((t: { id: string }) => t.id)).toEqual(
      (await call(listTasks, "GET", "/v1/tasks", { token: org.admin.token, query: { offset: 20, limit: 20 } })).body.map((t: { id: string }) => t.id),
    );
    const past = await call(listTasks, "GET", "/v1/tasks", { token: org.admin.token, query: { offset: 500 } });
    expect(past.body).toEqual([]);
    expect(past.headers.get("x-total-count")).toBe(String(N));
    expect(past.headers.get("link")).toBeNull();
  });

  it("counts only the caller's organisation", async () => {
    const a = await makeOrg();
    const b = await makeOrg();
    await cases[0]!.seed(a);
    const res = await call(listProjects, "GET", "/v1/projects", { token: b.admin.token });
    expect(res.body).toEqual([]);
    expect(res.headers.get("x-total-count")).toBe("0");
  });

  it.each([
    [{ limit: 0 }, "query.limit"],
    [{ limit: 201 }, "query.limit"],
    [{ limit: "ten" }, "query.limit"],
    [{ limit: 1.5 }, "query.limit"],
    [{ offset: -1 }, "query.offset"],
    [{ offset: "x" }, "query.offset"],
  ])("refuses %o with 422 naming %s", async (query, field) => {
    const org = await makeOrg();
    for (const h of [listProjects, listUsers, listInvitations]) {
      const path = h === listProjects ? "/v1/projects" : h === listUsers ? "/v1/users" : "/v1/invitations";
      const res = await call(h, "GET", path, { token: org.admin.token, query });
      expect(res.status).toBe(422);
      expect(res.body.details.field).toBe(field);
    }
  });
});
