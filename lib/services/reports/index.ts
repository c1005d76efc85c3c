// Reports: the five /v1 reports and the /api/timesheet daily chart and project time report.

export * from "./v1-reports";
export * from "./daily-chart";
export * from "./time-report";
