import { describe, expect, it } from "vitest";
import { testDbKind } from "../db";
import { makeOrg } from "../helpers";
import { addProject, api, fixClock, resetClockAfterEach } from "./fixtures";

resetClockAfterEach();
const NOW = "2026-03-06T12:00:00Z";

const batch = [
  { clientId: "a-1", type: "APP", name: "Visual Studio Code", title: "timer.ts — timebase", startedAt: "2026-03-02T09:00:00Z", duration: 600 },
  { clientId: "a-2", type: "URL", url: "https://GitHub.com/acme/timebase/pull/1", title: "PR #1", startedAt: "2026-03-02T09:10:00Z", duration: 300 },
  // no clientId: the content is the id, so a retry still counts once
  { type: "URL", title: "Docs.Google.com/document/d/1", startedAt: "2026-03-02T09:15:00Z", duration: 120 },
];

describe(`/api/timesheet/activity (${testDbKind()})`, () => {
  it("ingests a batch idempotently: the same batch twice gives the same totals", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const first = await api.bulk(org.member.token, { organizationId: org.id, activities: batch });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 3, duplicates: 0, total: 3 });
    expect(first.body.items.map((a: { name: string }) => a.name)).toEqual(["Visual Studio Code", "github.com", "docs.google.com"]);
    expect(first.body.items[1]).toMatchObject({ type: "URL", url: "https://GitHub.com/acme/timebase/pull/1", title: "PR #1", employeeId: org.member.id, duration: 300 });

    const totals = async () => (await api.activities(org.member.token, { groupBy: "name" })).body;
    const before = await totals();
    expect(before).toEqual({
      total: 3,
      items: [
        { type: "APP", name: "Visual Studio Code", duration: 600, count: 1 },
        { type: "URL", name: "github.com", duration: 300, count: 1 },
        { type: "URL", name: "docs.google.com", duration: 120, count: 1 },
      ],
    });

    const retry = await api.bulk(org.member.token, { activities: batch });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ created: 0, duplicates: 3, total: 3 });
    expect(retry.body.items.map((a: { id: string }) => a.id)).toEqual(first.body.items.map((a: { id: string }) => a.id));
    expect(await totals()).toEqual(before);

    const more = await api.bulk(org.member.token, {
      activities: [batch[0]!, { clientId: "a-3", type: "APP", name: "Slack", startedAt: "2026-03-02T09:20:00Z", duration: 60 }, { clientId: "a-3", type: "APP", name: "Slack", startedAt: "2026-03-02T09:20:00Z", duration: 60 }],
    });
    expect(more.body).toMatchObject({ created: 1, duplicates: 2, total: 2 });
    expect((await api.activities(org.member.token)).body.total).toBe(4);
  });

  it.each([
    ["an APP without a name", [{ type: "APP", startedAt: "2026-03-02T09:00:00Z", duration: 60 }], 422, /^body\.activities\.0\.name:/],
    ["a URL activity without a URL", [batch[0]!, { type: "URL", startedAt: "2026-03-02T09:00:00Z", duration: 60 }], 422, /^body\.activities\.1\.url:/],
    ["a start in the future", [{ type: "APP", name: "x", startedAt: "2026-03-07T09:00:00Z", duration: 60 }], 422, /^body\.activities\.0\.startedAt:/],
    ["a zero duration", [{ type: "APP", name: "x", startedAt: "2026-03-02T09:00:00Z", duration: 0 }], 422, /^body\.activities\.0\.duration:/],
    ["an unknown type", [{ type: "FILE", name: "x", startedAt: "2026-03-02T09:00:00Z", duration: 5 }], 422, /^body\.activities\.0\.type:/],
    ["no activities", [], 422, /^body\.activities:/],
    ["a project of another organisation", [{ type: "APP", name: "x", startedAt: "2026-03-02T09:00:00Z", duration: 5, projectId: "foreign" }], 404, /Project/],
  ])("refuses a batch with %s and stores nothing", async (_name, activities, status, message) => {
    fixClock(NOW);
    const org = await makeOrg();
    const other = await makeOrg();
    const foreign = await addProject(other.id, other.admin.id, "Theirs");
    const body = { activities: activities.map((a) => ("projectId" in a ? { ...a, projectId: foreign.id } : a)) };
    const res = await api.bulk(org.member.token, body);
    expect(res.status).toBe(status);
    expect(res.body.message).toMatch(message);
    expect((await api.activities(org.member.token)).body.total).toBe(0);
  });

  it("lists activities in a range, scoped like time logs, with totals clipped to the range", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    await api.bulk(org.member.token, {
      activities: [
        { clientId: "1", type: "APP", name: "Figma", startedAt: "2026-03-02T23:50:00Z", duration: 1200 },
        { clientId: "2", type: "APP", name: "Figma", startedAt: "2026-03-03T10:00:00Z", duration: 600 },
        { clientId: "3", type: "APP", name: "Figma", startedAt: "2026-03-04T10:00:00Z", duration: 600 },
      ],
    });
    await api.bulk(org.outsider.token, { activities: [{ clientId: "1", type: "APP", name: "Excel", startedAt: "2026-03-03T10:00:00Z", duration: 60 }] });

    const day = await api.activities(org.member.token, { startDate: "2026-03-03", endDate: "2026-03-03" });
    expect(day.body.items.map((a: { startedAt: string }) => a.startedAt)).toEqual(["2026-03-03T10:00:00.000Z", "2026-03-02T23:50:00.000Z"]);
    const grouped = await api.activities(org.member.token, { startDate: "2026-03-03", endDate: "2026-03-03", groupBy: "name" });
    expect(grouped.body.items).toEqual([{ type: "APP", name: "Figma", duration: 600 + 600, count: 2 }]);

    expect((await api.activities(org.manager.token, { employeeId: org.member.id })).body.total).toBe(3);
    expect((await api.activities(org.manager.token)).body.total).toBe(3);
    expect((await api.activities(org.admin.token)).body.total).toBe(4);
    expect((await api.activities(org.member.token, { employeeId: org.outsider.id })).status).toBe(403);
    expect((await api.activities(org.manager.token, { employeeId: org.outsider.id })).status).toBe(403);
  });
});

