import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { POST as productivityAnalysis } from "@/app/v1/dashboard/productivity-analysis/route";
import { POST as weeklySummary } from "@/app/v1/dashboard/weekly-summary/route";
import { POST as proofOfWork } from "@/app/v1/proof-of-work/timesheet/route";
import { addDaysToDate, dayStart, mondayOf, zonedToInstant } from "@/lib/time/zones";
import { testDbKind } from "../db";
import { call, makeOrg } from "../helpers";
import { addActivities, addEntries, addRules, clearTracking, type ActivitySpec, type EntrySpec } from "./fixtures";
import { union, type Iv } from "../consistency/oracle";

// Property tests: random entries (idle or not), random overlapping activities and random
// ranges in zones with and without DST, around DST changes. Every row and every total
// keeps total = active + idle and active = productive + neutral + unproductive, and the
// numbers equal a plain interval computation in JavaScript (one reference, written
// independently of the SQL), per local day as well as overall, whether computed from the
// rows or read back from the rollup cache (each run changes the rows, so both paths run).

const ZONES = ["UTC", "Asia/Kolkata", "America/New_York", "Europe/London", "Australia/Sydney", "Pacific/Chatham", "Asia/Kathmandu"];
// days with DST changes in one of the zones
const BASES = ["2026-03-08", "2026-03-29", "2026-04-05", "2026-09-27", "2026-10-04", "2026-10-25", "2026-11-01"];
const APPS = ["Code", "Steam", "Slack", "Figma"];
const HOSTS = ["github.com", "gist.github.com", "api.github.com", "youtube.com", "m.youtube.com", "notgithub.com", "example.org"];

type Cls = "P" | "U" | "N";
// the member is in the team that overrides youtube.com (productive) and slack (neutral)
function classify(a: ActivitySpec): Cls {
  const n = a.name.toLowerCase();
  if (a.type === "APP") return n === "code" ? "P" : n === "steam" ? "U" : "N";
  const under = (d: string) => n === d || n.endsWith(`.${d}`);
  if (under("youtube.com")) return "P";
  if (under("gist.github.com")) return "U";
  if (under("github.com")) return "P";
  return "N";
}

const overlap = (a: Iv[], b: Iv[]) => {
  let ms = 0;
  for (const [s1, t1] of a) for (const [s2, t2] of b) ms += Math.max(0, Math.min(t1, t2) - Math.max(s1, s2));
  return ms / 1000;
};

interface Ref { total: number; active: number; idle: number; productive: number; unproductive: number; neutral: number }
function reference(entries: EntrySpec[], acts: ActivitySpec[], from: Date, to: Date): Ref {
  const lo = from.getTime();
  const hi = to.getTime();
  const clipped = (list: EntrySpec[]) =>
    list.map((e): Iv => [Math.max(Date.parse(e.start), lo), Math.min(Date.parse(e.stop!), hi)]).filter(([s, t]) => s < t);
  const work = union(clipped(entries.filter((e) => e.type !== "IDLE")));
  const idle = union(clipped(entries.filter((e) => e.type === "IDLE")));
  const ivs = (cls: Cls[]) => union(acts.filter((a) => cls.includes(classify(a))).map((a): Iv => [Date.parse(a.start), Date.parse(a.start) + a.seconds * 1000]));
  const active = overlap(work, [[lo, hi]]);
  const idleS = overlap(idle, [[lo, hi]]);
  const covered = overlap(work, ivs(["P", "U"]));
  const unproductive = overlap(work, ivs(["U"]));
  return { total: active + idleS, active, idle: idleS, productive: covered - unproductive, unproductive, neutral: active - covered };
}

const iso = (ms: number) => new Date(ms).toISOString();

const scenario = fc.record({
  zone: fc.constantFrom(...ZONES),
  base: fc.constantFrom(...BASES),
  entries: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 40_000 }), seconds: fc.integer({ min: 1, max: 50_000 }), idle: fc.boolean() }), { minLength: 0, maxLength: 14 }),
  activities: fc.array(
    fc.record({
      app: fc.boolean(),
      pick: fc.nat(),
      at: fc.integer({ min: 0, max: 7 * 86_400 }),
      seconds: fc.integer({ min: 1, max: 7200 }),
    }),
    { maxLength: 40 },
  ),
  startDay: fc.integer({ min: -2, max: 3 }),
  // wall-clock hours from 05:00 keep the range ends out of DST gaps (which are between 00:00 and 04:00)
  startSecond: fc.integer({ min: 5 * 3600, max: 86_399 }),
  lengthDays: fc.integer({ min: 0, max: 6 }),
  endSecond: fc.integer({ min: 5 * 3600, max: 86_399 }),
});

