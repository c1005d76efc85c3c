import type { ProductivityAnalysisRow, ProofOfWorkUser, WeeklySummary } from "@/lib/validation/dashboard-responses";
import { clockIn } from "@/components/format/time";

// CSV files of the team dashboard's tables (RFC 4180: quoted where needed, CRLF lines).

export type Cell = string | number | null | undefined;

/** One cell; text a spreadsheet would run as a formula (=, +, -, @) is prefixed with '. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: Cell[][]): string {
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export function breakdownCsv(summary: WeeklySummary): string {
  const header = ["date", "day", "total_seconds", "active_seconds", "idle_seconds", "productive_seconds", "neutral_seconds", "unproductive_seconds"];
  const rows: Cell[][] = summary.breakdownSummary.map(({ date, day, metrics: m }) => [
    date.slice(0, 10),
    day,
    m.totalTimeSpendSeconds,
    m.activeTimeSpendSeconds,
    m.idleTimeSpendSeconds,
    m.productiveTimeSpendSeconds,
    m.neutralTimeSpendSeconds,
    m.unproductiveTimeSpendSeconds,
  ]);
  const o = summary.overallSummary;
  rows.push([
    "total",
    "",
    o.totalTimeSpendSeconds,
    o.totalActiveTimeSpendSeconds,
    o.totalIdleTimeSpendSeconds,
    o.totalProductiveTimeSpendSeconds,
    o.totalNeutralTimeSpendSeconds,
    o.totalUnproductiveTimeSpendSeconds,
  ]);
  return toCsv([header, ...rows]);
}

export function productivityCsv(rows: ProductivityAnalysisRow[]): string {
  return toCsv([
    ["user_id", "name", "active_seconds", "productive_seconds", "neutral_seconds", "unproductive_seconds"],
    ...rows.map(({ user, timeSummary: t }) => [
      user.userId,
      user.name,
      t.activeWorkedTimeInSeconds,
      t.productiveWorkedTimeInSeconds,
      t.neutralWorkedTimeInSeconds,
      t.unproductiveWorkedTimeInSeconds,
    ]),
  ]);
}

/** One row per user and worked day; in/out as wall-clock times in the dashboard's zone. */
export function proofOfWorkCsv(users: ProofOfWorkUser[], timeZone: string): string {
  const rows: Cell[][] = [
    ["user_id", "name", "date", "day", "in_time", "out_time", "total_seconds", "active_seconds", "idle_seconds", "productive_seconds", "neutral_seconds", "unproductive_seconds", "avg_check_in", "avg_check_out", "time_zone"],
  ];
  for (const u of users) {
    for (const d of u.dailySummary) {
      rows.push([
        u.user.userId,
        u.user.name,
        d.date.slice(0, 10),
        d.day,
        clockIn(d.inTime, timeZone),
        clockIn(d.outTime, timeZone),
        d.totalTimeSpendSeconds,
        d.activeTimeSpendSeconds,
        d.idleTimeSpendSeconds,
        d.productiveTimeSpendSeconds,
        d.neutralTimeSpendSeconds,
        d.unproductiveTimeSpendSeconds,
        u.session.avgCheckInTime,
        u.session.avgCheckOutTime,
        timeZone,
      ]);
    }
  }
  return toCsv(rows);
}

/** "team-dashboard-breakdown-2026-02-02.csv" – file names without spaces or slashes. */
export function csvFileName(kind: string, monday: string, team?: string): string {
  const slug = (team ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return [slug || "team", kind, monday].join("-") + ".csv";
}
