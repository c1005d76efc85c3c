import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireCaller } from "@/lib/auth/current";
import { now } from "@/base/clock";
import { addDaysToDate, localDate } from "@/lib/time/zones";
import { loadOwnLogs, loadOwnSheet, loadProjectsAndTasks } from "@/app/(app)/member-data";
import { weekParam } from "@/components/team/week";
import { WeekView } from "@/components/timesheets/week-view";

export const metadata: Metadata = { title: "Week · Timebase" };
export const dynamic = "force-dynamic";

// /week?week=YYYY-MM-DD – the person's timesheet week (Monday to Sunday in their zone).
export default async function WeekPage({ searchParams }: { searchParams: Promise<{ week?: string | string[] }> }) {
  const caller = await requireCaller();
  const db = await getDb();
  const serverNow = now().getTime();
  const weekStart = weekParam((await searchParams).week, localDate(new Date(serverNow), caller.timeZone));
  const [logs, sheet, refs] = await Promise.all([
    loadOwnLogs(db, caller, weekStart, addDaysToDate(weekStart, 6)),
    loadOwnSheet(db, caller, weekStart),
    loadProjectsAndTasks(db, caller),
  ]);
  return (
    <WeekView
      key={weekStart}
      userId={caller.userId}
      timeZone={caller.timeZone}
      weekStart={weekStart}
      serverNow={serverNow}
      initial={{ logs, sheet, projects: refs.projects, tasks: refs.tasks }}
    />
  );
}