const wall = (day: string, second: number) =>
  `${day} ${[Math.floor(second / 3600), Math.floor((second % 3600) / 60), second % 60].map((n) => String(n).padStart(2, "0")).join(":")}`;

describe(`dashboard invariants (${testDbKind()})`, () => {
  it("hold for random entries, activities, zones and ranges, and match the reference computation", async () => {
    const org = await makeOrg();
    await addRules(org.id, [
      { matchType: "APP", pattern: "code", classification: "PRODUCTIVE" },
      { matchType: "APP", pattern: "steam", classification: "UNPRODUCTIVE" },
      { matchType: "APP", pattern: "slack", classification: "PRODUCTIVE" },
      { matchType: "APP", pattern: "slack", classification: "NEUTRAL", teamId: org.teamId },
      { matchType: "DOMAIN", pattern: "github.com", classification: "PRODUCTIVE" },
      { matchType: "DOMAIN", pattern: "gist.github.com", classification: "UNPRODUCTIVE" },
      { matchType: "DOMAIN", pattern: "youtube.com", classification: "UNPRODUCTIVE" },
      { matchType: "DOMAIN", pattern: "youtube.com", classification: "PRODUCTIVE", teamId: org.teamId },
    ]);
    const user = org.member;

    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        // entries one after another (a user's entries never overlap), from 3 days before the DST change
        const origin = Date.parse(`${s.base}T00:00:00Z`) - 3 * 86_400_000;
        let cursor = origin;
        const entries: EntrySpec[] = s.entries.map((e) => {
          const start = cursor + e.gap * 1000;
          cursor = start + e.seconds * 1000;
          return { start: iso(start), stop: iso(cursor), type: e.idle ? "IDLE" : "TRACKED" };
        });
        const acts: ActivitySpec[] = s.activities.map((a) => ({
          type: a.app ? "APP" : "URL",
          name: a.app ? APPS[a.pick % APPS.length]! : HOSTS[a.pick % HOSTS.length]!,
          start: iso(origin + a.at * 1000),
          seconds: a.seconds,
        }));
        await clearTracking(org.id, user.id);
        await addEntries(org.id, user.id, entries);
        await addActivities(org.id, user.id, acts);

        const startDay = addDaysToDate(s.base, s.startDay);
        const endDay = addDaysToDate(startDay, s.lengthDays);
        const startDate = wall(startDay, s.startSecond);
        const endDate = s.lengthDays === 0 && s.endSecond < s.startSecond ? wall(endDay, s.startSecond) : wall(endDay, s.endSecond);
        const body = { startDate, endDate, timeZone: s.zone, userId: [user.id], teamId: [] };
        const from = zonedToInstant(startDate, s.zone);
        const to = new Date(zonedToInstant(endDate, s.zone).getTime() + 1000);

        // productivity-analysis: the exact range
        const pa = await call(productivityAnalysis, "POST", "/v1/dashboard/productivity-analysis", { token: user.token, body });
        expect(pa.status).toBe(200);
        const ref = reference(entries, acts, from, to);
        expect(pa.body.data[0].timeSummary).toEqual({
          activeWorkedTimeInSeconds: ref.active,
          productiveWorkedTimeInSeconds: ref.productive,
          unproductiveWorkedTimeInSeconds: ref.unproductive,
          neutralWorkedTimeInSeconds: ref.neutral,
        });

        // weekly-summary: every local day of the weeks, each equal to the reference over that day
        const ws = await call(weeklySummary, "POST", "/v1/dashboard/weekly-summary", { token: user.token, body });
        expect(ws.status).toBe(200);
        const rows = ws.body.data.breakdownSummary as Array<{ date: string; metrics: Record<string, number> }>;
        const monday = mondayOf(startDay);
        expect(rows[0]!.date).toBe(`${monday}T00:00:00.000Z`);
        expect(rows.length % 7).toBe(0);
        const sum = { total: 0, active: 0, idle: 0, productive: 0, unproductive: 0, neutral: 0 };
        rows.forEach((r, i) => {
          const day = addDaysToDate(monday, i);
          const m = r.metrics;
          const dayRef = reference(entries, acts, dayStart(day, s.zone), dayStart(addDaysToDate(day, 1), s.zone));
          expect(m).toEqual({
            totalTimeSpendSeconds: dayRef.total,
            activeTimeSpendSeconds: dayRef.active,
            idleTimeSpendSeconds: dayRef.idle,
            productiveTimeSpendSeconds: dayRef.productive,
            neutralTimeSpendSeconds: dayRef.neutral,
            unproductiveTimeSpendSeconds: dayRef.unproductive,
          });
          expect(m.totalTimeSpendSeconds).toBe(m.activeTimeSpendSeconds! + m.idleTimeSpendSeconds!);
          expect(m.activeTimeSpendSeconds).toBe(m.productiveTimeSpendSeconds! + m.neutralTimeSpendSeconds! + m.unproductiveTimeSpendSeconds!);
          sum.total += m.totalTimeSpendSeconds!;
          sum.active += m.activeTimeSpendSeconds!;
          sum.idle += m.idleTimeSpendSeconds!;
          sum.productive += m.productiveTimeSpendSeconds!;
          sum.unproductive += m.unproductiveTimeSpendSeconds!;
          sum.neutral += m.neutralTimeSpendSeconds!;
        });
        const o = ws.body.data.overallSummary;
        expect([o.totalTimeSpendSeconds, o.totalActiveTimeSpendSeconds, o.totalIdleTimeSpendSeconds, o.totalProductiveTimeSpendSeconds, o.totalUnproductiveTimeSpendSeconds, o.totalNeutralTimeSpendSeconds]).toEqual([
          sum.total, sum.active, sum.idle, sum.productive, sum.unproductive, sum.neutral,
        ]);
        expect(o.totalTimeSpendSeconds).toBe(o.totalActiveTimeSpendSeconds + o.totalIdleTimeSpendSeconds);
        expect(o.totalActiveTimeSpendSeconds).toBe(o.totalProductiveTimeSpendSeconds + o.totalNeutralTimeSpendSeconds + o.totalUnproductiveTimeSpendSeconds);
        const weekRef = reference(entries, acts, dayStart(monday, s.zone), dayStart(addDaysToDate(monday, rows.length), s.zone));
        expect(o.totalTimeSpendSeconds).toBe(weekRef.total);

        // proof-of-work: the exact range per day; its totals agree with productivity-analysis
        const pw = await call(proofOfWork, "POST", "/v1/proof-of-work/timesheet", { token: user.token, body: { ...body, offset: 1 } });
        expect(pw.status).toBe(200);
        const u = pw.body.response.usersList[0];
        let total = 0;
        let active = 0;
        for (const d of u.dailySummary) {
          expect(d.totalTimeSpendSeconds).toBeGreaterThan(0);
          expect(d.totalTimeSpendSeconds).toBe(d.activeTimeSpendSeconds + d.idleTimeSpendSeconds);
          expect(d.activeTimeSpendSeconds).toBe(d.productiveTimeSpendSeconds + d.neutralTimeSpendSeconds + d.unproductiveTimeSpendSeconds);
          expect(Date.parse(d.inTime)).toBeLessThan(Date.parse(d.outTime));
          expect(Date.parse(d.inTime)).toBeGreaterThanOrEqual(Math.max(from.getTime(), dayStart(d.date.slice(0, 10), s.zone).getTime()));
          expect(Date.parse(d.outTime)).toBeLessThanOrEqual(Math.min(to.getTime(), dayStart(addDaysToDate(d.date.slice(0, 10), 1), s.zone).getTime()));
          total += d.totalTimeSpendSeconds;
          active += d.activeTimeSpendSeconds;
        }
        expect(u.overallSummary.totalTimeSpendSeconds).toBe(total);
        expect(u.overallSummary.totalActiveTimeSpendSeconds).toBe(active);
        expect(total).toBe(ref.total);
        expect(u.overallSummary.totalProductiveTimeSpendSeconds).toBe(ref.productive);
        expect(u.overallSummary.totalUnproductiveTimeSpendSeconds).toBe(ref.unproductive);
        expect(u.session.avgCheckInTime === null).toBe(u.dailySummary.length === 0);

        // asked again, the answers come from the rollup cache and are the same
        const again = await call(productivityAnalysis, "POST", "/v1/dashboard/productivity-analysis", { token: user.token, body });
        expect(again.body).toEqual(pa.body);
        const weekAgain = await call(weeklySummary, "POST", "/v1/dashboard/weekly-summary", { token: user.token, body });
        expect(weekAgain.body).toEqual(ws.body);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 25) },
    );
  }, 120_000);
});