describe(`/api/timesheet/time-slot (${testDbKind()})`, () => {
  it("records a slot aligned to 10 minutes; a repeat replaces its figures", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const res = await api.postSlot(org.member.token, { organizationId: org.id, startedAt: "2026-03-02T09:03:20Z", keyboard: 200, mouse: 300, overall: 450 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ startedAt: "2026-03-02T09:00:00.000Z", duration: 600, keyboard: 200, mouse: 300, overall: 450, activity: 75, employeeId: org.member.id });
    const again = await api.postSlot(org.member.token, { startedAt: "2026-03-02T09:09:59Z", keyboard: 10, mouse: 20, overall: 30 });
    expect(again.body).toMatchObject({ id: res.body.id, overall: 30, activity: 5 });
    const list = await api.slots(org.member.token, { startDate: "2026-03-02", endDate: "2026-03-02" });
    expect(list.body).toMatchObject({ total: 1, items: [{ id: res.body.id, overall: 30 }] });
    expect((await api.slots(org.outsider.token, { employeeId: org.member.id })).status).toBe(403);
    expect((await api.slots(org.manager.token, { employeeId: org.member.id })).body.total).toBe(1);
  });

  it.each([
    [{ startedAt: "2026-03-02T09:00:00Z", keyboard: 601, mouse: 0, overall: 0 }, /^body\.keyboard:/],
    [{ startedAt: "2026-03-02T09:00:00Z", duration: 300, keyboard: 0, mouse: 0, overall: 301 }, /^body\.overall:/],
    [{ startedAt: "2026-03-02T09:00:00Z", keyboard: -1, mouse: 0, overall: 0 }, /^body\.keyboard:/],
    [{ startedAt: "2026-03-02T09:00:00Z", duration: 900, keyboard: 0, mouse: 0, overall: 0 }, /^body\.duration:/],
    [{ keyboard: 0, mouse: 0, overall: 0 }, /^body\.startedAt:/],
    [{ startedAt: "2026-03-07T09:00:00Z", keyboard: 0, mouse: 0, overall: 0 }, /^body\.startedAt: must not be in the future/],
  ])("refuses slot %j", async (body, message) => {
    fixClock(NOW);
    const org = await makeOrg();
    const res = await api.postSlot(org.member.token, body);
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(message);
  });
});
