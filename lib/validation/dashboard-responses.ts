import { z } from "zod";

// Response shapes of the dashboards (seeds 000-002) and of /v1/productivity-rules, for the
// OpenAPI document (the wrapper adds each family's envelope). The services build exactly these.

const seconds = z.number().int().min(0);
const calendarDay = z.string().describe("The local calendar day as its midnight in UTC, e.g. 2026-02-02T00:00:00.000Z");
const weekday = z.enum(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]);

export const dashboardUser = z.object({ userId: z.string(), name: z.string(), profilePicUrl: z.string().nullable() });

export const productivityAnalysisResponse = z.array(
  z.object({
    user: dashboardUser,
    timeSummary: z.object({
      activeWorkedTimeInSeconds: seconds,
      productiveWorkedTimeInSeconds: seconds,
      unproductiveWorkedTimeInSeconds: seconds,
      neutralWorkedTimeInSeconds: seconds,
    }),
  }),
);

const metrics = {
  totalTimeSpendSeconds: seconds,
  activeTimeSpendSeconds: seconds,
  idleTimeSpendSeconds: seconds,
  productiveTimeSpendSeconds: seconds,
  neutralTimeSpendSeconds: seconds,
  unproductiveTimeSpendSeconds: seconds,
};

const overallSummary = z.object({
  totalActiveTimeSpendSeconds: seconds,
  totalIdleTimeSpendSeconds: seconds,
  totalTimeSpendSeconds: seconds,
  totalProductiveTimeSpendSeconds: seconds,
  totalNeutralTimeSpendSeconds: seconds,
  totalUnproductiveTimeSpendSeconds: seconds,
});

export const weeklySummaryResponse = z.object({
  breakdownSummary: z.array(z.object({ date: calendarDay, day: weekday, metrics: z.object(metrics) })),
  overallSummary,
});

const clock = z.string().nullable().describe("Average local clock time HH:mm:ss; null without tracked days");

export const proofOfWorkResponse = z.object({
  totalActiveUsers: z.number().int().describe("Users in the whole selection (all pages)"),
  usersList: z.array(
    z.object({
      user: dashboardUser,
      dailySummary: z.array(
        z.object({
          date: calendarDay,
          day: weekday,
          inTime: z.string().describe("First start of the local day (ISO 8601 instant)"),
          outTime: z.string().describe("Last end of the local day (ISO 8601 instant)"),
          ...metrics,
        }),
      ),
      overallSummary,
      session: z.object({ avgCheckInTime: clock, avgCheckOutTime: clock }),
    }),
  ),
});

export const productivityRuleResponse = z.object({
  id: z.string(),
  teamId: z.string().nullable(),
  matchType: z.enum(["APP", "DOMAIN"]),
  pattern: z.string(),
  classification: z.enum(["PRODUCTIVE", "NEUTRAL", "UNPRODUCTIVE"]),
  createdAt: z.string(),
  updatedAt: z.string(),
});

// The views: each service's answer is typed by its schema, and client code imports these.
export type DashboardUser = z.output<typeof dashboardUser>;
export type ProductivityAnalysis = z.output<typeof productivityAnalysisResponse>;
export type ProductivityAnalysisRow = ProductivityAnalysis[number];
export type WeeklySummary = z.output<typeof weeklySummaryResponse>;
export type ProofOfWork = z.output<typeof proofOfWorkResponse>;
export type ProofOfWorkUser = ProofOfWork["usersList"][number];
export type RuleView = z.output<typeof productivityRuleResponse>;
