import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import * as R from "@/lib/validation/timesheet-responses";
import { testDbKind } from "../db";
import { makeOrg } from "../helpers";
import { addProject, api, fixClock, resetClockAfterEach } from "./fixtures";

resetClockAfterEach();

/** The body has exactly the documented shape: parsing strips unknown keys, so equality means none. */
function conforms(schema: ZodType, res: { status: number; body: unknown }, status = 200) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const parsed = schema.safeParse(res.body);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  expect(parsed.data).toEqual(res.body);
}

describe(`/api/timesheet responses match the documented shapes (${testDbKind()})`, () => {
  it("for every operation", async () => {
    fixClock("2026-03-04T09:00:00Z");
    const org = await makeOrg();
    const p = await addProject(org.id, org.admin.id, "P");
    const created = await api.createLog(org.member.token, { startedAt: "2026-03-02T09:00:00Z", stoppedAt: "2026-03-02T10:00:00Z", projectId: p.id });
    conforms(R.writtenTimeLogResponse, created, 201);
    conforms(R.timeLogListResponse, await api.listLogs(org.member.token));
    conforms(R.timeLogResponse, await api.getLog(org.member.token, created.body.id));
    conforms(R.writtenTimeLogResponse, await api.updateLog(org.member.token, created.body.id, { description: "d" }));

    conforms(R.timeLogResponse, await api.start(org.member.token, { projectId: p.id }), 201);
    conforms(R.timerStatusResponse, await api.status(org.member.token));
    fixClock("2026-03-04T09:30:00Z");
    conforms(R.timeLogResponse, await api.stop(org.member.token));
    conforms(R.timerStatusResponse, await api.status(org.member.token));
    conforms(R.timeLogResponse, await api.toggle(org.member.token));
    fixClock("2026-03-04T09:40:00Z");
    conforms(R.timeLogResponse, await api.toggle(org.member.token));

    const other = await api.createLog(org.member.token, { startedAt: "2026-03-03T09:00:00Z", stoppedAt: "2026-03-03T10:00:00Z" });
    conforms(R.timeLogResponse, await api.deleteLog(org.member.token, other.body.id));

    const sheetId = created.body.timesheetId as string;
    conforms(R.sheetListResponse, await api.listSheets(org.member.token));
    conforms(R.sheetListResponse, await api.submit(org.member.token, [sheetId]));
    conforms(R.sheetListResponse, await api.review(org.manager.token, [sheetId]));
    conforms(R.sheetListResponse, await api.deny(org.manager.token, [sheetId], "why"));
    await api.submit(org.member.token, [sheetId]);
    conforms(R.sheetListResponse, await api.approve(org.manager.token, [sheetId]));
    conforms(R.sheetListResponse, await api.reopen(org.admin.token, [sheetId]));

    conforms(
      R.activityBulkResponse,
      await api.bulk(org.member.token, { activities: [{ clientId: "c", type: "URL", url: "https://example.com/a", startedAt: "2026-03-02T09:00:00Z", duration: 60 }] }),
    );
    conforms(R.activityListResponse, await api.activities(org.member.token));
    conforms(R.activityListResponse, await api.activities(org.member.token, { groupBy: "name" }));
    conforms(R.slotResponse, await api.postSlot(org.member.token, { startedAt: "2026-03-02T09:00:00Z", keyboard: 1, mouse: 2, overall: 3 }));
    conforms(R.slotListResponse, await api.slots(org.member.token));
    conforms(R.countsResponse, await api.counts(org.member.token));
    conforms(R.dailyChartResponse, await api.chart(org.member.token, { groupBy: "project" }));
  });
});
