import { patternImage } from "../screenshots/helpers";
import { beforeAll, describe, expect, it } from "vitest";
import { testDbKind } from "../db";
import { call, makeOrg, type TestOrg } from "../helpers";
import {
  changedTables,
  checksum,
  credentialsOf,
  fillPath,
  furnishedOrg,
  operations,
  refreshStoredHashes,
  sample,
  scanForSecrets,
  schemasOf,
  toQuery,
  type Credential,
  type Furnished,
  type Operation,
} from "./kit";

// Organisation A's admin names organisation B's ids on every route, with every credential kind:
// never a 2xx, never a changed row of B, never one of B's ids in an answer.

type Ids = Furnished["ids"];

/** Path parameter name → B's id of that kind. A route with an unknown name fails the test below. */
const PATH_PARAMS: Record<string, (ids: Ids, pattern: string) => string> = {
  userId: (b) => b.user,
  teamId: (b) => b.team,
  taskId: (b) => b.task,
  trackId: (b) => b.entry,
  projectId: (b) => b.project,
  invId: (b) => b.invitation,
  apiKeyId: (b) => b.apiKey,
  sessionId: (b) => b.session,
  orgId: (b) => b.org,
  ruleId: (b) => b.rule,
  externalId: (b) => b.taskExternalId,
  name: (b) => b.taskName,
  id: (b, pattern) => {
    if (pattern.includes("/screenshot/")) return b.screenshot;
    if (pattern.includes("/time-log/")) return b.entry;
    throw new Error(`no mapping for {id} in ${pattern}`);
  },
};
/** Parameters that name a value, not a row: a route may legitimately act on the caller's own organisation. */
const VALUE_PARAMS = new Set(["externalId", "name"]);

/** Body and query fields that carry ids → B's id of that kind. */
function namedIds(b: Ids): Record<string, unknown> {
  return {
    projectId: b.project,
    taskId: b.task,
    employeeId: b.user,
    userId: b.user,
    teamId: b.team,
    ids: [b.timesheet],
    organizationId: b.org,
    timeSlotId: b.slot,
    uuid: b.user,
  };
}
const ID_FIELDS = new Set(["projectId", "taskId", "employeeId", "userId", "teamId", "ids", "organizationId", "timeSlotId"]);

function fieldsOf(s: Record<string, any> | undefined): string[] {
  return Object.keys(s?.properties ?? {});
}

function namesB(op: Operation): boolean {
  const { query, body } = schemasOf(op);
  return op.pathParams.some((p) => !VALUE_PARAMS.has(p)) || [...fieldsOf(query), ...fieldsOf(body)].some((f) => ID_FIELDS.has(f));
}

const probed = operations.filter((o) => o.pathParams.length > 0 || ((o.handler.spec.auth ?? "required") === "required" && namesB(o)));

describe(`cross-tenant probes (${testDbKind()})`, () => {
  it("probes every route with a path id, and the dashboards and screenshots that take ids in the body or query", () => {
    // it.each over an empty list passes without running anything
    const names = probed.map((o) => `${o.method} ${o.pattern}`);
    expect(names.length).toBeGreaterThanOrEqual(operations.filter((o) => o.pathParams.length > 0).length);
    expect(names).toEqual(
      expect.arrayContaining([
        "POST /v1/dashboard/productivity-analysis",
        "POST /v1/dashboard/weekly-summary",
        "POST /v1/proof-of-work/timesheet",
        "GET /v1/productivity-rules",
        "GET /api/timesheet/screenshot",
        "GET /api/timesheet/screenshot/{id}/file",
      ]),
    );
  });

  it("knows every path parameter of the route table", () => {
    const unknown = operations.flatMap((o) => o.pathParams.filter((p) => !(p in PATH_PARAMS)).map((p) => `${o.pattern} {${p}}`));
    expect(unknown).toEqual([]);
    for (const o of operations.filter((x) => x.pathParams.includes("id"))) expect(() => PATH_PARAMS.id!({} as Ids, o.pattern)).not.toThrow();
  });

  let a: TestOrg;
  let b: Furnished;
  let creds: Credential[];
  beforeAll(async () => {
    b = await furnishedOrg();
    a = await makeOrg();
    creds = await credentialsOf(a.id, a.admin.id);
    await refreshStoredHashes();
  }, 120_000);

  it("furnishes organisation B with one row of every kind", () => {
    for (const [k, v] of Object.entries(b.ids)) expect(v, k).toBeTruthy();
  });

  it.each(probed.map((o) => [o.method, o.pattern, o] as const))("%s %s: A's admin naming B's ids gets no 2xx and changes nothing", async (method, pattern, op) => {
    const bIds = Object.values(b.ids).filter((v) => v.length >= 36);
    const named = namedIds(b.ids);
    const params = Object.fromEntries(op.pathParams.map((p) => [p, PATH_PARAMS[p]!(b.ids, pattern)]));
    const { query, body } = schemasOf(op);
    const path = fillPath(pattern, params);
    const actsOnValueOnly = op.pathParams.length > 0 && op.pathParams.every((p) => VALUE_PARAMS.has(p));
    for (const cred of creds) {
      const before = await checksum(b.id);
      // upload routes get a real image, so the probe reaches the tenant check past the form's checks
      const form = op.handler.spec.rawBody ? new FormData() : undefined;
      form?.append("file", new Blob([new Uint8Array(await patternImage())], { type: "image/png" }), "x.png");
      const res = await call(op.handler, method, path, {
        params,
        headers: cred.headers,
        query: toQuery(sample(query, named)),
        ...(form
          ? { rawBody: form }
          : { body: body ? sample(body, named) : method === "GET" || method === "DELETE" ? undefined : {} }),
      });
      const after = await checksum(b.id);
      const what = `${method} ${path} (${cred.kind}) → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
      scanForSecrets(res, what);
      expect(changedTables(before, after), what).toEqual([]);
      expect(res.status, what).not.toBe(500);
      const text = JSON.stringify(res.body ?? null);
      if (res.status < 300) for (const id of bIds) expect(text.includes(id), `${what}: leaks B's id ${id}`).toBe(false);
      if (!actsOnValueOnly) {
        expect(res.status >= 400, what).toBe(true);
        expect([400, 401, 403, 404, 422], what).toContain(res.status);
        if (op.pathParams.length > 0 && (op.handler.spec.auth ?? "required") === "required") expect([403, 404], what).toContain(res.status);
      }
    }
  });

  it("B's own admin still reads what A was refused (the probes hit live rows)", async () => {
    const { GET } = await import("@/app/v1/tasks/[taskId]/route");
    const res = await call(GET, "GET", `/v1/tasks/${b.ids.task}`, { token: b.admin.token, params: { taskId: b.ids.task } });
    expect(res.status).toBe(200);
  });
});
