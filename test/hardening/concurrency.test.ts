import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { POST as timerStart } from "@/app/api/timesheet/timer/start/route";
import { POST as taskStart } from "@/app/v1/tasks/[taskId]/start/route";
import { PUT as approve } from "@/app/api/timesheet/approve/route";
import { PUT as submit } from "@/app/api/timesheet/submit/route";
import { GET as listSheets } from "@/app/api/timesheet/route";
import { POST as createLog } from "@/app/api/timesheet/time-log/route";
import { rowsOf } from "@/db/sql";
import { testDbKind } from "../db";
import { call, db, makeOrg } from "../helpers";
import { addProject, addTask } from "../timesheet/fixtures";
import { overlappingEntries } from "./kit";

// Races on one user's timer and one sheet's approval; after each, no two entries of a user overlap.

async function count(q: string): Promise<number> {
  const [row] = rowsOf<{ n: number | string }>(await (await db()).execute(sql.raw(q)));
  return Number(row!.n);
}

describe(`concurrency (${testDbKind()})`, () => {
  afterEach(async () => {
    expect(await overlappingEntries()).toBe(0);
  });

  it("50 simultaneous timer starts for one user leave exactly one running entry", async () => {
    const org = await makeOrg();
    const answers = await Promise.all(Array.from({ length: 50 }, () => call(timerStart, "POST", "/api/timesheet/timer/start", { token: org.member.token, body: {} })));
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    expect(answers.some((a) => a.status === 201 || a.status === 200)).toBe(true);
    expect(await count(`select count(*) as n from time_entries where organization_id = '${org.id}' and user_id = '${org.member.id}' and stopped_at is null`)).toBe(1);
  });

  it("50 simultaneous task starts (/v1) for one user leave exactly one running entry", async () => {
    const org = await makeOrg();
    const project = await addProject(org.id, org.member.id, "P");
    const tasks = await Promise.all([1, 2, 3].map((i) => addTask(org.id, org.member.id, project.id, `T${i}`)));
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        const taskId = tasks[i % 3]!.id;
        return call(taskStart, "POST", `/v1/tasks/${taskId}/start`, { token: org.member.token, params: { taskId } });
      }),
    );
    expect(answers.filter((a) => a.status >= 500).map((a) => a.body)).toEqual([]);
    expect(await count(`select count(*) as n from time_entries where organization_id = '${org.id}' and user_id = '${org.member.id}' and stopped_at is null`)).toBe(1);
  });

  it("20 simultaneous approvals of one sheet leave one approval and one audit event", async () => {
    const org = await makeOrg();
    const start = new Date(Date.now() - 26 * 3600_000);
    start.setUTCMilliseconds(0);
    const log = await call(createLog, "POST", "/api/timesheet/time-log", {
      token: org.member.token,
      body: { startedAt: start.toISOString(), stoppedAt: new Date(start.getTime() + 3600_000).toISOString() },
    });
    expect(log.status).toBe(201);
    const sheets = await call(listSheets, "GET", "/api/timesheet", { token: org.member.token, query: { startDate: start.toISOString().slice(0, 10), endDate: start.toISOString().slice(0, 10) } });
    const sheetId = sheets.body.items[0].id as string;
    expect((await call(submit, "PUT", "/api/timesheet/submit", { token: org.member.token, body: { ids: [sheetId], status: "PENDING" } })).status).toBe(200);
    const answers = await Promise.all(Array.from({ length: 20 }, () => call(approve, "PUT", "/api/timesheet/approve", { token: org.admin.token, body: { ids: [sheetId] } })));
    expect(answers.filter((a) => a.status >= 500).map((a) => a.body)).toEqual([]);
    expect(await count(`select count(*) as n from timesheets where organization_id = '${org.id}' and id = '${sheetId}' and status = 'APPROVED'`)).toBe(1);
    expect(await count(`select count(*) as n from audit_log where organization_id = '${org.id}' and entity_id = '${sheetId}' and action like '%approve%'`)).toBe(1);
  });

  it("20 simultaneous overlapping manual logs for one user keep at most one", async () => {
    const org = await makeOrg();
    const start = new Date(Date.now() - 50 * 3600_000);
    start.setUTCMilliseconds(0);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(createLog, "POST", "/api/timesheet/time-log", {
          token: org.member.token,
          body: { startedAt: new Date(start.getTime() + i * 60_000).toISOString(), stoppedAt: new Date(start.getTime() + 3600_000 + i * 60_000).toISOString() },
        }),
      ),
    );
    expect(answers.filter((a) => a.status >= 500).map((a) => a.body)).toEqual([]);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
  });
});
