import { describe, expect, it } from "vitest";
import { POST as productivityAnalysis } from "@/app/v1/dashboard/productivity-analysis/route";
import { POST as weeklySummary } from "@/app/v1/dashboard/weekly-summary/route";
import { POST as proofOfWork } from "@/app/v1/proof-of-work/timesheet/route";
import { productivityAnalysisResponse, proofOfWorkResponse, weeklySummaryResponse } from "@/lib/validation/dashboard-responses";
import { testDbKind } from "../db";
import { call, makeOrg, type TestOrg } from "../helpers";
import { addActivities, addEntries, addRules, nameUser } from "./fixtures";

// The seeds' example requests (Asia/Kolkata, Sunday 2026-02-08), field for field, on a
// day whose numbers are worked out by hand below. IST = UTC+05:30, so the local day
// 2026-02-08 is [2026-02-07T18:30Z, 2026-02-08T18:30Z).
//
// member (Abirami Kannan):
//   E1 TRACKED 17:30Z→20:30Z (23:00→02:00 IST, crosses local midnight): 3600 s on Sat, 7200 s on Sun
//   E2 IDLE    20:30Z→21:00Z: 1800 s idle
//   E3 TRACKED 04:00Z→08:00Z: 14400 s
//   E4 MANUAL  18:00Z→19:00Z on the 8th (23:30→00:30 IST): 1800 s on Sun, 1800 s on Mon the 9th
// activities (rules: app "code" productive, youtube.com unproductive, github.com productive):
//   A1 Code 18:00Z+3600 → Sat 1800 productive, Sun 1800 productive
//   A2 www.youtube.com 19:30Z+1200 → 1200 unproductive (a subdomain matches)
//   A3 gist.github.com 20:20Z+1200 → 600 productive (the rest falls on idle time)
//   A4 Code 04:00Z+3600 and A5 youtube.com 04:30Z+600 overlap → 3000 productive, 600 unproductive
//   A6 Slack 05:00Z+1800 → no rule: neutral
//   A7 Code 07:50Z+1200 → 600 productive (the rest is after E3 ends)
//   A8 Code 12:00Z+600 → outside any entry: nothing
// Sunday: total 25200 = active 23400 + idle 1800; productive 6000, unproductive 1800, neutral 15600.

const SUNDAY = { startDate: "2026-02-08 00:00:00", endDate: "2026-02-08 23:59:59", timeZone: "Asia/Kolkata" };

async function seedOrg(): Promise<TestOrg> {
  const org = await makeOrg();
  await nameUser(org.id, org.member.id, "Abirami", "Kannan", "https://cdn.example.test/profile-pic/abirami.png");
  await nameUser(org.id, org.admin.id, "Sakthivel", "Govinthan");
  await addRules(org.id, [
    { matchType: "APP", pattern: "code", classification: "PRODUCTIVE" },
    { matchType: "DOMAIN", pattern: "youtube.com", classification: "UNPRODUCTIVE" },
    { matchType: "DOMAIN", pattern: "github.com", classification: "PRODUCTIVE" },
  ]);
  await addEntries(org.id, org.member.id, [
    { start: "2026-02-07T17:30:00Z", stop: "2026-02-07T20:30:00Z" },
    { start: "2026-02-07T20:30:00Z", stop: "2026-02-07T21:00:00Z", type: "IDLE" },
    { start: "2026-02-08T04:00:00Z", stop: "2026-02-08T08:00:00Z" },
    { start: "2026-02-08T18:00:00Z", stop: "2026-02-08T19:00:00Z", type: "MANUAL" },
  ]);
  await addActivities(org.id, org.member.id, [
    { type: "APP", name: "Code", start: "2026-02-07T18:00:00Z", seconds: 3600 },
    { type: "URL", name: "www.youtube.com", start: "2026-02-07T19:30:00Z", seconds: 1200 },
    { type: "URL", name: "gist.github.com", start: "2026-02-07T20:20:00Z", seconds: 1200 },
    { type: "APP", name: "Code", start: "2026-02-08T04:00:00Z", seconds: 3600 },
    { type: "URL", name: "youtube.com", start: "2026-02-08T04:30:00Z", seconds: 600 },
    { type: "APP", name: "Slack", start: "2026-02-08T05:00:00Z", seconds: 1800 },
    { type: "APP", name: "Code", start: "2026-02-08T07:50:00Z", seconds: 1200 },
    { type: "APP", name: "Code", start: "2026-02-08T12:00:00Z", seconds: 600 },
  ]);
  // admin: 09:00→18:00 IST, no activities (all neutral)
  await addEntries(org.id, org.admin.id, [{ start: "2026-02-08T03:30:00Z", stop: "2026-02-08T12:30:00Z" }]);
  return org;
}

