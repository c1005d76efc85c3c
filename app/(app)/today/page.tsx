import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireCaller } from "@/lib/auth/current";
import { now } from "@/base/clock";
import { localDate, mondayOf } from "@/lib/time/zones";
import { loadOwnLogs, loadOwnSheet, loadProjectsAndTasks, loadTimerStatus } from "@/app/(app)/member-data";
import { TodayView } from "@/components/timer/today-view";

export const metadata: Metadata = { title: "Today · Timebase" };
export const dynamic = "force-dynamic";

// /today – the employee's timer and the day's entries, in the person's time zone.
export default async function TodayPage() {
  const caller = await requireCaller();
  const db = await getDb();
  const serverNow = now().getTime();
  const today = localDate(new Date(serverNow), caller.timeZone);
  const [status, logs, sheet, refs] = await Promise.all([
    loadTimerStatus(db, caller),
    loadOwnLogs(db, caller, today, today),
    loadOwnSheet(db, caller, mondayOf(today)),
    loadProjectsAndTasks(db, caller),
  ]);
  return (
    <TodayView
      userId={caller.userId}
      timeZone={caller.timeZone}
      serverNow={serverNow}
      initial={{ today, status, logs, sheet, projects: refs.projects, tasks: refs.tasks }}
    />
  );
}