const zeroDay = { totalTimeSpendSeconds: 0, activeTimeSpendSeconds: 0, idleTimeSpendSeconds: 0, productiveTimeSpendSeconds: 0, neutralTimeSpendSeconds: 0, unproductiveTimeSpendSeconds: 0 };

describe(`dashboard seed examples (${testDbKind()})`, () => {
  it("POST /v1/dashboard/productivity-analysis answers seed 000's shape", async () => {
    const org = await seedOrg();
    const res = await call(productivityAnalysis, "POST", "/v1/dashboard/productivity-analysis", {
      token: org.admin.token,
      body: { ...SUNDAY, userId: [org.member.id], teamId: [] },
    });
    expect(res.status).toBe(200);
    // the documented schema holds exactly these fields (parsing drops unknown ones)
    expect(productivityAnalysisResponse.parse(res.body.data)).toEqual(res.body.data);
    expect(res.body).toEqual({
      success: true,
      statusCode: 200,
      statusMessage: "Fetched productivity analysis successfully",
      error: null,
      data: [
        {
          user: { userId: org.member.id, name: "Abirami Kannan", profilePicUrl: "https://cdn.example.test/profile-pic/abirami.png" },
          timeSummary: {
            activeWorkedTimeInSeconds: 23400,
            productiveWorkedTimeInSeconds: 6000,
            unproductiveWorkedTimeInSeconds: 1800,
            neutralWorkedTimeInSeconds: 15600,
          },
        },
      ],
    });
  });

  it("POST /v1/dashboard/weekly-summary answers seed 001's shape for the whole week", async () => {
    const org = await seedOrg();
    const res = await call(weeklySummary, "POST", "/v1/dashboard/weekly-summary", {
      token: org.member.token,
      body: { ...SUNDAY, userId: [org.member.id], teamId: [] },
    });
    expect(res.status).toBe(200);
    expect(weeklySummaryResponse.parse(res.body.data)).toEqual(res.body.data);
    const days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    expect(res.body).toEqual({
      success: true,
      statusCode: 200,
      statusMessage: "Fetched weekly summary successfully",
      error: null,
      data: {
        breakdownSummary: days.map((day, i) => ({
          date: `2026-02-0${2 + i}T00:00:00.000Z`,
          day,
          metrics:
            day === "Saturday"
              ? { totalTimeSpendSeconds: 3600, activeTimeSpendSeconds: 3600, idleTimeSpendSeconds: 0, productiveTimeSpendSeconds: 1800, neutralTimeSpendSeconds: 1800, unproductiveTimeSpendSeconds: 0 }
              : day === "Sunday"
                ? { totalTimeSpendSeconds: 25200, activeTimeSpendSeconds: 23400, idleTimeSpendSeconds: 1800, productiveTimeSpendSeconds: 6000, neutralTimeSpendSeconds: 15600, unproductiveTimeSpendSeconds: 1800 }
                : zeroDay,
        })),
        overallSummary: {
          totalActiveTimeSpendSeconds: 27000,
          totalIdleTimeSpendSeconds: 1800,
          totalTimeSpendSeconds: 28800,
          totalProductiveTimeSpendSeconds: 7800,
          totalNeutralTimeSpendSeconds: 17400,
          totalUnproductiveTimeSpendSeconds: 1800,
        },
      },
    });
  });

  it("POST /v1/proof-of-work/timesheet answers seed 002's shape, users by name", async () => {
    const org = await seedOrg();
    const res = await call(proofOfWork, "POST", "/v1/proof-of-work/timesheet", {
      token: org.admin.token,
      body: { startDate: "2026-02-08 00:00:00", endDate: "2026-02-09 23:59:59", timeZone: "Asia/Kolkata", userId: [org.admin.id, org.member.id], offset: 1, teamId: [] },
    });
    expect(res.status).toBe(200);
    expect(proofOfWorkResponse.parse(res.body.response)).toEqual(res.body.response);
    expect(res.body).toEqual({
      statusCode: 200,
      statusMessage: "Fetched timesheet successfully",
      error: null,
      response: {
        totalActiveUsers: 2,
        usersList: [
          {
            user: { userId: org.member.id, name: "Abirami Kannan", profilePicUrl: "https://cdn.example.test/profile-pic/abirami.png" },
            dailySummary: [
              {
                date: "2026-02-08T00:00:00.000Z",
                day: "Sunday",
                // E1 is split at local midnight; E4 at the next one
                inTime: "2026-02-07T18:30:00.000Z",
                outTime: "2026-02-08T18:30:00.000Z",
                totalTimeSpendSeconds: 25200,
                activeTimeSpendSeconds: 23400,
                idleTimeSpendSeconds: 1800,
                productiveTimeSpendSeconds: 6000,
                unproductiveTimeSpendSeconds: 1800,
                neutralTimeSpendSeconds: 15600,
              },
              {
                date: "2026-02-09T00:00:00.000Z",
                day: "Monday",
                inTime: "2026-02-08T18:30:00.000Z",
                outTime: "2026-02-08T19:00:00.000Z",
                totalTimeSpendSeconds: 1800,
                activeTimeSpendSeconds: 1800,
                idleTimeSpendSeconds: 0,
                productiveTimeSpendSeconds: 0,
                unproductiveTimeSpendSeconds: 0,
                neutralTimeSpendSeconds: 1800,
              },
            ],
            overallSummary: {
              totalActiveTimeSpendSeconds: 25200,
              totalIdleTimeSpendSeconds: 1800,
              totalTimeSpendSeconds: 27000,
              totalProductiveTimeSpendSeconds: 6000,
              totalNeutralTimeSpendSeconds: 17400,
              totalUnproductiveTimeSpendSeconds: 1800,
            },
            // check-ins 00:00 and 00:00; check-outs 24:00 (end of Sunday) and 00:30
            session: { avgCheckInTime: "00:00:00", avgCheckOutTime: "12:15:00" },
          },
          {
            user: { userId: org.admin.id, name: "Sakthivel Govinthan", profilePicUrl: null },
            dailySummary: [
              {
                date: "2026-02-08T00:00:00.000Z",
                day: "Sunday",
                inTime: "2026-02-08T03:30:00.000Z",
                outTime: "2026-02-08T12:30:00.000Z",
                totalTimeSpendSeconds: 32400,
                activeTimeSpendSeconds: 32400,
                idleTimeSpendSeconds: 0,
                productiveTimeSpendSeconds: 0,
                unproductiveTimeSpendSeconds: 0,
                neutralTimeSpendSeconds: 32400,
              },
            ],
            overallSummary: {
              totalActiveTimeSpendSeconds: 32400,
              totalIdleTimeSpendSeconds: 0,
              totalTimeSpendSeconds: 32400,
              totalProductiveTimeSpendSeconds: 0,
              totalNeutralTimeSpendSeconds: 32400,
              totalUnproductiveTimeSpendSeconds: 0,
            },
            session: { avgCheckInTime: "09:00:00", avgCheckOutTime: "18:00:00" },
          },
        ],
      },
    });
  });
});
